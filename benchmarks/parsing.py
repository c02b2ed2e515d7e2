"""Parsing: newscrawl.parse_article against lxml's bare tree (the floor) and trafilatura.

Every article page of ../shared/pages (MANIFEST.tsv, ``page_kind`` = article) whose outlet
has a parser, and every fixture case in tests/fixtures/*/cases.json that expects a record,
each page once (a real page used by a case is the same page). Per repeat, each contender
parses every page in one block, the blocks in an order that rotates with the repeat, so
drift in machine speed hits them alike; the repeat's figure is the median per-page time
over all pages, and its ratios are computed from that same repeat.
"""

from __future__ import annotations

import csv
import gc
import gzip
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html

from benchmarks.stats import Row, median
from newscrawl import parse_article
from newscrawl.api import find_outlet
from newscrawl.errors import ArticleError
from newscrawl.outlet import registry
from newscrawl.page import Page
from tests.cases import FIXTURES, SHARED_PAGES, load_cases

#: Fetch time for real pages no case names (only relative dates depend on it).
DEFAULT_FETCHED_AT = datetime(2026, 6, 30, 3, 0, tzinfo=UTC)


@dataclass
class BenchPage:
    name: str
    html: bytes
    url: str
    fetched_at: datetime
    #: A page an outlet really served (../shared/pages), not a fixture written for tests.
    real: bool = False


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def collect_pages() -> tuple[list[BenchPage], list[str]]:
    """The pages to time, and a note on what was left out and why."""
    pages: dict[Path, BenchPage] = {}
    skipped: dict[str, int] = {}
    outlets = registry()
    for case in load_cases():
        if case.error:  # not an article, or a page built to fail: nothing to compare
            continue
        if case.file.startswith("shared:"):
            path = SHARED_PAGES / case.file.removeprefix("shared:")
            if not path.exists():
                continue
        else:
            path = FIXTURES / case.outlet / case.file
        real = case.file.startswith("shared:")
        pages.setdefault(path, BenchPage(case.id, _read(path), case.url, case.fetched_at, real))
    manifest = SHARED_PAGES / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream, delimiter="\t"):
                if row["page_kind"] != "article":
                    continue
                if row["outlet"] not in outlets:
                    skipped[row["outlet"]] = skipped.get(row["outlet"], 0) + 1
                    continue
                path = SHARED_PAGES / row["local_file"]
                name = f"shared/{row['local_file']}"
                page = BenchPage(name, _read(path), row["original_url"], DEFAULT_FETCHED_AT, True)
                pages.setdefault(path, page)
    notes = []
    if skipped:
        listed = ", ".join(f"{o} ({n})" for o, n in sorted(skipped.items()))
        notes.append(f"shared article pages skipped, no parser for the outlet: {listed}")
    if not manifest.exists():
        notes.append(f"{manifest} not found: fixture pages only")
    return list(pages.values()), notes


def _ours(page: BenchPage) -> Callable[[], Any]:
    def run() -> Any:
        try:
            return parse_article(page.html, page.url, page.fetched_at)
        except ArticleError as exc:
            return exc.reason

    return run


def _generic(page: BenchPage) -> Callable[[], Any]:
    """The generic parser alone on the page (for a declared outlet: its fallback, with the
    outlet's names and zone), what it costs where no dedicated parser helps."""
    outlet = find_outlet(page.url)

    def run() -> Any:
        try:
            parsed = Page.from_bytes(page.html, page.url, page.fetched_at)
            return outlet.fallback(parsed).parse()
        except ArticleError as exc:
            return exc.reason

    return run


def _dedicated(url: str) -> bool:
    return find_outlet(url).dedicated


def _lxml(page: BenchPage) -> Callable[[], Any]:
    return lambda: lxml.html.fromstring(page.html)


def _trafilatura(page: BenchPage) -> Callable[[], Any]:
    import trafilatura

    return lambda: trafilatura.extract(
        page.html, url=page.url, with_metadata=True, output_format="json"
    )


