"""The re-parse's worker processes: batches in, results out in the order they went in.

A worker that dies (a page that crashes the HTML parser, the out-of-memory killer) breaks
the pool, and every batch in flight with it; which page did it is not known. A new pool is
started and the pages that were in flight are parsed again one at a time, each alone in
the pool: the page that kills a worker then is given up as ``worker_crashed``, as in a
crawl, and no other page is lost.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple

from newscrawl.reparse.worker import Archives, Result, Task, parse_batch

#: The ``error`` of a result whose page killed its worker process twice.
CRASHED = "worker_crashed"


class _InFlight(NamedTuple):
    future: Future[list[Result]]
    batch: list[Task]
    #: A mark the caller chose (which batches hold follow-up tasks).
    mark: bool


class OrderedPool:
    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self.restarts = 0
        self._queue: deque[_InFlight] = deque()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(self.workers, mp_context=_context())
        # Start the processes now, while this process has no other thread.
        executor.submit(_ready).result()
        return executor

    def __len__(self) -> int:
        return len(self._queue)

    def submit(self, archives: Archives, batch: list[Task], mark: bool = False) -> None:
        """Queue a batch behind those in flight."""
        self._queue.append(self._send(archives, batch, mark))

    def submit_first(self, archives: Archives, batch: list[Task], mark: bool = False) -> None:
        """Queue a batch ahead of those in flight: its results come next."""
        self._queue.appendleft(self._send(archives, batch, mark))

    def put_back(self, results: list[Result], mark: bool) -> None:
        """Results taken from :meth:`next` but not used yet: they come next."""
        done: Future[list[Result]] = Future()
        done.set_result(results)
        self._queue.appendleft(_InFlight(done, [], mark))

    def _send(self, archives: Archives, batch: list[Task], mark: bool) -> _InFlight:
        try:
            future = self._executor.submit(parse_batch, archives, batch)
        except BrokenProcessPool as exc:  # a worker died since: recovered when it is due
            future = Future()
            future.set_exception(exc)
        return _InFlight(future, batch, mark)

    def next(self, archives: Archives) -> tuple[list[Result], bool]:
        """The results of the oldest batch (and its mark), waiting for them if need be."""
        head = self._queue[0]
        try:
            results = head.future.result()
        except BrokenProcessPool:
            self._recover(archives)
            head = self._queue[0]
            results = head.future.result()
        self._queue.popleft()
        return results, head.mark

    def _recover(self, archives: Archives) -> None:
        """Parse every page that was in flight again, alone, in a new pool."""
        in_flight = list(self._queue)
        self._queue.clear()
        self._restart()
        for item in in_flight:
            future = item.future
            if future.done() and not future.cancelled() and future.exception() is None:
                self._queue.append(item)  # finished before the crash (or put back)
                continue
            for task in item.batch:
                self._queue.append(self._alone(archives, task, item.mark))

    def _alone(self, archives: Archives, task: Task, mark: bool) -> _InFlight:
        """``task`` parsed with no other page in the pool (a new pool if it kills it)."""
        done: Future[list[Result]] = Future()
        try:
            done.set_result(self._executor.submit(parse_batch, archives, [task]).result())
        except BrokenProcessPool:
            self._restart()
            done.set_result([Result(task.capture, "", error=CRASHED)])
        return _InFlight(done, [task], mark)

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()
        self.restarts += 1

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _ready() -> None:
    """A task that does nothing: the workers are up once it has run."""


def _context() -> multiprocessing.context.BaseContext:
    # fork where there is one: a worker starts with the parsers already imported, and
    # unlike forkserver and spawn it does not run the caller's __main__ module again (a
    # script calling Reparse without a __main__ guard would start workers forever).
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
