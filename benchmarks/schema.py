"""Record validation: microseconds per record through ``newscrawl.record.schema_errors``.

The records are every expected record of ``tests/fixtures/*/cases.json``, each validated
once per repeat (all valid, the crawl's usual case), then each made invalid in three fields
(the path that builds messages). The Python ``jsonschema`` package over the same records is
the reference point when it is installed (``.[bench]``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from benchmarks.stats import Row
from newscrawl.record import load_schema, schema_errors
from tests.cases import load_cases


def records() -> list[dict[str, Any]]:
    return [
        json.loads(case.expected_path.read_text("utf-8"))
        for case in load_cases()
        if not case.error and case.expected_path.exists()
    ]


def broken(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "revision": 0, "authors": "one string", "language": ""}


def per_record_us(check: Callable[[dict[str, Any]], object], batch: list[dict[str, Any]]) -> float:
    """Whole passes over ``batch`` for at least half a second; the mean time per record."""
    rounds = 0
    started = time.perf_counter()
    while rounds == 0 or time.perf_counter() - started < 0.5:
        for record in batch:
            check(record)
        rounds += 1
    return (time.perf_counter() - started) / (rounds * len(batch)) * 1e6


def _reference() -> Callable[[dict[str, Any]], object] | None:
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        return None
    validator = Draft202012Validator(load_schema())
    return lambda record: list(validator.iter_errors(record))


def run(repeats: int, log: Callable[[str], None]) -> tuple[list[Row], list[str]]:
    valid = records()
    invalid = [broken(record) for record in valid]
    assert all(not schema_errors(r) for r in valid) and all(schema_errors(r) for r in invalid)
    reference = _reference()
    ours_valid, ours_invalid, ref_valid = [], [], []
    for repeat in range(repeats):
        ours_valid.append(per_record_us(schema_errors, valid))
        ours_invalid.append(per_record_us(schema_errors, invalid))
        if reference is not None:
            ref_valid.append(per_record_us(reference, valid))
        log(f"  schema repeat {repeat + 1}/{repeats}: {ours_valid[-1]:.2f} µs/record")
    rows = [
        Row("schema", f"schema_errors µs/record, valid ({len(valid)})", ours_valid, "µs"),
        Row("schema", "schema_errors µs/record, 3 errors each", ours_invalid, "µs"),
    ]
    if ref_valid:
        rows.append(Row("schema", "jsonschema (Python) µs/record, valid", ref_valid, "µs"))
    return rows, []
