"""kumparan.com: a React app whose pages carry their own test hooks.

Article URLs are ``https://kumparan.com/<account>/<slug>-<11-character id>``: the account is
a newsroom desk (``kumparannews``, ``kumparanbisnis``) or a contributor. The page describes
itself in JSON-LD: a ``NewsArticle`` (``datePublished`` in UTC, ``author`` the reporter, where
the visible byline shows the desk account) and a ``BreadcrumbList`` of site, channel
(``/channel/news``), account and article. The visible parts carry ``data-qa-id`` attributes:
``story-title``, ``author-name``, ``publish-date`` ("24 Juli 2026 10:15 WIB"), one
``story-paragraph`` per paragraph with ads (``aside``) and figures (``image-figure``,
``image-caption``) between them, and the topic list (``tag-topic``).
"""

from __future__ import annotations

import re
from typing import Any

from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.text import Block, clean_text, person_names, text_blocks, unique
from newscrawl.urls import canonical_url

PARAGRAPHS = '[data-qa-id="story-paragraph"]'
FIGURES = 'figure[data-qa-id="image-figure"]'
#: Desk accounts that sign stories: "kumparanNEWS", "kumparanBISNIS", "kumparan".
_DESK = re.compile(r"^kumparan\w*$", re.IGNORECASE)
#: SEO variants the keywords meta repeats each topic in: "Berita Terkini Jalan Tol".
_SEO_KEYWORD = re.compile(r"^berita (?:terkini|terbaru|hari ini)\b", re.IGNORECASE)
#: Cloudinary delivery URLs differ by their transformations; the public id names the picture.
_CLOUDINARY = re.compile(r"/upload/(?:[^/]*,[^/]*/|[a-z]{1,2}_[^/]*/)*")
#: Article paths: an account, then a slug ending in the story id.
ARTICLE_PATH = r"^/[a-z0-9][a-z0-9-]*/[a-z0-9-]+-\d{2}[A-Za-z0-9]{9}$"


def _picture(url: str) -> str:
    return _CLOUDINARY.sub("/upload/", url)


class KumparanV1(ArticleParser):
    """The React story page (``data-qa-id`` hooks, JSON-LD first)."""

    outlet = "kumparan"
    version = "kumparan/v1"
    domains = ("kumparan.com",)
    not_people = ("kumparan", "kumparan.com", "Tim kumparan")
    title_suffix = re.compile(r"\s*\|\s*kumparan(?:\.com)?\s*$", re.IGNORECASE)

    headline_css = 'h1[data-qa-id="story-title"], h1'
    date_css = '[data-qa-id="publish-date"]'
    author_css = '[data-qa-id="author-name"]'
    tags_css = '[data-qa-id="tag-topic"] [data-qa-id="label-tag-topic"], [data-qa-id="tag-topic"]'
    body_css = PARAGRAPHS

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(PARAGRAPHS))

    def authors(self) -> list[str]:
        # JSON-LD names the reporter; the byline shows the desk account, which is nobody.
        ld = ld_names(self.page.article_ld.get("author"))
        shown = self.css_texts(self.author_css)
        for values in (ld, shown):
            names = [n for n in person_names(values, drop=self.not_people) if not _DESK.match(n)]
            if names:
                return names
        return []

    def section(self) -> str | None:
        """The channel of the JSON-LD breadcrumb ("News", "Bisnis")."""
        for crumbs in self.page.ld_of_type("BreadcrumbList"):
            items = crumbs.get("itemListElement")
            for item in items if isinstance(items, list) else []:
                inner = item.get("item") if isinstance(item, dict) else None
                if isinstance(inner, dict) and "/channel/" in str(inner.get("@id", "")):
                    name = clean_text(str(inner.get("name", "")))
                    if name:
                        return name
        return super().section()

    def tags(self) -> list[str]:
        shown = self.page.css('[data-qa-id="tag-topic"]')
        labels = [clean_text(" ".join(tag.css("::text").getall())) for tag in shown]
        if labels:
            return list(unique(labels))
        keywords = (self.page.meta("news_keywords") or self.page.meta("keywords") or "").split(",")
        return list(unique(k for k in keywords if not _SEO_KEYWORD.match(k.strip())))

    def body_blocks(self, page: Page) -> list[Block]:
        return text_blocks(page.nodes(PARAGRAPHS), page.url)

    def images(self) -> list[dict[str, str | None]]:
        """The story's figures with their captions; the share picture first when it is none
        of them."""
        figures: list[dict[str, str | None]] = []
        for figure in self.page.css(FIGURES):
            src = figure.css("img::attr(src), img::attr(data-src)").get()
            if not src or src.startswith("data:"):
                continue
            caption = clean_text(" ".join(figure.css("figcaption ::text").getall())) or None
            figures.append({"url": canonical_url(src, self.page.url), "caption": caption})
        lead = self.page.meta("og:image", "twitter:image")
        shown = {_picture(str(f["url"])) for f in figures}
        if lead and _picture(canonical_url(lead, self.page.url)) not in shown:
            figures.insert(0, {"url": canonical_url(lead, self.page.url), "caption": None})
        return figures

    def body_containers(self, page: Page) -> Any:
        return []


PARSERS = (KumparanV1,)
