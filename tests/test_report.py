"""``newscrawl report``: trouble first, the drop of a broken parser visible in its chart."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newscrawl.keep.charts import group_runs, outlet_charts
from newscrawl.keep.history import History, RunSummary
from newscrawl.keep.htmlreport import html_report
from newscrawl.keep.overview import OutletPeriod, terminal_line, trouble_first
from newscrawl.keep.svg import nice_ceiling, render
from newscrawl.report import parse_since
from tests.cases import ROOT
from tests.reports import START, broken_history, make_report, write_reports

NOW = START + timedelta(days=1)


def healthy(outlet: str, runs: int = 8) -> list[dict]:
    return [
        make_report(outlet, START + timedelta(minutes=30 * i), new=2, unchanged=4)
        for i in range(runs)
    ]


def history_of(*reports: list[dict]) -> History:
    return History.of(RunSummary.from_report(r) for group in reports for r in group)


def test_a_broken_parser_shows_as_a_drop_in_the_records_chart() -> None:
    history = history_of(broken_history("kompas", runs=8, broken_from=5))
    records, _drops, _coverage, failures = outlet_charts(history.runs["kompas"])
    emitted = [
        sum(records.values(name)[i] or 0 for name in ("new", "updated", "unchanged"))
        for i in range(8)
    ]
    assert emitted == [8, 8, 8, 8, 8, 0, 0, 0]
    assert records.values("parse failures") == [0, 0, 0, 0, 0, 8, 8, 8]
    assert records.alarms == [False] * 5 + [True] * 3
    assert [s.name for s in failures.series] == ["kompas/v2"]
    assert failures.values("kompas/v2")[5:] == [8, 8, 8]
    svg = render(records)
    assert len(re.findall(r'class="alarm" data-column="(\d+)"', svg)) == 3
    # The broken runs' columns are drawn in the failure colour only.
    for column in (5, 6, 7):
        group = re.search(
            rf'data-column="{column}" data-total="8"><title>.*?</title>(.*?)</g>', svg, re.S
        )
        assert group is not None
        assert set(re.findall(r'fill="(#[0-9a-f]+)"', group.group(1))) == {"#d62728"}


def test_many_runs_are_grouped_into_columns_and_the_alarm_survives() -> None:
    reports = broken_history("kompas", runs=300, broken_from=290)
    runs = history_of(reports).runs["kompas"]
    assert [len(g) for g in group_runs(runs, 120)][:3] == [3, 3, 3]
    records = outlet_charts(runs)[0]
    assert len(records.columns) == 100
    assert records.alarms[-4:] == [True] * 4 and not any(records.alarms[:96])
    assert records.values("parse failures")[-1] == 24


def test_coverage_falling_is_a_problem_and_its_chart_shows_it() -> None:
    reports = healthy("detik", 6)
    reports.append(
        make_report("detik", START + timedelta(hours=4), new=5, coverage={"authors": 0.0})
    )
    period = OutletPeriod("detik", history_of(reports).runs["detik"])
    assert period.coverage_shifts() == [("authors", 1.0, 0.0)]
    assert (2, "authors coverage fell 1.00 -> 0.00") in period.problems()
    coverage = outlet_charts(period.runs)[2]
    assert coverage.values("authors")[-2:] == [1.0, 0.0]
    assert coverage.values("tags")[-1] == 1.0


def test_outlets_are_ordered_trouble_first() -> None:
    unreachable = healthy("antaranews", 3)
    unreachable[-1]["health"] |= {"ok": False, "verdict": "site_unreachable", "cause": "DNS"}
    dropping = healthy("tribunnews", 3)
    dropping[-1] = make_report(
        "tribunnews", START + timedelta(hours=1), new=2, dropped={"http_500": 6}
    )
    routine = [make_report("cnnindonesia", START, new=2, dropped={"not_an_article": 6})]
    history = history_of(healthy("detik"), broken_history("kompas"), unreachable, dropping, routine)
    order = [(p.outlet, p.trouble) for p in trouble_first(history)]
    assert order == [
        ("kompas", 3),
        ("antaranews", 3),
        ("tribunnews", 1),
        ("cnnindonesia", 0),
        ("detik", 0),
    ]


def test_the_terminal_line_says_what_went_wrong() -> None:
    reports = broken_history("kompas", runs=8, broken_from=6)
    reports[2]["crosscheck"] = {"checked": 10, "disagrees": {"kompas/v2": 2}}
    period = OutletPeriod("kompas", history_of(reports).runs["kompas"], articles_known=77)
    line = terminal_line(period)
    assert line.startswith("kompas ")
    assert "runs    8" in line
    assert "new     24  updated     6" in line
    assert "last ok 2026-11-20 02:30" in line
    assert "dropped 25% (unknown_layout 16)" in line
    assert "health FAILED 2x (parser_failed 2)" in line
    assert "crosscheck 2/10 disagree" in line
    assert line.endswith("known 77")
    fine = terminal_line(OutletPeriod("detik", history_of(healthy("detik")).runs["detik"]))
    assert "health ok" in fine and "crosscheck" not in fine and "dropped 0%" in fine


def test_verdicts_and_causes_are_shown() -> None:
    reports = healthy("antaranews", 2)
    reports[-1]["health"] |= {
        "ok": False,
        "verdict": "site_unreachable",
        "cause": "DNS lookup failed",
    }
    period = OutletPeriod("antaranews", history_of(reports).runs["antaranews"])
    assert "health FAILED 1x (site_unreachable 1)" in terminal_line(period)
    assert period.problems()[0] == (
        3,
        "latest run failed health (site_unreachable: DNS lookup failed)",
    )


def test_html_page_is_self_contained_with_four_charts_per_outlet() -> None:
    history = history_of(healthy("detik"), broken_history("kompas"))
    page = html_report(history, NOW, NOW - timedelta(days=7))
    assert page.count('<figure class="chart"') == 8
    assert page.count("<svg") == 8
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<script" not in page
    rows = re.findall(r'<tr data-outlet="(\w+)" data-trouble="(\d)"', page)
    assert rows == [("kompas", "3"), ("detik", "0")]


def test_nice_axis_tops() -> None:
    assert [nice_ceiling(v) for v in (0, 0.3, 1, 3, 7, 24, 101)] == [1, 0.5, 1, 5, 10, 25, 200]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7d", NOW - timedelta(days=7)),
        ("12h", NOW - timedelta(hours=12)),
        ("2w", NOW - timedelta(days=14)),
        ("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC)),
        ("2026-11-01T06:00:00+07:00", datetime(2026, 10, 31, 23, tzinfo=UTC)),
    ],
)
def test_since(value: str, expected: datetime) -> None:
    assert parse_since(value, NOW) == expected


def test_since_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="7d"):
        parse_since("last week", NOW)


def test_the_command_prints_one_line_per_outlet_and_writes_the_page(tmp_path: Path) -> None:
    write_reports(tmp_path / "output", [*healthy("detik"), *broken_history("kompas")])
    write_reports(tmp_path / "output", [make_report("tempo", START - timedelta(days=30))])
    html = tmp_path / "site" / "report.html"
    command = [sys.executable, "-m", "newscrawl.cli", "report", str(tmp_path / "output")]
    proc = subprocess.run(
        [*command, "--since", "7d", "--now", NOW.isoformat(), "--html", str(html)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["kompas", "detik"]
    assert lines[2] == f"HTML report: {html}"
    assert "kompas" in html.read_text("utf-8")
    assert not list(html.parent.glob(".*.tmp"))
    everything = subprocess.run(
        [*command, "--since", "2026-01-01"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert [line.split()[0] for line in everything.stdout.splitlines()] == [
        "kompas",
        "detik",
        "tempo",
    ]
    bad = subprocess.run(
        [*command, "--since", "soon"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2 and "--since" in bad.stderr
