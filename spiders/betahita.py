"""Betahita (betahita.id): environment news. The home page's latest list and its feeds for
what is new, the paged ``/berita`` listing for backfills. The date line is a day without a
time ("Sabtu, 31 Oktober 2026", WIB); texts open with a "BETAHITA.ID -" masthead; long texts
continue on a "next" page, merged."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class BetahitaParser(GenericParser):
    """No machine dates and no byline markup the survey knows."""

    # The masthead in capitals opens the text: "BETAHITA.ID - ".
    dateline = dateline_pattern(brand=r"(?i:betahita(?:\.id)?)")
    headline_css = "div.judul-artikel h1"
    date_css = "div.judul-artikel h5.margin-bottom-sm"
    author_css = "div.box-sumber h5.title a"
    section_css = "div.judul-artikel h5:not(.margin-bottom-sm)"
    tags_css = "div.box-tag a"
    body_css = "article.detail-artikel div.detail-in"
    body_skip_css = "div.box-foto-artikel p.caption"
    image_caption_css = "article.detail-artikel > div.box-foto-artikel p.caption"
    # The CMS Bloomberg Technoz also runs: long texts continue on a "next" page.
    pages_css = "a.pager__next"


OUTLET = Outlet(
    name="betahita",
    domains=("betahita.id",),
    parser=BetahitaParser,
    base_url="https://www.betahita.id",
    sources=(
        Site("https://www.betahita.id", when="latest"),
        Index("https://www.betahita.id/berita?pagenum={page}", by_date=False, max_pages=20),
    ),
    not_people=("Betahita", "Betahita.id", "Redaksi Betahita"),
    title_suffix=r"\s*\|\s*Betahita(?:\.id)?\s*$",
    article_url=r"^/(?:berita|opini|sorot)/\d+/",
)
