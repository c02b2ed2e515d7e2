"""JPNN (jpnn.com and its regional sites): the RSS for what is new; the dated index
(``/indeks?id=&d=DD&m=MM&y=YYYY&tab=all&page=N``) day by day for backfills. Dates are WIB
("31 Oktober 2026 10:05" in the page's own metas)."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import jpnn

OUTLET = Outlet(
    name="jpnn",
    domains=("jpnn.com",),
    parser=jpnn.PARSERS,
    sources=(
        Feed("https://www.jpnn.com/index.php?mib=rss"),
        Index(
            "https://www.jpnn.com/indeks?id=&d={day:%d}&m={day:%m}&y={day:%Y}&tab=all&page={page}",
            max_pages=30,
        ),
    ),
    not_people=("JPNN", "JPNN.com"),
    title_suffix=r"\s*[|-]\s*JPNN(?:\.com)?$",
    article_url=jpnn.ARTICLE_PATH,
)
