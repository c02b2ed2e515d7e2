"""liputan6.com (KLY): news., tekno., bisnis. ... (to 2017) and www.liputan6.com/<channel>/.

Three layouts: v1 (2015, ``div.text-detail``), v2 (2016-17, BEM ``read-page__content-body``)
and v3 (late 2017 on, ``div.article-content-body`` with one ``__item-page[data-page]`` per
page). Public scrapers report that a v3 multi-page article ships every page in one HTML
(later ones ``__item-page_hidden``, "2 dari 3 halaman" dividers) and others walk ``?page=N``:
pages a document lacks are fetched as ``?page=N`` and pages are merged by number, so both work.

Every layout opens the body with a bold "Liputan6.com, Jakarta -"; from 2016 to today the
dash is often missing ("<b>Liputan6.com, Jakarta</b> Menteri ..."), so the bold lead itself
marks where the dateline ends. KLY pages describe themselves in ``window.kmklabs`` (or
``window.kly``, ``window.info`` in 2016): ``.article.type`` ("TextTypeArticle",
"PhotoGallery", ...) and ``.gtm.editors``.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, ClassVar

from lxml import etree
from parsel import Selector
from w3lib.url import add_or_replace_parameter, url_query_parameter

from newscrawl.css import TreeIndex
from newscrawl.dates import parse_indonesian_datetime, parse_iso_datetime
from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import Body, clean_body, dateline_pattern, image_caption
from newscrawl.parsers.text import Block, clean_text, person_names, text_blocks, unique
from newscrawl.urls import canonical_url, link_url

#: Related-link boxes inside the body: 2016's ``div.baca-juga``, today's collections.
RELATED_BOX = "div.baca-juga, div.baca-juga-collections"
#: Content types that are galleries, not articles (page-info JSON, ``data-cache-key``):
#: "PhotoGallery", "VideoGallery", photo/video/infographic article types.
GALLERY_TYPES = re.compile(r"Photo|Video|Infogra", re.IGNORECASE)
_TYPE_IN_CACHE_KEY = re.compile(r"([A-Za-z]+)#\d+")
_KLY_OBJECT = r"window\.(?:kmklabs|kly|info)\.{name}\s*=\s*"
#: The lead "Liputan6.com, Jakarta" in bold, without the dash that ends a dateline.
_DASHLESS_LEAD = re.compile(r"^\W*Liputan6\.com\s*,\s*[^-–—:]{0,39}\w$", re.IGNORECASE)
#: Parse.ly-style JSON-LD keywords that are not tags: "Tekno:Telko", "Editor:Iskandar".
_KEY_VALUE = re.compile(r"^[^:]+:\S")
_TAG = re.compile(r"<[^>]*>")
_PAGE_OF = re.compile(r"(\d+)\s+dari\s+(\d+)\s+halaman", re.IGNORECASE)
_INLINE_SCRIPTS = etree.XPath("//script[not(@src)]/text()", smart_strings=False)
ITEM_PAGE = "div.article-content-body__item-page"
ITEM_TITLE = ".article-content-body__item-title"


def kly_object(page: Page, name: str) -> dict[str, Any]:
    """The ``window.kmklabs.<name> = {...}`` object of a KLY page ({} when absent)."""
    pattern = re.compile(_KLY_OBJECT.format(name=name))
    for script in _INLINE_SCRIPTS(page.sel.root):
        match = pattern.search(script)
        if not match:
            continue
        try:
            found, _ = json.JSONDecoder().raw_decode(script, match.end())
        except ValueError:
            continue
        if isinstance(found, dict):
            return found
    return {}


def page_type(page: Page) -> str | None:
    """The CMS content type: "TextTypeArticle", "PhotoGallery", "VideoGallery" ..."""
    kind = kly_object(page, "article").get("type")
    if isinstance(kind, str) and kind:
        return kind
    keys = page.css(
        "article.main::attr(data-cache-key), .text-detail::attr(data-cache-key), "
        ".text-detail::attr(data-cachekey)"
    ).getall()
    found = [m.group(1) for key in keys for m in [_TYPE_IN_CACHE_KEY.search(key)] if m]
    return found[0] if found else None


def _related_paragraph(box: etree._Element) -> None:
    """Replace a related-links box by one "Baca juga: <a>..</a>" paragraph, in place."""
    para = etree.Element("p")
    para.text = "Baca juga: "
    for anchor in box.iter("a"):
        title = clean_text("".join(anchor.itertext())) or anchor.get("title")
        if anchor.get("href") and title:
            link = etree.SubElement(para, "a", href=anchor.get("href", ""))
            link.text, link.tail = title, " "
    para.tail = box.tail
    parent = box.getparent()
    if parent is not None:
        parent.replace(box, para)


def _mark_dashless_dateline(root: etree._Element, lead_pattern: re.Pattern[str]) -> None:
    """Add the missing dash after a bold "Liputan6.com, Jakarta" (``lead_pattern``) opening
    the body, in place."""
    first = next((p for p in root.iter("p") if clean_text("".join(p.itertext()))), None)
    if first is None:
        return
    lead = next((el for el in first.iter("b", "strong")), None)
    if lead is None:
        return
    text = clean_text("".join(lead.itertext()))
    paragraph = clean_text("".join(first.itertext()))
    rest = paragraph[len(text) :].lstrip()
    if (
        lead_pattern.match(text)
        and paragraph.startswith(text)
        and (not rest or rest[0] not in "-–—:")
    ):
        lead.tail = " - " + (lead.tail or "")


def _real_src(candidates: Sequence[str | None]) -> str | None:
    """The first candidate that is a picture, not a lazy-load placeholder."""
    return next(
        (c for c in candidates if c and not c.startswith("data:") and "/blank." not in c), None
    )


def _figure_src(figure: Selector) -> str | None:
    """A body figure's image; lazy ones keep it in figure[data-image] or img[data-src]."""
    names = ("data-src", "data-original", "src")
    return _real_src(
        [figure.attrib.get("data-image"), *(figure.css(f"img::attr({n})").get() for n in names)]
    )


