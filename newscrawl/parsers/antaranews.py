"""ANTARA (antaranews.com, its subsites and regional sites such as bali.antaranews.com).

Three layouts, oldest first:

- ``V1`` 2015-2017 desktop: ``h1.title``, ``div#content_news`` with text and ``<br>``,
  "Pewarta:"/"Oleh" byline above, "Editor:" and "COPYRIGHT" paragraphs inside the body.
  The 2017 JSON-LD puts the *editor* in ``author`` and junk in ``keywords``, so bylines and
  tags come from the page, not the JSON-LD.
- ``V2`` the "magz" theme (main site 2018-2020, regional sites still today): ``h1.post-title``,
  ``div.post-content``, ``span.article-date``, ``ul.tags-widget``. Regional sites east of
  Java print their local zone ("14:30 WITA"); that offset is kept.
- ``V3`` today's main site: ``div.wrap__article-detail-content``, breadcrumbs, ``.blog-tags``,
  a closing ``p.text-muted`` with "Pewarta: ... Editor: ... Copyright © ANTARA 2026".

ANTARA does not split articles over pages, so no version has ``pages_css``.
"""

from __future__ import annotations

import re
from typing import ClassVar

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.text import clean_text, person_names, text_blocks, unique
from newscrawl.urls import canonical_url

#: "Jakarta (ANTARA) - ", "Mataram, NTB (ANTARA News) - ", "Mataram, 7/12 (Antara) - ".
#: The shared dateline_pattern has no room for the ", NTB" region after the place.
DATELINE = re.compile(
    r"^[\W_]*(?P<place>[A-Z][\w.'’-]*(?:(?:\s+|,\s*)[A-Z0-9][\w.'’/-]*){0,4})"
    r"\s*\((?:ANTARA|Antara)(?:\s+News)?\)\s*[-–—]+\s*"
)
#: The credits and notices that close every ANTARA body.
STOP = (
    re.compile(r"^(?:Pewarta|Editor|Penerjemah|Reporter)\s*:", re.IGNORECASE),
    re.compile(r"^COPYRIGHT\s*(?:©|&copy;|\(c\))", re.IGNORECASE),
    re.compile(r"^Dilarang keras mengambil konten", re.IGNORECASE),
)
#: Generic SEO words the old pages append to <meta name="keywords">.
_GENERIC_KEYWORD = re.compile(r"^(?:berita\b|portal indonesia$)", re.IGNORECASE)
_CREDIT = re.compile(r"^(?P<label>[A-Za-z]+)\s*:\s*(?P<names>.+)$")


class V1(ArticleParser):
    outlet = "antaranews"
    version = "antaranews/v1"
    domains = ("antaranews.com",)
    not_people = ("ANTARA", "Antara News", "ANTARA News", "Tim Redaksi")
    title_suffix = re.compile(r"\s*[-|]\s*ANTARA\s*News(?:\s+\w+)?\s*$", re.IGNORECASE)
    not_article_url = re.compile(
        r"^https?://[^/]+/(?:foto|video|infografis|grafik|tv|antaratv)(?:/|$)", re.IGNORECASE
    )

    headline_css = ".bjbrt h1.title"
    date_css = ".bjbrt .date"
    author_css = ".bjbrt .byline"
    editor_css = "#content_news p.mt10"
    body_css = "div#content_news"
    image_caption_css = "#caption_news"

    dateline = DATELINE
    stop = STOP

    #: Top menu entry marked active: the section of the old desktop pages.
    menu_section_css: ClassVar[str] = "li.active > a"

    def check_article(self) -> None:
        super().check_article()
        if self.page.ld_of_type("ImageGallery", "VideoObject", "MediaGallery"):
            raise NotAnArticle(f"{self.page.url} is a photo or video page")

    def authors(self) -> list[str]:
        # The 2017 JSON-LD names the editor as author; the byline names the reporter.
        byline = person_names(self.css_texts(self.author_css), drop=self.not_people)
        return byline or super().authors()

    def section(self) -> str | None:
        # JSON-LD "News" and article:section "Indonesia" are the same on every page.
        return next(iter(self.css_texts(self.menu_section_css)), None)

    def tags(self) -> list[str]:
        own = [
            *self.page.sel.css('[itemprop="keywords"]:not(meta)::text').getall(),
            *self.page.sel.css('meta[itemprop="keywords"]::attr(content)').getall(),
        ]
        values = [v for value in own for v in value.split(",")]
        if not values:
            headline = (self.headline() or "").lower()
            values = [
                v
                for value in self.page.sel.css('meta[name="keywords"]::attr(content)').getall()
                for v in value.split(",")
                if not _GENERIC_KEYWORD.match(v.strip()) and clean_text(v).lower() != headline
            ]
        return list(unique(values))


