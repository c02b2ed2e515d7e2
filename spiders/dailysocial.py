"""DailySocial (news.dailysocial.id): startup and technology news on a WordPress block theme.
The WordPress feed for what is new, the paged category listings for backfills. Machine dates
in UTC (records show WIB); texts close with a header-image credit ("Gambar Header: ...");
long articles continue on ``<url>/2`` pages, merged."""

import re

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.generic import GenericParser


class DailySocialParser(GenericParser):
    """The header-image credit that closes each text is DailySocial's own."""

    clutter = (re.compile(r"^\W*gambar(?:\s+header)?\s*:", re.IGNORECASE),)
    # WordPress' page links ("Halaman: 1 2") under the text of a multi-page article.
    body_skip_css = "div.page-links"
    pages_css = "div.page-links a.post-page-numbers"


OUTLET = Outlet(
    name="dailysocial",
    domains=("dailysocial.id",),
    parser=DailySocialParser,
    base_url="https://news.dailysocial.id",
    sources=(
        Feed("https://news.dailysocial.id/feed"),
        *(
            Index(f"https://news.dailysocial.id/category/{category}/page/{{page}}", max_pages=20)
            for category in ("startup", "funding", "technology")
        ),
    ),
    not_people=("DailySocial", "DailySocial.id", "Tim DailySocial"),
    title_suffix=r"\s*[-–|]\s*DailySocial(?:\.id)?\s*$",
    article_url=r"^/post/[a-z0-9-]+",
)
