"""tirto.id: flat article URLs ``https://tirto.id/<slug>-<4-character code>``.

Both layouts keep the text in ``div.content-text-editor`` (paragraphs, ``h2`` subheads, lists,
"Baca juga:" boxes in ``div.baca-holder``, Revive and GPT ad slots, ``figcaption`` credits after
inline pictures) and open it with "tirto.id - ".

- v1 (to 2023): the text ends in Tirto's own footer: "Baca juga artikel terkait <topic> atau
  tulisan lainnya dari <author>", the rubric "(tirto.id - Politik)" and the credit lines
  "Reporter: ..", "Penulis: ..", "Editor: ..": the footer is no text, its credits name the
  people. Dates come from JSON-LD or the page's metas.
- v2 (2024 redesign, today): no article JSON-LD; ``h1.article-title`` over the kicker
  (``p.kicker``), the byline (``a.reporter-name``, ``article:author``) and "Terbit 24 Jul 2026
  11:00 WIB"; ``article:modified_time`` without a zone ("2026-07-24 14:12:07", WIB); the
  breadcrumb in ``div.breadcrumbs-wrapper``. Its ``news_keywords`` restate rubric names
  ("bisnis tirto", "insider") beside the real topics.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawl.discover.discovery import Link, card_links
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.credits import credits
from newscrawl.parsers.text import clean_text, person_names, text_blocks, unique
from newscrawl.urls import canonical_url

#: Flat article paths: words, then a 4-character code.
ARTICLE_PATH = r"^/[a-z0-9]+(?:-[a-z0-9]+)+-[a-zA-Z0-9]{4}$"
_ARTICLE = re.compile(ARTICLE_PATH)
#: Rubric and desk pages whose slug looks like an article's.
NOT_ARTICLE_URL = re.compile(
    r"^https?://(?:www\.)?tirto\.id/(?:pikir-dua-kali|bisnis-tirto|visual-tirto|rilis-pers)/?$"
)
#: Tirto's footer: "Baca juga artikel terkait X atau tulisan (menarik) lainnya (dari) Y".
_FOOTER = re.compile(
    r"^\W*baca juga artikel terkait\b.{0,200}\batau tulisan (?:menarik )?lainnya\b", re.I
)
#: The rubric line "(tirto.id - Politik)" and the credit lines at the end of the text.
_RUBRIC = re.compile(r"^\(\s*tirto\.id\s*[-–]\s*[^()]{1,60}\)$", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^(?:Reporter|Penulis|Editor|Penyunting|Kontributor)\s*:\s*\S.{0,120}$", re.IGNORECASE
)
#: Rubric names that ``news_keywords`` repeats among the topics.
RUBRICS = frozenset(
    "latest news,latest sc,news,bisnis,bisnis tirto,visual,visual tirto,kueri,inception,"
    "periksa fakta,flash news,news plus,decode,mozaik,horizon,miroso,perspektif,"
    "wawancara khusus,insider,side job,sidejob,gearbox,byte,edusains,gws,tirtoeco,video,"
    "vidpro,video youtube,esai foto,infografik,weekly,tirto weekly,ekonomi,politik,hukum,"
    "sosial budaya,mild report,mesin waktu,aktual dan tren,binar,siswa,umum".split(",")
)


class TirtoV1(ArticleParser):
    """The layout to 2023: ``div.content-text-editor`` with Tirto's footer inside it."""

    outlet = "tirto"
    version = "tirto/v1"
    domains = ("tirto.id",)
    not_people = ("tirto.id", "Tirto", "Tim Tirto", "Redaksi Tirto")
    title_suffix = re.compile(r"\s*[|-]\s*(?:tirto\.id|Tirto)\s*$", re.IGNORECASE)
    not_article_url = NOT_ARTICLE_URL

    headline_css = "h1.news-detail-title, h1.news-title"
    date_css = ".detail-date, .news-detail-date, span.date"
    author_css = ".reporter-name, .byline a"
    section_css = ".breadcrumbs-wrapper a, ol.breadcrumb a"
    body_css = "div.content-text-editor"
    body_skip_css = "ins, [id^='gpt-'], script, style, .ads, .tags-wrapper"
    image_caption_css = "figure.hero figcaption, .article-image figcaption"
    dateline = dateline_pattern(brand=r"tirto\.id")
    clutter = (_RUBRIC, _CREDIT_LINE)
    stop = (_FOOTER,)

    def credit_lines(self) -> list[str]:
        lines = [
            block.text
            for container in self.body_containers(self.page)
            for block in text_blocks([container.root], self.page.url)
            if _CREDIT_LINE.match(block.text)
        ]
        return lines + self.css_texts(".reporter-grup, .article-credit")

    def authors(self) -> list[str]:
        shown = credits(self.credit_lines())["rep"]
        meta = self.page.meta("article:author", "author")
        byline = self.css_texts(self.author_css)
        for values in (shown, byline, [meta] if meta and not meta.startswith("http") else []):
            names = person_names(values, drop=self.not_people)
            if names:
                return names
        return super().authors()

    def editors(self) -> list[str]:
        return person_names(credits(self.credit_lines())["red"], drop=self.not_people)

    def section(self) -> str | None:
        crumbs = [
            c for c in self.css_texts(self.section_css) if c.lower() not in ("beranda", "home")
        ]
        return crumbs[-1] if crumbs else super().section()

    def body_images(self) -> list[dict[str, str | None]]:
        """Inline pictures; Tirto prints the caption as a ``figcaption`` right after the
        picture's paragraph, outside any figure."""
        images = super().body_images()
        for container in self.body_containers(self.page):
            for img in container.root.iter("img"):
                holder = img.getparent()
                following = holder.getnext() if holder is not None else None
                if following is None or following.tag != "figcaption":
                    continue
                caption = clean_text(" ".join(following.itertext())) or None
                src = canonical_url(img.get("data-src") or img.get("src") or "", self.page.url)
                for image in images:
                    if image["url"] == src and not image["caption"]:
                        image["caption"] = caption
        return images

    def tags(self) -> list[str]:
        """``news_keywords`` (or ``keywords``) without the rubric names it restates."""
        crumbs = {c.lower() for c in self.css_texts(self.section_css)}
        raw = self.page.meta("news_keywords") or self.page.meta("keywords") or ""
        shown = self.css_texts(".tags-wrapper a, .tag-list a")
        values = shown or raw.split(",")
        return [
            tag
            for tag in unique(values)
            if tag.lower() not in RUBRICS and tag.lower() not in crumbs
        ]


