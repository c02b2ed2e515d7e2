"""sindonews.com: the RSS feeds and the kanal news sitemaps for what is new, the dated indeks
of all kanal (``/indeks/0/<offset>?t=YYYY-MM-DD``, 20 a page) for backfills. Dates print as
"Jum'at, 24 Juli 2026 - 14:00 WIB"; articles are fetched whole as ``?showpage=all``."""

from newscrawl.outlet import Feed, Index, Outlet, Sitemap
from newscrawl.parsers import sindonews
from newscrawl.parsers.sindonews import listing_links, next_listing_page

#: Kanal sites, each with its own news sitemap.
KANAL = ("nasional", "metro", "daerah", "ekbis", "international", "sports", "edukasi", "tekno")

OUTLET = Outlet(
    name="sindonews",
    domains=("sindonews.com",),
    parser=sindonews.PARSERS,
    single_page={"showpage": "all"},
    sources=(
        Feed("https://www.sindonews.com/feed"),
        *(Sitemap(f"https://{kanal}.sindonews.com/sitemap-news.xml") for kanal in KANAL),
        Index(
            "https://www.sindonews.com/indeks/0/0?t={day:%Y-%m-%d}",
            links=listing_links,
            next_page=next_listing_page,
            max_pages=40,
        ),
    ),
    not_people=("SINDOnews", "SINDOnews.com", "Koran SINDO"),
    title_suffix=r"\s*[-|]\s*SINDOnews(?:\.com)?.*$",
    article_url=r"^/read/\d+/\d+/",
)
