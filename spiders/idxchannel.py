"""idxchannel.com (MNC): the sitemap index (``/sitemap.xml``) and its per-channel news
sitemaps (``/market-news/sitemap.xml`` ...; photo, video and infographic sitemaps are left
out); articles are ``/<channel>/<slug>``, long ones continue on ``/<slug>/2``. Dates are
printed "Minggu, 01/11/2026 05:30 WIB"; bodies open "IDXChannel - "."""

from newscrawl.outlet import Outlet, Sitemap
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class IdxchannelParser(GenericParser):
    """The article page: ``div.article--content`` and its page links."""

    body_css = "div.article--content"
    # The page links close the text; embedded posts keep their attribution inside.
    body_skip_css = ".pagination-article, blockquote.twitter-tweet, blockquote.instagram-media"
    author_css = ".article--creator .author"
    editor_css = ".article--editor"
    date_css = ".article--creator .date"
    image_caption_css = "figure.article--image figcaption"
    pages_css = ".pagination-article a"
    dateline = dateline_pattern(brand=r"IDX ?Channel(?:\.com)?")


OUTLET = Outlet(
    name="idxchannel",
    domains=("idxchannel.com",),
    parser=IdxchannelParser,
    sources=(
        Sitemap(
            "{base}/sitemap.xml", follow=r"/(?!(?:foto|video|infografis)/)[\w-]+/sitemap\.xml$"
        ),
    ),
    not_people=("IDX Channel", "IDXChannel", "Tim IDX Channel"),
    title_suffix=r"\s+[-|]\s+IDX ?Channel(?:\.com)?$",
    article_url=r"^/[a-z][\w-]+/[\w-]+/?$",
)
