"""One crawl frontier in Redis for all the machines crawling an outlet.

scrapy-redis gives the shared queue (:class:`scrapy_redis.queue.PriorityQueue`) and
request filter (:class:`scrapy_redis.dupefilter.RFPDupeFilter`), used by
:mod:`newscrawl.discover.redis_scheduler`; this module gives them a *run*: the
machines that start while a run of an outlet is going on join it (same queue, same
filter), and the run ends when its queue is empty and every live
machine is idle. The filter's key is per run: each URL is fetched once per run
whichever machine asks (discovery pages and re-checks of young articles included),
and the next run starts with an empty filter, so it reads the sitemaps and re-checks
again. A run whose machines were all stopped (or killed) keeps its queue: the next
start resumes it.

A killed machine's popped requests are not put back: what it took but did not emit
is not in the crawl state, so the next run, reading the same listings with a fresh
filter, fetches it (``NEWSCRAWL_REDIS_LEASE`` after its last heartbeat, the others
stop waiting for it).

Scheduled runs share the frontier ``latest``; a backfill (``-a since``/``until``) has
its own, named after its days, so the two go on side by side (``NEWSCRAWL_FRONTIER``
names one explicitly).

Keys, under ``<prefix>:{<outlet>}:`` (one hash tag): ``machines`` (machine -> lease
expiry, Redis clock), then per frontier ``<frontier>:``: ``run`` (id, start),
``members`` (its machines' leases), ``idle`` (members with nothing to do),
``run:<id>:requests``/``:seen``/``:report`` (queue, filter, each machine's counts),
``runs`` (summaries of the last 100 finished runs).
"""

from __future__ import annotations

import json
import logging
import weakref
from datetime import timedelta
from typing import Any, Literal

from redis import Redis
from scrapy.crawler import Crawler

from newscrawl.keep.redis_link import outlet_prefix
from newscrawl.keep.run import Run

logger = logging.getLogger(__name__)

_NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)"

#: join(machine, proposed id, lease ms, started) -> {run id, 1 if this machine started it}
_JOIN = (
    _NOW_MS
    + """
local run, members, idle, machines = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local known = redis.call('HGETALL', members)
for i = 1, #known, 2 do
  if tonumber(known[i + 1]) <= now then
    redis.call('HDEL', members, known[i])
    redis.call('SREM', idle, known[i])
  end
end
local id = redis.call('HGET', run, 'id')
local created = 0
if not id then
  id = ARGV[2]
  redis.call('HSET', run, 'id', id, 'started', ARGV[4])
  created = 1
end
redis.call('HSET', members, ARGV[1], now + tonumber(ARGV[3]))
redis.call('HSET', machines, ARGV[1], now + tonumber(ARGV[3]))
redis.call('SREM', idle, ARGV[1])
return {id, created}
"""
)

#: pop(machine): the next request; the machine is busy from the same instant.
_POP = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return false end
redis.call('SREM', KEYS[2], ARGV[1])
return popped[1]
"""

#: heartbeat(machine, id, lease ms, counts) -> 0 when the run is gone
_HEARTBEAT = (
    _NOW_MS
    + """
redis.call('HSET', KEYS[4], ARGV[1], now + tonumber(ARGV[3]))
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], now + tonumber(ARGV[3]))
redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
return 1
"""
)

#: idle(machine, id, lease ms, counts) -> {'wait'} | {'over'} | {'finished', summary}
_IDLE = (
    _NOW_MS
    + """
local run, members, idle, queue, seen, report, runs, machines = unpack(KEYS)
local machine, id = ARGV[1], ARGV[2]
redis.call('HSET', machines, machine, now + tonumber(ARGV[3]))
if redis.call('HGET', run, 'id') ~= id then return {'over'} end
redis.call('HSET', members, machine, now + tonumber(ARGV[3]))
redis.call('SADD', idle, machine)
redis.call('HSET', report, machine, ARGV[4])
if redis.call('ZCARD', queue) > 0 then return {'wait'} end
local known = redis.call('HGETALL', members)
for i = 1, #known, 2 do
  if tonumber(known[i + 1]) > now and redis.call('SISMEMBER', idle, known[i]) == 0 then
    return {'wait'}
  end
end
local counts = {}
local reported = redis.call('HGETALL', report)
for i = 1, #reported, 2 do counts[reported[i]] = cjson.decode(reported[i + 1]) end
local summary = cjson.encode({id = id, started = redis.call('HGET', run, 'started'),
                              machines = counts})
