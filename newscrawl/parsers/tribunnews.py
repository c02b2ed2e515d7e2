"""Tribunnews.com and the Tribun Network sites on its CMS (bali., makassar., jakarta. ...).

Two layouts: ``V1`` is the 2015 page (date in an ``<h3>`` under the headline, "Penulis:" /
"Editor:" lines after the body, no JSON-LD); ``V2`` is the page since then (JSON-LD NewsArticle,
a ``<time>`` next to "Tayang:", ``#penulis`` / ``#editor`` credits, ``p.baca`` related links,
``?page=N`` pages and a ``?page=all`` single-page view). The regional sites ("daerah" skin) are
V2 with one credit line, ``h5#penulis`` "Penulis: A | Editor: B", and a ``<time>`` whose date
sits in a ``<span>`` without a ``datetime``. All keep the body in ``div.side-article.txt-article``.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import Body, dateline_pattern
from newscrawl.parsers.text import clean_text, person_names, unique
from newscrawl.urls import canonical_url

#: Brands of the Tribun Network as they open datelines: "TRIBUNNEWS.COM", "TRIBUN-BALI.COM",
#: "TRIBUN-MEDAN.com", "TRIBUNKALTIM.CO", "WARTAKOTALIVE.COM", "SRIPOKU.COM", "SURYA.co.id",
#: "POS-KUPANG.COM", "POSBELITUNG.CO", "PROHABA.CO", "BABELNEWS.ID" (the network's site list).
BRAND = (
    r"(?i:(?:tribun[\w-]*|wartakota(?:live)?|sripoku|banjarmasinpost|bangkapos|serambinews"
    r"|surya(?:malang)?|pos-?[a-z]+|prohaba|babelnews)\.(?:co\.id|com|co|id))"
)
_DASH = r"\s+[-–|]\s+"
#: "Halaman 2" / "Halaman all" (the ``?page=all`` view) before the brand in <title>/og:title.
_PAGE_LABEL = r"(?i:halaman)\s+(?:\d+|all)"
_TITLE_SUFFIX = re.compile(
    rf"{_DASH}(?:{_PAGE_LABEL}{_DASH})?{BRAND}\s*$|{_DASH}Tribun\s+\w+\s*$|{_DASH}{_PAGE_LABEL}\s*$"
)
#: "Laporan Wartawan Tribunnews.com, Fahdi Fahlevi" opens many bodies: a byline, not text.
_REPORTER_LINE = re.compile(
    r"^\W*laporan\s+(?:wartawan|reporter|kontributor|koresponden|jurnalis)\b.{0,120}$",
    re.IGNORECASE,
)
#: "Simak berita terbaru Tribunnews.com di Google News", "Cek Berita dan Artikel yang lain di
#: Google News" and their regional twins.
_NEWS_PROMO = re.compile(
    r"^\W*(?:simak|update|baca|cek)\s+berita\b.{0,140}(?:google news|whatsapp)", re.IGNORECASE
)
#: "Penulis: David Yohanes | Editor: irwan sy": one credit line may name both roles.
_CREDIT = re.compile(
    r"\b(penulis|reporter|editor)\s*:\s*(.+?)\s*(?=\||\b(?:penulis|reporter|editor)\s*:|$)",
    re.IGNORECASE,
)
#: The closing credit "(Tribunnews.com/Fahdi Fahlevi)", "(Tribun-Bali.com/Putu Ayu)" (the
#: shared editor-code peel takes "(*)" and lower-case codes).
_CODE = re.compile(r"\s*\(\s*(" + BRAND + r"\s*/\s*[^()]{1,60}?)\s*\)[\s.]*$")
#: A byline that is the site, not a person: "Tribun-Bali.com", "Tribun Jogja", "Tribunnews".
_BRAND_BYLINE = re.compile(rf"{BRAND}|(?i:tribun(?:news)?(?:\s+\w+)?)")


class TribunnewsV1(ArticleParser):
    """The 2015 layout."""

    outlet = "tribunnews"
    version = "tribunnews/v1"
    domains = ("tribunnews.com",)
    not_people = ("Tribunnews.com", "Tribunnews", "Tribun Network", "Tim Tribunnews")
    drop_url_params = ("page",)
    title_suffix = _TITLE_SUFFIX
    # video.tribunnews.com, /video/, /foto/ and /images/ photo pages, web stories; the home
    # page, section fronts ("/nasional") and the tag, topic, index, author and search listings:
    # they carry og:type "article" but are not one (an article path has two segments or more).
    not_article_url = re.compile(
        r"^https?://(?:video\.tribunnews\.com(?:[:/]|$)"
        r"|[^/]+/(?:video|foto|images|webstories)(?:/|$)"
        r"|[^/]+(?:/[\w-]*)?/?(?:[?#]|$)"
        r"|[^/]+/(?:tag|topic|index-news|penulis|editor|search)(?:[/?#]|$))",
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
        "blockquote.summary-article, .ads-placeholder, .reserved_box_ads, [id^='div-Inside'],"
        " [id^='div-gpt']"
    )
    image_caption_css = "#artimg div.grey2"

    dateline = dateline_pattern(brand=BRAND)
    clutter = (_REPORTER_LINE, _NEWS_PROMO)

    def credit(self, *labels: str) -> list[str]:
        """The names after ``labels`` ("penulis", "editor") in the credit lines, in page order."""
        names = [
            match.group(2)
            for text in self.css_texts(self.credit_css)
            for match in _CREDIT.finditer(text)
            if match.group(1).lower() in labels
        ]
        return self.people(names)

    def people(self, bylines: list[str]) -> list[str]:
        """Names from ``bylines``, without the network's own brands."""
        names = person_names(bylines, drop=self.not_people)
        return [name for name in names if not _BRAND_BYLINE.fullmatch(name)]

    def authors(self) -> list[str]:
        return self.credit("penulis", "reporter")

    def editors(self) -> list[str]:
        return self.credit("editor")

    def tags(self) -> list[str]:
        return list(unique(t.lstrip("#") for t in self.css_texts(self.tags_css)))

    def check_article(self) -> None:
        super().check_article()
        if self.page.meta("og:type") in ("video", "video.other"):
            raise NotAnArticle(f"{self.page.url} is a video page")

    def body(self) -> Body:
        body = super().body()
        code = _CODE.search(body.paragraphs[-1]) if body.paragraphs else None
        if code and body.editor_code is None:
            body.editor_code = clean_text(code.group(1))
            rest = body.paragraphs[-1][: code.start()].rstrip()
            body.paragraphs[-1:] = [rest] if rest else []
        return body


