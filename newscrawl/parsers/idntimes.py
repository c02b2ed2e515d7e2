"""idntimes.com and its regional editions (jatim., jabar., bali.idntimes.com ...).

Article URLs are ``/<section>/<subsection>/<author handle>/<slug>`` (to 2024) and
``/<section>/<subsection>/<slug>-00-<code>-<code>`` since the 2025 redesign.

- v1 (to 2024): server-rendered. ``h1.title-text`` over ``div.excerpt``; the date only in the
  breadcrumb as "09 Aug 21 | 07:44" (a two-digit year) and in the analytics config
  (``pubdate: "2021-08-09T07:44:00+07:00"``); the text in ``article#article-content``, long
  (list) articles split into ``div.split-page`` sections that are all in the document, with
  "Editor's picks" boxes and ad slots between them; pictures in ``div.embed-image`` with their
  credit in ``span.main-article-source``; topics in ``div.content-post-topic``; the editor in
  the "Editorial Team" box. "Baca Juga" links carry their label inside the link text.
- v2 (2025 redesign, Next.js): JSON-LD ``NewsArticle`` (authors, dates with +07:00, keywords)
  and a ``WebPage`` with the breadcrumb; ``data-testid`` hooks on the title, author and date;
  the text in ``#article-description`` as ``p.article-text`` paragraphs; topics in ``#tag-list``.

The text opens with "Jakarta, IDN Times - ".
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, in_stated_zone
from newscrawl.parsers.body import RELATED_LABEL, dateline_pattern
from newscrawl.parsers.text import Block, clean_text, person_names, unique
from newscrawl.urls import canonical_url, link_url

#: "09 Aug 21 | 07:44": the v1 breadcrumb prints the year in two digits.
_SHORT_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{2})\s*\|?\s*(\d{1,2}[:.]\d{2})")
#: The analytics config of v1 pages: ``pubdate: "2021-08-09T07:44:00+07:00"``.
_CONFIG_PUBDATE = re.compile(r"""\bpubdate\s*:\s*["']([^"']+)["']""")
#: Keywords that are CMS placeholders, not topics.
_PLACEHOLDER_TAGS = frozenset({"update me"})


def label_outside_link(blocks: list[Block]) -> list[Block]:
    """IDN Times puts "Baca Juga:" inside the link (``<a><strong>Baca Juga: Title</strong>``):
    the link's title is what follows the label, so the label reads as a label."""
    fixed = []
    for block in blocks:
        links = []
        for title, url in block.links:
            label = RELATED_LABEL.match(title)
            links.append((title[label.end() :].strip(), url) if label else (title, url))
        if links != block.links:
            offsets = [block.text.rfind(title) if title else len(block.text) for title, _ in links]
            block = Block(block.text, links, offsets)
        fixed.append(block)
    return fixed


class IdnTimesV1(ArticleParser):
    """The server-rendered layout to 2024 (``article#article-content``)."""

    outlet = "idntimes"
    version = "idntimes/v1"
    domains = ("idntimes.com",)
    not_people = ("IDN Times", "idntimes", "idntimes.com", "Tim IDN Times")
    title_suffix = re.compile(r"\s*[|-]\s*IDN Times(?:\s+\w+)?\s*$", re.IGNORECASE)

    headline_css = "h1.title-text"
    subheadline_css = "section.content-post div.excerpt"
    date_css = "ol.breadcrumb time.date"
    author_css = "div.box-information div.author-name a"
    section_css = "ol.breadcrumb li a, ol.breadcrumb li.active"
    tags_css = "div.content-post-topic a"
    body_css = "article#article-content"
    body_skip_css = (
        ".inarticle-ads, .editors-pick, .show-page, [id^='div-gpt-ad'], "
        "span.main-article-source, .read-more-btn-check"
    )
    image_caption_css = "section.content-post div.featured-image span"
    dateline = dateline_pattern(brand=r"IDN\s*Times")

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and bool(page.nodes(cls.headline_css))

    def published_at(self) -> datetime | None:
        machine = self.machine_date([self.config_pubdate()]) or super().published_at()
        return in_stated_zone(machine, self.shown_date())

    def config_pubdate(self) -> str | None:
        for script in self.page.css("script:not([src])::text").getall():
            match = _CONFIG_PUBDATE.search(script)
            if match:
                return match.group(1)
        return None

    def shown_date(self) -> datetime | None:
        for text in self.css_texts(self.date_css):
            match = _SHORT_YEAR.match(text)
            if match:
                day, month, year, clock = match.groups()
                text = f"{day} {month} 20{year} {clock}"
            found = parse_indonesian_datetime(text, default_tz=self.timezone)
            if found:
                return found
        return None

    def editors(self) -> list[str]:
        names = []
        for person in self.page.css("ul.content-post-editorial-full li"):
            role = clean_text(" ".join(person.css(".content-post-name span::text").getall()))
            if role.lower().startswith("editor"):
                names.append(
                    clean_text(" ".join(person.css(".content-post-name a::text").getall()))
                )
        return person_names(names, drop=self.not_people)

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.lower() != "home"]
        return crumbs[-1] if crumbs else super().section()

    def body_blocks(self, page: Page) -> list[Block]:
        return label_outside_link(super().body_blocks(page))

    def body_images(self) -> list[dict[str, str | None]]:
        found: list[dict[str, str | None]] = []
        for box in self.page.css(f"{self.body_css} div.embed-image"):
            src = box.css("img::attr(data-src), img::attr(src)").get()
            if src and not src.startswith("data:"):
                caption = clean_text(" ".join(box.css("span.main-article-source ::text").getall()))
                found.append({"url": canonical_url(src, self.page.url), "caption": caption or None})
        return found


