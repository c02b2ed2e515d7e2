"""republika.co.id (every kanal and regional subdomain) and its Islamic sub-brand ihram.co.id.

Four layouts, one CMS family:

- v1 (to 2017): ``div.wp-conten-detail``: the date line over an ``h2`` headline, "Rep: ...
  Red: ..." in ``div.red``, the text in ``div.content-detail`` (paragraphs split by
  ``<br><br>``), "#tag" links in ``div.tagging``.
- v1.1 (to 2017): the jurnal-haji / ihram.co.id skin of the same CMS: ``div.detail-left``,
  the headline a ``div.h5``, the text in ``div.teaser``, a credit table "Redaktur : ...".
- v2 (2018-2022): ``div.wrap_detail``: ``div.wrap_detail_set h1``, ``div.date_detail``
  ("Senin 13 Agustus 2018 19:43 WIB"), "Rep: .../ Red: ..." in ``div.by``, the text in
  ``div.artikel``; long articles go on at ``<url>-part2``, ``-part3``.
- v3 (2023 redesign, today): ``div.max-card__title h1`` and teaser, ``div.date-item__headline``
  ("Jumat 24 Jul 2026 16:32 WIB"), the text in ``div.article-content article``, "Baca Juga"
  boxes (``div.picked-article``) between paragraphs. JSON-LD ``NewsArticle`` names the editor
  (the "Red:") as its author, so people come from the byline.

Every layout opens the text with "REPUBLIKA.CO.ID, JAKARTA -- " (or "IHRAM.CO.ID, ...").
Photo galleries (InPicture, visual.republika.co.id) are not articles.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.credits import credits
from newscrawl.parsers.text import clean_text, person_names, unique
from newscrawl.urls import link_url

DOMAINS = ("republika.co.id", "ihram.co.id")

#: InPicture galleries (2015-17 "/berita/inpicture/..."), infographics, and the visual desk.
NOT_ARTICLE_URL = re.compile(
    r"/(?:inpicture|infografis|foto)/|^https?://visual\.republika\.co\.id/", re.IGNORECASE
)
#: The source credit the CMS prints as the text's last line ("Sumber : Antara").
_SOURCE_LINE = re.compile(r"^\s*Sumber\s*:\s*\S.{0,80}$", re.IGNORECASE)
#: Later pages of a v2 article: "<article url>-part2".
_PART = re.compile(r"-part(\d{1,2})$")


class RepublikaV1(ArticleParser):
    """The desktop layout to 2017 (``div.wp-conten-detail``)."""

    outlet = "republika"
    version = "republika/v1"
    domains = DOMAINS
    not_people = ("Republika", "Republika Online", "republika.co.id", "ROL", "ihram.co.id")
    title_suffix = re.compile(r"\s*[|-]\s*(?:Republika Online|ihram\.co\.id)\s*$", re.I)
    not_article_url = NOT_ARTICLE_URL

    headline_css = "div.jdl-detail h2, div.jdl-detail h1"
    date_css = "div.wp-conten-detail div.date-detail"
    credit_css = "div.wp-reset div.red"
    section_css = "div.breadcome a"
    tags_css = "div.tagging a"
    body_css = "div.content-detail"
    body_skip_css = "[id^='div-gpt-ad'], .ads-160, .ads-300"
    image_caption_css = "div.wp-cap div.caption"
    dateline = dateline_pattern(brand=r"[A-Z]{4,}\.CO\.ID")
    clutter = (_SOURCE_LINE,)

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.wp-conten-detail div.content-detail"))

    def credit_lines(self) -> list[str]:
        return self.css_texts(self.credit_css)

    def authors(self) -> list[str]:
        return person_names(credits(self.credit_lines())["rep"], drop=self.not_people)

    def editors(self) -> list[str]:
        return person_names(credits(self.credit_lines())["red"], drop=self.not_people)

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.lower() != "home"]
        return crumbs[-1] if crumbs else super().section()

    def tags(self) -> list[str]:
        shown = [t.lstrip("#").strip() for t in self.css_texts(self.tags_css)]
        keywords = (self.page.meta("news_keywords") or self.page.meta("keywords") or "").split(",")
        return list(unique(shown)) or super().tags() or list(unique(keywords))


class RepublikaIhram(RepublikaV1):
    """The jurnal-haji / ihram.co.id skin of the v1 CMS (``div.detail-left``)."""

    version = "republika/v1.1"
    headline_css = "div.wrap-title div.h5"
    # The skin prints an empty date block before the real one.
    date_css = "div.wrap-title div.date-detail"
    credit_css = "div.set-sosmed div.red td"
    section_css = "div.wrap-title div.breadcome a"
    tags_css = "div.set-sosmed div.tagging a"
    body_css = "div.detail-left div.teaser"
    image_caption_css = "div.img-detail div.caption"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.detail-left div.teaser")) and bool(page.nodes("div.wrap-title"))


class RepublikaV2(RepublikaV1):
    """The 2018-2022 layout (``div.wrap_detail``)."""

    version = "republika/v2"
    headline_css = "div.wrap_detail_set h1"
    date_css = "div.wrap_detail_set div.date_detail"
    credit_css = "div.wrap_detail_set div.by"
    section_css = "div.breadcome li a"
    tags_css = "div.wrap_blok_tag li a"
    body_css = "div.artikel"
    body_skip_css = (
        "[id^='div-gpt-ad'], .ads, .pagination, div.picked-article, "
        ".detail_img_set .img_detail, .caption_detail"
    )
    image_caption_css = "div.detail_img_set .caption_detail p, div.detail_img_set figcaption"
    pages_css = ".pagination a"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.wrap_detail_set")) and bool(page.nodes(cls.body_css))

    def page_urls(self) -> list[str]:
        """``<url>-part2``, ``-part3`` ... linked from the paging bar, in page order."""
        own = link_url(self.page.url, self.page.url).partition("?")[0].rstrip("/")
        stem = _PART.sub("", own)
        parts: dict[int, str] = {}
        for href in self.page.css(f"{self.pages_css}::attr(href)").getall():
            url = link_url(href, self.page.url).partition("?")[0].rstrip("/")
            match = _PART.search(url)
            if match and url[: match.start()] == stem and url != own:
                number = int(match.group(1))
                if number > 1:
                    parts.setdefault(number, url)
        return [parts[n] for n in sorted(parts)]


class RepublikaV3(RepublikaV1):
    """The 2023 redesign (``div.max-card__title``, ``div.article-content article``)."""

    version = "republika/v3"
    headline_css = "div.max-card__title h1"
    subheadline_css = "div.max-card__title p.max-card__teaser"
    date_css = "div.date-item__headline"
    # The credit line is the title block's plain div: "Rep: Ana/ Red: Budi".
    credit_css = "div.max-card__title > div"
    section_css = "div.wrapper-breadcrumb ul.breadcrumb li a"
    tags_css = "div.tag-wrapper a, div.detail-tag a"
    body_css = "div.article-content article"
    body_skip_css = (
        "[id^='div-gpt-ad'], [id^='bn_'], .footnote-wrap, #next-article, #scroll-trigger, "
        "#loading, .artikel-content, .baca-juga-mobile"
    )
    image_caption_css = "div.max-card__image figcaption .caption-img"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and bool(page.nodes("div.max-card__title"))

    def editors(self) -> list[str]:
        # JSON-LD's "author" is the editor (the byline's "Red:"): it stands in for a missing
        # credit line.
        ld = ld_names(self.page.article_ld.get("author"))
        return super().editors() or person_names(ld, drop=self.not_people)


def listing_links(page: Page) -> list[Link]:
    """Article links of an index page (``/index/<offset>/YYYY/MM/DD``, ``/indeks``)."""
    links: dict[str, Link] = {}
    for item in page.css("ul.wrap-latest li.conten1"):
        href = item.css("a::attr(href)").get()
        if not href:
            continue
        url = link_url(href, page.url)
        if "/berita/" not in urlsplit(url).path or NOT_ARTICLE_URL.search(url):
            continue
        title = clean_text(" ".join(item.css("h3 ::text").getall())) or None
        # "Energi - 7 menit yang lalu"; the dated index prints "20 July 2026, 23:40".
        shown = clean_text(" ".join(item.css("div.date::text").getall())).lstrip("- ")
        published = parse_indonesian_datetime(shown, now=page.fetched_at) if shown else None
        links.setdefault(url, Link(url, published, title))
    return list(links.values())


#: How many items one index page lists: the next page starts that many items later.
INDEX_STEP = 50
_OFFSET = re.compile(r"/index/(\d+)(?=/|$)")


def next_index_page(page: Page) -> str | None:
    """The next page of a dated index: the offset in the path, plus one page of items. A
    page with fewer items than that is the day's last (its "Next" button posts a form)."""
    if len(page.nodes("ul.wrap-latest li.conten1")) < INDEX_STEP:
        return None
    match = _OFFSET.search(page.url)
    if not match:
        return None
    offset = int(match.group(1)) + INDEX_STEP
    return f"{page.url[: match.start(1)]}{offset}{page.url[match.end(1) :]}"


PARSERS = (RepublikaV1, RepublikaIhram, RepublikaV2, RepublikaV3)
