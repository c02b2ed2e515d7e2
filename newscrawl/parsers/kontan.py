"""Kontan (kontan.co.id and its kanal subdomains: nasional., keuangan., investasi.,
industri., internasional., regional., english., ...): one layout, served for a decade.

Article URLs are ``https://<kanal>.kontan.co.id/news/<slug>``. The page: ``h1.detail-desk``,
the date line ``div.fs14.ff-opensans.font-gray`` "Kamis, 02 November 2023 / 19:30 WIB", the
kanal breadcrumb ``div.breadcumb``, and the text in ``div.tmpt-desk-kon[itemprop=articleBody]``
whose first paragraph is the credit line "Reporter: X | Editor: Y". The text opens with the
dateline "KONTAN.CO.ID - JAKARTA." (a full stop after the place), "Baca Juga:" paragraphs link
with ``a.track-bacajuga-inside``, and long articles are paged (``?page=2``); ``?page=all``
shows every page at once, which is what the spider asks for.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newscrawl.discover.discovery import Link
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser, ld_names
from newscrawl.parsers.text import Block, clean_text, person_names, unique
from newscrawl.urls import host_matches, link_url

DOMAINS = ("kontan.co.id",)
ARTICLE_PATH = r"^/news/[\w-]+"
#: "KONTAN.CO.ID - JAKARTA. Harga ..." / "KONTAN.CO.ID-JAKARTA - ..." / "KONTAN.CO.ID - Harga".
DATELINE = re.compile(
    r"^[\W_]*KONTAN\.CO\.ID\s*[,.]?\s*[-–—]+\s*"
    r"(?:(?P<place>[A-Z][A-Z'’]+(?:\s+[A-Z][A-Z'’]+){0,3})\s*(?:[.,]|[-–—]+)\s+)?"
)
#: The credit line: "Reporter: Ahmad Febrian | Editor: Handoyo".
_CREDIT = re.compile(
    r"\W*(?P<label>reporter|penulis|editor)\s*:\s*(?P<names>[^|]+?)\s*(?=\||$)", re.IGNORECASE
)


class KontanV1(ArticleParser):
    """``div.tmpt-desk-kon``: the article text under ``h1.detail-desk``."""

    outlet = "kontan"
    version = "kontan/v1"
    domains = DOMAINS
    not_people = ("Kontan", "KONTAN.CO.ID", "Kontan.co.id", "Tim Kontan", "Redaksi Kontan")
    drop_url_params = ("page",)
    title_suffix = re.compile(r"\s*[|-]\s*(?:Kontan(?:\.co\.id)?|KONTAN)\b.*$", re.IGNORECASE)
    # Premium Insight pieces show a teaser only; video and photo kanals carry no text.
    not_article_url = re.compile(
        r"^https?://(?:insight|video|foto|pusatdata|stocksetup)\.kontan\.co\.id/"
    )

    headline_css = "h1.detail-desk"
    date_css = "div.fs14.ff-opensans.font-gray"
    section_css = "div.breadcumb a"
    body_css = "div.tmpt-desk-kon"
    body_skip_css = ", ".join(
        (
            "div.tmpt-desk-kon .ads",
            "div.tmpt-desk-kon [id^='div-gpt-ad']",
            "div.tmpt-desk-kon .banner",
        )
    )
    image_caption_css = "div.img-detail-desk .fs12, div.img-detail-desk span"
    dateline = DATELINE

    def credit_line(self, page: Page) -> str | None:
        """The text's first paragraph when it is the credit line ("Reporter: X | Editor: Y")."""
        first = next(iter(page.nodes("div.tmpt-desk-kon > p:first-of-type")), None)
        text = clean_text(" ".join(first.itertext())) if first is not None else ""
        return text if _CREDIT.match(text) else None

    def body_blocks(self, page: Page) -> list[Block]:
        blocks = super().body_blocks(page)
        line = self.credit_line(page)
        # The credit line names the people (credits()); it is not article text.
        return blocks[1:] if line and blocks and blocks[0].text == line else blocks

    def credits(self) -> dict[str, list[str]]:
        """People of the credit line, by label (reporter, editor)."""
        line = self.credit_line(self.page) or ""
        found: dict[str, list[str]] = {}
        for part in _CREDIT.finditer(line):
            found.setdefault(part["label"].lower(), []).append(part["names"])
        return found

    def authors(self) -> list[str]:
        ld = ld_names(self.page.article_ld.get("author"))
        credited = self.credits()
        for values in (credited.get("reporter", []) + credited.get("penulis", []), ld):
            names = person_names(values, drop=self.not_people)
            if names:
                return names
        return []

    def editors(self) -> list[str]:
        return person_names(self.credits().get("editor", []), drop=self.not_people)

    def tags(self) -> list[str]:
        """The keywords meta: the page shows no tag list of its own."""
        keywords = self.page.meta("news_keywords", "keywords") or ""
        return super().tags() or list(unique(keywords.split(",")))

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.lower() != "home"]
        return crumbs[-1] if crumbs else super().section()


def listing_links(page: Page) -> list[Link]:
    """Article links of the index and search pages (``div.list-berita`` items)."""
    links: dict[str, Link] = {}
    for anchor in page.css("div.list-berita ul li h1 a, div.list-berita ul li a"):
        href = anchor.attrib.get("href")
        url = link_url(href.strip(), page.url) if href else ""
        if not host_matches(url, DOMAINS) or not re.match(ARTICLE_PATH, urlsplit(url).path):
            continue
        if host_matches(url, ("insight.kontan.co.id",)):
            continue  # premium teasers
        title = clean_text(" ".join(anchor.css("::text").getall())) or None
        if url not in links or (title and not links[url].title):
            links[url] = Link(url, None, title)
    return list(links.values())


#: The index lists this many items a page; ``per_page`` is the offset of the first one.
INDEX_PAGE_SIZE = 20


def next_index_page(page: Page) -> str | None:
    """The index's next page: the same query with ``per_page`` moved on by a page."""
    parts = urlsplit(page.url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "tanggal" not in query:
        return None
    offset = int(query.get("per_page") or 0) if (query.get("per_page") or "0").isdigit() else 0
    query["per_page"] = str(offset + INDEX_PAGE_SIZE)
    return urlunsplit(parts._replace(query=urlencode(query)))


PARSERS = (KontanV1,)
