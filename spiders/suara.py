"""suara.com: the RSS feed and the sitemaps robots.txt names for what is new, the paged
``/indeks`` (about 20 articles a page, newest first) for backfills. Dates print as "Jum'at, 24
Juli 2026 | 07:08 WIB" (2015: "19 Jun 2015 | 13:06"); multi-page articles are merged."""

from newscrawl.outlet import Feed, Index, Outlet, Site
from newscrawl.parsers import suara

OUTLET = Outlet(
    name="suara",
    domains=("suara.com",),
    parser=suara.PARSERS,
    sources=(
        Feed("https://www.suara.com/rss"),
        Site("https://www.suara.com", when="latest"),
        Index("https://www.suara.com/indeks?page={page}", max_pages=50),
    ),
    not_people=("Suara.com",),
    title_suffix=r"\s*[-|]\s*Suara\.com\s*$",
    article_url=r"^/[a-z-]+/\d{4}/\d\d/\d\d/\d{6}/",
)
