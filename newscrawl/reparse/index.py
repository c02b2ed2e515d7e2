"""The first pass of a re-parse: where each capture is, and which ones to parse.

One streaming read of every archive notes each response (and revisit) record's place,
status, kind of content and what the crawl fetched it as (our archives'
``WARC-Newscrawl-Role``), in compact arrays; bodies are not kept. A URL captured more than
once counts by its latest capture, as on replay (retries, re-crawls). Revisit records point
at the earlier response that holds their payload.

FastWARC reads here and in the workers: on the 67 kB benchmark pages it indexes a capture
in 0.08 ms and reads one at an offset in 0.12 ms, where warcio takes 0.27 ms and 0.23 ms.
"""

from __future__ import annotations

import io
import os
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType
from isal import isal_zlib

from newscrawl.keep.archive import (
    INFLATE_ERROR,
    OUTLET_FIELD,
    ROLE_HEADER,
    ROLES,
    member_length,
)
from newscrawl.keep.warc import lookup_key

#: The longest HTTP header block read. FastWARC's default (32 kB) refuses real responses (a
#: 40 kB ``Set-Cookie``) and, raised from its iterator, ended the whole re-parse; a record
#: past this one is counted ``unreadable`` and the read goes on.
MAX_HEADER_BYTES = 1 << 20

#: What a capture's role code means (0: not said, a third-party archive).
ROLE_NAMES = (None, *ROLES)
_ROLE_CODES = {name: code for code, name in enumerate(ROLE_NAMES)}
#: Kinds of content: an HTML page, something else (feeds, sitemaps, images), not said.
HTML, OTHER, UNKNOWN = 0, 1, 2
#: A revisit whose earlier capture is not in the archives: there is no payload to parse.
NO_PAYLOAD = -1

_TYPES = WarcRecordType.response | WarcRecordType.revisit | WarcRecordType.warcinfo


@dataclass
class CaptureIndex:
    """Every capture of the archives, numbered in archive order."""

    paths: list[Path]
    #: The outlet whose crawl wrote each file (our archives' warcinfo), else None.
    outlets: list[str | None] = field(default_factory=list)
    file: array[int] = field(default_factory=lambda: array("H"))
    offset: array[int] = field(default_factory=lambda: array("q"))
    #: Where the payload is: the capture itself, or a revisit's earlier capture (a number).
    payload: array[int] = field(default_factory=lambda: array("q"))
    status: array[int] = field(default_factory=lambda: array("H"))
    role: array[int] = field(default_factory=lambda: array("b"))
    kind: array[int] = field(default_factory=lambda: array("b"))
    #: 1 where a later capture of the same URL supersedes this one.
    superseded: bytearray = field(default_factory=bytearray)
    #: URL key (:func:`lookup_key`) -> its latest capture.
    latest: dict[str, int] = field(default_factory=dict)
    #: Records read, by WARC type.
    records: Counter[str] = field(default_factory=Counter)

    def __len__(self) -> int:
        return len(self.offset)

    def find(self, url: str) -> int | None:
        """The latest capture of ``url``, if any."""
        return self.latest.get(lookup_key(url))

    def role_name(self, capture: int) -> str | None:
        return ROLE_NAMES[self.role[capture]]

    def location(self, capture: int) -> tuple[int, int]:
        """(file number, offset) of the record describing ``capture``."""
        return self.file[capture], self.offset[capture]


def build_index(
    paths: Sequence[str | Path],
    advance: Callable[[int], object] | None = None,
    grown: Callable[[CaptureIndex], object] | None = None,
) -> CaptureIndex:
    """Index ``paths`` in order (later files' captures supersede earlier ones);
    ``advance(bytes)`` is called as the files are read (a progress bar), ``grown(index)``
    after each record read (the re-parse sends pages ahead)."""
    index = CaptureIndex([Path(p) for p in paths])
    for number, path in enumerate(index.paths):
        index.outlets.append(None)
        with path.open("rb") as stream:
            done = 0
            for offset, record in _records(stream):
                if advance is not None and offset - done >= 1 << 20:
                    advance(offset - done)
                    done = offset
                if record is None:
                    index.records["unreadable"] += 1
                else:
                    _add(index, number, record, offset)
                    if grown is not None:
                        grown(index)
        if advance is not None:
            advance(path.stat().st_size - done)
    return index


#: Inflated bytes of a record's start that hold its WARC and HTTP headers, as a rule.
_HEADS = 1 << 14


