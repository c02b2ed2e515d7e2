"""suara.com and its city sites (jogja., jakarta., bali., ...): article URLs
``/<kanal>/YYYY/MM/DD/HHMMSS/<slug>``.

Layouts, oldest first:

- ``suara/v1``: the 2015-2017 pages: ``div.kanal-detail`` with the lead photo, the
  ``h1[itemprop=headline]``, the deck in ``h4[itemprop=articleSection]`` and a line
  "<author>Editor</author> : <time>19 Jun 2015 | 13:06</time>"; the text in
  ``div#contentImageCaption``, closed by the reporter's name in parentheses; tags in
  ``div.tagDetailList``.
- ``suara/v2``: today's pages: JSON-LD NewsArticle (people, dates), the text in
  ``div.article-content`` with a "10 detik" summary box, ad slots and "Baca Juga" lists;
  long articles continue on ``?page=2``... (``ul.pagination-custom``), merged in order.

Photo, video and infographic pages are not articles.
"""

from __future__ import annotations

import re
from functools import cached_property

from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import Body, dateline_pattern
from newscrawl.parsers.crumbs import ld_section
from newscrawl.parsers.signoff import take_trailing_name
from newscrawl.parsers.text import person_names, unique

_NOT_ARTICLE_URL = re.compile(
    r"^https?://[^/]*suara\.com/(?:foto|video|videos|infografis|tv|photo)/", re.IGNORECASE
)
#: "Suara.com - ", "SuaraJogja.id - ", "Suara.com, Jakarta - ".
_BRAND = r"(?i:suara(?:\.com|[a-z]+\.id)?)"


class SuaraV1(ArticleParser):
    """The 2015-2017 pages."""

    outlet = "suara"
    version = "suara/v1"
    domains = ("suara.com",)
    not_people = ("suara", "suara.com", "tim suara", "redaksi suara")
    drop_url_params = ("page",)
    title_suffix = re.compile(r"\s*[-|]\s*Suara(?:\.com|[a-z]+\.id)?\s*$", re.IGNORECASE)
    not_article_url = _NOT_ARTICLE_URL
    dateline = dateline_pattern(brand=_BRAND)

    headline_css = "div.kanal-detail h1"
    subheadline_css = "div.kanal-detail h4[itemprop=articleSection]"
    date_css = "div.dateDetail2 time"
    author_css = "div.dateDetail2 author"
    section_css = "div.breadcrumbs a"
    tags_css = "div.tagDetailList a"
    body_css = "div#contentImageCaption"
    body_skip_css = "div.adunit, div.fr, script"
    image_caption_css = "div.kanal-detail div.captionImg figcaption"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and bool(page.nodes("div.dateDetail2"))

    def headline(self) -> str | None:
        return self.css_text(self.headline_css) or super().headline()

    def tags(self) -> list[str]:
        shown = [t.lstrip("#").strip() for t in self.css_texts(self.tags_css)]
        return list(unique(shown)) or super().tags()

    @cached_property
    def signed_body(self) -> tuple[Body, str | None]:
        """The body without the reporter's name closing it ("... Denpasar. (Luh Wayanti)"),
        and the name."""
        body = super().body()
        return body, take_trailing_name(body)

    def body(self) -> Body:
        return self.signed_body[0]

    def authors(self) -> list[str]:
        # A contributor's story closes with their name; the byline is then the desk editor
        # who wrote it up in Jakarta.
        reporter = self.signed_body[1]
        if reporter:
            return person_names([reporter], drop=self.not_people)
        return super().authors()

    def editors(self) -> list[str]:
        if self.signed_body[1]:
            return super().authors()
        return super().editors()


class SuaraV2(SuaraV1):
    """Today's pages (``div.article-content``)."""

    version = "suara/v2"
    headline_css = "div.detail-content h1, article.detail-content h1"
    subheadline_css = ""
    date_css = "div.detail-content div.article-image span, div.detail-content .date"
    author_css = "div.detail-content .author-trigger a, a.author-trigger"
    section_css = ""
    tags_css = "div.article-tags a, div.tag-list a"
    body_css = "div.article-content"
    body_skip_css = (
        "div.ten-second, div[class^=placeholder_], div[id^=div-ad], div.widget-ads3, "
        "div.next-article, script"
    )
    image_caption_css = "div.detail-content figure figcaption, div.article-image figcaption"
    pages_css = "ul.pagination-custom li a"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css))

    def headline(self) -> str | None:
        return ArticleParser.headline(self)

    def section(self) -> str | None:
        found = ld_section(self.page, brands=("suara.com",))
        if found:
            return found
        # The kanal is the URL's first segment: /news/2026/10/31/...
        kanal = re.match(r"^https?://[^/]+/([a-z-]+)/\d{4}/", self.page.url)
        return ArticleParser.section(self) or (kanal.group(1).title() if kanal else None)


PARSERS: tuple[type[ArticleParser], ...] = (SuaraV1, SuaraV2)
