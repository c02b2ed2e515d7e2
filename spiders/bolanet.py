"""bola.net: the latest-news listing (``/berita_terkini/``, later pages ``index2.html``, ...,
the group's paging) and the sitemap index (``/sitemap/sitemap.xml``). Times are WIB."""

from newscrawl.outlet import Index, Outlet, Sitemap
from newscrawl.parsers import bolanet

OUTLET = Outlet(
    name="bolanet",
    domains=("bola.net",),
    parser=bolanet.PARSERS,
    sources=(
        Index(
            "{base}/berita_terkini/index{page}.html",
            first="{base}/berita_terkini/",
            max_pages=30,
            when="always",
        ),
        Sitemap("{base}/sitemap/sitemap.xml", when="backfill"),
    ),
    not_people=("Bola.net",),
    article_url=r"^/[\w-]+/[\w-]+-[0-9a-f]{6}\.html$",
)