redis.call('LPUSH', runs, summary)
redis.call('LTRIM', runs, 0, 99)
redis.call('DEL', run, queue, seen, idle, report)
return {'finished', summary}
"""
)

_LEAVE = """
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
"""


#: The frontier of scheduled runs (no ``-a since``/``until``).
LATEST = "latest"


def frontier_name(spider: Any) -> str:
    """``latest`` for scheduled runs; a backfill's own frontier, named by its days, so it
    neither holds up nor is joined by the scheduled runs of the same outlet."""
    since, until = getattr(spider, "since", None), getattr(spider, "until", None)
    if since is None and until is None:
        return LATEST
    last = until - timedelta(days=1) if until else None  # NewsSpider's until is exclusive
    return "backfill-" + "-".join(f"{day:%Y%m%d}" if day else "open" for day in (since, last))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


_FRONTIERS: weakref.WeakKeyDictionary[Crawler, Frontier] = weakref.WeakKeyDictionary()


class Frontier:
    """This machine's membership in the current run of one outlet."""

    @classmethod
    def of(cls, crawler: Crawler) -> Frontier | None:
        """The frontier of ``crawler``'s run (None without ``NEWSCRAWL_REDIS_URL``)."""
        run = Run.of(crawler)
        if run.redis is None:
            return None
        frontier = _FRONTIERS.get(crawler)
        if frontier is None:
            settings = crawler.settings
            frontier = _FRONTIERS[crawler] = cls(
                run.redis,
                run.outlet,
                run.machine,
                settings.get("NEWSCRAWL_REDIS_PREFIX") or "newscrawl",
                settings.getfloat("NEWSCRAWL_REDIS_LEASE", 30.0),
                settings.get("NEWSCRAWL_FRONTIER") or frontier_name(crawler.spider),
            )
        return frontier

    def __init__(
        self,
        client: Redis,
        outlet: str,
        machine: str,
        prefix: str = "newscrawl",
        lease: float = 30,
        name: str = LATEST,
    ) -> None:
        self.client = client
        self.machine = machine
        self.lease_ms = int(lease * 1000)
        self.name = name
        #: Machine leases are the outlet's (the crawl state's claims read them too); the
        #: rest is this frontier's.
        self.machines_key = f"{outlet_prefix(prefix, outlet)}:machines"
        self.base = f"{outlet_prefix(prefix, outlet)}:{name}"
        self.run_id = ""
        self.scripts = {
            name: client.register_script(lua)
            for name, lua in (
                ("join", _JOIN),
                ("pop", _POP),
                ("heartbeat", _HEARTBEAT),
                ("idle", _IDLE),
                ("leave", _LEAVE),
            )
        }

    def key(self, name: str) -> str:
        return f"{self.base}:{name}"

    def run_key(self, name: str) -> str:
        return f"{self.base}:run:{self.run_id}:{name}"

    def join(self, proposed_id: str, started: str) -> bool:
        """Join the outlet's current run, or start one; True when this machine started it."""
        keys = [self.key("run"), self.key("members"), self.key("idle"), self.machines_key]
        run_id, created = self.scripts["join"](
            keys=keys, args=[self.machine, proposed_id, self.lease_ms, started]
        )
        self.run_id = run_id.decode()
        return bool(created)

    def heartbeat(self, counts: dict[str, int]) -> bool:
        """Renew this machine's lease; False when its run is gone (finished without it,
        or reset)."""
        keys = [self.key("run"), self.key("members"), self.run_key("report"), self.machines_key]
        args: list[str | int] = [self.machine, self.run_id, self.lease_ms, json.dumps(counts)]
        return bool(self.scripts["heartbeat"](keys=keys, args=args))

    def idle(self, counts: dict[str, int]) -> tuple[Literal["wait", "over", "finished"], Any]:
        """This machine has nothing to do: wait for the others, or end the run (when the
        queue is empty and every live machine is idle)."""
        keys = [
            self.key("run"),
            self.key("members"),
            self.key("idle"),
            self.run_key("requests"),
            self.run_key("seen"),
            self.run_key("report"),
            self.key("runs"),
            self.machines_key,
        ]
        args: list[str | int] = [self.machine, self.run_id, self.lease_ms, json.dumps(counts)]
        answer = self.scripts["idle"](keys=keys, args=args)
        verdict = answer[0].decode()
        summary = json.loads(answer[1]) if verdict == "finished" else None
        return verdict, summary

    def finished_run(self) -> dict[str, Any] | None:
        """The summary of this machine's run, once some machine ended it."""
        for raw in self.client.lrange(self.key("runs"), 0, 9):
            summary: dict[str, Any] = json.loads(raw)
            if summary.get("id") == self.run_id:
                return summary
        return None

    def leave(self) -> None:
        keys = [self.key("members"), self.key("idle"), self.machines_key]
        self.scripts["leave"](keys=keys, args=[self.machine])

    def status(self) -> dict[str, Any]:
        """The outlet's current run as an operator sees it (``newscrawl frontier status``)."""
        run = {_text(k): _text(v) for k, v in self.client.hgetall(self.key("run")).items()}
        seconds, micros = self.client.time()
        now_ms = seconds * 1000 + micros // 1000
        leases = self.client.hgetall(self.key("members"))
        self.run_id = run.get("id", "")
        last = self.client.lindex(self.key("runs"), 0)
        return {
            "run": self.run_id or None,
            "started": run.get("started"),
            "machines": sorted(_text(m) for m, exp in leases.items() if int(exp) > now_ms),
            "idle": sorted(_text(m) for m in self.client.smembers(self.key("idle"))),
            "queued": int(self.client.zcard(self.run_key("requests"))) if self.run_id else 0,
            "seen": int(self.client.scard(self.run_key("seen"))) if self.run_id else 0,
            "last_finished": json.loads(last) if last else None,
        }

    def reset(self) -> int:
        """Forget the outlet's current run: its queue, request filter and machines (the
        crawl state stays). Run it with every machine of the outlet stopped."""
        keys = [*self.client.scan_iter(f"{self.base}:run:*"), self.key("run")]
        keys += [self.key("members"), self.key("idle")]
        return int(self.client.delete(*keys))
