"""CNN Indonesia: the all-kanal RSS feed and the latest index page for what is new, the
dated index (``/indeks?date=YYYY/MM/DD``) for backfills."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import cnnindonesia
from newscrawl.parsers.cnnindonesia import listing_links, next_index_page
from newscrawl.parsers.transmedia import still_that_day

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
