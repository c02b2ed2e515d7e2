"""Bounds on the work one hostile page can cause: refused quickly, never a parser crash.

Inputs here would take minutes (or hours) if the work were unbounded; a generous alarm only
guards against a hang, no test asserts a duration.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import FrameType
from typing import Any

import pytest
from lxml import etree

from newscrawl.api import parse_article
from newscrawl.dates import parse_indonesian_datetime, parse_iso_datetime
from newscrawl.errors import ArticleError
from newscrawl.limits import (
    MAX_ATTRIBUTES,
    MAX_TAGS,
    TimeLimitExceeded,
    markup_for_lxml,
    time_limit,
)
from newscrawl.page import Page
from newscrawl.parsers.base import _ld_strings, ld_names
from tests.cases import FIXTURES

NOW = datetime(2026, 7, 1, tzinfo=UTC)
SLUG = "harga-cabai-rawit-di-pasar-besar-malang-tembus-rp80-ribu-per-kilogram"
URL = f"https://www.nusadaily.com/{SLUG}"
ARTICLE = (FIXTURES / "nusadaily" / "articles" / f"{SLUG}.html").read_text("utf-8")
BODY = '<div class="post-text mt-4">'


@contextmanager
def hang_guard(seconds: int = 120) -> Iterator[None]:
    """Fail instead of hanging: the inputs below take hours when the work is unbounded."""

    def hung(signum: int, frame: FrameType | None) -> None:
        raise AssertionError(f"still running after {seconds} s: the work is not bounded")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def with_body(html: str) -> str:
    return ARTICLE.replace(BODY, BODY + html, 1)


def test_an_element_with_absurdly_many_attributes_is_refused_before_parsing() -> None:
    # libxml2 is quadratic in an element's attributes: 100,000 of them took 41 s.
    crowded = " ".join(f'a{n}="x"' for n in range(100_000))
    with hang_guard(), pytest.raises(ArticleError) as refused:
        parse_article(with_body(f"<div {crowded}>x</div>"), URL, NOW)
    assert refused.value.reason == "page_too_complex"
    # Quoted values may hold ">" and "<": the count is the tokenizer's, not the brackets'.
    sneaky = " ".join(f'a{n}=">" b{n}="<"' for n in range(MAX_ATTRIBUTES))
    with pytest.raises(ArticleError, match="attributes"):
        markup_for_lxml(f"<p {sneaky}>".encode())


def test_ordinary_attribute_lists_pass() -> None:
    many = " ".join(f'data-x{n}="{n} {n}"' for n in range(MAX_ATTRIBUTES - 1))
    assert b"data-x1" in markup_for_lxml(f'<img src="a.jpg" {many}>'.encode())
    assert parse_article(ARTICLE, URL, NOW)["headline"]


#: Attribute lists as HTML's tokenizer reads them, ``count`` attributes each: the shapes
#: that do not look like ``name="value" name="value"``.
ATTRIBUTE_SHAPES = {
    "glued-after-double-quotes": lambda count: b"".join(b'a%d="1"' % n for n in range(count)),
    "glued-after-single-quotes": lambda count: b"".join(b"a%d='1'" % n for n in range(count)),
    "quote-starts-a-name": lambda count: b" ".join(
        [b'"x', *(b"b%d" % n for n in range(count - 1))]
    ),
    "lt-digit-in-a-name": lambda count: b" ".join(
        [b"x<1", *(b"b%d" % n for n in range(count - 1))]
    ),
    "tag-like-name-midway": lambda count: b" ".join(
        [
            *(b"b%d" % n for n in range(count // 2)),
            b"x<a",
            *(b"c%d" % n for n in range(count // 2, count - 1)),
        ]
    ),
    "equals-starts-a-name": lambda count: b" ".join(
        [b"=x", *(b"b%d" % n for n in range(count - 1))]
    ),
    "slashes-between": lambda count: b"/".join(b"b%d" % n for n in range(count)),
    "unquoted-values-with-quotes": lambda count: b" ".join(b'a%d=x"y' % n for n in range(count)),
    "quoted-values-with-brackets": lambda count: b" ".join(b'a%d="<x>"' % n for n in range(count)),
    # HTML's whitespace other than the space: between bare names, and around "=".
    **{
        f"names-between-{name}": lambda count, space=space: space.join(
            b"b%d" % n for n in range(count)
        )
        for name, space in [
            ("tabs", b"\t"),
            ("newlines", b"\n"),
            ("form-feeds", b"\f"),
            ("returns", b"\r"),
        ]
    },
    "equals-between-whitespace": lambda count: b"".join(
        b'%sa%d%s=%s"1"' % (space, n, space, space)
        for n, space in zip(range(count), itertools.cycle([b"\t", b"\n", b"\f", b"\r"]))
    ),
}


def libxml2_attributes(markup: bytes) -> int:
    """The most attributes libxml2 gives one element of ``markup``."""
    root = etree.fromstring(markup, etree.HTMLParser(recover=True, encoding="utf-8"))
    return max(len(element.attrib) for element in root.iter(etree.Element))


@pytest.mark.parametrize("shape", ATTRIBUTE_SHAPES.values(), ids=ATTRIBUTE_SHAPES.keys())
def test_attributes_are_counted_as_the_html_tokenizer_counts_them(shape: Any) -> None:
    for count in (MAX_ATTRIBUTES, MAX_ATTRIBUTES + 1):
        markup = b"<html><body><div " + shape(count) + b">x</div></body></html>"
        assert libxml2_attributes(markup) == count  # the shape means what it says
        try:
            markup_for_lxml(markup)
        except ArticleError as exc:
            assert count > MAX_ATTRIBUTES and exc.reason == "page_too_complex"
        else:
            assert count == MAX_ATTRIBUTES, "the guard let a crowded element through"


def test_a_quote_never_closed_runs_to_the_end_and_holds_no_attributes() -> None:
    # A page cut inside a long value (suara's ad iframes name themselves with a whole page):
    # the words after the quote are the value's, not 3,000 attributes.
    markup = b'<html><body><p>x</p><iframe id="f" name="' + b"kata lain " * 3000
    assert libxml2_attributes(markup) <= 2
    assert markup_for_lxml(markup) == markup


@pytest.mark.parametrize(
    "markup",
    [
        b"<a" * 1_000_000,
        b"<a " + b"b " * 2_000_000,
        (b"<a " + b"b " * 999 + b">") * 2000,
        # A tag-like name starts an attempt of its own inside each tag: the worst case.
        (b"<div " + b"<a " * 999 + b">") * (MAX_TAGS // 1000),
    ],
    ids=["unclosed-tags", "endless-tag", "many-full-tags", "tags-inside-names"],
)
def test_the_attribute_check_is_bounded(markup: bytes) -> None:
    with hang_guard(), contextlib.suppress(ArticleError):
        markup_for_lxml(markup)


@pytest.mark.parametrize("name", ["a\x01b", "\x02", "x\ufffey"])
def test_a_control_character_in_an_attribute_name_costs_nothing(name: str) -> None:
    # lxml refuses to hand back such a name: every parser reading the element's attributes
    # raised ValueError ("All strings must be XML compatible").
    page = Page(f'<html><body><p {name}="1" class="k">x</p></body></html>', URL, NOW)
    (paragraph,) = page.sel.css("p")
    assert paragraph.attrib["class"] == "k"
    image = with_body(f'<figure><img {name}="1" src="/a.jpg"><figcaption>F</figcaption></figure>')
    assert parse_article(image, URL, NOW)["body"]


def test_json_ld_nested_far_too_deep_is_not_read_and_raises_nothing() -> None:
    deep_list: object = "Ari"
    deep_name: object = "Ari"
    for _ in range(500):
        deep_list = [deep_list]
        deep_name = {"name": [deep_name]}
    assert ld_names(deep_list) == [] and ld_names(deep_name) == []
    assert _ld_strings(deep_list) == []
    assert ld_names([{"name": "A"}, [["B"]], {"name": {"name": "C"}}]) == ["A", "B", "C"]
    scripts = (
        '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
        '<script type="application/ld+json">'
        + "[" * 900
        + '{"@type": "NewsArticle"}'
        + "]" * 900
        + "</script>"
    )
    page = Page(f"<html><head>{scripts}</head><body><p>x</p></body></html>", URL, NOW)
    assert page.json_ld == []
    article = ARTICLE.replace(
        '"author": {', '"author": ' + "[" * 500 + '"Ari"' + "]" * 500 + ', "x": {'
    )
    assert parse_article(article, URL, NOW)["headline"]


@pytest.mark.parametrize(
    "text",
    [
        "2026-06-28" + " " * 2_000_000 + "x",
        "2026-06-28T10:00:00" + " " * 2_000_000 + "+07:00x",
        "1 " * 1_000_000 + "x",
        "Kamis, 1" + "-" * 2_000_000,
    ],
    ids=["date-spaces", "datetime-spaces", "numbers", "dashes"],
)
def test_date_parsing_is_bounded_on_padded_machine_dates(text: str) -> None:
    # "2026-06-28" + 16,000 spaces + "x" took 5.7 s: the ISO regex backtracked over every
    # space from every position. Two million would take a day.
    with hang_guard():
        assert parse_iso_datetime(text) is None
        parse_indonesian_datetime(text, now=NOW)


def test_padding_around_a_machine_date_is_still_read() -> None:
    padded = "  2026-06-28T10:05:00+07:00" + " " * 32_000
    assert parse_iso_datetime(padded) == datetime.fromisoformat("2026-06-28T10:05:00+07:00")
    assert parse_indonesian_datetime("2026-06-28" + " " * 32_000 + "10:05") == (
        datetime.fromisoformat("2026-06-28T10:05:00+07:00")
    )


def test_time_limit_stops_python_work_that_runs_away() -> None:
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        re.match(r"(a+)+$", "a" * 64 + "b")  # 2**64 steps: it never ends on its own
    with time_limit(5):
        assert re.match(r"a+$", "aaa")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the timer is gone afterwards


def test_a_thousand_unclosed_inline_tags_parse() -> None:
    # The body walk nested once per element (~1,000 unclosed <b> raised RecursionError); it is
    # a loop now.
    assert parse_article(with_body("<p>" + "<b>" * 1000 + "teks"), URL, NOW)["body"]


def test_a_page_of_absurdly_many_tags_is_refused_before_parsing() -> None:
    # Each element costs the parsers' walks a few µs: 500,000 tiny paragraphs took 2.4 s.
    with pytest.raises(ArticleError) as refused:
        parse_article(with_body('<p a="1">x</p>' * (MAX_TAGS // 2 + 1)), URL, NOW)
    assert refused.value.reason == "page_too_complex"
    assert parse_article(with_body("<p>x</p>" * (MAX_TAGS // 4)), URL, NOW)["body"]
