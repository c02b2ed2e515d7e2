"""The WARC archive a crawl writes: records as received, rotation, repair after a kill."""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import pickle
import struct
import subprocess
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.settings import Settings
from warcio.archiveiterator import ArchiveIterator

from newscrawl.discover.capture import ArchiveMiddleware, archive_target, size_setting
from newscrawl.discover.middlewares import FETCHED_AT
from newscrawl.discover.spider import NewsSpider
from newscrawl.keep.archive import (
    ROLE_HEADER,
    ArchiveWriter,
    Capture,
    capture_records,
    leftovers,
    member_length,
    repair,
    warcinfo_record,
)
from tests.cases import ROOT, project_env

WHEN = datetime(2026, 6, 30, 1, 2, 3, tzinfo=UTC)
PAGE = "<html><body><p>Satu — dua</p></body></html>".encode()


def capture(number: int = 0, body: bytes = PAGE, role: str = "article") -> Capture:
    return Capture(
        url=f"https://www.nusadaily.com/berita-{number}?page=2",
        fetched_at=WHEN,
        status=200,
        headers=[("Content-Type", "text/html; charset=UTF-8"), ("Content-Encoding", "gzip")],
        body=gzip.compress(body),
        request_headers=[("User-Agent", "newscrawl-test")],
        ip_address="127.0.0.1",
        role=role,
    )


def warcio_check(*paths: Path) -> subprocess.CompletedProcess[str]:
    """``warcio check`` as a user runs it: every record's digests, every file."""
    return subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", "-v", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def gzip_members(path: Path) -> int:
    """How many gzip members the file holds (a whole-file gzip would be one)."""
    data, members = path.read_bytes(), 0
    while data:
        inflater = zlib.decompressobj(wbits=31)
        inflater.decompress(data)
        assert inflater.eof, f"{path.name}: a cut gzip member"
        data = inflater.unused_data
        members += 1
    return members


