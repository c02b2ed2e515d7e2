"""kapanlagi.com: the RSS feed of the latest stories (``/feed/``, items dated
"Thu, 05 Nov 2015 12:45:00 +0700"); backfills walk the dated news index
(``/berita/indeks/?date=YYYY-MM-DD&page=N``). Pages print WIB times without the zone."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import kapanlagi

OUTLET = Outlet(
    name="kapanlagi",
    domains=("kapanlagi.com",),
    parser=kapanlagi.PARSERS,
    sources=(
        Feed("{base}/feed/"),
        Index("{base}/berita/indeks/?date={day:%Y-%m-%d}&page={page}"),
    ),
    not_people=("KapanLagi.com", "Kapanlagi"),
    title_suffix=r"\s+-\s+KapanLagi\.com®?$",
    article_url=r"/[\w-]+-[0-9a-f]{6}\.html$",
)