CONTENDERS = {
    "newscrawl": _ours,
    "lxml": _lxml,
    "trafilatura": _trafilatura,
    "generic": _generic,
}


def run(repeats: int, log: Callable[[str], None] = print) -> tuple[list[Row], list[str]]:
    pages, notes = collect_pages()
    outcomes: dict[str, int] = {}
    for page in pages:
        result = _ours(page)()
        key = "record" if isinstance(result, dict) else f"error:{result}"
        outcomes[key] = outcomes.get(key, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    notes.append(f"{len(pages)} pages ({summary})")
    calls = {name: [make(p) for p in pages] for name, make in CONTENDERS.items()}
    for fns in calls.values():  # warm up: imports, caches, lazy initialisation
        for fn in fns:
            fn()
    names = list(CONTENDERS)
    per_repeat: dict[str, list[float]] = {name: [] for name in names}
    per_page_ratio: list[float] = []
    # The real pages a dedicated parser reads: the "stay where they are" target is theirs (a
    # page of an outlet with no dedicated parser is the generic parser's, measured above).
    real = [i for i, page in enumerate(pages) if page.real and _dedicated(page.url)]
    if len(real) < sum(page.real for page in pages):
        notes.append(
            f"real pages of outlets with no dedicated parser left out of the real-page rows: "
            f"{sum(page.real for page in pages) - len(real)}"
        )
    real_lxml: list[float] = []
    real_traf: list[float] = []
    for rep in range(repeats):
        gc.collect()
        times: dict[str, list[float]] = {name: [] for name in names}
        # Each contender parses every page in one block, as it would in use (page after page
        # of its own work); the blocks' order rotates with the repeat. Interleaved page by page,
        # trafilatura's large working set evicted newscrawl's caches between its pages.
        turn = rep % len(names)
        for name in names[turn:] + names[:turn]:
            for fn in calls[name]:
                start = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - start)
        for name in names:
            per_repeat[name].append(median(times[name]) * 1000)
        per_page_ratio.append(
            median([o / f for o, f in zip(times["newscrawl"], times["lxml"], strict=True)])
        )
        if real:
            ours_real = median([times["newscrawl"][i] for i in real])
            real_lxml.append(ours_real / median([times["lxml"][i] for i in real]))
            real_traf.append(median([times["trafilatura"][i] for i in real]) / ours_real)
        log(
            f"  parsing repeat {rep + 1}/{repeats}: "
            + ", ".join(f"{n} {per_repeat[n][-1]:.3f} ms" for n in names)
        )
    ours, floor, traf, generic = (per_repeat[n] for n in names)
    rows = [
        Row("parse", "newscrawl median ms/page", ours, "ms", digits=3),
        Row("parse", "lxml.html.fromstring median ms/page", floor, "ms", digits=3),
        Row("parse", "trafilatura median ms/page", traf, "ms", digits=3),
        Row(
            "parse",
            "newscrawl / lxml (median page time)",
            [o / f for o, f in zip(ours, floor, strict=True)],
            "x",
            ("<=", 3.0),
        ),
        Row("parse", "newscrawl / lxml (median of per-page ratios)", per_page_ratio, "x"),
        Row(
            "parse",
            "trafilatura / newscrawl (median page time)",
            [t / o for t, o in zip(traf, ours, strict=True)],
            "x",
            (">=", 8.0),
        ),
    ]
    rows += [
        Row("parse", "generic parser median ms/page", generic, "ms", digits=3),
        Row(
            "parse",
            "trafilatura / generic parser (median page time)",
            [t / g for t, g in zip(traf, generic, strict=True)],
            "x",
            (">=", 1.0),
        ),
    ]
    if real:
        rows += [
            Row(
                "parse",
                f"  real pages, dedicated parsers ({len(real)}): newscrawl / lxml",
                real_lxml,
                "x",
                ("<=", 3.0),
            ),
            Row(
                "parse",
                f"  real pages, dedicated parsers ({len(real)}): trafilatura / newscrawl",
                real_traf,
                "x",
            ),
        ]
    return rows, notes
