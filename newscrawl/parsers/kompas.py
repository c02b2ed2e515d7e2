"""kompas.com and its channel subdomains (nasional., regional., bola., money., ...).

Layouts (parser versions, oldest first):

- ``kompas/v0`` (2011-2015 "kompas2011" channel skins of tekno, entertainment, health,
  properti and female): ``div.isi_berita`` / ``div.isi_artikel`` / ``#article_body`` bodies,
  bylines and dates split over loose spans; the article id gives the minute.
- ``kompas/v1`` (2015-2016 "kcm" news skin): ``div.kcm-read-text`` body, an ``h2`` title,
  "Selasa, 16 Februari 2016 | 14:38 WIB" date line, a Penulis/Editor table; no JSON-LD.
- ``kompas/v1.1`` (the 2016 bola.kompas.com skin of the same CMS): body in
  ``div.kcm-read-content-text``, breadcrumb ``h4.breadcrump``.
- ``kompas/v1.2`` (otomotif.kompas.com's 2014-2016 skin): ``div.baca-content h1``,
  ``div.div-read`` body, a ``div.penulis-editor`` table, "Jakarta, KompasOtomotif -" datelines.
- ``kompas/v2`` (2017 to today, desktop and amp.kompas.com): ``h1.read__title``,
  ``div.read__time`` ("Kompas.com - 02/11/2023, 21:34 WIB"), ``div.read__content``, JSON-LD
  NewsArticle, ``content_*`` meta tags; people in "Penulis : <a>" items (2017-2021), a credit
  box with a role label (2021-2023) or a modal naming each person's role (today), the columnist
  link on kolom.kompas.com; ``?page=N`` pages and a ``?page=all`` single-page view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from lxml import etree
from parsel import Selector

from newscrawl.css import compiled_xpath
from newscrawl.dates import JAKARTA, parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page, node_text, selected_text
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import Block, clean_text, person_names, text_blocks, unique
from newscrawl.urls import canonical_url

#: The brand in datelines: "JAKARTA, KOMPAS.com -", and the channel brands of 2014-2018
#: ("Jakarta, KompasOtomotif -", "KompasTekno", "KompasTravel", "KompasProperti").
_BRAND = r"(?i:kompas(?:\.com|tekno|otomotif|travel|properti|female|health|bola))"
#: Videos, photo galleries and infographics ("/tren/image/2023/...") are not articles.
_NOT_ARTICLE_URL = re.compile(
    r"^https?://(?:video|vod|foto|vik)\.kompas\.com/"
    r"|^https?://[^/]*kompas\.com(?:/[\w-]+)?/(?:foto|image|video|photo|vik)/",
    re.IGNORECASE,
)
#: Inside the body: a div.photo there is a body image, not the lead photo.
_IN_READ_CONTENT = etree.XPath("boolean(ancestor::div[contains(@class, 'read__content')])")
#: The "Oleh:" label of a byline paragraph, and the gallery button's label in captions.
_OLEH = re.compile(r"^Oleh\s*:?\s*")
_LIHAT_FOTO = re.compile(r"\bLihat Foto\b")
#: The article id starts with the publication time: /read/2016/02/16/14382361/ is 14:38.
_READ_PATH = re.compile(r"/read/(?:xml/)?(\d{4})/(\d\d)/(\d\d)/(\d\d)(\d\d)\d{2,}/")


def _read_path_time(url: str) -> datetime | None:
    """2016-02-16 14:38 WIB from ".../read/2016/02/16/14382361/...", or None."""
    match = _READ_PATH.search(url)
    if match is None:
        return None
    year, month, day, hour, minute = map(int, match.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=JAKARTA)
    except ValueError:
        return None


def _page_param(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("page")
    return values[0] if values else None


class KompasV1(ArticleParser):
    """The 2015-2016 kcm layout of kompas.com's news channels."""

    outlet = "kompas"
    version = "kompas/v1"
    domains = ("kompas.com",)
    not_people = ("Kompas Cyber Media", "Kompas.com", "KOMPAS.com", "Kompas", "Tim Redaksi")
    drop_url_params = ("page",)
    title_suffix = re.compile(
        r"\s*(?:Halaman\s+(?:all|\d+)\s*)?[-|]\s*Kompas\.com(?:\s+[A-Z]\w*)?\s*$", re.IGNORECASE
    )
    not_article_url = _NOT_ARTICLE_URL

    headline_css = "div.kcm-read-top h2"
    date_css = "div.kcm-read-top div.msmall"
    section_css = "ul.kcm-breadcrumb li a"
    # div.kcm-tag on these pages is a site-wide "trending tags" bar, not the article's tags.
    tags_css = ""
    body_css = "div.kcm-read-text"
    image_caption_css = "div.kcm-read-top div.photo"
    #: Photo credit inside the caption element ("KOMPAS.COM/MASRIADI").
    photo_credit_css: ClassVar[str] = "span.author"
    #: Rows of the Penulis / Editor / Sumber table under the body.
    credit_rows_css: ClassVar[str] = "div.kcm-read-copy tr"

    dateline = dateline_pattern(brand=_BRAND)
    clutter = (
        re.compile(r"^\W*(?:simak breaking news|dapatkan update berita pilihan)\b", re.I),
        re.compile(r"^\W*pilih saluran andalanmu\b", re.IGNORECASE),
        # Promotion boxes inside the body: newsletter sign-up (2019-), the KG+ membership gate,
        # the closing "apresiasi" and literacy appeals and the app download box (2023-).
        re.compile(r"^\W*dapatkan informasi(?:,| dan) (?:inspirasi dan )?insight\b", re.I),
        re.compile(r"^\W*(?:dalam segala situasi,\s*)?kompas\.com berkomitmen\b", re.I),
        re.compile(
            r"^\W*(?:kirimkan apresiasi spesial|berikan apresiasi sekarang|baca berita tanpa"
            r" iklan|berikan masukanmu|daftarkan email|download sekarang|(?:unduh|download)"
            r" kompas\.com app)\b",
            re.IGNORECASE,
        ),
        re.compile(r"\bgabung kompas\.com(?:\s*plus|\+)|\bterangi negeri dengan literasi\b", re.I),
    )
    stop = (
        re.compile(r"^\W*tulis komentarmu dengan tagar\b", re.IGNORECASE),
        # The "read next" teaser that closes today's bodies.
        re.compile(r"^\W*baca berikutnya\W*$", re.IGNORECASE),
    )

    def published_at(self) -> datetime | None:
        return super().published_at() or self.url_time()

    def url_time(self) -> datetime | None:
        """The publication minute kompas encodes in the article id (last resort)."""
        return _read_path_time(self.page.url)

    def check_article(self) -> None:
        super().check_article()
        if (self.page.meta("og:type") or "").startswith("video"):
            raise NotAnArticle(f"{self.page.url} is a kompas video page")

    def credits(self, role: str) -> list[str]:
        """Names the credit table gives for ``role`` ("Penulis", "Editor")."""
        names: list[str] = []
        for row in self.page.css(self.credit_rows_css) if self.credit_rows_css else []:
            # Its own cells only: a cut-off page nests the rest of the page in the last one.
            cells = [clean_text(" ".join(td.css("::text").getall())) for td in row.xpath("./td")]
            if len(cells) >= 2 and cells[0].lower() == role.lower():
                names.append(cells[1])
        return names

    def people(self, values: Iterable[str | None]) -> list[str]:
        return person_names(values, drop=self.not_people)

    def authors(self) -> list[str]:
        return self.people(self.credits("Penulis"))

    def editors(self) -> list[str]:
        return self.people(self.credits("Editor"))

    def caption(self, node: Selector) -> str | None:
        """A photo caption without the photographer credit inside it."""
        skip = [n.root for n in node.css(self.photo_credit_css)] if self.photo_credit_css else []
        blocks = text_blocks([node.root], self.page.url, skip)
        return clean_text(" ".join(b.text for b in blocks)) or None

    def lead_photo(self) -> Selector | None:
        found = self.page.css(self.image_caption_css) if self.image_caption_css else []
        return found[0] if found else None

    def images(self) -> list[dict[str, str | None]]:
        images = super().images()
        lead = self.lead_photo()
        if images and lead is not None:
            images[0]["caption"] = self.caption(lead)
        return images


