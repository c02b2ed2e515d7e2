"""detik.com and every channel subdomain (news., finance., inet., hot., sport., health., ...).

Layouts, oldest first:

- ``detik/v1``: the ``/read/YYYY/MM/DD/HHMMSS/ID/...`` pages (until about 2016):
  ``div.text_detail``, ``div.author`` "Name - detikinet", ``div.date``
  "Kamis, 05/11/2015 10:08 WIB".
- ``detik/v2``: the 2015 redesign (``/berita/ID/slug``, later ``/d-ID/slug``): ``div.jdl``
  header, ``div.detail_text`` (sport's About The Game kept it into the 2020s).
- ``detik/v3``: the ``detail__*`` pages (news, finance, inet, health, sport, regional ...):
  ``h1.detail__title``, ``div.detail__body-text``, JSON-LD NewsArticle, ``dtk:*`` metas,
  ``?single=1`` for the whole of a multi-page article.
- ``detik/v3.1``: the ``read__*`` channel skin of the same years (detikTravel until 2023):
  ``div.read__head``, ``div.read__content#detikdetailtext``, ``div.detail_tag``.
- ``detik/v3.2``: detikX long reads (``news.detik.com/x/detail/<rubric>/<YYYYMMDD>/...``):
  ``div#content_area`` with one ``div.body_text`` per text block and a credits line.
- ``detik/v4``: the utility-class redesign (wolipop and others, 2024-): the body is
  ``div.itp_bodycontent`` without ``detail__body-text``; everything else comes from the
  JSON-LD and ``dtk:*`` metas every detik layout since 2019 carries.

Photo galleries (``readfoto``, ``/foto-news/``), 20detik videos and infographics are not
articles. :func:`listing_links` reads the index pages, :func:`feed_article_links` the RSS.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from newscrawl.dates import JAKARTA, parse_indonesian_datetime, parse_iso_datetime
from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page, node_text
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import Block, clean_text, person_names, unique
from newscrawl.urls import canonical_url, host_matches, link_url

#: Galleries, videos and infographics, on a channel host or under a www.detik.com vertical
#: ("www.detik.com/edu/foto/d-..."); 20detik and detikTV (a site, and the channels'
#: "/detiktv/" rubric) are video.
NOT_ARTICLE_URL = re.compile(
    r"^https?://(?:(?:20|tv)\.detik\.com/"
    r"|[^/]+/(?:[a-z]+/)?(?:(?:read)?foto[\w-]*|(?:read)?videos?|infografis|detiktv)/)",
    re.IGNORECASE,
)
#: " - detikNews" after the author's name in bylines.
_BRAND_SUFFIX = re.compile(r"\s*[-–]\s*detik\w*\s*$", re.IGNORECASE)
#: Desks, not people: "detikcom", "detikNews" ("Tim detikBali" is person_names' own rule).
_DESK = re.compile(r"^detik\w*$", re.IGNORECASE)
#: 2015 machine dates print Jakarta time with a false "Z", one with dashes in the clock
#: ("2015-11-05 T10:08:58Z", "2015-06-16T14-05-11Z"); the RSS of the day confirms WIB.
_OLD_MACHINE_DATE = re.compile(
    r"\s*(\d{4})-(\d\d)-(\d\d)\s*T\s*(\d\d)[:-](\d\d)[:-](\d\d)\s*Z?\s*", re.IGNORECASE
)
#: The dateline in a <strong> before the first <p>: a block of its own, "Jakarta -".
_LONE_DATELINE = re.compile(r"^[A-Z][\w.'’ ]{0,40}\s[-–—]$")
#: A printed minute covers the machine date's seconds.
_SAME_MINUTE = timedelta(minutes=1)


class DetikV1(ArticleParser):
    """The ``/read/YYYY/MM/DD/...`` layout (inet., hot., finance. until about 2016)."""

    outlet = "detik"
    version = "detik/v1"
    domains = ("detik.com",)
    not_people = ("detikcom", "tim detikcom", "redaksi detikcom", "tim redaksi")
    drop_url_params = ("single",)
    title_suffix = re.compile(r"\s*[-|]\s*detik\w*\s*$", re.IGNORECASE)
    not_article_url = NOT_ARTICLE_URL

    headline_css = "div.content_detail h1"
    date_css = "div.content_detail div.date"
    author_css = "div.content_detail div.author"
    section_css = "ul.breadcrumb li a"
    body_css = "div.text_detail"
    body_skip_css = ".pic_artikel, .banner_inside_article"
    image_caption_css = "div.pic_artikel span"
    dateline: ClassVar[re.Pattern[str] | None] = dateline_pattern()
    clutter = (
        re.compile(r"^\W*simak selengkapnya di halaman (?:selanjutnya|berikutnya)\W*$", re.I),
        # The parallax ad's second label (2022-) and rules such as "-----".
        re.compile(r"^\W*scroll to (?:continue|resume)(?: with)? content\W*$", re.I),
        re.compile(r"^[\W_]+$"),
        # A channel's copy of a regional story: "Artikel ini telah naik di detikBali dan
        # bisa dibaca selengkapnya di sini." (the editor code still follows it).
        re.compile(r"^\W*(?:artikel|berita) ini (?:telah |sudah )?naik di detik\w*\b", re.I),
    )

    def check_article(self) -> None:
        super().check_article()
        if self.page.css("div.gallery_view, div.text_gal"):
            raise NotAnArticle(f"{self.page.url} is a detik photo gallery")

    def machine_published(self) -> datetime | None:
        ld = self.page.article_ld.get("datePublished")
        found = parse_iso_datetime(ld if isinstance(ld, str) else None, self.timezone)
        if found:
            return self.local(found)
        for key in ("dtk:publishdate", "publishdate"):  # "2026/10/31 19:30:15", Jakarta time
            found = parse_indonesian_datetime(self.page.meta(key), default_tz=self.timezone)
            if found:
                return found
        old = _OLD_MACHINE_DATE.fullmatch(self.page.meta("pubdate") or "")
        if old:
            year, month, day, hour, minute, second = map(int, old.groups())
            return datetime(year, month, day, hour, minute, second, tzinfo=self.timezone)
        return None

    def published_at(self) -> datetime | None:
        """The machine date when the visible date line agrees with it, else the line."""
        machine = self.machine_published()
        shown = self.visible_date(self.date_css)
        if shown is None:
            return machine
        if machine is not None and timedelta(0) <= machine - shown < _SAME_MINUTE:
            return machine
        return shown

    def authors(self) -> list[str]:
        ld = self.page.article_ld.get("author")
        values = ld_names(ld) or self.css_texts(self.author_css)
        values = values or [self.page.meta("dtk:author") or ""]
        bylines = [_BRAND_SUFFIX.sub("", v) for v in values if v and not v.startswith("http")]
        return [n for n in person_names(bylines, drop=self.not_people) if not _DESK.match(n)]

    def section(self) -> str | None:
        """The breadcrumb's last link; the JSON-LD BreadcrumbList when the page shows none."""
        lists = self.page.ld_of_type("BreadcrumbList")
        names = (name for crumbs in lists for name in _last_crumb(crumbs))
        return super().section() or next(names, None)

    def tags(self) -> list[str]:
        ld = self.page.article_ld.get("keywords")
        if isinstance(ld, list):
            ld = ",".join(str(k) for k in ld)
        raw = (ld if isinstance(ld, str) else None) or self.page.meta("dtk:keywords", "keywords")
        return list(unique(raw.split(","))) if raw else self.css_texts(self.tags_css)

    def body_blocks(self, page: Page) -> list[Block]:
        blocks = super().body_blocks(page)
        if len(blocks) > 1 and _LONE_DATELINE.match(blocks[0].text):
            first, second = blocks[0], blocks[1]
            shift = len(first.text) + 1
            merged = Block(
                f"{first.text} {second.text}",
                first.links + second.links,
                first.link_offsets + [at + shift for at in second.link_offsets],
            )
            blocks[:2] = [merged]
        return blocks


