"""WARC archives written by every crawl: what was fetched, as it was received.

A run writes ``<dir>/<run stamp>.warc.gz`` (WARC/1.1, a warcinfo record first, then a
request and a response record per fetch, one gzip member per record, its length in its
header: :data:`MEMBER_LENGTH_ID`). The file is
``<stamp>.warc.gz.open`` while it is written and renamed when closed; at the size limit it
is closed and the next one, ``<stamp>_0001.warc.gz``, opened. Each pair of records reaches
the OS in one write, so a killed run leaves at most its last record cut: the next run
truncates such a file to its last whole gzip member and closes it (:func:`repair`). A
writer holds a lock on its open file, so a run never repairs a file that another live run
is still writing.
"""

from __future__ import annotations

import fcntl
import io
import logging
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from pathlib import Path
from typing import IO, cast
from urllib.parse import urlsplit

from isal import isal_zlib
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

logger = logging.getLogger(__name__)

OPEN = ".open"
SUFFIX = ".warc.gz"
#: The WARC header naming what the crawl fetched a page as (see :data:`ROLES`).
ROLE_HEADER = "WARC-Newscrawl-Role"
#: ``article``: an article's first page; ``later-page``: a multi-page article's next page;
#: ``discovery``: anything else (robots.txt, sitemaps, feeds, listings).
ROLES = ("article", "later-page", "discovery")
#: warcinfo field naming the outlet whose crawl wrote the file.
OUTLET_FIELD = "newscrawl-outlet"
#: ISA-L's fastest level: ~0.06 ms for a 67 kB page where warcio's zlib level 9 takes ~2 ms
#: (and zlib level 1, 0.4 ms), for a file ~15% larger than level 9's. A crawl spends its CPU
#: on parsing; the archive must not take a tenth of it.
GZIP_LEVEL = 1
#: isal's stubs declare its error as an instance, not a class.
INFLATE_ERROR = cast(type[Exception], isal_zlib.IsalError)


@dataclass(frozen=True)
class Capture:
    """One fetch: the request as sent and the response as received (body still
    content-encoded; a chunked transfer already joined, so its header is not kept)."""

    url: str
    fetched_at: datetime
    status: int
    headers: Sequence[tuple[str, str]]
    body: bytes
    method: str = "GET"
    request_headers: Sequence[tuple[str, str]] = ()
    request_body: bytes = b""
    ip_address: str | None = None
    role: str | None = None
    protocol: str = "HTTP/1.1"


def warc_date(when: datetime) -> str:
    """WARC-Date form of an aware datetime, whole seconds: ``2026-06-30T01:02:03Z``."""
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


#: The gzip header's extra subfield (RFC 1952, 2.3.1.1) in every member this module writes:
#: its ID, then the member's whole length in bytes (8, little-endian). A reader can step from
#: member to member without inflating the records in between, as BGZF's "BC" subfield allows;
#: other tools skip it (gzip, warcio, FastWARC, cdxj-indexer).
MEMBER_LENGTH_ID = b"NC"
_EXTRA = struct.Struct("<H2sHQ")  # XLEN, subfield ID, subfield length, member length
_FIRST = b"\x1f\x8b\x08\x04\x00\x00\x00\x00\x00\xff"  # deflate, FEXTRA, no mtime, OS unknown
_HEADER = len(_FIRST) + _EXTRA.size


def gzip_member(data: bytes) -> bytes:
    """``data`` as one gzip member, its length in its header (:data:`MEMBER_LENGTH_ID`)."""
    deflated = isal_zlib.compress(data, GZIP_LEVEL, wbits=-15)
    length = _HEADER + len(deflated) + 8
    extra = _EXTRA.pack(_EXTRA.size - 2, MEMBER_LENGTH_ID, 8, length)
    trailer = struct.pack("<II", isal_zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return b"".join((_FIRST, extra, deflated, trailer))


def member_length(head: bytes) -> tuple[int, int] | None:
    """(header length, member length) of a gzip member this module wrote, read from the first
    bytes of ``head``; None for any other member (another writer's, or not gzip)."""
    if len(head) < _HEADER or not head.startswith(_FIRST):
        return None
    size, ident, field_size, length = _EXTRA.unpack_from(head, len(_FIRST))
    if size != _EXTRA.size - 2 or ident != MEMBER_LENGTH_ID or field_size != 8:
        return None
    return (_HEADER, length) if length > _HEADER + 8 else None


def capture_records(capture: Capture) -> bytes:
    """The request and response records of ``capture``, each its own gzip member."""
    writer = WARCWriter(None, gzip=False, warc_version="1.1")
    date = warc_date(capture.fetched_at)
    response_headers = {"WARC-Date": date}
    if capture.ip_address:
        response_headers["WARC-IP-Address"] = capture.ip_address
    if capture.role:
        response_headers[ROLE_HEADER] = capture.role
    status = f"{capture.status} {_reason(capture.status)}"
    response = writer.create_warc_record(
        capture.url,
        "response",
        payload=io.BytesIO(capture.body),
        length=len(capture.body),
        http_headers=StatusAndHeaders(status, list(capture.headers), protocol=capture.protocol),
        warc_headers_dict=response_headers,
    )
    split = urlsplit(capture.url)
    target = (split.path or "/") + (f"?{split.query}" if split.query else "")
    request_line = StatusAndHeaders(
        f"{capture.method} {target} HTTP/1.1",
        [("Host", split.netloc), *capture.request_headers],
        is_http_request=True,
    )
    request = writer.create_warc_record(
        capture.url,
        "request",
        payload=io.BytesIO(capture.request_body),
        length=len(capture.request_body),
        http_headers=request_line,
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
        },
    )
    return _gzipped(writer, request) + _gzipped(writer, response)


