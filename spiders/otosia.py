"""otosia.com: the latest-news listing (``/berita-otomotif-terbaru/``, later pages
``index2.html``, ..., the group's paging), for scheduled runs and backfills. Times are WIB."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers import otosia

OUTLET = Outlet(
    name="otosia",
    domains=("otosia.com",),
    parser=otosia.PARSERS,
    sources=(
        Index(
            "{base}/berita-otomotif-terbaru/index{page}.html",
            first="{base}/berita-otomotif-terbaru/",
            max_pages=30,
            when="always",
        ),
        Site("{base}", when="latest"),
    ),
    not_people=("Otosia.com", "Otosia"),
    article_url=r"^/berita/[\w-]+\.html$",
)
