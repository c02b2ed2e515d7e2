"""CNBC Indonesia: the all-kanal RSS for what is new, the dated index
(``/indeks?date=YYYY/MM/DD&page=N``, ``<article>`` cards, times like "10 menit yang lalu") day
by day for backfills. Dates are WIB."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import cnbcindonesia
from newscrawl.parsers.cnbcindonesia import listing_links
from newscrawl.parsers.transmedia import still_that_day

OUTLET = Outlet(
    name="cnbcindonesia",
    domains=("cnbcindonesia.com",),
    parser=cnbcindonesia.PARSERS,
    sources=(
        # The all-kanal feed; the kanal feeds (/news/rss, /market/rss ...) are subsets.
        Feed("{base}/rss"),
        # Relative times are too coarse to filter on: the URL stamp and the record decide.
        Index(
            "{base}/indeks?date={day:%Y/%m/%d}&page={page}",
            links=listing_links,
            keep_going=still_that_day,
            by_date=False,
        ),
    ),
    not_people=("CNBC Indonesia", "cnbcindonesia.com"),
    title_suffix=r"\s*[|-]\s*CNBC\s*Indonesia\s*$",
    article_url=r"^/[a-z-]+/\d{14}-\d+-\d+/",
)
