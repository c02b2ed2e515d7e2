"""gatra.net (WordPress, the tagDiv "Newspaper" theme): the site's RSS feed (``/feed/``) for
what is new; articles are ``/news-<id>-<channel>-<slug>.html`` and long ones continue on
``.../2``. Dates are printed "1 November 2026 05:40 WIB"; bodies open "Jakarta, Gatra.net -"."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class GatraParser(GenericParser):
    """The theme's post: ``div.td-post-content`` with its page links and featured image."""

    body_css = "div.td-post-content"
    # The featured image sits inside the content box; the page links close it; embedded
    # posts keep their attribution text inside the blockquote.
    body_skip_css = (
        ".td-post-featured-image, .wp-caption, .page-nav, .td-a-rec, "
        "blockquote.twitter-tweet, blockquote.instagram-media"
    )
    author_css = ".td-post-author-name a"
    tags_css = ".td-tags a"
    image_caption_css = ".td-post-featured-image figcaption"
    pages_css = ".td-post-content .page-nav a"
    dateline = dateline_pattern(brand=r"Gatra(?:\.net|\.com)?")


OUTLET = Outlet(
    name="gatra",
    domains=("gatra.net",),
    parser=GatraParser,
    sources=(Feed("{base}/feed/"), Site("{base}", when="backfill")),
    not_people=("Gatra", "Gatra.net", "GATRA"),
    title_suffix=r"\s+[-|]\s+Gatra(?:\.net)?$",
    article_url=r"^/news-\d+-[\w-]+\.html$",
)
