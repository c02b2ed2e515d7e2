"""suaramerdeka.com (Semarang; the Pikiran Rakyat network's platform): the latest list of
its home page and the pages after it (``/page/N/``); articles are
``/<channel>/<10-digit id>/<slug>``, long ones split into ``?page=N`` pages. Dates are
printed "Minggu, 1 November 2026 | 06:15 WIB" and given in ``content_PublishedDate``."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class SuaramerdekaParser(GenericParser):
    """The network's read page: ``article.read__content``; later pages are ``?page=N``."""

    body_css = "article.read__content, div[itemprop=articleBody]"
    # Embedded posts keep their attribution text inside the blockquote.
    body_skip_css = "blockquote.instagram-media, blockquote.twitter-tweet"
    author_css = ".read__info__author a"
    date_css = ".read__info__date"
    image_caption_css = ".photo__caption"
    dateline = dateline_pattern(brand=r"(?i:suaramerdeka\.com)")


OUTLET = Outlet(
    name="suaramerdeka",
    domains=("suaramerdeka.com",),
    parser=SuaramerdekaParser,
    sources=(Index("{base}/page/{page}/", first="{base}/", max_pages=5, when="always"),),
    not_people=("Suara Merdeka", "suaramerdeka.com"),
    title_suffix=r"\s+[-|]\s+Suara Merdeka$",
    article_url=r"^/[\w-]+/\d{10}/[\w-]+",
)
