"""merdeka.com: the RSS feed of the latest articles (``/rss/``); backfills walk the dated
news index (``/indeks?date=YYYY-MM-DD&page=N``; the date parameter is not verified against
the live site). Listing cards carry ``<time datetime="2025-05-30 16:29:00">`` in WIB."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import merdeka

OUTLET = Outlet(
    name="merdeka",
    domains=("merdeka.com",),
    parser=merdeka.PARSERS,
    single_page={"page": "all"},
    sources=(
        Feed("{base}/rss/"),
        Index("{base}/indeks?date={day:%Y-%m-%d}&page={page}"),
    ),
    not_people=("merdeka.com", "Merdeka"),
    title_suffix=r"\s+[|-]\s+merdeka\.com$",
    # Today "/peristiwa/<slug>-419585-mvk.html"; until 2023 "/peristiwa/<slug>.html".
    article_url=r"^/[\w-]+/[\w-]+(?:-\d+-mvk)?\.html$",
)
