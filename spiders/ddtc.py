"""DDTCNews (news.ddtc.co.id): tax news. The home page's latest list and feeds and the
sitemaps robots.txt names for what is new, the paged ``/berita`` listing for backfills.
Dates print as "Jum'at, 30 Oktober 2026 | 17:45 WIB"; datelines read "JAKARTA, DDTCNews –"."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.generic import GenericParser


class DdtcParser(GenericParser):
    """The date line ``#publish-news`` and the text box ``div.contentArticle``."""

    agencies = ""  # "JAKARTA, DDTCNews –": no agency form
    date_css = "#publish-news"
    body_css = "div.contentArticle"
    image_caption_css = "div.img-news .caption-news"


OUTLET = Outlet(
    name="ddtc",
    domains=("news.ddtc.co.id",),
    parser=DdtcParser,
    base_url="https://news.ddtc.co.id",
    sources=(
        Site("https://news.ddtc.co.id"),
        Index("https://news.ddtc.co.id/berita?page={page}", max_pages=20),
    ),
    not_people=("DDTCNews", "DDTC", "Redaksi DDTCNews"),
    title_suffix=r"\s*[-|]\s*DDTC\s?News\s*$",
    article_url=r"^/(?:berita|review|literasi|komunitas)/[\w-]+/\d+/",
)