def _records(stream: IO[bytes]) -> Iterator[tuple[int, WarcRecord | None]]:
    """(offset, record) of the responses, revisits and warcinfo records in ``stream``; the
    record is None where its HTTP headers cannot be read (over :data:`MAX_HEADER_BYTES`,
    broken), and one None ends the file where it is cut short in one of our members or
    FastWARC cannot read on (at a cut member of another writer's archive, FastWARC stops
    without a word: nothing is counted).

    Members our archives wrote say their length (:func:`member_length`): only their headers
    are inflated, then the next member is read. On 2,000 captures of ``python -m benchmarks
    --only reparse``'s real-page archive (69 MB) it takes 0.11 s of CPU; inflating every
    page, it took 0.39 s, and keying every URL with w3lib
    (:func:`~newscrawl.keep.warc.lookup_key`), 0.16 s. From the first member that does not
    say its length (another writer's archive), FastWARC reads on.
    """
    size = os.fstat(stream.fileno()).st_size
    offset = 0
    while offset < size:
        stream.seek(offset)
        head = stream.read(_HEADS)
        found = member_length(head)
        if found is None:
            break
        if offset + found[1] > size:  # our member, cut short (a crawl killed mid-write)
            yield offset, None
            return
        start, length = found
        body = head[start : length - 8]  # the deflated data, or what of it was read
        try:
            prefix = _headers(body)
            if prefix is None:  # headers longer than what was read: the whole member
                stream.seek(offset + start)
                prefix = isal_zlib.decompress(stream.read(length - start - 8), wbits=-15)
        except (INFLATE_ERROR, zlib.error):
            break
        records = ArchiveIterator(io.BytesIO(prefix), parse_http=False)
        try:
            record = next(iter(records), None)
        except OSError:  # not a WARC record: FastWARC reads on, and says what it finds
            break
        if record is None:
            break
        if record.record_type & _TYPES:
            yield offset, _http_parsed(record)
        offset += length
    if offset < size:
        stream.seek(offset)
        records = ArchiveIterator(stream, record_types=_TYPES, parse_http=False)
        try:
            for record in records:
                yield record.stream_pos, _http_parsed(record)
        except OSError:  # a cut or broken file: what came before it stands
            yield offset, None


def _http_parsed(record: WarcRecord) -> WarcRecord | None:
    """``record`` with its HTTP headers read, or None where they cannot be."""
    try:
        record.parse_http(max_header_len=MAX_HEADER_BYTES)
    except OSError:
        return None
    return record


def _headers(deflated: bytes) -> bytes | None:
    """The start of a record, inflated from ``deflated`` up to the end of its WARC and HTTP
    headers (a little more, or all of a short record); None if they go beyond :data:`_HEADS`.

    zlib, not ISA-L as for whole members: on these few kB ISA-L's set-up outweighs its speed
    (9 µs a record against 36-44 µs, 2,000 captures' 4,000 records of the real-page archive).
    """
    inflater = zlib.decompressobj(wbits=-15)
    prefix = b""
    pending = deflated
    for size in (2048, 8192, _HEADS):
        prefix += inflater.decompress(pending, size - len(prefix))
        if inflater.eof or prefix.count(b"\r\n\r\n") >= 2:
            return prefix
        pending = inflater.unconsumed_tail
        if not pending:
            return None
    return None


def _add(index: CaptureIndex, file_number: int, record: WarcRecord, offset: int) -> None:
    kind = record.record_type
    if kind == WarcRecordType.warcinfo:
        index.records["warcinfo"] += 1
        if index.outlets[file_number] is None:
            index.outlets[file_number] = _warcinfo_outlet(record.reader.read())
        return
    is_revisit = kind == WarcRecordType.revisit
    index.records["revisit" if is_revisit else "response"] += 1
    uri = record.headers.get("WARC-Target-URI")
    if not uri:
        return
    key = lookup_key(uri)
    number = len(index.offset)
    http = record.http_headers if record.is_http else None
    status = (http.status_code or 0) if http is not None else 0
    content_type = (http.get("Content-Type") if http is not None else None) or record.headers.get(
        "WARC-Identified-Payload-Type"
    )
    payload = number
    if is_revisit:
        refers_to = record.headers.get("WARC-Refers-To-Target-URI")
        earlier = index.latest.get(lookup_key(refers_to) if refers_to else key)
        payload = index.payload[earlier] if earlier is not None else NO_PAYLOAD
        if status in (0, 304) and payload != NO_PAYLOAD:
            status = index.status[payload]  # "not modified": the earlier response stands
        if content_type is None and payload != NO_PAYLOAD:
            content_type = "text/html" if index.kind[payload] == HTML else None
    index.file.append(file_number)
    index.offset.append(offset)
    index.payload.append(payload)
    index.status.append(status)
    index.role.append(_ROLE_CODES.get(record.headers.get(ROLE_HEADER), 0))
    index.kind.append(_kind(content_type))
    index.superseded.append(0)
    previous = index.latest.get(key)
    if previous is not None:
        index.superseded[previous] = 1
    index.latest[key] = number


def _kind(content_type: str | None) -> int:
    if not content_type:
        return UNKNOWN
    return HTML if "html" in content_type.lower() else OTHER


def _warcinfo_outlet(block: bytes) -> str | None:
    for line in block.decode("utf-8", "replace").splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == OUTLET_FIELD and value.strip():
            return value.strip()
    return None
