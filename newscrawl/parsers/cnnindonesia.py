"""CNN Indonesia (www.cnnindonesia.com, every kanal): two layouts.

v0 is the detik-network template served until 2022 (``div.content_detail``, the text in
``#detikdetailtext``); v1 the Tailwind layout since (assets v10-v12, ``div.detail-text``).
Article URLs are ``/<kanal>/<YYYYMMDDhhmmss>-<subkanal>-<id>/<slug>`` in both; long
articles go on at ``.../<slug>/2``, ``.../<slug>/3``. The dated index
``/indeks?date=YYYY/MM/DD`` lists ten items a page with times like "10 menit yang lalu".
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.text import person_names, unique
from newscrawl.parsers.transmedia import ARTICLE_PATH, index_links
from newscrawl.urls import link_url

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

# Galleries, videos and infographics keep the article URL shape; only the title says so.
_NOT_ARTICLE_TITLE = re.compile(r"^\s*(?:VIDEO|FOTO|INFOGRAFIS|SMASHOT)\s*:", re.IGNORECASE)
# ... and the CMS content type says so too: "video", "foto", "singlepagevideo",
# "multiplefotophoto" (news is "singlepagenews" / "multiplepagenews").
_NOT_ARTICLE_CONTENT = re.compile(r"(?:video|foto|photo|infografis)$")

#: Inside the text in every layout: ad slots ("ADVERTISEMENT / SCROLL TO CONTINUE WITH
#: CONTENT" is .paradetail), related-video and social-media embeds, the topic box.
SKIP_EVERYWHERE = ", ".join(
    (
        ".paradetail",
        ".para_caption",
        "[id^='div-gpt-ad']",
        "a.embed",
        ".sisip_embed_sosmed",
        "blockquote.twitter-tweet",
        "blockquote.instagram-media",
        "blockquote.tiktok-embed",
        "table.topiksisip",
    )
)


def _split_keywords(value: str | None) -> list[str]:
    return [part for part in (value or "").split(",") if part.strip()]


class CnnIndonesiaV0(ArticleParser):
    """The detik-network template CNN Indonesia served until its 2022 redesign.

    Headline ``h1.title`` and the line "Wishnugroho Akbar, CNN Indonesia | Sabtu,
    31/03/2018 23:44 WIB" (``div.date``: byline, then date) in ``div.content_detail``; the
    lead picture and its caption in ``div.media_artikel``; the text in
    ``div.detail_text#detikdetailtext``, in the earliest years a ``span#detikdetailtext``
    inside ``div.text_detail``, paragraphs split by ``<br><br>`` or ``<p>``; tags in
    ``div.detail_tag``. Pages of these years carry ``publishdate`` metas, often no JSON-LD.
    """

    outlet = "cnnindonesia"
    version = "cnnindonesia/v0"
    domains = DOMAINS
    not_people = (
        "CNN Indonesia",
        "CNNIndonesia",
        "CNN Indonesia TV",
        "Tim CNN Indonesia",
        "cnnindonesia.com",
    )
    title_suffix = re.compile(r"\s*[|-]\s*CNN\s*Indonesia\s*$", re.IGNORECASE)
    # CNN TV and the video embed player never carry article text.
    not_article_url = re.compile(r"^https?://(?:www\.)?cnnindonesia\.com/(?:tv|embed)/")

    headline_css = "div.content_detail h1, h1.title"
    date_css = "div.content_detail div.date, div.date"
    section_css = "a.gtm_breadcrumb_kanal"
    tags_css = "div.detail_tag a[href*='/tag/'], div.list-topik-terkait a[href*='/tag/']"
    # The outermost first: ``div.text_detail`` holds the dateline, the span and the code.
    body_css = "div.text_detail, div.detail_text, #detikdetailtext"
    body_skip_css = ", ".join(
        (
            SKIP_EVERYWHERE,
            ".parallaxindetail",  # the ad slot of these years
            "table.pic_artikel_sisip_table",  # an inline picture and its caption
        )
    )
    image_caption_css = "div.media_artikel span, div.media_artikel .caption"
    dateline = dateline_pattern(brand=r"CNN\s*Indonesia")

    def check_article(self) -> None:
        super().check_article()
        if _NOT_ARTICLE_TITLE.match(self.headline() or ""):
            raise NotAnArticle(f"{self.page.url} is a CNN Indonesia gallery, video or infographic")
        kind = self.page.meta("dtk:contenttype", "contenttype") or ""
        if _NOT_ARTICLE_CONTENT.search(kind.strip().lower()):
            raise NotAnArticle(f"{self.page.url} is a CNN Indonesia {kind} page")

    def url(self) -> str:
        """The canonical URL; pages of 2017 end it with a "/" the site no longer serves."""
        url = super().url()
        parts = urlsplit(url)
        if ARTICLE_PATH.match(parts.path) and parts.path.endswith("/"):
            return parts._replace(path=parts.path.rstrip("/")).geturl()
        return url

    def section(self) -> str | None:
        kanal = urlsplit(self.page.url).path.strip("/").split("/")[0]
        return super().section() or KANALS.get(kanal)

    def tags(self) -> list[str]:
        """The tag list shown under the text; the keywords meta (the same tags) if none."""
        keywords = self.page.meta("keywords", "keyword", "dtk:keywords")
        return super().tags() or list(unique(_split_keywords(keywords)))

    def authors(self) -> list[str]:
        """JSON-LD, then the byline: bylines carry the brand, which is no person."""
        ld = ld_names(self.page.article_ld.get("author"))
        for values in (ld, self.bylines(), [self.page.meta("author", "dtk:author")]):
            names = person_names(
                (v for v in values if v and not v.startswith("http")), drop=self.not_people
            )
            if names:
                return names
        return []

    def bylines(self) -> list[str]:
        """What the date line has before its "|": "Wishnugroho Akbar, CNN Indonesia"."""
        return [line.partition("|")[0] for line in self.css_texts(self.date_css) if "|" in line]

    def page_urls(self) -> list[str]:
        """Later pages are the article URL plus ``/2``, ``/3``: found by shape, not by widget."""
        base = link_url(self.page.url, self.page.url).rstrip("/")
        pages: dict[int, str] = {}
        for href in self.page.css("a::attr(href)").getall():
            url = link_url(href, self.page.url)
            number = url.removeprefix(base + "/")
            if url.startswith(base + "/") and number.isdigit() and int(number) > 1:
                pages.setdefault(int(number), url)
        return [pages[n] for n in sorted(pages)]


class CnnIndonesiaV1(CnnIndonesiaV0):
    """The Tailwind layout CNN Indonesia has served since 2022 (assets v10-v12).

    JSON-LD ``NewsArticle`` (its author often "" or the brand) beside a ``WebPage``
    block; the byline ("CNN Indonesia", "CNN Indonesia TV | CNN Indonesia") in a ``div``
    after the ``h1``, the date in ``div.text-cnn_grey``; the text in ``div.detail-text``;
    the tags as pills in a ``div.flex-wrap`` of the left column.
    """

    version = "cnnindonesia/v1"

    headline_css = "h1"
    date_css = "div.text-cnn_grey.text-sm"
    # The byline sits right after the headline; related lists nest their kanal labels deeper.
    author_css = "h1 ~ div > span.text-cnn_red"
    tags_css = "div.w-leftcontent div.flex-wrap a[href*='/tag/']"
    body_css = "div.detail-text"
    body_skip_css = ", ".join(
        (
            SKIP_EVERYWHERE,
            "a[dtr-evt='halaman']",  # the next-page button of a multi-page article
            # The "Add as a preferred source on Google" button after the editor code.
            "a.border[href*='outboundlinks']",
            "a[href*='google.com/preferences/source']",
        )
    )
    image_caption_css = ".detail-image figcaption"

    def bylines(self) -> list[str]:
        return self.css_texts(self.author_css)


def listing_links(page: Page) -> list[Link]:
    """Article links of an index page (``/indeks``), with the times printed beside them.

    The items are ``<article>`` elements of the left column; the menus' skeleton items
    link to "#".
    """
    return index_links(
        page, DOMAINS, "div.w-leftcontent article", "span.text-cnn_black_light3::text"
    )


def next_index_page(page: Page) -> str | None:
    """The index's "halaman selanjutnya" (next page) link, if there is one, as printed."""
    href = page.css('a[dtr-act="halaman selanjutnya"]::attr(href)').get()
    return urljoin(page.url, href.strip()) if href else None


PARSERS = (CnnIndonesiaV0, CnnIndonesiaV1)
