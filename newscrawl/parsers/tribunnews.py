"""Tribunnews.com and the Tribun Network sites on its CMS (bali., makassar., jakarta. ...).

Two layouts: ``V1`` is the 2015 page (date in an ``<h3>`` under the headline, "Penulis:" /
"Editor:" lines after the body, no JSON-LD); ``V2`` is today's page (JSON-LD NewsArticle in a
``@graph``, ``<time datetime>`` next to "Tayang:", ``#penulis`` / ``#editor`` links, ``p.baca``
related links, ``?page=N`` pages and a ``?page=all`` single-page view). Both keep the body in
``div.side-article.txt-article``.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import Body, clean_body, dateline_pattern
from newscrawl.parsers.text import clean_text, person_names, unique
from newscrawl.urls import canonical_url

#: Brands of the Tribun Network as they open datelines: "TRIBUNNEWS.COM", "TRIBUN-BALI.COM",
#: "TRIBUN-MEDAN.com", "TRIBUNKALTIM.CO", "WARTAKOTALIVE.COM", "SRIPOKU.COM", "SURYA.co.id".
BRAND = (
    r"(?i:(?:tribun[\w-]*|wartakota(?:live)?|sripoku|banjarmasinpost|bangkapos|serambinews"
    r"|surya(?:malang)?|pos[a-z]+)\.(?:co\.id|com|co|id))"
)
_TITLE_SUFFIX = re.compile(
    r"\s+[-|]\s+(?:(?i:halaman)\s+\d+\s+[-|]\s+)?" + BRAND + r"\s*$|\s+[-|]\s+Tribun\s+\w+\s*$"
)
#: "Laporan Wartawan Tribunnews.com, Fahdi Fahlevi" opens many bodies: a byline, not text.
_REPORTER_LINE = re.compile(
    r"^\W*laporan\s+(?:wartawan|reporter|kontributor|jurnalis)\b.{0,120}$", re.IGNORECASE
)
#: "Simak berita terbaru Tribunnews.com di Google News" and its regional twins.
_NEWS_PROMO = re.compile(
    r"^\W*(?:simak|update|baca)\s+berita\b.{0,140}(?:google news|whatsapp)", re.IGNORECASE
)
#: The closing "(*)" or credit "(Tribunnews.com/Fahdi Fahlevi)", "(Tribun-Bali.com/Putu Ayu)".
_CODE = re.compile(r"\s*\(\s*(\*|" + BRAND + r"\s*/\s*[^()]{1,60}?)\s*\)[\s.]*$")
#: What the shared editor-code peel takes from "(31/10/2026)": a date, not a code.
_DATE_CODE = re.compile(r"[\d./-]+")


class TribunnewsV1(ArticleParser):
    """The 2015 layout."""

    outlet = "tribunnews"
    version = "tribunnews/v1"
    domains = ("tribunnews.com",)
    not_people = ("Tribunnews.com", "Tribunnews", "Tribun Network", "Tim Tribunnews")
    drop_url_params = ("page",)
    title_suffix = _TITLE_SUFFIX
    # video.tribunnews.com, /video/, /foto/ and /images/ photo pages, web stories.
    not_article_url = re.compile(
        r"^https?://(?:video\.tribunnews\.com(?:[:/]|$)"
        r"|[^/]+/(?:video|foto|images|webstories)(?:/|$))",
        re.IGNORECASE,
    )

    headline_css = "h1#arttitle"
    date_css = "#article div.grey.bdr3"
    #: "Penulis: ..." and "Editor: ..." lines under the body.
    credit_css = "div.f11.grey.pb10 > div"
    # Breadcrumb "Tribunnews.com » Metropolitan » News": the second link is the section.
    section_css = "div.bsht > a:nth-of-type(2)"
    tags_css = "#related .fno a"
    body_css = "div.side-article.txt-article"
    body_skip_css = (
        "blockquote.summary-article, .ads-placeholder, [id^='div-Inside'], [id^='div-gpt']"
    )
    image_caption_css = "#artimg div.grey2"

    dateline = dateline_pattern(brand=BRAND)
    clutter = (_REPORTER_LINE, _NEWS_PROMO)

    def credit(self, label: str) -> list[str]:
        return [t for t in self.css_texts(self.credit_css) if t.lower().startswith(label)]

    def authors(self) -> list[str]:
        return person_names(self.credit("penulis"), drop=self.not_people)

    def editors(self) -> list[str]:
        return person_names(self.credit("editor"), drop=self.not_people)

    def tags(self) -> list[str]:
        return list(unique(t.lstrip("#") for t in self.css_texts(self.tags_css)))

    def check_article(self) -> None:
        super().check_article()
        if self.page.meta("og:type") in ("video", "video.other"):
            raise NotAnArticle(f"{self.page.url} is a video page")

    def body(self) -> Body:
        blocks = [b for page in (self.page, *self.more_pages) for b in self.body_blocks(page)]
        body = clean_body(blocks, self.dateline, self.clutter, self.stop)
        if body.editor_code and _DATE_CODE.fullmatch(body.editor_code) and body.paragraphs:
            # The shared peel took the date of "... Sabtu (31/10/2026). (*)" for the code.
            kept = body.paragraphs[-1]
            whole = next((b.text for b in reversed(blocks) if kept in b.text), kept)
            body.paragraphs[-1], body.editor_code = whole[whole.index(kept) :], None
        code = _CODE.search(body.paragraphs[-1]) if body.paragraphs else None
        if code and body.editor_code is None:
            body.editor_code = clean_text(code.group(1))
            rest = body.paragraphs[-1][: code.start()].rstrip()
            body.paragraphs[-1:] = [rest] if rest else []
        return body


class TribunnewsV2(TribunnewsV1):
    """Today's layout: JSON-LD, ``<time>``, ``#penulis`` / ``#editor``, paged articles."""

    version = "tribunnews/v2"
    date_css = "div.mt10 time"
    author_css = "#penulis a"
    editor_css = "#editor a"
    tags_css = "h5.tagcloud3 a"
    pages_css = "div.paging a"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return super().detect(page) and bool(page.article_ld or page.sel.css("#penulis, #editor"))

    def authors(self) -> list[str]:
        return ArticleParser.authors(self)

    def editors(self) -> list[str]:
        return ArticleParser.editors(self)

    def tags(self) -> list[str]:
        return ArticleParser.tags(self)

    def published_at(self) -> datetime | None:
        machine = super().published_at()
        shown = self.visible_date(self.date_css)
        # Same instant: keep the zone the page prints (a WITA site stays +08:00).
        return shown if machine is not None and machine == shown else machine

    def page_urls(self) -> list[str]:
        """``?page=2``, ``?page=3`` ... in order; none from the ``?page=all`` view."""
        if _page_param(self.page.url) == "all":
            return []
        numbered: dict[int, str] = {}
        for href in self.page.sel.css(self.pages_css).css("::attr(href)").getall():
            url = canonical_url(href, self.page.url)
            number = _page_param(url)
            if number and number.isdigit() and int(number) > 1:
                numbered.setdefault(int(number), url)
        current = _page_param(self.page.url) or "1"
        return [u for n, u in sorted(numbered.items()) if str(n) != current]


