"""BantenNews (bantennews.co.id): the WordPress feed for what is new, the category and paged
home listings (``/page/N/``) for backfills. A tagDiv "Newspaper" theme; machine dates in WIB;
datelines are a bare place ("LEBAK –"); texts close with desk codes ("(Mir/Red)")."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class BantennewsParser(GenericParser):
    """Newspaper theme selectors; a dateline without the brand."""

    dateline = dateline_pattern()
    tags_css = "ul.td-tags li a"
    image_caption_css = "div.td-post-featured-image figcaption"


OUTLET = Outlet(
    name="bantennews",
    domains=("bantennews.co.id",),
    parser=BantennewsParser,
    sources=(
        Feed("https://www.bantennews.co.id/feed/"),
        Index("https://www.bantennews.co.id/page/{page}/", first="https://www.bantennews.co.id/"),
    ),
    not_people=("BantenNews", "BantenNews.co.id", "Redaksi BantenNews"),
    title_suffix=r"\s*[-|]\s*BantenNews(?:\.co\.id)?\s*$",
    # Articles are a single slug: /pemprov-banten-targetkan-.../
    article_url=r"^/[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",
)
