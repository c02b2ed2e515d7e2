"""The archive writer process: a run's captures in, its WARC files written, one answer each.

Hashing and compressing a page for the archive takes ~0.3 ms of CPU, and the crawl
process has none to spare (its event loop is the busiest thing in a crawl). Done in a
thread it is no better: the thread needs the GIL between its C calls and waits up to a
switch interval each time (measured: ~2.8 ms a capture beside a busy event loop). So the
crawl process sends each capture (its bytes, pickled) down a pipe to
``python -m newscrawl.keep.archiver`` and awaits its answer: the event loop does the I/O,
a response goes on to the spider only once its capture is written, and the work runs on
whichever core is free. When its input ends (the run is over, or the crawl process was
killed) the writer closes the files it wrote and exits.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import pickle
import signal
import struct
import sys
import weakref
from collections import deque
from pathlib import Path
from typing import Any, ClassVar

from newscrawl.keep.archive import ArchiveWriter, Capture

_HEADER = struct.Struct("!I")


class ArchiveWriterError(RuntimeError):
    """The writer process could not write a capture (or is gone)."""


class ArchiverProcess:
    """The crawl process's end of its writer process, shared by the crawls it runs
    (``newscrawl crawl --all``: one writer, one archive per outlet)."""

    _shared: ClassVar[weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, ArchiverProcess]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self) -> None:
        self._process: asyncio.subprocess.Process | None = None
        self._starting: asyncio.Future[None] | None = None
        self._pending: deque[asyncio.Future[Any]] = deque()
        self._reader: asyncio.Future[None] | None = None
        self._archives = itertools.count()
        self._open: set[int] = set()

    @classmethod
    def shared(cls) -> ArchiverProcess:
        """The writer of the running event loop's crawls."""
        loop = asyncio.get_running_loop()
        found = cls._shared.get(loop)
        if found is None:
            found = cls._shared[loop] = cls()
        return found

    async def open(self, directory: Path, stem: str, max_size: int, info: dict[str, str]) -> int:
        """Start an archive (``<directory>/<stem>.warc.gz``); its number for :meth:`write`."""
        if self._starting is None or (self._starting.done() and self._process_ended()):
            self._starting = asyncio.ensure_future(self._start())
        await asyncio.shield(self._starting)
        archive = next(self._archives)
        self._open.add(archive)
        await self._request(("open", archive, (str(directory), stem, max_size, info)))
        return archive

    async def write(self, archive: int, capture: Capture) -> None:
        await self._request(("write", archive, capture))

    async def close(self, archive: int) -> list[Path]:
        """Close the archive; the files it wrote. The process ends with the last archive."""
        closed = [Path(p) for p in await self._request(("close", archive, None))]
        self._open.discard(archive)
        if not self._open and self._process is not None and self._process.stdin is not None:
            self._process.stdin.close()
            await self._process.wait()
            if self._reader is not None:
                await self._reader
            self._starting = None
        return closed

    def _process_ended(self) -> bool:
        return self._reader is None or self._reader.done()

    async def _start(self) -> None:
        root = str(Path(__file__).resolve().parents[2])
        path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "newscrawl.keep.archiver",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )
        self._reader = asyncio.ensure_future(self._read_answers())

    async def _request(self, message: tuple[str, int, object]) -> Any:
        process = self._process
        if process is None or process.stdin is None or self._process_ended():
            raise ArchiveWriterError("the archive writer process is not running")
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending.append(future)
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.write(_HEADER.pack(len(data)) + data)
        return await future

    async def _read_answers(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        stdout = self._process.stdout
        try:
            while True:
                (size,) = _HEADER.unpack(await stdout.readexactly(_HEADER.size))
                ok, value = pickle.loads(await stdout.readexactly(size))
                future = self._pending.popleft()
                if future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(ArchiveWriterError(value))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            while self._pending:
                future = self._pending.popleft()
                if not future.done():
                    future.set_exception(ArchiveWriterError("the archive writer process ended"))


def _handle(writers: dict[int, ArchiveWriter], message: tuple[str, int, Any]) -> Any:
    what, archive, value = message
    if what == "write":
        writers[archive].write(value)
        return None
    if what == "open":
        directory, stem, max_size, info = value
        writers[archive] = ArchiveWriter(directory, stem, max_size, info)
        return None
    return [str(p) for p in writers.pop(archive).close()]


def serve() -> None:
    """The writer's main loop: open, write and close messages, until its input ends."""
    # Ctrl-C reaches the whole process group: the crawl shuts down gracefully and still
    # sends its last captures.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    messages = sys.stdin.buffer
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the protocol
    _widen_pipe(messages.fileno())
    writers: dict[int, ArchiveWriter] = {}
    while header := messages.read(_HEADER.size):
        (size,) = _HEADER.unpack(header)
        data = messages.read(size)
        if len(data) < size:
            break  # the crawl process was killed mid-message
        try:
            reply: tuple[bool, Any] = (True, _handle(writers, pickle.loads(data)))
        except Exception as exc:  # a full disk: the crawl process reports it
            reply = (False, f"{type(exc).__name__}: {exc}")
        out = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            answers.write(_HEADER.pack(len(out)) + out)
            answers.flush()
        except BrokenPipeError:
            break
    for writer in writers.values():
        writer.close()  # input ended without a close: the crawl process is gone


def _widen_pipe(fd: int) -> None:
    """Room for a few pages in the pipe (Linux pipes hold 64 kB, less than one real page)."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or a lower pipe-max-size: slower, not wrong


if __name__ == "__main__":
    from newscrawl.keep.archiver import serve as _serve  # pickles name newscrawl.* classes

    _serve()
