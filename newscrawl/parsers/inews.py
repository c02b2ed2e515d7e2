"""iNews (www.inews.id and the regional iNews network: jateng.inews.id, karawang.inews.id, ...).

Article URLs: ``https://www.inews.id/<kanal>/<subkanal>/<slug>`` on the national site,
``https://<region>.inews.id/read/<id>/<slug>`` (older: ``/berita/<slug>``) on the regional ones.
The page: ``h1.headerTitle``, the date line ``div.createdAt`` ("Senin, 02 November 2026 -
19:30:00 WIB"), the people in ``ul.author li.authorList`` (writer, then "Editor"), the tags in
``div.tags li.tagList`` and the text in ``div.bodyArticle``. The text opens with a dateline
naming the site ("JAKARTA, iNews.id -", "KARAWANG, iNEWSKarawang.id -"), "Baca Juga" boxes
stand between paragraphs and the editor's credit line ends it. Long articles are split into
pages ``/2``, ``/3``; the same URL with ``/all`` shows every page, and that view is fetched
when the first page links to later ones.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from newscrawl.discover.discovery import Link, card_links, outlet_articles
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import Body, clean_body, dateline_pattern
from newscrawl.parsers.text import person_names, unique
from newscrawl.urls import link_url

DOMAINS = ("inews.id",)
#: National ``/news/nasional/slug``, regional ``/read/123/slug`` and ``/berita/slug``.
ARTICLE_PATH = r"^/(?:read/\d+/[\w-]+|berita/[\w-]+|[a-z-]+/[a-z-]+/[\w-]{16,})"
#: A page number or the one-page view at the end of an article URL.
_PAGE_SUFFIX = re.compile(r"/(?:\d{1,2}|all)/?$")
_EDITOR_LABEL = re.compile(r"\beditor\b", re.IGNORECASE)


def article_stem(url: str) -> str:
    """The article's own URL without a page suffix (``/2``, ``/all``) or query."""
    parts = urlsplit(url)
    path = _PAGE_SUFFIX.sub("", parts.path.rstrip("/") + "/").rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class InewsV1(ArticleParser):
    """The ``bodyArticle`` layout of www.inews.id and the regional iNews sites."""

    outlet = "inews"
    version = "inews/v1"
    domains = DOMAINS
    not_people = ("iNews", "iNews.id", "Tim iNews", "Redaksi iNews", "iNews Network")
    title_suffix = re.compile(r"\s*[|-]\s*iNews\w*(?:\.id)?(?:\s+\w+)?\s*$", re.IGNORECASE)
    # Videos, photo stories and infographics of the multimedia kanal carry no article text.
    not_article_url = re.compile(
        r"^https?://[^/]*inews\.id/(?:multimedia|video|foto|photo|infografis|tv)/",
        re.IGNORECASE,
    )

    headline_css = "h1.headerTitle"
    subheadline_css = "div.headerSubtitle, h2.headerSubtitle"
    date_css = "div.createdAt"
    author_css = "ul.author li.authorList"
    section_css = "ul.breadcrumb li a, div.breadcrumb a"
    tags_css = "div.tags li.tagList a"
    body_css = "div.bodyArticle"
    body_skip_css = ", ".join(
        (
            "div.bodyArticle .ads",
            "div.bodyArticle [id^='div-gpt-ad']",
            "div.bodyArticle .paging",  # the page numbers under each page of a long article
        )
    )
    image_caption_css = "div.headerImage figcaption, div.imageCaption"
    dateline = dateline_pattern(brand=r"(?i:inews\w*\.id)")

    def people(self) -> tuple[list[str], list[str]]:
        """(writers, editors) of the author list: an item labelled "Editor" is an editor."""
        writers: list[str] = []
        editors: list[str] = []
        for item in self.css_texts(self.author_css):
            (editors if _EDITOR_LABEL.search(item) else writers).append(item)
        return writers, editors

    def authors(self) -> list[str]:
        ld = ld_names(self.page.article_ld.get("author"))
        for values in (ld, self.people()[0]):
            names = person_names(values, drop=self.not_people)
            if names:
                return names
        return []

    def editors(self) -> list[str]:
        ld = ld_names(self.page.article_ld.get("editor"))
        return person_names(ld or self.people()[1], drop=self.not_people)

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.lower() not in ("home",)]
        return super().section() or (crumbs[-1] if crumbs else None)

    def tags(self) -> list[str]:
        shown = list(unique(t.lstrip("#") for t in self.css_texts(self.tags_css)))
        keywords = self.page.meta("news_keywords", "keywords") or ""
        return shown or super().tags() or list(unique(keywords.split(",")))

    def url(self) -> str:
        return article_stem(super().url())

    def page_urls(self) -> list[str]:
        """The one-page view (``<article>/all``) when this page links to later pages."""
        stem = article_stem(self.page.url)
        if self.page.url.rstrip("/").endswith("/all"):
            return []
        for href in self.page.css("a::attr(href)").getall():
            url = link_url(href.strip(), self.page.url)
            if url != self.page.url and article_stem(url) == stem and _PAGE_SUFFIX.search(url):
                return [f"{stem}/all"]
        return []

    def body(self) -> Body:
        """The one-page view's text alone when it was fetched (it repeats page 1)."""
        whole = [p for p in self.more_pages if p.url.rstrip("/").endswith("/all")]
        if not whole:
            return super().body()
        return clean_body(self.body_blocks(whole[-1]), self.dateline, self.clutter, self.stop)


def listing_links(page: Page) -> list[Link]:
    """Article links of an index page (``div.box-list-news`` items)."""

    return card_links(
        page,
        "div.box-list-news",
        "div.list-desk a::attr(href), a::attr(href)",
        "h3 ::text, div.list-desk a ::text",
        keep=outlet_articles(DOMAINS, ARTICLE_PATH),
    )


#: The index shows this many items a page; later pages add the offset to the path.
INDEX_PAGE_SIZE = 12


def next_index_page(page: Page) -> str | None:
    """The next index page: ``.../indeks/news/31-10-2026`` -> ``.../12`` -> ``.../24``."""
    parts = urlsplit(page.url)
    match = re.fullmatch(r"(?P<listing>/indeks/[\w-]+/[\w-]+)(?:/(?P<offset>\d+))?/?", parts.path)
    if not match:
        return None
    offset = int(match["offset"] or 0) + INDEX_PAGE_SIZE
    return urlunsplit(parts._replace(path=f"{match['listing']}/{offset}"))


PARSERS = (InewsV1,)
