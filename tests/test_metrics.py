"""NEWSCRAWL_METRICS_FILE: Prometheus text format, one outlet's samples replaced per run."""

from __future__ import annotations

import json
import sys
import threading
from datetime import timedelta
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from newscrawl.keep.history import RunSummary
from newscrawl.keep.metrics import write_metrics
from newscrawl.keep.warc import write_warc
from tests.cases import run_project
from tests.crawl import site_responses
from tests.reports import START, broken_history, make_report


def samples(path: Path) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """{(metric, sorted labels): value}, through Prometheus' own parser."""
    found = {}
    for family in text_string_to_metric_families(path.read_text("utf-8")):
        assert family.type == "gauge", family.name
        assert family.documentation, family.name
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(found: dict, name: str, **labels: str) -> float:
    return found[("newscrawl_" + name, tuple(sorted(labels.items())))]


def test_a_run_writes_its_figures(tmp_path: Path) -> None:
    path = tmp_path / "textfile" / "newscrawl.prom"
    report = make_report(
        "detik",
        START,
        new=3,
        updated=1,
        unchanged=2,
        dropped={"http_404": 2},
        seconds=75,
        coverage={"authors": 0.5},
    )
    write_metrics(path, RunSummary.from_report(report))
    found = samples(path)
    assert value(found, "run_records", outlet="detik", kind="new") == 3
    assert value(found, "run_records", outlet="detik", kind="updated") == 1
    assert value(found, "run_records_parsed", outlet="detik") == 6
    assert value(found, "run_dropped_pages", outlet="detik", reason="http_404") == 2
    assert value(found, "run_coverage_ratio", outlet="detik", field="authors") == 0.5
    assert value(found, "run_health_ok", outlet="detik") == 1
    assert value(found, "run_health_verdict", outlet="detik", verdict="ok") == 1
    assert value(found, "run_duration_seconds", outlet="detik") == 75
    assert value(found, "last_success_timestamp_seconds", outlet="detik") == START.timestamp()
    finished = (START + timedelta(seconds=75)).timestamp()
    assert value(found, "run_finished_timestamp_seconds", outlet="detik") == finished
    assert not any(n.endswith("crosscheck_disagreements") for n, _ in found)
    # Written through a temporary file renamed over it: nothing else is left behind.
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "newscrawl.prom",
        "newscrawl.prom.lock",
    ]


def test_a_failed_run_keeps_the_last_success_and_other_outlets(tmp_path: Path) -> None:
    path = tmp_path / "newscrawl.prom"
    good, *_, broken = broken_history("kompas", runs=6, broken_from=5)
    write_metrics(path, RunSummary.from_report(good))
    write_metrics(path, RunSummary.from_report(make_report("detik", START, new=1)))
    write_metrics(path, RunSummary.from_report(broken))
    found = samples(path)
    assert value(found, "last_success_timestamp_seconds", outlet="kompas") == START.timestamp()
    assert value(found, "run_health_ok", outlet="kompas") == 0
    assert value(found, "run_health_verdict", outlet="kompas", verdict="parser_failed") == 1
    assert ("newscrawl_run_health_verdict", (("outlet", "kompas"), ("verdict", "ok"))) not in found
    assert value(found, "run_records", outlet="kompas", kind="new") == 0
    assert value(found, "run_dropped_pages", outlet="kompas", reason="unknown_layout") == 8
    assert value(found, "run_records", outlet="detik", kind="new") == 1
    assert value(found, "last_success_timestamp_seconds", outlet="detik") == START.timestamp()


def test_an_outlet_that_never_succeeded_has_last_success_zero(tmp_path: Path) -> None:
    path = tmp_path / "newscrawl.prom"
    report = make_report("tempo", START)
    report["health"] |= {"ok": False, "verdict": "site_unreachable", "cause": "DNS"}
    report["crosscheck"] = {"checked": 5, "disagrees": 2}
    write_metrics(path, RunSummary.from_report(report))
    found = samples(path)
    assert value(found, "last_success_timestamp_seconds", outlet="tempo") == 0
    assert value(found, "run_health_verdict", outlet="tempo", verdict="site_unreachable") == 1
    assert value(found, "run_crosscheck_disagreements", outlet="tempo") == 2


def test_concurrent_writers_of_different_outlets_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "newscrawl.prom"
    outlets = [f"outlet{i}" for i in range(8)]
    threads = [
        threading.Thread(
            target=write_metrics, args=(path, RunSummary.from_report(make_report(o, START, new=i)))
        )
        for i, o in enumerate(outlets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = samples(path)
    assert {o: value(found, "run_records", outlet=o, kind="new") for o in outlets} == {
        o: i for i, o in enumerate(outlets)
    }


def test_an_unreadable_old_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "newscrawl.prom"
    path.write_text("this is { not prometheus\n", "utf-8")
    write_metrics(path, RunSummary.from_report(make_report("detik", START, new=2)))
    assert value(samples(path), "run_records", outlet="detik", kind="new") == 2


def test_crawls_write_the_metrics_of_their_reports(tmp_path: Path) -> None:
    warc = tmp_path / "sites.warc.gz"
    write_warc(warc, [*site_responses("nusadaily"), *site_responses("cnnindonesia")])
    metrics = tmp_path / "textfile" / "newscrawl-%(name)s.prom"
    shared = tmp_path / "textfile" / "all.prom"
    base = [sys.executable, "-m", "newscrawl.cli", "crawl", "nusadaily", "cnnindonesia"]
    for target in (metrics, shared):
        settings = {
            "NEWSCRAWL_REPLAY": warc,
            "NEWSCRAWL_STATE": tmp_path / f"{target.stem}.sqlite3",
            "NEWSCRAWL_OUTPUT_DIR": f"{tmp_path}/{target.stem}/%(name)s",
            "NEWSCRAWL_METRICS_FILE": target,
            "NEWSCRAWL_NOW": "2026-12-01T00:00:00Z",
            "LOG_LEVEL": "WARNING",
        }
        command = [*base, *(f"-s{k}={v}" for k, v in settings.items())]
        proc = run_project(command)
        assert proc.returncode == 0, proc.stderr[-2000:]
    together = samples(shared)
    for outlet in ("nusadaily", "cnnindonesia"):
        (report_path,) = (tmp_path / "all" / outlet).glob("*.report.json")
        report = json.loads(report_path.read_text("utf-8"))
        own = samples(tmp_path / "textfile" / f"newscrawl-{outlet}.prom")
        assert {labels for _, labels in own} == {
            labels for _, labels in together if ("outlet", outlet) in labels
        }
        assert value(together, "run_records", outlet=outlet, kind="new") == report["emitted"]["new"]
        assert value(together, "run_health_ok", outlet=outlet) == 1
        for reason, count in report["dropped"].items():
            assert value(together, "run_dropped_pages", outlet=outlet, reason=reason) == count
        assert value(together, "last_success_timestamp_seconds", outlet=outlet) > 0
