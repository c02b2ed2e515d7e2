"""Crawl throughput and memory: ``scrapy crawl nusadaily`` against a generated local site.

The server (:mod:`benchmarks.site`) runs in its own process; each crawl is a fresh
``python -m scrapy`` process with the same settings, so the real spider and the do-nothing
baseline (:mod:`benchmarks.noop_spider`) differ only in what their callbacks do.
Pages per second = responses received / Scrapy's ``elapsed_time_seconds`` (spider opened
to spider closed: discovery, every fetch, every parse, the feed). Peak RSS is the crawl
processes' high-water marks (:class:`ProcessWatch`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import Row

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = 16
#: Identical for both spiders. Politeness is off (local server); the stats collector only
#: adds a JSON dump of the stats at close.
SETTINGS = {
    "ROBOTSTXT_OBEY": "False",
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": str(CONCURRENCY),
    "CONCURRENT_REQUESTS_PER_DOMAIN": str(CONCURRENCY),
    "TELNETCONSOLE_ENABLED": "False",
    "LOG_LEVEL": "INFO",
    "STATS_CLASS": "benchmarks.crawlstats.JsonFileStatsCollector",
    # The crawl, not its archive (the archive bench measures what archiving costs).
    "NEWSCRAWL_ARCHIVE": "",
}


@dataclass
class CrawlResult:
    spider: str
    pages: int
    items: int
    elapsed: float
    peak_rss_mb: float
    wall: float
    #: CPU seconds of the crawl process and of its parse workers (whole run, startup too).
    cpu: float = 0.0
    worker_cpu: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed


@contextmanager
def local_site(max_seconds: float) -> Iterator[str]:
    """Start the site server on a free port; yield its root URL; stop it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.site", "--max-seconds", str(max_seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("READY "):
            raise RuntimeError(f"site server did not start: {line!r}")
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def prepare(root: str, size: int) -> str:
    """Build the site of ``size`` articles on the server now, outside any timed crawl."""
    base = f"{root}/n{size}"
    with urllib.request.urlopen(f"{base}/gnews/feed", timeout=120) as response:
        response.read()
    return base


