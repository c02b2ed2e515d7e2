"""``newscrawl reparse`` over third-party archives: Common Crawl's shape, every fixture page."""

from __future__ import annotations

import fcntl
import gzip
import io
import json
import os
import pty
import struct
import sys
import termios
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawl.api import parse_article
from newscrawl.dates import JAKARTA
from newscrawl.errors import ArticleError
from newscrawl.keep.archive import ArchiveWriter, Capture, member_length
from newscrawl.reparse import index as index_module
from newscrawl.reparse import worker
from newscrawl.reparse.command import summary, window
from newscrawl.reparse.index import build_index
from newscrawl.reparse.run import Reparse
from tests.cases import ROOT, Case, load_cases, read_page, run_project

HTML = "text/html; charset=UTF-8"
LATER = timedelta(days=3)
NOW = datetime(2026, 11, 1, 5, tzinfo=UTC)


class CommonCrawlWarc:
    """A WARC as Common Crawl / CC-NEWS write them (warcio, not our writer): warcinfo, then
    request, response and metadata records per fetch; revisits for payloads seen before."""

    def __init__(self, path: Path) -> None:
        self.stream = path.open("wb")
        self.writer = WARCWriter(self.stream, gzip=True, warc_version="1.0")
        info = {"software": "Apache Nutch 1.20 (modified)", "isPartOf": "CC-NEWS"}
        self.writer.write_record(self.writer.create_warcinfo_record(path.name, info))

    def fetch(
        self,
        url: str,
        body: bytes,
        when: datetime,
        *,
        status: str = "200 OK",
        headers: list[tuple[str, str]] | None = None,
        encoding: str = "",
    ) -> None:
        """One fetch; ``encoding``: "" (identity), "gzip+chunked" (as on the wire) or
        "decoded" (CC's way: payload decoded, the headers renamed to X-Crawler-*)."""
        http = list(headers if headers is not None else [("Content-Type", HTML)])
        payload = body
        if encoding == "gzip+chunked":
            packed = gzip.compress(body)
            half = len(packed) // 2
            payload = b"".join(
                b"%x\r\n%s\r\n" % (len(p), p) for p in (packed[:half], packed[half:], b"")
            )
            http += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
        elif encoding == "decoded":
            http += [("X-Crawler-Content-Encoding", "gzip"), ("Content-Length", str(len(body)))]
        else:
            http.append(("Content-Length", str(len(body))))
        date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        request = self.writer.create_warc_record(
            url,
            "request",
            http_headers=StatusAndHeaders(
                "GET / HTTP/1.1", [("User-Agent", "CCBot/2.0")], is_http_request=True
            ),
            warc_headers_dict={"WARC-Date": date},
        )
        response = self.writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=StatusAndHeaders(status, http, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date, "WARC-Identified-Payload-Type": "text/html"},
        )
        metadata = self.writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(b"fetchTimeMs: 213\r\n"),
            length=18,
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        for record in (request, response, metadata):
            self.writer.write_record(record)

    def revisit(self, url: str, when: datetime, refers_to: datetime) -> None:
        record = self.writer.create_revisit_record(
            url,
            digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri=url,
            refers_to_date=refers_to.strftime("%Y-%m-%dT%H:%M:%SZ"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", HTML)], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")},
        )
        self.writer.write_record(record)

    def close(self) -> None:
        self.stream.close()


def own_cases() -> list[Case]:
    return [case for case in load_cases() if not case.needs_shared]


def expected_outcome(case: Case, when: datetime) -> dict[str, Any] | str:
    """What the parsing API makes of the case's pages fetched at ``when``: a record, or
    the reason it refuses them."""
    more = [(read_page(p["file"], case.outlet), p["url"]) for p in case.more_pages]
    try:
        return parse_article(case.html(), case.url, when, content_type=HTML, more_pages=more)
    except ArticleError as exc:
        return exc.reason


def run(paths: list[Path], **options: Any) -> tuple[list[dict[str, Any]], Counter[str]]:
    out = io.StringIO()
    stats = Reparse(paths, out, **{"workers": 2, **options}).run()
    return [json.loads(line) for line in out.getvalue().splitlines()], stats


