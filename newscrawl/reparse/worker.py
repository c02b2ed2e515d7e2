"""The worker side of a re-parse: read an article's captures at their offsets, parse them.

Workers read the archives themselves (the main process sends offsets, not pages), so
reading and decoding are spread over the cores with the parsing. The parser is chosen as a
crawl chooses it: the outlet of the crawl that wrote the archive, else the outlet serving
the URL (:func:`newscrawl.api.find_outlet`), then :func:`newscrawl.api.parse_fetched`, bounded
in time as in a crawl.
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Literal, NamedTuple

from fastwarc.warc import ArchiveIterator, WarcRecord

from newscrawl.api import Outcome, RawPage, find_outlet, parse_fetched
from newscrawl.errors import UnsupportedSite
from newscrawl.limits import TimeLimitExceeded, time_limit
from newscrawl.reparse.index import MAX_HEADER_BYTES

#: Seconds of Python work one article may take (a crawl's NEWSCRAWL_PARSE_TIMEOUT default).
PARSE_TIME_LIMIT = 10.0

Decoding = Literal["all", "transfer"]


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
    #: The traceback of an unexpected exception (a parser bug).
    error: str = ""


class Archives(NamedTuple):
    """What every task needs to know: the archive files, whose crawl wrote each (our
    archives' warcinfo, else None), and the one outlet wanted (``--outlet``)."""

    paths: tuple[Path, ...]
    outlets: tuple[str | None, ...]
    only_outlet: str | None = None


#: The archive files this worker process has open, by path.
_open_files: dict[Path, IO[bytes]] = {}


def parse_batch(archives: Archives, tasks: list[Task]) -> list[Result]:
    return [_guarded(archives, task) for task in tasks]


def _guarded(archives: Archives, task: Task) -> Result:
    try:
        return parse_task(archives, task)
    except Exception:  # a parser bug: one page lost, not the whole re-parse
        return Result(task.capture, "", error=traceback.format_exc())


def parse_task(archives: Archives, task: Task) -> Result:
    raw: list[RawPage] = []
    fetched_at = datetime.now(UTC)
    for page in task.pages:
        body, url, content_type, fetched_at = read_page(archives, page)
        raw.append(RawPage(body, url, content_type))
    url = raw[0].url
    outlet = archives.outlets[task.pages[0].record[0]]
    if outlet is None:
        try:
            outlet = find_outlet(url).name
        except UnsupportedSite:
            return Result(task.capture, url, skipped=UnsupportedSite.reason)
    if archives.only_outlet and outlet != archives.only_outlet:
        return Result(task.capture, url, skipped="other_outlet")
    # A crawl's record says when its last page was fetched: so does a re-parse's.
    try:
        with time_limit(PARSE_TIME_LIMIT):
            outcome = parse_fetched(raw, outlet, fetched_at, task.find_more)
    except TimeLimitExceeded as exc:
        outcome = Outcome(reason="parse_timeout", detail=f"parsing {exc}", url=url)
    return Result(task.capture, url, outcome, pages=len(raw))


def read_page(archives: Archives, page: PageAt) -> tuple[bytes, str, str | None, datetime]:
    """(body decoded from its transfer and content encodings, URL, Content-Type, WARC-Date)."""
    record = _record_at(archives, *page.record)
    url = record.headers.get("WARC-Target-URI") or ""
    fetched_at = record.record_date
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=UTC)
    holder = record if page.payload == page.record else _record_at(archives, *page.payload)
    http = holder.http_headers if holder.is_http else None
    content_type = http.get("Content-Type") if http is not None else None
    try:
        body = holder.reader.read()
    except OSError:
        # A Content-Encoding the body does not have (some archivers store it decoded and
        # keep the header): the bytes as stored, chunks joined, as warcio reads them too.
        body = _record_at(archives, *page.payload, decode="transfer").reader.read()
    return body, url, content_type, fetched_at


def _record_at(
    archives: Archives, file_number: int, offset: int, decode: Decoding = "all"
) -> WarcRecord:
    path = archives.paths[file_number]
    stream = _open_files.get(path)
    if stream is None:
        stream = _open_files[path] = path.open("rb")
    stream.seek(offset)
    records = ArchiveIterator(
        stream, parse_http=True, auto_decode=decode, max_header_len=MAX_HEADER_BYTES
    )
    return next(iter(records))
