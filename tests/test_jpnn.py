"""jpnn: page merging, metas, credits, article URLs, the dated index, a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl import parse_article
from newscrawl.discover.loader import spider_class
from newscrawl.errors import NotAnArticle
from newscrawl.outlet import outlet_named
from newscrawl.page import Page
from newscrawl.parsers.jpnn import JpnnV1
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "jpnn"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
PPPK = (
    "https://www.jpnn.com/news/pemda-diminta-segera-usulkan-formasi-pppk-paruh-waktu-bagi-honorer"
)


def _html(page: int) -> str:
    return (HERE / f"articles/2026-news-tenaga-honorer-pppk-{page}.html").read_text("utf-8")


def test_later_pages_from_the_paging_bar() -> None:
    first = JpnnV1(Page(_html(1), PPPK, FETCHED))
    assert first.page_urls() == [f"{PPPK}?page=2"]
    # Page 2 links back to page 1 only: nothing more to fetch from it.
    assert JpnnV1(Page(_html(2), f"{PPPK}?page=2", FETCHED)).page_urls() == []


def test_the_record_of_two_pages() -> None:
    record = parse_article(_html(1), PPPK, FETCHED, more_pages=[(_html(2), f"{PPPK}?page=2")])
    assert record["url"] == PPPK
    assert record["body"].endswith("selama proses pengusulan berjalan.")
    assert record["editor_code"] == "mcr8/jpnn"
    assert "Selanjutnya" not in record["body"]
    assert "Redaktur" not in record["body"]


def test_the_date_meta_without_json_ld() -> None:
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", _html(1), flags=re.S)
    record = parse_article(html, PPPK, FETCHED)
    assert record["published_at"] == "2026-10-31T10:05:00+07:00"  # "31 Oktober 2026 10:05"
    assert record["authors"] == ["Mesya Mohamad"]


def test_the_author_meta_when_no_credit_line_is_shown() -> None:
    html = re.sub(r'<div class="reporter">.*?</div>', "", _html(1), flags=re.S)
    assert parse_article(html, PPPK, FETCHED)["authors"] == ["Mesya Mohamad"]


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("jpnn.com, JAKARTA - Pemerintah", "JAKARTA"),
        ("JPNN.com - Pemerintah", None),
        ("jabar.jpnn.com, BANDUNG - Pemerintah", "BANDUNG"),
    ],
)
def test_dateline_forms(first_paragraph: str, place: str | None) -> None:
    assert JpnnV1.dateline is not None
    match = JpnnV1.dateline.match(first_paragraph)
    assert match is not None
    assert first_paragraph[match.end() :] == "Pemerintah"
    groups = match.groupdict()
    assert (groups.get("place") or groups.get("place2")) == place


@pytest.mark.parametrize(
    ("path", "is_article"),
    [
        ("/news/pemda-diminta-segera-usulkan-formasi-pppk-paruh-waktu-bagi-honorer", True),
        ("/jabar-terkini/24512/warga-bandung-keluhkan-jalan-rusak", True),
        ("/indeks", False),
        ("/tag/honorer", False),
        ("/news", False),
    ],
)
def test_article_urls(path: str, is_article: bool) -> None:
    assert bool(re.search(outlet_named("jpnn").article_url, path)) is is_article


def test_photo_desk_pages_are_not_articles() -> None:
    with pytest.raises(NotAnArticle):
        parse_article(_html(1), "https://foto.jpnn.com/galeri/2026/10/31/festival-jakarta", FETCHED)


def test_backfill_walks_the_dated_index() -> None:
    spider = spider_class("jpnn")
    instance = spider.from_crawler(
        get_crawler(spider, {"NEWSCRAWL_STATE": ""}), since="2026-10-31", until="2026-10-31"
    )
    assert list(instance.days()) == [date(2026, 10, 31)]
    assert [r.url for r in instance.discover()] == [
        "https://www.jpnn.com/index.php?mib=rss",
        "https://www.jpnn.com/indeks?id=&d=31&m=10&y=2026&tab=all&page=1",
    ]


def test_replayed_backfill(tmp_path: Path) -> None:
    result = replay_crawl(
        "jpnn", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    )
    records = result.checked_records("jpnn")
    assert [record["url"] for record in records] == [PPPK]
    assert "Forum Honorer Indonesia" in records[0]["body"]  # from page 2
