"""The fast schema check never accepts what jsonschema rejects, and accepts real records."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from newscrawl.record import load_schema, schema_errors
from newscrawl.schemacheck import compile_schema
from tests.cases import load_cases

PROPERTY = settings(derandomize=True, database=None, max_examples=500, deadline=None)
RECORDS = [
    json.loads(case.expected_path.read_text("utf-8"))
    for case in load_cases()
    if not case.error and case.expected_path.exists()
]
CHECK = compile_schema(load_schema())
VALIDATOR = Draft202012Validator(load_schema())

VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 3)
    | st.floats(-1, 3, allow_nan=False)
    | st.sampled_from(
        ["", " ", "x", "id", "\n", "a/v1", "https://x.id/a", "2026-01-01T00:00:00+07:00"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["title", "url", "caption", "z"]), inner, max_size=3)
    ),
    max_leaves=6,
)


def test_the_record_schema_is_covered() -> None:
    assert CHECK is not None, "the record schema uses a keyword schemacheck does not know"


def test_real_records_pass_the_fast_check() -> None:
    assert RECORDS
    assert CHECK is not None
    for record in RECORDS:
        assert CHECK(record), record["url"]


@PROPERTY
@given(
    st.sampled_from(RECORDS),
    st.lists(
        st.tuples(st.sampled_from([*load_schema()["properties"], "extra"]), VALUES | st.just(...)),
        min_size=1,
        max_size=3,
    ),
)
def test_fast_check_never_accepts_an_invalid_record(
    record: dict[str, Any], changes: list[tuple[str, Any]]
) -> None:
    assert CHECK is not None
    changed = json.loads(json.dumps(record))
    for key, value in changes:
        if value is ...:
            changed.pop(key, None)
        else:
            changed[key] = value
    valid = VALIDATOR.is_valid(changed)
    if CHECK(changed):
        assert valid, changed
    # schema_errors answers as jsonschema does, whichever path it takes.
    assert (schema_errors(changed) == []) == valid


def test_unknown_keywords_turn_the_fast_check_off() -> None:
    assert compile_schema({"type": "object", "const": {}}) is None
    assert compile_schema({"$ref": "https://example.com/other.json"}) is None
