"""goodnewsfromindonesia.id (GNFI): its "explore" list of the latest stories; articles are
``/YYYY/MM/DD/<slug>``, dated in JSON-LD (WIB) and written in ``div.article-sheet``."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.generic import GenericParser


class GnfiParser(GenericParser):
    """The article sheet and its category link."""

    body_css = "div.article-sheet"
    section_css = ".article-category a"
    image_caption_css = "figure.article-image figcaption"


OUTLET = Outlet(
    name="gnfi",
    domains=("goodnewsfromindonesia.id",),
    parser=GnfiParser,
    sources=(
        Index("{base}/explore", max_pages=1, by_date=False, when="always"),
        Site("{base}", when="backfill"),
    ),
    not_people=("GNFI", "Good News From Indonesia", "Tim GNFI"),
    title_suffix=r"\s+[-|]\s+(?:GNFI|Good News From Indonesia)$",
    article_url=r"^/\d{4}/\d{2}/\d{2}/[\w-]+$",
)
