"""Bali Post (balipost.com): the WordPress feed and sitemaps for what is new, the category
pages (``/news/bali/page/N``) for backfills. A tagDiv "Newspaper" theme; dates print as "Sabtu,
31 Oktober 2026 | 14:30 WITA" (the JSON-LD says UTC): the zone is WITA. Long articles continue
on ``<url>/2`` pages, merged; texts close with the reporter or desk: "(Ketut Winata/balipost)",
"(kmb/balipost)"."""

import re

from newscrawl.outlet import Feed, Index, Outlet, Site
from newscrawl.parsers.body import Body
from newscrawl.parsers.generic import GenericParser

#: The closing "(Reporter Name/balipost)"; a desk code alone ("kmb") is the editor code.
_SIGN_OFF = re.compile(r"\s*\(\s*([^()/]{2,40}?)\s*/\s*balipost\s*\)\s*$", re.IGNORECASE)


class BalipostParser(GenericParser):
    """Newspaper theme selectors; the sign-off leaves the body (the reporter is the byline's)."""

    agencies = ""  # "MANGUPURA, BALIPOST.com -": no agency form
    tags_css = "ul.td-tags li a"
    image_caption_css = "div.td-post-featured-image figcaption"
    # Long articles continue on "<url>/2": the theme's pager sits inside the text box.
    body_skip_css = "div.page-nav"
    pages_css = "div.page-nav-post a.post-page-numbers"

    def body(self) -> Body:
        body = super().body()
        last = _SIGN_OFF.search(body.paragraphs[-1]) if body.paragraphs else None
        if last is not None:
            body.paragraphs[-1] = body.paragraphs[-1][: last.start()].rstrip()
            if " " not in last.group(1):
                body.editor_code = f"{last.group(1)}/balipost"
        return body


OUTLET = Outlet(
    name="balipost",
    domains=("balipost.com",),
    parser=BalipostParser,
    zone="WITA",
    sources=(
        Feed("https://www.balipost.com/feed"),
        Site("https://www.balipost.com", when="latest"),
        Index(
            "https://www.balipost.com/news/bali/page/{page}",
            first="https://www.balipost.com/news/bali",
        ),
    ),
    not_people=("Bali Post", "BALIPOST.com", "balipost"),
    title_suffix=r"\s*\|\s*BALIPOST\.com\s*$",
    article_url=r"^/news/\d{4}/\d\d/\d\d/\d+/",
)
