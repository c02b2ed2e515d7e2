"""``newscrawl crawl``: several outlets in one process, one summary, one exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newscrawl.keep.warc import write_warc
from tests.cases import ROOT, run_project
from tests.crawl import site_responses


def test_two_outlets_in_one_process_with_one_summary(tmp_path: Path) -> None:
    warc = tmp_path / "sites.warc.gz"
    write_warc(warc, [*site_responses("nusadaily"), *site_responses("cnnindonesia")])
    command = [
        sys.executable,
        "-m",
        "newscrawl.cli",
        "crawl",
        "nusadaily",
        "cnnindonesia",
        "-s",
        f"NEWSCRAWL_REPLAY={warc}",
        "-s",
        f"NEWSCRAWL_STATE={tmp_path / 'state.sqlite3'}",
        "-s",
        f"NEWSCRAWL_OUTPUT_DIR={tmp_path}/%(name)s",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        "NEWSCRAWL_NOW=2026-12-01T00:00:00Z",
    ]
    proc = run_project(command)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["nusadaily", "cnnindonesia"]
    assert all(line.endswith("health ok") for line in lines)
    assert "new     5" in lines[0]
    assert len(list((tmp_path / "nusadaily").glob("*.jsonl"))) == 1
    assert len(list((tmp_path / "cnnindonesia").glob("*.report.json"))) == 1


def test_unknown_outlet_is_refused() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "crawl", "nosuchoutlet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "nosuchoutlet" in proc.stderr


def test_an_unreachable_site_is_no_healthy_outlet(tmp_path: Path) -> None:
    from tests.test_faults import closed_port

    command = [
        *(sys.executable, "-m", "newscrawl.cli", "crawl", "nusadaily"),
        *("-a", f"base_url=http://127.0.0.1:{closed_port()}", "-s", "RETRY_TIMES=0"),
        *("-s", f"NEWSCRAWL_STATE={tmp_path / 'state.sqlite3'}"),
        *("-s", f"NEWSCRAWL_OUTPUT_DIR={tmp_path}/%(name)s", "-s", "LOG_LEVEL=WARNING"),
    ]
    proc = run_project(command)
    assert proc.returncode == 3
    (line,) = proc.stdout.splitlines()
    assert line.endswith("health FAILED: site_unreachable")