def _figure_caption(figure: Selector) -> str | None:
    """The figcaption, else figure[data-description] (item-media figures; may hold "<p>")."""
    caption = clean_text(" ".join(figure.css("figcaption ::text").getall()))
    described = _TAG.sub(" ", figure.attrib.get("data-description", ""))
    return caption or clean_text(described) or None


def _img_src(img: Selector) -> str | None:
    return _real_src([img.attrib.get(n) for n in ("data-src", "data-original", "src")])


class Liputan6V1(ArticleParser):
    """June 2015: ``h1.entry-title``, "18 Jun 2015 at 06:25 WIB", no JSON-LD."""

    outlet = "liputan6"
    version = "liputan6/v1"
    domains = ("liputan6.com",)
    not_people: ClassVar[tuple[str, ...]] = (
        "Liputan6.com",
        "Liputan6",
        "Tim Liputan6.com",
        "Tim Redaksi",
    )
    # "?photo=N" opens the lead photo; "?page=N" a page of a multi-page article.
    drop_url_params = ("page", "photo")
    # "... - Bisnis Liputan6.com"; a later page (?page=3) adds " - Page 3".
    title_suffix = re.compile(
        r"(?:\s+[-|–]\s+(?:(?:[\w-]+\s+)?Liputan6\.com|Page\s+\d+))+\s*$", re.IGNORECASE
    )
    not_article_url = re.compile(
        r"^https?://(?:video\.liputan6\.com/"
        # 2016 galleries were photo.liputan6.com/<category>/<slug>-<id>; /read/ there is text
        r"|photo\.liputan6\.com/(?!read/)"
        r"|(?:www\.)?liputan6\.com/(?:[\w-]+/)*(?:photo|foto|video|tag|infografis)(?:/|$)"
        r"|(?:[\w-]+\.)*liputan6\.com/(?:[\w-]+/)*read/\d+/infografis-)",
        re.IGNORECASE,
    )
    #: Headlines of video posts, photo posts and infographics.
    not_article_headline = re.compile(r"^(?:VIDEO\s*:|FOTO\s*:|Infografis\s)")

    headline_css = "h1.entry-title"
    date_css = "p.datetime .updated"
    author_css = ".by-author .author .fn"
    section_css = "ul.breadcrumb li a"
    tags_css = ".tag-links li.tag a"
    body_css = "div.entry-content div.text-detail"
    image_caption_css = ".gallery-images figure figcaption"

    dateline = dateline_pattern(brand=r"Liputan6\.com")
    #: The bold brand and place that open the body without the dateline's dash.
    dashless_lead: ClassVar[re.Pattern[str]] = _DASHLESS_LEAD
    clutter: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(r"^\W*baca berita terkini\b", re.IGNORECASE),
        # The Cek Fakta promo: "* Fakta atau Hoaks? Untuk mengetahui ..." or, 2021-22,
        # "* Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ...".
        re.compile(r"^\W*(?:fakta atau hoaks|untuk mengetahui kebenaran informasi)\b", re.I),
        re.compile(r"^\W*simak berita liputan6", re.IGNORECASE),
        re.compile(r"^\W*(?:selanjutnya|berikutnya)\s*:", re.IGNORECASE),
        # Credits of copy shared with Merdeka.com: "Reporter: Dwi Aditya", "Sumber: Merdeka.com".
        re.compile(r"^\W*(?:reporter|sumber)\s*:\s*[\w .,'&/()-]{1,60}$", re.IGNORECASE),
    )

    def check_article(self) -> None:
        super().check_article()
        kind = page_type(self.page)
        if kind and GALLERY_TYPES.search(kind):
            raise NotAnArticle(f"{self.page.url} is a {kind}, not an article")
        if self.page.css(
            ".read-page--photo-tag--header__title, .read-page--photo-tag--slider__top"
        ):
            raise NotAnArticle(f"{self.page.url} is a photo page")
        if self.not_article_headline.match(self.headline() or ""):
            raise NotAnArticle(f"{self.page.url} is a video, photo or infographic post")

    def ld_keywords(self) -> list[str]:
        value = self.page.article_ld.get("keywords")
        values = value if isinstance(value, list) else str(value or "").split(",")
        return [clean_text(v) for v in values if isinstance(v, str) and clean_text(v)]

    def tags(self) -> list[str]:
        ld = [k for k in self.ld_keywords() if not _KEY_VALUE.match(k)]
        keywords = (self.page.meta("news_keywords", "keywords") or "").split(",")
        return list(
            unique(
                ld or self.page.meta_all("article:tag") or self.css_texts(self.tags_css) or keywords
            )
        )

    def editors(self) -> list[str]:
        keyed = [k.split(":", 1)[1] for k in self.ld_keywords() if k.lower().startswith("editor:")]
        return super().editors() or person_names(keyed, drop=self.not_people)

    def images(self) -> list[dict[str, str | None]]:
        found: dict[str, str | None] = {}
        lead = self.page.meta("og:image", "twitter:image")
        if lead:
            found[canonical_url(lead, self.page.url)] = self.css_text(self.image_caption_css)
        for page in (self.page, *self.more_pages):
            for container in self.body_containers(page):
                for url, caption in self.container_images(page, container):
                    found.setdefault(canonical_url(url, page.url), caption)
        return [{"url": url, "caption": caption} for url, caption in found.items()]

    def container_images(self, page: Page, container: Selector) -> Iterator[tuple[str, str | None]]:
        """(src, caption) of the figures and of the bare ``<img>`` (2016's) in a body container."""
        skip_css = ", ".join(css for css in (RELATED_BOX, self.body_skip_css) if css)
        skipped = set(page.nodes(skip_css, container.root))
        for node in container.xpath(".//figure | .//img[not(ancestor::figure)]"):
            if node.root.tag == "figure":
                src, found_caption = _figure_src(node), _figure_caption(node)
            elif not any(a in skipped for a in node.root.iterancestors()):
                src, found_caption = _img_src(node), image_caption(node.root)
            else:
                continue
            if src:
                yield src, found_caption

    def container_blocks(
        self, containers: Sequence[Selector], url: str, lead: bool = False
    ) -> list[Block]:
        """Paragraph blocks of ``containers``; each related box becomes one "Baca juga" line.

        ``lead``: the first container opens the article (its bold dateline may lack a dash).
        """
        roots: list[etree._Element] = []
        skip: list[etree._Element] = []
        for container in containers:
            root = copy.deepcopy(container.root)
            if lead and not roots:
                _mark_dashless_dateline(root, self.dashless_lead)
            # The copy's own index: parsel's XPath would scan the copy once per selector.
            index = TreeIndex(root)
            boxes = index.select(RELATED_BOX)
            for box in boxes:
                _related_paragraph(box)
            if self.body_skip_css:
                if boxes:
                    index = TreeIndex(root)  # boxes were replaced: index the tree as it is now
                skip.extend(index.select(self.body_skip_css))
            roots.append(root)
        return text_blocks(roots, url, skip)

    def body_blocks(self, page: Page) -> list[Block]:
        return self.container_blocks(self.body_containers(page), page.url, lead=page is self.page)


