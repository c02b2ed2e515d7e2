"""kumparan (kumparan.com): the all-channel RSS of its API and the news channel's sitemap for
what is new, the sitemap index for backfills (channel pages render their lists in the
browser). Story dates are UTC in JSON-LD and "24 Juli 2026 10:15 WIB" on the page."""

from newscrawl.outlet import Feed, Outlet, Sitemap
from newscrawl.parsers import kumparan

OUTLET = Outlet(
    name="kumparan",
    domains=("kumparan.com",),
    parser=kumparan.PARSERS,
    base_url="https://kumparan.com",
    sources=(
        Feed("https://lapi.kumparan.com/v2.0/rss/"),
        Sitemap("https://kumparan.com/sitemap_channel_news.xml", when="latest"),
        Sitemap("https://kumparan.com/sitemap.xml", when="backfill"),
    ),
    not_people=("kumparan", "kumparanNEWS"),
    title_suffix=r"\s*\|\s*kumparan(?:\.com)?$",
    article_url=kumparan.ARTICLE_PATH,
)
