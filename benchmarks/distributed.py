"""Distributed crawls: 1, 2 and 3 ``scrapy crawl nusadaily`` processes on one Redis.

The generated site of :mod:`benchmarks.site` on 127.0.0.1 and a redis-server of our own
(free port, temporary folder, no persistence) per run, emptied before each crawl. Per
repeat: one local crawl (SQLite state, the per-run file) and the distributed crawls with
1, 2 and 3 processes, in rotating order. Figures:

- pages/s of the whole crawl: all processes' responses / (last spider closed - first
  spider opened), from Scrapy's stats;
- CPU ms per page, marginal: each group also crawls an empty site (startup, discovery,
  joining and ending the run), and (CPU of the real crawl - CPU of the empty one) /
  (pages - pages) is what one more page costs; for all processes (crawl processes and
  their parse workers), and for the crawl process of 1 process, SQLite against Redis:
  the Redis state and frontier's added cost;
- the Redis server's own CPU per page, marginal too (single-threaded: where Redis
  becomes the limit);
- round trips per page (the clients' count, ``newscrawl/redis/round_trips``) and
  commands per page (the server's count, script-internal calls included);
- bytes of Redis memory per article (state) and per queued/seen URL (frontier).
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.crawl import ROOT, SETTINGS, ProcessWatch, local_site, prepare
from benchmarks.stats import Row
from newscrawl.keep.redis_state import article_json
from tests.redisserver import RedisServer


def _cpu(pid: int) -> float:
    return ProcessWatch._read_cpu(pid) or 0.0


def crawl_group(
    base: str, processes: int, redis_url: str | None, expect: int, tmp: Path
) -> dict[str, float]:
    """``processes`` crawls started together; their pages, wall time and CPU."""
    settings = {**SETTINGS, "NEWSCRAWL_STATE": str(tmp / "state.sqlite3")}
    if redis_url:
        settings["NEWSCRAWL_REDIS_URL"] = redis_url
    procs, watches, stats_files = [], [], []
    started = time.perf_counter()
    for n in range(processes):
        stats_file = tmp / f"stats-{n}.json"
        command = [sys.executable, "-m", "scrapy", "crawl", "nusadaily", "-a", f"base_url={base}"]
        per_run = {"BENCH_STATS_FILE": str(stats_file), "NEWSCRAWL_OUTPUT_DIR": str(tmp / "out")}
        for name, value in {**settings, **per_run}.items():
            command += ["-s", f"{name}={value}"]
        command += ["--logfile", str(tmp / f"log-{n}")]
        proc = subprocess.Popen(command, cwd=ROOT)
        procs.append(proc)
        watches.append(ProcessWatch(proc.pid))
        stats_files.append(stats_file)
    for proc in procs:
        if proc.wait(timeout=60 + expect * 0.2) != 0:
            raise RuntimeError(f"crawl failed: see {tmp}/log-*")
    wall = time.perf_counter() - started
    for watch in watches:
        watch.stop()
    stats = [json.loads(path.read_text("utf-8")) for path in stats_files]
    records = sum(1 for path in (tmp / "out").glob("*.jsonl") for _ in path.open("rb"))
    if records != expect:
        raise RuntimeError(f"{records} records for {expect} articles ({processes} processes)")
    opened = min(datetime.fromisoformat(s["start_time"]) for s in stats)
    closed = max(datetime.fromisoformat(s["finish_time"]) for s in stats)
    return {
        "pages": sum(int(s.get("response_received_count", 0)) for s in stats),
        "wall": wall,
        "crawling": (closed - opened).total_seconds(),
        "cpu_all": sum(sum(w.cpu()) for w in watches),
        "cpu_crawl": sum(w.cpu()[0] for w in watches),
        "round_trips": sum(int(s.get("newscrawl/redis/round_trips", 0)) for s in stats),
        "shares": min(int(s.get("response_received_count", 0)) for s in stats),
    }


def measured(
    server: RedisServer, base: str, processes: int, url: str | None, size: int, folder: Path
) -> dict[str, float]:
    """One crawl group, with the Redis server's commands and CPU while it ran."""
    client = server.client()
    client.flushall()
    before = client.info("stats")["total_commands_processed"]
    redis_cpu = _cpu(server.proc.pid) if server.proc else 0.0
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        result = crawl_group(base, processes, url, size, Path(tmp))
    # Minus the two INFO calls of this function.
    result["commands"] = client.info("stats")["total_commands_processed"] - before - 2
    result["redis_cpu"] = (_cpu(server.proc.pid) if server.proc else 0.0) - redis_cpu
    client.close()
    return result