def _page_param(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("page")
    return values[0].strip().lower() if values else None


PARSERS = (TribunnewsV1, TribunnewsV2)


# -- index pages ---------------------------------------------------------------------


def listing_links(page: Page) -> list[Link]:
    """Article links of an ``/index-news?date=...`` page, with the dates shown beside them.

    Each entry is ``li`` > ``time.grey`` ("Jumat, 24 Juli 2026 17:25 WIB") and ``h3 > a``;
    the ``h4`` topic link above some titles is not an article.
    """
    links: list[Link] = []
    for item in page.sel.css("ul.lsi > li"):
        href = item.css("h3 a::attr(href)").get()
        if not href:
            continue
        when = clean_text(" ".join(item.css("time ::text").getall()))
        title = clean_text(" ".join(item.css("h3 a ::text").getall()))
        links.append(
            Link(
                canonical_url(href, page.url),
                parse_indonesian_datetime(when, now=page.fetched_at),
                title or None,
            )
        )
    return links


def next_listing_page(page: Page) -> str | None:
    """The URL of the next page of an index, from its pagination links; None on the last."""
    current = _page_param(page.url) or "1"
    if not current.isdigit():
        return None
    wanted = str(int(current) + 1)
    for href in page.sel.css("#paginga a::attr(href), div.paging a::attr(href)").getall():
        url = canonical_url(href, page.url)
        if _page_param(url) == wanted:
            return url
    return None
