"""The article parser every outlet version subclasses.

A version declares *where* things are (CSS selectors and a few patterns as class
attributes); the methods here read structured data first (JSON-LD, ``<meta>``)
and fall back to those selectors. A redesign is a subclass that overrides what
changed and says how to recognise its pages in :meth:`ArticleParser.detect`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any, ClassVar

from newscrawl.dates import JAKARTA, parse_indonesian_datetime, parse_iso_datetime, to_iso
from newscrawl.errors import IncompleteArticle, NotAnArticle
from newscrawl.page import Page, selected_text
from newscrawl.parsers.body import Body, clean_body, image_caption
from newscrawl.parsers.clutter import embeds as embeds_in
from newscrawl.parsers.text import Block, clean_text, person_names, text_blocks, unique
from newscrawl.record import FIELDS
from newscrawl.urls import canonical_url, host_matches, link_url

#: JSON-LD people, keywords and their lists nest a level or two; a page nesting them hundreds
#: deep (a template loop) is read to this depth only.
LD_DEPTH = 16


def ld_names(value: Any) -> list[str]:
    """Names from a JSON-LD person/organisation value (object, list or string)."""
    names: list[str] = []
    # A stack, not recursion: a value nested 500 deep must not raise RecursionError.
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            # CMS templates often print JSON-LD strings HTML-escaped ("&#039;").
            names.append(html.unescape(item))
        elif depth >= LD_DEPTH:
            continue
        elif isinstance(item, list):
            stack.extend((sub, depth + 1) for sub in reversed(item))
        elif isinstance(item, dict) and item.get("name"):
            stack.append((item["name"], depth + 1))
    return names


def _ld_strings(value: Any) -> list[str]:
    """Strings from a JSON-LD text-or-list value; comma lists are split."""
    strings: list[str] = []
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            strings.extend(part for part in html.unescape(item).split(",") if part.strip())
        elif isinstance(item, list) and depth < LD_DEPTH:
            stack.extend((sub, depth + 1) for sub in reversed(item))
    return strings


#: The one-page view of a multi-page article (``?page=all``, ``?showpage=all``, detik's
#: ``?single=1``): its paging bar still links the pages, but it holds them all.
ONE_PAGE_VIEW = re.compile(r"[?&](?:[a-z]*page|view)=all\b|[?&]single=1\b", re.IGNORECASE)

_SIZE_SUFFIX = re.compile(r"-\d{2,4}x\d{2,4}(?=\.\w{3,4}$)")


def in_stated_zone(machine: datetime | None, shown: datetime | None) -> datetime | None:
    """The machine date, in the zone the page prints when the two name the same minute.

    A WITA site's CMS may write machine dates in WIB or UTC while the page says
    "14:30 WITA": the instant is the machine's, the offset the page's. Without a
    machine date the visible one stands.
    """
    if machine is None or shown is None:
        return machine or shown
    if timedelta(0) <= machine - shown < timedelta(minutes=1):
        return machine.astimezone(shown.tzinfo)
    gap = abs(machine - shown)
    if (
        machine.replace(tzinfo=None) == shown.replace(tzinfo=None)
        or (machine.time() == time(0) and shown.date() == machine.date())
    ) and gap < timedelta(hours=10):
        # The CMS wrote local time with a wrong zone ("2015-11-05 T10:08:58Z" for 10:08 WIB),
        # or only a day: the page's own date line, zone printed, is the instant.
        return shown
    return machine


class ArticleParser:
    """One layout of one outlet. Subclasses set the class attributes below."""

    outlet: ClassVar[str] = ""
    version: ClassVar[str] = ""
    #: Registered domains; subdomains (news.detik.com) match too.
    domains: ClassVar[tuple[str, ...]] = ()
    language: ClassVar[str] = "id"
    timezone: ClassVar[tzinfo] = JAKARTA
    #: Names that are not people in bylines (the outlet's brand).
    not_people: ClassVar[tuple[str, ...]] = ()
    #: View parameters that don't change the article (detik's "single").
    drop_url_params: ClassVar[tuple[str, ...]] = ()
    #: Removed from headlines taken from <title>/og:title (" - Kompas.com").
    title_suffix: ClassVar[re.Pattern[str] | None] = None
    #: URLs of pages that are never articles (galleries, videos).
    not_article_url: ClassVar[re.Pattern[str] | None] = None

    headline_css: ClassVar[str] = "h1"
    subheadline_css: ClassVar[str] = ""
    date_css: ClassVar[str] = ""
    updated_css: ClassVar[str] = ""
    author_css: ClassVar[str] = ""
    editor_css: ClassVar[str] = ""
    section_css: ClassVar[str] = ""
    tags_css: ClassVar[str] = ""
    body_css: ClassVar[str] = ""
    #: Inside the body: ads, captions, widgets, related boxes. Skipped, tails kept.
    body_skip_css: ClassVar[str] = ""
    #: Lead image caption (outside the body).
    image_caption_css: ClassVar[str] = ""
    #: Links to the next pages of a multi-page article.
    pages_css: ClassVar[str] = ""

    #: Machine-readable date metas, tried in order after JSON-LD.
    published_metas: ClassVar[tuple[str, ...]] = (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
    )
    updated_metas: ClassVar[tuple[str, ...]] = (
        "article:modified_time",
        "og:updated_time",
        "datemodified",
    )

    dateline: ClassVar[re.Pattern[str] | None] = None
    clutter: ClassVar[tuple[re.Pattern[str], ...]] = ()
    stop: ClassVar[tuple[re.Pattern[str], ...]] = ()

    def __init__(self, page: Page, more_pages: Sequence[Page] = ()) -> None:
        self.page = page
        self.more_pages = list(more_pages)

    @classmethod
    def detect(cls, page: Page) -> bool:
        """Whether ``page`` is in this version's layout (default: its body container exists)."""
        return bool(cls.body_css and page.nodes(cls.body_css))

    # -- the record ----------------------------------------------------------------

    def parse(self) -> dict[str, Any]:
        """The complete record, or an :class:`~newscrawl.errors.ArticleError`."""
        self.check_article()
        headline = self.headline()
        if not headline:
            raise IncompleteArticle("no headline found", reason="no_headline")
        published = self.published_at()
        if published is None:
            raise IncompleteArticle("no publication date found", reason="no_date")
        body = self.body()
        if not body.paragraphs:
            raise IncompleteArticle("the article body is empty", reason="empty_body")
        updated = self.updated_at()
        record: dict[str, Any] = {
            "url": self.url(),
            "outlet": self.outlet,
            "headline": headline,
            "subheadline": self.subheadline(),
            "published_at": to_iso(published),
            "updated_at": to_iso(updated) if updated and updated != published else None,
            "authors": self.authors(),
            "editors": self.editors(),
            "section": self.section(),
            "tags": self.tags(),
            "dateline": body.dateline,
            "body": body.text,
            "baca_juga": body.baca_juga,
            "editor_code": body.editor_code,
            "images": self.images(),
            "embeds": self.embeds(),
            "language": self.language,
            "fetched_at": to_iso(self.page.fetched_at.astimezone(UTC)),
            "parser": self.version,
            "revision": 1,
        }
        return {key: record[key] for key in FIELDS}

    def check_article(self) -> None:
        """Raise :class:`NotAnArticle` for galleries, videos and index pages."""
        if self.not_article_url and self.not_article_url.search(self.page.url):
            raise NotAnArticle(f"{self.page.url} is not an article URL of {self.outlet}")

    # -- helpers for subclasses ----------------------------------------------------

    def css_text(self, css: str) -> str | None:
        """Cleaned text of the first element matching ``css`` that has any."""
        if not css:
            return None
        for node in self.page.nodes(css):
            text = clean_text(selected_text(node, css))
            if text:
                return text
        return None

    def css_texts(self, css: str) -> list[str]:
        if not css:
            return []
        return [t for t in (clean_text(selected_text(n, css)) for n in self.page.nodes(css)) if t]

    def local(self, value: datetime | None) -> datetime | None:
        """A UTC instant shown in the outlet's zone; stated offsets are kept."""
        if value is not None and value.utcoffset() == timedelta(0):
            return value.astimezone(self.timezone)
        return value

    def strip_title(self, title: str | None) -> str | None:
        title = clean_text(html.unescape(title) if title else title)
        if title and self.title_suffix:
            title = self.title_suffix.sub("", title).strip()
        return title or None

    # -- fields ----------------------------------------------------------------------

    def url(self) -> str:
        for candidate in (
            self.page.link_href("canonical"),
            self.page.meta("og:url"),
        ):
            if candidate and candidate.strip():
                url = canonical_url(candidate, self.page.url, self.drop_url_params)
                # A canonical link cut or garbled by a template ("...putus± /><link rel=") is
                # no URL: the fetched URL stands in for it.
                if host_matches(url, self.domains) and not any(c.isspace() for c in url):
                    return url
        return canonical_url(self.page.url, drop_params=self.drop_url_params)

    def headline(self) -> str | None:
        ld = self.page.article_ld.get("headline")
        return (
            self.strip_title(ld if isinstance(ld, str) else None)
            or self.css_text(self.headline_css)
            or self.strip_title(self.page.meta("og:title", "twitter:title"))
            or self.strip_title(self.page.css("title::text").get())
        )

    def subheadline(self) -> str | None:
        return self.css_text(self.subheadline_css)

    def machine_date(self, values: Iterable[Any]) -> datetime | None:
        """The first machine-readable date among ``values`` (JSON-LD and meta strings)."""
        for value in values:
            if not isinstance(value, str):
                continue
            # ISO first; detik-network metas print "2026/10/31 10:05:00".
            parsed = parse_iso_datetime(value, self.timezone) or parse_indonesian_datetime(
                value, default_tz=self.timezone
            )
            if parsed:
                return self.local(parsed)
        return None

    def published_at(self) -> datetime | None:
        ld = self.page.article_ld.get("datePublished")
        metas = (self.page.meta(key) for key in self.published_metas)
        return in_stated_zone(self.machine_date([ld, *metas]), self.visible_date(self.date_css))

    def updated_at(self) -> datetime | None:
        ld = self.page.article_ld.get("dateModified")
        metas = (self.page.meta(key) for key in self.updated_metas)
        shown = self.visible_date(self.updated_css)
        return in_stated_zone(self.machine_date([ld, *metas]), shown)

    def visible_date(self, css: str) -> datetime | None:
        for text in self.css_texts(css):
            parsed = parse_indonesian_datetime(
                text, now=self.page.fetched_at, default_tz=self.timezone
            )
            if parsed:
                return parsed
        return None

    def authors(self) -> list[str]:
        values: Iterable[str | None] = (
            ld_names(self.page.article_ld.get("author"))
            or self.css_texts(self.author_css)
            or [self.page.meta("author", "article:author", "dtk:author", "content_author")]
        )
        return person_names(
            (v for v in values if v and not v.startswith("http")), drop=self.not_people
        )

    def editors(self) -> list[str]:
        ld = ld_names(self.page.article_ld.get("editor"))
        return person_names(ld or self.css_texts(self.editor_css), drop=self.not_people)

    def section(self) -> str | None:
        ld = self.page.article_ld.get("articleSection")
        if isinstance(ld, list):
            ld = ld[0] if ld else None
        crumbs = self.css_texts(self.section_css)
        return (
            clean_text(ld if isinstance(ld, str) else None)
            or clean_text(self.page.meta("article:section"))
            or (crumbs[-1] if crumbs else None)
        )

    def tags(self) -> list[str]:
        ld = _ld_strings(self.page.article_ld.get("keywords"))
        # One article:tag meta per tag, or (some WordPress themes) one meta of them all.
        metas = [part for meta in self.page.meta_all("article:tag") for part in meta.split(",")]
        return list(unique(ld or metas or self.css_texts(self.tags_css)))

    def images(self) -> list[dict[str, str | None]]:
        images: list[dict[str, str | None]] = []
        lead = self.page.meta("og:image", "twitter:image")
        if lead:
            images.append(
                {
                    "url": canonical_url(lead, self.page.url),
                    "caption": self.css_text(self.image_caption_css),
                }
            )
        images.extend(self.body_images())
        by_url: dict[str | None, dict[str, str | None]] = {}
        for image in images:
            # One picture in two sizes (WordPress "-696x392") is one image.
            by_url.setdefault(_SIZE_SUFFIX.sub("", image["url"] or ""), image)
        return list(by_url.values())

    def body_images(self) -> list[dict[str, str | None]]:
        """Images inside the body with their captions (figcaption, or a credit line after)."""
        found: list[dict[str, str | None]] = []
        containers = [
            (p, c) for p in (self.page, *self.more_pages) for c in self.body_containers(p)
        ]
        for page, container in containers:
            skip_roots = (
                set(page.nodes(self.body_skip_css, container.root)) if self.body_skip_css else set()
            )
            for img in container.root.iter("img", "amp-img"):
                if any(anc in skip_roots for anc in img.iterancestors()):
                    continue
                # Lazy loaders keep the real picture in data-*; src is a placeholder.
                src = img.get("data-src") or img.get("data-original") or img.get("src")
                if not src or src.startswith("data:"):
                    continue
                found.append({"url": canonical_url(src, page.url), "caption": image_caption(img)})
        return found

    def embeds(self) -> list[dict[str, str]]:
        """Posts and players embedded in the body of every page, in order, once each."""
        found: dict[str, dict[str, str]] = {}
        for page in (self.page, *self.more_pages):
            for container in self.body_containers(page):
                for embed in embeds_in(container.root, page.url):
                    found.setdefault(embed["url"], embed)
        return list(found.values())

    def body_containers(self, page: Page) -> Any:
        return page.css(self.body_css)[:1] if self.body_css else []

    def body_blocks(self, page: Page) -> list[Block]:
        containers = self.body_containers(page)
        skip = (
            [n for c in containers for n in page.nodes(self.body_skip_css, c.root)]
            if self.body_skip_css
            else []
        )
        return text_blocks([c.root for c in containers], page.url, skip)

    def body(self) -> Body:
        blocks = [b for page in (self.page, *self.more_pages) for b in self.body_blocks(page)]
        return clean_body(blocks, self.dateline, self.clutter, self.stop)

    def page_urls(self) -> list[str]:
        """Absolute URLs of this article's later pages, in order (multi-page articles)."""
        if not self.pages_css or ONE_PAGE_VIEW.search(self.page.url):
            return []
        hrefs = self.page.css(self.pages_css).css("::attr(href)").getall()
        own = link_url(self.page.url, self.page.url)
        return [u for u in dict.fromkeys(link_url(h, self.page.url) for h in hrefs) if u != own]

    @staticmethod
    def looks_like_article(page: Page) -> bool:
        """Structured data says this page is an article (used when no version recognises it)."""
        return bool(page.article_ld) or (page.meta("og:type") or "").lower() == "article"
