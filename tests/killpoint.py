"""``python -m tests.killpoint POINT N scrapy crawl ...``: a crawl that kills itself with SIGKILL
at an exact point, for the exactly-once tests. Waiting for a point from outside (polling the
output) cannot hit a window of a few instructions; this can.

Points: ``line-flushed`` (the Nth record's line is flushed to the ``.part``, the state does not
have it yet), ``recovering`` (a killed run's lines are in their final file, the state
transaction recording them has begun and not committed).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from scrapy.cmdline import execute

from newscrawl.keep.output import RunOutput
from newscrawl.keep.state import SqliteState


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    point, after = sys.argv[1], int(sys.argv[2])
    calls = 0
    if point == "line-flushed":
        write = RunOutput.write

        def write_then_die(self: RunOutput, record: dict[str, Any]) -> None:
            nonlocal calls
            write(self, record)
            calls += 1
            if calls >= after:
                die()

        RunOutput.write = write_then_die  # type: ignore[method-assign]
    elif point == "recovering":

        def record_then_die(self: SqliteState, record: dict[str, Any], emitted_at: Any) -> None:
            die()  # the first record_emitted of a run is the recovery's

        SqliteState.record_emitted = record_then_die  # type: ignore[method-assign]
    else:
        raise SystemExit(f"unknown kill point {point!r}")
    sys.argv = ["scrapy", *sys.argv[3:]]
    execute()


if __name__ == "__main__":
    main()
