"""merdeka.com: the RSS feed of the latest articles (``/rss/``); backfills read the sitemaps
the site names in its robots.txt (no dated index is known for today's platform). Listing
cards carry ``<time datetime="2025-05-30 16:29:00">`` in WIB; long articles of the
2017-23 platform open whole with ``?page=all``."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers import merdeka

OUTLET = Outlet(
    name="merdeka",
    domains=("merdeka.com",),
    parser=merdeka.PARSERS,
    single_page={"page": "all"},
    sources=(Feed("{base}/rss/"), Site("{base}", when="backfill")),
    not_people=("merdeka.com", "Merdeka"),
    title_suffix=r"\s+[|-]\s+merdeka\.com$",
    # Today "/peristiwa/<slug>-419585-mvk.html"; until 2023 "/peristiwa/<slug>.html".
    article_url=r"^/[\w-]+/[\w-]+(?:-\d+-mvk)?\.html$",
)
