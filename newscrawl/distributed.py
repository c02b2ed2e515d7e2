"""Several machines, one crawl: ``-s NEWSCRAWL_REDIS_URL=redis://host:6379/0``.

:class:`DistributedCrawl` (an add-on) swaps the scheduler for the shared frontier
(:mod:`newscrawl.discover.frontier`) when the setting (or the environment variable of
the same name) is set; :class:`newscrawl.keep.run.Run` then keeps the crawl state in
Redis. :class:`FrontierWatch` keeps this machine's lease alive, waits for the other
machines before letting an idle crawl end, stops the crawl when Redis is lost, and
puts the run's per-machine counts in the stats and the report.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from redis.exceptions import RedisError
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from newscrawl.discover.frontier import Frontier
from newscrawl.discover.redis_scheduler import WAKE
from newscrawl.keep.health import DISCOVERY
from newscrawl.keep.run import Run

logger = logging.getLogger(__name__)

#: Set when Redis was lost mid-run; ``scrapy crawl`` then exits with status 4.
REDIS_LOST = "newscrawl/redis/lost"
#: Stats of the whole run (all machines), set when it ended on this machine.
RUN_PREFIX = "newscrawl/run/"
#: Seconds between looks at the shared queue while this machine waits for the others
#: (Scrapy itself looks every 5 s).
WAIT_POLL = 0.5
#: Per-machine counts shared through the frontier: stats key -> name in the report.
COUNTED = {
    "response_received_count": "pages",
    "newscrawl/article_pages": "article_pages",
    "newscrawl/emitted/new": "new",
    "newscrawl/emitted/updated": "updated",
    "newscrawl/unchanged": "unchanged",
    "newscrawl/skipped/taken": "taken",
}


class DistributedCrawl:
    """Add-on: with ``NEWSCRAWL_REDIS_URL``, the frontier scheduler replaces the local one."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("NEWSCRAWL_REDIS_URL"):
            return
        # Replaces the project's own SCHEDULER, not one given on the command line.
        if (settings.getpriority("SCHEDULER") or 0) <= SETTINGS_PRIORITIES["project"]:
            scheduler = "newscrawl.discover.redis_scheduler.FrontierScheduler"
            settings.set("SCHEDULER", scheduler, priority="project")


def machine_counts(stats: dict[str, Any]) -> dict[str, int]:
    counts = {name: int(stats.get(key, 0)) for key, name in COUNTED.items()}
    counts["dropped"] = sum(int(v) for k, v in stats.items() if k.startswith("newscrawl/dropped/"))
    # Discovery is shared too: one machine may fetch the sitemap while another meets only the
    # 404s of the outlet's other routes; the run's health is judged on all of them.
    for key, value in stats.items():
        if key.startswith(DISCOVERY):
            counts[f"discovery/{key.removeprefix(DISCOVERY)}"] = int(value)
    return counts


class FrontierWatch:
    """This machine's part in a distributed run (only with ``NEWSCRAWL_REDIS_URL``)."""

    def __init__(self, crawler: Crawler, run: Run, frontier: Frontier) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.run = run
        self.frontier = frontier
        self.stats: StatsCollector = crawler.stats
        self.heartbeat = LoopingCall(self.beat)
        self.waiting = LoopingCall(self.wake)
        self.summary: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        frontier = Frontier.of(crawler)
        if frontier is None:
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        ext = cls(crawler, Run.of(crawler), frontier)
        ext.run.on_lost.append(ext.stop_lost)
        connect = crawler.signals.connect
        connect(ext.spider_opened, signal=signals.spider_opened)
        connect(ext.spider_idle, signal=signals.spider_idle)
        connect(ext.spider_error, signal=signals.spider_error)
        connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def counts(self) -> dict[str, int]:
        return machine_counts(self.stats.get_stats())

    def spider_opened(self, spider: Spider) -> None:
        self.stats.set_value("newscrawl/machine", self.run.machine)
        self.stats.set_value("newscrawl/run/id", self.frontier.run_id)
        self.heartbeat.start(self.frontier.lease_ms / 3000, now=False)

    def beat(self) -> None:
        try:
            alive = self.frontier.heartbeat(self.counts())
        except RedisError as exc:
            self.run.lose_shared_state(exc)
            return
        engine = self.crawler.engine
        if alive or engine is None or engine.spider is None or engine.spider_is_idle():
            return  # an idle machine learns that the run ended at its next idle check
        # Stalled longer than its lease, or the frontier was reset: what this machine still
        # holds is not emitted; the next run fetches it (it is not in the state).
        logger.warning(
            "%s: run %s ended or was reset without this machine (its lease ran out?); stopping",
            self.run.outlet,
            self.frontier.run_id,
        )
        self.stop("frontier_gone")

    def spider_idle(self, spider: Spider) -> None:
        if self.run.lost:
            return
        try:
            verdict, summary = self.frontier.idle(self.counts())
        except RedisError as exc:
            self.run.lose_shared_state(exc)
            return
        if verdict == "wait":
            # Other machines are still fetching and may queue more requests.
            if not self.waiting.running:
                self.waiting.start(WAIT_POLL, now=False)
            raise DontCloseSpider
        self.summary = summary

    def wake(self) -> None:
        """Have the engine look at the shared queue (and ask spider_idle again) now.

        Scrapy has no public "look again" call; crawling a request the scheduler drops
        (:data:`WAKE`) makes the engine look, as any new request does."""
        engine = self.crawler.engine
        if engine is None or engine.spider is None or self.run.lost:
            self.waiting.stop()
            return
        if not engine.spider_is_idle():
            self.waiting.stop()  # busy again: responses keep the engine looking
            return
        engine.crawl(Request("data:,", dont_filter=True, meta={WAKE: True}))

    def spider_error(self, failure: Failure, response: Any, spider: Spider) -> None:
        if isinstance(failure.value, RedisError):
            self.run.lose_shared_state(failure.value)

    def stop_lost(self) -> None:
        self.stats.set_value(REDIS_LOST, self.run.lost)
        self.stop("redis_lost")

    def stop(self, reason: str) -> None:
        for loop in (self.heartbeat, self.waiting):
            if loop.running:
                loop.stop()
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason=reason))

    def spider_closed(self, spider: Spider, reason: str) -> None:
        for loop in (self.heartbeat, self.waiting):
            if loop.running:
                loop.stop()
        if self.run.lost:
            return
        try:
            if self.summary is None and reason == "finished":
                self.summary = self.frontier.finished_run()
            self.frontier.leave()
        except RedisError as exc:
            logger.warning("%s: could not leave run cleanly: %s", self.run.outlet, exc)
        redis = self.run.redis
        if redis is not None:
            self.stats.set_value("newscrawl/redis/round_trips", redis.round_trips)
        if self.summary is not None:
            self.record_summary(self.summary)

    def record_summary(self, summary: dict[str, Any]) -> None:
        """The whole run's counts, all machines (the finished run's summary)."""
        machines: dict[str, dict[str, int]] = summary.get("machines") or {}
        self.stats.set_value(f"{RUN_PREFIX}machines", machines)
        names = {name for counts in machines.values() for name in counts if "/" in name}
        for name in (*COUNTED.values(), "dropped", *sorted(names)):
            total = sum(int(counts.get(name, 0)) for counts in machines.values())
            self.stats.set_value(f"{RUN_PREFIX}{name}", total)
