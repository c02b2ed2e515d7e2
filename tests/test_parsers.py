"""Every parser case: the record matches the expected one field by field."""

from __future__ import annotations

import json

import pytest

from newscrawl.errors import ArticleError
from newscrawl.record import FIELDS, schema_errors
from tests.cases import SHARED_PAGES, Case, load_cases

CASES = load_cases()


def _skip_without_shared(case: Case) -> None:
    if case.needs_shared and not SHARED_PAGES.is_dir():
        pytest.skip(f"{case.id} reads a real page from {SHARED_PAGES}, which is absent")


@pytest.mark.parametrize("case", [c for c in CASES if not c.error], ids=lambda c: c.id)
def test_record_matches_expected(case: Case) -> None:
    _skip_without_shared(case)
    assert case.expected_path.exists(), (
        f"{case.id}: no expected record; run `python -m tests.regenerate {case.outlet} {case.name}`"
    )
    expected = json.loads(case.expected_path.read_text("utf-8"))
    assert set(expected) == set(FIELDS), f"{case.id}: expected keys {sorted(expected)}"
    actual = case.parse()
    assert not schema_errors(actual), f"{case.id}: schema: {schema_errors(actual)}"
    assert list(actual) == list(FIELDS), f"{case.id}: key order {list(actual)}"
    wrong = [
        f"{case.id} field {name!r}:\n  expected {expected[name]!r}\n  actual   {actual[name]!r}"
        for name in FIELDS
        if actual[name] != expected[name]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("case", [c for c in CASES if c.error], ids=lambda c: c.id)
def test_page_is_refused_with_reason(case: Case) -> None:
    _skip_without_shared(case)
    with pytest.raises(ArticleError) as info:
        case.parse()
    assert info.value.reason == case.error, f"{case.id}: reason {info.value.reason!r}: {info.value}"
