"""People who sign an article off at the end of its text rather than in a byline.

Some outlets close the text with a name instead of (or besides) the editor code the shared
hygiene peels: the reporter in parentheses after the last sentence (suara.com 2015: "...
Denpasar. (Luh Wayanti)"), the editor alone in parentheses (okezone.com: "(Fahmi Firdaus)"),
or the reporter in capitals on a line of its own (tempo.co: "DINI TEJA"). These helpers take
such a sign-off off the body's last paragraph and say whom it names; each outlet parser
decides which sign-offs its pages carry and whether they are authors or editors.
"""

from __future__ import annotations

import re

from newscrawl.parsers.body import Body

#: A person's name: two to four capitalised words ("Luh Wayanti", "Fahmi Firdaus").
_NAME = r"[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]*){1,3}"
#: "(Name Name)" ending a paragraph after its last sentence, or alone.
_TRAILING_NAME = re.compile(rf"(?:^|(?<=[.!?\"”’)]))\s*\(\s*({_NAME})\s*\)\s*$")
#: A line in capitals: "DINI TEJA", "ANTARA", "REZA ADITYA | NUR HADI".
_CAPITALS = re.compile(r"^[A-Z][A-Z .'’,|/&-]{1,80}$")
_CAPITALS_SPLIT = re.compile(r"\s*[|/,&]\s*")


def take_trailing_name(body: Body) -> str | None:
    """Remove a parenthesised name ending the last paragraph and return it."""
    if not body.paragraphs:
        return None
    last = body.paragraphs[-1]
    match = _TRAILING_NAME.search(last)
    if not match:
        return None
    rest = last[: match.start()].rstrip()
    if rest:
        body.paragraphs[-1] = rest
    else:
        body.paragraphs.pop()
    return match.group(1)


def take_capitals_line(body: Body, not_people: frozenset[str]) -> list[str] | None:
    """Remove a last paragraph written in capitals and return the people it names in title
    case (agencies and desks in ``not_people``, upper case, are left out); None, and the body
    untouched, when the last paragraph is no such line."""
    if not body.paragraphs:
        return None
    line = body.paragraphs[-1]
    if not _CAPITALS.match(line) or not re.search(r"[A-Z]{2}", line):
        return None
    body.paragraphs.pop()
    parts = [p.strip(" .,") for p in _CAPITALS_SPLIT.split(line)]
    return [p.title() for p in parts if p and p not in not_people and len(p.split()) <= 5]
