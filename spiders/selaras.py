"""Jakarta Selaras (jakarta.selaras.co.id, Jakarta city news): its RSS (``/rss``) for what is
new. Article URLs are ``/detail/<id>/<slug>``. Dates are ISO in JSON-LD and "Jumat, 31
Oktober 2026 13:40 WIB" on the page; the text opens with "JAKARTA SELARAS – "."""

from newscrawl.outlet import Feed, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class SelarasParser(GenericParser):
    """The post template's blocks and its brand dateline."""

    body_css = "div.post_content"
    tags_css = "div.post_tags a"
    section_css = "div.post_category a"
    image_caption_css = "div.post_image .post_caption"
    dateline = dateline_pattern(brand=r"JAKARTA SELARAS|Jakarta Selaras")


OUTLET = Outlet(
    name="selaras",
    domains=("jakarta.selaras.co.id",),
    parser=SelarasParser,
    base_url="https://jakarta.selaras.co.id",
    sources=(Feed("https://jakarta.selaras.co.id/rss"),),
    not_people=("Jakarta Selaras", "Redaksi Selaras"),
    title_suffix=r"\s*[-|]\s*Jakarta Selaras$",
    article_url=r"^/detail/\d+/[a-z0-9-]+$",
)
