"""One outlet's period at a glance, outlets ordered trouble first, and the terminal lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from newscrawl.keep.history import CHART_FIELDS, History, RunSummary

#: A field's coverage moving by at least this much (share of records) is worth a look.
COVERAGE_SHIFT = 0.1
#: Pages dropped above this share of the pages that reached a parser is worth a look...
DROP_RATE_WARN = 0.2
#: ...not counting the drops that say nothing bad (galleries and videos, repeated links).
ROUTINE_DROPS = frozenset({"not_an_article", "duplicate"})


def weighted_coverage(runs: list[RunSummary]) -> dict[str, float]:
    """Each field's coverage over ``runs``, weighted by the records of each run."""
    totals: dict[str, float] = {}
    weights: dict[str, int] = {}
    for run in runs:
        records = run.records_parsed or 0
        for name, share in run.coverage.items():
            if share is not None and records:
                totals[name] = totals.get(name, 0.0) + share * records
                weights[name] = weights.get(name, 0) + records
    return {name: totals[name] / weights[name] for name in totals}


@dataclass
class OutletPeriod:
    """What the runs of one outlet in the period add up to."""

    outlet: str
    runs: list[RunSummary]
    articles_known: int | None = None

    @property
    def last(self) -> RunSummary:
        return self.runs[-1]

    @property
    def new(self) -> int:
        return sum(run.new or 0 for run in self.runs)

    @property
    def updated(self) -> int:
        return sum(run.updated or 0 for run in self.runs)

    @property
    def last_success(self) -> datetime | None:
        return max((run.when for run in self.runs if run.succeeded), default=None)

    @cached_property
    def drops(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for run in self.runs:
            total.update(run.dropped)
        return total

    @property
    def drop_rate(self) -> float | None:
        """Pages dropped, as a share of pages dropped or parsed into records."""
        return self._rate(sum(self.drops.values()))

    @property
    def unusual_drop_rate(self) -> float | None:
        """The same, counting only drops that are not routine."""
        drops = self.drops
        return self._rate(sum(n for reason, n in drops.items() if reason not in ROUTINE_DROPS))

    def _rate(self, dropped: int) -> float | None:
        parsed = sum(run.records_parsed or 0 for run in self.runs)
        return dropped / (dropped + parsed) if dropped + parsed else None

    @property
    def health_failures(self) -> list[RunSummary]:
        return [run for run in self.runs if run.failed]

    @property
    def verdicts(self) -> Counter[str]:
        return Counter(run.health_word for run in self.health_failures)

    @property
    def crosscheck(self) -> tuple[int, int | None] | None:
        """(disagreements, pages cross-checked) over the period; None when no run says."""
        said = [run for run in self.runs if run.crosscheck_disagrees is not None]
        if not said:
            return None
        checked = [run.crosscheck_checked for run in said if run.crosscheck_checked is not None]
        disagrees = sum(run.crosscheck_disagrees or 0 for run in said)
        if not disagrees and not any(checked):
            return None  # nothing was cross-checked: nothing to show
        return disagrees, sum(checked) if checked else None

    def coverage_now_and_before(self) -> tuple[dict[str, float], dict[str, float]]:
        """Coverage of the latest run with records, and of the earlier runs together."""
        return self._coverage

    @cached_property
    def _coverage(self) -> tuple[dict[str, float], dict[str, float]]:
        with_records = [run for run in self.runs if run.records_parsed]
        if not with_records:
            return {}, {}
        return weighted_coverage(with_records[-1:]), weighted_coverage(with_records[:-1])

    def coverage_mean(self) -> float | None:
        """The latest run's coverage, averaged over the charted fields."""
        now, _ = self.coverage_now_and_before()
        shown = [now[name] for name in CHART_FIELDS if name in now]
        return sum(shown) / len(shown) if shown else None

    def coverage_shifts(self) -> list[tuple[str, float, float]]:
        now, before = self.coverage_now_and_before()
        return [
            (name, before[name], now[name])
            for name in CHART_FIELDS
            if name in now and name in before and abs(now[name] - before[name]) >= COVERAGE_SHIFT
        ]

    def problems(self) -> list[tuple[int, str]]:
        """(severity, what) for everything worth a look; 3 is the worst."""
        return self._problems

    @cached_property
    def _problems(self) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        last = self.last
        if last.failed:
            cause = f": {last.cause}" if last.cause else ""
            found.append((3, f"latest run failed health ({last.health_word}{cause})"))
        if self.last_success is None:
            found.append((2, "no successful run in the period"))
        for name, before, now in self.coverage_shifts():
            if now < before:
                found.append((2, f"{name} coverage fell {before:.2f} -> {now:.2f}"))
        earlier = len(self.health_failures) - (1 if last.failed else 0)
        if earlier:
            found.append((1, f"{earlier} earlier run(s) failed health"))
        rate = self.unusual_drop_rate
        if rate is not None and rate >= DROP_RATE_WARN:
            found.append((1, f"{rate:.0%} of pages dropped (beyond routine drops)"))
        crosscheck = self.crosscheck
        if crosscheck and crosscheck[0]:
            found.append((1, f"{crosscheck[0]} crosscheck disagreement(s)"))
        return sorted(found, key=lambda item: -item[0])

    @property
    def trouble(self) -> int:
        return max((severity for severity, _ in self.problems()), default=0)


def trouble_first(history: History, known: dict[str, int] | None = None) -> list[OutletPeriod]:
    """Every outlet of the history, the most troubled first, then by name."""
    periods = [
        OutletPeriod(outlet, runs, (known or {}).get(outlet))
        for outlet, runs in history.runs.items()
        if runs
    ]
    return sorted(
        periods,
        key=lambda p: (
            -p.trouble,
            -len(p.health_failures),
            -(p.unusual_drop_rate or 0.0),
            p.outlet,
        ),
    )


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "never"


def terminal_line(period: OutletPeriod) -> str:
    """One line per outlet: runs, records, last success, drops, coverage, health, crosscheck."""
    parts = [
        f"{period.outlet:<14}",
        f"runs {len(period.runs):>4}",
        f"new {period.new:>6}  updated {period.updated:>5}",
        f"last ok {_when(period.last_success)}",
    ]
    rate = period.drop_rate
    top = ", ".join(f"{reason} {n}" for reason, n in period.drops.most_common(3))
    parts.append(f"dropped {rate:.0%} ({top})" if rate and top else "dropped 0%")
    coverage = period.coverage_mean()
    if coverage is not None:
        shifts = ", ".join(f"{n} {b:.2f}->{a:.2f}" for n, b, a in period.coverage_shifts())
        parts.append(f"coverage {coverage:.2f}" + (f" ({shifts})" if shifts else ""))
    failures = period.health_failures
    if failures:
        words = ", ".join(f"{word} {n}" for word, n in period.verdicts.most_common())
        parts.append(f"health FAILED {len(failures)}x ({words})")
    else:
        parts.append("health ok")
    crosscheck = period.crosscheck
    if crosscheck is not None:
        checked = f"/{crosscheck[1]}" if crosscheck[1] is not None else ""
        parts.append(f"crosscheck {crosscheck[0]}{checked} disagree")
    if period.articles_known is not None:
        parts.append(f"known {period.articles_known}")
    return "  ".join(parts)
