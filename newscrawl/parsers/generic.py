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
from newscrawl.parsers.container import (
    following,
    header_nodes,
    inside,
    picture_boxes,
    text_container,
    text_sections,
)
from newscrawl.parsers.crumbs import ld_crumbs, url_section
from newscrawl.parsers.notarticle import not_article
from newscrawl.parsers.paging import later_pages
from newscrawl.parsers.people import byline_names
from newscrawl.parsers.survey import Survey, is_chrome, survey
from newscrawl.parsers.tags import editorial_tags, keyword_tags, tag_list
from newscrawl.parsers.text import Block, clean_text, text_blocks

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
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
#: Any outlet's name in a dateline: "POS-KUPANG.COM", "TEMPO.CO", "Suara.com", "VIVA.co.id".
_ANY_BRAND = r"[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|co\.id|co|id|net|org|news)"
#: "Jakarta - ", "BANDA ACEH -- ": a place alone, up to three capitalised words.
_BARE_DATELINE = re.compile(
    r"^[\W_]*(?P<place>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})\s+[-–—]+(?:\s+|$)"
)


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
        """The element that holds the article's text (:func:`text_container`)."""
        if self.body_css:
            nodes = self.page.nodes(self.body_css)
            if nodes:
                return nodes[0]
        return text_container(self.survey)

    @cached_property
    def containers(self) -> list[etree._Element]:
        """The container, or the sections or pages the text is split into."""
        container = self.container
        if container is None:
            return []
        if self.body_css:
            return [container]
        return text_sections(self.page.sel.root, container)

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
        return [e for e in elements if inside(e, scope) and not is_chrome(e, scope)]

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
        for seen, node in enumerate(following(h1)):
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
        return byline_names(values, drop=(*self.not_people, *self.brands))

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
        for crumbs in (ld_crumbs(self.page), self.shown_crumbs()):
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
            or url_section(self.page.url, self.brand_keys)
        )

    @cached_property
    def brand_keys(self) -> set[str]:
        return {_alnum(b) for b in self.brands}

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
            shown += tag_list(box)
        if shown:
            return editorial_tags(shown)
        keywords = self.page.meta("news_keywords") or self.page.meta("keywords")
        found = super().tags() or keyword_tags(keywords)
        return [t for t in editorial_tags(found) if _alnum(t) not in self.brand_keys]

    # -- body, dateline, pages --------------------------------------------------------------

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
            skip += header_nodes(container, self.survey, self.headline_node)
            skip += picture_boxes(container)
            if self.body_skip_css:
                skip += page.nodes(self.body_skip_css, container)
        return text_blocks(self.containers, page.url, skip)

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
        why = not_article(self.page, has_text=self.container is not None)
        if why:
            raise NotAnArticle(f"{self.page.url} {why}")

    def page_urls(self) -> list[str]:
        """Later pages announced by the page's paging bar or ``rel=next``: the article's own
        URL with a page parameter (``?page=2``) or a page suffix (``/2``), in page order."""
        if self.pages_css:
            return super().page_urls()
        boxes = self.survey.roles.get("paging", [])
        hrefs = [a.get("href") for box in boxes for a in box.iter("a")] + self.survey.next_links
        return later_pages(self.page.url, hrefs)

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
