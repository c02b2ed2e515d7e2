"""The record schema (validated by jsonschema-rs): real records pass, each kind of fault is
named by its field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newscrawl.record import FIELDS, load_schema, schema_errors, to_json_line
from tests.cases import load_cases

RECORDS = [
    json.loads(case.expected_path.read_text("utf-8"))
    for case in load_cases()
    if not case.error and case.expected_path.exists()
]


def test_every_expected_record_is_valid() -> None:
    assert len(RECORDS) > 40
    for record in RECORDS:
        assert schema_errors(record) == [], record["url"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"revision": 0}, "revision", "minimum"),
        ({"revision": "1"}, "revision", "integer"),
        ({"authors": "Andi"}, "authors", "array"),
        ({"authors": ["  "]}, "authors/0", "does not match"),
        ({"published_at": "2026-06-26 14:40"}, "published_at", "does not match"),
        ({"published_at": "2026-06-26T14:40:00"}, "published_at", "does not match"),
        ({"url": "/relative/path"}, "url", "does not match"),
        ({"subheadline": ""}, "subheadline", "shorter"),
        ({"images": [{"url": "https://x.id/a.jpg"}]}, "images/0", "caption"),
        ({"baca_juga": [{"title": "t", "url": "https://x.id/a", "z": 1}]}, "baca_juga/0", "z"),
    ],
)
def test_a_fault_is_named_by_its_field(change: dict[str, Any], field: str, words: str) -> None:
    record = {**RECORDS[0], **change}
    errors = schema_errors(record)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{field}: ")
    assert words in errors[0]


def test_missing_and_unknown_keys_are_faults_of_the_record() -> None:
    record = {key: value for key, value in RECORDS[0].items() if key != "body"}
    record["extra"] = 1
    errors = schema_errors(record)
    assert len(errors) == 2
    assert all(error.startswith("<record>: ") for error in errors)
    assert any("body" in error for error in errors) and any("extra" in error for error in errors)


def test_several_faults_come_sorted_by_field() -> None:
    errors = schema_errors({**RECORDS[0], "tags": None, "authors": None, "revision": None})
    assert [error.split(":")[0] for error in errors] == ["authors", "revision", "tags"]


def test_the_schema_requires_every_field_in_order() -> None:
    assert tuple(load_schema()["required"]) == FIELDS
    assert list(json.loads(to_json_line(dict(reversed(RECORDS[0].items()))))) == list(FIELDS)