def _gzipped(writer: WARCWriter, record: object) -> bytes:
    buffer = io.BytesIO()
    writer.out = buffer
    writer.write_record(record)
    return gzip_member(buffer.getvalue())


def warcinfo_record(filename: str, fields: dict[str, str]) -> bytes:
    writer = WARCWriter(None, gzip=False, warc_version="1.1")
    return _gzipped(writer, writer.create_warcinfo_record(filename, fields))


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Status"


class ArchiveWriter:
    """The WARC files of one run: ``<directory>/<stem>.warc.gz`` and its rotations."""

    def __init__(
        self, directory: str | Path, stem: str, max_size: int, info: dict[str, str]
    ) -> None:
        self.directory = Path(directory)
        self.stem = stem
        self.max_size = max_size
        self.info = info
        self.closed: list[Path] = []
        self._serial = 0
        self._file: IO[bytes] | None = None
        self._path: Path | None = None
        self._size = 0
        self._pairs = 0
        self.captures = 0

    def name(self, serial: int) -> str:
        return f"{self.stem}{SUFFIX}" if serial == 0 else f"{self.stem}_{serial:04d}{SUFFIX}"

    def write(self, capture: Capture) -> None:
        """Append the capture's records; they reach the OS before this returns."""
        self.write_records(capture_records(capture))

    def write_records(self, records: bytes) -> None:
        if self._file is not None and self._pairs and self._size + len(records) > self.max_size:
            self._close_file()
        if self._file is None:
            self._open_file()
        assert self._file is not None
        self._file.write(records)
        self._file.flush()
        self._size += len(records)
        self._pairs += 1
        self.captures += 1

    def _open_file(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        while (self.directory / self.name(self._serial)).exists():
            self._serial += 1  # a restarted run of the same second, or a kept file
        final = self.directory / self.name(self._serial)
        self._path = final.with_name(final.name + OPEN)
        self._file = self._path.open("xb")
        fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        info = warcinfo_record(final.name, self.info)
        self._file.write(info)
        self._file.flush()
        self._size, self._pairs = len(info), 0

    def _close_file(self) -> None:
        assert self._file is not None and self._path is not None
        os.fsync(self._file.fileno())
        final = self._path.with_name(self._path.name.removesuffix(OPEN))
        self._path.replace(final)
        self._file.close()  # releases the lock, after the rename
        self.closed.append(final)
        self._file = self._path = None
        self._serial += 1

    def close(self) -> list[Path]:
        """Close the open file (if any); every file this writer wrote."""
        if self._file is not None:
            self._close_file()
        return list(self.closed)


def leftovers(directory: str | Path) -> list[Path]:
    """Open WARC files in ``directory`` that no live writer holds: killed runs'."""
    found = []
    for path in sorted(Path(directory).glob(f"*{SUFFIX}{OPEN}")):
        try:
            with path.open("rb") as stream:
                fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # another run is writing it
        except FileNotFoundError:
            continue  # closed meanwhile
        found.append(path)
    return found


def complete_members_end(path: str | Path) -> int:
    """The offset just past the last whole gzip member of ``path`` (0 if none is whole)."""
    end = position = 0
    inflater = isal_zlib.decompressobj(wbits=31)
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            data = chunk
            while data:
                try:
                    inflater.decompress(data)
                except INFLATE_ERROR:
                    return end  # a cut member can look like garbage: stop at the last good one
                if not inflater.eof:
                    position += len(data)
                    break
                consumed = len(data) - len(inflater.unused_data)
                position += consumed
                end = position
                data = inflater.unused_data
                inflater = isal_zlib.decompressobj(wbits=31)
    return end


def repair(path: str | Path) -> Path | None:
    """Close a killed run's ``.open`` file: cut what follows its last whole record, rename it
    (None: it held no whole record and is removed)."""
    path = Path(path)
    end = complete_members_end(path)
    final = path.with_name(path.name.removesuffix(OPEN))
    if end == 0:  # killed while writing its warcinfo record: nothing was captured
        path.unlink()
        logger.warning("removed the empty archive %s of a killed run", path)
        return None
    with path.open("r+b") as stream:
        cut = stream.seek(0, os.SEEK_END) - end
        stream.truncate(end)
        stream.flush()
        os.fsync(stream.fileno())
    path.replace(final)
    logger.warning(
        "closed the archive %s of a killed run (%d bytes of a cut record removed)", final, cut
    )
    return final