@pytest.fixture(scope="module")
def common_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    """Every own fixture case of every outlet as one CC-shaped archive, with the kinds of
    captures a crawl of the open web also holds."""
    path = tmp_path_factory.mktemp("cc") / "CC-NEWS-20261101000000-00001.warc.gz"
    warc = CommonCrawlWarc(path)
    cases = own_cases()
    encodings = ["", "gzip+chunked", "decoded"]
    for number, case in enumerate(cases):
        encoding = encodings[number % 3]
        warc.fetch(case.url, case.html(), case.fetched_at, encoding=encoding)
        for page in case.more_pages:
            warc.fetch(page["url"], read_page(page["file"], case.outlet), case.fetched_at)
    first = cases[0]
    warc.fetch("https://example.org/news/1", b"<html><body><p>Other news</p></body></html>", NOW)
    warc.fetch(
        "https://www.nusadaily.com/logo.png",
        b"\x89PNG\r\n",
        NOW,
        headers=[("Content-Type", "image/png")],
    )
    warc.fetch("https://www.detik.com/gone", b"<html></html>", NOW, status="404 Not Found")
    warc.fetch(
        "https://www.kompas.com/moved",
        b"",
        NOW,
        status="301 Moved Permanently",
        headers=[("Location", "https://www.kompas.com/")],
    )
    # The first case's page again, three days on, unchanged: a revisit record.
    warc.revisit(first.url, first.fetched_at + LATER, refers_to=first.fetched_at)
    warc.revisit("https://www.detik.com/never-captured", NOW, refers_to=NOW)
    warc.close()
    return path, cases


def test_a_third_party_archive_gives_what_the_parsing_api_gives_every_page(
    common_crawl: tuple[Path, list[Case]],
) -> None:
    path, cases = common_crawl
    records, stats = run([path])
    by_url = {record["url"]: record for record in records}
    assert len(by_url) == len(records), "a record was emitted twice"
    refused: Counter[str] = Counter()
    seen: set[str] = set()
    for number, case in enumerate(cases):
        # The revisit made the first case's latest capture three days later.
        when = case.fetched_at + (LATER if number == 0 else timedelta())
        expected = expected_outcome(case, when)
        if isinstance(expected, str):
            refused[expected] += 1
        elif expected["url"] in seen:  # two views of one article (detik's ?single=1)
            refused["duplicate"] += 1
        else:
            seen.add(expected["url"])
            assert by_url.pop(expected["url"], None) == expected, case.id
    assert not by_url, f"records of no case: {sorted(by_url)}"
    # Listings and galleries of a web archive are no loss: skipped; other refusals dropped.
    not_articles = refused.pop("not_an_article")
    dropped = {k.split("/")[-1]: v for k, v in stats.items() if k.startswith("newscrawl/dropped/")}
    assert dropped == dict(refused)
    skipped = {k.split("/")[-1]: v for k, v in stats.items() if k.startswith("newscrawl/skipped/")}
    assert skipped == {
        # example.org's page too: the generic parser finds no article in it.
        "not_an_article": not_articles + 1,
        "not_html": 1,  # the PNG
        "http_404": 1,
        "redirect": 1,
        "earlier_capture": 1,  # the first case's page, revisited later
        "revisit_without_payload": 1,
    }
    assert stats["newscrawl/records"] == len(records)
    assert stats["newscrawl/reparse/records/revisit"] == 2


