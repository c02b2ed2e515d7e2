"""The base spider: date bounds, drops counted by reason, multi-page merging."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.discover.loader import spider_class
from newscrawl.discover.middlewares import FETCHED_AT
from newscrawl.discover.outlet_spider import OutletSpider

FETCHED = datetime(2026, 6, 30, 3, 0, tzinfo=UTC)

ARTICLE = """<html><head><link rel="canonical" href="https://www.nusadaily.com/{slug}"></head><body>
<div class="post-content"><h1 class="post-title">Judul {slug}</h1>
<div class="item-meta item-meta-date"><span>{date}&nbsp;-&nbsp;10:15</span></div>
<div class="post-text mt-4"><p>NUSADAILY.COM – MALANG - Isi berita {slug}.</p><p>Penutup.(*)</p></div>
</div></body></html>"""


NusadailySpider = spider_class("nusadaily")
#: The category listings among nusadaily's sources.
LISTINGS = 4


def spider(**kwargs: str) -> OutletSpider:
    crawler = get_crawler(NusadailySpider, {"NEWSCRAWL_STATE": ""})
    return NusadailySpider.from_crawler(crawler, **kwargs)


def results(callback: AsyncIterator[Any]) -> list[Any]:
    """What an article callback yields (run to the end)."""

    async def collect() -> list[Any]:
        return [item async for item in callback]

    return asyncio.run(collect())


def response(url: str, body: str | bytes) -> HtmlResponse:
    request = Request(url, meta={FETCHED_AT: FETCHED})
    data = body.encode() if isinstance(body, str) else body
    return HtmlResponse(url, body=data, request=request, headers={"Content-Type": "text/html"})


def test_article_page_becomes_a_record_with_the_replayed_fetch_time() -> None:
    s = spider()
    url = "https://www.nusadaily.com/satu"
    (record,) = results(
        s.parse_article_page(response(url, ARTICLE.format(slug="satu", date="Jun 25, 2026")))
    )
    assert record["url"] == url
    assert record["published_at"] == "2026-06-25T10:15:00+07:00"
    assert record["fetched_at"] == "2026-06-30T03:00:00+00:00"
    assert record["dateline"] == "MALANG"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty_response"),
        (ARTICLE.format(slug="x", date="tanpa tanggal"), "no_date"),
        (
            "<html><body><h1>Kategori</h1><div class='post-item'></div></body></html>",
            "not_an_article",
        ),
    ],
)
def test_bad_pages_are_counted_not_emitted(body: str | bytes, reason: str) -> None:
    s = spider()
    assert results(s.parse_article_page(response("https://www.nusadaily.com/x", body))) == []
    assert s.crawler.stats.get_value(f"newscrawl/dropped/{reason}") == 1


def test_since_until_bound_the_records() -> None:
    s = spider(since="2026-06-26", until="2026-06-28")
    inside = ARTICLE.format(slug="b", date="Jun 28, 2026")
    outside = ARTICLE.format(slug="a", date="Jun 25, 2026")
    assert len(results(s.parse_article_page(response("https://www.nusadaily.com/b", inside)))) == 1
    assert results(s.parse_article_page(response("https://www.nusadaily.com/a", outside))) == []
    assert s.crawler.stats.get_value("newscrawl/skipped/out_of_range") == 1


def test_bad_date_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        spider(since="26/06/2026")
    with pytest.raises(ValueError, match="since"):
        spider(since="2026-06-28", until="2026-06-01")


def test_days_of_a_run_follow_the_pinned_clock_in_jakarta() -> None:
    # 2026-06-30 20:00 UTC is already 1 July in Jakarta.
    crawler = get_crawler(
        NusadailySpider, {"NEWSCRAWL_STATE": "", "NEWSCRAWL_NOW": "2026-06-30T20:00:00Z"}
    )
    assert list(NusadailySpider.from_crawler(crawler).days()) == [date(2026, 7, 1)]
    bounded = NusadailySpider.from_crawler(crawler, since="2026-06-29", until="2026-06-30")
    assert list(bounded.days()) == [date(2026, 6, 29), date(2026, 6, 30)]


def test_an_unusable_listing_page_is_counted_not_raised() -> None:
    s = spider()
    assert results_of_listing(s, b"") == []
    assert s.crawler.stats.get_value("newscrawl/listing_unusable/empty_response") == 1
    cut = b"<html><body><div class='post-item'><a href='/x'>X</a>"
    assert results_of_listing(s, cut) == []
    assert s.crawler.stats.get_value("newscrawl/listing_unusable/truncated") == 1


def results_of_listing(s: OutletSpider, body: bytes) -> list[object]:
    page = response("https://www.nusadaily.com/malang-raya", body)
    return list(s.parse_index_source(page, LISTINGS, "www.nusadaily.com", None, 1, hub=False))


# -- hostile links and pages -----------------------------------------------------------------


def quiet_spider(**kwargs: str) -> OutletSpider:
    settings = {"NEWSCRAWL_STATE": "", "NEWSCRAWL_PARSE_WORKERS": "0"}
    return NusadailySpider.from_crawler(get_crawler(NusadailySpider, settings), **kwargs)


def sitemap(*urls: str) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return (
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()
    )


def test_bad_links_are_skipped_and_counted_and_the_rest_kept() -> None:
    s = quiet_spider()
    good = [f"https://www.nusadaily.com/berita-{n}" for n in range(5)]
    body = sitemap(
        good[0],
        "javascript:void(0)",
        good[1],
        "http://[::1/x",
        good[2],
        "https://www.nusadaily.com:99999/x",
        "file:///etc/hostname",
        good[3],
        "https://evil.example/x",
        good[4],
    )
    page = response("https://www.nusadaily.com/gnews/feed", body)
    requests = list(s.parse_sitemap_source(page, source=2))
    assert [r.url for r in requests] == good
    stats = s.crawler.stats
    assert stats.get_value("newscrawl/links_skipped/not_http") == 2
    assert stats.get_value("newscrawl/links_skipped/malformed") == 2
    assert stats.get_value("newscrawl/links_skipped/offsite") == 1
    assert stats.get_value("newscrawl/discovery/links") == 10
    assert stats.get_value("newscrawl/discovery/usable") == 1


def test_a_listing_walk_goes_on_past_a_bad_link() -> None:
    s = quiet_spider(since="2026-06-20", until="2026-06-30")
    body = (
        b"<html><body>"
        b'<div class="post-item"><a href="javascript:void(0)">x</a></div>'
        b'<div class="post-item"><a href="http://[::1/y">y</a></div>'
        b"</body></html>"
    )
    assert results_of_listing(s, body) == []  # no request, no exception
    assert s.crawler.stats.get_value("newscrawl/discovery/usable") == 1


def test_a_name_argument_cannot_move_the_output() -> None:
    with pytest.raises(ValueError, match="cannot rename"):
        spider(name="../../escaped")
    assert spider(name="nusadaily").name == "nusadaily"


def test_an_exception_in_a_parser_is_a_counted_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    from newscrawl import workers

    def broken(*args: object) -> None:
        raise ValueError("Port could not be cast to integer value as 'undefined'")

    monkeypatch.setattr(workers, "parse_fetched", broken)
    s = quiet_spider()
    url = "https://www.nusadaily.com/satu"
    page = response(url, ARTICLE.format(slug="satu", date="Jun 25, 2026"))
    assert results(s.parse_article_page(page)) == []
    stats = s.crawler.stats
    assert stats.get_value("newscrawl/dropped/parser_error/ValueError") == 1
    newest = NusadailySpider.outlet.versions[-1].version
    assert stats.get_value(f"newscrawl/failed/{newest}/parser_error") == 1


def test_a_redirect_to_another_site_is_not_the_outlets_article() -> None:
    s = quiet_spider()
    link = "https://www.nusadaily.com/satu"
    request = Request(
        "https://www.example.com/lain",
        meta={FETCHED_AT: FETCHED, "newscrawl_link": link, "redirect_urls": [link]},
    )
    page = HtmlResponse(
        request.url,
        body=ARTICLE.format(slug="satu", date="Jun 25, 2026").encode(),
        request=request,
        headers={"Content-Type": "text/html"},
    )
    assert results(s.parse_article_page(page)) == []
    assert s.crawler.stats.get_value("newscrawl/dropped/offsite_redirect") == 1
    # http -> https on the outlet's own host is no offsite redirect.
    assert not s.offsite_redirect("http://www.nusadaily.com/a", "https://nusadaily.com/a")


def test_failed_discovery_documents_are_counted_by_reason() -> None:
    from scrapy.exceptions import IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet.error import DNSLookupError
    from twisted.python.failure import Failure

    s = quiet_spider()
    feed = Request("https://www.nusadaily.com/rss/latest-posts")
    for error in (
        HttpError(HtmlResponse(feed.url, status=503, request=feed), "503"),
        DNSLookupError("no such host"),
        IgnoreRequest("Forbidden by robots.txt"),
    ):
        failure = Failure(error)
        failure.request = feed  # type: ignore[attr-defined]
        s.discovery_failed(failure)
    assert {
        key.rsplit("/", 1)[1]: value
        for key, value in s.crawler.stats.get_stats().items()
        if key.startswith("newscrawl/discovery/failed/")
    } == {"http_503": 1, "download_error": 1, "robots_denied": 1}


def test_gzipped_child_sitemaps_are_read_and_bombs_refused() -> None:
    import gzip

    from tests.faultsite import gzip_bomb_one_member

    s = quiet_spider()
    urls = [f"https://www.nusadaily.com/berita-{n}" for n in range(3)]
    packed = gzip.compress(sitemap(*urls))
    # Served as a file (application/gzip): the body is still gzipped when the spider gets it.
    child = response("https://www.nusadaily.com/sitemap-1.xml.gz", packed)
    assert [r.url for r in s.parse_sitemap_source(child, source=3)] == urls
    bomb = response("https://www.nusadaily.com/sitemap-2.xml.gz", gzip_bomb_one_member(100))
    assert list(s.parse_sitemap_source(bomb, source=3)) == []
    assert s.crawler.stats.get_value("newscrawl/discovery/unusable/too_large") == 1
    broken = response("https://www.nusadaily.com/sitemap-3.xml.gz", packed[:40] + b"\x00" * 40)
    assert list(s.parse_sitemap_source(broken, source=3)) == []
    assert s.crawler.stats.get_value("newscrawl/discovery/unusable/not_a_sitemap") == 1
