"""Fuzzing: hostile mutations of every outlet's saved pages, and date strings pieced together at
random. A page is a record or an ArticleError, never another exception; a date string is an
aware datetime or None. A few hundred cases here; ``benchmarks/fuzz.py`` runs tens of
thousands and measures the time of each parse.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.api import parse_article
from newscrawl.dates import parse_indonesian_datetime, parse_iso_datetime
from newscrawl.errors import ArticleError
from newscrawl.record import schema_errors
from tests.cases import Case, load_cases
from tests.mutations import DATE_TOKENS, MUTATIONS, PAYLOADS

NOW = datetime(2026, 7, 1, 3, tzinfo=UTC)
BY_NAME = {mutation.name: mutation.apply for mutation in MUTATIONS}
FUZZ = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def cases() -> list[Case]:
    """Every outlet's own fixture pages that are articles (the real pages in ../shared are the
    benchmark's: the suite must run without them)."""
    return [case for case in load_cases() if not case.needs_shared and case.error is None]


@cache
def page(number: int) -> bytes:
    return cases()[number].html()


@FUZZ
@given(
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from([mutation.name for mutation in MUTATIONS]),
    st.integers(min_value=0, max_value=10**7),
    st.sampled_from(PAYLOADS),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from([None, "text/html; charset=utf-8", "text/html; charset=iso-8859-1"]),
)
def test_a_mutated_page_is_a_record_or_a_refusal(
    which: int,
    mutation: str,
    at: int,
    payload: bytes,
    count: int,
    content_type: str | None,
) -> None:
    case = cases()[which % len(cases())]
    body = BY_NAME[mutation](page(which % len(cases())), at, payload, count)
    try:
        record = parse_article(body, case.url, NOW, content_type=content_type)
    except ArticleError:
        return
    assert schema_errors(record) == [], f"{case.id} after {mutation}"


@FUZZ
@given(st.lists(st.sampled_from(DATE_TOKENS), max_size=12) | st.text(max_size=60))
def test_a_date_string_is_an_aware_datetime_or_none(pieces: list[str] | str) -> None:
    text = "".join(pieces)
    for found in (
        parse_indonesian_datetime(text, now=NOW),
        parse_indonesian_datetime(text),
        parse_iso_datetime(text),
    ):
        assert found is None or (found.utcoffset() is not None and 1990 <= found.year <= 2100)


# -- what the fuzzer found ----------------------------------------------------------------------


def test_a_comment_after_an_image_paragraph_is_no_caption() -> None:
    # benchmarks/fuzz.py found it: itertext() of a comment raises ValueError.
    case = next(c for c in cases() if c.outlet == "nusadaily")
    body = page(cases().index(case)).replace(
        b'<div class="post-text mt-4">',
        b'<div class="post-text mt-4"><p><img src="/a.jpg"></p><!-- iklan --><p>Foto: A</p>',
        1,
    )
    assert parse_article(body, case.url, NOW)["images"]
