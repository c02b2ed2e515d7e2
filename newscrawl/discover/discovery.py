"""What discovery pages say: article links and dates from sitemaps, RSS and index pages.

No Scrapy here: spiders fetch, these functions read, so a saved sitemap or
index page can be checked with no crawler.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree

from newscrawl.dates import JAKARTA, parse_indonesian_datetime, parse_iso_datetime
from newscrawl.page import Page
from newscrawl.parsers.text import clean_text
from newscrawl.urls import host_matches, link_url

_XML = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
_URLS = etree.XPath("//*[local-name()='url']")
_SITEMAPS = etree.XPath("//*[local-name()='sitemap']")
_ITEMS = etree.XPath("//*[local-name()='item' or local-name()='entry']")


@dataclass(frozen=True)
class Link:
    """An article link found on a discovery page, with the date shown beside it."""

    url: str
    published: datetime | None = None
    title: str | None = None


def outlet_articles(hosts: Sequence[str], path: str | re.Pattern[str]) -> Callable[[str], bool]:
    """A ``keep`` for :func:`card_links`: URLs on ``hosts`` (or their subdomains) whose path
    matches ``path`` from its start."""
    pattern = re.compile(path)

    def keep(url: str) -> bool:
        return host_matches(url, hosts) and bool(pattern.match(urlsplit(url).path))

    return keep


def card_links(
    page: Page,
    cards: str,
    link: str,
    title: str,
    shown: str = "",
    keep: Callable[[str], bool] = bool,
) -> list[Link]:
    """Article links of a listing page's cards (``cards``), the first card of each URL.

    Within a card, ``link`` selects the article's URL (``"h3 a::attr(href)"``), ``title`` its
    title text and ``shown`` the date it prints, read against the fetch time ("7 menit yang
    lalu" too; no date without ``shown``). ``keep`` says which URLs are the outlet's
    articles (default: any http(s) URL).
    """
    links: dict[str, Link] = {}
    for card in page.css(cards):
        href = card.css(link).get()
        url = link_url(href, page.url) if href else ""
        if not url or url in links or not keep(url):
            continue
        printed = " ".join(card.css(shown).getall()) if shown else ""
        published = parse_indonesian_datetime(printed, now=page.fetched_at)
        links[url] = Link(url, published, clean_text(" ".join(card.css(title).getall())) or None)
    return list(links.values())


def _xml(body: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(body.strip(), parser=_XML)
    except (etree.XMLSyntaxError, ValueError):
        return None


class _Texts:
    """The text of the first element of each local name in a subtree (the root included),
    read in one walk: a sitemap entry or feed item is asked for several names."""

    def __init__(self, el: etree._Element) -> None:
        self._raw: dict[str, str | None] = {}
        for child in el.iter():
            if isinstance(child.tag, str):
                self._raw.setdefault(etree.QName(child).localname, child.text)

    def get(self, name: str) -> str | None:
        return clean_text(self._raw.get(name)) or None


class _NotStreamable(Exception):
    """The document needs the whole-tree reading (malformed, or nested matches)."""


def _stream(body: bytes, *names: str) -> Iterator[etree._Element]:
    """Each complete element named one of ``names`` (any namespace), in document order.

    Handled elements are dropped as the parse goes on, so a 20,000-entry sitemap never
    exists as a whole tree (that tree, ~60 MB, was the crawl's peak memory). A document
    that is not well-formed, or has one such element inside another, raises
    :class:`_NotStreamable`: read it whole instead.
    """
    events = etree.iterparse(
        io.BytesIO(body.strip()),
        events=("start", "end"),
        tag=[f"{{*}}{name}" for name in names],
        resolve_entities=False,
        no_network=True,
        huge_tree=True,
    )
    open_elements = 0
    try:
        for event, element in events:
            if event == "start":
                open_elements += 1
                if open_elements > 1:
                    raise _NotStreamable("nested elements")
                continue
            open_elements -= 1
            yield element
            element.clear(keep_tail=True)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise _NotStreamable(str(exc)) from exc


def _url_link(url: etree._Element, default_tz: tzinfo) -> Link | None:
    texts = _Texts(url)
    loc = texts.get("loc")
    if not loc:
        return None
    when = texts.get("publication_date") or texts.get("lastmod")
    return Link(loc, parse_iso_datetime(when, default_tz), texts.get("title"))


def _child(sitemap: etree._Element, default_tz: tzinfo) -> Link | None:
    """A ``<sitemap>`` entry of an index: its ``<loc>`` and ``<lastmod>``."""
    texts = _Texts(sitemap)
    loc = texts.get("loc")
    return Link(loc, parse_iso_datetime(texts.get("lastmod"), default_tz)) if loc else None


def sitemap_entries(body: bytes, default_tz: tzinfo = JAKARTA) -> tuple[list[Link], list[Link]]:
    """A sitemap's child sitemaps with their ``lastmod`` (an index) and its ``<url>`` links with
    their dates (a sitemap or Google News sitemap), read in one pass."""
    found: list[Link | None] = []
    children: list[Link | None] = []
    try:
        for element in _stream(body, "sitemap", "url"):
            if etree.QName(element).localname == "sitemap":
                children.append(_child(element, default_tz))
            else:
                found.append(_url_link(element, default_tz))
    except (_NotStreamable, ValueError):
        root = _xml(body)
        children = [] if root is None else [_child(s, default_tz) for s in _SITEMAPS(root)]
        found = [] if root is None else [_url_link(url, default_tz) for url in _URLS(root)]
    return [c for c in children if c is not None], [link for link in found if link is not None]


def sitemap_links(body: bytes, default_tz: tzinfo = JAKARTA) -> list[Link]:
    """``<url>`` entries of a sitemap or Google News sitemap, with their dates."""
    return sitemap_entries(body, default_tz)[1]


def sitemap_index(body: bytes) -> list[str]:
    """Child sitemap URLs of a sitemap index."""
    return [child.url for child in sitemap_entries(body)[0]]


def _rss_date(text: str | None, default_tz: tzinfo) -> datetime | None:
    if not text:
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return parse_iso_datetime(text, default_tz) or parse_indonesian_datetime(
            text, default_tz=default_tz
        )
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=default_tz)


def feed_links(body: bytes, default_tz: tzinfo = JAKARTA) -> list[Link]:
    """Items of an RSS 2.0 or Atom feed, with their publication dates."""
    root = _xml(body)
    if root is None:
        return []
    links = []
    for item in _ITEMS(root):
        texts = _Texts(item)
        url = texts.get("link")
        if not url:  # Atom puts the URL in an attribute
            hrefs = [c.get("href") for c in item if etree.QName(c).localname == "link"]
            url = next((h for h in hrefs if h), None)
        if not url:
            continue
        when = (
            texts.get("pubDate")
            or texts.get("published")
            or texts.get("updated")
            or texts.get("date")
        )
        links.append(Link(url.strip(), _rss_date(when, default_tz), texts.get("title")))
    return links


#: The root element of each kind of discovery document, near the start of the file.
_ROOTS = {
    "sitemap": re.compile(rb"<(?:[\w.-]+:)?(?:urlset|sitemapindex)[\s>/]"),
    "feed": re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]"),
}


def is_document(body: bytes, kind: str) -> bool:
    """Whether ``body`` opens like a ``kind`` ("sitemap" or "feed") document: its root element
    in the first 4 kB (after the XML declaration, comments, a stylesheet). Tells an empty
    sitemap or feed, which is fine, from an HTML maintenance page served in its place."""
    return bool(_ROOTS[kind].search(body, 0, 4096))


def in_window(when: datetime | None, since: datetime | None, until: datetime | None) -> bool:
    """Whether ``when`` is inside [since, until); an unknown time is (the article decides)."""
    if when is None:
        return True
    return (since is None or when >= since) and (until is None or when < until)


def within(links: Iterable[Link], since: datetime | None, until: datetime | None) -> list[Link]:
    """Links dated inside [since, until); undated links are kept (the article decides)."""
    return [link for link in links if in_window(link.published, since, until)]
