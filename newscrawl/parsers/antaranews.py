"""ANTARA (antaranews.com, its subsites and regional sites such as bali.antaranews.com).

Three layouts, oldest first:

- ``V1`` 2015-2017 desktop: ``h1.title``, ``div#content_news`` with text and ``<br>``,
  "Pewarta:"/"Oleh" byline above, "Editor:" and "COPYRIGHT" paragraphs inside the body.
  The 2017 JSON-LD puts the *editor* in ``author`` and junk in ``keywords``, so bylines and
  tags come from the page, not the JSON-LD.
- ``V2`` the "magz" theme (main site 2018-2023, regional sites still today): ``h1.post-title``,
  ``div.post-content`` (text and ``<br>``), ``span.article-date`` (on regional sites a
  ``time[itemprop=datePublished]`` inside ``p.simple-here``), ``ul.tags-widget``. Regional
  sites east of Java print their local zone ("14:30 WITA"); that offset is kept, also when
  the machine date says the same instant in UTC or carries a false WIB offset.
- ``V3`` today's main site and en.antaranews.com: ``div.wrap__article-detail-content``,
  breadcrumbs, ``.blog-tags``, a closing ``p.text-muted`` with "Pewarta: ... Editor: ...
  Copyright © ANTARA 2026".

ANTARA does not split articles over pages, so no version has ``pages_css``.

Shared by all three: datelines that carry a date or a wire partner ("Jakarta, Oct 18, 2018
(Antara) - ", "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -- "); the "Baca juga" links
in ``span.baca-juga`` (labelled "Related news:" on en.antaranews.com); closing credits
"Pewarta/Reporter/Penerjemah/Translator/Editor:"; the record's language from the host
(``en.`` is English).
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urlsplit

from newscrawl.dates import parse_indonesian_datetime
from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import RELATED_LABEL, is_link_list
from newscrawl.parsers.text import Block, clean_text, person_names, text_blocks, unique
from newscrawl.urls import canonical_url, join_url

_MONTH = (
    r"(?:Jan|Feb|Peb|Mar|Mrt|Apr|May|Mei|Jun|Jul|Aug|Agu|Agt|Ags|Sep|Okt|Oct|Nov|Nop|Dec|Des)"
    r"[a-z]*\.?"
)
#: The date some datelines carry after the place: "7/12", "23 Februari 2016", "Oct 18, 2018".
_DATE = (
    rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
#: "Jakarta (ANTARA) - ", "Mataram, NTB (ANTARA News) - ", "Mataram, 7/12 (Antara) - ",
#: "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -- ": the place (and region) without the
#: date. The shared dateline_pattern has no room for the region, the date or the partner.
DATELINE = re.compile(
    rf"^[\W_]*(?P<place>{_NAME}(?:,\s*(?!{_DATE}){_NAME})?)(?:,?\s*{_DATE})?,?\s*"
    r"\((?:ANTARA|Antara)(?:\s+News)?(?:/[^()]{1,30})?\)\s*[-–—]+\s*"
)
#: The credits and notices that close every ANTARA body.
STOP = (
    re.compile(r"^(?:Pewarta|Editor|Penerjemah|Translator|Reporter)\s*:", re.IGNORECASE),
    re.compile(r"^COPYRIGHT\s*(?:©|&copy;|\(c\))", re.IGNORECASE),
    re.compile(r"^Dilarang keras mengambil konten", re.IGNORECASE),
)
#: Generic SEO words the old pages append to <meta name="keywords">.
_GENERIC_KEYWORD = re.compile(r"^(?:berita\b|portal indonesia$)", re.IGNORECASE)
#: One closing credit line, or several glued into one: "Pewarta: A<br>Editor: B", "Reporter:
#: A Editor: B Copyright © ANTARA 2024".
_LABELS = r"(?:Pewarta|Reporter|Penulis|Penerjemah|Translator|Editor)"
_CREDIT = re.compile(
    rf"(?P<label>{_LABELS})\s*:\s*(?P<names>.+?)\s*(?={_LABELS}\s*:|copyright\b|©|$)",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(rf"^{_LABELS}\s*:", re.IGNORECASE)
#: en.antaranews.com labels its "Baca juga" links "Related news:".
_RELABEL = "Baca juga: "
#: An og:image that names a folder, not a picture ("http://img.antaranews.com/new").
_IMAGE_FILE = re.compile(r"/[^/]+\.\w{3,4}$")


class V1(ArticleParser):
    outlet = "antaranews"
    version = "antaranews/v1"
    domains = ("antaranews.com",)
    #: The brand, and the press-release wire's account and desk ("Pewarta: prwir").
    not_people = ("ANTARA", "Antara News", "ANTARA News", "Tim Redaksi", "PR Wire", "prwir")
    title_suffix = re.compile(r"\s*[-|]\s*ANTARA\s*News(?:\s+\w+)?\s*$", re.IGNORECASE)
    #: Galleries, videos and infographics (Indonesian and en.antaranews.com paths).
    not_article_url = re.compile(
        r"^https?://[^/]+/(?:foto|photo|video|infografis|infografik|infographics?|grafik|"
        r"podcast|tv|antaratv)(?:/|$)",
        re.IGNORECASE,
    )

    headline_css = ".bjbrt h1.title"
    date_css = ".bjbrt .date"
    author_css = ".bjbrt .byline"
    editor_css = "#content_news p.mt10"
    body_css = "div#content_news"
    image_caption_css = "#caption_news"

    dateline = DATELINE
    stop = STOP

    #: Top menu entry marked active: the section of the old desktop pages.
    menu_section_css: ClassVar[str] = "li.active > a"
    #: Microdata dates outside <meta>: ``<time itemprop="datePublished" datetime=...>``.
    published_attr_css: ClassVar[str] = (
        '[itemprop="datePublished"]:not(meta)::attr(datetime), '
        '[itemprop="datePublished"]:not(meta)::attr(content)'
    )

    def parse(self) -> dict[str, Any]:
        record = super().parse()
        host = urlsplit(record["url"]).hostname or ""
        record["language"] = "en" if host.startswith("en.") else self.language
        return record

    def check_article(self) -> None:
        super().check_article()
        # An article may embed a video; a video page has no article object.
        media = self.page.ld_of_type("ImageGallery", "VideoObject", "MediaGallery")
        if media and not self.page.article_ld:
            raise NotAnArticle(f"{self.page.url} is a photo or video page")

    # updated_at() needs both dates again: each is worked out once per parse.
    @cached_property
    def machine_published(self) -> datetime | None:
        ld = self.page.article_ld.get("datePublished")
        metas = (self.page.meta(key) for key in self.published_metas)
        attrs = self.page.nodes(self.published_attr_css)
        return self.machine_date([ld, *metas, *attrs])

    def published_at(self) -> datetime | None:
        return self._published

    @cached_property
    def _published(self) -> datetime | None:
        return _agreed(self.machine_published, self.visible_date(self.date_css))

    def updated_at(self) -> datetime | None:
        # Shown in the zone of the publication date, corrected the way it was.
        updated, published = super().updated_at(), self.published_at()
        if updated is None or published is None:
            return updated
        machine = self.machine_published
        if machine is not None and machine != published:  # a false offset
            return updated.replace(tzinfo=published.tzinfo)
        return updated.astimezone(published.tzinfo)

    def authors(self) -> list[str]:
        # The 2017 JSON-LD names the editor as author; the byline names the reporter.
        byline = person_names(self.css_texts(self.author_css), drop=self.not_people)
        return byline or super().authors()

    def section(self) -> str | None:
        # JSON-LD "News" and article:section "Indonesia" are the same on every page.
        return next(iter(self.css_texts(self.menu_section_css)), None)

    def tags(self) -> list[str]:
        own = [
            *self.page.nodes('[itemprop="keywords"]:not(meta)::text'),
            *self.page.nodes('meta[itemprop="keywords"]::attr(content)'),
        ]
        values = [v for value in own for v in value.split(",")]
        if not values:
            headline = (self.headline() or "").lower()
            values = [
                v
                for value in self.page.nodes('meta[name="keywords"]::attr(content)')
                for v in value.split(",")
                if not _GENERIC_KEYWORD.match(v.strip()) and clean_text(v).lower() != headline
            ]
        return list(unique(values))

    def images(self) -> list[dict[str, str | None]]:
        # Pages without a picture point og:image at the image host's folder.
        return [i for i in super().images() if _IMAGE_FILE.search(urlsplit(i["url"] or "").path)]


class V2(V1):
    """The "magz" theme: main site 2018-2023, regional sites today."""

    version = "antaranews/v2"

    headline_css = "h1.post-title"
    date_css = ".article-date, time[itemprop=datePublished], .simple-share span"
    #: The regional sites repeat the reporter under the article.
    author_css = '.post-meta [itemprop="author"]'
    editor_css = ""
    #: The channel link before the date ("simple-here" on some regional sites).
    section_css = ".simple-share a, .simple-here a"
    tags_css = ".tags-widget li a"
    body_css = "div.post-content"
    #: Credits (read by credits()), in-article ad slots, tag lists placed inside the body.
    body_skip_css = (
        ".text-muted, .adsbygoogle, .ads, .ads_antara_inarticle, .ads_antaranews, "
        ".blog-tags, .tags-wrapper, .tags-widget"
    )
    image_caption_css = "figure.image-overlay figcaption, .wp-caption-text"

    #: The closing "Pewarta: X<br>Editor: Y<br>COPYRIGHT" paragraph.
    credit_css: ClassVar[str] = "div.post-content p.text-muted"
    #: Inline related links: ``<span class="baca-juga"><b>Baca juga: </b><a>``.
    related_css: ClassVar[str] = ".baca-juga a::attr(href)"

    def credits(self, *labels: str) -> list[str]:
        """Names after ``label:`` in the closing credit lines ("Pewarta: A dan B")."""
        names = [names for label, names in self.credit_lines if label in labels]
        return person_names(names, drop=self.not_people)

    @cached_property
    def credit_lines(self) -> list[tuple[str, str]]:
        """(lower-case label, names) of each credit in the closing credit lines, in order.

        The lines are the credit paragraph's, or bare lines of the body (older pages).
        Authors and editors both read them: the body is walked once.
        """
        nodes = list(self.page.nodes(self.credit_css))
        nodes += [c.root for c in self.body_containers(self.page)]
        found: list[tuple[str, str]] = []
        for block in text_blocks(nodes, self.page.url):
            if not _CREDIT_LINE.match(block.text):
                continue
            for match in _CREDIT.finditer(block.text):
                found.append((match["label"].lower(), match["names"]))
        return found

    def authors(self) -> list[str]:
        # Visible credit first: the JSON-LD author has been the editor on older pages.
        # Translated stories credit the translator, who wrote the text the page shows.
        return self.credits(
            "pewarta", "reporter", "penulis", "penerjemah", "translator"
        ) or ArticleParser.authors(self)

    def editors(self) -> list[str]:
        return self.credits("editor") or super().editors()

    def section(self) -> str | None:
        # The first named crumb/label is the channel (the home crumb is an icon or "Beranda").
        first = next(iter(self.css_texts(self.section_css)), None)
        return first or ArticleParser.section(self)

    def tags(self) -> list[str]:
        return ArticleParser.tags(self)

    def body_blocks(self, page: Page) -> list[Block]:
        # "Related news:" lines and unlabelled ``.baca-juga`` link lines get the label
        # the shared body cleaner knows, so their links land in baca_juga.
        related = {
            join_url(page.url, href.strip())
            for container in self.body_containers(page)
            for href in page.css_within(container, self.related_css).getall()
        }
        return [_related_block(block, related) for block in super().body_blocks(page)]


class V3(V2):
    """Today's main site and en.antaranews.com (Bootstrap theme, ``wrap__article-detail-*``)."""

    version = "antaranews/v3"

    headline_css = ".wrap__article-detail-title h1"
    date_css = ".wrap__article-detail-info li"
    section_css = ".breadcrumbs__item a"
    tags_css = ".blog-tags li a"
    body_css = "div.wrap__article-detail-content"
    image_caption_css = (
        ".wrap__article-detail-image figcaption, .wrap__article-detail-image .wp-caption-text"
    )
    credit_css = "div.wrap__article-detail-content p.text-muted"


