"""The runs' report files read back: one run, and every run of a period by outlet.

The terminal report, the HTML report and the metrics file all read runs through here.
Report files grow keys as the crawler learns to say more (health verdicts with a cause,
the generic-vs-dedicated crosscheck, per-host figures of distributed runs), and old files
lack them: reading is tolerant. A missing key is unknown (None), an unknown key is ignored,
a file that is not a JSON object is listed as unreadable and skipped.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPORT_SUFFIX = ".report.json"
#: The run stamp every report file name starts with (output.run_stamp).
_STAMP = re.compile(r"^(\d{8}T\d{6}Z)")
#: Fields whose coverage the charts follow (the share of records that have them).
CHART_FIELDS = ("authors", "section", "tags", "dateline", "images", "baca_juga")


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _total(value: Any) -> int | None:
    """A count given as a number, or as {name: count} (nested), summed; None if neither."""
    if isinstance(value, dict):
        counts = [_total(v) for v in value.values()]
        return sum(c for c in counts if c is not None)
    return _int(value)


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): n for k, v in value.items() if (n := _int(v)) is not None}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def stamp_time(name: str) -> datetime | None:
    """The run's start from its file name (``20261125T225000Z…``), or None."""
    found = _STAMP.match(name)
    if not found:
        return None
    return datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class RunSummary:
    """What one run's report says, None wherever the report does not say it."""

    outlet: str
    started: datetime | None = None
    finished: datetime | None = None
    finish_reason: str | None = None
    path: Path | None = None
    new: int | None = None
    updated: int | None = None
    records_parsed: int | None = None
    article_pages: int | None = None
    dropped: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, float | None] = field(default_factory=dict)
    #: {"outlet/version": {reason: count}}
    parse_failures: dict[str, dict[str, int]] = field(default_factory=dict)
    health_ok: bool | None = None
    #: The health check's own word when the report gives one (``site_unreachable``, ...).
    verdict: str | None = None
    cause: str | None = None
    crosscheck_checked: int | None = None
    crosscheck_disagrees: int | None = None

    @classmethod
    def from_report(cls, report: dict[str, Any], path: Path | None = None) -> RunSummary:
        health = _dict(report.get("health"))
        emitted = _dict(report.get("emitted"))
        crosscheck = _dict(report.get("crosscheck"))
        verdict = health.get("verdict", health.get("status"))
        cause = health.get("cause", report.get("cause"))
        if cause is None and health.get("parsers"):
            # The parser check says which versions failed on which fields.
            fields = health.get("failing_fields") or []
            cause = f"parser {', '.join(map(str, health['parsers']))}" + (
                f": {', '.join(map(str, fields))}" if fields else ""
            )
        ok = health.get("ok")
        outlet = report.get("outlet")
        coverage = {
            str(name): float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None
            for name, v in _dict(report.get("coverage")).items()
        }
        return cls(
            outlet=outlet if isinstance(outlet, str) else path.parent.name if path else "?",
            started=_time(report.get("started")) or (stamp_time(path.name) if path else None),
            finished=_time(report.get("finished")),
            finish_reason=r if isinstance(r := report.get("finish_reason"), str) else None,
            path=path,
            new=_int(emitted.get("new")),
            updated=_int(emitted.get("updated")),
            records_parsed=_int(report.get("records_parsed")),
            article_pages=_int(health.get("article_pages", report.get("article_pages"))),
            dropped=_counts(report.get("dropped")),
            coverage=coverage,
            parse_failures={
                str(version): _counts(reasons)
                for version, reasons in _dict(report.get("parse_failures")).items()
            },
            health_ok=ok if isinstance(ok, bool) else None,
            verdict=verdict if isinstance(verdict, str) else None,
            cause=cause if isinstance(cause, str) else None,
            crosscheck_checked=_total(
                crosscheck.get("checked", crosscheck.get("compared", crosscheck.get("sampled")))
                or None
            ),
            crosscheck_disagrees=_total(
                crosscheck.get("disagrees", crosscheck.get("disagreements"))
                if crosscheck.get("checked") != {}
                else None
            ),
        )

    @property
    def when(self) -> datetime:
        return self.started or self.finished or datetime.min.replace(tzinfo=UTC)

    @property
    def emitted(self) -> int:
        return (self.new or 0) + (self.updated or 0)

    @property
    def failed_pages(self) -> int:
        return sum(sum(reasons.values()) for reasons in self.parse_failures.values())

    @property
    def unchanged(self) -> int:
        """Records parsed that were not emitted again (known, same content)."""
        return max(0, (self.records_parsed or 0) - self.emitted)

    @property
    def duration(self) -> float | None:
        if self.started is None or self.finished is None:
            return None
        return max(0.0, (self.finished - self.started).total_seconds())

    @property
    def failed(self) -> bool:
        """The run's health check failed (the parser's, or a verdict such as site_unreachable)."""
        if self.health_ok is not None:
            return not self.health_ok
        return self.verdict is not None and self.verdict not in ("ok", "healthy")

    @property
    def succeeded(self) -> bool:
        """Known to have passed its health check and not been cut short by a shutdown."""
        return self.health_ok is True and self.finish_reason != "shutdown"

    @property
    def health_word(self) -> str:
        """``ok``, the report's verdict, ``parser_failed`` (the parser check, which
        names no verdict) or ``unknown``."""
        if self.failed:
            return self.verdict if self.verdict not in (None, "ok") else "parser_failed"
        return "ok" if self.health_ok else "unknown"


def read_report(path: Path) -> RunSummary | None:
    """One report file, or None when it is not a readable JSON object."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return RunSummary.from_report(data, path) if isinstance(data, dict) else None


def report_files(root: Path) -> Iterator[Path]:
    """Report files under ``root``: an output folder of outlet folders, or one outlet's."""
    yield from sorted(root.glob(f"*/*{REPORT_SUFFIX}"))
    yield from sorted(root.glob(f"*{REPORT_SUFFIX}"))


@dataclass
class History:
    """Every readable run of a period, by outlet, oldest first."""

    runs: dict[str, list[RunSummary]]
    unreadable: list[Path]

    @classmethod
    def load(cls, root: Path, since: datetime | None = None) -> History:
        runs: list[RunSummary] = []
        unreadable: list[Path] = []
        for path in report_files(root):
            run = read_report(path)
            if run is None:
                unreadable.append(path)
            elif since is None or run.when >= since:
                runs.append(run)
        return cls.of(runs, unreadable)

    @classmethod
    def of(cls, runs: Iterable[RunSummary], unreadable: list[Path] | None = None) -> History:
        by_outlet: dict[str, list[RunSummary]] = {}
        for run in sorted(runs, key=lambda r: (r.outlet, r.when)):
            by_outlet.setdefault(run.outlet, []).append(run)
        return cls(by_outlet, unreadable or [])


def articles_known(state_path: Path) -> dict[str, int]:
    """Articles the SQLite crawl state holds per outlet; empty when there is no such file.

    Opened read-only: a report must never create or lock the crawler's state.
    """
    if not state_path.is_file():
        return {}
    try:
        db = sqlite3.connect(f"file:{state_path}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT outlet, COUNT(*) FROM articles GROUP BY outlet").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return {}
    return {str(outlet): int(count) for outlet, count in rows}
