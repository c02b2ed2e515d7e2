"""What the KLY (Kapanlagi Youniverse) sites share: two platforms.

- The KMK platform liputan6.com runs, also bola.com and fimela.com:
  ``/<channel>/read/<id>/<slug>``, the ``window.kmklabs`` page info, bodies in
  ``article-content-body`` pages. Their parsers are liputan6's versions
  (:mod:`newscrawl.parsers.liputan6`) under the outlet's own names: :class:`KmkOutlet`.
- The KapanLagi Network (KLN) platform: kapanlagi.com, bola.net, dream.co.id, otosia.com and
  merdeka.com until its 2023 move. Article URLs end in an id (``-82f43b.html``,
  ``-211018w.html``); a body is one rich-text block that opens with the bold brand
  ("**Kapanlagi.com** - "), splits paragraphs with ``<p>`` or ``<br>``, puts a heading
  ("Jangan Lewatkan", "Baca Juga") over a list of links, and ends with the desk code
  ("(kpl/pur/tch)"). Captions are plain text beside the image in the same box.
  :class:`KlnBody` reads such bodies, :class:`KlnCurrent` is the base of today's pages
  (JSON-LD first; when none of the listed containers is there, the generic parser's survey
  finds the text).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import ClassVar

from lxml import etree

from newscrawl.css import TreeIndex
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import image_caption
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.liputan6 import Liputan6V2, Liputan6V3
from newscrawl.parsers.text import Block, clean_text, text_blocks
from newscrawl.urls import canonical_url

#: Headings over a list of related links: "Jangan Lewatkan", "JANGAN LEWATKAN!!!",
#: "Baca Juga", "Artikel Terkait". The shared hygiene reads the list under a "Baca juga:"
#: label, so such a heading is relabelled.
RELATED_HEADING = re.compile(
    r"^\W*(?:jangan\s+lewatkan|baca\s+juga|simak\s+juga|artikel\s+terkait|berita\s+terkait)"
    r"\W*$",
    re.IGNORECASE,
)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "div", "span")
_INLINE = frozenset({"strong", "b", "span"})
#: Embedded posts and players as KLY bodies carry them (blockquotes of the networks' scripts).
EMBEDS = (
    "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, "
    ".twitter-tweet, .instagram-media"
)


def relabel_related_headings(root: etree._Element) -> None:
    """Turn each related-links heading inside ``root`` into a "Baca juga:" label, in place.

    Bold or span text counts only alone in its paragraph: "Jangan Lewatkan" inside a
    sentence is a title, not a heading.
    """
    for element in root.iter(*_HEADINGS):
        if len(element) or not RELATED_HEADING.match(element.text or ""):
            continue
        parent = element.getparent()
        if element.tag in _INLINE and parent is not None and parent is not root:
            own = clean_text(element.text)
            if clean_text("".join(parent.itertext())) != own:
                continue
        element.text = "Baca juga:"


def holder_caption(img: etree._Element, holders: frozenset[str]) -> str | None:
    """The caption of a body image whose box (a class in ``holders``) also holds its text."""
    for ancestor in img.iterancestors():
        if holders & set((ancestor.get("class") or "").split()):
            return clean_text(" ".join(ancestor.itertext())) or None
    return None


class KlnBody(ArticleParser):
    """Body reading for the KapanLagi Network platform's rich-text blocks."""

    #: Boxes that hold an image and its caption as text (the caption is not body text).
    caption_holders: ClassVar[frozenset[str]] = frozenset()

    def body_blocks(self, page: Page) -> list[Block]:
        roots: list[etree._Element] = []
        skip: list[etree._Element] = []
        for container in self.body_containers(page):
            # A copy: the related headings are relabelled for the body only.
            root = copy.deepcopy(container.root)
            relabel_related_headings(root)
            if self.body_skip_css:
                skip.extend(TreeIndex(root).select(self.body_skip_css))
            roots.append(root)
        return text_blocks(roots, page.url, skip)

    def body_images(self) -> list[dict[str, str | None]]:
        """Body images with their captions; a caption box is skipped as text, not as image."""
        found: list[dict[str, str | None]] = []
        for container in self.body_containers(self.page):
            skipped = (
                set(self.page.nodes(self.body_skip_css, container.root))
                if self.body_skip_css
                else set()
            )
            for img in container.root.iter("img"):
                caption = holder_caption(img, self.caption_holders)
                if caption is None and any(a in skipped for a in img.iterancestors()):
                    continue
                src = img.get("data-src") or img.get("data-original") or img.get("src")
                if src and not src.startswith("data:"):
                    url = canonical_url(src, self.page.url)
                    found.append({"url": url, "caption": caption or image_caption(img)})
        return found


