"""Scheduled runs: nothing twice, nothing lost, a loud exit when a parser breaks."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from newscrawl.keep.output import OutputLocked, RunOutput, complete_lines
from newscrawl.keep.state import SqliteState, content_hash
from newscrawl.keep.warc import SavedResponse, write_warc
from tests.cases import ROOT, project_env, run_project
from tests.crawl import site_responses
from tests.localsite import Site

WIB = timezone(timedelta(hours=7))
HARGA = "harga-cabai-rawit-di-pasar-besar-malang-tembus-rp80-ribu-per-kilogram"
ARTICLES = 5  # good articles in the nusadaily fixture site


# -- the state and the output file ---------------------------------------------------------


def record(
    url: str = "https://www.nusadaily.com/a", body: str = "Isi.", revision: int = 1
) -> dict[str, Any]:
    return {
        "outlet": "nusadaily",
        "url": url,
        "headline": "Judul",
        "body": body,
        "published_at": "2026-06-28T10:05:00+07:00",
        "updated_at": None,
        "revision": revision,
    }


def test_content_hash_ignores_fetch_time_and_parser() -> None:
    changed = record(body="Isi baru.")
    refetched = {**record(), "fetched_at": "2026-07-01T00:00:00+00:00", "parser": "nusadaily/v3"}
    assert content_hash(refetched) == content_hash(record())
    assert content_hash(changed) != content_hash(record())


def test_run_output_is_a_part_file_until_finished(tmp_path: Path) -> None:
    output = RunOutput(tmp_path, datetime(2026, 6, 30, 1, 2, 3, tzinfo=UTC))
    output.write(record())
    assert output.part.name == "20260630T010203Z.jsonl.part"
    assert not output.path.exists()
    assert output.finish() == tmp_path / "20260630T010203Z.jsonl"
    assert not output.part.exists()
    assert [r["url"] for r in complete_lines(output.path)] == ["https://www.nusadaily.com/a"]


def test_a_killed_runs_part_file_is_recovered_without_its_cut_line(tmp_path: Path) -> None:
    killed = tmp_path / "20260630T000000Z.jsonl.part"
    whole = json.dumps(record("https://www.nusadaily.com/a")) + "\n"
    killed.write_text(whole + whole.replace("/a", "/b") + '{"url": "https://www.nus', "utf-8")
    output = RunOutput(tmp_path, datetime(2026, 6, 30, 1, tzinfo=UTC))
    assert output.leftovers() == [killed]
    recovered = output.recover(killed)
    assert [r["url"] for r in recovered] == [
        "https://www.nusadaily.com/a",
        "https://www.nusadaily.com/b",
    ]
    assert not killed.exists()
    assert len((tmp_path / "20260630T000000Z.jsonl").read_text("utf-8").splitlines()) == 2
    output.release()


def test_two_runs_in_the_same_second_get_files_of_their_own(tmp_path: Path) -> None:
    started = datetime(2026, 6, 30, 1, 2, 3, tzinfo=UTC)
    first = RunOutput(tmp_path, started)
    first.write(record("https://www.nusadaily.com/a"))
    first.finish()
    second = RunOutput(tmp_path, started)
    second.write(record("https://www.nusadaily.com/b"))
    second.finish()
    assert sorted(p.name for p in tmp_path.glob("*.jsonl")) == [
        "20260630T010203Z.jsonl",
        "20260630T010203Z_2.jsonl",
    ]
    assert [r["url"] for p in sorted(tmp_path.glob("*.jsonl")) for r in complete_lines(p)] == [
        "https://www.nusadaily.com/a",
        "https://www.nusadaily.com/b",
    ]
    # A run killed in that second leaves its .part: the next one recovers it, never writes it.
    killed = tmp_path / "20260630T010203Z_3.jsonl.part"
    killed.write_text(json.dumps(record("https://www.nusadaily.com/c")) + "\n", "utf-8")
    third = RunOutput(tmp_path, started)
    assert third.leftovers() == [killed] and third.part.name == "20260630T010203Z_4.jsonl.part"
    third.release()


def test_recovery_keeps_the_part_until_the_state_has_its_records(tmp_path: Path) -> None:
    killed = tmp_path / "20260630T000000Z.jsonl.part"
    killed.write_text(json.dumps(record()) + "\n", "utf-8")
    output = RunOutput(tmp_path, datetime(2026, 6, 30, 1, tzinfo=UTC))

    def killed_before_the_commit(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raise KeyboardInterrupt  # what a kill before the state's commit looks like

    with pytest.raises(KeyboardInterrupt):
        output.recover(killed, killed_before_the_commit)
    assert killed.exists(), "the .part went before the state knew its records"
    remembered: list[dict[str, Any]] = []

    def remember(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        remembered.extend(records)
        return records

    output.recover(killed, remember)
    assert [r["url"] for r in remembered] == ["https://www.nusadaily.com/a"]
    assert not killed.exists()
    output.release()


def test_two_runs_of_one_outlet_cannot_share_the_output(tmp_path: Path) -> None:
    first = RunOutput(tmp_path, datetime(2026, 6, 30, tzinfo=UTC))
    with pytest.raises(OutputLocked):
        RunOutput(tmp_path, datetime(2026, 6, 30, 0, 1, tzinfo=UTC))
    first.finish()
    RunOutput(tmp_path, datetime(2026, 6, 30, 0, 2, tzinfo=UTC)).release()


# -- scheduled runs, replayed ---------------------------------------------------------------


def crawl_command(tmp_path: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "nusadaily",
        "-s",
        f"NEWSCRAWL_OUTPUT_DIR={tmp_path / 'out'}",
        "-s",
        f"NEWSCRAWL_STATE={tmp_path / 'state.sqlite3'}",
        "-s",
        "LOG_LEVEL=INFO",
        *args,
    ]


def scheduled_run(
    tmp_path: Path, responses: list[SavedResponse], now: str, *args: str
) -> dict[str, Any]:
    """One cron-style run replayed from ``responses``; returns its report."""
    warc = tmp_path / f"site-{time.monotonic_ns()}.warc.gz"
    write_warc(warc, responses)
    before = set((tmp_path / "out").glob("*.report.json"))
    command = crawl_command(
        tmp_path, "-s", f"NEWSCRAWL_REPLAY={warc}", "-s", f"NEWSCRAWL_NOW={now}", *args
    )
    proc = run_project(command)
    (report_path,) = set((tmp_path / "out").glob("*.report.json")) - before
    report: dict[str, Any] = json.loads(report_path.read_text("utf-8"))
    report["_returncode"] = proc.returncode
    report["_log"] = proc.stderr
    report["_records"] = list(complete_lines(Path(report["output"])))
    return report


def test_second_run_over_an_unchanged_site_emits_and_fetches_nothing_known(tmp_path: Path) -> None:
    site = site_responses("nusadaily")
    first = scheduled_run(tmp_path, site, "2026-07-15T00:00:00+07:00")
    assert first["_returncode"] == 0, first["_log"][-2000:]
    assert first["emitted"] == {"new": ARTICLES, "updated": 0, "total": ARTICLES}
    assert all(r["revision"] == 1 for r in first["_records"])

    second = scheduled_run(tmp_path, site, "2026-07-15T01:00:00+07:00")
    assert second["_returncode"] == 0, second["_log"][-2000:]
    assert second["_records"] == []  # an empty run, not a repeat
    assert Path(second["output"]).exists()
    # Every link to an emitted article or the gallery was skipped without a request: only
    # the truncated page (never emitted) is fetched again.
    assert second["article_pages"] == 1
    assert second["skipped"]["known"] == 12  # 6 RSS + 6 sitemap links


def test_changed_article_inside_the_recheck_window_gets_revision_2(tmp_path: Path) -> None:
    site = site_responses("nusadaily")
    first = scheduled_run(tmp_path, site, "2026-06-29T18:00:00+07:00")
    assert first["emitted"]["new"] == ARTICLES
    edited = [
        SavedResponse(
            r.url,
            r.status,
            r.headers,
            r.body.replace(
                b"Harga cabai rawit di Pasar Besar", b"Harga cabai rawit merah di Pasar Besar"
            ),
            r.fetched_at,
        )
        if r.url.endswith(HARGA)
        else r
        for r in site
    ]
    second = scheduled_run(tmp_path, edited, "2026-06-30T08:00:00+07:00")
    assert second["_returncode"] == 0, second["_log"][-2000:]
    (updated,) = second["_records"]
    assert updated["url"].endswith(HARGA)
    assert updated["revision"] == 2
    assert "cabai rawit merah" in updated["body"]
    assert second["emitted"] == {"new": 0, "updated": 1, "total": 1}
    # Ribuan wisatawan (29 June) was re-fetched too, but it had not changed.
    assert second["unchanged"] == 1


def test_backfill_shares_the_state_with_scheduled_runs(tmp_path: Path) -> None:
    site = site_responses("nusadaily")
    home = SavedResponse(
        "https://www.nusadaily.com/",
        200,
        [("Content-Type", "text/html")],
        b'<html><body><li class="nav-item-category"><a class="nav-link" '
        b'href="/malang-raya">Malang Raya</a></li></body></html>',
    )
    scheduled = scheduled_run(tmp_path, site, "2026-07-15T00:00:00+07:00")
    assert scheduled["emitted"]["new"] == ARTICLES
    backfill = scheduled_run(
        tmp_path,
        [*site, home],
        "2026-07-15T02:00:00+07:00",
        "-a",
        "since=2026-06-20",
        "-a",
        "until=2026-06-30",
    )
    assert backfill["_returncode"] == 0, backfill["_log"][-2000:]
    assert backfill["_records"] == []
    # Nothing new because the state knew the links, not because none were found: the
    # category page and the sitemap listed them, and only the never-emitted one was fetched.
    assert backfill["skipped"]["known"] == 15
    assert backfill["article_pages"] == 1


def test_broken_layout_exits_non_zero_and_names_the_field(tmp_path: Path) -> None:
    # A redesign renamed the body container: every article page loses its body.
    broken = [
        SavedResponse(
            r.url,
            r.status,
            r.headers,
            r.body.replace(b'class="post-text', b'class="entry-body'),
            r.fetched_at,
        )
        for r in site_responses("nusadaily")
    ]
    report = scheduled_run(tmp_path, broken, "2026-07-15T00:00:00+07:00")
    assert report["_returncode"] == 3
    assert report["health"]["ok"] is False
    assert report["health"]["failing_fields"] == ["body"]
    assert report["parse_failures"] == {"nusadaily/v2": {"empty_body": ARTICLES}}
    assert "PARSER HEALTH CHECK FAILED" in report["_log"]
    assert "nusadaily/v2" in report["_log"]


def test_healthy_run_exits_zero_even_with_a_few_bad_pages(tmp_path: Path) -> None:
    report = scheduled_run(tmp_path, site_responses("nusadaily"), "2026-07-15T00:00:00+07:00")
    assert report["_returncode"] == 0
    assert report["health"] == {
        "ok": True,
        "verdict": "ok",
        "cause": None,
        "article_pages": ARTICLES,
        "parsed": ARTICLES,
        "ratio": 1.0,
        "failing_fields": [],
        "parsers": [],
    }
    assert report["coverage"]["section"] == 1.0
    assert report["dropped"] == {"not_an_article": 1, "truncated": 1}


# -- SIGKILL at any moment ----------------------------------------------------------------


def all_records(out: Path) -> list[dict[str, Any]]:
    return [r for path in sorted(out.glob("*.jsonl")) for r in complete_lines(path)]


def wait_until(condition: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the crawl never reached the kill point")
        time.sleep(0.01)


def child_pids(pid: int) -> list[int]:
    """The processes ``pid`` started (its parse workers), from /proc (none elsewhere)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def part_lines(out: Path, besides: frozenset[Path] | set[Path] = frozenset()) -> int:
    """Complete lines in the .part files of ``out`` (other than ``besides``)."""
    total = 0
    for part in set(out.glob("*.jsonl.part")) - besides:
        with contextlib.suppress(FileNotFoundError):  # recovered (renamed) while we looked
            total += part.read_bytes().count(b"\n")
    return total


