"""galamedia.pikiran-rakyat.com (the Pikiran Rakyat network, Bandung): the latest list of the
home page and its later pages (``/?page=N``); articles are ``/<channel>/pr-<id>/<slug>``,
long ones split into ``?page=N`` pages. Dates are printed "Minggu, 1 November 2026 | 06:05
WIB". Its domain is longer than pikiran-rakyat.com's, so it wins over that outlet."""

import re

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.body import Body, dateline_pattern
from newscrawl.parsers.generic import GenericParser

#: The network closes a story with "***".
_END_MARK = re.compile(r"\s*\*{3}\s*$")


class GalamediaParser(GenericParser):
    """The network's read page: ``article.read__content``; later pages are ``?page=N``."""

    body_css = "article.read__content, div.read__article"
    # Embedded posts keep their attribution text inside the blockquote.
    body_skip_css = "blockquote.instagram-media, blockquote.twitter-tweet"
    date_css = ".read__info__date"
    author_css = ".read__info__author a"
    editor_css = ".read__info__editor a"
    image_caption_css = ".photo__caption"
    dateline = dateline_pattern(brand=r"(?i:galamedia)")

    def body(self) -> Body:
        body = super().body()
        if body.paragraphs:
            body.paragraphs[-1] = _END_MARK.sub("", body.paragraphs[-1])
        return body


OUTLET = Outlet(
    name="galamedia",
    domains=("galamedia.pikiran-rakyat.com",),
    parser=GalamediaParser,
    sources=(Index("{base}/?page={page}", first="{base}/", max_pages=5, when="always"),),
    not_people=("Galamedia", "Pikiran Rakyat", "PR Network"),
    title_suffix=r"\s+-\s+Galamedia$",
    article_url=r"^/[\w-]+/pr-\d+/[\w-]+",
)
