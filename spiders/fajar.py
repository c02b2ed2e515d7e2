"""FAJAR (fajar.co.id, Makassar): the WordPress feed for what is new, the paged category
listings for backfills. Times are Makassar's: WITA (machine dates +08:00 or UTC). Datelines
read "FAJAR.CO.ID, MAKASSAR —"; long articles continue on ``<url>/2/`` pages, merged."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class FajarParser(GenericParser):
    """The brand of the dateline in capitals, and WordPress' page links under the text."""

    dateline = dateline_pattern(brand=r"(?i:fajar(?:\.co\.id)?)")
    body_skip_css = "div.page-links"
    image_caption_css = "div.post-thumbnail figcaption"
    pages_css = "div.page-links a.post-page-numbers"


OUTLET = Outlet(
    name="fajar",
    domains=("fajar.co.id",),
    parser=FajarParser,
    zone="WITA",
    base_url="https://fajar.co.id",
    sources=(
        Feed("https://fajar.co.id/feed/"),
        *(
            Index(f"https://fajar.co.id/category/{category}/page/{{page}}/", max_pages=30)
            for category in ("makassar", "sulsel", "ekonomi", "politik")
        ),
    ),
    not_people=("FAJAR", "Fajar.co.id", "Redaksi Fajar"),
    title_suffix=r"\s*[-|]\s*FAJAR(?:\.co\.id)?\s*$",
    article_url=r"^/\d{4}/\d\d/\d\d/[a-z0-9-]+/?$",
)
