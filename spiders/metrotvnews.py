"""Metro TV News (metrotvnews.com): the home page's latest list for what is new. Article URLs
are ``/read/<8-character id>-<slug>``. Dates are ISO in JSON-LD and "31 Oktober 2026 16:12"
after the author on the page (WIB); the text opens with "Semarang: " and ends with the desk
code "(ANN)"."""

import re

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.body import Body
from newscrawl.parsers.generic import GenericParser

#: "Semarang: ": the place and a colon open the text.
_DATELINE = re.compile(r"^(?P<place>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}):\s+")
#: The desk code closing the text in capitals: "(ANN)", "(DHI)".
_DESK_CODE = re.compile(r"^\(\s*([A-Z]{2,5}(?:/[A-Z]{2,5})?)\s*\)$")


class MetrotvnewsParser(GenericParser):
    """The section line, the "author • date" line and the ``news-text`` block."""

    section_css = "div.breadcrumb-content p"
    date_css = "p.date"
    body_css = "div.news-text"
    body_skip_css = ".ads"
    tags_css = "div.tag-list a"
    image_caption_css = "div.news-image p.caption"
    dateline = _DATELINE

    def body(self) -> Body:
        found = super().body()
        last = found.paragraphs[-1] if found.paragraphs else ""
        code = _DESK_CODE.match(last)
        if found.editor_code is None and code:
            found.paragraphs.pop()
            found.editor_code = code.group(1)
        return found


OUTLET = Outlet(
    name="metrotvnews",
    domains=("metrotvnews.com",),
    parser=MetrotvnewsParser,
    sources=(Index("https://www.metrotvnews.com/", max_pages=1, when="always"),),
    not_people=("Metrotvnews.com", "Metro TV", "Medcom.id"),
    title_suffix=r"\s*[-|]\s*Metrotvnews(?:\.com)?$",
    article_url=r"^/read/[A-Za-z0-9]{8}-[a-z0-9-]+$",
)