class KompasV1_1(KompasV1):
    """bola.kompas.com's 2016 skin: same CMS, its own read template."""

    version = "kompas/v1.1"
    headline_css = "div.kcm-read-content-top h2"
    date_css = "div.kcm-read-content-top div.kcm-date"
    section_css = "h4.breadcrump a"
    body_css = "div.kcm-read-content-text div.span6"
    body_skip_css = "div.kcm-read-copy, div.kcm-read-bottom-topic"
    image_caption_css = "div.kcm-read div.photo"


class KompasV1_2(KompasV1):
    """otomotif.kompas.com's 2014-2016 skin: same CMS, its own "baca-content" template."""

    version = "kompas/v1.2"
    # The header's h1 is the channel name ("Otomotif") and its span.kcm-date the day only.
    headline_css = "div.baca-content h1"
    date_css = "div.baca-content div.kcm-date"
    section_css = "div.bread-c li a"
    body_css = "div.content-text div.div-read"
    image_caption_css = "div.big-img-content div.photo"
    credit_rows_css = "div.penulis-editor tr"


class KompasV0(KompasV1):
    """The 2011-2015 "kompas2011" skins of the tekno, entertainment, health, properti and female
    channels. Their bylines and date lines are loose spans without roles or reliable order, so
    people are left out and the publication minute comes from the article id."""

    version = "kompas/v0"
    headline_css = ".judul_artikel2011, div.isi_artikel h1, div.title_artikel h1"
    date_css = ""
    section_css = ""
    #: Most specific first: on health pages div.isi_artikel wraps the title and div.isi_berita.
    body_choices: ClassVar[tuple[str, ...]] = ("div.isi_berita", "#article_body", "div.isi_artikel")
    body_css = ", ".join(body_choices)
    body_skip_css = "h1, div.editor_artikel, div.editor_artikel_status_artikel, div.photo"
    image_caption_css = ""
    credit_rows_css = ""

    def body_containers(self, page: Page) -> Any:
        for css in self.body_choices:
            found = page.css(css)
            if found:
                return found[:1]
        return []

    def published_at(self) -> datetime | None:
        return self.url_time() or super().published_at()