class KlnCurrent(KlnBody, GenericParser):
    """Today's pages of a KLN outlet: structured data first, then the listed selectors, then
    what the generic parser's survey finds (a container class the outlet renamed)."""

    #: Selectors that mark this layout (any of them). Without markers and a body container,
    #: an article's JSON-LD marks it.
    markers: ClassVar[str] = ""

    @classmethod
    def detect(cls, page: Page) -> bool:
        if not cls.markers and not cls.body_css:
            return bool(page.article_ld)
        marked = bool(cls.markers and page.nodes(cls.markers))
        return marked or bool(cls.body_css and page.nodes(cls.body_css))


class KmkOutlet(ArticleParser):
    """The names of an outlet on the KMK platform; mixed in before a liputan6 version."""

    #: Credits of copy shared within the group and the outlets' own promos.
    clutter: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(r"^\W*(?:selanjutnya|berikutnya)\s*:", re.IGNORECASE),
        re.compile(r"^\W*(?:reporter|sumber)\s*:\s*[\w .,'&/()-]{1,60}$", re.IGNORECASE),
    )


def section_urls(domain: str, sections: str, also: str = "") -> re.Pattern[str]:
    """The URLs of a KLY site that are no articles: a path segment naming one of
    ``sections`` (an alternation: galleries, videos, tag pages ...) on ``domain`` or one of
    its subdomains, and ``also`` (a path after any folders: ``read/\\d+/infografis-``)."""
    site = rf"^https?://(?:[\w-]+\.)*{re.escape(domain)}/(?:[\w-]+/)*"
    pattern = rf"{site}(?:{sections})(?:/|$)" + (rf"|{site}{also}" if also else "")
    return re.compile(pattern, re.IGNORECASE)


def kmk_versions(names: type[KmkOutlet]) -> tuple[type[ArticleParser], type[ArticleParser]]:
    """An outlet's versions on the KMK platform: liputan6's layouts under its ``names``.

    v1 is the 2016-17 BEM read page, v2 today's ``article-content-body`` pages (editors in the
    page info); both leave embedded posts out of the text.
    """
    base = names.__name__
    v1 = type(
        f"{base}V1",
        (names, Liputan6V2),
        {
            "__module__": names.__module__,
            "__doc__": "2016-17: the BEM read page.",
            "version": f"{names.outlet}/v1",
            "body_skip_css": EMBEDS,
        },
    )
    v2 = type(
        f"{base}V2",
        (names, Liputan6V3),
        {
            "__module__": names.__module__,
            "__doc__": "Today: ``article-content-body`` pages, editors in the page info.",
            "version": f"{names.outlet}/v2",
            "body_skip_css": f"{Liputan6V3.body_skip_css}, {EMBEDS}",
        },
    )
    return v1, v2


def dashless_lead_pattern(brand: str) -> re.Pattern[str]:
    """The bold "<Brand>, Jakarta" that opens a KMK body without the dateline's dash."""
    return re.compile(rf"^\W*{brand}\s*,\s*[^-–—:]{{0,39}}\w$", re.IGNORECASE)


def brand_suffix(brands: Sequence[str]) -> re.Pattern[str]:
    """A title suffix " - Bola.com", " | Fimela.com" (a channel may come first)."""
    names = "|".join(brands)
    return re.compile(
        rf"(?:\s+[-|–]\s+(?:(?:[\w-]+\s+)?(?:{names})|Page\s+\d+))+\s*$", re.IGNORECASE
    )
