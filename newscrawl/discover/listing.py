"""What a site says about itself beyond its feeds and sitemaps: the sitemaps its robots.txt
names, the feeds its home page advertises, and the article links on a listing page.

No Scrapy here: these read documents a spider fetched, so a saved page can be checked alone.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from lxml import etree

from newscrawl.dates import parse_iso_datetime
from newscrawl.discover.discovery import Link
from newscrawl.parsers.text import clean_text
from newscrawl.urls import host_in, link_url, url_host

if TYPE_CHECKING:
    from newscrawl.outlet import Outlet
    from newscrawl.page import Page

_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
#: Paths of pages that are not articles: sections, tags, authors, search, media.
_NOT_ARTICLE_PATH = re.compile(
    r"/(?:tag|tags|topik|topic|search|cari|indeks|index|kategori|category|kanal|channel|author|"
    r"penulis|video|videos|foto|photo|galeri|gallery|tv|live|login|register|about|redaksi|"
    r"kontak|contact|pedoman|privacy|disclaimer)(?:/|$)",
    re.IGNORECASE,
)
#: What an article URL looks like when an outlet does not say: a long numeric id, a date in
#: the path, or a slug of four or more words.
_ARTICLE_LIKE = re.compile(
    r"/\d{5,}(?:[/-]|$)|/(?:19|20)\d\d/\d\d?/\d\d?/|/[a-z0-9]+(?:-[a-z0-9]+){3,}(?:\.html?)?/?$",
    re.IGNORECASE,
)


def url_path(url: str) -> str:
    """The path and query of an absolute URL ("/berita/1/judul?page=2"), what
    ``Outlet.article_url`` patterns are matched against."""
    return "/" + url.split("://", 1)[-1].partition("/")[2]


def not_article_path(url: str) -> str | None:
    """The path segment that makes ``url`` a section, tag, search or media page, or None."""
    match = _NOT_ARTICLE_PATH.search(url_path(url).partition("?")[0])
    return match.group(0) if match else None


def robots_sitemaps(text: str) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt names, in order, http(s) only."""
    found = [m.group(1) for m in _SITEMAP_LINE.finditer(text)]
    return list(dict.fromkeys(u for u in found if u.lower().startswith(("http://", "https://"))))


def feed_urls(page: Page) -> list[str]:
    """The RSS/Atom feeds a page advertises in ``<link rel="alternate">``."""
    urls = []
    for link in page.sel.root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower()
        href = link.get("href")
        if "alternate" in rel and kind in _FEED_TYPES and href:
            urls.append(link_url(href.strip(), page.url))
    return list(dict.fromkeys(urls))


def article_links(page: Page, outlet: Outlet) -> list[Link]:
    """Links on a listing page that look like ``outlet``'s articles, with the time shown in
    their card (a ``<time datetime>`` next to the link) when there is one."""
    pattern = re.compile(outlet.article_url) if outlet.article_url else _ARTICLE_LIKE
    domains = [d.split("/", 1)[0] for d in outlet.domains]
    links: dict[str, Link] = {}
    for anchor in page.sel.root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        try:
            url = link_url(href, page.url)
        except ValueError:
            continue
        path = url_path(url)
        if (
            not url.startswith(("http://", "https://"))
            or not host_in(url_host(url), domains)
            or _NOT_ARTICLE_PATH.search(path.partition("?")[0])
            or not pattern.search(path)
        ):
            continue
        if url in links:
            continue
        title = clean_text("".join(anchor.itertext())) or clean_text(anchor.get("title")) or None
        links[url] = Link(url, _card_time(anchor), title)
    return list(links.values())


def _card_time(anchor: etree._Element) -> datetime | None:
    """The ``<time datetime>`` of the smallest card around ``anchor`` (three levels up)."""
    node: etree._Element | None = anchor
    for _ in range(3):
        node = node.getparent() if node is not None else None
        if node is None:
            return None
        times = [t.get("datetime") for t in node.iter("time") if t.get("datetime")]
        if len(times) == 1:
            return parse_iso_datetime(times[0])
        if len(times) > 1:
            return None
    return None
