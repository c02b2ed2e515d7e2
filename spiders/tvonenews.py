"""tvOnenews (tvonenews.com): the Google News sitemap lists the articles at
``/<kanal>/<id>-<slug>``; dates are WIB, printed "Sabtu, 31 Oktober 2026 - 14:05 WIB"."""

from newscrawl.outlet import Outlet, Sitemap
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class TvOneNewsParser(GenericParser):
    """The ``detail-*`` blocks of the article page."""

    date_css = ".detail-date"
    author_css = ".detail-author a, .detail-author"
    body_css = ".detail-content"
    body_skip_css = ".detail-content .pagination"
    image_caption_css = ".detail-image-caption"
    dateline = dateline_pattern(brand=r"(?i:tvonenews\.com|tvOnenews)")


OUTLET = Outlet(
    name="tvonenews",
    domains=("tvonenews.com",),
    parser=TvOneNewsParser,
    sources=(Sitemap("{base}/sitemap/news/news-sitemap.xml"),),
    not_people=("tvOnenews", "tvOnenews.com", "tvOne", "Tim tvOnenews"),
    title_suffix=r"\s*[|-]\s*tvOnenews(?:\.com)?\s*$",
    article_url=r"^/(?:[a-z-]+/)+\d+-[a-z0-9-]+$",
)