class DetikV2(DetikV1):
    """The 2015 redesign: ``div.jdl`` header and ``div.detail_text`` body (about 2015-2019)."""

    version = "detik/v2"
    headline_css = "div.jdl h1"
    date_css = "div.jdl div.date"
    author_css = "div.jdl div.author"
    section_css = 'div.breadcrumb a:not([href="#"])'
    body_css = "div.detail_text"
    # Inline pictures, tag rows and the page numbers of a multi-page article (``mp-nav``).
    body_skip_css = ".pic_artikel, .pic_artikel_sisip_table, .newstag, .detail_tag, .mp-nav"
    image_caption_css = "div.pic_artikel span"

    def images(self) -> list[dict[str, str | None]]:
        """The lead image, then the pictures set into the body (``pic_artikel_sisip``)."""
        images = super().images()
        seen = {image["url"] for image in images}
        for container in self.body_containers(self.page):
            for table in container.css("table.pic_artikel_sisip_table"):
                src = table.css("img::attr(src)").get()
                if not src:
                    continue
                url = canonical_url(src, self.page.url)
                if url not in seen:
                    # The caption is a <span> or the text after the <img>.
                    caption = clean_text(node_text(table))
                    images.append({"url": url, "caption": caption or None})
                    seen.add(url)
        return images


