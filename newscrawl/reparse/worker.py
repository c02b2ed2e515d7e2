"""The worker side of a re-parse: read an article's captures at their offsets, parse them.

Workers read the archives themselves (the main process sends offsets, not pages), so
reading and decoding are spread over the cores with the parsing. The parser is chosen as a
crawl chooses it: the outlet of the crawl that wrote the archive, else the outlet serving
the URL (:func:`newscrawl.api.outlet_for_url`), then :func:`newscrawl.api.parse_fetched`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import IO, NamedTuple

from fastwarc.warc import ArchiveIterator, WarcRecord

from newscrawl.api import Outcome, RawPage, outlet_for_url, parse_fetched
from newscrawl.errors import UnsupportedSite


class PageAt(NamedTuple):
    """Where one captured page is: its record, and the record holding its payload (the same
    one, or a revisit's earlier capture), each as (file number, offset)."""

    record: tuple[int, int]
    payload: tuple[int, int]


class Task(NamedTuple):
    """An article's pages, page 1 first; ``find_more`` while only page 1 is known."""

    capture: int
    pages: tuple[PageAt, ...]
    find_more: bool


class Result(NamedTuple):
    capture: int
    url: str
    outcome: Outcome | None = None
    #: Set instead of an outcome when the page is not for this re-parse (another outlet's).
    skipped: str = ""
    pages: int = 1


class _Archives:
    """What a worker process knows: the archive files (opened once) and whose they are."""

    paths: tuple[Path, ...] = ()
    outlets: tuple[str | None, ...] = ()
    only_outlet: str | None = None
    files: dict[int, IO[bytes]] = {}  # noqa: RUF012 (one per worker process, by design)


def init_worker(paths: tuple[Path, ...], outlets: tuple[str | None, ...], only: str | None) -> None:
    _Archives.paths, _Archives.outlets, _Archives.only_outlet = paths, outlets, only
    _Archives.files = {}


def parse_batch(tasks: list[Task]) -> list[Result]:
    return [parse_task(task) for task in tasks]


def parse_task(task: Task) -> Result:
    first = task.pages[0]
    raw: list[RawPage] = []
    fetched_at = datetime.now(UTC)
    for page in task.pages:
        body, url, content_type, fetched_at = read_page(page)
        raw.append(RawPage(body, url, content_type))
    url = raw[0].url
    outlet = _Archives.outlets[first.record[0]]
    if outlet is None:
        try:
            outlet = outlet_for_url(url)
        except UnsupportedSite:
            return Result(task.capture, url, skipped=UnsupportedSite.reason)
    if _Archives.only_outlet and outlet != _Archives.only_outlet:
        return Result(task.capture, url, skipped="other_outlet")
    # A crawl's record says when its last page was fetched: so does a re-parse's.
    outcome = parse_fetched(raw, outlet, fetched_at, task.find_more)
    return Result(task.capture, url, outcome, pages=len(raw))


def read_page(page: PageAt) -> tuple[bytes, str, str | None, datetime]:
    """(body decoded from its transfer and content encodings, URL, Content-Type, WARC-Date)."""
    record = _record_at(*page.record)
    url = record.headers.get("WARC-Target-URI") or ""
    fetched_at = record.record_date
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=UTC)
    holder = record if page.payload == page.record else _record_at(*page.payload)
    http = holder.http_headers if holder.is_http else None
    content_type = http.get("Content-Type") if http is not None else None
    return holder.reader.read(), url, content_type, fetched_at


def _record_at(file_number: int, offset: int) -> WarcRecord:
    stream = _Archives.files.get(file_number)
    if stream is None:
        stream = _Archives.files[file_number] = _Archives.paths[file_number].open("rb")
    stream.seek(offset)
    return next(iter(ArchiveIterator(stream, parse_http=True, auto_decode="all")))
