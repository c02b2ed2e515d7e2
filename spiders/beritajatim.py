"""beritajatim.com (Surabaya): the sitemaps robots.txt names and the home page's feeds for
what is new, the paged home listing (``/page/N/``) for backfills. Machine dates in WIB;
datelines put the brand in parentheses ("Surabaya (beritajatim.com) –"); texts close with a
code in brackets ("[riz/ted]")."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class BeritajatimParser(GenericParser):
    """The brand stands where agencies stand in other datelines."""

    dateline = dateline_pattern(agency=r"(?i:beritajatim(?:\.com)?)")
    image_caption_css = "figure.post-thumbnail figcaption"


OUTLET = Outlet(
    name="beritajatim",
    domains=("beritajatim.com",),
    parser=BeritajatimParser,
    base_url="https://beritajatim.com",
    sources=(
        Site("https://beritajatim.com"),
        Index("https://beritajatim.com/page/{page}/", first="https://beritajatim.com/"),
    ),
    not_people=("beritajatim", "beritajatim.com"),
    title_suffix=r"\s*[-|]\s*beritajatim(?:\.com)?\s*$",
    article_url=r"^/[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",
)
