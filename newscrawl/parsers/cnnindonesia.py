"""CNN Indonesia (www.cnnindonesia.com): the Tailwind layout seen 2023-2025 (assets v12.x).

Article URLs are ``/<kanal>/<YYYYMMDDhhmmss>-<subkanal>-<id>/<slug>``; long articles go
on at ``.../<slug>/2``, ``.../<slug>/3``. The dated index
``/indeks?date=YYYY/MM/DD`` lists ten items a page with times like "10 menit yang lalu".
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from newscrawl.dates import JAKARTA, parse_indonesian_datetime
from newscrawl.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import clean_text
from newscrawl.urls import host_matches, link_url

DOMAINS = ("cnnindonesia.com",)

#: Kanal slugs of the URL path and the names the site prints for them (index kanal menu).
KANALS = {
    "nasional": "Nasional",
    "internasional": "Internasional",
    "ekonomi": "Ekonomi",
    "olahraga": "Olahraga",
    "teknologi": "Teknologi",
    "otomotif": "Otomotif",
    "edukasi": "Edukasi",
    "hiburan": "Hiburan",
    "gaya-hidup": "Gaya Hidup",
}

_ARTICLE_PATH = re.compile(r"^/[a-z-]+/(?P<stamp>\d{14})-\d+-\d+/[^/]+")
# Galleries, videos and infographics keep the article URL shape; only the title says so.
_NOT_ARTICLE_TITLE = re.compile(r"^\s*(?:VIDEO|FOTO|INFOGRAFIS|SMASHOT)\s*:", re.IGNORECASE)


class CnnIndonesiaV1(ArticleParser):
    outlet = "cnnindonesia"
    version = "cnnindonesia/v1"
    domains = DOMAINS
    not_people = ("CNN Indonesia", "CNNIndonesia", "CNN Indonesia TV", "Tim CNN Indonesia")
    title_suffix = re.compile(r"\s*[|-]\s*CNN\s*Indonesia\s*$", re.IGNORECASE)
    # CNN TV and the video embed player never carry article text.
    not_article_url = re.compile(r"^https?://(?:www\.)?cnnindonesia\.com/(?:tv|embed)/")

    headline_css = "h1"
    date_css = "div.text-cnn_grey.text-sm"
    tags_css = "div.w-leftcontent div.flex.flex-wrap.gap-3 a[href*='/tag/']"
    body_css = "div.detail-text"
    # .paradetail is the ADVERTISEMENT / SCROLL TO CONTINUE WITH CONTENT ad slot.
    body_skip_css = ".paradetail, .para_caption, [id^='div-gpt-ad'], a[dtr-evt='halaman']"
    image_caption_css = ".detail-image figcaption"
    dateline = dateline_pattern(brand=r"CNN\s*Indonesia")

    def check_article(self) -> None:
        super().check_article()
        if _NOT_ARTICLE_TITLE.match(self.headline() or ""):
            raise NotAnArticle(f"{self.page.url} is a CNN Indonesia gallery, video or infographic")

    def section(self) -> str | None:
        kanal = urlsplit(self.page.url).path.strip("/").split("/")[0]
        return super().section() or KANALS.get(kanal)

    def page_urls(self) -> list[str]:
        """Later pages are the article URL plus ``/2``, ``/3``: found by shape, not by widget."""
        base = link_url(self.page.url, self.page.url).rstrip("/")
        pages: dict[int, str] = {}
        for href in self.page.sel.css("a::attr(href)").getall():
            url = link_url(href, self.page.url)
            number = url.removeprefix(base + "/")
            if url.startswith(base + "/") and number.isdigit() and int(number) > 1:
                pages.setdefault(int(number), url)
        return [pages[n] for n in sorted(pages)]


def listing_links(page: Page) -> list[Link]:
    """Article links of an index page (``/indeks``), with the times printed beside them.

    Relative times ("29 menit yang lalu") resolve against ``page.fetched_at``. The items
    are ``<article>`` elements of the left column; the menus' skeleton items link to "#".
    """
    # The page's own host too, so a local copy of the site (-a base_url=...) works.
    hosts = (*DOMAINS, urlsplit(page.url).hostname or "cnnindonesia.com")
    links: dict[str, Link] = {}
    for item in page.sel.css("div.w-leftcontent article"):
        href = item.css("a::attr(href)").get()
        url = link_url(href, page.url) if href else ""
        if not host_matches(url, hosts) or not _ARTICLE_PATH.match(urlsplit(url).path):
            continue
        when = " ".join(item.css("span.text-cnn_black_light3::text").getall())
        title = clean_text(" ".join(item.css("h2 ::text").getall())) or None
        published = parse_indonesian_datetime(when, now=page.fetched_at)
        links.setdefault(url, Link(url, published, title))
    return list(links.values())


def created_at(url: str) -> datetime | None:
    """When the article was created, from the URL stamp (it is published minutes or days later)."""
    match = _ARTICLE_PATH.match(urlsplit(url).path)
    if not match:
        return None
    try:
        return datetime.strptime(match["stamp"], "%Y%m%d%H%M%S").replace(tzinfo=JAKARTA)
    except ValueError:
        return None


def next_index_page(page: Page) -> str | None:
    """The index's "halaman selanjutnya" (next page) link, if there is one, as printed."""
    href = page.sel.css('a[dtr-act="halaman selanjutnya"]::attr(href)').get()
    return urljoin(page.url, href.strip()) if href else None


PARSERS = (CnnIndonesiaV1,)
