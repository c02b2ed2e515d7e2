"""nusadaily.com: a WordPress news site until it moved to the Varient CMS (2.x, then 3).

Varient (CodeIgniter) renders the same post fields in both of its themes
("classic": ``h1.title`` + ``div.post-summary h2``; "magazine", what nusadaily
serves: ``h1.post-title`` + ``h2.post-summary``), so one version covers both.
The body is ``div.post-text``, into which Varient inserts ad spaces
(``div.container-bn``) after chosen paragraphs.
"""

from __future__ import annotations

import re

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import unique
from newscrawl.urls import link_url


class NusadailyWordPress(ArticleParser):
    """The WordPress era (until about 2021): entry-title, entry-content, rel=tag."""

    outlet = "nusadaily"
    version = "nusadaily/v1"
    domains = ("nusadaily.com",)
    not_people = ("nusadaily", "nusadaily.com", "redaksi", "admin", "tim redaksi")
    title_suffix = re.compile(r"\s*[|\-–]\s*Nusadaily(?:\.com)?\s*$", re.IGNORECASE)

    headline_css = "h1.entry-title, h1.tdb-title-text"
    date_css = "time.entry-date, .td-post-date time, .posted-on time"
    updated_css = "time.updated"
    author_css = ".td-post-author-name a, .author-name, .byline .author a, a[rel=author]"
    section_css = ".entry-crumbs a, .td-category a, .cat-links a"
    tags_css = ".td-tags a, .tags-links a, a[rel=tag]"
    body_css = "div.td-post-content, div.entry-content"
    body_skip_css = (
        ".wp-caption, .sharedaddy, .jp-relatedposts, .yarpp-related, .code-block, "
        ".td-a-rec, .addtoany_share_save_container, .td-post-sharing, .crp_related"
    )
    image_caption_css = ".td-post-featured-image figcaption, .wp-caption-text"
    dateline = dateline_pattern(brand=r"NUSADAILY\.COM")

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and not page.nodes("div.post-text")


class NusadailyVarient(NusadailyWordPress):
    """The Varient CMS (since about 2021)."""

    version = "nusadaily/v2"
    headline_css = "h1.post-title, .post-content h1.title"
    subheadline_css = "h2.post-summary, div.post-summary h2"
    # The first date span is the publication; an update has its own span after it.
    date_css = ".item-meta-date span, .post-details-meta-date span.sp-left"
    updated_css = ".post-details-meta-date span.sp-post-update-date"
    author_css = ".item-meta-author span, .post-author-meta a"
    section_css = "ol.breadcrumb li.breadcrumb-item a"
    tags_css = ".post-tags li a"
    body_css = "div.post-text"
    body_skip_css = ".container-bn, .bn-content, .adsbygoogle, .img-description, .post-files"
    image_caption_css = ".post-image figcaption.img-description"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes("div.post-content")) and bool(page.nodes(cls.headline_css))

    def tags(self) -> list[str]:
        # Varient fills JSON-LD "keywords" with SEO keywords (often the title's words);
        # the editors' tags are the post-tags list.
        return list(unique(self.css_texts(self.tags_css))) or super().tags()

    def check_article(self) -> None:
        super().check_article()
        # Varient post types other than "article" render their own blocks.
        if self.page.css(".gallery-post-item, .post-sorted-list, .quiz-container"):
            raise NotAnArticle(f"{self.page.url} is a Varient gallery/list/quiz post")
        if self.page.ld_of_type("VideoObject") and not self.page.article_ld:
            raise NotAnArticle(f"{self.page.url} is a Varient video post")


class NusadailyVarient3(NusadailyVarient):
    """Varient 3: the body moved to ``div.entry-content``; an update shows as "N jam yang lalu"."""

    version = "nusadaily/v3"
    body_css = "div.post-content div.entry-content"
    # The second date block says "Diperbarui: 3 jam yang lalu": relative to the fetch.
    updated_css = "div.item-meta-date + div.item-meta-date span"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.body_css)) and bool(page.nodes(cls.headline_css))


_CARD = "div.post-item"


def listing_links(page: Page) -> list[Link]:
    """Article links and dates on a Varient category, tag or search page."""
    links = []
    for card in page.css(_CARD):
        href = card.css("h3.title a::attr(href)").get()
        if not href:
            continue
        shown = " ".join(card.css("p.post-meta span::text").getall())
        published = parse_indonesian_datetime(shown, now=page.fetched_at)
        title = " ".join(card.css("h3.title a::text").getall()).strip() or None
        links.append(Link(link_url(href, page.url), published, title))
    return links


def category_pages(page: Page) -> list[str]:
    """The category and sub-category listings a Varient home page's menu links to."""
    hrefs = page.css(
        "li.nav-item-category > a.nav-link::attr(href), a.link-sub-category::attr(href)"
    ).getall()
    return [link_url(href, page.url) for href in dict.fromkeys(hrefs)]


def next_listing_page(page: Page) -> str | None:
    """The next page of a Varient listing (its pagination's "next" link)."""
    href = page.css(
        "ul.pagination li.page-item.active + li.page-item a::attr(href), "
        "ul.pagination a[rel=next]::attr(href)"
    ).get()
    return link_url(href, page.url) if href else None


PARSERS = (NusadailyWordPress, NusadailyVarient, NusadailyVarient3)
