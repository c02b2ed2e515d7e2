"""hipwee.com (WordPress): the site's RSS feed (``/feed/``); posts are ``/<channel>/<slug>/``
(listicles with subheadings), dated in JSON-LD and ``time.entry-date`` (WIB)."""

from newscrawl.outlet import Feed, Outlet
from newscrawl.parsers.generic import GenericParser


class HipweeParser(GenericParser):
    """The post's ``div.entry-content``; captions and embedded videos are not text."""

    body_css = "div.entry-content"
    # Captioned figures, the WordPress page links and embedded posts (their attribution
    # stays inside the blockquote).
    body_skip_css = (
        ".wp-caption, .page-links, blockquote.tiktok-embed, blockquote.instagram-media, "
        "blockquote.twitter-tweet"
    )
    author_css = ".entry-meta .author a"
    section_css = ".post-category a"
    tags_css = ".entry-tags a"


OUTLET = Outlet(
    name="hipwee",
    domains=("hipwee.com",),
    parser=HipweeParser,
    sources=(Feed("{base}/feed/"),),
    not_people=("Hipwee", "Tim Hipwee", "Hipwee Redaksi"),
    title_suffix=r"\s+[-|]\s+Hipwee$",
    article_url=r"^/[\w-]+/[\w-]+/?$",
)
