"""Several crawler processes on one Redis: every article once, the work shared, a killed
machine or a lost Redis costs nothing for good."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from newscrawl.keep.output import complete_lines
from tests.cases import ROOT, project_env
from tests.localsite import Site
from tests.redisserver import RedisServer, free_port

WIB = timezone(timedelta(hours=7))
ARTICLES = 500
#: Where a process is killed, a short lease: the survivors stop waiting for it 5 s after
#: its last sign of life (instead of 30).
SHORT_LEASE = ("-s", "NEWSCRAWL_REDIS_LEASE=5")


def crawl(
    tmp_path: Path, site: Site, redis_url: str, name: str, *args: str, tool: str = "scrapy"
) -> subprocess.Popen[bytes]:
    """One crawler process of the distributed crawl (``scrapy crawl``, or ``newscrawl crawl``
    with ``tool="newscrawl.cli"``); its User-Agent is ``name``, its stdout ``<name>.out``."""
    command = [
        sys.executable,
        "-m",
        tool,
        "crawl",
        "nusadaily",
        "-a",
        f"base_url={site.base_url}",
        "-s",
        f"NEWSCRAWL_REDIS_URL={redis_url}",
        "-s",
        f"NEWSCRAWL_OUTPUT_DIR={tmp_path / 'out'}",
        "-s",
        "NEWSCRAWL_NOW=2026-07-15T00:00:00Z",
        "-s",
        f"USER_AGENT={name}",
        "-s",
        f"LOG_FILE={tmp_path / name}.log",
        "-s",
        "ROBOTSTXT_OBEY=False",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "CONCURRENT_REQUESTS=4",
        # Article pages wait for the last crawler to start (Site's crawlers=): no timeout and
        # retry may fetch one twice, however slow the machine.
        "-s",
        "DOWNLOAD_TIMEOUT=600",
        # Three crawlers on two cores: parse in the crawl process, no worker each.
        "-s",
        "NEWSCRAWL_PARSE_WORKERS=0",
        *args,
    ]
    env = project_env()
    with (tmp_path / f"{name}.out").open("wb") as stdout:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=stdout, stderr=subprocess.DEVNULL
        )


def finish(proc: subprocess.Popen[bytes], tmp_path: Path, name: str) -> None:
    returncode = proc.wait(timeout=600)
    log = (tmp_path / f"{name}.log").read_text("utf-8", "replace")
    assert returncode == 0, f"{name} exited {returncode}:\n{log[-3000:]}"


def emitted(out: Path) -> list[str]:
    return [r["url"] for path in sorted(out.glob("*.jsonl")) for r in complete_lines(path)]


def expected(site: Site) -> list[str]:
    return sorted(f"https://www.nusadaily.com/{slug}" for slug in site.slugs())


def part_of(out: Path, proc: subprocess.Popen[bytes]) -> Path | None:
    found = list(out.glob(f"*-{proc.pid}.jsonl.part"))
    return found[0] if found else None


def lines_in(part: Path | None) -> int:
    return part.read_bytes().count(b"\n") if part is not None and part.exists() else 0


def wait_until(condition: Any, what: str, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never reached: {what}")
        time.sleep(0.01)


def test_three_processes_share_the_crawl_and_emit_every_article_once(
    tmp_path: Path, redis_url: str
) -> None:
    out = tmp_path / "out"
    names = ["crawler-1", "crawler-2", "crawler-3"]
    with Site(ARTICLES, datetime(2026, 6, 28, 8, tzinfo=WIB), crawlers=3) as site:
        procs = [crawl(tmp_path, site, redis_url, name) for name in names]
        for proc, name in zip(procs, names, strict=True):
            finish(proc, tmp_path, name)
    urls = emitted(out)
    assert len(urls) == len(set(urls)), "an article was emitted twice"
    assert sorted(urls) == expected(site)
    assert not list(out.glob("*.part"))
    # Discovery, sitemap and articles: each URL fetched once by the three together.
    assert {path: n for path, n in site.requests.items() if n > 1} == {}
    assert sum(site.agents.values()) == ARTICLES
    # Each process did a share: it fetched articles and wrote its own file.
    assert set(site.agents) == set(names)
    files = sorted(out.glob("*.jsonl"))
    assert len(files) == 3
    assert all(len(list(complete_lines(path))) > 0 for path in files)
    # Every machine's report tells the whole run: who did what.
    reports = [json.loads(path.read_text("utf-8")) for path in out.glob("*.report.json")]
    machines = {report["machine"] for report in reports}
    assert {path.name.split("-", 1)[1].removesuffix(".jsonl") for path in files} == machines
    for report in reports:
        run = report["run"]
        assert set(run["machines"]) == machines
        assert sum(m["new"] for m in run["machines"].values()) == ARTICLES
        assert run["machines"][report["machine"]]["new"] == report["emitted"]["new"]
    assert len({report["run"]["id"] for report in reports}) == 1
    # scrapy-redis runs on this Scrapy without deprecation warnings (warnings are errors in
    # the tests, but these are in the crawl processes' logs).
    for name in names:
        log = (tmp_path / f"{name}.log").read_text("utf-8")
        assert not [line for line in log.splitlines() if "Warning" in line and "redis" in line]


def test_young_articles_are_rechecked_once_per_run_not_once_per_machine(
    tmp_path: Path, redis_url: str
) -> None:
    count = 60
    # Published hours before NEWSCRAWL_NOW: inside the 48 h re-check window.
    with Site(count, datetime(2026, 7, 14, 12, tzinfo=WIB), crawlers=2) as site:
        first = [crawl(tmp_path, site, redis_url, f"first-{n}") for n in (1, 2)]
        for n, proc in enumerate(first, 1):
            finish(proc, tmp_path, f"first-{n}")
        assert sorted(emitted(tmp_path / "out")) == expected(site)
        site.agents.clear()
        site.all_crawling.clear()
        second = [
            crawl(tmp_path, site, redis_url, f"second-{n}", tool="newscrawl.cli") for n in (1, 2)
        ]
        for n, proc in enumerate(second, 1):
            finish(proc, tmp_path, f"second-{n}")
    # The second run fetched every article again (they may have changed), once between
    # its two machines, and emitted nothing: nothing had changed.
    articles = {path: n for path, n in site.requests.items() if path.startswith("/berita")}
    assert len(articles) == count
    assert set(articles.values()) == {2}
    assert sum(site.agents.values()) == count
    assert len(emitted(tmp_path / "out")) == count
    # newscrawl crawl prints the whole run's figures on each machine.
    for n in (1, 2):
        (summary,) = (tmp_path / f"second-{n}.out").read_text("utf-8").splitlines()
        assert summary.startswith("nusadaily")
        assert summary.endswith("| run on 2 machines: new 0, updated 0, dropped 0")


@pytest.mark.parametrize("kill_after_lines", [1, 37])
def test_a_killed_process_loses_nothing_and_repeats_nothing(
    tmp_path: Path, redis_url: str, kill_after_lines: int
) -> None:
    out = tmp_path / "out"
    names = ["crawler-1", "crawler-2", "crawler-3"]
    with Site(ARTICLES, datetime(2026, 6, 28, 8, tzinfo=WIB), crawlers=3) as site:
        procs = [crawl(tmp_path, site, redis_url, name, *SHORT_LEASE) for name in names]
        victim = procs[1]
        wait_until(
            lambda: lines_in(part_of(out, victim)) >= kill_after_lines or victim.poll() is not None,
            f"crawler-2 writing {kill_after_lines} lines",
        )
        assert victim.poll() is None, "crawler-2 ended before the kill point"
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        killed_part = part_of(out, victim)
        assert killed_part is not None
        written = [r["url"] for r in complete_lines(killed_part)]
        finish(procs[0], tmp_path, names[0])
        finish(procs[2], tmp_path, names[2])
        before = dict(site.requests)
        # The next scheduled run (on the machine that holds the killed run's file).
        finish(crawl(tmp_path, site, redis_url, "crawler-4"), tmp_path, "crawler-4")
    log = (tmp_path / "crawler-4.log").read_text("utf-8")
    assert "records from the killed run" in log
    assert not list(out.glob("*.part")), "a .part file survived the next run"
    urls = emitted(out)
    assert len(urls) == len(set(urls)), "an article was emitted twice"
    assert sorted(urls) == expected(site)
    # The next run fetched only what the killed process had taken and not written.
    refetched = {path for path, n in site.requests.items() if n > before.get(path, 0)}
    assert not {f"/{url.rsplit('/', 1)[1]}" for url in written} & refetched
    articles_fetched_twice = {p for p, n in site.requests.items() if n > 1 and "berita" in p}
    assert articles_fetched_twice <= refetched


def test_unreachable_redis_at_start_is_one_error_and_status_1(tmp_path: Path) -> None:
    url = f"redis://:secret@127.0.0.1:{free_port()}/0"  # nothing listens there
    shown = url.replace(":secret@", "***@")
    setting = ("-s", f"NEWSCRAWL_REDIS_URL={url}")
    for command, environment in (
        (["-m", "scrapy", "crawl", "nusadaily", *setting], {}),
        (["-m", "newscrawl.cli", "crawl", "nusadaily", *setting], {}),
        (["-m", "scrapy", "crawl", "nusadaily"], {"NEWSCRAWL_REDIS_URL": url}),
    ):
        proc = subprocess.run(
            [sys.executable, *command],
            cwd=tmp_path,
            env={**project_env(), "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", **environment},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 1, proc.stderr[-2000:]
        errors = [line for line in proc.stderr.splitlines() if "ERROR" in line]
        assert len(errors) == 1, proc.stderr[-2000:]
        assert f"cannot reach Redis at {shown}" in errors[0]
        assert "secret" not in proc.stderr
        assert "Traceback" not in proc.stderr
        assert not (tmp_path / "output").exists()


def test_redis_lost_mid_run_stops_cleanly_and_the_next_runs_complete(tmp_path: Path) -> None:
    out = tmp_path / "out"
    server = RedisServer(tmp_path / "redis", durable=True).start()
    try:
        with Site(80, datetime(2026, 6, 28, 8, tzinfo=WIB), delay=0.05) as site:
            proc = crawl(
                tmp_path, site, server.url, "crawler-1", "-s", "CONCURRENT_REQUESTS=2", *SHORT_LEASE
            )
            wait_until(
                lambda: lines_in(part_of(out, proc)) >= 5 or proc.poll() is not None,
                "5 lines written",
            )
            part = part_of(out, proc)
            server.kill()
            returncode = proc.wait(timeout=300)
            log = (tmp_path / "crawler-1.log").read_text("utf-8")
            assert returncode == 4, log[-3000:]
            assert "lost the shared state (Redis)" in log
            # Nothing published, nothing half-written: the .part waits for the next run.
            assert list(out.glob("*.jsonl")) == []
            assert part is not None and part.exists()
            data = part.read_bytes()
            assert data.endswith(b"\n")
            assert len(list(complete_lines(part))) == data.count(b"\n") >= 5
            server.start()  # Redis is back, with what it had (AOF)
            # The next run resumes the interrupted one; the run after starts afresh and
            # fetches what the lost run had taken but not written.
            for name in ("crawler-2", "crawler-3"):
                finish(crawl(tmp_path, site, server.url, name), tmp_path, name)
    finally:
        server.kill()
    assert not list(out.glob("*.part"))
    urls = emitted(out)
    assert len(urls) == len(set(urls)), "an article was emitted twice"
    assert sorted(urls) == expected(site)
