"""Jakarta Globe (jakartaglobe.id, English; 2012-2018 thejakartaglobe.beritasatu.com, a
WordPress site): the news index (``/newsindex``, newest first) and the sitemap robots.txt
names. Machine dates are ISO; the WordPress years printed UTC times ("12:23 am Jun 19,
2015"), the metas carry the instant. Zone WIB."""

import re

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.page import Page
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import Block, unique

_READ_MORE = re.compile(r"^Read More:", re.IGNORECASE)
#: "Jakarta. A bill ...": the bold place and a full stop open the text.
_DATELINE = re.compile(
    r"^(?!(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St|Prof|No)\.)"
    r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\.\s+(?=[A-Z“\"])"
)


class JakartaGlobeParser(GenericParser):
    """The WordPress template's caption boxes, deck, tag line and dateline."""

    subheadline_css = "header.entry-header > p, h2.excerpt, div.content-excerpt"
    tags_css = "header.entry-header .options a[href*='/tag/'], .tag-list a, .tags a"
    body_skip_css = ".wp-caption, .wp-caption-text, .sharedaddy, .related-post"
    image_caption_css = "figure.main-image figcaption, .entry-content .wp-caption-text"
    dateline = _DATELINE

    def body_blocks(self, page: Page) -> list[Block]:
        # Jakarta Globe labels its inline related links "Read More:", which the shared
        # read-also labels do not know; "Read also:" has the same length, so the links'
        # offsets hold.
        return [
            Block("Read also:" + b.text[10:], b.links, b.link_offsets)
            if _READ_MORE.match(b.text)
            else b
            for b in super().body_blocks(page)
        ]

    def tags(self) -> list[str]:
        # The article:tag meta holds every tag in one comma-joined value: the list wins.
        return list(unique(self.css_texts(self.tags_css))) or super().tags()


OUTLET = Outlet(
    name="jakartaglobe",
    domains=("jakartaglobe.id", "thejakartaglobe.beritasatu.com", "thejakartaglobe.com"),
    parser=JakartaGlobeParser,
    language="en",
    base_url="https://jakartaglobe.id",
    sources=(
        Index("https://jakartaglobe.id/newsindex", max_pages=1, when="latest"),
        Site("https://jakartaglobe.id"),
    ),
    not_people=("Jakarta Globe", "JG", "The Jakarta Globe", "Globe Staff"),
    title_suffix=r"\s*[-|]\s*(?:The\s+)?Jakarta\s+Globe$",
    article_url=r"^/[a-z-]+/[a-z0-9-]{12,}/?$",
)