def test_the_index_steps_over_our_members_and_reads_on_with_fastwarc_where_they_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index read from our members' lengths is the one FastWARC reading every byte
    gives: headers of every size (inflated in steps, or the whole member), and a foreign
    archive appended, read from its first member on."""
    writer = ArchiveWriter(tmp_path, "run", 1 << 30, {"newscrawl-outlet": "nusadaily"})
    page = b"<html><body>" + b"<p>isi berita</p>" * 4000 + b"</body></html>"
    for number, cookie in enumerate((0, 3000, 9000, 20000)):
        headers = [("Content-Type", HTML), ("Set-Cookie", "k=" + "v" * cookie)]
        url = f"https://www.nusadaily.com/berita-{number}"
        writer.write(Capture(url, NOW, 200, headers, page, role="article"))
    writer.write(Capture("https://www.nusadaily.com/sitemap.xml", NOW, 200, [], b"<urlset/>"))
    ours = writer.close()[0]
    own_size = ours.stat().st_size
    foreign = tmp_path / "cc.warc.gz"
    warc = CommonCrawlWarc(foreign)
    warc.fetch("https://www.nusadaily.com/berita-0", page, NOW + LATER)
    warc.revisit("https://www.nusadaily.com/berita-1", NOW + LATER, refers_to=NOW)
    warc.close()
    with ours.open("ab") as out:
        out.write(foreign.read_bytes())

    read_from: list[int] = []
    fastwarc = index_module.ArchiveIterator

    def spied(stream: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(stream, io.BytesIO):  # not a member's headers: a file read on
            read_from.append(stream.tell())
        return fastwarc(stream, *args, **kwargs)

    monkeypatch.setattr(index_module, "ArchiveIterator", spied)
    stepped = build_index([ours])
    assert read_from == [own_size]  # FastWARC read only the foreign part
    monkeypatch.setattr(index_module, "member_length", lambda head: None)
    read_from.clear()
    full = build_index([ours])
    assert read_from == [0]
    fields = ("file", "offset", "payload", "status", "role", "kind", "superseded", "latest")
    assert len(stepped) == 7
    for name in (*fields, "records", "outlets"):
        assert getattr(stepped, name) == getattr(full, name), name


def test_a_revisit_that_names_no_earlier_url_takes_the_payload_of_its_own(
    tmp_path: Path,
) -> None:
    """A revisit without WARC-Refers-To-Target-URI points at the latest capture of its own
    URL; one that names another URL, at that URL's."""
    path = tmp_path / "revisits.warc.gz"
    warc = CommonCrawlWarc(path)
    page = b"<html><body><p>isi berita</p></body></html>"
    warc.fetch("https://www.detik.com/berita/a", page, NOW)
    warc.fetch("https://www.detik.com/berita/b", page, NOW)
    for url, refers_to in [
        ("https://www.detik.com/berita/a", None),
        ("https://www.detik.com/berita/c", "https://www.detik.com/berita/b"),
    ]:
        record = warc.writer.create_revisit_record(
            url,
            digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri=refers_to or url,
            refers_to_date="2026-10-31T04:00:00Z",
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", HTML)], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2026-10-31T05:00:00Z"},
        )
        if refers_to is None:
            record.rec_headers.remove_header("WARC-Refers-To-Target-URI")
        warc.writer.write_record(record)
    warc.close()

    index = build_index([path])
    # Captures 0 and 1 are the two responses; the revisits come after them.
    own = index.find("https://www.detik.com/berita/a")
    named = index.find("https://www.detik.com/berita/c")
    assert own is not None and named is not None and min(own, named) >= 2
    assert index.payload[own] == 0
    assert index.payload[named] == 1


def test_a_damaged_member_ends_the_index_of_its_file_counted_not_fatal(tmp_path: Path) -> None:
    """Deflated bytes broken inside one of our members: the captures before it stand, the
    member is counted unreadable, and the index goes on with the next file."""
    writer = ArchiveWriter(tmp_path, "run", 1 << 30, {"newscrawl-outlet": "nusadaily"})
    page = b"<html><body>" + b"<p>isi berita</p>" * 200 + b"</body></html>"
    urls = [f"https://www.nusadaily.com/berita-{number}" for number in range(3)]
    for url in urls:
        writer.write(Capture(url, NOW, 200, [("Content-Type", HTML)], page, role="article"))
    data = bytearray(writer.close()[0].read_bytes())
    starts = [0]
    while starts[-1] < len(data):
        found = member_length(bytes(data[starts[-1] : starts[-1] + 64]))
        assert found is not None
        starts.append(starts[-1] + found[1])
    # Members: warcinfo, then each capture's response and request. Break the second response.
    second = starts[3] + member_length(bytes(data[starts[3] : starts[3] + 64]))[0]
    data[second : second + 40] = bytes(b ^ 0xAA for b in data[second : second + 40])
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(bytes(data))
    other = tmp_path / "other.warc.gz"
    warc = CommonCrawlWarc(other)
    warc.fetch("https://www.nusadaily.com/lain", page, NOW)
    warc.close()

    index = build_index([damaged, other])
    assert index.find(urls[0]) is not None
    assert index.find(urls[1]) is None
    assert index.find("https://www.nusadaily.com/lain") is not None
    assert index.records["unreadable"] == 1


