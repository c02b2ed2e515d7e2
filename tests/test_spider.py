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
