"""WARC writing and the replay middleware."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse
from scrapy.settings import Settings
from w3lib.url import canonicalize_url

from newscrawl.discover.middlewares import FETCHED_AT, BackoffRetryMiddleware, ReplayMiddleware
from newscrawl.keep.warc import _CANONICAL, SavedResponse, WarcArchive, lookup_key, write_warc

WHEN = datetime(2026, 6, 30, 1, 2, 3, tzinfo=UTC)
PAGES = [
    SavedResponse(
        "https://www.nusadaily.com/a",
        200,
        [("Content-Type", "text/html; charset=UTF-8")],
        "<html><body><p>Satu — dua</p></body></html>".encode(),
        WHEN,
    ),
    SavedResponse(
        "https://www.nusadaily.com/rss/latest-posts",
        200,
        [("Content-Type", "application/rss+xml")],
        b"<rss></rss>",
        WHEN,
    ),
    SavedResponse(
        "https://www.nusadaily.com/broken", 500, [("Content-Type", "text/html")], b"oops", WHEN
    ),
]


@pytest.fixture(params=["site.warc", "site.warc.gz"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> WarcArchive:
    path = tmp_path / request.param
    assert write_warc(path, PAGES) == 3
    return WarcArchive([path])


def test_archive_returns_what_was_written(archive: WarcArchive) -> None:
    saved = archive.get("https://www.nusadaily.com/a")
    assert saved is not None
    assert saved.body == PAGES[0].body
    assert saved.status == 200
    assert saved.fetched_at == WHEN
    assert ("Content-Type", "text/html; charset=UTF-8") in saved.headers


def test_scheme_and_query_order_do_not_matter(archive: WarcArchive) -> None:
    assert archive.get("http://www.nusadaily.com/a") is not None
    assert archive.get("https://www.nusadaily.com/missing") is None


def test_replay_answers_requests_and_404s_the_rest(archive: WarcArchive) -> None:
    middleware = ReplayMiddleware(archive)
    request = Request("https://www.nusadaily.com/a")
    response = middleware.process_request(request)
    assert isinstance(response, HtmlResponse)
    assert "Satu — dua" in response.text
    assert request.meta[FETCHED_AT] == WHEN
    feed = middleware.process_request(Request("https://www.nusadaily.com/rss/latest-posts"))
    assert isinstance(feed, TextResponse)
    assert middleware.process_request(Request("https://www.nusadaily.com/broken")).status == 500
    assert middleware.process_request(Request("https://www.nusadaily.com/nope")).status == 404


def test_later_captures_of_a_url_win(tmp_path: Path) -> None:
    first = tmp_path / "old.warc.gz"
    second = tmp_path / "new.warc.gz"
    write_warc(first, [PAGES[0]])
    write_warc(second, [SavedResponse(PAGES[0].url, 200, [], b"<p>baru</p>", WHEN)])
    assert WarcArchive([first, second]).get(PAGES[0].url).body == b"<p>baru</p>"  # type: ignore[union-attr]


def _w3lib_key(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False).split("://", 1)[-1]


def test_plain_urls_are_keyed_without_w3lib() -> None:
    # The keys of the usual article URLs are read directly: without this the test below
    # would pass on a pattern that never matches.
    for url in (
        "https://www.kompas.com/read/2023/11/02/213419026/menhub-bocorkan",
        "http://news.detik.com/berita/2943745/mahasiswa-ugm?copy=12",
        "https://www.antaranews.com/",
        "https://m.liputan6.com/news/read/5480123/judul-berita/",
    ):
        assert _CANONICAL.match(url), url
        assert lookup_key(url) == _w3lib_key(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://WWW.Kompas.com/read/a",  # host case
        "https://www.kompas.com/read/./a/../b",  # dot segments
        "https://www.kompas.com/a?b=2&a=1",  # query order
        "https://www.kompas.com/a#top",  # fragment
        "https://www.kompas.com/a%7eb%2Fc",  # escapes
        "https://www.kompas.com",  # no path
        "https://www.kompas.com/a?b",  # a key without a value
        "https://www.kompas.com:443/a",  # a port
        "https://xn--bcher-kva.example/a",  # IDNA
        "https://bücher.example/a",
        "https://1.2.3.4/a",  # an address
        "https://www.kompas.com/a b",
        " https://www.kompas.com/a",
    ],
)
def test_other_urls_get_w3lib_keys(url: str) -> None:
    assert lookup_key(url) == _w3lib_key(url)


_PIECE = st.text(alphabet="abzAZ09._~-%/?=&#:;+@", max_size=8)


@settings(max_examples=3000, deadline=None)
@given(
    scheme=st.sampled_from(["http", "https", "HTTPS", "ftp"]),
    labels=st.lists(st.text(alphabet="aAz09-.", min_size=1, max_size=6), min_size=1, max_size=3),
    top=st.text(alphabet="acmoz0", min_size=1, max_size=4),
    pieces=st.lists(_PIECE, max_size=5),
)
def test_url_keys_equal_w3lib_canonical_form(
    scheme: str, labels: list[str], top: str, pieces: list[str]
) -> None:
    url = f"{scheme}://{'.'.join([*labels, top])}/{'/'.join(pieces)}"
    try:
        expected = _w3lib_key(url)
    except ValueError:  # w3lib refuses it: the pattern must not take it either
        assert not _CANONICAL.match(url)
        return
    assert lookup_key(url) == expected


def test_backoff_grows_and_is_capped() -> None:
    settings = Settings(
        {
            "RETRY_ENABLED": True,
            "NEWSCRAWL_RETRY_BACKOFF_BASE": 2.0,
            "NEWSCRAWL_RETRY_BACKOFF_MAX": 5.0,
        }
    )
    middleware = BackoffRetryMiddleware(settings)
    assert [middleware.backoff(n) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]
