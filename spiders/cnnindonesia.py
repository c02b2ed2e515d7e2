"""CNN Indonesia: the all-kanal RSS feed and the latest index page for what is new, the
dated index (``/indeks?date=YYYY/MM/DD``) for backfills."""

from datetime import date, datetime, time, timedelta

from newscrawl.dates import JAKARTA
from newscrawl.discover.discovery import Link
from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import cnnindonesia
from newscrawl.parsers.cnnindonesia import created_at, listing_links, next_index_page


def still_that_day(links: list[Link], day: date | None) -> bool:
    """A dated index runs newest first: go on while a link was created that day or the day
    before (videos are often created a day early); a page of older links ends the day."""
    if day is None:
        return False
    oldest = datetime.combine(day - timedelta(days=1), time(), JAKARTA)
    return any((created_at(link.url) or oldest) >= oldest for link in links)


OUTLET = Outlet(
    name="cnnindonesia",
    domains=("cnnindonesia.com",),
    parser=cnnindonesia.PARSERS,
    sources=(
        # The all-kanal feed ("terbaru"); the kanal feeds (/nasional/rss ...) are subsets.
        Feed("{base}/rss"),
        # No bounds: the latest index page only (the undated index runs to page 1000).
        Index("{base}/indeks", links=listing_links, max_pages=1, when="latest"),
        # Its "N hari yang lalu" times are too coarse to filter on: the record's date decides.
        Index(
            "{base}/indeks?date={day:%Y/%m/%d}",
            links=listing_links,
            next_page=next_index_page,
            keep_going=still_that_day,
            by_date=False,
        ),
    ),
)
