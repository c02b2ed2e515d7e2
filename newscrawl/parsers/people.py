"""Names in bylines, and the words around them that are not names."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from newscrawl.parsers.text import person_names

#: What a byline holds besides names: its date's day, "WIB", "Updated".
_NOT_A_NAME = re.compile(
    r"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|wib|wita|wit|updated?|diperbarui|published)$",
    re.IGNORECASE,
)


def byline_names(values: Iterable[str | None], drop: Collection[str] = ()) -> list[str]:
    """:func:`~newscrawl.parsers.text.person_names` of bylines, without what a byline holds
    besides names: a date's day name, a zone, a time, "Updated"; at most six words a name."""
    return [
        name
        for name in person_names(values, drop=drop)
        if not re.search(r"\d", name) and len(name.split()) <= 6 and not _NOT_A_NAME.match(name)
    ]
