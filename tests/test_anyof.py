"""AnyOf: many regexes tried as few, finding exactly what searching each one finds."""

from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.parsers.anyof import AnyOf, anchored, has_top_level_branch
from newscrawl.parsers.body import CLUTTER, STOP
from tests.cases import FIXTURES, SHARED_PAGES

# Patterns of every kind the class must sort: anchored ones of each flag it can scope, a
# top-level alternation whose second branch is not anchored, per-line and ASCII flags, a
# backreference, a pattern searched anywhere.
MIXED = (
    re.compile(r"^\W*baca juga\b", re.IGNORECASE),
    re.compile(r"^ab|cd"),
    re.compile(r"^(x|y)+$"),
    re.compile(r"^foo$", re.MULTILINE),
    re.compile(r"^\w{3}!", re.ASCII),
    re.compile(r"^(a)b\1"),
    re.compile(r"pic\.twitter\.com/\w+"),
    re.compile(r"^[|]+z"),
    re.compile(r"^Perbesar"),
)


@pytest.mark.parametrize(
    ("source", "branches"),
    [
        (r"^ab|cd", True),
        (r"^a(?:b)|c", True),
        (r"^(a|b)c", False),
        (r"^[|]a", False),
        (r"^[]|]a", False),
        (r"^[^]|]a", False),
        (r"^a\|b", False),
        (r"^[\]|]a", False),
        (r"^(?:[(]|b)|c", True),
    ],
)
def test_top_level_alternation_is_found_outside_groups_sets_and_escapes(
    source: str, branches: bool
) -> None:
    assert has_top_level_branch(source) is branches


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (re.compile(r"^\W*iklan\W*$", re.IGNORECASE), True),
        (re.compile(r"^ab|cd"), False),
        (re.compile(r"^foo", re.MULTILINE), False),
        (re.compile(r"^foo", re.ASCII), False),
        (re.compile(r"^(a)\1"), False),
        (re.compile(r"^(?P<x>a)"), False),
        (re.compile(r"pic\.twitter"), False),
    ],
)
def test_only_patterns_that_match_at_the_start_join_the_union(
    pattern: re.Pattern[str], expected: bool
) -> None:
    assert anchored(pattern) is expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdxyzBACJUGPerbsifo|!\n .:/\\", max_size=40))
def test_any_of_finds_what_searching_each_pattern_finds(text: str) -> None:
    assert AnyOf(MIXED).found_in(text) == any(p.search(text) for p in MIXED)


def test_a_top_level_alternation_is_still_found_past_the_start() -> None:
    assert AnyOf(MIXED).found_in("xx cd")
    assert not AnyOf(MIXED).found_in("xx ab")


def _block_texts(html: bytes | str) -> list[str]:
    root = lxml.html.fromstring(html)
    return [
        " ".join(" ".join(element.itertext()).split())
        for element in root.iter("p", "div", "li", "span", "figcaption", "blockquote", "td")
    ]


def _shared_clutter_agrees(texts: list[str]) -> int:
    clutter, stop = AnyOf(CLUTTER), AnyOf(STOP)
    found = 0
    for text in texts:
        expected = any(p.search(text) for p in CLUTTER)
        assert clutter.found_in(text) == expected, text
        assert stop.found_in(text) == any(p.search(text) for p in STOP), text
        found += expected
    return found


def test_shared_clutter_and_footers_as_one_on_the_fixtures_blocks() -> None:
    texts = [
        text
        for path in sorted(FIXTURES.rglob("*.html"))
        for text in _block_texts(path.read_bytes())
    ]
    # The fixtures hold clutter of most kinds: a union that found none would be broken.
    assert _shared_clutter_agrees(texts) > 100


def test_shared_clutter_and_footers_as_one_on_real_pages_blocks(shared_pages) -> None:
    texts = [
        text
        for path in sorted(SHARED_PAGES.rglob("*.html"))
        for text in _block_texts(path.read_bytes())
    ]
    assert _shared_clutter_agrees(texts) > 100
