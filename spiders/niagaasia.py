"""Niaga.Asia (niaga.asia), Samarinda, East Kalimantan: a WordPress site. The site feed and the
Yoast sitemap index (post sitemaps filtered by ``lastmod``) list the articles at
``/<slug>/``; dates are WITA (the JSON-LD carries +08:00; the page prints "31 Oktober 2026")."""

import re

from newscrawl.outlet import Feed, Outlet, Sitemap
from newscrawl.parsers.generic import GenericParser


class NiagaAsiaParser(GenericParser):
    """The theme's containers; WordPress' ``tag-*`` post classes would pass for a tag list."""

    body_css = "div.entry-content"
    author_css = "span.author-name a, .post-author a[rel=author]"
    tags_css = "span.tags-links a[rel=tag]"
    image_caption_css = "div.post-thumbnail figcaption"
    # WordPress splits long posts with <!--nextpage-->: its page links name /<slug>/2/.
    pages_css = "div.entry-content div.page-links a"
    body_skip_css = "div.page-links"
    #: "SAMARINDA.NIAGA.ASIA – ": the place glued to the brand.
    dateline = re.compile(r"^[\W_]*(?P<place>[A-Z][A-Z ]{1,30}?)\.NIAGA\.ASIA\s*[-–—]+\s*")


OUTLET = Outlet(
    name="niagaasia",
    domains=("niaga.asia",),
    parser=NiagaAsiaParser,
    zone="WITA",
    base_url="https://www.niaga.asia",
    sources=(
        Feed("{base}/feed/"),
        Sitemap("{base}/sitemap_index.xml", follow=r"post-sitemap", when="backfill"),
    ),
    not_people=("Niaga.Asia", "niaga.asia", "Redaksi Niaga.Asia"),
    title_suffix=r"\s*[|-]\s*Niaga\.Asia\s*$",
    article_url=r"^/[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",
)