class KompasV2(KompasV1):
    """Today's layout (read__title / read__time / read__content), since about 2017."""

    version = "kompas/v2"
    headline_css = "h1.read__title"
    date_css = "div.read__time"
    section_css = "ul.breadcrumb__wrap li.breadcrumb__item a"
    tags_css = "ul.tag__article__wrap a.tag__article__link, .read__tagging a"
    body_css = "div.read__content"
    body_skip_css = (
        "div.ads-on-body, div.ads-partner-wrap, div.kompasidRec, div.inject-baca-juga,"
        " div.read__paging, div.photo, div.gate-kgplus, div.liftdown_v2_tanda,"
        " div.read__byline, div.read__credit, div.read__photo, div.fb-quote,"
        ' div[class*="kompasidRec"], div.articleRelated, div.article__related, div.inner__sidebar'
    )
    #: Later bodies sit in div#articleContent when div.read__content is gone.
    body_fallback_css: ClassVar[str] = "#articleContent"
    #: 2025-: some bodies open with an all-bold byline paragraph, "Oleh: Name".
    byline_xpath: ClassVar[str] = (
        "(.//p)[1][strong][normalize-space(.) = normalize-space(strong)]"
        "[starts-with(normalize-space(strong), 'Oleh:')"
        " or starts-with(normalize-space(strong), 'Oleh ')]"
    )
    #: 2019-2021 bodies end with this marker; what follows it inside the body is promotion.
    end_marker_xpath: ClassVar[str] = ".//*[@id='EndOfArticle']/following::*"
    image_caption_css = "div.photo__caption"
    pages_css = "div.read__paging a.paging__link"
    #: The credit modal lists every person with a role line (Penulis / Editor).
    credit_people_css: ClassVar[str] = "#creditModal .credit-author"
    #: 2017-2021: "Penulis : <a>Name</a>" / "Editor : <a>Name</a>" items.
    credit_items_css: ClassVar[str] = "div.read__credit__item"
    #: 2021-2023 credit box: a role label ("Penulis") over the names, no modal.
    credit_box_css: ClassVar[str] = "div.credit-title"
    #: kolom.kompas.com opinion pieces name the columnist in a profile link.
    opinion_author_css: ClassVar[str] = "div.opinion__author a"
    #: The lead photo: a div.photo outside the body (photos inside it are body images).
    lead_photo_css: ClassVar[str] = "div.photo"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.read__content, h1.read__title"))

    def credits(self, role: str) -> list[str]:
        """Names given for ``role``: the modal, else the credit items, else the labelled box."""
        role = role.lower()
        names = [
            clean_text(node_text(name))
            for person in self.page.css(self.credit_people_css)
            if clean_text(" ".join(person.css(".credit-author-position ::text").getall())).lower()
            == role
            for name in person.css(".credit-author-name")
        ]
        for item in [] if names else self.page.css(self.credit_items_css):
            labelled = re.match(rf"{role}\b\W*(.*)", clean_text(node_text(item)), re.IGNORECASE)
            if labelled:
                linked = [clean_text(node_text(a)) for a in item.css("a")]
                names.extend(linked or [labelled.group(1)])
        for box in [] if names else self.page.css(self.credit_box_css):
            if clean_text(" ".join(box.xpath("./p//text()").getall())).lower() == role:
                names.extend(clean_text(node_text(n)) for n in box.css(".credit-title-nameEditor"))
        return names

    def authors(self) -> list[str]:
        # JSON-LD first; kompas' own content_author meta separates writers from editors.
        return (
            self.people(ld_names(self.page.article_ld.get("author")))
            or self.people([self.page.meta("content_author")])
            or self.people(self.credits("Penulis"))
            or self.people(self.css_texts(self.opinion_author_css))
            or self.people(self.body_byline())
        )

    def body_byline(self) -> list[str]:
        """The names in an "Oleh: Name" byline paragraph at the top of the body."""
        for container in self.body_containers(self.page):
            for node in compiled_xpath(self.byline_xpath)(container.root):
                return [_OLEH.sub("", clean_text(selected_text(node, self.byline_xpath)))]
        return []

    def editors(self) -> list[str]:
        return (
            self.people(ld_names(self.page.article_ld.get("editor")))
            or self.people([self.page.meta("content_editor")])
            or self.people(self.credits("Editor"))
        )

    def body_containers(self, page: Page) -> Any:
        return page.css(self.body_css)[:1] or page.css(self.body_fallback_css)[:1]

    def body_blocks(self, page: Page) -> list[Block]:
        containers = self.body_containers(page)
        skip = [n for c in containers for n in page.nodes(self.body_skip_css, c.root)]
        for container in containers:
            skip += compiled_xpath(self.end_marker_xpath)(container.root)
            skip += compiled_xpath(self.byline_xpath)(container.root)
        return text_blocks([c.root for c in containers], page.url, skip)

    def published_at(self) -> datetime | None:
        return (
            self.machine_date(
                [
                    self.page.article_ld.get("datePublished"),
                    self.page.meta("content_PublishedDate", "article:published_time"),
                ]
            )
            or self.read_time(updated=False)
            or self.url_time()
        )

    def updated_at(self) -> datetime | None:
        return super().updated_at() or self.read_time(updated=True)

    def read_time(self, updated: bool) -> datetime | None:
        """The date line: "Kompas.com - 02/11/2023, 21:34 WIB", or only "Diperbarui <date>"
        once the article was updated, which is the update and never the publication."""
        for text in self.css_texts(self.date_css):
            before, label, after = text.partition("Diperbarui")
            if updated and not label:
                continue
            found = parse_indonesian_datetime(
                after if updated else before, now=self.page.fetched_at, default_tz=self.timezone
            )
            if found:
                return found
        return None

    def section(self) -> str | None:
        return (
            clean_text(self.page.meta("content_subcategory"))
            or clean_text(self.page.meta("content_category"))
            or super().section()
        )

    def tags(self) -> list[str]:
        meta = [t for value in self.page.meta_all("content_tags") for t in value.split(",")]
        return list(unique(meta)) or super().tags()

    def caption(self, node: Selector) -> str | None:
        # The photo credit is a span right after the caption text: "(22/11/2019).<span>(KOMPAS";
        # "Lihat Foto" is the label of the gallery button.
        return clean_text(_LIHAT_FOTO.sub(" ", node_text(node))) or None

    def lead_photo(self) -> Selector | None:
        found = [p for p in self.page.css(self.lead_photo_css) if not _IN_READ_CONTENT(p.root)]
        caption = self.page.css_within(found[0], self.image_caption_css) if found else []
        return caption[0] if caption else None

    def images(self) -> list[dict[str, str | None]]:
        images = super().images()
        seen = {image["url"] for image in images}
        for photo in self.page.css("div.read__content div.photo"):
            src = photo.css("img::attr(data-src), img::attr(src)").get()
            if not src or src.startswith("data:"):
                continue
            url = canonical_url(src, self.page.url)
            if url not in seen:
                seen.add(url)
                found = photo.css(self.image_caption_css)
                images.append({"url": url, "caption": self.caption(found[0]) if found else None})
        return images

    def page_urls(self) -> list[str]:
        current = _page_param(self.page.url) or "1"
        if not current.isdigit():  # ?page=all already holds every page
            return []
        later: dict[int, str] = {}
        for href in self.page.css(self.pages_css).css("::attr(href)").getall():
            url = canonical_url(href, self.page.url)
            number = _page_param(url) or ""
            if number.isdigit() and int(number) > int(current):
                later.setdefault(int(number), url)
        return [later[n] for n in sorted(later)]


