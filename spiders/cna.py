"""CNA Indonesia (cna.id, Mediacorp): the sitemaps robots.txt names and the ``/terbaru`` list
(walked through its pager back to ``-a since``). A Drupal site; machine dates in WIB;
datelines are the place in capitals and a colon, CNA's house style ("JAKARTA: ")."""

import re
from datetime import datetime

from newscrawl.dates import JAKARTA
from newscrawl.discover.discovery import Link
from newscrawl.outlet import Index, Outlet, Site
from newscrawl.page import Page
from newscrawl.parsers.generic import GenericParser
from newscrawl.urls import link_url


def listing_links(page: Page) -> list[Link]:
    """Article links of a Mediacorp list, dated by each card's ``data-lastupdated`` epoch."""
    links = []
    for card in page.css("div.list-object__item"):
        href = card.css("a.list-object__heading-link::attr(href)").get()
        stamp = card.css(".timestamp::attr(data-lastupdated)").get() or ""
        if href:
            when = datetime.fromtimestamp(int(stamp), JAKARTA) if stamp.isdigit() else None
            links.append(Link(link_url(href, page.url), when))
    return links


def rel_next(page: Page) -> str | None:
    """The listing's next page (``<a rel="next">``)."""
    href = page.css("a[rel=next]::attr(href)").get()
    return link_url(href, page.url) if href else None


class CnaParser(GenericParser):
    """CNA's colon datelines and its deck under the headline."""

    dateline = re.compile(r"^[\W_]*(?P<place>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3})\s*:\s+")
    subheadline_css = "div.content-detail__description"
    image_caption_css = "figure figcaption.figure__caption"


OUTLET = Outlet(
    name="cna",
    domains=("cna.id",),
    parser=CnaParser,
    sources=(
        Site("https://www.cna.id", when="latest"),
        # Drupal pages count from 0: follow the pager's "next" link rather than a number.
        Index(
            "https://www.cna.id/terbaru",
            links=listing_links,
            next_page=rel_next,
            max_pages=30,
            when="always",
        ),
    ),
    not_people=("CNA", "CNA Indonesia", "Mediacorp"),
    title_suffix=r"\s*[-|]\s*CNA(?:\s+Indonesia)?\s*$",
    article_url=r"^/[a-z-]+/[a-z0-9-]+-\d+$",
)
