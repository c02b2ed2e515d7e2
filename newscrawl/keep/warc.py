"""WARC archives: write saved pages into one, and look pages up in several.

The replay middleware answers requests from :class:`WarcArchive`; tests and
benchmarks build fixture sites with :func:`write_warc`. (Crawls write their own
archives with :mod:`newscrawl.keep.archive`.)
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: Headers that described the bytes on the wire, not the decoded payload we store.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
#: Headers a replayed response drops: its body's chunks are joined, but it stays
#: content-encoded (Scrapy's HttpCompressionMiddleware decodes it, as on a live crawl).
_TRANSFER_HEADERS = frozenset({"transfer-encoding", "content-length"})


@dataclass(frozen=True)
class SavedResponse:
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime | None = None


#: URLs that w3lib's canonical form leaves as they are: a lower-case host of letter-and-digit
#: labels joined by single hyphens, the last one letters only; a path of segments of
#: unreserved characters, none starting with a dot (so no dot segments); at most one
#: ``key=value`` query of them; no port, no fragment. Most URLs of our archives are such, and
#: their key is read here instead of by ``canonicalize_url``: 0.7 µs against 12 µs on the
#: fixtures' URLs, and the re-parse index pass over 5,000 real-page captures (which the
#: workers wait for) takes 0.25 s of CPU instead of 0.36-0.39. The tests check that both
#: give the same key.
_LABEL = r"[a-z0-9]++(?:-[a-z0-9]++)*+"
_SEGMENT = r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*+"
_CANONICAL = re.compile(
    rf"https?://((?:{_LABEL}\.)++[a-z]{{2,63}}/(?:{_SEGMENT}(?:/{_SEGMENT})*+/?+)?+"
    rf"(?:\?{_SEGMENT}=[A-Za-z0-9._~-]*+)?+)\Z"
)


def lookup_key(url: str) -> str:
    """The archive key of a URL: canonical form without the scheme (http == https)."""
    plain = _CANONICAL.match(url)
    if plain:
        return plain.group(1)
    return canonicalize_url(url, keep_fragments=False).split("://", 1)[-1]


def write_warc(path: str | Path, responses: Iterable[SavedResponse]) -> int:
    """Write ``responses`` as WARC response records (gzip when ``path`` ends in .gz)."""
    count = 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for saved in responses:
            headers = [(k, v) for k, v in saved.headers if k.lower() not in _WIRE_HEADERS]
            headers.append(("Content-Length", str(len(saved.body))))
            http = StatusAndHeaders(
                f"{saved.status} {_reason(saved.status)}", headers, protocol="HTTP/1.1"
            )
            when = (saved.fetched_at or datetime(2026, 1, 1, tzinfo=UTC)).astimezone(UTC)
            record = writer.create_warc_record(
                saved.url,
                "response",
                payload=io.BytesIO(saved.body),
                length=len(saved.body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")},
            )
            writer.write_record(record)
            count += 1
    return count


def _reason(status: int) -> str:
    return {
        200: "OK",
        301: "Moved Permanently",
        302: "Found",
        404: "Not Found",
        500: "Internal Server Error",
    }.get(status, "Status")


class WarcArchive:
    """An index of response records over one or more WARC files, read on demand."""

    def __init__(self, paths: Sequence[str | Path]) -> None:
        self._index: dict[str, tuple[Path, int]] = {}
        for path in map(Path, paths):
            with path.open("rb") as stream:
                records = ArchiveIterator(stream)
                for record in records:
                    if record.rec_type != "response":
                        continue
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    if uri:
                        # Later captures of the same URL win, as in a re-crawl.
                        self._index[lookup_key(uri)] = (path, records.get_record_offset())

    def __len__(self) -> int:
        return len(self._index)

    def get(self, url: str) -> SavedResponse | None:
        where = self._index.get(lookup_key(url))
        if where is None:
            return None
        path, offset = where
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            http = record.http_headers
            body = encoded_payload(record)
            date = record.rec_headers.get_header("WARC-Date")
            fetched = datetime.fromisoformat(date.replace("Z", "+00:00")) if date else None
            status = int(http.get_statuscode()) if http else 200
            headers = [
                (k, v)
                for k, v in (http.headers if http else [])
                if k.lower() not in _TRANSFER_HEADERS
            ]
            uri = record.rec_headers.get_header("WARC-Target-URI")
        return SavedResponse(uri, status, headers, body, fetched)


def encoded_payload(record: ArcWarcRecord) -> bytes:
    """The record's HTTP payload as received, chunks joined, content-encoding kept."""
    http = record.http_headers
    if http is not None and (http.get_header("Transfer-Encoding") or "").lower() == "chunked":
        return bytes(ChunkedDataReader(record.raw_stream).read())
    return bytes(record.raw_stream.read())