class DetikV3(DetikV2):
    """Today's layout (``detail__*`` classes, JSON-LD NewsArticle, ``dtk:*`` metas)."""

    version = "detik/v3"
    headline_css = "h1.detail__title"
    date_css = "div.detail__date"
    author_css = "div.detail__author"
    section_css = "div.page__breadcrumb a"
    tags_css = "div.detail__body-tag a.nav__item"
    body_css = "div.detail__body-text"
    # Ad slots and their "ADVERTISEMENT" labels, the table of contents, page numbers,
    # the tag row and embedded video boxes; "Baca juga" tables (.linksisip) stay for
    # clean_body to collect.
    body_skip_css = (
        ".parallaxindetail, .paradetail, .staticdetail_container, .para_caption, "
        ".collapsible, .detail__long-nav, .detail__body-tag, .pic_artikel_sisip_table, "
        ".sisip_video_ds, .aevp"
    )
    image_caption_css = "figure.detail__media-image figcaption"
    pages_css = "div.detail__long-nav a.detail__anchor-numb"

    def page_urls(self) -> list[str]:
        # The ?single=1 view already holds every page; page numbers link the paged view.
        if "single" in parse_qs(urlsplit(self.page.url).query):
            return []
        # Page 1 links to itself as ".../slug/1": follow only the numbers after the active one.
        active = clean_text(self.page.css("a.detail__anchor-numb--active::text").get())
        current = int(active) if active.isdigit() else 1
        later: dict[str, None] = {}
        for anchor in self.page.css(self.pages_css):
            number = clean_text(anchor.css("::text").get())
            if number.isdigit() and int(number) > current and anchor.attrib.get("href"):
                later.setdefault(link_url(anchor.attrib["href"], self.page.url), None)
        return list(later)


class DetikV3_1(DetikV3):
    """The ``read__*`` channel skin (detikTravel until 2023), beside ``detik/v3``."""

    version = "detik/v3.1"
    headline_css = "div.read__head h1, div.read__head h2.mt5"
    date_css = "div.read__head div.date"
    author_css = "div.ugc__block__name a"
    section_css = "div.read__head div.breadcrumb a:not(.active)"
    tags_css = "div.detail_tag a"
    body_css = "div.read__content"
    body_skip_css = f"{DetikV3.body_skip_css}, .detail_tag"
    image_caption_css = "figcaption.read__photo__caption"


class DetikV3_2(DetikV1):
    """detikX long reads: a cover with the title, ``div.body_text`` blocks, a credits line."""

    version = "detik/v3.2"
    headline_css = "div#content_area h1"
    subheadline_css = "div#content_area p.summary"
    # The cover shows the day only ("Kamis, 18 Januari 2024"): the JSON-LD has the time.
    date_css = ""
    section_css = "div#content_area p.rubrik"
    body_css = "div#content_area div.body_text"
    # The cover's illustration credit and date, pull quotes that repeat the text.
    body_skip_css = ".caption, blockquote.sisip, .dropcap"
    dateline = None
    #: "Reporter: ... Penulis: ... Editor: ..." closes the text.
    stop = (re.compile(r"^\W*(?:reporter|penulis|editor)\s*:", re.IGNORECASE),)
    _credit = re.compile(r"\bEditor\s*:\s*(.+?)(?=\s+\w+\s*:|$)")

    def body_containers(self, page: Page) -> Any:
        # Credits sit in a body_text inside another one: read each block once.
        return [
            node
            for node in page.css(self.body_css)
            if not node.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' body_text ')]")
        ]

    def editors(self) -> list[str]:
        for block in self.body_blocks(self.page):
            found = self._credit.search(block.text)
            if found:
                return person_names([found.group(1)], drop=self.not_people)
        return []

    def body_images(self) -> list[dict[str, str | None]]:
        """Photos sit between the text blocks, each with a ``p.photo_credit``."""
        found: list[dict[str, str | None]] = []
        for img in self.page.css("div#content_area div.column img"):
            src = img.attrib.get("src")
            if src and not src.startswith("data:"):
                credit = img.xpath("following-sibling::p[contains(@class, 'photo_credit')][1]")
                caption = clean_text(node_text(credit[0])) if credit else ""
                found.append({"url": canonical_url(src, self.page.url), "caption": caption or None})
        return found