def _agreed(machine: datetime | None, visible: datetime | None) -> datetime | None:
    """The machine date in the zone the page prints ("14:30 WITA").

    A machine date with another offset is either the same instant (shown in the page's
    zone) or the visible wall-clock time with a false offset (given the page's offset).
    """
    if machine is None or visible is None or machine.utcoffset() == visible.utcoffset():
        return machine or visible
    if machine == visible.replace(second=machine.second):
        return machine.astimezone(visible.tzinfo)
    if machine.replace(tzinfo=None, second=0) == visible.replace(tzinfo=None, second=0):
        return machine.replace(tzinfo=visible.tzinfo)
    return machine


def _related_block(block: Block, related: set[str]) -> Block:
    """``block`` labelled "Baca juga:" if it is an unlabelled related-links line.

    ("Related news:" and the other English labels are the shared body rules' own.)
    """
    if not (
        block.links
        and not RELATED_LABEL.match(block.text)
        and all(url in related for _, url in block.links)
        and is_link_list(block)
    ):
        return block
    shift = len(_RELABEL)
    return Block(_RELABEL + block.text, block.links, [at + shift for at in block.link_offsets])


PARSERS = (V1, V2, V3)


# -- index pages -------------------------------------------------------------------

#: Cards of /terkini (main site) and article lists of the regional sites.
_CARDS = ".card__post, article.simple-post"
_CARD_LINK = ".card__post__title a, h2 a, h3 a"
_CARD_DATE = ".card__post__author-info span, .simple-share span, .simple-here span, span.text-dark"


def listing_links(page: Page) -> list[Link]:
    """Article links of a /terkini page, with the (often relative) date beside each."""
    links: list[Link] = []
    for card in page.css(_CARDS):
        href = card.css(_CARD_LINK).css("::attr(href)").get()
        if not href:
            continue
        title = clean_text(" ".join(card.css(_CARD_LINK).css("::text").getall())) or None
        when = None
        for text in card.css(_CARD_DATE).css("::text").getall():
            when = parse_indonesian_datetime(text, now=page.fetched_at)
            if when:
                break
        links.append(Link(canonical_url(href, page.url), when, title))
    return list({link.url: link for link in links}.values())


def next_page(page: Page) -> str | None:
    """The index page after this one (the pagination's "next" arrow)."""
    href = page.css(
        'ul.pagination a[rel="next"]::attr(href), ul.pagination a[aria-label="Next"]::attr(href)'
    ).get()
    return canonical_url(href, page.url) if href else None
