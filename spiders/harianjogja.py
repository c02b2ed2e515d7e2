"""harianjogja.com (JIBI, Yogyakarta): the latest list of its home page; articles live on
channel subdomains (``jogjapolitan.``, ``news.``, ``wisata.`` ...) as ``/r-<id>/<slug>`` and
open "Harianjogja.com, BANTUL—". Dates are printed "Minggu, 1 November 2026 - 06:35 WIB"."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class HarianjogjaParser(GenericParser):
    """The post page: ``div.article-content`` with inline "Baca Juga" boxes."""

    body_css = "div.article-content"
    author_css = ".post-author a"
    editor_css = ".post-editor a"
    image_caption_css = ".post-image .caption"
    dateline = dateline_pattern(brand=r"Harianjogja\.com|Harian Jogja")


OUTLET = Outlet(
    name="harianjogja",
    domains=("harianjogja.com",),
    parser=HarianjogjaParser,
    sources=(
        Index("{base}/", max_pages=1, when="always"),
        Site("{base}", when="backfill"),
    ),
    not_people=("Harianjogja.com", "Harian Jogja", "JIBI"),
    title_suffix=r"\s+[-|]\s+Harian\s?[Jj]ogja(?:\.com)?$",
    article_url=r"^/r-\d+/[\w-]+",
)