class Liputan6V2(Liputan6V1):
    """2016-17: BEM ``read-page--header__*``, Parse.ly JSON-LD with true UTC dates."""

    version = "liputan6/v2"
    headline_css = "h1.read-page--header__title"
    date_css = "time.read-page--header__datetime"
    author_css = ".read-page--header__author .fn"
    section_css = ".read-page--breadcrumb--item a span"
    tags_css = ".read-page--tags__link"
    body_css = "div.read-page__content-body"
    image_caption_css = ".read-page--photo-gallery--item__caption"

    def editors(self) -> list[str]:
        names, role = [], ""
        for item in self.page.css("ul.read-page--credits__list li"):
            if "read-page--credits__role" in item.attrib.get("class", ""):
                role = item.attrib.get("id", "")
            elif role == "credits_editor":
                names.append(clean_text(" ".join(item.css("::text").getall())))
        return super().editors() or person_names(names, drop=self.not_people)


class Liputan6V3(Liputan6V2):
    """2018 on: ``h1.read-page--header--title``, ``div.article-content-body`` pages.

    The 2025-26 header (``read-page-box__author__name``, "Diterbitkan 24 Juli 2026,
    10:26 WIB") keeps the same body, so its selectors are alternatives here.
    """

    version = "liputan6/v3"
    headline_css = "h1.read-page--header--title"
    date_css = "time.read-page--header--author__datetime, .read-page-box__author__updated"
    # "Diperbarui 30 Okt 2026, 20:12 WIB"; late 2025's header: "Diperbaharui 29 Okt 2025, ...".
    updated_css = "time.read-page--header--author__modified-time, .readpage__author__update > span"
    author_css = ".read-page--header--author__name, .read-page-box__author__name"
    subheadline_css = ".read-page--header--description"
    tags_css = ".tags--snippet__name, .tags--snippet__list a"
    body_css = "div.article-content-body"
    body_skip_css = (
        ".article-content-body__item-break, .article-content-body__item-loadmore, "
        ".article-content-body__item-media, .advertisement-placeholder, .advertisement-text, "
        ".article-ad, [id*='gpt-ad'], [id*='revive-ad'], .promo"
    )
    image_caption_css = ".read-page--top-media figcaption, .read-page--photo-gallery--item__caption"

    def numbered_items(self, page: Page, offset: int = 0) -> Iterator[tuple[int, Selector]]:
        """(page number, container) for each ``__item-page`` of ``page``, hidden ones too."""
        items = page.css(f"{self.body_css} {ITEM_PAGE}") or page.css(self.body_css)[:1]
        for position, item in enumerate(items, start=1):
            number = item.attrib.get("data-page", "")
            yield (int(number) if number.isdigit() else offset + position), item

    def body_containers(self, page: Page) -> Any:
        return [item for _, item in self.numbered_items(page)]

    def editors(self) -> list[str]:
        # 2018 on, the editors are named only in the page's analytics object.
        names = kly_object(self.page, "gtm").get("editors")
        listed = [names] if isinstance(names, str) else []
        return super().editors() or person_names(listed, drop=self.not_people)

    def body(self) -> Body:
        found: dict[int, tuple[Selector, Page]] = {}
        for index, page in enumerate((self.page, *self.more_pages)):
            for number, item in self.numbered_items(page, offset=1000 * index):
                found.setdefault(number, (item, page))  # a page can carry every page
        blocks: list[Block] = []
        for number in sorted(found):
            item, page = found[number]
            page_blocks = self.container_blocks([item], page.url, lead=not blocks)
            # A page holding only its title over a video or infographic adds no text.
            titles = {
                clean_text(" ".join(t.css("::text").getall()))
                for t in page.css_within(item, ITEM_TITLE)
            }
            if any(block.text not in titles for block in page_blocks):
                blocks.extend(page_blocks)
        return clean_body(blocks, self.dateline, self.clutter, self.stop)

    def page_urls(self) -> list[str]:
        held = {number for number, _ in self.numbered_items(self.page)}
        if not held:  # no article body at all (a gallery): nothing to follow
            return []
        announced = [
            int(m.group(2))
            for m in _PAGE_OF.finditer(
                " ".join(self.css_texts(".article-content-body__item-break-index"))
            )
        ]
        for href in self.page.css(
            "a.paging__link::attr(href), link[rel=next]::attr(href), "
            ".article-content-body__item-loadmore a::attr(href)"
        ).getall():
            number = url_query_parameter(link_url(href, self.page.url), "page")
            announced += [int(number)] if number and number.isdigit() else []
        total = max([*held, *announced], default=1)
        base = canonical_url(self.page.url, drop_params=("page",), https=False)
        return [
            base if n == 1 else add_or_replace_parameter(base, "page", str(n))
            for n in range(1, total + 1)
            if n not in held
        ]