class TribunnewsV2(TribunnewsV1):
    """Today's layout: JSON-LD, ``<time>``, ``#penulis`` / ``#editor``, paged articles."""

    version = "tribunnews/v2"
    # "Tayang:" <time> in div.mt10 (www) or in div.grey.bdr3 with the date in a <span> (daerah).
    date_css = "div.mt10 time, div.grey.bdr3 time, #article time"
    # div#penulis / div#editor (www), or one h5#penulis holding both roles (daerah).
    credit_css = "#penulis, #editor"
    tags_css = "h5.tagcloud3 a"
    pages_css = "div.paging a"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return super().detect(page) and bool(page.article_ld or page.nodes("#penulis, #editor"))

    def authors(self) -> list[str]:
        ld = self.people(ld_names(self.page.article_ld.get("author")))
        # An unlabelled #penulis holds just the writer's link.
        unlabelled = self.people(self.css_texts("#penulis a"))
        return ld or self.credit("penulis", "reporter") or unlabelled

    def editors(self) -> list[str]:
        return self.people(ld_names(self.page.article_ld.get("editor"))) or self.credit("editor")

    def tags(self) -> list[str]:
        return ArticleParser.tags(self)

    def updated_at(self) -> datetime | None:
        updated, published = super().updated_at(), self.published_at()
        return updated.astimezone(published.tzinfo) if updated and published else updated

    def page_urls(self) -> list[str]:
        """``?page=2``, ``?page=3`` ... in order; none from the ``?page=all`` view."""
        if _page_param(self.page.url) == "all":
            return []
        numbered: dict[int, str] = {}
        for href in self.page.css(self.pages_css).css("::attr(href)").getall():
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
    for item in page.css("ul.lsi > li"):
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
    for href in page.css("#paginga a::attr(href), div.paging a::attr(href)").getall():
        url = canonical_url(href, page.url)
        if _page_param(url) == wanted:
            return url
    return None