class IdnTimesV2(IdnTimesV1):
    """The 2025 redesign: JSON-LD first, ``data-testid`` hooks, ``p.article-text``."""

    version = "idntimes/v2"
    headline_css = '[data-testid="title-article"], h1'
    subheadline_css = ""
    date_css = '[data-testid="publish-date-article"]'
    author_css = '[data-testid^="author-article"]'
    section_css = ""
    tags_css = "#tag-list a"
    body_css = "#article-description"
    body_skip_css = (
        ".wrapper-ads, [id^='div-gpt-ad'], [data-testid*='ads'], figure figcaption, "
        "[data-testid='related-article']"
    )
    image_caption_css = '[data-testid="featured-image"] figcaption'

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("#article-description p.article-text"))

    def published_at(self) -> datetime | None:
        return ArticleParser.published_at(self)

    def editors(self) -> list[str]:
        return ArticleParser.editors(self)

    def section(self) -> str | None:
        """The breadcrumb of the ``WebPage`` JSON-LD: its last item ("Indonesia")."""
        for item in self.page.ld_of_type("WebPage"):
            crumb = item.get("breadcrumb")
            elements = crumb.get("itemListElement") if isinstance(crumb, dict) else None
            names = [
                clean_text(str((e.get("item") or {}).get("name") or e.get("name") or ""))
                for e in elements or []
                if isinstance(e, dict)
            ]
            names = [n for n in names if n and n.lower() != "home"]
            if names:
                return names[-1]
        return ArticleParser.section(self)

    def tags(self) -> list[str]:
        shown = self.css_texts(self.tags_css)
        found = list(unique(shown)) or ArticleParser.tags(self)
        return [tag for tag in found if tag.lower() not in _PLACEHOLDER_TAGS]

    def body_images(self) -> list[dict[str, str | None]]:
        return ArticleParser.body_images(self)


#: Article paths: a section, a subsection, then (to 2024) the author's handle and the slug,
#: or (since 2025) a slug ending in two codes.
ARTICLE_PATH = (
    r"^/[a-z-]+/[a-z0-9-]+/(?:[a-z0-9-]+/[a-z0-9-]{8,}|[a-z0-9-]+-[a-z0-9]{5}-[a-z0-9]{6})/?$"
)
_ARTICLE = re.compile(ARTICLE_PATH)


def listing_links(page: Page) -> list[Link]:
    """The article cards of a section page (``/news``): a link around the card title, its
    publication time ("31 Oct 2026, 13:45 WIB") beside the link."""
    links: dict[str, Link] = {}
    for title in page.css('h2[data-cy="ds-card-article-title"]'):
        anchor = title.xpath("ancestor::a[1]")
        href = anchor.attrib.get("href") if anchor else None
        if not href:
            continue
        url = link_url(href, page.url)
        if not _ARTICLE.match(urlsplit(url).path):
            continue
        card = anchor.xpath("..")
        shown = clean_text(
            " ".join(card.css('[data-cy="ds-card-article-pubdate"] ::text').getall())
        )
        published = parse_indonesian_datetime(shown, now=page.fetched_at) if shown else None
        links.setdefault(
            url, Link(url, published, clean_text(" ".join(title.css("::text").getall())))
        )
    return list(links.values())


PARSERS = (IdnTimesV1, IdnTimesV2)
