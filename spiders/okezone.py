"""okezone.com: the RSS feed for what is new, the cross-kanal dated index of
index.okezone.com (``/bydate/index/YYYY/MM/DD/<offset>/``, 15 items a page, followed by its
paging links) for backfills. Dates print as "Jum'at, 24 Juli 2026 |15:18 WIB"; long articles
are fetched as ``?page=all``."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import okezone
from newscrawl.parsers.okezone import listing_links, next_listing_page

OUTLET = Outlet(
    name="okezone",
    domains=("okezone.com",),
    parser=okezone.PARSERS,
    single_page={"page": "all"},
    sources=(
        Feed("https://www.okezone.com/rss"),
        Index(
            "https://index.okezone.com/bydate/index/{day:%Y/%m/%d}/0/",
            links=listing_links,
            next_page=next_listing_page,
            max_pages=60,
            when="always",
        ),
    ),
    not_people=("Okezone", "Okezone.com"),
    title_suffix=r"\s*:\s*Okezone\b.*$",
    article_url=r"^/read/\d{4}/\d\d/\d\d/\d+/\d+/",
)
