"""Pending requests on disk, so a crawl's memory does not grow with its backlog.

Reading a 20,000-entry sitemap queues 20,000 requests; in Scrapy's memory queue that is
most of the crawl's growth in memory. Scrapy keeps pending requests on disk only with a
``JOBDIR``; this scheduler does the same in a temporary folder when no job directory is
set, and removes the folder when the crawl ends (and the folders of killed crawls when
the next one starts). With ``JOBDIR`` it is Scrapy's own.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.pqueues import DownloaderAwarePriorityQueue, DownloaderInterface, ScrapyPriorityQueue
from twisted.internet.defer import Deferred

from newscrawl.discover.middlewares import BackoffRetryMiddleware

logger = logging.getLogger(__name__)

_PREFIX = "newscrawl-queue-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_orphans(folder: str | None = None) -> int:
    """Delete spill folders whose crawl process is gone (killed runs); return how many."""
    removed = 0
    for path in Path(folder or tempfile.gettempdir()).glob(f"{_PREFIX}*"):
        pid = path.name.removeprefix(_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


class DiskQueueScheduler(Scheduler):
    _spill_dir: str | None = None

    def _dqdir(self, jobdir: str | None) -> str | None:
        if jobdir:
            return super()._dqdir(jobdir)
        remove_orphans()
        self._spill_dir = tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-")
        return self._spill_dir

    def _dq(self) -> Any:
        assert self.dqdir and self.pqclass
        state = self._read_dqs_state(self.dqdir)
        if state and isinstance(state, list) and issubclass(self.pqclass, HostPausingPriorityQueue):
            # A job directory written before the queue kept one queue per host: its single
            # queue (a list of priorities, not a dict by host) is finished with Scrapy's
            # queue that wrote it, paused hosts' requests waiting in the downloader as then.
            logger.warning(
                "%s holds one request queue for all hosts (an older newscrawl): resumed as "
                "it is; a Retry-After pause holds its requests in the downloader until it ends",
                self.dqdir,
            )
            self.pqclass = ScrapyPriorityQueue
        return super()._dq()

    def _read_dqs_state(self, dqdir: str) -> Any:
        # A fresh spill folder has nothing to resume.
        return () if dqdir == self._spill_dir else super()._read_dqs_state(dqdir)

    def close(self, reason: str) -> Deferred[None] | None:
        result = super().close(reason)
        if self._spill_dir:
            shutil.rmtree(self._spill_dir, ignore_errors=True)
        return result


class HostPausingPriorityQueue(DownloaderAwarePriorityQueue):
    """Scrapy's queue for crawls of many hosts (a queue per download slot, the least busy
    slot first) that keeps the requests of a host paused by ``Retry-After``
    (:class:`~newscrawl.discover.middlewares.BackoffRetryMiddleware`) until its pause ends.

    Sent on, each would wait in the downloader for the pause to end, and hold one of its
    ``CONCURRENT_REQUESTS`` places: a host asking for five minutes' rest would soon hold all
    of them, and stop the crawl of every other host. Kept here, they hold none; the engine
    asks again on its next heartbeat (every 5 s) or when a download ends. While only paused
    hosts have requests, :meth:`pop` gives none, and the crawl waits, as the scheduler still
    has requests pending.
    """

    def __init__(self, crawler: Crawler, *args: Any, **kwargs: Any) -> None:
        super().__init__(crawler, *args, **kwargs)
        self._downloader_interface = _UnpausedSlots(crawler)


class _UnpausedSlots(DownloaderInterface):
    """The download slots a request may come from now: those of hosts not paused."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        found = (
            m
            for m in self.downloader.middleware.middlewares
            if isinstance(m, BackoffRetryMiddleware)
        )
        self.retries = next(found, None)

    def stats(self, possible_slots: Iterable[str]) -> list[tuple[int, str]]:
        retries = self.retries
        if retries is None or not retries.paused_until:
            return super().stats(possible_slots)
        # A slot is its host, unless a request names another (meta "download_slot"):
        # such a request's pause is waited out in the downloader.
        return [
            (self._active_downloads(slot), slot)
            for slot in possible_slots
            if not retries.host_pause_left(slot)
        ]