def test_captures_are_request_and_response_records_as_received(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, "20260630T010203Z", 1 << 30, {"newscrawl-outlet": "x"})
    writer.write(capture(0))
    writer.write(capture(1))
    assert [p.name for p in tmp_path.iterdir()] == ["20260630T010203Z.warc.gz.open"]
    (path,) = writer.close()
    assert path == tmp_path / "20260630T010203Z.warc.gz"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    check = warcio_check(path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("digest pass") == 5
    assert gzip_members(path) == 5  # warcinfo + 2 x (request, response): one member each
    with path.open("rb") as stream:
        records = list(_read(stream))
    assert [r[0] for r in records] == ["warcinfo", "request", "response", "request", "response"]
    assert b"newscrawl-outlet: x" in records[0][2]
    _, request, _ = records[1]
    _, response, payload = records[2]
    assert request["WARC-Concurrent-To"] == response["WARC-Record-ID"]
    assert response["WARC-Target-URI"] == "https://www.nusadaily.com/berita-0?page=2"
    assert response["WARC-Date"] == "2026-06-30T01:02:03Z"
    assert response["WARC-IP-Address"] == "127.0.0.1"
    assert response[ROLE_HEADER] == "article"
    # The body as received: still gzip, its digest over those bytes.
    assert gzip.decompress(payload) == PAGE
    digest = base64.b32encode(hashlib.sha1(payload).digest()).decode()
    assert response["WARC-Payload-Digest"] == f"sha1:{digest}"


def _read(stream: object) -> list[tuple[str, dict[str, str], bytes]]:
    found = []
    for record in ArchiveIterator(stream):
        headers = dict(record.rec_headers.headers)
        if record.http_headers is not None and record.rec_type == "response":
            body = record.raw_stream.read()  # the payload without decoding it
        else:
            body = record.content_stream().read()
        found.append((record.rec_type, headers, body))
    return found


def test_a_full_file_is_closed_and_the_next_one_started(tmp_path: Path) -> None:
    pair = len(capture_records(capture()))
    info = len(warcinfo_record("x", {}))
    writer = ArchiveWriter(tmp_path, "run", info + 2 * pair + 100, {})
    for number in range(5):
        writer.write(capture(number))
    paths = writer.close()
    assert [p.name for p in paths] == ["run.warc.gz", "run_0001.warc.gz", "run_0002.warc.gz"]
    assert warcio_check(*paths).returncode == 0
    uris = []
    for path in paths:
        with path.open("rb") as stream:
            records = _read(stream)
        assert records[0][0] == "warcinfo"  # each file stands alone
        uris += [h["WARC-Target-URI"] for kind, h, _ in records if kind == "response"]
    assert uris == [capture(n).url for n in range(5)]


def member_ends(data: bytes) -> list[int]:
    """The offsets where the gzip members of ``data`` end."""
    ends, position = [], 0
    while position < len(data):
        inflater = zlib.decompressobj(wbits=31)
        inflater.decompress(data[position:])
        position = len(data) - len(inflater.unused_data)
        ends.append(position)
    return ends


def test_every_member_says_its_own_length_and_others_say_nothing() -> None:
    data = warcinfo_record("x.warc.gz", {}) + b"".join(
        capture_records(capture(n)) for n in range(3)
    )
    starts = [0, *member_ends(data)[:-1]]
    for start, end in zip(starts, member_ends(data), strict=True):
        found = member_length(data[start : start + 64])
        assert found is not None and found[1] == end - start
    assert member_length(gzip.compress(PAGE)) is None  # another writer's member
    assert member_length(data[1:64]) is None


#: Where a kill stops the third capture's write: before it, inside its request record,
#: inside its response record, or in the last bytes (the gzip trailer).
CUTS = {"between": 0.0, "in-request": 0.5, "in-response": 1.5, "trailer": 1.99}


@pytest.mark.parametrize("where", CUTS)
def test_a_killed_runs_archive_is_cut_to_its_last_whole_record(tmp_path: Path, where: str) -> None:
    whole = warcinfo_record("k.warc.gz", {}) + capture_records(capture(0))
    whole += capture_records(capture(1))
    third = capture_records(capture(2))
    request_end, response_end = member_ends(third)
    share = CUTS[where]
    if share < 1:
        cut = int(request_end * share)
    else:
        cut = request_end + int((response_end - request_end) * (share - 1))
    path = tmp_path / "20260629T000000Z.warc.gz.open"
    path.write_bytes(whole + third[:cut])
    assert leftovers(tmp_path) == [path]
    closed = repair(path)
    assert closed == tmp_path / "20260629T000000Z.warc.gz"
    assert not path.exists()
    assert warcio_check(closed).returncode == 0
    with closed.open("rb") as stream:
        records = _read(stream)
    responses = [h["WARC-Target-URI"] for t, h, _ in records if t == "response"]
    assert responses == [capture(0).url, capture(1).url]
    # What is kept ends on a whole record: the third capture's request if it was whole.
    kept_request = cut >= request_end
    assert closed.stat().st_size == len(whole) + (request_end if kept_request else 0)
    assert [t for t, _, _ in records].count("request") == 2 + kept_request


def test_an_archive_without_a_whole_record_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "20260629T000000Z.warc.gz.open"
    path.write_bytes(warcinfo_record("x", {})[:30])
    assert repair(path) is None
    assert list(tmp_path.iterdir()) == []


def test_an_archive_being_written_is_no_leftover(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, "live", 1 << 30, {})
    writer.write(capture())
    killed = tmp_path / "20260629T000000Z.warc.gz.open"
    killed.write_bytes(warcinfo_record("x", {}) + capture_records(capture())[:50])
    assert leftovers(tmp_path) == [killed]  # not live.warc.gz.open: its writer holds it
    writer.close()


def test_the_middleware_keeps_the_response_as_received_and_dates_the_record(
    tmp_path: Path,
) -> None:
    middleware = ArchiveMiddleware(ArchiveWriter(tmp_path, "run", 1 << 30, {}))
    request = Request("https://www.nusadaily.com/a", meta={"newscrawl_link": "x"})
    body = gzip.compress(PAGE)
    headers = {"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}
    response = Response(request.url, body=body, headers=headers, request=request)
    later = Request("https://www.nusadaily.com/a?page=2", meta={"newscrawl_remaining": []})
    feed = Request("https://www.nusadaily.com/rss")
    replayed = Request("https://www.nusadaily.com/b")

    async def crawl() -> list[Path]:
        # As Scrapy's asyncio reactor runs it: the writer process writes.
        assert await middleware.process_response(request, response) is response
        # Written before the response goes on to the spider.
        assert [p.name for p in tmp_path.iterdir()] == ["run.warc.gz.open"]
        assert b"/a" in gzip.decompress(tmp_path.joinpath("run.warc.gz.open").read_bytes())
        await middleware.process_response(later, HtmlResponse(later.url, body=PAGE, request=later))
        await middleware.process_response(feed, Response(feed.url, body=b"<rss/>", request=feed))
        flags = ["replay"]
        await middleware.process_response(
            replayed, Response(replayed.url, request=replayed, flags=flags)
        )
        return await middleware.close()

    (path,) = asyncio.run(crawl())
    assert path == tmp_path / "run.warc.gz"
    assert [p.name for p in tmp_path.iterdir()] == ["run.warc.gz"]
    with path.open("rb") as stream:
        responses = [(h, b) for t, h, b in _read(stream) if t == "response"]
    assert [h[ROLE_HEADER] for h, _ in responses] == ["article", "later-page", "discovery"]
    assert responses[0][0]["WARC-Target-URI"] == request.url
    first, payload = responses[0]
    assert payload == body  # not decoded: HttpCompressionMiddleware comes after
    # The spider's fetch time of the response is its capture's WARC-Date.
    fetched = NewsSpider(name="x").fetched_at(response)
    assert fetched == request.meta[FETCHED_AT]
    assert fetched.strftime("%Y-%m-%dT%H:%M:%SZ") == first["WARC-Date"]


def test_the_http_headers_drop_the_transfer_encoding_only(tmp_path: Path) -> None:
    middleware = ArchiveMiddleware(ArchiveWriter(tmp_path, "run", 1 << 30, {}))
    request = Request("https://www.nusadaily.com/a")
    headers = {"Content-Encoding": "gzip", "Transfer-Encoding": "chunked", "X-Cache": "HIT"}
    body = gzip.compress(PAGE)
    # Without an asyncio event loop (another Twisted reactor) it writes in this process.
    coroutine = middleware.process_response(
        request, Response(request.url, body=body, headers=headers, request=request)
    )
    with pytest.raises(StopIteration):
        coroutine.send(None)
    (path,) = asyncio.run(middleware.close())
    with path.open("rb") as stream:
        (record,) = [r for r in ArchiveIterator(stream) if r.rec_type == "response"]
        names = [name.lower() for name, _ in record.http_headers.headers]
    assert names == ["content-encoding", "x-cache"]


def test_where_the_archive_goes() -> None:
    stamp = "20260630T010203Z"
    settings = Settings({"NEWSCRAWL_OUTPUT_DIR": "output/%(name)s"})
    settings.set("NEWSCRAWL_ARCHIVE", "%(output_dir)s")
    assert archive_target(settings, "detik", stamp) == (Path("output/detik"), stamp)
    settings.set("NEWSCRAWL_ARCHIVE", "/warc/%(name)s-%(stamp)s.warc.gz")
    assert archive_target(settings, "detik", stamp) == (Path("/warc"), f"detik-{stamp}")
    settings.set("NEWSCRAWL_ARCHIVE", "")
    assert archive_target(settings, "detik", stamp) is None
    assert size_setting("1G") == size_setting(1 << 30) == 1 << 30
    assert size_setting("500M") == 500 << 20
    with pytest.raises(ValueError, match="NEWSCRAWL_ARCHIVE_MAX_SIZE"):
        size_setting("lots")


def test_the_writer_process_closes_the_archive_when_the_crawl_process_is_gone(
    tmp_path: Path,
) -> None:
    def frame(message: object) -> bytes:
        data = pickle.dumps(message)
        return struct.pack("!I", len(data)) + data

    writer = subprocess.Popen(
        [sys.executable, "-m", "newscrawl.keep.archiver"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,  # its answers: nobody is reading them any more
        cwd=ROOT,
        env=project_env(),
    )
    assert writer.stdin is not None
    opening = frame(("open", 0, (str(tmp_path), "killed", 1 << 30, {})))
    written = [frame(("write", 0, capture(n))) for n in range(3)]
    # The crawl process died while sending its third capture: its pipe ends there.
    writer.stdin.write(opening + written[0] + written[1] + written[2][:100])
    writer.stdin.close()
    assert writer.wait(timeout=60) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["killed.warc.gz"]
    with (tmp_path / "killed.warc.gz").open("rb") as stream:
        uris = [h["WARC-Target-URI"] for t, h, _ in _read(stream) if t == "response"]
    assert uris == [capture(0).url, capture(1).url]


def test_the_crawls_of_one_process_share_one_writer_process(tmp_path: Path) -> None:
    outlets = ("detik", "kompas")
    middlewares = [
        ArchiveMiddleware(ArchiveWriter(tmp_path / o, "run", 1 << 30, {})) for o in outlets
    ]

    async def crawl_all() -> list[list[Path]]:
        for number, middleware in enumerate(middlewares):
            request = Request(f"https://www.{outlets[number]}.com/a")
            await middleware.process_response(request, Response(request.url, request=request))
        writers = {id(m._process) for m in middlewares}
        assert len(writers) == 1 and None not in writers
        return [await middleware.close() for middleware in middlewares]

    closed = asyncio.run(crawl_all())
    assert closed == [[tmp_path / o / "run.warc.gz"] for o in outlets]