class TirtoV2(TirtoV1):
    """The 2024 redesign: ``h1.article-title``, the "Terbit ..." byline, no JSON-LD."""

    version = "tirto/v2"
    headline_css = "h1.article-title"
    subheadline_css = "div.article-heading p.kicker"
    date_css = ".byline div"
    author_css = ".byline a.reporter-name"
    image_caption_css = "header.article-header figure figcaption, .article-cover figcaption"

    @classmethod
    def detect(cls, page: Page) -> bool:
        return bool(page.nodes(cls.headline_css)) and bool(page.nodes(cls.body_css))


def listing_links(page: Page) -> list[Link]:
    """The cards of ``/indeks``: ``div.postcard`` with the title link, the rubric label and a
    time ("27 menit lalu", "Kemarin") read against the fetch time."""

    def article(url: str) -> bool:
        # diajeng.id and other sister sites share the index.
        parts = urlsplit(url)
        return (
            parts.hostname in ("tirto.id", "www.tirto.id")
            and bool(_ARTICLE.match(parts.path))
            and not NOT_ARTICLE_URL.match(url)
        )

    title = ".postcard-title a"
    return card_links(
        page,
        "div.postcard",
        f"{title}::attr(href)",
        f"{title} ::text",
        ".postcard-timestamp ::text",
        keep=article,
    )


PARSERS = (TirtoV1, TirtoV2)
