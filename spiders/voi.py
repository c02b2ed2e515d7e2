"""VOI (voi.id): the site feed and the index (``/artikel/indeks?page=N``, newest first) list
the articles at ``/<kanal>/<id>/<slug>``; every article also exists machine-translated under
``/en/``, which the English records keep as ``language: "en"``. Dates are WIB; the JSON-LD
prints them with the zone glued in ("2026-10-31WIB14:05:00+07:00")."""

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser

#: "2026-10-31WIB14:05:00+07:00": the CMS puts the zone's name where ISO 8601 has "T".
_GLUED_ZONE = re.compile(r"^(\d{4}-\d\d-\d\d)\s*(?:WIB|WITA|WIT)\s*(\d\d:\d\d)")


class VoiParser(GenericParser):
    """VOI's post blocks, and its JSON-LD dates repaired before they are read."""

    date_css = ".single-post-date time"
    author_css = ".single-post-author a"
    section_css = ".single-post-category a"
    body_css = "div.single-post-content"
    body_skip_css = "div.single-post-content .pagination"
    image_caption_css = ".single-post-image figcaption"
    #: The text opens with a bare place: "JAKARTA - ".
    dateline = dateline_pattern()

    def machine_date(self, values: Iterable[Any]) -> datetime | None:
        repaired = (
            _GLUED_ZONE.sub(r"\1T\2", value) if isinstance(value, str) else value
            for value in values
        )
        return super().machine_date(repaired)


OUTLET = Outlet(
    name="voi",
    domains=("voi.id",),
    parser=VoiParser,
    base_url="https://voi.id",
    sources=(
        Feed("{base}/rss"),
        Index("{base}/artikel/indeks?page={page}", first="{base}/artikel/indeks"),
    ),
    not_people=("VOI", "VOI.id", "Redaksi VOI"),
    title_suffix=r"\s*[|-]\s*VOI(?:\.id)?\b.*$",
    article_url=r"^/(?:en/)?[a-z0-9-]+/\d+/[a-z0-9-]+$",
)
