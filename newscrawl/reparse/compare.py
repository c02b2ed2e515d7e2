"""``--compare``: what a re-parse changed against an earlier output, field by field.

The report someone reads before publishing a parser fix: how many records changed in each
field, a few examples of each, and the articles found only before or only now. The earlier
file is not loaded: its lines are found again by offset when a new record has the same URL.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from newscrawl.record import FIELDS

#: Not content: it counts emissions of an article, which depend on the crawl state.
IGNORED = frozenset({"revision"})
EXAMPLES = 3
SNIPPET = 70


class Comparison:
    """New records, one at a time, against the records of ``previous`` with the same URL."""

    def __init__(self, previous: str | Path, examples: int = EXAMPLES) -> None:
        self.previous = Path(previous)
        self.examples = examples
        self._offsets: dict[str, int] = {}
        with self.previous.open("rb") as stream:
            offset = 0
            for line in stream:
                if line.strip():
                    self._offsets.setdefault(json.loads(line)["url"], offset)
                offset += len(line)
        self.before = len(self._offsets)
        self._stream = self.previous.open("rb")
        self.now = self.changed = 0
        self.fields: Counter[str] = Counter()
        self.samples: dict[str, list[tuple[str, Any, Any]]] = {}
        self.only_now: list[str] = []
        self.only_now_count = 0

    def add(self, record: dict[str, Any]) -> None:
        self.now += 1
        offset = self._offsets.pop(record["url"], None)
        if offset is None:
            self.only_now_count += 1
            if len(self.only_now) < self.examples:
                self.only_now.append(record["url"])
            return
        self._stream.seek(offset)
        old = json.loads(self._stream.readline())
        differing = [f for f in FIELDS if f not in IGNORED and old.get(f) != record.get(f)]
        if differing:
            self.changed += 1
        for name in differing:
            self.fields[name] += 1
            samples = self.samples.setdefault(name, [])
            if len(samples) < self.examples:
                samples.append((record["url"], old.get(name), record.get(name)))

    def report(self) -> str:
        self._stream.close()
        gone = sorted(self._offsets)
        both = self.now - self.only_now_count
        lines = [
            f"compared with {self.previous}: {self.before} records before, {self.now} now; "
            f"{both} in both, {len(gone)} only before, {self.only_now_count} only now",
            f"{both - self.changed} unchanged, {self.changed} changed",
        ]
        if self.fields:
            width = max(len(name) for name in self.fields)
            lines.append(f"  {'field'.ljust(width)}  changed")
            for name in FIELDS:
                if self.fields[name]:
                    share = self.fields[name] / both
                    lines.append(f"  {name.ljust(width)}  {self.fields[name]:>7} ({share:.1%})")
        for name in FIELDS:
            for url, old, new in self.samples.get(name, []):
                before, after = difference(old, new)
                lines += [f"{name}: {url}", f"  before: {before}", f"  now:    {after}"]
        lines += [f"only before: {url}" for url in gone[: self.examples]]
        lines += [f"only now: {url}" for url in self.only_now]
        return "\n".join(lines)


def difference(old: Any, new: Any, width: int = SNIPPET) -> tuple[str, str]:
    """The two values around where they first differ, as JSON, cut to ``width``."""
    a, b = (json.dumps(v, ensure_ascii=False) for v in (old, new))
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    start = max(0, start - width // 3)

    def cut(text: str) -> str:
        part = text[start : start + width]
        return ("…" if start else "") + part + ("…" if start + width < len(text) else "")

    return cut(a), cut(b)
