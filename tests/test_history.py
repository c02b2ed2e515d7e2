"""Reading run reports back: tolerant of missing, unknown and future keys."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newscrawl.keep.history import History, RunSummary, articles_known, read_report
from tests.reports import START, make_report, write_reports


def test_a_report_reads_back_with_every_figure() -> None:
    report = make_report(
        "detik",
        START,
        new=3,
        updated=1,
        unchanged=2,
        dropped={"http_404": 2},
        failed={"detik/v4": {"no_date": 1}},
        coverage={"authors": 0.5},
    )
    run = RunSummary.from_report(report)
    assert (run.outlet, run.started, run.duration) == ("detik", START, 90.0)
    assert (run.new, run.updated, run.unchanged, run.records_parsed) == (3, 1, 2, 6)
    assert run.dropped == {"http_404": 2, "no_date": 1}
    assert run.parse_failures == {"detik/v4": {"no_date": 1}}
    assert run.failed_pages == 1
    assert run.coverage["authors"] == 0.5
    assert (run.health_ok, run.failed, run.succeeded, run.health_word) == (True, False, True, "ok")


def test_a_failed_parser_check_names_the_parser_and_fields() -> None:
    report = make_report("kompas", START, failed={"kompas/v2": {"no_date": 5, "empty_body": 2}})
    run = RunSummary.from_report(report)
    assert run.failed and not run.succeeded and run.health_word == "parser_failed"
    assert run.cause is not None and run.cause.startswith("parser kompas/v2: 0 of 7 ")
    assert run.cause.endswith("failing fields: body, published_at")


def test_missing_keys_are_unknown_not_zero() -> None:
    run = RunSummary.from_report({"outlet": "kompas"})
    assert run.new is None and run.records_parsed is None and run.duration is None
    assert run.health_ok is None and not run.failed and not run.succeeded
    assert run.health_word == "unknown"
    assert run.crosscheck_disagrees is None


def test_new_keys_verdict_cause_and_crosscheck_are_read_and_unknown_ones_ignored() -> None:
    report = make_report("nusadaily", START)
    report["health"] |= {"ok": False, "verdict": "site_unreachable", "cause": "DNS lookup failed"}
    report["crosscheck"] = {"checked": 40, "disagrees": {"nusadaily/v2": 3, "nusadaily/v3": 1}}
    report["hosts"] = {"crawler-1": {"pages": 10}}
    report["something_new"] = [1, 2, 3]
    run = RunSummary.from_report(report)
    assert run.failed and run.health_word == "site_unreachable"
    assert run.cause == "DNS lookup failed"
    assert (run.crosscheck_checked, run.crosscheck_disagrees) == (40, 4)


def test_a_verdict_without_ok_still_counts_as_failed() -> None:
    run = RunSummary.from_report({"outlet": "x", "health": {"verdict": "robots_denied"}})
    assert run.failed and run.health_word == "robots_denied"
    ok = RunSummary.from_report({"outlet": "x", "health": {"verdict": "ok"}})
    assert not ok.failed


def test_wrong_types_are_unknown() -> None:
    run = RunSummary.from_report(
        {
            "outlet": 7,
            "started": "yesterday",
            "emitted": [],
            "dropped": {"a": "x", "b": 2},
            "coverage": {"tags": "all"},
            "health": {"ok": "yes"},
            "crosscheck": 5,
        }
    )
    assert run.outlet == "?" and run.started is None
    assert run.new is None and run.dropped == {"b": 2} and run.coverage == {"tags": None}
    assert run.health_ok is None


def test_outlet_and_start_come_from_the_path_when_the_report_lacks_them(tmp_path: Path) -> None:
    path = tmp_path / "tempo" / "20261125T225000Z-host1-4242.report.json"
    path.parent.mkdir()
    path.write_text("{}", "utf-8")
    run = read_report(path)
    assert run is not None
    assert (run.outlet, run.started) == ("tempo", datetime(2026, 11, 25, 22, 50, tzinfo=UTC))


def test_history_by_outlet_in_time_order_since_and_unreadable(tmp_path: Path) -> None:
    reports = [make_report("kompas", START + timedelta(hours=h)) for h in (3, 1, 2)]
    write_reports(tmp_path, [*reports, make_report("detik", START)])
    (tmp_path / "detik" / "20261120T010000Z.report.json").write_text("{cut off", "utf-8")
    (tmp_path / "detik" / "20261120T020000Z.report.json").write_text("[]", "utf-8")
    (tmp_path / "detik" / "20261120T030000Z.jsonl").write_text("", "utf-8")
    history = History.load(tmp_path)
    assert sorted(history.runs) == ["detik", "kompas"]
    assert [r.started.hour for r in history.runs["kompas"] if r.started] == [1, 2, 3]
    assert len(history.unreadable) == 2
    recent = History.load(tmp_path, since=START + timedelta(hours=2))
    assert list(recent.runs) == ["kompas"] and len(recent.runs["kompas"]) == 2


def test_one_outlet_folder_can_be_read_on_its_own(tmp_path: Path) -> None:
    write_reports(tmp_path, [make_report("kompas", START)])
    assert list(History.load(tmp_path / "kompas").runs) == ["kompas"]


def test_articles_known_reads_the_state_without_creating_it(tmp_path: Path) -> None:
    missing = tmp_path / "state.sqlite3"
    assert articles_known(missing) == {}
    assert not missing.exists()
    db = sqlite3.connect(missing)
    db.execute("CREATE TABLE articles (outlet TEXT, url TEXT)")
    db.executemany("INSERT INTO articles VALUES (?, ?)", [("a", "1"), ("a", "2"), ("b", "3")])
    db.commit()
    db.close()
    assert articles_known(missing) == {"a": 2, "b": 1}
    (tmp_path / "other.sqlite3").write_text(json.dumps("not a database"))
    assert articles_known(tmp_path / "other.sqlite3") == {}
