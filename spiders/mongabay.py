"""Mongabay Indonesia (mongabay.co.id, WordPress, environmental news): the RSS for what is new;
for backfills the dated archive (``/YYYY/MM/DD/``, WordPress's own, paged ``/page/N/``).
Dates are ISO; the byline reads "oleh <name> [<place>]". Zone WIB."""

import re

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.body import Body
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import clean_text

#: "[Samarinda]": the place the byline names.
_BYLINE_PLACE = re.compile(r"\[([^\]]{2,40})\]")
#: The row of asterisks that closes a story.
_END_MARK = re.compile(r"^\s*\*{3,}\s*$")


class MongabayParser(GenericParser):
    """The story summary (a bullet list), the byline's place, the closing asterisks."""

    author_css = ".single-article-meta .byline a"
    body_css = "article div.article-content"
    tags_css = ".article-tags a[rel=tag]"
    image_caption_css = "article div.article-content figure figcaption"
    clutter = (_END_MARK,)

    def subheadline(self) -> str | None:
        points = self.css_texts(".single-article-summary li")
        return " ".join(points) or None

    def body(self) -> Body:
        found = super().body()
        place = _BYLINE_PLACE.search(self.css_text(".single-article-meta .byline") or "")
        if found.dateline is None and place:
            found.dateline = clean_text(place.group(1))
        return found


OUTLET = Outlet(
    name="mongabay",
    domains=("mongabay.co.id",),
    parser=MongabayParser,
    base_url="https://mongabay.co.id",
    sources=(
        Feed("https://mongabay.co.id/feed/"),
        Index(
            "https://mongabay.co.id/{day:%Y/%m/%d}/page/{page}/",
            first="https://mongabay.co.id/{day:%Y/%m/%d}/",
            by_date=False,
        ),
    ),
    not_people=("Mongabay", "Mongabay Indonesia", "Tim Mongabay"),
    title_suffix=r"\s*[-|]\s*Mongabay\.co\.id.*$",
    article_url=r"^/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/?$",
)
