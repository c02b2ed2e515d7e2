"""Progress bars: drawn for backfills and ``newscrawl crawl`` on a terminal, never elsewhere."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from newscrawl import progress as progress_module
from newscrawl.keep.warc import write_warc
from newscrawl.progress import CrawlProgress
from tests.cases import ROOT, project_env
from tests.crawl import site_responses


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def get_stats(self) -> dict[str, int]:
        return self.values


def test_crawls_of_one_process_share_one_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress_module, "_SHARED", None)
    first, second, scheduled = Stats(), Stats(), Stats()
    bars = [CrawlProgress("auto", first), CrawlProgress("auto", second)]
    quiet = CrawlProgress("auto", scheduled)
    bars[0].spider_opened(SimpleNamespace(since="2026-01-01"))
    bars[1].spider_opened(SimpleNamespace(since="2026-01-01"))
    quiet.spider_opened(SimpleNamespace(since=None))  # a scheduled run: no bar in auto mode
    assert bars[0].bar is bars[1].bar is not None and quiet.bar is None
    for _ in range(3):
        bars[0].response_received()
    bars[1].response_received()
    quiet.response_received()
    first.values.update({"item_scraped_count": 2, "newscrawl/dropped/no_date": 1})
    second.values.update({"item_scraped_count": 1})
    bars[0].spider_closed()
    assert progress_module._SHARED is not None
    bars[1].spider_closed()
    assert progress_module._SHARED is None
    last = terminal.getvalue().rsplit("\r", 1)[-1]
    assert "4page" in last.replace(" ", "")
    assert "records=3" in last and "dropped=1" in last and "outlets=2/2" in last


def test_on_shows_a_bar_for_scheduled_runs_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", Terminal())
    monkeypatch.setattr(progress_module, "_SHARED", None)
    ext = CrawlProgress("on", Stats())
    ext.spider_opened(SimpleNamespace(since=None))
    assert ext.bar is not None
    ext.spider_closed()


def crawl(tmp_path: Path, stderr_on_terminal: bool) -> tuple[int, str]:
    warc = tmp_path / "site.warc.gz"
    if not warc.exists():
        write_warc(warc, site_responses("nusadaily"))
    folder = tmp_path / ("tty" if stderr_on_terminal else "pipe")
    command = [
        sys.executable,
        "-m",
        "newscrawl.cli",
        "crawl",
        "nusadaily",
        f"-sNEWSCRAWL_REPLAY={warc}",
        f"-sNEWSCRAWL_STATE={folder}/state.sqlite3",
        f"-sNEWSCRAWL_OUTPUT_DIR={folder}/%(name)s",
        "-sLOG_LEVEL=WARNING",
        "-sNEWSCRAWL_NOW=2026-12-01T00:00:00Z",
    ]
    env = project_env()
    if not stderr_on_terminal:
        proc = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, timeout=300, check=False
        )
        return proc.returncode, proc.stderr.decode("utf-8", "replace")
    main, side = pty.openpty()
    # A new pseudo-terminal is 0 columns wide: tqdm would draw an empty bar.
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    proc_ = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=side)
    os.close(side)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(main, 65536)
            except OSError:  # the other side closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    code = proc_.wait(timeout=300)
    reader.join(timeout=60)
    os.close(main)
    return code, b"".join(chunks).decode("utf-8", "replace")


def test_newscrawl_crawl_draws_a_bar_on_a_terminal_only(tmp_path: Path) -> None:
    code, terminal = crawl(tmp_path, stderr_on_terminal=True)
    assert code == 0, terminal[-2000:]
    assert "crawl:" in terminal and "outlets=1/1" in terminal and "\r" in terminal
    # Log lines go above the bar at the crawl's own log level.
    assert "WARNING: nusadaily: 5 records" in terminal and "] DEBUG:" not in terminal
    code, piped = crawl(tmp_path, stderr_on_terminal=False)
    assert code == 0, piped[-2000:]
    assert "outlets=" not in piped and "\r" not in piped
