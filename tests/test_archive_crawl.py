"""Real crawls over HTTP archive what they fetched: the archive is valid, replays to the same
records, re-parses to the same records and drops, and survives a SIGKILL."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from newscrawl.keep.archive import ROLE_HEADER, complete_members_end
from newscrawl.keep.output import complete_lines
from newscrawl.reparse.run import Reparse
from tests.cases import ROOT, project_env
from tests.crawl import site_responses
from tests.httpsite import FixtureSite
from tests.localsite import Site
from tests.test_incremental import child_pids, part_lines, wait_until

WIB = timezone(timedelta(hours=7))
ENV = project_env()
LOCAL = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0")


def crawl(outlet: str, tmp_path: Path, name: str, *args: str) -> dict[str, Any]:
    """``scrapy crawl`` to completion; its records (from the run file or ``-O``) and stats."""
    stats = tmp_path / f"{name}-stats.json"
    command = [sys.executable, "-m", "scrapy", "crawl", outlet, *LOCAL, *args]
    command += ["-s", f"NEWSCRAWL_STATE={tmp_path / name}.sqlite3"]
    command += ["-s", f"NEWSCRAWL_STATS_FILE={stats}", "-s", "LOG_LEVEL=INFO"]
    proc = subprocess.run(
        command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(stats.read_text("utf-8"))


def by_url(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda record: str(record["url"]))


def drops(stats: dict[str, Any]) -> dict[str, int]:
    prefix = "newscrawl/dropped/"
    return {k[len(prefix) :]: int(v) for k, v in stats.items() if k.startswith(prefix)}


def responses(path: Path) -> Iterator[tuple[dict[str, str], Any]]:
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                yield dict(record.rec_headers.headers), record.http_headers


def warcio(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warcio.cli", *args], capture_output=True, text=True, check=False
    )


def test_a_crawl_archives_what_it_fetched_and_the_archive_gives_the_same_records(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    site = FixtureSite(
        "https://www.cnnindonesia.com",
        site_responses("cnnindonesia"),
        redirects={"/indeks": "/indeks?date=2026/10/31"},
        chunked=("/rss",),
    )
    with site:
        base = f"base_url={site.base_url}"
        stats = crawl(
            "cnnindonesia", tmp_path, "live", "-a", base, "-s", f"NEWSCRAWL_OUTPUT_DIR={out}"
        )
        served = set(site.requests)
    (run_file,) = out.glob("*.jsonl")
    (archive,) = out.glob("*.warc.gz")
    assert archive.name == run_file.name.replace(".jsonl", ".warc.gz")  # the run's stamp
    records = list(complete_lines(run_file))
    assert len(records) == 3  # the sample site: 3 articles (one of three pages)

    # warcio reads it as valid, and indexes every response: robots.txt, the redirect, the
    # chunked feed, the listing, each article page and the 404.
    check = warcio("check", "-v", str(archive))
    assert check.returncode == 0, check.stdout + check.stderr
    index = warcio("index", "-f", "warc-type,warc-target-uri,http:status", str(archive))
    assert index.returncode == 0, index.stderr
    lines = [json.loads(line) for line in index.stdout.splitlines()]
    archived = {
        line["warc-target-uri"].removeprefix(site.base_url)
        for line in lines
        if line["warc-type"] == "response"
    }
    assert archived == served
    statuses = {line.get("http:status") for line in lines if line["warc-type"] == "response"}
    assert statuses == {"200", "301", "404"}

    # Bodies as received: gzip-encoded (the server compresses), the chunks joined.
    captured = {
        h["WARC-Target-URI"].removeprefix(site.base_url): (h, http)
        for h, http in responses(archive)
    }
    assert all(
        http.get_header("Content-Encoding") == "gzip"
        for _, http in captured.values()
        if http.get_statuscode() == "200"
    )
    assert captured["/rss"][1].get_header("Transfer-Encoding") is None
    roles = {path: h[ROLE_HEADER] for path, (h, _) in captured.items()}
    assert roles["/rss"] == roles["/robots.txt"] == roles["/indeks"] == "discovery"
    assert sorted(roles.values()).count("later-page") == 2
    # A record's fetched_at is the WARC-Date of its (last) page's capture.
    dates = {h["WARC-Date"].replace("Z", "+00:00") for h, _ in captured.values()}
    assert {record["fetched_at"] for record in records} <= dates

    # Offline: replay the archive (no server) and re-parse it.
    replayed = tmp_path / "replayed.jsonl"
    replay_stats = crawl(
        "cnnindonesia",
        tmp_path,
        "replay",
        "-a",
        base,
        "-s",
        f"NEWSCRAWL_REPLAY={archive}",
        "-O",
        str(replayed),
    )
    assert by_url(list(complete_lines(replayed))) == by_url(records)
    assert "newscrawl/replay/miss" not in replay_stats  # every request was archived
    output = io.StringIO()
    reparse_stats = Reparse([archive], output, workers=1).run()
    reparsed = [json.loads(line) for line in output.getvalue().splitlines()]
    assert by_url(reparsed) == by_url(records)
    assert drops(reparse_stats) == drops(stats) == drops(replay_stats)
    assert drops(stats) == {"http_404": 1, "not_an_article": 2}
    assert reparse_stats["newscrawl/article_pages"] == stats["newscrawl/article_pages"]


def archived_articles(directory: Path, pattern: str) -> int:
    """Article responses in the whole records of the archives matching ``pattern`` (one
    may be being written)."""
    count = 0
    for path in directory.glob(pattern):
        whole = path.read_bytes()[: complete_members_end(path)]
        for record in ArchiveIterator(io.BytesIO(whole)):
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            count += record.rec_type == "response" and "/berita-uji-" in uri
    return count


def test_a_crawl_killed_mid_write_leaves_an_archive_the_next_run_closes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = (
        "-s",
        f"NEWSCRAWL_OUTPUT_DIR={out}",
        "-s",
        f"NEWSCRAWL_STATE={tmp_path / 'state.sqlite3'}",
        "-s",
        "ROBOTSTXT_OBEY=False",
        "-s",
        "CONCURRENT_REQUESTS=2",
        "-s",
        "NEWSCRAWL_NOW=2026-07-15T00:00:00Z",
        *LOCAL,
    )
    # Slow enough (120 articles, 2 at a time, 50 ms each) to be caught mid-crawl under load.
    with Site(120, datetime(2026, 6, 28, 8, tzinfo=WIB), delay=0.05) as site:
        command = [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "nusadaily",
            "-a",
            f"base_url={site.base_url}",
            *args,
        ]
        proc = subprocess.Popen(
            command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            # Killed once records are written and more articles are on the way.
            wait_until(
                lambda: (
                    (part_lines(out) >= 2 and archived_articles(out, "*.open") >= 3)
                    or proc.poll() is not None
                )
            )
            assert proc.poll() is None, "the crawl ended before the kill"
        finally:
            # The crawl and its helpers (parse workers, the archive writer) at once, as
            # the out-of-memory killer or a kill -9 of the process group ends them.
            helpers = child_pids(proc.pid)
            for pid in [proc.pid, *helpers]:
                os.kill(pid, signal.SIGKILL)
            proc.wait()
        wait_until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in helpers))
        (killed,) = out.glob("*.warc.gz.open")
        captured = archived_articles(out, killed.name)
        # Whatever the kill cut, a cut record is what the next run must cope with: add one.
        with killed.open("ab") as stream:
            stream.write(b"\x1f\x8b\x08\x00" + b"\x00" * 40)
        finished = subprocess.run(
            command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300, check=False
        )
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert "closed the archive" in finished.stderr
    assert not list(out.glob("*.open")), "an archive was left open"
    closed = killed.with_name(killed.name.removesuffix(".open"))
    assert sorted(out.glob("*.warc.gz"))[0] == closed
    check = warcio("check", *map(str, sorted(out.glob("*.warc.gz"))))
    assert check.returncode == 0, check.stdout + check.stderr
    assert archived_articles(out, closed.name) == captured
    # Every article the killed run archived can be had from its archive, the records it
    # wrote (if it wrote any before the kill: the next run recovered them) among them.
    output = io.StringIO()
    Reparse([closed], output, workers=1).run()
    reparsed = {r["url"]: r for r in map(json.loads, output.getvalue().splitlines())}
    assert len(reparsed) == captured
    killed_run = closed.with_name(closed.name.replace(".warc.gz", ".jsonl"))  # recovered
    killed_records = list(complete_lines(killed_run))
    assert len(killed_records) >= 2
    for record in killed_records:
        assert reparsed.get(record["url"]) == record


@pytest.mark.parametrize("setting", ["", "{tmp}/elsewhere/%(name)s-%(stamp)s.warc.gz"])
def test_the_archive_setting_turns_it_off_or_moves_it(tmp_path: Path, setting: str) -> None:
    out = tmp_path / "out"
    with Site(2, datetime(2026, 6, 28, 8, tzinfo=WIB)) as site:
        crawl(
            "nusadaily",
            tmp_path,
            "run",
            "-a",
            f"base_url={site.base_url}",
            "-s",
            f"NEWSCRAWL_OUTPUT_DIR={out}",
            "-s",
            f"NEWSCRAWL_ARCHIVE={setting.format(tmp=tmp_path)}",
            "-s",
            "NEWSCRAWL_NOW=2026-07-15T00:00:00Z",
        )
    assert len(list(out.glob("*.jsonl"))) == 1
    assert list(out.glob("*.warc.gz*")) == []
    elsewhere = list((tmp_path / "elsewhere").glob("nusadaily-2*Z.warc.gz"))
    assert len(elsewhere) == (1 if setting else 0)
