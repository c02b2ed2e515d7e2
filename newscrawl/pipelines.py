"""Item pipelines: every emitted record is schema-valid and appears once per run."""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from newscrawl.record import schema_errors

logger = logging.getLogger(__name__)


class _StatsPipeline:
    def __init__(self, stats: StatsCollector | None = None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats)

    def drop(self, reason: str, message: str) -> DropItem:
        if self.stats is not None:
            self.stats.inc_value(f"newscrawl/dropped/{reason}")
        return DropItem(f"{reason}: {message}")


class ValidationPipeline(_StatsPipeline):
    """Drop (and count) any record that does not match the shipped JSON Schema."""

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        errors = schema_errors(item)
        if errors:
            raise self.drop("schema_invalid", f"{item.get('url')}: {'; '.join(errors)}")
        return item


class DuplicateUrlPipeline(_StatsPipeline):
    """Drop a record whose canonical URL this run already emitted."""

    def __init__(self, stats: StatsCollector | None = None) -> None:
        super().__init__(stats)
        self.seen: set[str] = set()

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        url = item["url"]
        if url in self.seen:
            raise self.drop("duplicate", url)
        self.seen.add(url)
        return item
