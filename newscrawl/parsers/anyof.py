"""Whether a text matches any of many regexes, in as few searches as it takes.

Body hygiene tries every block of every page against a few dozen clutter and footer patterns.
One search per pattern costs a Python call each, and most blocks match none: on the 17,000
blocks of the saved pages the shared clutter rules took 6.3 µs a block searched one by one,
4.8 µs as one :class:`AnyOf` (3.9 with the photo-credit rule's colon test in
:mod:`newscrawl.parsers.body`); parse_article 2.7% faster on the 34 real pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A backreference, a named group or a conditional on a group (read broadly: an escaped
#: backslash before a digit counts too, which only keeps a pattern out of the union).
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P|\(\?\(")
#: Flags a pattern may carry to join the union (as an inline group); any other keeps it apart.
_SCOPABLE = re.IGNORECASE | re.UNICODE


class AnyOf:
    """``any(p.search(text) for p in patterns)``, with the patterns anchored at the text's
    start (``^...``) joined into one alternation, tried once at the start by ``match``."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        at_start = [p for p in patterns if anchored(p)]
        self.at_start = re.compile("|".join(map(_scoped, at_start))) if at_start else None
        self.anywhere = tuple(p for p in patterns if p not in at_start)

    def found_in(self, text: str) -> bool:
        if self.at_start is not None and self.at_start.match(text):
            return True
        return any_search(self.anywhere, text)


def any_search(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    """``any(p.search(text) for p in patterns)``, one by one (an outlet's own few rules)."""
    # A plain loop: any() over a generator costs more than the searches on short blocks.
    for pattern in patterns:  # noqa: SIM110
        if pattern.search(text):
            return True
    return False


def anchored(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` can only match at the text's start, so that ``match`` finds what
    ``search`` finds: it starts with ``^`` (not per line) and has no ``|`` outside its groups
    (``^a|b`` finds ``b`` anywhere); and it can join others: its flags can be written inline,
    and it refers to no group (numbers shift in a union, names may clash)."""
    source = pattern.pattern
    return (
        source.startswith("^")
        and not pattern.flags & ~_SCOPABLE
        and not _GROUP_REFERENCE.search(source)
        and not has_top_level_branch(source)
    )


def has_top_level_branch(source: str) -> bool:
    """Whether the regex ``source`` has an alternation outside every group and set."""
    depth = 0
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 1  # the escaped character is skipped below
        elif char == "[":
            at += 1
            if source[at : at + 1] == "^":
                at += 1
            if source[at : at + 1] == "]":  # "[]...]": a "]" first is a member
                at += 1
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        at += 1
    return False


def _scoped(pattern: re.Pattern[str]) -> str:
    flags = "i" if pattern.flags & re.IGNORECASE else ""
    return f"(?{flags}:{pattern.pattern})" if flags else f"(?:{pattern.pattern})"