def test_long_http_headers_are_read_and_an_unreadable_record_is_counted_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 40 kB Set-Cookie (past FastWARC's default limit, which ended the re-parse) is read
    in our members and in a foreign archive; headers past our limit cost their record only,
    and a file cut mid-record keeps what came before the cut."""
    case = next(c for c in own_cases() if c.outlet == "nusadaily" and not c.error)
    html = case.html()
    long_cookie = [("Content-Type", HTML), ("Set-Cookie", "k=" + "v" * 40_000)]
    huge_cookie = [("Content-Type", HTML), ("Set-Cookie", "k=" + "v" * 70_000)]
    writer = ArchiveWriter(tmp_path, "run", 1 << 30, {"newscrawl-outlet": "nusadaily"})
    writer.write(Capture(case.url, case.fetched_at, 200, long_cookie, html, role="article"))
    writer.write(Capture(case.url + "?x=1", NOW, 200, huge_cookie, html, role="article"))
    ours = writer.close()[0]
    foreign = tmp_path / "cc.warc.gz"
    warc = CommonCrawlWarc(foreign)
    warc.fetch(case.url, html, case.fetched_at, headers=long_cookie)
    warc.fetch(case.url + "?x=2", html, NOW, headers=huge_cookie)
    warc.fetch("https://www.nusadaily.com/after", b"<html></html>", NOW)
    warc.close()
    with foreign.open("rb") as stream:
        after = next(
            r.stream_pos
            for r in index_module.ArchiveIterator(stream, parse_http=False)
            if r.headers.get("WARC-Target-URI", "").endswith("/after")
        )
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(foreign.read_bytes()[: after + 60])

    monkeypatch.setattr(index_module, "MAX_HEADER_BYTES", 60_000)
    for path in (ours, foreign):
        index = build_index([path])
        assert index.records["unreadable"] == 1, path.name
        assert index.find(case.url) is not None and index.find(case.url + "?x=1") is None
    assert build_index([foreign]).find("https://www.nusadaily.com/after") is not None
    index = build_index([cut])
    assert index.find(case.url) is not None
    assert index.find("https://www.nusadaily.com/after") is None
    # The huge headers; then the cut, where FastWARC raises (counted) or stops without a word,
    # as the record IDs of this run made the bytes around it.
    assert index.records["unreadable"] in (1, 2)

    own_cut = tmp_path / "own-cut.warc.gz"
    own_cut.write_bytes(ours.read_bytes()[:-100])  # the second member cut short
    index = build_index([own_cut])
    assert index.find(case.url) is not None
    assert index.records["unreadable"] == 1 and index.records["response"] == 1

    records, stats = run([ours, foreign], workers=1)
    expected = parse_article(html, case.url, case.fetched_at, content_type=HTML)
    assert records == [expected]
    assert stats["newscrawl/reparse/records/unreadable"] == 2
    assert summary(stats).endswith(
        " captures skipped (earlier_capture: 1), 2 archive records unreadable"
    )
    assert "unreadable" not in summary(Counter({"newscrawl/records": 1}))


def test_later_pages_join_their_article_and_a_missing_one_drops_it(tmp_path: Path) -> None:
    (case,) = [c for c in own_cases() if c.id == "cnnindonesia/2026-gaya-hidup-kebiasaan-jantung"]
    pages = [(case.url, case.html())] + [
        (p["url"], read_page(p["file"], case.outlet)) for p in case.more_pages
    ]
    complete, cut = tmp_path / "complete.warc.gz", tmp_path / "cut.warc.gz"
    for path, kept in ((complete, pages), (cut, pages[:-1])):
        warc = CommonCrawlWarc(path)
        for number, (url, body) in enumerate(kept):
            warc.fetch(url, body, case.fetched_at + timedelta(minutes=number))
        warc.close()
    last_fetch = case.fetched_at + timedelta(minutes=len(pages) - 1)
    records, stats = run([complete])
    # One record from all three pages, dated by its last page, as a crawl dates it.
    assert records == [expected_outcome(case, last_fetch)]
    assert stats["newscrawl/article_pages"] == 3
    records, stats = run([cut])
    assert records == []
    assert stats["newscrawl/dropped/missing_page"] == 1


def test_outlet_and_date_filters(common_crawl: tuple[Path, list[Case]]) -> None:
    path, _ = common_crawl
    records, stats = run([path], outlet="detik")
    assert records and {r["outlet"] for r in records} == {"detik"}
    assert stats["newscrawl/skipped/other_outlet"] > 0
    everything, all_stats = run([path])
    day = jakarta_day(everything[len(everything) // 2])
    records, stats = run([path], window=window(day, day))
    # Jakarta days, as the crawl's -a since/until: a WIT article at 00:30 is the day before.
    assert records == [r for r in everything if jakarta_day(r) == day]
    parsed = all_stats["newscrawl/parsed"]
    assert stats["newscrawl/skipped/out_of_range"] == parsed - len(records)


def jakarta_day(record: dict[str, Any]) -> date:
    return datetime.fromisoformat(record["published_at"]).astimezone(JAKARTA).date()


def test_output_does_not_depend_on_timing(common_crawl: tuple[Path, list[Case]]) -> None:
    path, _ = common_crawl
    one, _ = run([path], workers=1)
    assert run([path])[0] == one


def test_command_writes_records_counts_and_compares(
    common_crawl: tuple[Path, list[Case]], tmp_path: Path
) -> None:
    path, _ = common_crawl
    records, _ = run([path])
    # An earlier output: one body differed, one article was not there, one is gone now.
    previous = [dict(r) for r in records[1:]]
    previous[0]["body"] = previous[0]["body"].replace(" ", "  ", 1)
    previous[1]["tags"] = [*previous[1]["tags"], "Lama"]
    gone = {**records[2], "url": "https://www.nusadaily.com/dihapus"}
    earlier = tmp_path / "previous.jsonl"
    earlier.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*previous, gone]), "utf-8"
    )
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newscrawl.cli", "reparse", str(path), "-o", str(out)]
    proc = run_project([*command, "--compare", str(earlier), "--workers", "2"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert [json.loads(line) for line in out.read_text("utf-8").splitlines()] == records
    assert not out.with_name("out.jsonl.part").exists()
    assert proc.stderr.startswith(f"reparse: {len(records)} records, ")
    # example.org's page has no article markup: the generic parser refuses it.
    assert "not_an_article: " in proc.stderr and "unsupported_site" not in proc.stderr
    report = proc.stdout.splitlines()
    both = len(records) - 1
    assert report[0] == (
        f"compared with {earlier}: {len(records)} records before, {len(records)} now; "
        f"{both} in both, 1 only before, 1 only now"
    )
    assert report[1] == f"{both - 2} unchanged, 2 changed"
    # Fields in the record's order, with how many changed and their share.
    assert [line.split() for line in report[2:5]] == [
        ["field", "changed"],
        ["tags", "1", f"({1 / both:.1%})"],
        ["body", "1", f"({1 / both:.1%})"],
    ]
    assert f"body: {records[1]['url']}" in report
    assert f"only before: {gone['url']}" in report
    assert f"only now: {records[0]['url']}" in report


def test_a_parser_bug_loses_one_page_and_a_false_content_encoding_is_read_as_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = [c for c in own_cases() if c.outlet == "nusadaily" and not c.error][:2]
    path = tmp_path / "archive.warc.gz"
    warc = CommonCrawlWarc(path)
    # Stored decoded, the Content-Encoding header kept (some archivers do).
    headers = [("Content-Type", HTML), ("Content-Encoding", "gzip")]
    warc.fetch(first.url, first.html(), first.fetched_at, headers=headers)
    warc.fetch(second.url, second.html(), second.fetched_at)
    warc.close()
    real_parse = worker.parse_fetched

    def buggy(pages: list[Any], *args: Any) -> Any:
        if pages[0].url == second.url:
            raise RuntimeError("a parser bug")
        return real_parse(pages, *args)

    # The workers are forked from this process: they run the patched function.
    monkeypatch.setattr(worker, "parse_fetched", buggy)
    records, stats = run([path])
    assert records == [expected_outcome(first, first.fetched_at)]
    assert stats["newscrawl/dropped/parser_error"] == 1


def test_a_page_that_kills_its_worker_is_given_up_and_no_other_page_is_lost(
    common_crawl: tuple[Path, list[Case]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, cases = common_crawl
    everything, _ = run([path])
    killer = next(c for c in cases[10:] if not c.error and not c.more_pages)
    real_parse = worker.parse_fetched

    def crashing(pages: list[Any], *args: Any) -> Any:
        if pages[0].url == killer.url:
            os._exit(70)  # as a segfault in the HTML parser would end it
        return real_parse(pages, *args)

    monkeypatch.setattr(worker, "parse_fetched", crashing)
    records, stats = run([path])
    lost = expected_outcome(killer, killer.fetched_at)
    assert isinstance(lost, dict)
    assert records == [r for r in everything if r["url"] != lost["url"]]
    assert stats["newscrawl/dropped/worker_crashed"] == 1
    assert stats["newscrawl/parse_workers/restarts"] == 2


def test_a_terminal_shows_a_progress_bar_with_pages_per_second_and_counts(
    common_crawl: tuple[Path, list[Case]], tmp_path: Path
) -> None:
    path, _ = common_crawl
    command = [sys.executable, "-m", "newscrawl.cli", "reparse", str(path)]
    pid, terminal = pty.fork()
    if pid == 0:  # the child: stdout and stderr are the pseudo-terminal
        os.environ["PYTHONPATH"] = str(ROOT)
        os.chdir(ROOT)
        os.execv(sys.executable, [*command, "-o", str(tmp_path / "out.jsonl")])
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 160, 0, 0))
    shown = b""
    while True:
        try:
            data = os.read(terminal, 65536)
        except OSError:  # the child has exited and closed the terminal
            break
        if not data:
            break
        shown += data
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0
    last_bar = shown.decode("utf-8", "replace").replace("\r", "\n").split("reparse: ")[-2]
    assert "page/s" in last_bar
    assert f"records={len(run([path])[0])}" in last_bar


def test_pages_sent_ahead_of_the_index_give_what_waiting_for_the_index_gives(
    tmp_path: Path,
) -> None:
    """The workers parse while the index is read (run.py's ``_Ahead``). A page sent ahead
    and then superseded by a later capture of its URL is counted ``earlier_capture``, and
    pages sent ahead before a warcinfo further on named their file's outlet are parsed
    again as that outlet's: records and counts as when nothing goes ahead."""
    cases = [c for c in own_cases() if not c.more_pages]
    html = [("Content-Type", HTML)]
    nusadaily = [c for c in cases if c.outlet == "nusadaily"][:10]
    writer = ArchiveWriter(tmp_path, "run", 1 << 30, {"newscrawl-outlet": "nusadaily"})
    for case in nusadaily:
        writer.write(Capture(case.url, case.fetched_at, 200, html, case.html(), role="article"))
    first = nusadaily[0]
    # Read after the batch holding the first capture has gone ahead.
    writer.write(Capture(first.url, first.fetched_at + LATER, 200, html, first.html(), "article"))
    ours = writer.close()[0]
    # Two archives joined: another crawler's, then one of ours naming the outlet.
    joined = tmp_path / "joined.warc.gz"
    warc = CommonCrawlWarc(joined)
    for case in [c for c in cases if c.outlet == "detik"][:10]:
        warc.fetch(case.url, case.html(), case.fetched_at)
    warc.close()
    writer = ArchiveWriter(tmp_path, "tail", 1 << 30, {"newscrawl-outlet": "nusadaily"})
    writer.write(Capture(first.url + "?tail=1", NOW, 200, html, first.html(), role="article"))
    with joined.open("ab") as out:
        out.write(writer.close()[0].read_bytes())

    results = {}
    for ahead in (0, 1, 32):
        out = io.StringIO()
        reparse = Reparse([ours, joined], out, workers=2, ahead=ahead)
        stats = reparse.run()
        results[ahead] = (out.getvalue(), stats)
        # Batches of 8 go ahead: all but the last few pages, when the limit allows.
        assert len(reparse._sent) == min(8 * ahead, 16)
    assert stats["newscrawl/skipped/earlier_capture"] == 1
    # Parsed as the joined file's outlet says: nusadaily's parser, which refuses detik's pages.
    outlets = Counter(json.loads(line)["outlet"] for line in results[0][0].splitlines())
    assert set(outlets) == {"nusadaily"} and outlets["nusadaily"] >= 8
    assert results[1] == results[0]
    assert results[32] == results[0]
