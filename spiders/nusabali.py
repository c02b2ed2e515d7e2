"""NusaBali (nusabali.com), Bali: no feed is known; the site's own sitemaps (robots.txt) and the
article list of its home page (``/berita/<id>/<slug>``) are read. Dates are printed "12 Jul
2026 19:37:24" with no zone: Bali time, WITA."""

from newscrawl.outlet import Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class NusaBaliParser(GenericParser):
    """The ``itemprop`` marks of the article box (the page carries no JSON-LD article)."""

    headline_css = "h1 span[itemprop=headline]"
    date_css = ".entry-box-header span[itemprop=datePublished]"
    author_css = "span[itemprop=author]"
    section_css = ".breadcrumb span[itemprop=articleSection]"
    body_css = ".entry-box[itemprop=articleBody] .entry-content"
    image_caption_css = ".entry-box .img-caption, .entry-box figcaption"
    dateline = dateline_pattern(brand=r"(?:NusaBali\.com|NusaBali)")


OUTLET = Outlet(
    name="nusabali",
    domains=("nusabali.com",),
    parser=NusaBaliParser,
    zone="WITA",
    sources=(Site("{base}"),),
    not_people=("NusaBali", "NusaBali.com", "Redaksi NusaBali"),
    title_suffix=r"\s*[|-]\s*NusaBali(?:\.com)?\s*$",
    article_url=r"^/berita/\d+/[a-z0-9][a-z0-9-]*$",
)
