"""okezone.com: one site per kanal (news., economy., celebrity., lifestyle., bola., ...), article
URLs ``/read/YYYY/MM/DD/<section id>/<article id>/<slug>``.

Layouts, oldest first:

- ``okezone/v1``: the 2015 kanal skin: ``div.titles h1``, a ``time.tgl`` date line ("Kamis, 5
  November 2015 - 15:56 wib"), the reporter in ``div.nmreporter``, the text in
  ``div#contentx`` with the editor code in a ``<strong>`` after it, topics in
  ``div.meta-bottom-content``.
- ``okezone/v2``: the 2016-2018 skin: ``div.title-detail`` with the headline and a line
  "<b>Reporter</b> | Jum'at, 17 Februari 2017 - 13:30 wib", the text in ``div.ctn-desc``, JSON-LD
  NewsArticle whose keywords carry "Topic: <tag>" entries.
- ``okezone/v3``: today's pages: ``div.title-article h1``, ``div.journalist`` ("Reporter,
  Jurnalis-Jum'at, 24 Juli 2026 |15:18 WIB"), the text in ``div.c-detail.read`` with
  ``#baca-juga`` boxes, video wrappers and page-break markers, the editor closing the text in
  parentheses, ``#tag`` topics, a BreadcrumbList. Long articles are split into ``?page=N``
  pages; ``?page=all`` serves them as one (the spider asks for it).

Photo and video pages are not articles.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import Body, dateline_pattern
from newscrawl.parsers.crumbs import ld_section
from newscrawl.parsers.signoff import take_trailing_name
from newscrawl.parsers.text import clean_text, person_names, unique
from newscrawl.urls import link_url

_NOT_ARTICLE_URL = re.compile(
    r"^https?://(?:[\w-]+\.)*okezone\.com/(?:foto|video|vid|infografis|photo|gallery)/"
    r"|^https?://(?:video|foto|tv|infografis)\.okezone\.com/",
    re.IGNORECASE,
)
#: The editor closing the text, alone in parentheses: "(Fahmi Firdaus)" or initials "(FHM)".
_EDITOR_LINE = re.compile(r"^\(\s*([A-Za-z][\w .'’-]{0,40}?)\s*\)$")
#: okezone's own invitations under the text: "Telusuri berita news lainnya dari Okezone".
_OWN_CLUTTER = (re.compile(r"^\W*telusuri berita\b.{0,80}\blainnya\b", re.IGNORECASE),)


class OkezoneV1(ArticleParser):
    """The 2015 kanal skin."""

    outlet = "okezone"
    version = "okezone/v1"
    domains = ("okezone.com",)
    not_people = ("okezone", "okezone.com", "tim okezone", "redaksi okezone")
    drop_url_params = ("page",)
    title_suffix = re.compile(r"\s*(?:[-:|]\s*[^-:|]*)?\s*::?\s*Okezone\b.*$", re.IGNORECASE)
    not_article_url = _NOT_ARTICLE_URL
    # A bare place: "JAKARTA - " (the brand never stands in okezone datelines).
    dateline = dateline_pattern()
    clutter = _OWN_CLUTTER

    headline_css = "div.titles h1"
    date_css = "div.meta-post time.tgl"
    author_css = "div.nmreporter > div"
    section_css = "ul.breadcrumb li a"
    tags_css = "div.meta-bottom-content > span a"
    body_css = "div#contentx"
    body_skip_css = "script, div[id^=div-gpt-ad], div.banner-belt300x250"
    image_caption_css = "div.detail-page div.caption-img-ab p"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div#contentx")) and bool(page.nodes("div.titles h1"))

    def headline(self) -> str | None:
        return self.css_text(self.headline_css) or super().headline()

    def body_containers(self, page: Page) -> Any:
        # The editor code follows the text in the same box: "<div id=contentx>...</div>
        # <strong>(ren)</strong>"; the box holds both.
        found = page.css(self.body_css)[:1]
        if found and found[0].root.getparent() is not None:
            parent = found[0].root.getparent()
            if "detail-img" in (parent.get("class") or ""):
                return [found[0].__class__(root=parent, type="html")]
        return found

    def tags(self) -> list[str]:
        return list(unique(self.css_texts(self.tags_css))) or super().tags()

    @cached_property
    def signed_body(self) -> tuple[Body, str | None]:
        """The body without the editor closing it, and the editor's name: a line of its own
        "(Fahmi Firdaus)" (initials alone, "(FHM)", are the editor code), or a name after the
        last sentence."""
        body = super().body()
        last = _EDITOR_LINE.match(body.paragraphs[-1]) if body.paragraphs else None
        if last is None:
            return body, take_trailing_name(body)
        body.paragraphs.pop()
        if " " in last.group(1):
            return body, last.group(1)
        body.editor_code = body.editor_code or last.group(1)
        return body, None

    def body(self) -> Body:
        return self.signed_body[0]

    def editors(self) -> list[str]:
        signed = self.signed_body[1]
        return person_names([signed], drop=self.not_people) if signed else super().editors()


class OkezoneV2(OkezoneV1):
    """The 2016-2018 skin (``div.title-detail``, ``div.ctn-desc``)."""

    version = "okezone/v2"
    headline_css = "div.title-detail h1"
    date_css = "div.title-detail > span"
    author_css = "div.title-detail > span > b"
    section_css = ""
    tags_css = ""
    body_css = "div.ctn-desc"
    body_skip_css = (
        "script, noscript, div#AdAsia, div.dtl_banner, div.tbkomentar, div[id^=div-gpt-ad]"
    )
    image_caption_css = "div.caption-img-ab p"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and bool(page.nodes(cls.headline_css))

    def body_containers(self, page: Page) -> Any:
        return page.css(self.body_css)[:1]

    def tags(self) -> list[str]:
        # JSON-LD keywords: "Celebrity: Hot Gossip" (the kanal's desk), "Topic: Indra Birowo".
        keywords = self.page.article_ld.get("keywords")
        values = keywords if isinstance(keywords, list) else []
        topics = [
            v.split(":", 1)[1]
            for v in values
            if isinstance(v, str) and v.lower().startswith("topic:")
        ]
        return list(unique(topics)) or list(unique(self.css_texts("div#tag .box-tag a")))


class OkezoneV3(OkezoneV2):
    """Today's pages (``div.c-detail.read``)."""

    version = "okezone/v3"
    headline_css = "div.title-article h1"
    date_css = "div.journalist > span"
    author_css = "div.journalist a[title]"
    tags_css = "div#tag .box-tag a"
    body_css = "div.c-detail.read"
    body_skip_css = (
        "script, div.vicon, div[id^=div-gpt-ad], div[class^=banner], div[class^=inject-]"
    )
    image_caption_css = "div.img-article div.desc-foto"
    pages_css = "#paging .box-nomor a.nomor"

    def tags(self) -> list[str]:
        return list(unique(self.css_texts(self.tags_css)))

    def section(self) -> str | None:
        found = ld_section(self.page)
        if found:
            return found
        crumbs = self.css_texts("div.breadcrumb a")
        return crumbs[-1].title() if crumbs else super().section()


