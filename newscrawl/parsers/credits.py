"""Labelled credit lines: "Rep: Ana/ Red: Budi", "Reporter: Ana Penulis: Ana Editor: Budi",
"Redaktur & Reporter : Boy". Outlets print them in one line or a table; the labels say who
wrote and who edited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A label and its role: who wrote ("rep") or who edited ("red"); other labels ("Sumber",
#: "Foto") end the names before them and are read as nobody.
_LABEL = re.compile(
    r"(?<![\w@])(?P<label>(?:Rep(?:orter)?|Penulis|Pewarta|Kontributor|Red(?:aktur)?|Editor"
    r"|Penyunting)(?:\s*(?:&|dan)\s*(?:Rep(?:orter)?|Penulis|Red(?:aktur)?|Editor))?"
    r"|Sumber|Foto|Fotografer|Videografer|Grafis|Ilustrasi)\s*:\s*",
    re.IGNORECASE,
)


def _roles(label: str) -> set[str]:
    roles = set()
    for word in re.split(r"\s*(?:&|\bdan\b)\s*", label.lower()):
        # "Penyunting" edits, "Penulis" writes: the longer prefix first.
        if word.startswith(("peny", "red", "edi")):
            roles.add("red")
        elif word.startswith(("rep", "pen", "pew", "kon")):
            roles.add("rep")
    return roles


def credits(lines: Iterable[str]) -> dict[str, list[str]]:
    """Names by role: ``{"rep": [writers], "red": [editors]}``, in order."""
    found: dict[str, list[str]] = {"rep": [], "red": []}
    for line in lines:
        matches = list(_LABEL.finditer(line))
        if not matches:
            continue
        for match, following in zip(matches, [*matches[1:], None], strict=True):
            end = following.start() if following else len(line)
            names = line[match.end() : end].strip(" /|-,")
            for role in _roles(match["label"]):
                if names:
                    found[role].append(names)
    return found
