"""Infobanknews (infobanknews.com, WordPress): the RSS for what is new, the WordPress
sitemap robots.txt names for backfills. Dates are ISO in the metas (UTC), the text opens
with "Jakarta – " and ends with "Editor: <name>". Zone WIB."""

import re

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.credits import credits
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import person_names

#: The editor's credit closing the text: "Editor: Rezkiana Nisaputra".
_EDITOR_LINE = re.compile(r"^\W*Editor\s*:\s*\S.{0,60}$", re.IGNORECASE)


class InfobanknewsParser(GenericParser):
    """The Newspaper theme's text block and its closing editor line."""

    body_css = "div.td-post-content"
    body_skip_css = ".td-a-rec, .td-post-featured-image, .td-post-sharing"
    tags_css = "ul.td-tags li a"
    image_caption_css = ".td-post-featured-image figcaption"
    clutter = (_EDITOR_LINE,)
    # "Jakarta – Bank Indonesia ...": a bare place, no brand.
    dateline = dateline_pattern()

    def editors(self) -> list[str]:
        lines = self.css_texts("div.td-post-content p strong")
        return person_names(credits(lines)["red"], drop=self.not_people) or super().editors()


OUTLET = Outlet(
    name="infobanknews",
    domains=("infobanknews.com",),
    parser=InfobanknewsParser,
    base_url="https://infobanknews.com",
    sources=(Feed("https://infobanknews.com/feed/"), Site("https://infobanknews.com")),
    not_people=("Infobanknews", "Infobank", "Redaksi Infobank"),
    title_suffix=r"\s*[-|]\s*Infobank(?:news)?$",
    article_url=r"^/[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",
)