class DetikV4(DetikV3):
    """The utility-class redesign (wolipop and others, 2024-): ``div.itp_bodycontent``.

    Its title, byline and date carry generated utility classes only, so the JSON-LD and
    the ``dtk:*`` metas give those fields; the ``article.detail`` selectors are fallbacks.
    """

    version = "detik/v4"
    headline_css = "article.detail h1"
    date_css = "article.detail time"
    author_css = ""
    section_css = ""
    body_css = "div.itp_bodycontent"
    image_caption_css = "article.detail figure figcaption"

    @classmethod
    def detect(cls, page: Page) -> bool:
        # Older layouts put itp_bodycontent on their own body container.
        return bool(
            page.nodes(
                "div.itp_bodycontent:not(.detail__body-text):not(.read__content):not(.detail_text)"
            )
        )


def _last_crumb(crumbs: dict[str, Any]) -> list[str]:
    """The name of a JSON-LD BreadcrumbList's last item (empty when it has none)."""
    items = crumbs.get("itemListElement")
    names = [i.get("name") for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    named = [clean_text(n) for n in names if isinstance(n, str)]
    return [n for n in named if n][-1:]


def listing_links(page: Page) -> list[Link]:
    """Article cards of an index page (``/indeks``), with the time each card shows.

    Cards carry the Unix time (``d-time``) and the full date (``title``) beside the
    relative "7 menit yang lalu"; the relative text, read against the fetch time, is
    the last resort.
    """
    links: list[Link] = []
    seen: set[str] = set()
    for card in page.css("article"):
        anchor = card.css(".media__title a[href], h2 a[href], h3 a[href]") or card.css("a[href]")
        href = anchor.css("::attr(href)").get()
        if not href:
            continue
        url = link_url(href, page.url)
        if not host_matches(url, DetikV3.domains) or url in seen:
            continue
        seen.add(url)
        stamp = card.css("[d-time]")
        when: datetime | None = None
        unix = stamp.attrib.get("d-time", "") if stamp else ""
        if unix.isdigit():
            when = datetime.fromtimestamp(int(unix), JAKARTA)
        else:
            shown = (stamp.attrib.get("title") if stamp else None) or " ".join(
                card.css(".media__date ::text").getall()
            )
            when = parse_indonesian_datetime(shown, now=page.fetched_at, default_tz=JAKARTA)
        title = clean_text(" ".join(anchor[0].css("::text").getall())) or None
        links.append(Link(url, when, title))
    return links


_XML = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)


def feed_article_links(body: bytes) -> list[Link]:
    """RSS items; the 2015 feeds linked through feedsportal and kept detik's URL in ``guid``."""
    try:
        root = etree.fromstring(body.strip(), parser=_XML)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    links: list[Link] = []
    for item in root.iter("item"):
        url, guid = clean_text(item.findtext("link")), clean_text(item.findtext("guid"))
        if guid.startswith("http") and not host_matches(url, DetikV3.domains):
            url = guid
        if url:
            title = clean_text(item.findtext("title")) or None
            links.append(Link(url, _rss_date(item.findtext("pubDate")), title))
    return links


def _rss_date(text: str | None) -> datetime | None:
    try:
        when = parsedate_to_datetime(clean_text(text))
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=JAKARTA)


PARSERS = (DetikV1, DetikV2, DetikV3, DetikV3_1, DetikV3_2, DetikV4)
