"""Names in bylines, and the words around them that are not names."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from newscrawl.parsers.text import person_names

#: What a byline holds besides names: its date's day, "WIB", "Updated", a photo's source.
_NOT_A_NAME = re.compile(
    r"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|wib|wita|wit|updated?|diperbarui|published|"
    r"facebook|twitter|instagram|youtube|tiktok|x)$|@",
    re.IGNORECASE,
)
#: "Fino Yurio Kristo - detikinet": the desk after a dash is not part of the name.
_DESK_AFTER = re.compile(r"\s+[-–—|]\s+.*$")


def byline_names(values: Iterable[str | None], drop: Collection[str] = ()) -> list[str]:
    """:func:`~newscrawl.parsers.text.person_names` of bylines, without what a byline holds
    besides names: a date's day name, a zone, a time, "Updated", a desk after a dash, a
    social network credited for a picture; at most six words a name, and a name printed in
    capitals ("NABILLA TASHANDRA") written as names are."""
    names = []
    for raw in person_names(values, drop=drop):
        name = _DESK_AFTER.sub("", raw)
        if name.isupper() and len(name) > 3:
            name = name.title()
        if (
            name
            and not re.search(r"\d", name)
            and len(name.split()) <= 6
            and not _NOT_A_NAME.search(name)
            and name not in names
            and name.lower() not in {d.lower() for d in drop}
        ):
            names.append(name)
    return names
