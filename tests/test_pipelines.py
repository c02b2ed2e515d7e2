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
        ("authors", [""]),
        ("baca_juga", [{"title": "x"}]),
        ("url", "/relative"),
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
