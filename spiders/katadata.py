"""Katadata (katadata.co.id, data-driven economic news): the RSS and the first page of the
news index (``/indeks``) for what is new. Article URLs carry a hex id
(``/<channel>/<rubric>/<id>/<slug>``). Dates are ISO in JSON-LD and "31 Oktober 2026, 10.05"
on the page (WIB); Databoks charts are embedded between paragraphs."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.generic import GenericParser


class KatadataParser(GenericParser):
    """The detail template's blocks."""

    body_css = "div.detail-main"
    tags_css = "div.detail-tag a"
    image_caption_css = "div.detail-image figcaption"
    body_skip_css = ".ads-inarticle, .databoks-embed"


OUTLET = Outlet(
    name="katadata",
    domains=("katadata.co.id",),
    parser=KatadataParser,
    sources=(
        Feed("https://katadata.co.id/rss"),
        Index("https://katadata.co.id/indeks", max_pages=1, when="latest"),
    ),
    not_people=("Katadata", "Katadata.co.id", "Tim Publikasi Katadata"),
    title_suffix=r"\s*[-|]\s*(?:[\w ]+ )?Katadata(?:\.co\.id)?$",
    article_url=r"^/[a-z-]+/[a-z-]+/[0-9a-f]{10,16}/[a-z0-9-]+$",
)