def memory_per_key(server: RedisServer, count: int = 20000) -> dict[str, float]:
    """Bytes of Redis memory per article in the state, per seen URL and per queued request,
    from keys shaped like the real ones (``MEMORY USAGE``, exact: SAMPLES 0)."""
    client = server.client()
    client.flushall()
    article = {
        "published_at": "2026-06-28T10:05:00+07:00",
        "updated_at": "2026-06-28T11:35:00+07:00",
        "revision": 1,
        "headline": "x",
        "body": "y",
    }
    base = "https://www.nusadaily.com/pemkot-malang-resmikan-taman-kota-di-kayutangan-tahap-"
    line = article_json(article, datetime.now(UTC), "crawler-host-12345")
    request = pickle.dumps(
        {
            "url": f"{base}1",
            "callback": "parse_article_page",
            "errback": "article_failed",
            "method": "GET",
            "headers": {},
            "body": b"",
            "cookies": {},
            "meta": {"newscrawl_link": f"{base}1"},
            "encoding": "utf-8",
            "priority": 0,
            "dont_filter": False,
            "flags": [],
            "cb_kwargs": {},
        },
        protocol=-1,
    )
    pipe = client.pipeline(transaction=False)
    for n in range(count):
        url = f"{base}{n}"
        pipe.hset("articles", url, line)
        pipe.hset("aliases", f"http://127.0.0.1:8080/x{n}", url)
        pipe.sadd("seen", f"{n:040x}")
        pipe.zadd("requests", {request.replace(b"tahap-1", f"tahap-{n}".encode()): 0})
    pipe.execute()
    sizes = {
        key: int(client.memory_usage(key, samples=0) or 0) / count
        for key in ("articles", "aliases", "seen", "requests")
    }
    client.flushall()
    client.close()
    return sizes


def run(size: int, repeats: int, log: Callable[[str], None] = print) -> tuple[list[Row], list[str]]:
    groups = {
        "sqlite-1": (1, False),
        "redis-1": (1, True),
        "redis-2": (2, True),
        "redis-3": (3, True),
    }
    values: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        values.setdefault(name, []).append(value)

    with tempfile.TemporaryDirectory(prefix="newscrawl-dist-") as folder:
        server = RedisServer(Path(folder, "redis")).start()
        try:
            with local_site(max_seconds=repeats * 4 * (60 + size * 0.2) + 120) as root:
                base = prepare(root, size)
                for rep in range(repeats):
                    order = list(groups)[rep % 4 :] + list(groups)[: rep % 4]
                    for name in order:
                        processes, distributed = groups[name]
                        client = server.client()
                        client.flushall()
                        before = client.info("stats")["total_commands_processed"]
                        redis_cpu = _cpu(server.proc.pid) if server.proc else 0.0
                        with tempfile.TemporaryDirectory(dir=folder) as tmp:
                            result = crawl_group(
                                base,
                                processes,
                                server.url if distributed else None,
                                size,
                                Path(tmp),
                            )
                        commands = client.info("stats")["total_commands_processed"] - before
                        redis_cpu = (_cpu(server.proc.pid) if server.proc else 0.0) - redis_cpu
                        client.close()
                        pages = result["pages"]
                        add(f"{name} pages/s", pages / result["wall"])
                        add(f"{name} cpu", result["cpu_all"] * 1000 / pages)
                        add(f"{name} crawl cpu", result["cpu_crawl"] * 1000 / pages)
                        if distributed:
                            add(f"{name} round trips", result["round_trips"] / pages)
                            add(f"{name} commands", (commands - 2) / pages)
                            add(f"{name} redis cpu", redis_cpu * 1e6 / pages)
                            add(f"{name} smallest share", result["shares"] / pages)
                        log(f"  {name}: {pages / result['wall']:.0f} pages/s, {pages} pages")
            memory = memory_per_key(server)
        finally:
            server.kill()
    rows = [
        Row(
            "distrib",
            f"1 process, SQLite: pages/s ({size} articles)",
            values["sqlite-1 pages/s"],
            "/s",
            digits=0,
        ),
        *(
            Row(
                "distrib",
                f"{n} process{'es' if n > 1 else ''}, Redis: pages/s",
                values[f"redis-{n} pages/s"],
                "/s",
                digits=0,
            )
            for n in (1, 2, 3)
        ),
        Row("distrib", "  1 process crawl CPU ms/page, SQLite", values["sqlite-1 crawl cpu"], "ms"),
        Row("distrib", "  1 process crawl CPU ms/page, Redis", values["redis-1 crawl cpu"], "ms"),
        Row(
            "distrib",
            "  Redis added crawl CPU ms/page (1 process)",
            [
                r - s
                for r, s in zip(
                    values["redis-1 crawl cpu"], values["sqlite-1 crawl cpu"], strict=True
                )
            ],
            "ms",
        ),
        *(
            Row("distrib", f"  {n} processes: all CPU ms/page", values[f"redis-{n} cpu"], "ms")
            for n in (1, 2, 3)
        ),
        Row(
            "distrib",
            "  3 processes: smallest share of pages",
            values["redis-3 smallest share"],
            "",
        ),
        Row(
            "distrib",
            "  Redis round trips/page (3 processes)",
            values["redis-3 round trips"],
            "",
            digits=1,
        ),
        Row(
            "distrib",
            "  Redis commands/page (3 processes)",
            values["redis-3 commands"],
            "",
            digits=1,
        ),
        Row(
            "distrib",
            "  redis-server CPU µs/page (3 processes)",
            values["redis-3 redis cpu"],
            "µs",
            digits=0,
        ),
        *(
            Row("distrib", f"  Redis bytes per {what}", [memory[key]], "B", digits=0)
            for key, what in (
                ("articles", "emitted article (state)"),
                ("aliases", "alias (state)"),
                ("seen", "seen URL (run's filter)"),
                ("requests", "queued request (run's queue)"),
            )
        ),
    ]
    return rows, [f"distrib: {os.cpu_count()} cores shared by all processes and redis-server"]
