"""tempo.co and its editions: the kanal subdomains of 2015-2017 (nasional., gaya., ...),
en.tempo.co (English: records say ``"language": "en"``) and today's www.tempo.co.

Layouts, oldest first:

- ``tempo/v1``: the 2015-2017 kanal skin: ``div.artikel`` holds the crumbs
  (``ul.block-kanal-map``), the ``h1``, the date line ``div.block-tanggal`` ("Kamis, 05
  November 2015 | 11:13 WIB"), the lead photo (``div.block-display``) and the text as ``<p>``
  runs split by ``<br>``; the reporter signs off in capitals ("DINI TEJA").
- ``tempo/v1.1``: en.tempo.co of the same years: ``div.judul-konten`` headline, ``div.tanggal``
  ("Wednesday, 04 November, 2015 | 07:28 WIB"), ``div.tubuh-berita`` text, crumbs in
  ``#blok-sitemap``, a closing credit line ("ANTARA").
- ``tempo/v2``: the 2018-2024 ``/read/<id>/<slug>`` pages: ``h1[itemprop=headline]``,
  ``div#isi`` text, ``span[itemprop=datePublished]``, itemprop crumbs.
- ``tempo/v3``: today's Nuxt site (``/<rubrik>/<slug>-<id>``): JSON-LD NewsArticle (people,
  machine date, the text), a BreadcrumbList, the text in one ``div#content-wrapper`` per
  paragraph between ad slots, an "Pilihan Editor:" link (the site's read-also), tag pills.

Photo, video and infographic pages are not articles.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import Body, clean_body, dateline_pattern
from newscrawl.parsers.crumbs import ld_section
from newscrawl.parsers.signoff import take_capitals_line
from newscrawl.parsers.text import Block, clean_text, person_names, unique

_NOT_ARTICLE_URL = re.compile(
    r"^https?://(?:foto|video|grafis|tv|majalah)\.tempo\.co/"
    r"|^https?://[^/]*tempo\.co/(?:foto|video|infografik|grafis|play|podcast|newsletter)/",
    re.IGNORECASE,
)
#: "TEMPO.CO, Jakarta -", "Tempo.co - ", and the 2015 English edition's "TEMPO.CO, Jakarta -".
_BRAND = r"(?i:tempo(?:\.co)?(?:\s+interaktif)?|koran\s+tempo)"
#: Tempo's read-also: "Pilihan Editor: <a>title</a>" paragraphs in and after the text.
_EDITORS_PICK = re.compile(r"^\W*pilihan\s+editor\s*:\s*", re.IGNORECASE)
_READ_ALSO = "Baca juga: "
#: Agencies and desks that close a text in capitals the way reporters sign off.
_NOT_REPORTERS = frozenset(
    {"ANTARA", "REUTERS", "AFP", "AP", "XINHUA", "BBC", "CNN", "DW", "TEMPO", "TEMPO.CO",
     "TEMPO ENGLISH", "BERBAGAI SUMBER", "ANTARA NEWS", "BLOOMBERG", "NIKKEI", "THE GUARDIAN"}
)  # fmt: skip


def _as_read_also(block: Block) -> Block:
    """A "Pilihan Editor:" line read as the read-also line it is (the shared hygiene moves its
    link to ``baca_juga``)."""
    match = _EDITORS_PICK.match(block.text)
    if not match:
        return block
    shift = len(_READ_ALSO) - match.end()
    return Block(
        _READ_ALSO + block.text[match.end() :],
        block.links,
        [offset + shift for offset in block.link_offsets],
    )


class TempoV1(ArticleParser):
    """The 2015-2017 kanal skin (``<kanal>.tempo.co/read/news/YYYY/MM/DD/...``)."""

    outlet = "tempo"
    version = "tempo/v1"
    domains = ("tempo.co",)
    not_people = ("tempo", "tempo.co", "tempo english", "redaksi tempo", "tim tempo")
    # The 2015 og:url carries "?i=1", a view counter.
    drop_url_params = ("i",)
    title_suffix = re.compile(r"\s*[|:-]+\s*(?:Tempo(?:\.co)?\b.*|TEMPO\.CO.*)$", re.IGNORECASE)
    not_article_url = _NOT_ARTICLE_URL
    dateline = dateline_pattern(brand=_BRAND)

    headline_css = "div.artikel h1"
    date_css = "div.artikel div.block-tanggal"
    section_css = "div.artikel ul.block-kanal-map li a"
    body_css = "div.artikel"
    body_skip_css = (
        "ul.block-kanal-map, h1, div.block-tanggal, div.block-display, div.share-display, "
        "div.share-konten, div.banner300x250, div[id^=div-gpt-ad]"
    )
    image_caption_css = "div.artikel div.block-display div.deskripsi"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.artikel div.block-tanggal"))

    def headline(self) -> str | None:
        # The JSON-LD headline of these pages ends in a space and the og:title in the kanal.
        return self.css_text(self.headline_css) or super().headline()

    def tags(self) -> list[str]:
        return list(unique((self.page.meta("keywords") or "").split(",")))

    def authors(self) -> list[str]:
        return self.signed_off[1] or super().authors()

    @cached_property
    def signed_off(self) -> tuple[Body, list[str]]:
        """The body without the reporter's capitals sign-off, and the people it names (the
        body and the authors both need it: worked out once)."""
        body = self.clean_blocks()
        names = take_capitals_line(body, _NOT_REPORTERS) or []
        return body, person_names(names, drop=self.not_people)

    def clean_blocks(self) -> Body:
        blocks = [b for page in (self.page, *self.more_pages) for b in self.body_blocks(page)]
        return clean_body([_as_read_also(b) for b in blocks], self.dateline)

    def body(self) -> Body:
        return self.signed_off[0]

    def parse(self) -> dict[str, Any]:
        record = super().parse()
        if urlsplit(record["url"]).hostname == "en.tempo.co":
            record["language"] = "en"
        return record


class TempoEnglishV1(TempoV1):
    """en.tempo.co of 2015-2017: the same CMS with its own English skin."""

    version = "tempo/v1.1"
    headline_css = "div.judul-konten"
    date_css = "div.tanggal:not(div.kolom-300 div.tanggal)"
    section_css = "#blok-sitemap a"
    body_css = "div.tubuh-berita"
    body_skip_css = "div.zoom-font, div.blok-share, div[id^=div-gpt-ad]"
    image_caption_css = "div.blok-foto-konten div.foto-desc"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.tubuh-berita")) and bool(page.nodes("div.judul-konten"))

    def tags(self) -> list[str]:
        # The keywords meta is the editors' tags, then the description word by word
        # ("Forest Fire,Peatlands,cover,about,..." for "Peatlands cover about ..."): the tags
        # are what comes before the run of the description's words.
        keywords = [clean_text(k) for k in (self.page.meta("keywords") or "").split(",")]
        description = self.page.meta("description") or ""
        words = [w.lower() for w in re.findall(r"[^\s,.;:!?\"]+", description)]
        lowered = [k.lower() for k in keywords]
        for start in range(len(keywords)):
            rest = lowered[start:]
            if rest == words[: len(rest)]:
                return list(unique(keywords[:start]))
        return list(unique(keywords))


class TempoV2(TempoV1):
    """The 2018-2024 ``/read/<id>/<slug>`` pages."""

    version = "tempo/v2"
    headline_css = "h1[itemprop=headline], article h1.title"
    date_css = "span[itemprop=datePublished], p.date"
    section_css = "[itemprop=breadcrumb] span[itemprop=name], ol.breadcrumb li a"
    author_css = "span[itemprop=author] [itemprop=name], div.block-avatar p.title a"
    tags_css = "div.box-tag-detail a, ul.tags a"
    body_css = "div#isi"
    body_skip_css = "div.ads, div[id^=div-gpt-ad], figure"
    image_caption_css = "figure.foto-detail figcaption, div.foto-detail figcaption"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css))

    def tags(self) -> list[str]:
        return list(unique(self.css_texts(self.tags_css))) or ArticleParser.tags(self)

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.lower() != "home"]
        return crumbs[-1] if crumbs else ArticleParser.section(self)


class TempoV3(TempoV2):
    """Today's Nuxt pages: JSON-LD first, the text in ``div#content-wrapper`` blocks."""

    version = "tempo/v3"
    headline_css = "article h1"
    subheadline_css = "article h1 ~ div.font-roboserif"
    date_css = "article h1 ~ p"
    author_css = "article a[href*='/penulis/']"
    #: The pills after the text; the links inside paragraphs are absolute.
    tags_css = "article a[href^='/tag/']"
    body_css = "div[id=content-wrapper]"
    body_skip_css = "figure, div[id^=ads], div.ads, iframe"
    image_caption_css = "article figure figcaption"

    def body_containers(self, page: Page) -> Any:
        return page.css(self.body_css)

    def headline(self) -> str | None:
        return ArticleParser.headline(self)

    def authors(self) -> list[str]:
        return self.signed_off[1] or ArticleParser.authors(self)

    def section(self) -> str | None:
        return ld_section(self.page) or ArticleParser.section(self)


#: Oldest first; the English skin of 2015 is a variant of v1.
PARSERS: tuple[type[ArticleParser], ...] = (TempoV1, TempoEnglishV1, TempoV2, TempoV3)
