"""vidio.com (KLY): a video streaming platform (live TV, series, clips). It publishes no
articles, so nothing is listed for a crawl and every page is refused as not an article; the
group's news is read from liputan6, bola.com, merdeka and the other KLY outlets."""

from newscrawl.outlet import Outlet

OUTLET = Outlet(
    name="vidio",
    domains=("vidio.com",),
    articles=False,
    note="video platform, no articles: every page is refused as not_an_article",
)