PARSERS = (KompasV0, KompasV1, KompasV1_1, KompasV1_2, KompasV2)


# -- index pages -------------------------------------------------------------------

#: (item, link, date) selectors of indeks.kompas.com, newest layout first.
_LISTINGS = (
    ("div.articleItem", "a.article-link", "div.articlePost-date"),
    ("div.article__list", "a.article__link", "div.article__date"),
    ("div.kcm-main-list li", "h3 a", "div.grey"),
)


def _listing_time(url: str, shown: datetime | None) -> datetime | None:
    """Add the time encoded in the article id when the index shows only the day."""
    encoded = _read_path_time(url)
    if shown is None or encoded is None or (shown.hour, shown.minute) != (0, 0):
        return shown
    return encoded if encoded.date() == shown.date() else shown


def listing_links(page: Page) -> list[Link]:
    """Article links and their dates on an indeks.kompas.com page."""
    for item_css, link_css, date_css in _LISTINGS:
        items = page.css(item_css)
        if not items:
            continue
        links = []
        for item in items:
            href = item.css(f"{link_css}::attr(href)").get()
            if not href:
                continue
            # The 2016 index linked "/read/xml/..." aliases of the article URLs.
            url = canonical_url(href.replace("/read/xml/", "/read/"), page.url)
            title = clean_text(" ".join(item.css("h2 ::text, h3 ::text").getall())) or None
            shown = parse_indonesian_datetime(
                clean_text(" ".join(item.css(f"{date_css} ::text").getall())),
                now=page.fetched_at,
            )
            links.append(Link(url, _listing_time(url, shown), title))
        return links
    return []