class V2(V1):
    """The "magz" theme: main site 2018-2020, regional sites today."""

    version = "antaranews/v2"

    headline_css = "h1.post-title"
    date_css = ".article-date, time[itemprop=datePublished], .simple-share span"
    author_css = ""
    editor_css = ""
    section_css = ".simple-share a"
    tags_css = ".tags-widget li a"
    body_css = "div.post-content"
    #: Credits (read by credits()), in-article ad slots.
    body_skip_css = ".text-muted, .adsbygoogle, .ads, .ads_antara_inarticle"
    image_caption_css = "figure.image-overlay figcaption, .wp-caption-text"

    #: The closing "Pewarta: X<br>Editor: Y<br>COPYRIGHT" paragraph.
    credit_css: ClassVar[str] = "div.post-content p.text-muted"

    def credits(self, label: str) -> list[str]:
        """Names after ``label:`` in the closing credit lines ("Pewarta: A dan B")."""
        names: list[str] = []
        nodes = [n.root for n in self.page.sel.css(self.credit_css)]
        for block in text_blocks(nodes, self.page.url):
            match = _CREDIT.match(block.text)
            if match and match["label"].lower() == label:
                names.append(match["names"])
        return person_names(names, drop=self.not_people)

    def authors(self) -> list[str]:
        # Visible credit first: the JSON-LD author has been the editor on older pages.
        return self.credits("pewarta") or ArticleParser.authors(self)

    def editors(self) -> list[str]:
        return self.credits("editor") or super().editors()

    def section(self) -> str | None:
        # The first named crumb/label is the channel (the home crumb is an icon or "Beranda").
        first = next(iter(self.css_texts(self.section_css)), None)
        return first or ArticleParser.section(self)

    def tags(self) -> list[str]:
        return ArticleParser.tags(self)


class V3(V2):
    """Today's main site (Bootstrap theme, ``wrap__article-detail-*``)."""

    version = "antaranews/v3"

    headline_css = ".wrap__article-detail-title h1"
    date_css = ".wrap__article-detail-info li"
    section_css = ".breadcrumbs__item a"
    tags_css = ".blog-tags li a"
    body_css = "div.wrap__article-detail-content"
    image_caption_css = ".wrap__article-detail-image figcaption"
    credit_css = "div.wrap__article-detail-content p.text-muted"


PARSERS = (V1, V2, V3)


# -- index pages -------------------------------------------------------------------

#: Cards of /terkini (main site) and article lists of the regional sites.
_CARDS = ".card__post, article.simple-post"
_CARD_LINK = ".card__post__title a, h2 a, h3 a"
_CARD_DATE = ".card__post__author-info span, .simple-share span, span.text-dark"


def listing_links(page: Page) -> list[Link]:
    """Article links of a /terkini page, with the (often relative) date beside each."""
    links: list[Link] = []
    for card in page.sel.css(_CARDS):
        href = card.css(_CARD_LINK).css("::attr(href)").get()
        if not href:
            continue
        title = clean_text(" ".join(card.css(_CARD_LINK).css("::text").getall())) or None
        when = None
        for text in card.css(_CARD_DATE).css("::text").getall():
            when = parse_indonesian_datetime(text, now=page.fetched_at)
            if when:
                break
        links.append(Link(canonical_url(href, page.url), when, title))
    return list({link.url: link for link in links}.values())


def next_page(page: Page) -> str | None:
    """The index page after this one (the pagination's "next" arrow)."""
    href = page.sel.css(
        'ul.pagination a[rel="next"]::attr(href), ul.pagination a[aria-label="Next"]::attr(href)'
    ).get()
    return canonical_url(href, page.url) if href else None
