"""Bisnis.com (bisnis.com and its desk subdomains: ekonomi., market., finansial., kabar24.,
teknologi., lifestyle., regional sites such as kalimantan. or sumatra., ...).

Article URLs are ``https://<desk>.bisnis.com/read/<YYYYMMDD>/<category id>/<id>/<slug>``. Today's
layout: ``h1.detailsTitleCaption``, the date line ``div.detailsAttributeDates`` "Kamis, 02
November 2023 | 19:30" (WIB, unlabelled), the byline ``span.authorName`` ("Name", sometimes
"Name - Bisnis.com"), breadcrumbs ``.breadcrumbItem .breadcrumbLink``, and the text in
``article.detailsContent``: it opens with the dateline "Bisnis.com, JAKARTA -", "Baca Juga"
boxes (``div.baca-juga-box``) stand between paragraphs, and long articles are paged
(``?page=2``); ``?page=all`` shows them whole, which is what the spider asks for. Premium
pieces (``premium.bisnis.com``, the ``paywall`` box) show a teaser only.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from newscrawl.dates import JAKARTA
from newscrawl.discover.discovery import Link
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import clean_text, person_names, unique
from newscrawl.urls import host_matches, link_url

DOMAINS = ("bisnis.com",)
ARTICLE_PATH = re.compile(r"^/read/(?P<day>\d{8})/\d+/\d+/[\w-]+")
#: "Name - Bisnis.com": the brand after a byline.
_BRAND_SUFFIX = re.compile(r"\s*[-–|]\s*bisnis(?:\.com)?\s*$", re.IGNORECASE)


class BisnisV1(ArticleParser):
    """Today's layout: ``article.detailsContent`` under ``h1.detailsTitleCaption``."""

    outlet = "bisnis"
    version = "bisnis/v1"
    domains = DOMAINS
    not_people = ("Bisnis.com", "Bisnis", "Bisnis Indonesia", "Redaksi Bisnis", "Tim Bisnis")
    drop_url_params = ("page",)
    title_suffix = re.compile(r"\s*[|-]\s*Bisnis(?:\.com)?(?:\s+\w+)?\s*$", re.IGNORECASE)
    # Photo, video, infographic and e-paper subdomains carry no article text.
    not_article_url = re.compile(
        r"^https?://(?:epaper|foto|video|infografis|koran)\.bisnis\.com/", re.IGNORECASE
    )

    headline_css = "h1.detailsTitleCaption"
    subheadline_css = "div.detailsSubTitle, h2.detailsSubTitleCaption"
    date_css = "div.detailsAttributeDates, .authorTime"
    author_css = "span.authorName, div.authorName, .authorNames"
    editor_css = "span.editorName, div.editorName"
    section_css = ".breadcrumb .breadcrumbItem .breadcrumbLink"
    tags_css = "div.detailsTag a, .tagsContainer a"
    body_css = "article.detailsContent, div.detailsContent"
    body_skip_css = ", ".join(
        (
            ".detailsContent .detailsAdsContent",
            ".detailsContent [id^='div-gpt-ad']",
            ".detailsContent .ads-inarticle",
        )
    )
    image_caption_css = "div.detailsCoverImg figcaption, div.detailsCoverCaption"
    dateline = dateline_pattern(brand=r"Bisnis\.com")

    def authors(self) -> list[str]:
        ld = ld_names(self.page.article_ld.get("author"))
        shown = [_BRAND_SUFFIX.sub("", line) for line in self.css_texts(self.author_css)]
        for values in (ld, shown):
            names = person_names(values, drop=self.not_people)
            if names:
                return names
        return []

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.lower() not in ("home",)]
        return super().section() or (crumbs[-1] if crumbs else None)

    def tags(self) -> list[str]:
        keywords = self.page.meta("news_keywords", "keywords") or ""
        return super().tags() or list(unique(keywords.split(",")))


def url_day(url: str) -> datetime | None:
    """The day in an article URL (``/read/20261031/...``), at midnight WIB."""
    match = ARTICLE_PATH.match(urlsplit(url).path)
    if not match:
        return None
    try:
        return datetime.strptime(match["day"], "%Y%m%d").replace(tzinfo=JAKARTA)
    except ValueError:
        return None


def listing_links(page: Page) -> list[Link]:
    """Article links of the index (``/index?page=N``), dated by the day in their URL."""
    links: dict[str, Link] = {}
    for anchor in page.css("a.artLink, div.artContent a, div.art--row a"):
        href = anchor.attrib.get("href")
        url = link_url(href.strip(), page.url) if href else ""
        if not host_matches(url, DOMAINS) or not ARTICLE_PATH.match(urlsplit(url).path):
            continue
        title = clean_text(" ".join(anchor.css("::text").getall())) or None
        if url not in links or (title and not links[url].title):
            links[url] = Link(url, url_day(url), title)
    return list(links.values())


PARSERS = (BisnisV1,)
