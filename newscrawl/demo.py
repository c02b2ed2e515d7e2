"""``newscrawl demo``: the whole path offline, on pages of several outlets shipped in a WARC.

The WARC (``newscrawl/data/demo.warc.gz``) holds the project's own fixture sites (pages
written for the tests, faithful to each outlet's markup; no third-party pages), built by
``python -m tests.demo_warc``. The demo crawls them by replay into ``output/demo/`` with
its own state file, so it never touches the real crawl's state or output, and writes the
report beside them.
"""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

#: The outlets whose fixture sites the demo WARC holds, with the spider arguments that fit
#: their pages: a scheduled run where the site's feeds are in the WARC, else a backfill of
#: the days its saved index pages list.
DEMO_OUTLETS: dict[str, tuple[str, ...]] = {
    "antaranews": (),
    "cnnindonesia": ("since=2026-10-31", "until=2026-10-31"),
    "detik": (),
    "kompas": ("since=2026-10-30", "until=2026-10-31"),
    "liputan6": ("since=2026-10-30", "until=2026-10-31"),
    "nusadaily": (),
    "tribunnews": (),
}
#: When the pages in the WARC were "fetched": the demo's "now" for the re-check window.
DEMO_NOW = "2026-11-01T00:00:00Z"
#: What to tell someone whose real crawl could not reach the site.
DEMO_HINT = (
    "no network? `newscrawl demo` replays saved pages of several outlets offline "
    "and shows the records and the report a crawl makes"
)
HEADLINES = 5


def demo_warc() -> resources.abc.Traversable:
    return resources.files("newscrawl").joinpath("data/demo.warc.gz")


def newest_output(folder: Path, outlet: str) -> Path | None:
    files = sorted((folder / outlet).glob("*.jsonl"))
    return files[-1] if files else None


def headlines(paths: list[Path], count: int) -> list[tuple[str, str]]:
    """(outlet, headline) of the first records, taking outlets in turn."""
    per_file = []
    for path in paths:
        lines = path.read_text("utf-8").splitlines()
        per_file.append([json.loads(line) for line in lines[:count]])
    found: list[tuple[str, str]] = []
    for rank in range(count):
        for records in per_file:
            if rank < len(records) and len(found) < count:
                found.append((records[rank]["outlet"], records[rank]["headline"]))
    return found


def run_demo(folder: Path) -> int:
    from newscrawl.crawlall import crawl_outlets
    from newscrawl.report import run_report

    folder.mkdir(parents=True, exist_ok=True)
    state = folder / "state.sqlite3"
    # The demo's own state starts empty each time, so every demo shows every article.
    for stale in (
        state,
        state.with_name(state.name + "-wal"),
        state.with_name(state.name + "-shm"),
    ):
        stale.unlink(missing_ok=True)
    with ExitStack() as stack:
        warc = stack.enter_context(resources.as_file(demo_warc()))
        sets = [
            f"NEWSCRAWL_REPLAY={warc}",
            f"NEWSCRAWL_STATE={state}",
            f"NEWSCRAWL_OUTPUT_DIR={folder}/%(name)s",
            f"NEWSCRAWL_NOW={DEMO_NOW}",
            "LOG_LEVEL=ERROR",
        ]
        status = crawl_outlets(list(DEMO_OUTLETS), False, [], sets, DEMO_OUTLETS)
    outputs = [path for outlet in DEMO_OUTLETS if (path := newest_output(folder, outlet))]
    print("\nRecords (JSON Lines, one article a line):")
    for path in outputs:
        print(f"  {path}")
    print("\nA few headlines:")
    for outlet, headline in headlines(outputs, HEADLINES):
        print(f"  [{outlet}] {headline}")
    print("\nRuns so far, one line per outlet (newscrawl report):")
    now = datetime.now(UTC).replace(microsecond=0)
    run_report(folder, None, folder / "report.html", state, now)
    print(
        f"\nReal crawls: `scrapy crawl nusadaily`, then `newscrawl report` (exit status {status})"
    )
    sys.stdout.flush()
    return status
