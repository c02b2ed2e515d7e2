"""One output file per run, never half-visible.

A run writes ``<dir>/<UTC timestamp>.jsonl.part`` line by line (each line flushed
before the article is recorded as emitted) and renames it to ``.jsonl`` when the run
ends. A run killed on the way leaves its ``.part``; the next run of the outlet
*recovers* it: records its complete lines as emitted, writes them under the final name, and
only then removes the ``.part``, so a run killed during recovery leaves the ``.part`` for the
next one (recovering again changes nothing): nothing is lost and nothing is emitted twice. A
lock file keeps two runs of one outlet from writing (or recovering) at the same time; two
runs starting in the same second get different names (``<stamp>_2``).

On several machines (``NEWSCRAWL_REDIS_URL``) each process writes its own
``<UTC timestamp>-<machine>.jsonl``; processes sharing a directory lock their own
``.part`` instead of the directory, and a ``.part`` nobody holds is a killed run's.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from glob import escape as glob_escape
from pathlib import Path
from typing import IO, Any

from newscrawl.record import to_json_line

PART = ".part"


class OutputLocked(RuntimeError):
    """Another run of the same outlet holds the output directory."""


def run_stamp(when: datetime) -> str:
    """A sortable, filename-safe UTC timestamp: ``20261125T225000Z``."""
    return when.strftime("%Y%m%dT%H%M%SZ")


def complete_lines(path: Path) -> Iterator[dict[str, Any]]:
    """The whole JSON records of a (possibly cut-off) JSON Lines file, in order."""
    with path.open("rb") as stream:
        for raw in stream:
            if not raw.endswith(b"\n"):
                return  # the write the kill interrupted
            try:
                record = json.loads(raw)
            except ValueError:
                return
            if isinstance(record, dict):
                yield record


def _try_lock(stream: IO[str]) -> bool:
    try:
        fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def writer_of(part: Path) -> str:
    """The machine a run file was written by (``<stamp>-<machine>``), "" for a local run."""
    return part.name.removesuffix(PART).removesuffix(".jsonl").partition("-")[2]


class RunOutput:
    """The output file of one run of one outlet (of one machine, when ``machine`` is set)."""

    def __init__(self, directory: str | Path, started: datetime, machine: str = "") -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = (self.directory / ".lock").open("w")
        # One local run per outlet; machines of a distributed run may share the directory.
        if not machine and not _try_lock(self._lock):
            self._lock.close()
            raise OutputLocked(f"another run is writing to {self.directory}")
        stamp = run_stamp(started)
        self.stem = f"{stamp}-{machine}" if machine else self._free_stem(stamp)
        self.path = self.directory / f"{self.stem}.jsonl"
        self.part = self.path.with_name(self.path.name + PART)
        self._stream: IO[str] | None = None
        if machine:
            self._open_part()
        self.count = 0

    def _open_part(self) -> IO[str]:
        if self._stream is None:
            self._stream = self.part.open("w", encoding="utf-8")
            # Held while the process lives: an unlocked .part is a killed run's.
            _try_lock(self._stream)
        return self._stream

    def _free_stem(self, stamp: str) -> str:
        """``stamp``, or ``stamp_2``, ``stamp_3``... when an earlier run of the same second
        left files: a run must never overwrite (or take over the ``.part`` of) another's.
        "_" sorts after ".", so the names still sort in run order."""
        stem, number = stamp, 1
        while any(self.directory.glob(f"{glob_escape(stem)}.*")):
            number += 1
            stem = f"{stamp}_{number}"
        return stem

    def leftovers(self) -> list[Path]:
        """``.part`` files of earlier runs that were killed before they finished."""
        return sorted(p for p in self.directory.glob(f"*.jsonl{PART}") if p != self.part)

    def recover(
        self,
        part: Path,
        keep: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None,
    ) -> list[dict[str, Any]] | None:
        """Keep a killed run's complete lines (those ``keep`` returns) under its final name;
        return them. None when the file's writer (or another recovery) still holds it."""
        try:
            held = part.open("r+", encoding="utf-8")
        except FileNotFoundError:
            return None
        with held:
            if not _try_lock(held) or not part.exists():
                return None
            records = list(complete_lines(part))
            if keep is not None:
                records = keep(records)
            final = part.with_name(part.name.removesuffix(PART))
            tmp = final.with_name(final.name + ".tmp")
            with tmp.open("w", encoding="utf-8") as out:
                for record in records:
                    out.write(to_json_line(record) + "\n")
                out.flush()
                os.fsync(out.fileno())
            tmp.replace(final)
            part.unlink()
        return records

    def write(self, record: dict[str, Any]) -> None:
        """Append one record and flush it to the OS before returning."""
        stream = self._open_part()
        stream.write(to_json_line(record) + "\n")
        stream.flush()
        self.count += 1

    def finish(self) -> Path:
        """Close and publish the run's file (an empty run publishes an empty file)."""
        stream = self._open_part()
        stream.flush()
        os.fsync(stream.fileno())
        # Renamed while still locked: a peer's recovery never sees it unlocked as a .part.
        self.part.replace(self.path)
        stream.close()
        self.release()
        return self.path

    def abandon(self) -> None:
        """Stop writing and leave the ``.part`` for the next run to recover (its lines'
        fate is unknown to the state, e.g. the shared state was lost)."""
        if self._stream is not None and not self._stream.closed:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
        self.release()

    def release(self) -> None:
        if not self._lock.closed:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
