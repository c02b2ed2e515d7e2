"""sindonews.com: one site per kanal (nasional., ekbis., daerah., international., sports.,
...), article URLs ``/read/<id>/<rubric id>/<slug>-<timestamp>``.

Layout (``sindonews/v1``, today): ``h1.detail-title``, the reporter in
``div.detail-nama-redaksi``, the date line ``div.detail-date-artikel`` ("Jum'at, 24 Juli 2026 -
14:00 WIB"), the text in ``div#detail-desc`` as runs of text between ``<br>``s (no paragraphs)
with inline "Baca Juga:" links and the editor code in ``div.editor``. Every article is split
in two pages (``/<offset>`` suffix); ``?showpage=all`` serves the whole text (the spider asks
for it), but only page 1 carries the JSON-LD NewsArticle, so the date and people also come from
the page itself.

Photo (``/photo/``), video and infographic pages are not articles.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.crumbs import ld_section
from newscrawl.parsers.text import clean_text, unique
from newscrawl.urls import link_url

_NOT_ARTICLE_URL = re.compile(
    r"^https?://(?:video|photo|foto|tv|infografis|media|hi-lite|scope)\.sindonews\.com/"
    r"|^https?://[^/]*sindonews\.com/(?:photo|video|infografis|foto)/",
    re.IGNORECASE,
)
_LINK_BREAKS = etree.XPath(".//a//br")


def _drop_link_breaks(container: etree._Element) -> None:
    """SINDOnews ends the title of an inline link with a ``<br>`` ("<a>Judul<br></a>"): the
    link belongs to the line it starts on, so the break inside it goes (its tail stays)."""
    for br in _LINK_BREAKS(container):
        parent = br.getparent()
        if parent is None:
            continue
        previous = br.getprevious()
        if br.tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + br.tail
            else:
                parent.text = (parent.text or "") + br.tail
        parent.remove(br)


class SindonewsV1(ArticleParser):
    """Today's pages (``div#detail-desc``)."""

    outlet = "sindonews"
    version = "sindonews/v1"
    domains = ("sindonews.com",)
    not_people = ("sindonews", "sindonews.com", "tim sindonews", "redaksi sindonews")
    drop_url_params = ("showpage",)
    title_suffix = re.compile(r"\s*[-|]\s*SINDOnews(?:\.com)?.*$", re.IGNORECASE)
    not_article_url = _NOT_ARTICLE_URL
    # A bare place: "JAKARTA - ".
    dateline = dateline_pattern()

    headline_css = "h1.detail-title, h1"
    date_css = "div.detail-date-artikel"
    author_css = "div.detail-nama-redaksi a, div.detail-nama-redaksi"
    body_css = "div#detail-desc, div.detail-desc"
    body_skip_css = "div[class^=v-], div.ads, div[id^=div-gpt-ad], script, div.detail-img"
    image_caption_css = "div.detail-img .detail-caption, div.detail-img figcaption"
    pages_css = "div.paging-artikel ul li a:not(.active)"

    def body_containers(self, page: Page) -> Any:
        found = page.css(self.body_css)[:1]
        for node in found:
            _drop_link_breaks(node.root)
        return found

    def section(self) -> str | None:
        return ld_section(self.page) or super().section()

    def tags(self) -> list[str]:
        return list(unique((self.page.meta("keywords") or "").split(",")))


#: An indeks page's offset: "/indeks/0/20?t=2026-10-31" (20 items a page).
_INDEKS_OFFSET = re.compile(r"/indeks/(\d+)/(\d+)")


def listing_links(page: Page) -> list[Link]:
    """Article links on a www.sindonews.com/indeks page, with the time each card shows."""
    links = []
    for card in page.css("div.warp-article"):
        href = card.css("div.title-article a::attr(href)").get()
        if not href or "/read/" not in href:
            continue
        shown = " ".join(card.css("div.date-article ::text").getall())
        published = parse_indonesian_datetime(shown, now=page.fetched_at)
        title = clean_text(" ".join(card.css("div.title-article a ::text").getall())) or None
        links.append(Link(link_url(href, page.url), published, title))
    return links


def next_listing_page(page: Page) -> str | None:
    """The next indeks page: the paging link of the same kanal and day with the smallest
    offset after this page's."""
    here = _INDEKS_OFFSET.search(page.url)
    kanal, offset = (here.group(1), int(here.group(2))) if here else ("0", 0)
    day = page.url.partition("?")[2]
    following: dict[int, str] = {}
    for href in page.css("a::attr(href)").getall():
        url = link_url(href, page.url)
        found = _INDEKS_OFFSET.search(url)
        if (
            found
            and found.group(1) == kanal
            and int(found.group(2)) > offset
            and url.partition("?")[2] == day
        ):
            following.setdefault(int(found.group(2)), url)
    return following[min(following)] if following else None


PARSERS: tuple[type[ArticleParser], ...] = (SindonewsV1,)
