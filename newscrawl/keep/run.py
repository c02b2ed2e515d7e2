"""What one crawl run shares between its spider, pipelines and extensions.

The run's start time, its state file and its output file are opened once per
crawler (``Run.of(crawler)``); each component takes what it needs from there. With
``NEWSCRAWL_REDIS_URL`` the state is in Redis and the run has a ``machine`` name.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from redis.exceptions import RedisError
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from newscrawl.keep.output import RunOutput
from newscrawl.keep.redis_link import CountingRedis, connect, machine_id
from newscrawl.keep.redis_state import RedisState
from newscrawl.keep.state import CrawlState, SqliteState

logger = logging.getLogger(__name__)

_RUNS: weakref.WeakKeyDictionary[Crawler, Run] = weakref.WeakKeyDictionary()


def output_dir_for(template: str, outlet: str) -> str:
    """``NEWSCRAWL_OUTPUT_DIR`` for ``outlet``: ``%(name)s`` is the outlet's name, ``%%`` a
    literal percent sign. ValueError, in words, for any other ``%``."""
    try:
        return template % {"name": outlet}
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(
            f"NEWSCRAWL_OUTPUT_DIR={template!r}: only %(name)s (the outlet) may follow a '%'; "
            f"write %% for a literal percent sign ({type(exc).__name__}: {exc})"
        ) from None


def writes_run_output(settings: BaseSettings) -> bool:
    """The run writes its own per-run file unless the command line named a feed."""
    return bool(settings.get("NEWSCRAWL_OUTPUT_DIR")) and not settings.getdict("FEEDS")


@dataclass
class Run:
    outlet: str
    started: datetime
    now: datetime
    recheck: timedelta
    state: CrawlState | None = None
    output_dir: str | None = None
    output: RunOutput | None = field(default=None, repr=False)
    #: Distributed runs: this process's name among the machines, the shared Redis, and
    #: why it was lost mid-run (empty while it answers).
    machine: str = ""
    redis: CountingRedis | None = field(default=None, repr=False)
    lost: str = ""
    on_lost: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, crawler: Crawler) -> Run:
        """The run of ``crawler`` (created on first use, once the spider exists)."""
        run = _RUNS.get(crawler)
        if run is None:
            run = _RUNS[crawler] = cls.from_settings(crawler.settings, _outlet(crawler))
            # Whoever opened it first, the state closes once everything that uses it is done.
            crawler.signals.connect(run.close, signal=signals.engine_stopped)
        return run

    def close(self) -> None:
        # Redis lost: the claims the state would release expire with this machine's lease.
        with suppress(RedisError):
            if self.state is not None:
                self.state.close()

    def lose_shared_state(self, error: Exception) -> None:
        """Redis stopped answering: stop the crawl (once), keep the output a ``.part``."""
        if self.lost:
            return
        self.lost = f"{type(error).__name__}: {error}"
        logger.error(
            "%s: lost the shared state (Redis): %s; stopping, the output stays %s for the "
            "next run to recover",
            self.outlet,
            self.lost,
            self.output.part.name if self.output else "unwritten",
        )
        for stop in self.on_lost:
            stop()

    @classmethod
    def from_settings(cls, settings: BaseSettings, outlet: str) -> Run:
        started = datetime.now(UTC).replace(microsecond=0)
        pinned = settings.get("NEWSCRAWL_NOW") or ""
        now = datetime.fromisoformat(pinned.replace("Z", "+00:00")) if pinned else started
        state_path = settings.get("NEWSCRAWL_STATE")
        output_dir = output_dir_for(settings.get("NEWSCRAWL_OUTPUT_DIR") or "", outlet)
        run = cls(
            outlet=outlet,
            started=started,
            now=now if now.tzinfo else now.replace(tzinfo=UTC),
            recheck=timedelta(hours=settings.getfloat("NEWSCRAWL_RECHECK_HOURS", 48.0)),
            output_dir=output_dir if writes_run_output(settings) else None,
        )
        redis_url = settings.get("NEWSCRAWL_REDIS_URL")
        if redis_url:
            run.machine = machine_id()
            run.redis = connect(redis_url)
            run.state = RedisState(
                run.redis,
                run.machine,
                settings.get("NEWSCRAWL_REDIS_PREFIX") or "newscrawl",
                settings.getfloat("NEWSCRAWL_REDIS_LEASE", 30.0),
            )
        elif state_path:
            run.state = SqliteState(state_path)
        return run


def _outlet(crawler: Crawler) -> str:
    return str(crawler.spider.name if crawler.spider is not None else crawler.spidercls.name)
