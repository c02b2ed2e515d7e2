"""The four pictures of one outlet's runs, as data: what the HTML report draws.

Records per run (a redesign that breaks a parser turns a column red and sets its alarm),
pages dropped by reason, field coverage, parse failures by parser version. Many runs are
grouped into at most ``max_columns`` consecutive columns so a month of half-hourly runs
stays readable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from math import ceil

from newscrawl.keep.history import CHART_FIELDS, RunSummary
from newscrawl.keep.overview import weighted_coverage

MAX_COLUMNS = 120
#: Colour-blind-safe palette (Okabe-Ito, then greys) for series without a fixed colour.
PALETTE = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#999999",
    "#555555",
)
FAILED_COLOR = "#d62728"
#: Reasons (or versions) beyond this many are summed as "other".
MAX_SERIES = 8


@dataclass
class Series:
    name: str
    color: str
    #: One value per column; None where the runs say nothing (a gap in a line).
    values: Sequence[float | None]


@dataclass
class Chart:
    key: str
    title: str
    #: "bars" (series stacked per column) or "lines" (coverage, 0..1).
    kind: str
    columns: list[datetime]
    series: list[Series] = field(default_factory=list)
    #: Columns with a run whose health check failed: drawn with a red mark.
    alarms: list[bool] = field(default_factory=list)
    y_max: float | None = None

    def column_total(self, index: int) -> float:
        return sum(s.values[index] or 0.0 for s in self.series)

    def values(self, name: str) -> Sequence[float | None]:
        return next(s.values for s in self.series if s.name == name)


def group_runs(runs: Sequence[RunSummary], max_columns: int) -> list[list[RunSummary]]:
    """Consecutive runs in at most ``max_columns`` equal groups, oldest first."""
    size = max(1, ceil(len(runs) / max_columns))
    return [list(runs[i : i + size]) for i in range(0, len(runs), size)]


def _stacked(
    columns: list[list[RunSummary]], counts: Callable[[RunSummary], dict[str, int]]
) -> list[Series]:
    per_column = []
    for group in columns:
        total: Counter[str] = Counter()
        for run in group:
            total.update(counts(run))
        per_column.append(total)
    overall: Counter[str] = sum(per_column, Counter())
    names = [name for name, _ in overall.most_common()]
    kept, rest = names[:MAX_SERIES], names[MAX_SERIES:]
    series = [
        Series(name, PALETTE[i % len(PALETTE)], [float(c[name]) for c in per_column])
        for i, name in enumerate(sorted(kept))
    ]
    if rest:
        other = [float(sum(c[name] for name in rest)) for c in per_column]
        series.append(Series("other", PALETTE[-1], other))
    return series


def outlet_charts(runs: Sequence[RunSummary], max_columns: int = MAX_COLUMNS) -> list[Chart]:
    """The records, drops, coverage and parse-failure charts of one outlet's runs."""
    columns = group_runs(runs, max_columns)
    starts = [group[0].when for group in columns]
    alarms = [any(run.failed for run in group) for group in columns]

    def bars(key: str, title: str, series: list[Series]) -> Chart:
        return Chart(key, title, "bars", starts, series, alarms)

    def summed(value: Callable[[RunSummary], int]) -> list[float]:
        return [float(sum(value(run) for run in group)) for group in columns]

    records = bars(
        "records",
        "Article pages per run: records emitted, unchanged, and parse failures",
        [
            Series("new", "#1b7837", summed(lambda r: r.new or 0)),
            Series("updated", "#7fbf7b", summed(lambda r: r.updated or 0)),
            Series("unchanged", "#bababa", summed(lambda r: r.unchanged)),
            Series("parse failures", FAILED_COLOR, summed(lambda r: r.failed_pages)),
        ],
    )
    drops = bars("drops", "Pages dropped, by reason", _stacked(columns, lambda r: r.dropped))
    per_column = [weighted_coverage(group) for group in columns]
    coverage = Chart(
        "coverage",
        "Field coverage (share of records that have the field)",
        "lines",
        starts,
        [
            Series(name, PALETTE[i], [shares.get(name) for shares in per_column])
            for i, name in enumerate(CHART_FIELDS)
        ],
        alarms,
        y_max=1.0,
    )
    failures = bars(
        "failures",
        "Parse failures, by parser version",
        _stacked(
            columns,
            lambda r: {version: sum(n.values()) for version, n in r.parse_failures.items()},
        ),
    )
    return [records, drops, coverage, failures]
