"""liputan6.com: the dated index ``/indeks/YYYY/MM/DD?page=N``, one day at a time.

It lists every channel's items of a day (about 24 a page), galleries and videos included (the
parser refuses those). Without dates a run walks today's index.
"""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers import liputan6
from newscrawl.parsers.liputan6 import listing_links

OUTLET = Outlet(
    name="liputan6",
    domains=("liputan6.com",),
    parser=liputan6.PARSERS,
    sources=(
        Index(
            "{base}/indeks/{day:%Y/%m/%d}?page={page}",
            first="{base}/indeks/{day:%Y/%m/%d}",
            links=listing_links,
            max_pages=60,
            when="always",
        ),
    ),
)
