"""Pending requests on disk, so a crawl's memory does not grow with its backlog.

Reading a 20,000-entry sitemap queues 20,000 requests; in Scrapy's memory queue that is
most of the crawl's growth in memory. Scrapy keeps pending requests on disk only with a
``JOBDIR``; this scheduler does the same in a temporary folder when no job directory is
set, and removes the folder when the crawl ends (and the folders of killed crawls when
the next one starts). With ``JOBDIR`` it is Scrapy's own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from scrapy.core.scheduler import Scheduler
from twisted.internet.defer import Deferred

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

    def _read_dqs_state(self, dqdir: str) -> Any:
        # A fresh spill folder has nothing to resume.
        return () if dqdir == self._spill_dir else super()._read_dqs_state(dqdir)

    def close(self, reason: str) -> Deferred[None] | None:
        result = super().close(reason)
        if self._spill_dir:
            shutil.rmtree(self._spill_dir, ignore_errors=True)
        return result
