"""Article pages parsed in worker processes, off the crawl's event loop.

Scrapy runs every callback on one thread: while a page is parsed (its tree, every field,
the schema check; a millisecond or more for a real-size page) nothing else happens, not
even downloading. With ``NEWSCRAWL_PARSE_WORKERS`` above 0 the spider sends each article's
page bytes to a pool of worker processes and awaits the outcome, so a crawl uses more than
one core; with 0 the same function runs in the crawl process. Either way the spider gets
the same :class:`~newscrawl.api.Outcome` of :func:`~newscrawl.api.parse_fetched`.

Each worker is a ``python -m newscrawl.workers`` process fed through its stdin and
answering on its stdout; the event loop does that I/O, so the crawl process gains no
threads (a thread waiting for the GIL behind the reactor would leave the workers idle).
A worker that dies (a page that crashes the HTML parser, the out-of-memory killer) is
replaced and each page it had in hand is tried once more; a page that kills the new one
too is refused as ``worker_crashed``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import signal
import struct
import sys
import traceback
from collections import deque
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from newscrawl.api import Outcome, RawPage, find_outlet, parse_fetched
from newscrawl.limits import TimeLimitExceeded, time_limit

logger = logging.getLogger(__name__)

#: How a worker process is started.
WORKER_COMMAND = (sys.executable, "-m", "newscrawl.workers")
#: "auto" never starts more workers than this: one crawl process cannot feed many more.
MAX_AUTO_WORKERS = 4


def worker_count(value: Any) -> int:
    """``NEWSCRAWL_PARSE_WORKERS``: a number, or "auto": one per core the crawl process
    leaves free (none on one core), at most :data:`MAX_AUTO_WORKERS`."""
    if value is None or value == "":
        return 0
    if str(value).strip().lower() == "auto":
        return max(0, min(MAX_AUTO_WORKERS, _usable_cores() - 1))
    try:
        count = int(value)
    except ValueError:
        wanted = "NEWSCRAWL_PARSE_WORKERS wants a number or 'auto'"
        raise ValueError(f"{wanted}, got {value!r}") from None
    if count < 0:
        raise ValueError(f"NEWSCRAWL_PARSE_WORKERS must not be negative, got {count}")
    return count


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the crawl process shuts down gracefully and
    # still needs its workers for the pages in flight.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def parse_guarded(
    pages: list[RawPage],
    outlet: str,
    fetched_at: datetime,
    find_more: bool,
    limit: float = 0,
    crosscheck: float = 0.0,
) -> Outcome:
    """:func:`parse_fetched`, never raising: a page that takes over ``limit`` seconds of Python
    work is refused as ``parse_timeout``, and an exception other than
    :class:`~newscrawl.errors.ArticleError` (a parser bug a page triggers: a RecursionError, a
    ValueError from lxml) as ``parser_error/<ExceptionType>``, counted against the outlet's
    newest parser version. Either way the crawl counts the page instead of losing it.
    """
    try:
        with time_limit(limit):
            return parse_fetched(pages, outlet, fetched_at, find_more, crosscheck)
    except TimeLimitExceeded as exc:
        return Outcome(reason="parse_timeout", detail=f"parsing {exc}", url=pages[-1].url)
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return Outcome(
            reason=f"parser_error/{type(exc).__name__}",
            detail=f"{type(exc).__name__} at {where}: {str(exc)[:200]}",
            url=pages[-1].url,
            parser=_newest_parser(pages[0].url, outlet),
        )


def _newest_parser(url: str, outlet: str) -> str | None:
    try:
        return find_outlet(url, outlet).versions[-1].version
    except Exception:  # the URL itself is what broke the parse
        return None


class WorkerDied(Exception):
    """The worker process ended with pages in hand."""


class WorkerError(Exception):
    """The parse raised an unexpected exception in the worker (its traceback is the message)."""


_HEADER = struct.Struct("!I")


class _Worker:
    """One worker process: tasks go down its stdin, outcomes come back on its stdout, both
    as length-prefixed pickles, in order. No threads: the event loop does the I/O."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pending: deque[asyncio.Future[Outcome]] = deque()
        self.reader = asyncio.ensure_future(self._read_outcomes())

    @classmethod
    async def start(cls) -> _Worker:
        # The same code as this process: the folder newscrawl was imported from comes first.
        root = str(Path(__file__).resolve().parents[1])
        path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
        process = await asyncio.create_subprocess_exec(
            *WORKER_COMMAND,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )
        # The worker says it is ready (an empty frame) once the parsers are imported; one
        # that cannot start (a broken install) ends first.
        assert process.stdout is not None
        try:
            ready = await process.stdout.readexactly(_HEADER.size)
        except (asyncio.IncompleteReadError, ConnectionError):
            ready = b""
        if ready != _HEADER.pack(0):
            process.kill()
            await process.wait()
            raise WorkerDied(f"the parse worker did not start (exit {process.returncode})")
        return cls(process)

    def submit(self, task: bytes) -> asyncio.Future[Outcome]:
        if not self.alive:
            raise WorkerDied("the parse worker process has ended")
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self.pending.append(future)
        assert self.process.stdin is not None
        self.process.stdin.write(_HEADER.pack(len(task)) + task)
        return future

    async def _read_outcomes(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            while True:
                (size,) = _HEADER.unpack(await stdout.readexactly(_HEADER.size))
                ok, value = pickle.loads(await stdout.readexactly(size))
                future = self.pending.popleft()
                if future.done():  # the awaiting callback was cancelled
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(WorkerError(value))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the worker exited
        finally:
            self.fail_pending()

    def fail_pending(self) -> None:
        while self.pending:
            future = self.pending.popleft()
            if not future.done():
                future.set_exception(WorkerDied("the parse worker process ended"))

    @property
    def alive(self) -> bool:
        return not self.reader.done()

    async def stop(self, grace: float = 10.0) -> None:
        if self.process.stdin is not None and not self.process.stdin.is_closing():
            self.process.stdin.close()  # end of input: the worker finishes and exits
        try:
            await asyncio.wait_for(self.process.wait(), grace)
        except TimeoutError:  # stuck on a page
            self.kill()
        await self.reader
        await self.process.wait()

    def kill(self) -> None:
        """End the process; its pages in hand fail with :class:`WorkerDied`."""
        if self.process.returncode is None:
            self.process.kill()


def _widen_pipes(*fds: int) -> None:
    """Room for several pages in each pipe. Linux pipes hold 64 kB, less than one real page:
    the worker would wait for the crawl process's event loop to write each page's rest."""
    try:
        import fcntl

        for fd in fds:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or a lower pipe-max-size: slower, not wrong


def serve() -> None:
    """A worker's main loop (``python -m newscrawl.workers``): tasks in on stdin, outcomes
    out on stdout, until stdin ends."""
    _ignore_interrupts()
    tasks = sys.stdin.buffer
    # The protocol keeps the real stdout; anything a library prints goes to stderr instead.
    outcomes = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _widen_pipes(tasks.fileno(), outcomes.fileno())
    outcomes.write(_HEADER.pack(0))  # ready
    outcomes.flush()
    while header := tasks.read(_HEADER.size):
        (size,) = _HEADER.unpack(header)
        args = pickle.loads(tasks.read(size))
        try:
            reply: tuple[bool, Any] = (True, parse_guarded(*args))
        except Exception:  # not the page's fault: the crawl process logs it as an error
            reply = (False, traceback.format_exc())
        data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            outcomes.write(_HEADER.pack(len(data)) + data)
            outcomes.flush()
        except BrokenPipeError:
            return  # the crawl process is gone (killed): nobody to answer


class ParsePool:
    """Runs :func:`parse_fetched` in ``workers`` processes (0: in this process).

    One pool per process is shared by the crawls it runs (``newscrawl crawl --all``):
    :meth:`shared` hands it out and :meth:`release` stops it after the last user.
    """

    _shared: ClassVar[dict[int, tuple[ParsePool, int]]] = {}

    def __init__(self, workers: int, timeout: float = 0) -> None:
        self.workers = workers
        #: Seconds parsing one page may take (0: no limit): Python-level work is stopped then
        #: and the page refused as ``parse_timeout``; a worker stuck in C code (one libxml2
        #: call) past twice that is killed and replaced.
        self.timeout = timeout
        self.restarts = 0
        self._processes: list[_Worker] = []
        self._starting: asyncio.Future[None] | None = None

    @classmethod
    def shared(cls, workers: int, timeout: float = 0) -> ParsePool:
        pool, users = cls._shared.get(workers, (None, 0))
        if pool is None:
            pool = cls(workers, timeout)
        cls._shared[workers] = (pool, users + 1)
        return pool

    async def release(self) -> None:
        pool, users = self._shared.get(self.workers, (None, 0))
        if pool is self and users > 1:
            self._shared[self.workers] = (self, users - 1)
            return
        if pool is self:
            del self._shared[self.workers]
        await self.close()

    async def close(self) -> None:
        processes, self._processes = self._processes, []
        for worker in processes:
            await worker.stop()

    def start_soon(self) -> None:
        """Begin starting the workers (each takes a moment to import the parsers); the first
        page waits for them, the caller does not."""
        if self.workers and _in_asyncio_loop() and self._starting is None:
            self._starting = asyncio.ensure_future(self._start())

    async def start(self) -> None:
        """Start the workers and wait until they are ready."""
        self.start_soon()
        if self._starting is not None:
            await asyncio.shield(self._starting)

    async def _start(self) -> None:
        try:
            while len(self._processes) < self.workers:
                self._processes.append(await _Worker.start())
        except NotImplementedError:  # an event loop without subprocesses (Windows' selector)
            logger.warning("this event loop cannot start parse workers: parsing in-process")
        except (OSError, WorkerDied) as exc:
            if not self._processes:
                # Parsing goes on in the crawl process: slower, but no page is lost.
                logger.error("parse workers cannot start (%s): parsing in-process", exc)

    async def parse(
        self,
        pages: list[RawPage],
        outlet: str,
        fetched_at: datetime,
        find_more: bool,
        crosscheck: float = 0.0,
    ) -> Outcome:
        """:func:`parse_fetched` of the pages, in a worker when the pool has any."""
        if not self.workers or not _in_asyncio_loop():
            return parse_guarded(pages, outlet, fetched_at, find_more, self.timeout, crosscheck)
        task = pickle.dumps(
            (pages, outlet, fetched_at, find_more, self.timeout, crosscheck),
            pickle.HIGHEST_PROTOCOL,
        )
        timed_out = False
        for _ in range(2):
            await self.start()
            if not self._processes:
                return parse_guarded(pages, outlet, fetched_at, find_more, self.timeout, crosscheck)
            worker = min(self._processes, key=lambda w: len(w.pending))
            try:
                return await self._outcome(worker, task)
            except TimeoutError:
                # Stuck (a pathological page): kill it; its other pages go to the next one.
                timed_out = True
                worker.kill()
                await self._replace(worker)
            except WorkerDied:
                timed_out = False
                await self._replace(worker)
            except WorkerError as exc:
                raise WorkerError(f"parsing {pages[-1].url} failed in a worker:\n{exc}") from None
        if timed_out:
            return Outcome(
                reason="parse_timeout",
                detail=f"a parse worker was stuck over {2 * self.timeout:g} s, twice",
                url=pages[-1].url,
            )
        return Outcome(
            reason="worker_crashed",
            detail="the parse worker process died on this page twice",
            url=pages[-1].url,
        )

    async def _outcome(self, worker: _Worker, task: bytes) -> Outcome:
        future = worker.submit(task)
        if not self.timeout:
            return await future
        # The worker stops Python-level work itself at the limit; this is for a worker stuck in
        # C code. The clock runs from when the page is queued: the pages ahead of it in this
        # worker are bounded by the same limit, and take milliseconds each.
        return await asyncio.wait_for(future, 2 * self.timeout)

    async def _replace(self, dead: _Worker) -> None:
        if dead not in self._processes:
            return  # another page's await already replaced it
        self._processes.remove(dead)
        self.restarts += 1
        code = await dead.process.wait()
        logger.warning("a parse worker died (exit %s); starting another", code)
        self._starting = None


def _in_asyncio_loop() -> bool:
    """Whether this runs in an asyncio event loop (Scrapy's asyncio reactor); under another
    reactor an asyncio future cannot be awaited, and pages are parsed in-process."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


if __name__ == "__main__":
    # Run the imported module's serve(), so that outcomes pickle as newscrawl.workers.Outcome
    # (not __main__.Outcome, which the crawl process cannot load).
    from newscrawl.workers import serve as _serve

    _serve()
