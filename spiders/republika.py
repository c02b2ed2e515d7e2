"""Republika (republika.co.id, its kanal and regional subdomains, ihram.co.id): the RSS and the
sitemap robots.txt names for what is new; the dated all-kanal index
(``/index/<offset>/YYYY/MM/DD``, fifty items a page) day by day for backfills. Dates are
printed in WIB ("Jumat 24 Jul 2026 16:32 WIB"; the dated index "20 July 2026, 23:40")."""

from newscrawl.outlet import Feed, Index, Outlet, Sitemap
from newscrawl.parsers import republika
from newscrawl.parsers.republika import listing_links, next_index_page

OUTLET = Outlet(
    name="republika",
    domains=republika.DOMAINS,
    parser=republika.PARSERS,
    sources=(
        Feed("https://www.republika.co.id/rss"),
        Sitemap("https://republika.co.id/files/xml/sitemap.xml", when="latest"),
        Index(
            "https://republika.co.id/index/0/{day:%Y/%m/%d}",
            links=listing_links,
            next_page=next_index_page,
        ),
    ),
    not_people=("Republika", "Republika Online", "ihram.co.id"),
    title_suffix=r"\s*[|-]\s*(?:Republika Online|ihram\.co\.id)$",
    article_url=r"/berita/",
)