@pytest.mark.parametrize("kill_at", ["first-request", "3-records", "20-records", "twice"])
def test_sigkill_at_any_point_loses_nothing_and_repeats_nothing(
    tmp_path: Path, kill_at: str
) -> None:
    count = 40
    out = tmp_path / "out"
    settings = (
        "-a",
        "base_url={base}",
        "-s",
        "ROBOTSTXT_OBEY=False",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "CONCURRENT_REQUESTS=2",
        "-s",
        "NEWSCRAWL_NOW=2026-07-15T00:00:00Z",
    )
    with Site(count, datetime(2026, 6, 28, 8, tzinfo=WIB), delay=0.03) as site:
        args = tuple(a.format(base=site.base_url) for a in settings)
        env = project_env()
        # Each kill point is a state of the output, never a time: "twice" kills the second run
        # only once it has written lines of its own (not while the first run's .part is there).
        points = {
            "first-request": [lambda parts: site.article_requests() >= 1],
            "3-records": [lambda parts: part_lines(out) >= 3],
            "20-records": [lambda parts: part_lines(out) >= 20],
            "twice": [
                lambda parts: part_lines(out) >= 5,
                lambda parts: part_lines(out, besides=parts) >= 1,
            ],
        }[kill_at]
        parts: set[Path] = set()
        for point in points:
            proc = subprocess.Popen(
                crawl_command(tmp_path, *args),
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                wait_until(
                    lambda p=proc, reached=point, old=parts: reached(old) or p.poll() is not None
                )
                assert proc.poll() is None, "the crawl ended before the kill point"
            finally:
                workers = child_pids(proc.pid)
                proc.send_signal(signal.SIGKILL)
                proc.wait()
            parts = set(out.glob("*.jsonl.part"))
            # The killed crawl's parse workers see their input end and exit.
            wait_until(lambda w=workers: not any(Path(f"/proc/{pid}").exists() for pid in w))
        finished = subprocess.run(
            crawl_command(tmp_path, *args),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert finished.returncode == 0, finished.stderr[-2000:]
    if kill_at != "first-request":
        # The killed run had written records: the next run took them over, not re-emitted them.
        assert "records from the killed run" in finished.stderr
    assert not list(out.glob("*.part")), "a .part file survived the next run"
    urls = [r["url"] for r in all_records(out)]
    assert len(urls) == len(set(urls)), "an article was emitted twice"
    assert sorted(urls) == sorted(f"https://www.nusadaily.com/{slug}" for slug in site.slugs())


def test_a_kill_after_a_flushed_line_then_a_kill_during_recovery_repeats_nothing(
    tmp_path: Path,
) -> None:
    """Run 1 dies with a line in its .part the state does not know; run 2 dies recovering it,
    after writing the final file and before the state commit; run 3 must not emit that
    article again (recovery used to remove the .part before the commit)."""
    count = 12
    out = tmp_path / "out"
    with Site(count, datetime(2026, 6, 28, 8, tzinfo=WIB)) as site:
        args = (
            *("-a", f"base_url={site.base_url}", "-s", "ROBOTSTXT_OBEY=False"),
            *("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"),
            *("-s", "NEWSCRAWL_NOW=2026-07-15T00:00:00Z"),
        )
        env = project_env()
        runs = []
        for kill in (("line-flushed", "3"), ("recovering", "1"), ()):
            command = crawl_command(tmp_path, *args)
            if kill:
                command = [sys.executable, "-m", "tests.killpoint", *kill, *command[3:]]
            runs.append(
                subprocess.run(
                    command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
                )
            )
    killed = [run.returncode for run in runs[:2]]
    assert killed == [-signal.SIGKILL, -signal.SIGKILL], [r.stderr[-1500:] for r in runs]
    assert runs[2].returncode == 0, runs[2].stderr[-2000:]
    urls = [r["url"] for r in all_records(out)]
    assert len(urls) == len(set(urls)), "an article was emitted twice"
    assert sorted(urls) == sorted(f"https://www.nusadaily.com/{slug}" for slug in site.slugs())
    assert "recovered 3 records from the killed run" in runs[2].stderr


@pytest.mark.parametrize(
    "first_queue",
    [
        None,
        # A job directory written before the queue kept one queue per host.
        "scrapy.pqueues.ScrapyPriorityQueue",
    ],
)
def test_jobdir_resume_finishes_the_crawl(tmp_path: Path, first_queue: str | None) -> None:
    count = 30
    out = tmp_path / "out"
    with Site(count, datetime(2026, 6, 28, 8, tzinfo=WIB)) as site:
        args = (
            "-a",
            f"base_url={site.base_url}",
            "-s",
            "ROBOTSTXT_OBEY=False",
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "CONCURRENT_REQUESTS=1",
            "-s",
            f"JOBDIR={tmp_path / 'job'}",
            # Parsed in the crawl process: with parse workers the downloads run ahead of the
            # parsing, and 30 small pages can all be fetched before the 8th record stops it.
            "-s",
            "NEWSCRAWL_PARSE_WORKERS=0",
        )
        env = project_env()
        # A graceful stop part-way (as Ctrl-C or a CLOSESPIDER limit does) keeps the queue.
        queue = ("-s", f"SCHEDULER_PRIORITY_QUEUE={first_queue}") if first_queue else ()
        stopped = subprocess.run(
            crawl_command(tmp_path, *args, "-s", "CLOSESPIDER_ITEMCOUNT=8", *queue),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert stopped.returncode == 0, stopped.stderr[-2000:]
        first = all_records(out)
        assert 8 <= len(first) < count
        resumed = subprocess.run(
            crawl_command(tmp_path, *args),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert resumed.returncode == 0, resumed.stderr[-2000:]
        assert "Resuming crawl" in resumed.stderr
        assert ("(an older newscrawl)" in resumed.stderr) == bool(first_queue)
        requested_twice = [
            path for path, n in site.requests.items() if n > 1 and path != "/gnews/feed"
        ]
    urls = [r["url"] for r in all_records(out)]
    assert len(urls) == len(set(urls)) == count
    assert requested_twice == []


def test_an_overlapping_run_of_the_same_outlet_does_not_start(tmp_path: Path) -> None:
    held = RunOutput(tmp_path / "out", datetime(2026, 6, 30, tzinfo=UTC))  # a run still going
    warc = tmp_path / "site.warc.gz"
    write_warc(warc, site_responses("nusadaily"))
    proc = run_project(crawl_command(tmp_path, "-s", f"NEWSCRAWL_REPLAY={warc}"))
    held.release()
    assert proc.returncode != 0
    assert "another run is writing to" in proc.stderr
    assert list((tmp_path / "out").glob("*.jsonl*")) == []
    assert SqliteState(tmp_path / "state.sqlite3").count() == 0
