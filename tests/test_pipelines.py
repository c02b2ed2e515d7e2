from __future__ import annotations

import copy
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newscrawl.keep.extensions import DropReport, drop_counts
from newscrawl.keep.pipelines import DuplicateUrlPipeline, ValidationPipeline

RECORD: dict[str, Any] = {
    "url": "https://www.nusadaily.com/a",
    "outlet": "nusadaily",
    "headline": "Judul",
    "subheadline": None,
    "published_at": "2023-09-14T13:49:00+07:00",
    "updated_at": None,
    "authors": ["Budi"],
    "editors": [],
    "section": "Nasional",
    "tags": [],
    "dateline": "JAKARTA",
    "body": "Isi.",
    "baca_juga": [],
    "editor_code": "*",
    "images": [],
    "embeds": [],
    "language": "id",
    "fetched_at": "2026-06-30T00:00:00+00:00",
    "parser": "nusadaily/v2",
    "revision": 1,
}


@pytest.fixture
def stats() -> MemoryStatsCollector:
    return MemoryStatsCollector(get_crawler())


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("published_at", "2023-09-14 13:49"),
        ("body", ""),
        ("headline", None),
        ("url", "/relative"),
        ("fetched_at", None),
    ],
)
def test_invalid_records_are_dropped_and_counted(
    field: str, value: Any, stats: MemoryStatsCollector
) -> None:
    record = copy.deepcopy(RECORD)
    record[field] = value
    with pytest.raises(DropItem):
        ValidationPipeline(stats).process_item(record)
    assert stats.get_value("newscrawl/dropped/schema_invalid") == 1


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [
        ("authors", ["", "Budi"], ["Budi"]),
        ("baca_juga", [{"title": "x"}], []),
        ("images", [{"url": "javascript:x()", "caption": None}], []),
        (
            "images",
            [{"url": "https://a.id/i.jpg", "caption": ""}],
            [{"url": "https://a.id/i.jpg", "caption": None}],
        ),
        ("subheadline", "", None),
        ("updated_at", "kemarin", None),
    ],
)
def test_a_bad_optional_value_is_dropped_and_the_record_kept(
    field: str, value: Any, kept: Any, stats: MemoryStatsCollector
) -> None:
    record = copy.deepcopy(RECORD)
    record[field] = value
    assert ValidationPipeline(stats).process_item(record)[field] == kept
    assert stats.get_value(f"newscrawl/repaired/{field}") == 1
    assert stats.get_value("newscrawl/dropped/schema_invalid") is None


def test_missing_key_is_invalid(stats: MemoryStatsCollector) -> None:
    record = copy.deepcopy(RECORD)
    del record["dateline"]
    with pytest.raises(DropItem):
        ValidationPipeline(stats).process_item(record)


def test_valid_record_passes(stats: MemoryStatsCollector) -> None:
    assert ValidationPipeline(stats).process_item(copy.deepcopy(RECORD)) == RECORD


def test_duplicates_dropped(stats: MemoryStatsCollector) -> None:
    pipeline = DuplicateUrlPipeline(stats)
    pipeline.process_item(copy.deepcopy(RECORD))
    with pytest.raises(DropItem):
        pipeline.process_item(copy.deepcopy(RECORD))
    assert stats.get_value("newscrawl/dropped/duplicate") == 1


def test_drop_report_summarises_by_reason(stats: MemoryStatsCollector) -> None:
    stats.set_value("item_scraped_count", 5)
    stats.inc_value("newscrawl/dropped/no_date")
    stats.inc_value("newscrawl/dropped/not_an_article", 2)
    assert drop_counts(stats.get_stats()) == {"no_date": 1, "not_an_article": 2}
    assert DropReport(stats).summary("nusadaily") == (
        "nusadaily: 5 records, 3 pages dropped (no_date: 1, not_an_article: 2)"
    )


def test_a_dropped_record_is_logged_by_its_url_not_its_content() -> None:
    from scrapy import Spider

    from newscrawl.keep.logformat import QuietDropLogFormatter

    crawler = get_crawler(Spider)
    spider = crawler._create_spider("nusadaily")
    huge = {**RECORD, "body": "x" * 20_000_000}
    entry = QuietDropLogFormatter().dropped(
        huge, DropItem("duplicate: " + RECORD["url"]), None, spider
    )
    line = entry["msg"] % entry["args"]
    assert line == f"Dropped <{RECORD['url']}>: duplicate: {RECORD['url']}"
    error = QuietDropLogFormatter().item_error(huge, ValueError("x"), None, spider)
    assert len(error["msg"] % error["args"]) < 200
