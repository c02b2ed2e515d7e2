"""jpnn.com (JawaPos National Network) and its regional sites (jabar.jpnn.com, sumut.jpnn.com ...).

Articles live at ``/news/<slug>`` (regional: ``/<rubrik>/<id>/<slug>``); long ones are split
into pages ``?page=2``, ``?page=3`` linked from a paging bar, with no one-page view. The page
names itself in custom metas (``jpnncom_news_author``, ``jpnncom_news_pubdate`` = "31 Oktober
2026 10:05", WIB) beside OpenGraph; the text is the ``itemprop=articleBody`` container
(``#konten-artikel`` in the 2016-19 template), opening with "jpnn.com, JAKARTA - " and ending
with the desk code "(mcr8/jpnn)"; "BACA JUGA:" boxes sit between paragraphs; the credit line
reads "Redaktur : Boy" and "Reporter : Ken Girsang".
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from newscrawl.parsers.base import ArticleParser, in_stated_zone
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.credits import credits
from newscrawl.parsers.text import person_names, unique
from newscrawl.urls import link_url

#: Photo and video desks: galleries, not articles.
NOT_ARTICLE_URL = re.compile(r"^https?://(?:foto|video)\.jpnn\.com/|/(?:foto|video)/", re.I)
#: Article paths: ``/news/<slug>``, regional ``/<rubrik>/<id>/<slug>``.
ARTICLE_PATH = r"^/(?:news/[a-z0-9-]{8,}|[a-z0-9-]+/\d{3,}/[a-z0-9-]{8,})/?$"


class JpnnV1(ArticleParser):
    """The jpnn.com article template (metas first, ``itemprop=articleBody``)."""

    outlet = "jpnn"
    version = "jpnn/v1"
    domains = ("jpnn.com",)
    not_people = ("JPNN", "JPNN.com", "jpnn", "Tim JPNN", "Redaksi JPNN")
    title_suffix = re.compile(r"\s*[|-]\s*JPNN(?:\.com)?\s*$", re.IGNORECASE)
    not_article_url = NOT_ARTICLE_URL
    drop_url_params = ("page",)

    # The article's own heading (a logo may be the page's first h1); og:title after it.
    headline_css = "div.page-content h1, div.artikel h1, h1.judul"
    date_css = ".date-publish, span.date, div.tanggal"
    credit_css = ".page-content .redaktur, .page-content .editor, .page-content .reporter"
    section_css = "ul.breadcrumb li a, .breadcrumb a"
    tags_css = ".page-content .tags a, .tag-list a"
    body_css = "div[itemprop='articleBody'], #konten-artikel"
    body_skip_css = (
        "[id^='div-gpt-ad'], ins.adsbygoogle, .ads, .pagination, .tags, .top-medsos, "
        ".creator-medsos, .redaktur, .editor, .reporter, figure figcaption"
    )
    image_caption_css = ".page-content .photo figcaption, .page-content .caption"
    pages_css = ".pagination a"
    dateline = dateline_pattern(brand=r"(?:[A-Za-z]+\.)?[Jj][Pp][Nn][Nn]\.com")

    def published_at(self) -> datetime | None:
        machine = self.machine_date([self.page.meta("jpnncom_news_pubdate")])
        if machine is not None:
            return in_stated_zone(machine, self.visible_date(self.date_css))
        return super().published_at()

    def credit_lines(self) -> list[str]:
        return self.css_texts(self.credit_css)

    def authors(self) -> list[str]:
        shown = credits(self.credit_lines())["rep"]
        meta = self.page.meta("jpnncom_news_author")
        return person_names(shown or [meta], drop=self.not_people) or super().authors()

    def editors(self) -> list[str]:
        return person_names(credits(self.credit_lines())["red"], drop=self.not_people)

    def section(self) -> str | None:
        crumbs = [
            c for c in self.css_texts(self.section_css) if c.lower() not in ("home", "beranda")
        ]
        return crumbs[-1] if crumbs else super().section()

    def tags(self) -> list[str]:
        return list(unique(self.css_texts(self.tags_css))) or super().tags()

    def page_urls(self) -> list[str]:
        """``?page=2``, ``?page=3`` of this article from the paging bar, in order."""
        own = urlsplit(link_url(self.page.url, self.page.url))
        if parse_qs(own.query).get("page", ["1"])[0] not in ("", "1"):
            return []  # a later page: the first one listed them all
        pages: dict[int, str] = {}
        for href in self.page.css(f"{self.pages_css}::attr(href)").getall():
            url = urlsplit(link_url(href, self.page.url))
            number = parse_qs(url.query).get("page", [""])[0]
            if url.path == own.path and number.isdigit() and int(number) > 1:
                pages.setdefault(int(number), url.geturl())
        return [pages[n] for n in sorted(pages)]


PARSERS = (JpnnV1,)
