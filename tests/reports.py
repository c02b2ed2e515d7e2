"""Run reports for tests, made by the real ``CrawlReport`` from the stats a run would have."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newscrawl.keep.extensions import CrawlReport
from newscrawl.keep.output import run_stamp
from newscrawl.keep.pipelines import COVERAGE_FIELDS
from newscrawl.keep.run import Run

START = datetime(2026, 11, 20, tzinfo=UTC)


class Stats:
    """The two methods of a stats collector that CrawlReport uses."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def get_stats(self) -> dict[str, Any]:
        return self.values

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


def make_report(
    outlet: str,
    started: datetime,
    *,
    new: int = 0,
    updated: int = 0,
    unchanged: int = 0,
    failed: dict[str, dict[str, int]] | None = None,
    dropped: dict[str, int] | None = None,
    coverage: dict[str, float] | None = None,
    seconds: int = 90,
) -> dict[str, Any]:
    """The report of a run with these figures (coverage 1.0 for fields not given)."""
    records = new + updated + unchanged
    stats: dict[str, Any] = {
        "newscrawl/records": records,
        "newscrawl/parsed": records,
        "newscrawl/article_pages": records,
        "newscrawl/emitted/new": new,
        "newscrawl/emitted/updated": updated,
        "newscrawl/unchanged": unchanged,
    }
    for reason, count in (dropped or {}).items():
        stats[f"newscrawl/dropped/{reason}"] = count
    for version, reasons in (failed or {}).items():
        for reason, count in reasons.items():
            stats[f"newscrawl/failed/{version}/{reason}"] = count
            key = f"newscrawl/dropped/{reason}"
            stats[key] = stats.get(key, 0) + count
            stats["newscrawl/article_pages"] += count
    for name in COVERAGE_FIELDS:
        stats[f"newscrawl/coverage/{name}"] = round((coverage or {}).get(name, 1.0) * records)
    run = Run(outlet, started, started, timedelta(hours=48))
    report = CrawlReport(run, Stats(stats)).report("finished")  # type: ignore[arg-type]
    report["finished"] = (started + timedelta(seconds=seconds)).isoformat()
    return report


def write_reports(folder: Path, reports: Iterable[dict[str, Any]]) -> list[Path]:
    """Each report as ``folder/<outlet>/<stamp>.report.json``, as runs write them."""
    paths = []
    for report in reports:
        started = datetime.fromisoformat(report["started"])
        path = folder / report["outlet"] / f"{run_stamp(started)}.report.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
        paths.append(path)
    return paths


def broken_history(
    outlet: str = "kompas", runs: int = 8, broken_from: int = 5
) -> list[dict[str, Any]]:
    """Half-hourly runs of ``outlet``; from run ``broken_from`` on a redesign breaks its
    parser: no records, every article page an ``unknown_layout`` failure of kompas/v2."""
    reports = []
    for index in range(runs):
        when = START + timedelta(minutes=30 * index)
        if index < broken_from:
            report = make_report(outlet, when, new=4, updated=1, unchanged=3)
        else:
            failed = {f"{outlet}/v2": {"unknown_layout": 8}}
            report = make_report(outlet, when, failed=failed)
        reports.append(report)
    return reports
