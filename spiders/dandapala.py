"""Dandapala (dandapala.com): the Supreme Court's (Mahkamah Agung) news and opinion site.
The home page's latest list and feeds for what is new, the paged category listings for
backfills. Dates print as "2026-10-31 14:05:00" (WIB)."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.generic import GenericParser


class DandapalaParser(GenericParser):
    """The text box is ``#article-content``; the lead photo's caption is a ``small``."""

    body_css = "#article-content"
    image_caption_css = "div.article-image .caption"


OUTLET = Outlet(
    name="dandapala",
    domains=("dandapala.com",),
    parser=DandapalaParser,
    base_url="https://dandapala.com",
    sources=(
        Site("https://dandapala.com"),
        *(
            Index(f"https://dandapala.com/article/category/{category}?page={{page}}", max_pages=20)
            for category in ("berita", "opini")
        ),
    ),
    not_people=("Dandapala", "Tim Dandapala", "Redaksi Dandapala"),
    title_suffix=r"\s*[-|]\s*Dandapala\s*$",
    article_url=r"^/article/detail/[a-z0-9-]+$",
)
