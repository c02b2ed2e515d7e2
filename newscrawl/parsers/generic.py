"""The generic parser (``generic/v1``): a clean record from a news article of any layout.

Structured data first (JSON-LD of any article type, OpenGraph and ``article:*`` metas,
``itemprop``, Dublin Core and CMS metas), then what one :mod:`survey` walk of the page finds:
the headline ``<h1>``, the date line near it (read by our date module, zones as printed),
bylines, tag lists and breadcrumbs, and the article text container: ``itemprop=articleBody``
or a known CMS container, else the element with the most prose. The body then goes through
the hygiene every parser shares (:mod:`newscrawl.parsers.body`).

An outlet declaration (``spiders/<outlet>.py``) may subclass this parser to name what the
survey cannot guess (``author_css``, ``body_css``, ...): a selector that is set is asked
first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar

import parsel
from lxml import etree

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, in_stated_zone, ld_names
from newscrawl.parsers.body import Body, clean_body, dateline_pattern, peel_dateline
from newscrawl.parsers.survey import Survey, is_chrome, survey
from newscrawl.parsers.text import Block, clean_text, person_names, text_blocks, unique
from newscrawl.urls import link_url

_PROSE = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::a or ancestor::noscript)]",
    smart_strings=False,
)
#: Path segments of pages that list articles rather than being one.
_LISTING_PATH = re.compile(
    r"^/(?:[\w-]+/)*(?:tag|tags|topik|topic|search|cari|pencarian|indeks|index|kategori|"
    r"category|kanal|channel|author|penulis|video|videos|foto|photo|photos|galeri|gallery|"
    r"infografis|tv|live|rss|sitemap)(?:/[\w-]*)?/?$",
    re.IGNORECASE,
)
_MEDIA_PATH = re.compile(
    r"^/(?:[\w-]+/)*(?:video|videos|foto|photo|photos|galeri|gallery|inpicture|infografis|"
    r"readfoto|readvideo|foto-news|fotonews|potret)/"
)
#: JSON-LD types of pages that are not one article.
NOT_ARTICLE_TYPES = frozenset(
    {"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "ImageGallery"}
)
_UPDATED = re.compile(r"\b(?:diperbarui|diperbaharui|update[d]?|diubah|pembaruan)\b", re.I)
_EDITOR = re.compile(r"\b(?:editor|redaktur|penyunting)\b", re.IGNORECASE)
#: Machine date metas beyond the base parser's: Dublin Core, Parse.ly, detik's, sailthru's.
_PUBLISHED_METAS = (
    "dtk:publishdate",
    "content_publisheddate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "citation_publication_date",
    "date",
)
_AUTHOR_METAS = ("author", "dtk:author", "content_author", "parsely-author", "sailthru.author")
_SEPARATORS = re.compile(r"\s+[-|–—:]+\s+|\s*\|\s*")
#: Words a home crumb says.
_HOME = frozenset({"home", "beranda", "index", "indeks", "homepage", "depan", "news", "berita"})
_MAX_PAGES = 30
#: What a byline holds besides names: its date's day, "WIB", "Updated".
_NOT_A_NAME = re.compile(
    r"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|wib|wita|wit|updated?|diperbarui|published)$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
#: Any outlet's name in a dateline: "POS-KUPANG.COM", "TEMPO.CO", "Suara.com", "VIVA.co.id".
_ANY_BRAND = r"[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|co\.id|co|id|net|org|news)"
#: "Jakarta - ", "BANDA ACEH -- ": a place alone, up to three capitalised words.
_BARE_DATELINE = re.compile(
    r"^[\W_]*(?P<place>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})\s+[-–—]+(?:\s+|$)"
)
_BOXES = frozenset(
    {"div", "p", "ul", "ol", "li", "section", "header", "footer", "aside", "table", "blockquote"}
)
#: Search-engine keywords, not tags: "berita terkini", "portal Indonesia".
_SEO_TAG = re.compile(
    r"^(?:berita|info|informasi|kabar|portal|news)\s+(?:terkini|terbaru|terpopuler|hari ini|"
    r"harian(?: online)?|indonesia|online|utama|viral|update)$",
    re.IGNORECASE,
)
_PAGE_PARAM = re.compile(r"(?:^|&)(?:page|p|hal|halaman)=(\d{1,2})(?:&|$)")
_PAGE_SUFFIX = re.compile(r"/(?:page/|halaman/)?(\d{1,2})")


def _alnum(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


class GenericParser(ArticleParser):
    """Any news article page; outlet declarations subclass it with overrides."""

    outlet = "generic"
    version = "generic/v1"
    #: Agencies whose name stands in datelines: "Jakarta (ANTARA) -".
    agencies: ClassVar[str] = r"ANTARA(?:\s+News)?|Antara|AFP|Reuters|AP|Xinhua"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return True

    # -- what one walk of the page found ----------------------------------------------

    @cached_property
    def survey(self) -> Survey:
        return survey(self.page.sel.root)

    @cached_property
    def container(self) -> etree._Element | None:
        """The element that holds the article's text."""
        if self.body_css:
            nodes = self.page.nodes(self.body_css)
            if nodes:
                return nodes[0]
        found = self.survey
        dense = max(found.scores, key=found.scores.__getitem__, default=None)
        structured = [*found.itemprop.get("articleBody", []), *found.bodies]
        if dense is not None:
            # A known container holding the densest prose: the innermost one, so that a
            # wrapper's header and footer ("post-content" around "post-text") stay out.
            holders = [c for c in structured if c is dense or _inside(dense, c)]
            if holders:
                return min(holders, key=_prose_length)
            dense_text = _prose_length(dense)
            inside = [c for c in structured if _inside(c, dense)]
            best_inside = max(inside, key=_prose_length, default=None)
            if best_inside is not None and _prose_length(best_inside) >= 0.6 * dense_text:
                return best_inside
            parent = dense.getparent()
            if (
                not dense.get("class")
                and parent is not None
                and found.scores.get(parent, 0) >= 0.75 * found.scores[dense]
            ):
                # Text split over sibling boxes with no class of their own (ANTARA 2016).
                return parent
            if found.scores[dense] >= 150:
                return dense
        best = max(structured, key=_prose_length, default=None)
        return best if best is not None and _prose_length(best) >= 80 else None

    @cached_property
    def scope(self) -> etree._Element:
        """The article: the nearest element holding both the headline and the text."""
        container, h1 = self.container, self.headline_node
        if container is None:
            return self.page.sel.root
        if h1 is None:
            parent = container.getparent()
            return parent if parent is not None else container
        ancestors = {id(a) for a in container.iterancestors()} | {id(container)}
        for node in h1.iterancestors():
            if id(node) in ancestors:
                return node
        return self.page.sel.root

    def scoped(self, elements: list[etree._Element]) -> list[etree._Element]:
        """``elements`` inside the article and outside its chrome (none when none is)."""
        scope = self.scope
        if scope is self.page.sel.root:
            return []
        return [e for e in elements if _inside(e, scope) and not is_chrome(e, scope)]

    def after_text(self, elements: list[etree._Element]) -> list[etree._Element]:
        """``elements`` that come after the article text and outside page chrome: where tag
        lists sit when the article has no wrapper holding them (a trending-tags bar in the
        page header does not)."""
        container = self.container
        if container is None:
            return []
        order = {id(e): n for n, e in enumerate(self.page.sel.root.iter())}
        start = order.get(id(container), 0)
        return [e for e in elements if order.get(id(e), -1) > start and not is_chrome(e)]

    def in_scope(self, elements: list[etree._Element]) -> list[etree._Element]:
        """``elements`` inside the article, outside its chrome; all of them when none is."""
        scope = self.scope
        inside = [e for e in elements if any(a is scope for a in e.iterancestors()) or e is scope]
        return [e for e in inside if not is_chrome(e, scope)] or [
            e for e in elements if not is_chrome(e)
        ]

    # -- fields -------------------------------------------------------------------------

    @cached_property
    def brands(self) -> list[str]:
        """Names of the site itself: never a person, never part of a headline."""
        publisher = self.page.article_ld.get("publisher")
        names = [
            self.page.meta("og:site_name") or "",
            *ld_names(publisher),
            self.outlet,
            *(d.split(".")[0] for d in self.domains),
            *self.domains,
        ]
        return [n for n in dict.fromkeys(clean_text(n) for n in names) if n]

    def strip_title(self, title: str | None) -> str | None:
        title = super().strip_title(title)
        if not title:
            return title
        brands = {_alnum(b) for b in self.brands}
        parts = _SEPARATORS.split(title)
        while len(parts) > 1 and any(b and b in _alnum(parts[-1]) for b in brands):
            parts.pop()
        while len(parts) > 1 and any(b and _alnum(parts[0]) == b for b in brands):
            parts.pop(0)
        if len(parts) < len(_SEPARATORS.split(title)):
            return clean_text(" - ".join(parts)) or None
        return title

    @cached_property
    def headline_node(self) -> etree._Element | None:
        h1s = [h for h in self.survey.h1 if len(clean_text("".join(h.itertext()))) >= 10]
        if not h1s:
            return None
        known = [
            _alnum(t)
            for t in (
                self.page.article_ld.get("headline"),
                self.strip_title(self.page.meta("og:title", "twitter:title")),
            )
            if isinstance(t, str) and t
        ]
        # A site's logo or a channel link sits in an <h1> too: a headline is not one link.
        own = [h for h in h1s if not _all_linked(h)] or h1s
        texts = [(_alnum("".join(h.itertext())), h) for h in own]
        for text, h1 in texts:
            if text in known:
                return h1
        for text, h1 in texts:
            if any(k and (k in text or text in k) for k in known):
                return h1
        return own[0] if not known else None

    def headline(self) -> str | None:
        if self.headline_css != "h1":
            own = self.css_text(self.headline_css)
            if own:
                return own
        if self.headline_node is not None:
            return clean_text("".join(self.headline_node.itertext()))
        ld = self.page.article_ld.get("headline")
        return (
            self.strip_title(ld if isinstance(ld, str) else None)
            or self.strip_title(self.page.meta("og:title", "twitter:title"))
            or self.strip_title(self.page.css("title::text").get())
        )

    def subheadline(self) -> str | None:
        if self.subheadline_css:
            return super().subheadline()
        container = self.container
        for element in self.in_scope(self.survey.roles.get("deck", [])):
            if container is not None and any(a is container for a in element.iterancestors()):
                continue
            text = clean_text(" ".join(element.itertext()))
            if 40 <= len(text) <= 400:
                return text
        return None

    # -- dates --------------------------------------------------------------------------

    def published_at(self) -> datetime | None:
        values = [
            self.page.article_ld.get("datePublished"),
            *(self.page.meta(key) for key in (*self.published_metas, *_PUBLISHED_METAS)),
            *(e.get("datetime") for e in self.survey.itemprop.get("datePublished", [])),
            *(e.get("content") for e in self.survey.itemprop.get("datePublished", [])),
            *(t.get("datetime") for t in self.survey.time if t.get("pubdate") is not None),
        ]
        machine = self.machine_date(values)
        shown = self.visible_date(self.date_css) if self.date_css else self.shown_dates[0]
        if machine is None and shown is None:
            machine = self.machine_date(t.get("datetime") for t in self.in_scope(self.survey.time))
        return in_stated_zone(machine, shown)

    def updated_at(self) -> datetime | None:
        ld = self.page.article_ld.get("dateModified")
        metas = (self.page.meta(key) for key in self.updated_metas)
        machine = self.machine_date([ld, *metas])
        shown = self.visible_date(self.updated_css) if self.updated_css else self.shown_dates[1]
        return in_stated_zone(machine, shown)

    @cached_property
    def shown_dates(self) -> tuple[datetime | None, datetime | None]:
        """The publication and update dates the article's date line prints."""
        published: datetime | None = None
        updated: datetime | None = None
        for element in self.in_scope(self.survey.roles.get("date", []) + self.survey.time):
            text = clean_text(" ".join(element.itertext()))
            if not text or len(text) > 120:
                continue
            when = parse_indonesian_datetime(
                text, now=self.page.fetched_at, default_tz=self.timezone
            )
            if when is None:
                continue
            if _UPDATED.search(text):
                updated = updated or when
            elif published is None:
                published = when
        return published or self.date_under_headline(), updated

    def date_under_headline(self) -> datetime | None:
        """A date line with no class saying so, just under the headline (2015 tribunnews'
        ``<h3>Jumat, 19 Juni 2015 12:58 WIB</h3>``): a short text with a date and a time."""
        h1 = self.headline_node
        if h1 is None:
            return None
        for seen, node in enumerate(_following(h1)):
            if seen >= 40:
                break
            text = clean_text(" ".join(node.itertext()))
            if 8 <= len(text) <= 80 and _CLOCK.search(text):
                when = parse_indonesian_datetime(
                    text, now=self.page.fetched_at, default_tz=self.timezone
                )
                if when is not None:
                    return when
        return None

    # -- people, section, tags ------------------------------------------------------------

    def bylines(self) -> tuple[list[str], list[str]]:
        """(author lines, editor lines) printed near the article."""
        authors: list[str] = []
        editors: list[str] = []
        bylines = self.survey.roles.get("byline", []) + self.survey.itemprop.get("author", [])
        for element in self.in_scope(bylines):
            if element.getparent() is not None and element.getparent() in bylines:
                continue  # its byline parent is read whole
            text = clean_text(" ".join(element.itertext()))
            if not text or len(text) > 150:
                continue
            label = " ".join([element.get("class") or "", element.get("id") or "", text[:12]])
            (editors if _EDITOR.search(label) else authors).append(text)
        return authors, editors

    def _people(self, values: list[str]) -> list[str]:
        names = person_names(values, drop=(*self.not_people, *self.brands))
        return [
            n
            for n in names
            if not re.search(r"\d", n) and len(n.split()) <= 6 and not _NOT_A_NAME.match(n)
        ]

    def authors(self) -> list[str]:
        if self.author_css:
            # An outlet's own byline selector wins over JSON-LD (which may name a desk).
            own = self._people(self.css_texts(self.author_css))
            if own:
                return own
        ld = [n for n in ld_names(self.page.article_ld.get("author"))]
        metas = [self.page.meta(key) or "" for key in _AUTHOR_METAS]
        shown = self.bylines()[0]
        for values in (ld, shown, [m for m in metas if m and not m.startswith("http")]):
            people = self._people(values)
            if people:
                return people
        return []

    def editors(self) -> list[str]:
        if self.editor_css:
            return super().editors()
        ld = ld_names(self.page.article_ld.get("editor"))
        return self._people(ld) or self._people(self.bylines()[1])

    def section(self) -> str | None:
        if self.section_css:
            return super().section()
        headline = _alnum(self.headline() or "")
        for crumbs in (self.ld_crumbs(), self.shown_crumbs()):
            names = [c for c in crumbs if _alnum(c) and _alnum(c) != headline]
            names = [
                c for c in names if _alnum(c) not in _HOME and _alnum(c) not in self.brand_keys
            ]
            if names:
                return names[-1]
        ld = self.page.article_ld.get("articleSection")
        if isinstance(ld, list):
            ld = ld[0] if ld else None
        return (
            clean_text(ld if isinstance(ld, str) else None)
            or clean_text(self.page.meta("article:section"))
            or None
        )

    @cached_property
    def brand_keys(self) -> set[str]:
        return {_alnum(b) for b in self.brands}

    def ld_crumbs(self) -> list[str]:
        for crumbs in self.page.ld_of_type("BreadcrumbList"):
            items = crumbs.get("itemListElement")
            if not isinstance(items, list):
                continue
            ordered = sorted(
                (i for i in items if isinstance(i, dict)),
                key=lambda i: int(i["position"]) if isinstance(i.get("position"), int) else 0,
            )
            names = []
            for item in ordered:
                name = item.get("name")
                inner = item.get("item")
                if not name and isinstance(inner, dict):
                    name = inner.get("name")
                if isinstance(name, str):
                    names.append(clean_text(name))
            if names:
                return names
        return []

    def shown_crumbs(self) -> list[str]:
        for element in self.survey.roles.get("crumbs", []):
            names = [clean_text("".join(a.itertext())) for a in element.iter("a")]
            if names:
                return [n for n in names if n]
        return []

    def tags(self) -> list[str]:
        if self.tags_css:
            return super().tags()
        shown: list[str] = []
        boxes = self.scoped(self.survey.roles.get("tags", [])) or self.after_text(
            self.survey.roles.get("tags", [])
        )
        for box in boxes:
            items = [clean_text("".join(a.itertext())).lstrip("#").strip() for a in box.iter("a")]
            items = [t for t in items if t]
            # A box of headlines ("related", "trending") is no tag list.
            if items and sum(len(t.split()) <= 5 for t in items) >= 0.8 * len(items):
                shown += items
        if shown:
            return [t for t in unique(shown) if not _SEO_TAG.match(t)]
        keywords = (self.page.meta("news_keywords") or self.page.meta("keywords") or "").split(",")
        found = super().tags() or list(unique(k for k in keywords if _keyword_like(keywords)))
        return [
            t
            for t in found
            if len(t) <= 60 and _alnum(t) not in self.brand_keys and not _SEO_TAG.match(t)
        ]

    # -- body, dateline, pages --------------------------------------------------------------

    @cached_property
    def containers(self) -> list[etree._Element]:
        """The article's text containers, in order: the container, or the sections or pages
        its text is split into (same tag and class, each holding prose: liputan6's pages in
        one document, detikX's sections)."""
        container = self.container
        if container is None:
            return []
        classes = container.get("class")
        if self.body_css or not classes:
            return [container]
        found = [
            element
            for element in self.page.sel.root.iter(container.tag)
            if element.get("class") == classes and _prose_length(element) >= 80
        ]
        if len(found) < 2 or len(found) > 40 or any(_inside(a, b) for a in found for b in found):
            return [container]
        # They must be one article's parts, not teaser cards across the page.
        common = _common_ancestor(found)
        if common is None or common.tag in ("body", "html") or is_chrome(common):
            return [container]
        return found

    def body_containers(self, page: Page) -> Any:
        if page is not self.page:
            return type(self)(page).body_containers(page)
        return [parsel.Selector(root=c, type="html") for c in self.containers]

    def body_blocks(self, page: Page) -> list[Block]:
        if page is not self.page:
            parser = type(self)(page)
            return parser.body_blocks(page)
        skip: list[etree._Element] = []
        for container in self.containers:
            skip += [*self.header_nodes(container), *self.picture_boxes(container)]
            if self.body_skip_css:
                skip += page.nodes(self.body_skip_css, container)
        return text_blocks(self.containers, page.url, skip)

    def header_nodes(self, container: etree._Element) -> list[etree._Element]:
        """What a too-wide container holds besides the text: the headline and everything
        before it (crumbs, labels), date lines, bylines, decks and tag lists."""
        found: list[etree._Element] = []
        h1 = self.headline_node
        if h1 is not None and any(a is container for a in h1.iterancestors()):
            found.append(h1)
            for node in h1.itersiblings(preceding=True):
                found.append(node)
            for ancestor in h1.iterancestors():
                if ancestor is container:
                    break
                found.extend(ancestor.itersiblings(preceding=True))
        roles = self.survey.roles
        for role in ("date", "byline", "crumbs", "deck", "tags"):
            for element in roles.get(role, []):
                # Boxes only: an inline link classed "inner-link-tag" is a linked word.
                if (
                    element.tag in _BOXES
                    and any(a is container for a in element.iterancestors())
                    and len(" ".join(element.itertext())) < 300
                ):
                    found.append(element)
        found.extend(t for t in self.survey.time if any(a is container for a in t.iterancestors()))
        return found

    @staticmethod
    def picture_boxes(container: etree._Element) -> list[etree._Element]:
        """Boxes holding a picture and little text: the picture's caption and credit."""
        boxes = []
        for img in container.iter("img"):
            node = img.getparent()
            while node is not None and node is not container:
                text = " ".join(node.itertext()).strip()
                if (
                    node.tag in ("div", "figure", "table", "span")
                    and len(text) < 300
                    and not node.findall(".//p")
                ):
                    boxes.append(node)
                    node = node.getparent()
                    continue
                break
        return boxes

    @cached_property
    def dateline_patterns(self) -> list[re.Pattern[str]]:
        brands = "|".join(
            re.escape(b) for b in sorted({*self.brands, *self.domains}, key=len, reverse=True)
        )
        brand = rf"(?i:{brands}|{_ANY_BRAND})" if brands else f"(?i:{_ANY_BRAND})"
        # An outlet's own pattern (a profile's ``dateline``) is tried first.
        declared = type(self).dateline
        own = [declared] if isinstance(declared, re.Pattern) else []
        return [
            *own,
            dateline_pattern(brand=brand),
            dateline_pattern(agency=self.agencies),
            _BARE_DATELINE,
        ]

    def body(self) -> Body:
        blocks = [b for page in (self.page, *self.more_pages) for b in self.body_blocks(page)]
        body = clean_body(blocks, None, self.clutter, self.stop)
        for pattern in self.dateline_patterns:
            if body.paragraphs and pattern.match(body.paragraphs[0]):
                peel_dateline(body, pattern)
                break
        return body

    def check_article(self) -> None:
        super().check_article()
        page, path = self.page, _path(self.page.url)
        og_type = (page.meta("og:type") or "").lower()
        article = bool(page.article_ld) or og_type == "article"
        if og_type.startswith("video") or _MEDIA_PATH.match(path):
            raise NotAnArticle(f"{page.url} is a video or photo page")
        if not article and (path in ("", "/") or _LISTING_PATH.match(path)):
            raise NotAnArticle(f"{page.url} lists articles (home, section, tag or search page)")
        main_types = {t for item in page.json_ld for t in _types(item)}
        if not page.article_ld and main_types & NOT_ARTICLE_TYPES:
            raise NotAnArticle(f"{page.url} is a {sorted(main_types & NOT_ARTICLE_TYPES)[0]}")
        if self.container is None and not article:
            raise NotAnArticle(f"{page.url} has no article text and no article markup")

    def page_urls(self) -> list[str]:
        """Later pages announced by the page's paging bar or ``rel=next``: the article's own
        URL with a page parameter (``?page=2``) or a page suffix (``/2``), in page order."""
        if self.pages_css:
            return super().page_urls()
        own = link_url(self.page.url, self.page.url)
        stem = own.partition("?")[0].rstrip("/")
        boxes = self.survey.roles.get("paging", [])
        hrefs = [a.get("href") for box in boxes for a in box.iter("a")] + self.survey.next_links
        numbered: dict[int, str] = {}
        for href in hrefs:
            if not href or href.startswith(("#", "javascript:")):
                continue
            url = link_url(href, self.page.url)
            path, _, query = url.partition("?")
            path = path.rstrip("/")
            number = _page_number(query) if path == stem else 0
            suffix = _PAGE_SUFFIX.fullmatch(path[len(stem) :]) if path.startswith(stem) else None
            if suffix:
                number = int(suffix.group(1))
            if 1 < number <= _MAX_PAGES:
                numbered.setdefault(number, url)
        return [numbered[n] for n in sorted(numbered)]

    def parse(self) -> dict[str, Any]:
        record = super().parse()
        lang = (self.page.sel.root.get("lang") or "").lower()[:2]
        if self.language == "id" and lang == "en":
            record["language"] = "en"
        return record


