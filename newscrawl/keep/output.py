"""One output file per run, never half-visible.

A run writes ``<dir>/<UTC timestamp>.jsonl.part`` line by line (each line flushed
before the article is recorded as emitted) and renames it to ``.jsonl`` when the run
ends. A run killed on the way leaves its ``.part``; the next run of the outlet
*recovers* it: keeps its complete lines under the final name, records those articles as
emitted, and only then removes the ``.part``, so a run killed during recovery leaves the
``.part`` for the next one: nothing is lost and nothing is emitted twice. A lock file keeps
two runs of one outlet from writing (or recovering) at the same time. Two runs starting in the
same second get different names (``<stamp>_2``).
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


class RunOutput:
    """The output file of one run of one outlet."""

    def __init__(self, directory: str | Path, started: datetime) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = (self.directory / ".lock").open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._lock.close()
            raise OutputLocked(f"another run is writing to {self.directory}") from exc
        self.stem = self._free_stem(run_stamp(started))
        self.path = self.directory / f"{self.stem}.jsonl"
        self.part = self.path.with_name(self.path.name + PART)
        self._stream: IO[str] | None = None
        self.count = 0

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
        self, part: Path, remember: Callable[[list[dict[str, Any]]], None] = lambda _: None
    ) -> list[dict[str, Any]]:
        """Keep a killed run's complete lines under its final name, ``remember`` them (record
        them as emitted, durably), then remove the ``.part``; return them.

        The order is the guarantee: until ``remember`` has returned, the ``.part`` is there
        for the next run to recover again (rewriting the same final file and recording the
        same revisions changes nothing). Removing it first, a kill before the state commit
        left the articles in a file but unknown to the state: emitted twice.
        """
        records = list(complete_lines(part))
        final = part.with_name(part.name.removesuffix(PART))
        tmp = final.with_name(final.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(to_json_line(record) + "\n")
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(final)
        remember(records)
        part.unlink()
        return records

    def write(self, record: dict[str, Any]) -> None:
        """Append one record and flush it to the OS before returning."""
        if self._stream is None:
            self._stream = self.part.open("w", encoding="utf-8")
        self._stream.write(to_json_line(record) + "\n")
        self._stream.flush()
        self.count += 1

    def finish(self) -> Path:
        """Close and publish the run's file (an empty run publishes an empty file)."""
        if self._stream is None:
            self._stream = self.part.open("w", encoding="utf-8")
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()
        self.part.replace(self.path)
        self.release()
        return self.path

    def release(self) -> None:
        if not self._lock.closed:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