def listing_links(page: Page) -> list[Link]:
    """Items of an index page (``/indeks/YYYY/MM/DD?page=N``), galleries and videos included.

    2016's rows sit in ``#indeks-articles``; later indexes are plain
    ``article.articles--rows--item`` rows whose title link and time carry
    ``data-template-var`` and ``time[datetime]``.
    """
    items = (
        page.css("#indeks-articles .articles--rows--item")
        or page.css("article.main .articles--rows--item")
        or page.css("article.articles--rows--item")
    )
    links: dict[str, Link] = {}
    for item in items:
        anchor = (
            item.css("a.articles--rows--item__title-link")
            or item.css("h4 a")
            or item.css("a[data-template-var=url]")
        )
        href = anchor.attrib.get("href") if anchor else None
        if not href:
            continue
        title = (
            clean_text(anchor.attrib.get("title"))
            or clean_text(" ".join(anchor.css("::text").getall()))
            or clean_text(" ".join(item.css("[data-template-var=title] ::text").getall()))
        )
        time = item.css("time.articles--rows--item__time") or item.css("time")
        published: datetime | None = parse_iso_datetime(time.attrib.get("datetime"))
        if published is None and time:
            text = " ".join(time.css("::text").getall())
            published = parse_indonesian_datetime(text, now=page.fetched_at)
        url = link_url(href, page.url)
        links.setdefault(url, Link(url, published, title or None))
    return list(links.values())


PARSERS = (Liputan6V1, Liputan6V2, Liputan6V3)
