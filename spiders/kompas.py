"""kompas.com: the channels' news sitemaps (listed in ``sitemap.xml``) for the latest
articles, the dated indeks (``?site=all&date=YYYY-MM-DD&page=N``) day by day."""

from newscrawl.outlet import Index, Outlet, Sitemap
from newscrawl.parsers import kompas
from newscrawl.parsers.kompas import listing_links

OUTLET = Outlet(
    name="kompas",
    domains=("kompas.com",),
    parser=kompas.PARSERS,
    single_page={"page": "all"},
    sources=(
        # Lists every channel's sitemaps; the "/sitemap-news-<channel>.xml" ones hold the last days.
        Sitemap("https://www.kompas.com/sitemap.xml", follow=r"/sitemap-news"),
        # About 15 articles a page, a few hundred a day: stop paging well after that.
        Index(
            "https://indeks.kompas.com/?site=all&date={day:%Y-%m-%d}&page={page}",
            links=listing_links,
            max_pages=60,
            when="always",
        ),
    ),
)
