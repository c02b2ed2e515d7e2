"""viva.co.id: channel subdomains (dunia.news., life., bola.) until about 2017, then
``www.viva.co.id/<channel>/<sub>/<id>-<slug>``.

Two layouts: v1 (to about 2017: ``article.article-detail``, the body in
``span[itemprop=articleBody]``, "Jum'at, 19 Juni 2015 | 13:12 WIB", "Oleh : <b>name</b>",
captions as a centred italic line under a body image, the desk code "(ren)" closing the
text) and v2 (today, as public scrapers read it: ``h1.main-content-title``,
``div.main-content-date``, ``div.main-content-author``, the body in
``div.main-content-detail`` with "Baca Juga" boxes between paragraphs, images
lazy-loaded from ``data-original``, long articles paged with ``?page=all`` as their one-page
view). Every body opens with the bold brand: "VIVA.co.id - " or, later, "VIVA – ".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from lxml import etree

from newscrawl.dates import parse_indonesian_datetime, parse_iso_datetime
from newscrawl.discover.discovery import Link
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.kly import EMBEDS
from newscrawl.parsers.text import Block, clean_text, text_blocks
from newscrawl.urls import canonical_url, link_url

BRAND = r"VIVA(?:\.co\.id|news(?:\.com)?|\.id)?"
_CENTRED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


def _is_caption_line(element: etree._Element) -> bool:
    """A centred paragraph of italic text only, right under a centred image (v1 captions)."""
    if not _CENTRED.search(element.get("style") or "") or element.find(".//img") is not None:
        return False
    text = clean_text("".join(element.itertext()))
    italic = clean_text("".join(t for e in element.iter("em", "i") for t in e.itertext()))
    if not text or italic != text:
        return False
    previous = element.getprevious()
    while previous is not None and not clean_text("".join(previous.itertext())):
        if previous.find(".//img") is not None or previous.tag == "img":
            return True
        previous = previous.getprevious()
    return False


class VivaV1(ArticleParser):
    """To about 2017: ``article.article-detail`` and ``span[itemprop=articleBody]``."""

    outlet = "viva"
    version = "viva/v1"
    domains = ("viva.co.id",)
    not_people = ("VIVA.co.id", "VIVA", "VIVAnews", "Tim VIVA", "PT. VIVA MEDIA BARU - VIVA.co.id")
    title_suffix = re.compile(r"\s+[-|–]\s+(?:\w+\s+)?VIVA(?:\.co\.id)?\s*$", re.IGNORECASE)
    drop_url_params = ("page",)
    not_article_url = re.compile(
        r"^https?://(?:(?:foto|video|forum)\.viva\.co\.id/"
        r"|(?:[\w-]+\.)*viva\.co\.id/(?:[\w-]+/)*(?:foto|video|tag|indeks|jadwal)(?:/|$))",
        re.IGNORECASE,
    )

    headline_css = "article.article-detail .title h1"
    subheadline_css = "article.article-detail .summary"
    date_css = "article.article-detail .smalldesc .date"
    author_css = "article.article-detail .smalldesc .author b"
    section_css = "article.article-detail .upperdeck-kanal"
    body_css = "article.article-detail [itemprop=articleBody]"
    body_skip_css = EMBEDS
    image_caption_css = "article.article-detail .photodesc"
    dateline = dateline_pattern(brand=BRAND)

    def __init__(self, page: Page, more_pages: Sequence[Page] = ()) -> None:
        super().__init__(page, more_pages)
        self._captions: dict[etree._Element, list[etree._Element]] = {}

    def section(self) -> str | None:
        section = super().section()
        return section.title() if section and section.isupper() else section

    def tags(self) -> list[str]:
        # The 2015-16 pages list their topics only as keywords.
        return super().tags() or [
            t
            for t in (clean_text(k) for k in (self.page.meta("news_keywords") or "").split(","))
            if t
        ]

    def caption_lines(self, root: etree._Element) -> list[etree._Element]:
        """Caption lines in a body container (the body and its images both ask)."""
        if root not in self._captions:
            self._captions[root] = [e for e in root.iter("div", "p") if _is_caption_line(e)]
        return self._captions[root]

    def body_blocks(self, page: Page) -> list[Block]:
        roots = [c.root for c in self.body_containers(page)]
        skip = [
            e for r in roots for e in (*page.nodes(self.body_skip_css, r), *self.caption_lines(r))
        ]
        return text_blocks(roots, page.url, skip)

    def body_images(self) -> list[dict[str, str | None]]:
        images = super().body_images()
        for container in self.body_containers(self.page):
            lines = self.caption_lines(container.root)
            for line in lines:
                holder = line.getprevious()
                while holder is not None and holder.find(".//img") is None:
                    holder = holder.getprevious()
                img = holder.find(".//img") if holder is not None else None
                src = img.get("data-original") or img.get("src") if img is not None else None
                url = canonical_url(src, self.page.url) if src else None
                for image in images:
                    if image["url"] == url and image["caption"] is None:
                        image["caption"] = clean_text("".join(line.itertext()))
        return images


class VivaV2(VivaV1, GenericParser):
    """Today: ``div.main-content-detail``; JSON-LD first, the survey when a class moved."""

    version = "viva/v2"
    headline_css = "h1.main-content-title"
    subheadline_css = ".main-content-summary, .main-content-lead"
    date_css = "div.main-content-date"
    author_css = "div.main-content-author a, div.main-content-author"
    editor_css = "div.main-content-editor a, div.main-content-editor"
    section_css = "a.breadcrumb-step"
    tags_css = ".main-content-tags a, .tag-list a"
    body_css = "div.main-content-detail"
    body_skip_css = (
        # The recommended-article box is an inline "Baca Juga :" list: the hygiene reads it.
        f"div.widget-other-article, .main-content-pagination, "
        f".ads-placeholder, [id^='div-gpt-ad'], {EMBEDS}"
    )
    image_caption_css = ".main-content-image figcaption, .main-content-image .caption"
    pages_css = ".main-content-pagination a"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.main-content-detail, h1.main-content-title"))

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.lower() not in ("home", "viva")]
        return crumbs[-1] if crumbs else GenericParser.section(self)

    def authors(self) -> list[str]:
        return ArticleParser.authors(self)

    def editors(self) -> list[str]:
        return ArticleParser.editors(self)


def listing_links(page: Page) -> list[Link]:
    """Articles of an index page: 2016's ``section.news-indeks li > a`` cards ("Selasa, 16
    Februari 2016 12:55" in ``.upperdeck``) and today's ``.article-list-row`` rows; videos
    and photo sets are left out."""
    links: dict[str, Link] = {}
    for anchor in page.css("section.news-indeks li > a, .article-list-row a.article-list-title"):
        href = anchor.attrib.get("href")
        if not href:
            continue
        url = link_url(href, page.url)
        if VivaV1.not_article_url and VivaV1.not_article_url.search(url):
            continue  # videos and photo sets are listed too: not worth a fetch
        title = clean_text(" ".join(anchor.css(".title ::text").getall())) or clean_text(
            " ".join(anchor.css("::text").getall())
        )
        card = anchor if anchor.css(".upperdeck") else anchor.xpath("..")
        shown = " ".join(card.css(".upperdeck ::text, .article-list-date ::text").getall())
        machine = card.css("time::attr(datetime)").get()
        published: datetime | None = parse_iso_datetime(machine) or parse_indonesian_datetime(
            shown, now=page.fetched_at
        )
        links.setdefault(url, Link(url, published, title or None))
    return list(links.values())


PARSERS = (VivaV1, VivaV2)