#: A day listing of index.okezone.com and its offset: ".../bydate/index/2026/10/31/15/".
_DAY_OFFSET = re.compile(r"^(https?://[^?#]*/bydate/index/\d{4}/\d\d/\d\d/)(\d+)/?(?:[?#]|$)")


def listing_links(page: Page) -> list[Link]:
    """Article links on an index.okezone.com day listing, with the time each card shows
    ("Nasional | Jumat, 31 Oktober 2026 14:05 WIB")."""
    links = []
    for card in page.css("div.content-hardnews"):
        href = card.css("h4.f17 a::attr(href)").get()
        # Widgets share the list ("/more/live-score-widget"): articles are under /read/.
        if not href or "/read/" not in href:
            continue
        shown = " ".join(card.css("time.category-hardnews ::text").getall()).rpartition("|")[2]
        published = parse_indonesian_datetime(shown, now=page.fetched_at)
        title = clean_text(" ".join(card.css("h4.f17 a::text").getall())) or None
        links.append(Link(link_url(href, page.url), published, title))
    return links


def next_listing_page(page: Page) -> str | None:
    """The next page of a day listing: the paging link of the same day with the smallest
    offset after this page's (offsets step by 15)."""
    here = _DAY_OFFSET.match(page.url)
    if here is None:
        return None
    following: dict[int, str] = {}
    for href in page.css("a::attr(href)").getall():
        found = _DAY_OFFSET.match(link_url(href, page.url))
        if found and found.group(1) == here.group(1) and int(found.group(2)) > int(here.group(2)):
            following.setdefault(int(found.group(2)), found.group(0))
    return following[min(following)] if following else None


PARSERS: tuple[type[ArticleParser], ...] = (OkezoneV1, OkezoneV2, OkezoneV3)
