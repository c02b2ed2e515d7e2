"""Re-parse archives: today's parsers over what earlier crawls (or anyone) captured.

Two passes over the archives, both streamed: :func:`~newscrawl.reparse.index.build_index`
notes where every capture is, then the captures worth parsing go, a batch at a time, to
worker processes that read and parse them. A bounded number of batches is in flight and
results are taken in the order they were sent, so memory stays flat whatever the archive
size and the output is the same from run to run. The first batches go while the index is
still read (:class:`_Ahead`): on 5,000 captures of the benchmark's real pages, the cores
stood idle 0.94 s of a run that way (median of 6, 2 cores) and 0.52 s this way.

What becomes of each capture is counted under the crawl's stats keys:
``newscrawl/dropped/<reason>`` for an article page that did not become a record (the
reasons a crawl uses, plus ``missing_page`` for a multi-page article whose later page was
never captured and ``parser_error`` for a page a parser raised an exception on, logged)
and ``newscrawl/skipped/<reason>`` for a capture that is not an article page:
``discovery`` (robots.txt, sitemaps, feeds, listings, as our crawls mark them),
``not_html``, ``redirect``, ``http_<status>``, ``not_an_article`` and
``unsupported_site`` (pages of third-party archives), ``other_outlet`` (``--outlet``),
``earlier_capture`` (the URL was captured again later), ``revisit_without_payload`` and
``out_of_range`` (``--since``/``--until``).

Worker processes come from :mod:`multiprocessing` (:mod:`newscrawl.reparse.pool`), sent
offsets, not the crawl's pool (:mod:`newscrawl.workers`), which is fed pages by its caller:
here the main process would read and decode every page itself. Measured side by side
(``python -m benchmarks --only reparse``, 5,000 captures of 67 kB pages, 2 cores): 667
pages/s and 2.77 ms of CPU a page this way, 632 pages/s and 2.91 ms through the crawl's
pool.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from newscrawl.discover.discovery import in_window
from newscrawl.errors import NotAnArticle
from newscrawl.outlet import registry
from newscrawl.record import to_json_line
from newscrawl.reparse.index import NO_PAYLOAD, OTHER, CaptureIndex, build_index
from newscrawl.reparse.pool import CRASHED, OrderedPool
from newscrawl.reparse.worker import Archives, PageAt, Result, Task
from newscrawl.terminal import progress

logger = logging.getLogger(__name__)

DROPPED = "newscrawl/dropped/"
SKIPPED = "newscrawl/skipped/"
#: Refusals that say nothing about the parser (as in the crawl's health accounting).
NOT_PARSER_FAILURES = frozenset({"not_an_article", "empty_response", "truncated", "not_html"})
#: Pages sent to a worker at once: fewer round trips, still a lively progress bar.
BATCH = 8
#: Batches sent ahead while the index is read (:class:`_Ahead`). Their results wait in the
#: main process until the index is whole, so this bounds them: 256 pages' records.
AHEAD = 32


@dataclass(frozen=True)
class Window:
    """Published dates to keep: [since, until), None for open ends."""

    since: datetime | None = None
    until: datetime | None = None


class Reparse:
    """One re-parse: its archives, the output, the counts."""

    def __init__(
        self,
        paths: Sequence[str | Path],
        out: TextIO,
        *,
        outlet: str | None = None,
        window: Window = Window(),
        workers: int | None = None,
        on_record: Callable[[dict[str, Any]], object] | None = None,
        ahead: int = AHEAD,
    ) -> None:
        self.paths = [Path(p) for p in paths]
        self.out = out
        self.outlet = outlet
        self.window = window
        self.workers = workers if workers is not None else usable_cores()
        self.on_record = on_record
        self.ahead = ahead
        self.stats: Counter[str] = Counter()
        self._seen_urls: set[str] = set()
        self._claimed: set[int] = set()
        #: Captures sent ahead (:class:`_Ahead`), with their file's outlet then, and those
        #: whose result was checked against the file's outlet in the end.
        self._sent: dict[int, str | None] = {}
        self._redone: set[int] = set()

    def run(self) -> Counter[str]:
        # The outlets' modules load here, once, for the forked workers to share (each
        # would load them itself: 0.1 s of CPU a worker). The workers start first, before
        # the progress bars start a thread.
        registry()
        pool = OrderedPool(self.workers)
        try:
            total = sum(p.stat().st_size for p in self.paths)
            ahead = _Ahead(pool, self.outlet, self.ahead)
            with progress(total, desc="index", unit="B", unit_scale=True) as bar:
                index = build_index(self.paths, bar.update, ahead.grown)
            for kind, count in index.records.items():
                self.stats[f"newscrawl/reparse/records/{kind}"] = count
            archives = Archives(tuple(index.paths), tuple(index.outlets), self.outlet)
            self._sent = ahead.sent
            self._parse(index, archives, pool)
        finally:
            pool.close()
        if pool.restarts:
            self.stats["newscrawl/parse_workers/restarts"] = pool.restarts
        return self.stats

    def _parse(self, index: CaptureIndex, archives: Archives, pool: OrderedPool) -> None:
        batches = _batches(self._candidates(index), BATCH)
        window = 2 * pool.workers + 1
        with progress(self._count_candidates(index), desc="reparse", unit="page") as bar:
            while True:
                while len(pool) < window and (batch := next(batches, None)) is not None:
                    pool.submit(archives, batch)
                if not len(pool):
                    break
                # Marked: follow-ups, multi-page articles whose first page was counted.
                results, follow_up = pool.next(archives)
                taken = 0
                for result in results:
                    taken += 1
                    task = self._take(index, result)
                    if task is not None:
                        # The article's record takes its first page's place in the output,
                        # however the pages were batched: the rest waits for it.
                        pool.put_back(results[taken:], follow_up)
                        pool.submit_first(archives, [task], mark=True)
                        break
                if not follow_up:
                    # Pages sent ahead and superseded since are not in the bar's total.
                    bar.update(sum(not index.superseded[r.capture] for r in results[:taken]))
                bar.set_postfix(self.counts(), refresh=False)

    def counts(self) -> dict[str, int]:
        """Records, drops and skips so far (the progress bar's postfix)."""
        return {
            "records": self.stats["newscrawl/records"],
            "dropped": sum(v for k, v in self.stats.items() if k.startswith(DROPPED)),
            "skipped": sum(v for k, v in self.stats.items() if k.startswith(SKIPPED)),
        }

    def _candidates(self, index: CaptureIndex) -> Iterator[Task]:
        """Article pages to parse, in archive order, but for those sent ahead (:class:`_Ahead`);
        everything else is counted here."""
        sent = self._sent
        for capture in range(len(index)):
            if capture in sent:
                continue  # in the pool's queue already, in its place
            role = index.role_name(capture)
            if role == "later-page":
                continue  # parsed with its article's first page
            reason = _not_a_candidate(index, capture, role)
            if reason:
                self._count(reason)
                continue
            yield _first_page(index, capture)

    def _count_candidates(self, index: CaptureIndex) -> int:
        return sum(
            1
            for capture in range(len(index))
            if index.role_name(capture) != "later-page"
            and not _not_a_candidate(index, capture, index.role_name(capture))
        )

    def _take(self, index: CaptureIndex, result: Result) -> Task | None:
        """Count and write one result; a multi-page article's task with all its pages."""
        capture = result.capture
        if index.superseded[capture]:  # sent ahead, before the later capture was read
            self._count(SKIPPED + "earlier_capture")
            return None
        if capture in self._sent and capture not in self._redone:
            self._redone.add(capture)
            if self._sent[capture] != index.outlets[index.file[capture]]:
                return _first_page(index, capture)
        if capture in self._claimed:
            return None  # a later page of an article already parsed (third-party archives)
        if result.skipped:
            self._count(SKIPPED + result.skipped)
            return None
        if result.error == CRASHED:
            self._count(DROPPED + CRASHED)
            logger.error("capture %d killed two parse workers: given up", capture)
            return None
        if result.error:
            self._count(DROPPED + "parser_error")
            logger.error("parsing capture %d failed:\n%s", capture, result.error)
            return None
        outcome = result.outcome
        assert outcome is not None
        if outcome.more:
            return self._with_later_pages(index, capture, outcome.more)
        self.stats["newscrawl/article_pages"] += result.pages
        if outcome.record is None:
            self._refused(index, capture, outcome.reason, outcome.parser)
            return None
        self.stats["newscrawl/parsed"] += 1
        self._emit(outcome.record)
        return None

    def _with_later_pages(
        self, index: CaptureIndex, capture: int, urls: Sequence[str]
    ) -> Task | None:
        pages = [_page_at(index, capture)]
        for url in urls:
            later = index.find(url)
            if later is None or index.payload[later] == NO_PAYLOAD:
                self.stats["newscrawl/article_pages"] += 1
                self._count(DROPPED + "missing_page")
                return None
            status = index.status[later]
            if not 200 <= status < 300:
                self.stats["newscrawl/article_pages"] += 1
                self._count(DROPPED + f"http_{status}")
                return None
            self._claimed.add(later)
            pages.append(_page_at(index, later))
        return Task(capture, tuple(pages), find_more=False)

    def _refused(self, index: CaptureIndex, capture: int, reason: str, parser: str | None) -> None:
        if index.role_name(capture) is None and reason == NotAnArticle.reason:
            # A third-party archive holds every kind of page: a listing is no loss.
            self._count(SKIPPED + reason)
            return
        if parser and reason not in NOT_PARSER_FAILURES:
            self._count(f"newscrawl/failed/{parser}/{reason}")
        self._count(DROPPED + reason)

    def _emit(self, record: dict[str, Any]) -> None:
        published = datetime.fromisoformat(record["published_at"])
        if not in_window(published, self.window.since, self.window.until):
            self._count(SKIPPED + "out_of_range")
            return
        if record["url"] in self._seen_urls:
            self._count(DROPPED + "duplicate")
            return
        self._seen_urls.add(record["url"])
        self.out.write(to_json_line(record) + "\n")
        if self.on_record is not None:
            self.on_record(record)
        self._count("newscrawl/records")

    def _count(self, key: str) -> None:
        self.stats[key] += 1


class _Ahead:
    """Article pages sent to the workers while the index is still being read, so that they
    parse instead of waiting for it.

    What the index says of a capture is known once it is read, but for two things: whether
    a later capture of its URL supersedes it, and, in a file without our warcinfo first,
    the outlet a warcinfo further on may name. The captures read so far that are to be
    parsed unless one of those changes go to the pool in order, in the batches
    :meth:`Reparse._parse` would send, which sends the rest after them. A result whose
    capture was superseded meanwhile is counted ``earlier_capture``; one parsed for another
    outlet than the file's is parsed again. At most ``limit`` batches go ahead: their
    results wait for the whole index.
    """

    def __init__(self, pool: OrderedPool, outlet: str | None, limit: int) -> None:
        self.pool = pool
        self.outlet = outlet
        self.limit = limit
        #: Captures sent ahead, and the outlet their file had then.
        self.sent: dict[int, str | None] = {}
        self._next = 0
        self._pending: list[Task] = []

    def grown(self, index: CaptureIndex) -> None:
        """Look at the captures added to ``index`` since the last call."""
        while self._next < len(index) and len(self.sent) < self.limit * BATCH:
            capture = self._next
            self._next += 1
            role = index.role_name(capture)
            if role == "later-page" or _not_a_candidate(index, capture, role, False):
                continue
            self._pending.append(_first_page(index, capture))
            if len(self._pending) == BATCH:
                outlets = tuple(index.outlets)
                self.pool.submit(Archives(tuple(index.paths), outlets, self.outlet), self._pending)
                for task in self._pending:
                    self.sent[task.capture] = outlets[index.file[task.capture]]
                self._pending = []


def _not_a_candidate(
    index: CaptureIndex, capture: int, role: str | None, superseded: bool = True
) -> str:
    """The ``skipped/...`` or ``dropped/...`` key of a capture not to parse, or "";
    whether a later capture supersedes it is asked unless ``superseded`` is False."""
    status = index.status[capture]
    if superseded and index.superseded[capture]:
        return SKIPPED + "earlier_capture"
    if role == "discovery":
        return SKIPPED + "discovery"
    if index.payload[capture] == NO_PAYLOAD:
        return SKIPPED + "revisit_without_payload"
    if 300 <= status < 400:
        return SKIPPED + "redirect"
    if not 200 <= status < 300:
        # The crawl's HttpErrorMiddleware hands an article's error response to the
        # errback, which drops it as http_<status>.
        return (DROPPED if role == "article" else SKIPPED) + f"http_{status}"
    if role is None and index.kind[capture] == OTHER:
        return SKIPPED + "not_html"
    return ""


def _page_at(index: CaptureIndex, capture: int) -> PageAt:
    return PageAt(index.location(capture), index.location(index.payload[capture]))


def _first_page(index: CaptureIndex, capture: int) -> Task:
    """The task of an article whose first page is ``capture``, its later pages still to find."""
    return Task(capture, (_page_at(index, capture),), find_more=True)


def _batches(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