def _all_linked(element: etree._Element) -> bool:
    text = "".join(element.itertext()).strip()
    linked = "".join(t for a in element.iter("a") for t in a.itertext()).strip()
    return bool(text) and linked == text


#: Words that make a keywords meta a sentence cut at commas, not a list of tags.
_STOPWORDS = frozenset(
    "yang dan di ke dari untuk ini itu dengan pada the of and to in a is we should about".split()
)


def _keyword_like(keywords: list[str]) -> bool:
    items = [k.strip().lower() for k in keywords if k.strip()]
    return 0 < len(items) <= 15 and sum(k in _STOPWORDS for k in items) <= 1


def _following(element: etree._Element) -> Iterator[etree._Element]:
    """Elements after ``element`` in document order (its siblings, then its ancestors')."""
    node: etree._Element | None = element
    while node is not None:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):
                yield sibling
                yield from (e for e in sibling.iterdescendants() if isinstance(e.tag, str))
        node = node.getparent()


def _common_ancestor(elements: list[etree._Element]) -> etree._Element | None:
    """The nearest element all of ``elements`` are inside."""
    first, *rest = elements
    for ancestor in first.iterancestors():
        if all(_inside(e, ancestor) for e in rest):
            return ancestor
    return None


def _inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in element.iterancestors())


def _prose_length(element: etree._Element | None) -> int:
    if element is None:
        return 0
    return sum(len(t.strip()) for t in _PROSE(element))


def _types(item: dict[str, Any]) -> set[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _path(url: str) -> str:
    rest = url.split("://", 1)[-1]
    path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    return path.split("?", 1)[0].split("#", 1)[0]


def _page_number(query: str) -> int:
    match = _PAGE_PARAM.search(query)
    return int(match.group(1)) if match else 0
