"""``newscrawl reparse ARCHIVE... [-o out.jsonl] [--outlet NAME] [--since/--until]
[--compare previous.jsonl]``: today's parsers over archived captures."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO

from newscrawl.dates import JAKARTA
from newscrawl.reparse.compare import Comparison
from newscrawl.reparse.run import DROPPED, SKIPPED, Reparse, Window


def add_command(commands: Any) -> None:
    """Add ``reparse`` to the ``newscrawl`` command's subcommands."""
    parser = commands.add_parser(
        "reparse",
        help="parse the captures of WARC archives again, with today's parsers",
        description="One record per article of the archives (ours or any crawler's), written "
        "as JSON Lines; pages that do not become records are counted by reason on stderr.",
    )
    parser.add_argument("archives", nargs="+", type=Path, help=".warc.gz / .warc files")
    parser.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: stdout)")
    parser.add_argument("--outlet", help="only this outlet's pages")
    parser.add_argument("--since", type=_day, help="published on or after this day (Jakarta)")
    parser.add_argument("--until", type=_day, help="published on or before this day (Jakarta)")
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="PREVIOUS.jsonl",
        help="report, per field, the records that changed against an earlier output",
    )
    parser.add_argument(
        "--workers", type=int, help="parse worker processes (default: one per core)"
    )
    parser.set_defaults(func=run_command)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"wants YYYY-MM-DD, got {value!r}") from None


def window(since: date | None, until: date | None) -> Window:
    """Jakarta days, both inclusive, as the crawl's ``-a since/until``."""
    return Window(
        datetime.combine(since, time(), JAKARTA) if since else None,
        datetime.combine(until, time(), JAKARTA) + timedelta(days=1) if until else None,
    )


def run_command(args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.archives if not p.is_file()]
    if missing:
        print(f"newscrawl reparse: no such archive: {', '.join(missing)}", file=sys.stderr)
        return 1
    comparison = Comparison(args.compare) if args.compare else None
    with _output(args.output) as out:
        reparse = Reparse(
            args.archives,
            out,
            outlet=args.outlet,
            window=window(args.since, args.until),
            workers=args.workers,
            on_record=comparison.add if comparison else None,
        )
        stats = reparse.run()
    print(summary(stats), file=sys.stderr)
    if comparison is not None:
        print(comparison.report(), file=sys.stdout if args.output else sys.stderr)
    return 0


def summary(stats: Counter[str]) -> str:
    """``reparse: 7 records, 2 pages dropped (no_date: 1, ...), 9 captures skipped (...)``, and
    ``, 1 archive records unreadable`` when some were."""

    def part(prefix: str) -> tuple[int, str]:
        found = {k[len(prefix) :]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}
        detail = ", ".join(f"{reason}: {count}" for reason, count in found.items())
        return sum(found.values()), f" ({detail})" if detail else ""

    dropped, dropped_detail = part(DROPPED)
    skipped, skipped_detail = part(SKIPPED)
    line = (
        f"reparse: {stats['newscrawl/records']} records, {dropped} pages dropped{dropped_detail}, "
        f"{skipped} captures skipped{skipped_detail}"
    )
    # Said only when there are some: a page may be lost in them.
    unreadable = stats["newscrawl/reparse/records/unreadable"]
    return f"{line}, {unreadable} archive records unreadable" if unreadable else line


class _output:
    """Standard output, or a file written as ``.part`` and renamed once complete."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.part = path.with_name(path.name + ".part") if path else None

    def __enter__(self) -> TextIO:
        if self.part is None:
            return sys.stdout
        self.stream = self.part.open("w", encoding="utf-8")
        return self.stream

    def __exit__(self, failed: object, *rest: object) -> None:
        if self.part is None or self.path is None:
            sys.stdout.flush()
            return
        self.stream.close()
        if failed is None:
            os.replace(self.part, self.path)
