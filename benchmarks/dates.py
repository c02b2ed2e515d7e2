"""Dates: newscrawl.dates against dateparser over the table of real printed date strings.

The strings are ``PRINTED`` in tests/test_dates.py (imported, not copied), each with the
hand-checked answer. Relative forms ("10 menit yang lalu") are resolved against the table's
``NOW`` by both parsers: dateparser gets it as ``RELATIVE_BASE``, the one setting added to
``TIMEZONE=Asia/Jakarta, RETURN_AS_TIMEZONE_AWARE=True``; without it every relative string
would "disagree" only because dateparser reads the wall clock.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from benchmarks.stats import Row
from newscrawl.dates import parse_indonesian_datetime, to_iso
from tests.test_dates import NOW, PRINTED

LANGUAGES = ["id", "en"]


def dateparser_settings() -> dict[str, Any]:
    return {
        "TIMEZONE": "Asia/Jakarta",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": NOW.replace(tzinfo=None),
    }


def ours(text: str) -> datetime | None:
    return parse_indonesian_datetime(text, now=NOW)


def theirs(text: str) -> datetime | None:
    import dateparser

    found: datetime | None = dateparser.parse(
        text, languages=LANGUAGES, settings=dateparser_settings()
    )
    return found


def _iso(value: datetime | None) -> str | None:
    return to_iso(value) if value is not None and value.utcoffset() is not None else None


@dataclass
class Disagreement:
    case: str
    text: str
    ours: str | None
    dateparser: str | None
    expected: str

    @property
    def right(self) -> str:
        if self.ours == self.expected and self.dateparser != self.expected:
            return "newscrawl"
        if self.dateparser == self.expected and self.ours != self.expected:
            return "dateparser"
        return "neither"


def disagreements() -> list[Disagreement]:
    """Strings where the two results differ in instant or in offset."""
    found = []
    for case, text, expected in PRINTED:
        a, b = ours(text), theirs(text)
        # Same ISO string <=> same wall time and same offset <=> same instant and offset.
        if _iso(a) != _iso(b):
            found.append(Disagreement(case, text, _iso(a), _iso(b), expected))
    return found


def _pass(parse: Callable[[str], Any], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        parse(text)
    return time.perf_counter() - start


def run(repeats: int, log: Callable[[str], None] = print) -> tuple[list[Row], list[str]]:
    texts = [text for _, text, _ in PRINTED]
    # Warm up: dateparser loads its language data on first use.
    _pass(ours, texts)
    _pass(theirs, texts)
    ours_rate, theirs_rate, ratio = [], [], []
    for rep in range(repeats):
        gc.collect()
        # Alternate which goes first; ours runs several passes to measure above timer noise.
        inner = 20
        first, second = (ours, theirs) if rep % 2 == 0 else (theirs, ours)
        elapsed = {first: 0.0, second: 0.0}
        for fn in (first, second):
            passes = inner if fn is ours else 1
            elapsed[fn] = sum(_pass(fn, texts) for _ in range(passes)) / passes
        ours_rate.append(len(texts) / elapsed[ours])
        theirs_rate.append(len(texts) / elapsed[theirs])
        ratio.append(elapsed[theirs] / elapsed[ours])
        log(f"  dates repeat {rep + 1}/{repeats}: {ratio[-1]:.0f}x")
    found = disagreements()
    wrong = [d for d in found if d.right != "newscrawl"]
    rows = [
        Row("dates", "newscrawl strings/s", ours_rate, "/s", digits=0),
        Row("dates", "dateparser strings/s", theirs_rate, "/s", digits=0),
        Row("dates", "newscrawl / dateparser throughput", ratio, "x", (">=", 50.0), digits=0),
        Row("dates", "disagreements where newscrawl is wrong", [len(wrong)], "", ("<=", 0), 0),
    ]
    notes = [f"{len(texts)} strings from tests/test_dates.py PRINTED; {len(found)} disagreements:"]
    width = max((len(d.text) for d in found), default=0)
    for d in found:
        notes.append(
            f"  {d.text!r:<{width + 2}} newscrawl {d.ours or 'None':<25} "
            f"dateparser {d.dateparser or 'None':<25} table {d.expected}  right: {d.right}"
        )
    return rows, notes
