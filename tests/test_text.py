"""Whitespace cleaning: the fast paths of clean_text give what the one regex gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.parsers.text import clean_text

PROPERTY = settings(derandomize=True, database=None, max_examples=2000, deadline=None)
#: clean_text's definition: every run of whitespace, NBSP or zero-width characters is one space.
REFERENCE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]+")
#: Letters, every kind of whitespace str.split() knows, the zero-widths, other controls.
CHARS = st.sampled_from(
    list("ab é“”-.")
    + [chr(c) for c in range(0x3001) if chr(c).isspace()]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\x00", "\x7f"]
)


@PROPERTY
@given(st.text(CHARS, max_size=30))
def test_clean_text_collapses_as_the_regex_does(text: str) -> None:
    assert clean_text(text) == REFERENCE.sub(" ", text).strip()


def test_split_and_the_regex_agree_on_whitespace() -> None:
    """The split/join path rests on \\s meaning str.isspace() (no such character past U+3000)."""
    space = re.compile(r"\s")
    assert all(bool(space.match(chr(c))) == chr(c).isspace() for c in range(0x110000))
    assert not any(chr(c).isspace() for c in range(0x3001, 0x110000))
