"""fimela.com (KLY, the KMK platform of liputan6): the dated index ``/indeks/YYYY/MM/DD?page=N``
(rows with ``time[datetime]``, galleries and videos included: the parser refuses those), one
day at a time; without dates a run walks today's. Times are WIB ("31 Okt 2026, 08:45 WIB")."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers import fimela
from newscrawl.parsers.liputan6 import listing_links

OUTLET = Outlet(
    name="fimela",
    domains=("fimela.com",),
    parser=fimela.PARSERS,
    sources=(
        Index(
            "{base}/indeks/{day:%Y/%m/%d}?page={page}",
            first="{base}/indeks/{day:%Y/%m/%d}",
            links=listing_links,
            max_pages=40,
            when="always",
        ),
        Site("{base}", when="latest"),
    ),
    not_people=("Fimela.com",),
    article_url=r"/read/\d+/",
)
