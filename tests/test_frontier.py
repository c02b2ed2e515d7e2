"""The shared frontier's runs: who joins, when a run ends, what an operator sees."""

from __future__ import annotations

import subprocess
import sys
import time

from newscrawl.discover.frontier import Frontier, frontier_name
from newscrawl.discover.spider import NewsSpider
from newscrawl.keep.redis_link import connect
from tests.cases import ROOT


def machines(redis_url: str, *names: str, lease: float = 30.0) -> list[Frontier]:
    return [Frontier(connect(redis_url), "nusadaily", name, lease=lease) for name in names]


def push(frontier: Frontier, *members: str) -> None:
    frontier.client.zadd(frontier.run_key("requests"), {member: 0 for member in members})


def test_machines_starting_together_share_one_run(redis_url: str) -> None:
    a, b = machines(redis_url, "host-a", "host-b")
    assert a.join("run-1", "2026-07-01T00:00:00+00:00") is True
    assert b.join("run-2", "2026-07-01T00:00:05+00:00") is False
    assert a.run_id == b.run_id == "run-1"
    assert a.run_key("seen") == b.run_key("seen")  # one request filter for both


def test_a_run_ends_when_its_queue_is_empty_and_every_machine_is_idle(redis_url: str) -> None:
    a, b = machines(redis_url, "host-a", "host-b")
    a.join("run-1", "t0")
    b.join("run-2", "t1")
    push(a, "request-1")
    assert a.idle({"new": 0})[0] == "wait"  # a request is waiting
    assert b.scripts["pop"](keys=[b.run_key("requests"), b.key("idle")], args=["host-b"])
    assert a.idle({"new": 0})[0] == "wait"  # b is busy with it (and may queue more)
    verdict, summary = b.idle({"new": 3})
    assert verdict == "finished"
    assert summary["id"] == "run-1"
    assert summary["machines"] == {"host-a": {"new": 0}, "host-b": {"new": 3}}
    assert a.idle({"new": 0})[0] == "over"
    assert a.finished_run() == summary
    # The run's queue and filter are gone: the next run starts afresh.
    assert a.client.exists(a.run_key("requests"), a.run_key("seen"), a.key("run")) == 0
    c, *_ = machines(redis_url, "host-c")
    assert c.join("run-3", "t2") is True


def test_a_backfill_has_its_own_frontier_beside_the_scheduled_runs() -> None:
    def spider(**args: str) -> NewsSpider:
        return NewsSpider(name="nusadaily", **args)

    assert frontier_name(spider()) == "latest"
    backfill = spider(since="2020-01-01", until="2020-12-31")
    assert frontier_name(backfill) == "backfill-20200101-20201231"
    assert frontier_name(spider(since="2020-01-01")) == "backfill-20200101-open"


def test_a_busy_scheduled_run_does_not_hold_a_backfill_open(redis_url: str) -> None:
    client = connect(redis_url)
    scheduled = Frontier(client, "nusadaily", "host-a")
    backfill = Frontier(client, "nusadaily", "host-b", name="backfill-20200101-20201231")
    scheduled.join("run-1", "t0")
    backfill.join("run-2", "t0")
    assert backfill.run_id == "run-2"  # not the scheduled run
    assert backfill.idle({})[0] == "finished"  # host-a (busy) is not one of its machines
    assert scheduled.idle({})[0] == "finished"


def test_a_dead_machine_does_not_hold_the_run_open(redis_url: str) -> None:
    (killed,) = machines(redis_url, "host-k", lease=0.3)
    (survivor,) = machines(redis_url, "host-s")
    killed.join("run-1", "t0")
    survivor.join("run-1", "t0")
    deadline = time.monotonic() + 30
    while (verdict := survivor.idle({})[0]) == "wait":
        assert time.monotonic() < deadline, "the killed machine's lease never ran out"
        time.sleep(0.05)
    assert verdict == "finished"


def test_status_and_reset_from_the_command_line(redis_url: str) -> None:
    (a,) = machines(redis_url, "host-a")
    a.join("run-1", "2026-07-01T00:00:00+00:00")
    push(a, "r1", "r2")
    status = a.status()
    assert (status["run"], status["queued"], status["machines"]) == ("run-1", 2, ["host-a"])

    def cli(*args: str) -> str:
        command = [sys.executable, "-m", "newscrawl.cli", "frontier", *args, "--redis", redis_url]
        proc = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
        )
        return proc.stdout

    assert '"queued": 2' in cli("status", "nusadaily")
    assert "keys deleted" in cli("reset", "nusadaily")
    assert a.status()["run"] is None
    assert a.client.exists(a.run_key("requests")) == 0
