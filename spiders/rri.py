"""rri.go.id (Radio Republik Indonesia, formerly rri.co.id): the latest list of its home page
(it has no paged index); articles are ``/<channel>/<category>/<id>/<slug>`` and open
"KBRN, Jakarta:" (the news agency of RRI). National news prints WIB."""

import re

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.generic import GenericParser


class RriParser(GenericParser):
    """The news page: ``div.post_details_inner``; the dateline is "KBRN, <place>:"."""

    body_css = "div.post_details_inner"
    body_skip_css = ".post-image"
    author_css = ".post-meta .author"
    date_css = ".post-meta .date"
    image_caption_css = ".post-image .caption"
    # A colon ends it, where other outlets put a dash.
    dateline = re.compile(
        r"^[\W_]*KBRN\s*,\s*(?P<place>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})\s*[:\-–—]+\s*"
    )


OUTLET = Outlet(
    name="rri",
    domains=("rri.go.id", "rri.co.id"),
    parser=RriParser,
    sources=(
        Index("{base}/", max_pages=1, when="always"),
        Site("{base}", when="backfill"),
    ),
    not_people=("RRI", "KBRN", "Tim RRI"),
    title_suffix=r"\s+[-|]\s+RRI(?:\.go\.id|\.co\.id)?$",
    article_url=r"^/[\w-]+/[\w-]+/\d+/[\w-]+",
)
