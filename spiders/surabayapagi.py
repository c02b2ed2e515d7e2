"""surabayapagi.com: the site's RSS feed (``/feed``); articles are ``/news-<id>-<slug>`` and
open "SURABAYAPAGI.COM, Surabaya -". Dates are printed "Minggu, 01 Nov 2026 05:55 WIB"."""

from newscrawl.outlet import Feed, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class SurabayapagiParser(GenericParser):
    """The article page: ``div.article-content``."""

    body_css = "div.article-content"
    author_css = ".meta .author"
    date_css = ".meta .date"
    section_css = ".category a"
    image_caption_css = ".article-image .caption"
    dateline = dateline_pattern(brand=r"(?i:surabayapagi\.com)|Surabaya Pagi")


OUTLET = Outlet(
    name="surabayapagi",
    domains=("surabayapagi.com",),
    base_url="https://surabayapagi.com",
    parser=SurabayapagiParser,
    sources=(Feed("{base}/feed"),),
    not_people=("Surabaya Pagi", "SurabayaPagi", "surabayapagi.com"),
    title_suffix=r"\s+[-|]\s+Surabaya ?Pagi(?:\.com)?$",
    article_url=r"^/news-\d+-[\w-]+",
)
