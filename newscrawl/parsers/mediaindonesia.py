"""Media Indonesia (mediaindonesia.com): two layouts.

- ``mediaindonesia/v1``: the ``/read/detail/<id>-<slug>`` pages (about 2017-2021): the text in
  ``div[itemprop=articleBody]`` (Dable recommendation placeholders inside), the date line
  ``span.meta`` "Pada: Kamis, 29 Nov 2018, 17:19 WIB".
- ``mediaindonesia/v2``: today's ``/<kanal>/<id>/<slug>`` pages: ``section.detail`` with the
  ``h1``, ``div.author-2`` (a reporter, or the brand), ``span.datetime`` "22/10/2025 06:59"
  (WIB, day/month without zero padding on the month) and ``div.article``; "Baca juga"
  paragraphs ``p.related-news``, an AMP "flying carpet" ad inside the first paragraph, the
  Google News/WhatsApp promo ``div.ext-channel`` and the editor line ``div.info-author``
  after the text.

The JSON-LD ``author`` is the desk editor's account (``/author/<id>/<name>``); it is what the
site declares as the author and what the reference records of these pages name. Editor codes
such as "(H-4)" or "(Ant/P-2)" end the last paragraph; they carry a hyphen and stay text.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from newscrawl.discover.discovery import Link, card_links, outlet_articles
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import person_names, unique

DOMAINS = ("mediaindonesia.com",)
#: The index lists this many cards a page; its pages are offsets in the path.
INDEX_PAGE_SIZE = 20
_INDEX_PAGE = re.compile(r"(?P<listing>/indeks)(?:/\d+/(?P<offset>\d+))?")
#: Article paths: ``/ekonomi/822959/slug`` today, ``/read/detail/150718-slug`` before.
ARTICLE_PATH = r"^/(?:[a-z-]+/\d{4,}/[\w-]+|read/detail/\d+-)"


class MediaIndonesiaV1(ArticleParser):
    """The ``/read/detail/`` layout: ``itemprop=articleBody`` and the "Pada: ..." date line."""

    outlet = "mediaindonesia"
    version = "mediaindonesia/v1"
    domains = DOMAINS
    not_people = ("Media Indonesia", "mediaindonesia.com", "mediaindonesia", "MI", "Redaksi")
    title_suffix = re.compile(r"\s*[|-]\s*Media\s*Indonesia(?:\.com)?\b.*$", re.IGNORECASE)
    # Video, photo and e-paper pages keep the site chrome but no article.
    not_article_url = re.compile(
        r"^https?://(?:www\.)?mediaindonesia\.com/(?:video|galleries|foto|infografis|epaper)/"
    )

    headline_css = "h1"
    date_css = "span.meta"
    author_css = "span.author, div.author"
    section_css = "ol.breadcrumb li a, ul.breadcrumb li a"
    tags_css = "div.tags a, ul.tags a"
    body_css = "div[itemprop=articleBody]"
    body_skip_css = ".dable_placeholder, .dfp-ad, .ads, [id^='div-gpt-ad']"
    image_caption_css = "figure figcaption, div.caption"
    dateline = dateline_pattern(brand=r"(?:mediaindonesia\.com|MI|Media\s+Indonesia)")

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and not page.nodes("section.detail div.article")

    def authors(self) -> list[str]:
        """The JSON-LD author (the site's account for the piece), else the byline."""
        ld = ld_names(self.page.article_ld.get("author"))
        names = person_names(ld, drop=self.not_people)
        return names or person_names(self.css_texts(self.author_css), drop=self.not_people)

    def tags(self) -> list[str]:
        """The keywords meta (the JSON-LD has none), else the tag list under the text."""
        keywords = (self.page.meta("news_keywords", "keywords") or "").split(",")
        shown = (t.lstrip("#") for t in self.css_texts(self.tags_css))
        return list(unique(keywords)) or list(unique(shown))

    def updated_at(self) -> datetime | None:
        # The CMS sometimes writes a dateModified seconds *before* datePublished (the
        # minute the editor opened the piece): no update then.
        updated, published = super().updated_at(), self.published_at()
        return updated if updated and published and updated > published else None


class MediaIndonesiaV2(MediaIndonesiaV1):
    """Today's layout: ``section.detail`` with ``div.article``."""

    version = "mediaindonesia/v2"
    headline_css = "section.detail .post-header h1"
    date_css = "section.detail .info span.datetime"
    author_css = "section.detail .info div.author-2"
    editor_css = "div.article div.info-author a.author"
    section_css = "ul.mi-breadcrumb li a"
    tags_css = "ul.related-tags li a"
    body_css = "section.detail div.article"
    body_skip_css = ", ".join(
        (
            ".flying-carpet",  # the AMP parallax ad the CMS puts inside the first paragraph
            ".ext-channel",  # "Cek berita dan artikel yg lain di Google News ..."
            ".info-author",  # "Editor : Name"
            "._ap_apex_ad",
            ".dfp-ad",
            "[id^='div-gpt-ad']",
        )
    )
    image_caption_css = "section.detail div.article figure.main-img figcaption"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css))


def listing_links(page: Page) -> list[Link]:
    """Article links of an index, kanal or search page (``ul.list-3`` cards), with the date
    each card prints ("08/1/2026 17:03", WIB)."""

    return card_links(
        page,
        "ul.list-3 li div.text",
        "h3 a::attr(href)",
        "h3 a ::text",
        "span::text",
        keep=outlet_articles(DOMAINS, ARTICLE_PATH),
    )


def next_index_page(page: Page) -> str | None:
    """The index's next page: its path carries the page size and the offset
    (``/indeks`` -> ``/indeks/20/20`` -> ``/indeks/20/40``), as the site's pager builds it."""
    parts = urlsplit(page.url)
    match = _INDEX_PAGE.fullmatch(parts.path.rstrip("/"))
    if not match:
        return None
    offset = int(match["offset"] or 0) + INDEX_PAGE_SIZE
    path = f"{match['listing']}/{INDEX_PAGE_SIZE}/{offset}"
    return urlunsplit(parts._replace(path=path))


PARSERS = (MediaIndonesiaV1, MediaIndonesiaV2)
