"""RM.ID (rm.id, Rakyat Merdeka): the site feed and the sitemaps robots.txt names list the
articles at ``/baca-berita/<kanal>/<id>/<slug>``; dates are WIB, printed "2026-10-31 14:05:00"."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class RmidParser(GenericParser):
    """The text container and the "RM.id  Rakyat Merdeka -" dateline."""

    body_css = "div.content-berita"
    body_skip_css = "div.content-berita .pagination"
    image_caption_css = "div.keterangan-foto"
    dateline = dateline_pattern(brand=r"RM\.id(?:\s+Rakyat\s+Merdeka)?")


OUTLET = Outlet(
    name="rmid",
    domains=("rm.id",),
    parser=RmidParser,
    base_url="https://rm.id",
    sources=(Feed("{base}/feed"), Site("{base}")),
    not_people=("RM.id", "Rakyat Merdeka", "Redaksi RM.id"),
    title_suffix=r"\s*[|-]\s*(?:RM\.id|Rakyat Merdeka)\s*$",
    article_url=r"^/baca-berita/[a-z-]+/\d+/[a-z0-9-]+",
)
