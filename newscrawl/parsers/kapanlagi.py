"""kapanlagi.com (KLY, KapanLagi Network platform): entertainment news since 2003.

Two layouts: v1 (to about 2016, ``#newsdetail-right-new`` and the rich-text block
``div.entertainment-detail-news``, no JSON-LD, the date printed as "Kamis, 05 November 2015
11:52" in WIB without a zone) and v2 (2017 on, ``div.content-detail`` with the body in
``div.body-paragraph``, JSON-LD, the reporter in ``.reporter``, later pages of a long
article behind ``ul.pg-pagging``; these selectors are the ones public ingesters used in 2018).
Article URLs end in a 6-hex id: ``/showbiz/selebriti/<slug>-1b2294.html``; photo stories
(``/foto/``), videos and the lyrics section are not articles.
"""

from __future__ import annotations

import re

from newscrawl.page import Page
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.kly import EMBEDS, KlnBody, KlnCurrent, brand_suffix

BRAND = r"Kapanlagi\.com®?"


class KapanlagiV1(KlnBody):
    """To about 2016: ``h1.entertainment-newsdetail-title-new`` over the rich-text block."""

    outlet = "kapanlagi"
    version = "kapanlagi/v1"
    domains = ("kapanlagi.com",)
    not_people = ("KapanLagi.com", "Kapanlagi", "KapanLagi.com®", "Tim KapanLagi.com")
    title_suffix = brand_suffix([r"KapanLagi\.com®?"])
    not_article_url = re.compile(
        r"^https?://(?:(?:video|lirik|plus)\.kapanlagi\.com/"
        r"|(?:[\w-]+\.)*kapanlagi\.com/(?:[\w-]+/)*(?:foto|video|tag-populer|lirik)(?:/|$))",
        re.IGNORECASE,
    )

    # Channel skins (musik., the music "v7" pages) keep the block but may rename the title.
    # (No id selectors: an id lookup walks every element's attributes.)
    headline_css = "h1.entertainment-newsdetail-title-new, .content-detail h1"
    date_css = ".newsdetail-schedule-new, .date-post"
    section_css = "a.newsdetail-categorylink"
    tags_css = ".v7-tags-terkait-warper .box-content a"
    body_css = "div.entertainment-detail-news"
    # The caption box holds the image and its caption as text; the lifestyle tag box and
    # the related video sit inside the block, after the desk code.
    body_skip_css = (
        f".entertainment-newsdetail-image-caption, .lifestyle-in-content, .video-watch, {EMBEDS}"
    )
    caption_holders = frozenset({"entertainment-newsdetail-image-caption"})
    image_caption_css = ".entertainment-newsdetail-headlineimg .copyright"
    dateline = dateline_pattern(brand=BRAND)

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and not page.nodes("div.body-paragraph")

    def section(self) -> str | None:
        # The category link is printed in capitals ("FILM INDONESIA").
        section = super().section()
        return section.title() if section and section.isupper() else section


class KapanlagiV2(KlnCurrent):
    """2017 on: ``div.content-detail`` with ``div.body-paragraph``, JSON-LD NewsArticle."""

    outlet = "kapanlagi"
    version = "kapanlagi/v2"
    domains = KapanlagiV1.domains
    not_people = KapanlagiV1.not_people
    title_suffix = KapanlagiV1.title_suffix
    not_article_url = KapanlagiV1.not_article_url

    markers = "div.content-detail, div.body-paragraph"
    headline_css = "div.content-detail h1, h1.title-detail"
    date_css = ".content-detail .date-post, .newsdetail-schedule-new"
    author_css = ".content-detail .reporter span, span.reporter"
    editor_css = ".content-detail .editor span, span.editor"
    section_css = ".content-detail .newsdetail-categorylink, .breadcrumb a"
    tags_css = ".tags-box a, .box-tag a, .v7-tags-terkait-warper .box-content a"
    body_css = "div.body-paragraph"
    body_skip_css = (
        ".detail-head-img, .pg-img-warper, .lifestyle-in-content, .link-pagging-warper, "
        f".paging-related, .box-detail, .video-wrapper, .videoWrapper, {EMBEDS}"
    )
    caption_holders = frozenset({"pg-img-warper", "detail-body-img"})
    image_caption_css = ".content-detail .detail-head-img span"
    pages_css = "ul.pg-pagging li a"
    dateline = dateline_pattern(brand=BRAND)


PARSERS = (KapanlagiV1, KapanlagiV2)