class ProcessWatch:
    """The high-water resident set size of a running crawl and its parse workers, polled in
    a thread: the sum of each process's own peak (at least the peak of their sum); and the
    CPU time each used (the last reading before it exited).

    Not ``ru_maxrss`` from ``os.wait4``: Linux carries the parent's high-water mark into a
    forked child, so every crawl would report at least this (large) process's size.
    ``VmHWM`` in ``/proc/<pid>/status`` is a process's own peak and only grows, so polling
    it misses only growth in the last interval before exit; where there is no /proc,
    psutil's RSS samples stand in.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peaks_kb: dict[int, int] = {}
        self.cpu_seconds: dict[int, float] = {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _pids(self) -> list[int]:
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        try:
            return [self.pid, *map(int, children.read_text().split())]
        except OSError:
            return [self.pid]

    def _read_kb(self, pid: int) -> int | None:
        status = Path(f"/proc/{pid}/status")
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        except FileNotFoundError:
            if Path("/proc/self/status").exists():
                return None  # the process is gone
            import psutil

            try:
                return int(psutil.Process(pid).memory_info().rss // 1024)
            except psutil.Error:
                return None
        except (OSError, ValueError):
            return None
        return None

    @staticmethod
    def _read_cpu(pid: int) -> float | None:
        """User + system CPU seconds of ``pid`` (/proc only)."""
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _poll(self) -> None:
        while not self._done.is_set():
            for pid in self._pids():
                kb = self._read_kb(pid)
                if kb is not None:
                    self.peaks_kb[pid] = max(self.peaks_kb.get(pid, 0), kb)
                cpu = self._read_cpu(pid)
                if cpu is not None:
                    self.cpu_seconds[pid] = cpu
            self._done.wait(self.interval)

    def stop(self) -> float:
        """Stop polling; the peak in MB."""
        self._done.set()
        self._thread.join()
        return sum(self.peaks_kb.values()) / 1024

    def cpu(self) -> tuple[float, float]:
        """CPU seconds of the crawl process, and of its children (the parse workers)."""
        own = self.cpu_seconds.get(self.pid, 0.0)
        return own, sum(self.cpu_seconds.values()) - own


def crawl(
    spider: str, base: str, expect: int, timeout: float, jobdir: bool = False, archive: bool = False
) -> CrawlResult:
    """One crawl of the site at ``base`` by ``spider`` ("nusadaily", "noop", "lxml-floor").

    ``jobdir`` keeps the pending requests in Scrapy's disk queues (``-s JOBDIR=...``);
    ``archive`` writes the WARC archive (``NEWSCRAWL_ARCHIVE``, a temporary folder).
    """
    with tempfile.TemporaryDirectory(prefix="newscrawl-bench-") as tmp:
        out, stats_file, log = Path(tmp, "out.jsonl"), Path(tmp, "stats.json"), Path(tmp, "log")
        if spider == "nusadaily":
            target = ["crawl", "nusadaily"]
        else:
            target = ["runspider", str(ROOT / "benchmarks/noop_spider.py")]
            target += ["-a", "floor=1"] if spider == "lxml-floor" else []
        command = [sys.executable, "-m", "scrapy", *target, "-a", f"base_url={base}"]
        # A fresh incremental-crawl state per run: every run emits every article, and the
        # user's own state file is never touched.
        per_run = {"BENCH_STATS_FILE": str(stats_file), "NEWSCRAWL_STATE": f"{tmp}/state.sqlite3"}
        if jobdir:
            per_run["JOBDIR"] = f"{tmp}/job"
        if archive:
            per_run["NEWSCRAWL_ARCHIVE"] = f"{tmp}/archive"
        for name, value in {**SETTINGS, **per_run}.items():
            command += ["-s", f"{name}={value}"]
        command += ["-O", str(out), "--logfile", str(log)]
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT)
        watch = ProcessWatch(proc.pid)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        finally:
            peak_mb = watch.stop()
        wall = time.perf_counter() - started
        if code != 0 or not stats_file.exists():
            tail = log.read_text("utf-8", errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{spider} crawl failed (exit {code}):\n{tail}")
        stats = json.loads(stats_file.read_text("utf-8"))
        items = sum(1 for _ in out.open("rb")) if out.exists() else 0
    pages = int(stats.get("response_received_count", 0))
    elapsed = float(stats["elapsed_time_seconds"])
    result = CrawlResult(spider, pages, items, elapsed, peak_mb, wall, *watch.cpu())
    fetched = int(stats.get("downloader/response_status_count/200", 0))
    if fetched < expect:
        raise RuntimeError(f"{spider}: {fetched} pages fetched with status 200, expected {expect}")
    if spider == "nusadaily" and items != expect:
        raise RuntimeError(f"nusadaily: {items} records for {expect} articles; see the crawl log")
    return result


def run_throughput(
    size: int, repeats: int, log: Callable[[str], None] = print
) -> tuple[list[Row], list[str]]:
    spiders = ["nusadaily", "noop", "lxml-floor"]
    pps: dict[str, list[float]] = {name: [] for name in spiders}
    # CPU ms per page: the crawl process (Scrapy and our spider and pipelines) and the
    # parse workers, to show which side bounds the crawl.
    cpu: dict[str, list[float]] = {"nusadaily": [], "workers": [], "noop": []}
    timeout = 60 + size * 0.1
    with local_site(max_seconds=repeats * 3 * timeout + 120) as root:
        base = prepare(root, size)
        for rep in range(repeats):
            # Rotate the order so a slow phase of the machine does not always hit one spider.
            order = spiders[rep % 3 :] + spiders[: rep % 3]
            results = {name: crawl(name, base, size, timeout) for name in order}
            for name in spiders:
                pps[name].append(results[name].pages_per_second)
            for name in ("nusadaily", "noop"):
                cpu[name].append(results[name].cpu * 1000 / results[name].pages)
            cpu["workers"].append(results["nusadaily"].worker_cpu * 1000 / size)
            log(
                f"  crawl repeat {rep + 1}/{repeats}: "
                + ", ".join(f"{n} {pps[n][-1]:.0f} pages/s" for n in spiders)
                + f" ({results['nusadaily'].items} records)"
            )
    ratio = [o / n for o, n in zip(pps["nusadaily"], pps["noop"], strict=True)]
    floor = [f / n for f, n in zip(pps["lxml-floor"], pps["noop"], strict=True)]
    rows = [
        Row("crawl", f"nusadaily pages/s ({size} articles)", pps["nusadaily"], "/s", digits=0),
        Row("crawl", f"do-nothing spider pages/s ({size} articles)", pps["noop"], "/s", digits=0),
        Row("crawl", "nusadaily / do-nothing pages/s", ratio, "x", (">=", 0.8)),
        Row("crawl", "do-nothing + lxml tree only / do-nothing", floor, "x"),
        Row("crawl", "  nusadaily crawl process CPU ms/page", cpu["nusadaily"], "ms", digits=2),
        Row("crawl", "  nusadaily parse workers CPU ms/page", cpu["workers"], "ms", digits=2),
        Row("crawl", "  do-nothing crawl process CPU ms/page", cpu["noop"], "ms", digits=2),
    ]
    settings = ", ".join(f"{k}={v}" for k, v in SETTINGS.items() if k != "STATS_CLASS")
    return rows, [f"crawl settings (both spiders): {settings}"]


def run_memory(
    small: int, large: int, repeats: int, log: Callable[[str], None] = print
) -> tuple[list[Row], list[str]]:
    # The real spider as configured; the same with disk request queues; the do-nothing
    # spider (what Scrapy itself needs to hold every pending request of a big sitemap).
    variants = {
        "nusadaily": ("nusadaily", False),
        "nusadaily, JOBDIR": ("nusadaily", True),
        "do-nothing": ("noop", False),
    }
    peaks: dict[tuple[str, int], list[float]] = {}
    timeout = 60 + large * 0.1
    with local_site(max_seconds=repeats * 6 * timeout + 120) as root:
        bases = {size: prepare(root, size) for size in (small, large)}
        for rep in range(repeats):
            for label, (spider, jobdir) in variants.items():
                for size in (small, large):
                    result = crawl(spider, bases[size], size, timeout, jobdir=jobdir)
                    peaks.setdefault((label, size), []).append(result.peak_rss_mb)
                    log(
                        f"  memory repeat {rep + 1}/{repeats}: {label}, {size} pages, peak RSS "
                        f"{result.peak_rss_mb:.1f} MB, {result.pages_per_second:.0f} pages/s"
                    )

    def ratio(label: str) -> list[float]:
        pairs = zip(peaks[(label, small)], peaks[(label, large)], strict=True)
        return [b / a for a, b in pairs]

    rows = [
        Row(
            "memory",
            f"nusadaily peak RSS, {small} pages",
            peaks[("nusadaily", small)],
            "MB",
            digits=1,
        ),
        Row(
            "memory",
            f"nusadaily peak RSS, {large} pages",
            peaks[("nusadaily", large)],
            "MB",
            digits=1,
        ),
        Row("memory", f"peak RSS {large} / {small} pages", ratio("nusadaily"), "x", ("<=", 1.2)),
        Row("memory", "  same, -s JOBDIR (disk request queue)", ratio("nusadaily, JOBDIR"), "x"),
        Row("memory", "  do-nothing spider, same sizes", ratio("do-nothing"), "x"),
    ]
    return rows, []


def run_archive_cost(
    size: int, repeats: int, log: Callable[[str], None] = print
) -> tuple[list[Row], list[str]]:
    """The real spider with and without its WARC archive, alternating, same site."""
    pps: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}
    own: dict[bool, list[float]] = {True: [], False: []}
    timeout = 60 + size * 0.1
    with local_site(max_seconds=repeats * 2 * timeout + 120) as root:
        base = prepare(root, size)
        for rep in range(repeats):
            for archive in (rep % 2 == 0, rep % 2 != 0):
                result = crawl("nusadaily", base, size, timeout, archive=archive)
                pps[archive].append(result.pages_per_second)
                cpu[archive].append((result.cpu + result.worker_cpu) * 1000 / result.pages)
                own[archive].append(result.cpu * 1000 / result.pages)
            log(
                f"  archive repeat {rep + 1}/{repeats}: with {pps[True][-1]:.0f} pages/s, "
                f"without {pps[False][-1]:.0f} pages/s"
            )
    ratio = [a / b for a, b in zip(pps[True], pps[False], strict=True)]
    rows = [
        Row("archive", f"nusadaily pages/s with the archive ({size})", pps[True], "/s", digits=0),
        Row("archive", f"nusadaily pages/s without ({size})", pps[False], "/s", digits=0),
        Row("archive", "with / without pages/s", ratio, "x", (">=", 0.9)),
        Row("archive", "  CPU ms/page with (crawl process + children)", cpu[True], "ms", digits=2),
        Row("archive", "  CPU ms/page without", cpu[False], "ms", digits=2),
        Row("archive", "  crawl process CPU ms/page with", own[True], "ms", digits=2),
        Row("archive", "  crawl process CPU ms/page without", own[False], "ms", digits=2),
    ]
    return rows, []
