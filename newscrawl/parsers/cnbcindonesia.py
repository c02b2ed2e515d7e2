"""CNBC Indonesia (www.cnbcindonesia.com, every kanal): two layouts of the Transmedia platform
it shares with detik.com and CNN Indonesia.

Article URLs are ``/<kanal>/<YYYYMMDDhhmmss>-<kanal id>-<id>/<slug>`` in both layouts. Every
page carries the platform's ``dtk:*`` metas (``dtk:publishdate`` "2026/10/31 10:05:00" in
Jakarta time, ``dtk:author``, ``dtk:keywords``, ``dtk:namakanal``, ``dtk:contenttype``) and,
since about 2019, a JSON-LD ``NewsArticle``.

- ``cnbcindonesia/v1``: the detik-network template (2018-2022): ``div.jdl`` with the ``h1``,
  ``div.author`` ("Name, CNBC Indonesia") and ``div.date``; the text in ``div.detail_text``.
- ``cnbcindonesia/v2``: the utility-class layout since 2023: ``h1.text-32``, the byline
  ("mkh, CNBC Indonesia": often desk initials) in ``div.mb-1.text-base.font-semibold``, the
  date "Jumat, 23/01/2026 09:04 WIB" in ``div.text-cm.text-gray``, the text in
  ``div.detail-text``.

In both, the text opens with "Jakarta, CNBC Indonesia -", inline read-also lines say "Baca:",
videos stand as "[Gambas:Video CNBC]" markers, the desk code "(mkh/mkh)" ends the text and an
"Artikel Selanjutnya" box (the next article) may follow it.
"""

from __future__ import annotations

import re

from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import clean_text, person_names, unique
from newscrawl.parsers.transmedia import index_links

DOMAINS = ("cnbcindonesia.com",)
#: The CMS content types of galleries and videos ("singlepagenews" is an article).
_NOT_ARTICLE_CONTENT = re.compile(r"(?:video|foto|photo|infografis)$")
_NOT_ARTICLE_TITLE = re.compile(r"^\s*(?:VIDEO|FOTO|INFOGRAFIS)\s*:", re.IGNORECASE)
#: "mkh, CNBC Indonesia": a desk's initials, lower-case, are no person.
_INITIALS = re.compile(r"^[a-z]{2,5}$")

#: Inside the text in both layouts: ad slots, the inline video and social boxes ("sisip")
#: and the agency credit under pictures.
SKIP_EVERYWHERE = ", ".join(
    (
        ".paradetail",
        ".para_caption",
        "[id^='div-gpt-ad']",
        "[class^='sisip_']",
        "[class*=' sisip_']",
        "[class*='link_sisip']",
        ".media-institusi",
        "table.topiksisip",
    )
)


class CnbcIndonesiaV1(ArticleParser):
    """The detik-network template of 2018-2022 (``div.jdl``, ``div.detail_text``)."""

    outlet = "cnbcindonesia"
    version = "cnbcindonesia/v1"
    domains = DOMAINS
    not_people = (
        "CNBC Indonesia",
        "CNBCIndonesia",
        "cnbcindonesia.com",
        "CNBC Indonesia Research",
        "Tim Riset CNBC Indonesia",
        "CNBC Indonesia TV",
    )
    title_suffix = re.compile(r"\s*[|-]\s*CNBC\s*Indonesia\s*$", re.IGNORECASE)

    headline_css = "div.jdl h1, h1"
    date_css = "div.jdl div.date, div.date"
    author_css = "div.jdl div.author, div.author"
    section_css = "div.breadcrumb a, ul.breadcrumb a"
    tags_css = "div.detail_tag a, div.tag a[href*='/tag/']"
    body_css = "div.detail_text"
    body_skip_css = f"{SKIP_EVERYWHERE}, table.pic_artikel_sisip_table, .pic_artikel_sisip"
    image_caption_css = "div.media_artikel span, div.pic_artikel span"
    published_metas = ("dtk:publishdate", "publishdate", *ArticleParser.published_metas)
    dateline = dateline_pattern(brand=r"CNBC\s*Indonesia")
    stop = (re.compile(r"^\W*artikel selanjutnya\b", re.IGNORECASE),)

    def check_article(self) -> None:
        super().check_article()
        kind = (self.page.meta("dtk:contenttype", "contenttype") or "").strip().lower()
        if _NOT_ARTICLE_CONTENT.search(kind):
            raise NotAnArticle(f"{self.page.url} is a CNBC Indonesia {kind} page")
        if _NOT_ARTICLE_TITLE.match(self.headline() or ""):
            raise NotAnArticle(f"{self.page.url} is a CNBC Indonesia video or gallery")

    def authors(self) -> list[str]:
        """JSON-LD, the ``dtk:author`` meta, then the byline; the brand and desk initials
        ("mkh") are nobody."""
        for values in (
            ld_names(self.page.article_ld.get("author")),
            [self.page.meta("dtk:author", "author") or ""],
            self.bylines(),
        ):
            names = person_names(
                (v for v in values if v and not v.startswith("http")), drop=self.not_people
            )
            names = [n for n in names if not _INITIALS.match(n)]
            if names:
                return names
        return []

    def bylines(self) -> list[str]:
        """ "Name, CNBC Indonesia | date" lines: the part before the date."""
        return [line.partition("|")[0] for line in self.css_texts(self.author_css)]

    def section(self) -> str | None:
        return (
            super().section()
            or clean_text(self.page.meta("dtk:namakanal"))
            or next(iter(self.ld_crumbs()[1:2]), None)
        )

    def ld_crumbs(self) -> list[str]:
        for crumbs in self.page.ld_of_type("BreadcrumbList"):
            items = crumbs.get("itemListElement")
            if isinstance(items, list):
                return [clean_text(i.get("name")) for i in items if isinstance(i, dict)]
        return []

    def tags(self) -> list[str]:
        """The platform's keywords meta (the editors' tags); the tag list shown if none."""
        keywords = self.page.meta("dtk:keywords", "keywords") or ""
        return list(unique(keywords.split(","))) or list(unique(self.css_texts(self.tags_css)))


class CnbcIndonesiaV2(CnbcIndonesiaV1):
    """The utility-class layout since 2023 (``div.detail-text``)."""

    version = "cnbcindonesia/v2"
    headline_css = "h1.text-32, h1"
    date_css = "div.text-cm.text-gray"
    author_css = "div.mb-1.text-base.font-semibold"
    section_css = ""
    tags_css = "div.detail-text ~ div a[href*='/tag/']"
    body_css = "div.detail-text"
    body_skip_css = SKIP_EVERYWHERE
    image_caption_css = "figure.detail-image figcaption, div.detail-image figcaption"

    def bylines(self) -> list[str]:
        # The header has two such blocks; the byline is the one naming the brand.
        return [t for t in self.css_texts(self.author_css) if "CNBC" in t]


def listing_links(page: Page) -> list[Link]:
    """Article links of an index page, with the time each card prints."""
    return index_links(page, DOMAINS, "article", "span.text-gray::text, span.date::text")


PARSERS = (CnbcIndonesiaV1, CnbcIndonesiaV2)
