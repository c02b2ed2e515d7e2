"""The scheduler of a distributed crawl: scrapy-redis's, on the current run's queue and
request filter (:class:`newscrawl.discover.frontier.Frontier`)."""

from __future__ import annotations

import logging

from redis import Redis
from redis.exceptions import RedisError
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from newscrawl.discover.frontier import Frontier
from newscrawl.keep.output import run_stamp
from newscrawl.keep.run import Run

logger = logging.getLogger(__name__)

#: Meta key of the requests :class:`newscrawl.distributed.FrontierWatch` crawls only to
#: make the engine look at the queue again; the scheduler drops them.
WAKE = "newscrawl_wake"


class FrontierQueue(PriorityQueue):  # type: ignore[misc]
    """scrapy-redis's priority queue; popping a request also marks this machine busy, in
    the same step, so no machine can end the run between the two."""

    def __init__(self, server: Redis, spider: Spider, frontier: Frontier) -> None:
        super().__init__(server, spider, frontier.run_key("requests"))
        self.frontier = frontier

    def pop(self, timeout: int = 0) -> Request | None:
        keys = [self.key, self.frontier.key("idle")]
        data = self.frontier.scripts["pop"](keys=keys, args=[self.frontier.machine])
        return self._decode_request(data) if data else None


class FrontierScheduler(Scheduler):  # type: ignore[misc]
    """scrapy-redis's scheduler on the run's queue and filter, which outlive this process
    (the run ends them); a lost Redis stops the crawl instead of failing each request."""

    def __init__(self, run: Run, frontier: Frontier, stats: StatsCollector | None) -> None:
        super().__init__(frontier.client, persist=True)
        self.run = run
        self.frontier = frontier
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        frontier = Frontier.of(crawler)
        if frontier is None:
            raise ValueError("FrontierScheduler needs NEWSCRAWL_REDIS_URL")
        return cls(Run.of(crawler), frontier, crawler.stats)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        started = self.run.started.isoformat()
        proposed = f"{run_stamp(self.run.started)}-{self.frontier.machine}"
        created = self.frontier.join(proposed, started)
        self.queue = FrontierQueue(self.server, spider, self.frontier)
        debug = spider.settings.getbool("DUPEFILTER_DEBUG")
        self.df = RFPDupeFilter(self.server, self.frontier.run_key("seen"), debug=debug)
        waiting = len(self.queue)
        logger.info(
            "%s: %s run %s (%d requests waiting)",
            self.frontier.machine,
            "started" if created else "joined",
            self.frontier.run_id,
            waiting,
        )

    def close(self, reason: str) -> None:
        """Nothing to flush: the run's queue and filter belong to all its machines."""

    def enqueue_request(self, request: Request) -> bool:
        if request.meta.get(WAKE):
            return False
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
        except RedisError as exc:
            self.run.lose_shared_state(exc)
            return False
        self._count("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        try:
            request: Request | None = self.queue.pop()
        except RedisError as exc:
            self.run.lose_shared_state(exc)
            return None
        if request is not None:
            self._count("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        try:
            return len(self.queue) > 0
        except RedisError as exc:
            self.run.lose_shared_state(exc)
            return False

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
