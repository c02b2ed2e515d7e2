"""End-of-run summary: how many records, how many pages dropped and why."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

DROPPED = "newscrawl/dropped/"


def drop_counts(stats: dict[str, object]) -> dict[str, int]:
    """``newscrawl/dropped/<reason>`` stats as {reason: count}, by reason."""
    return {
        key[len(DROPPED) :]: int(value)  # type: ignore[call-overload]
        for key, value in sorted(stats.items())
        if key.startswith(DROPPED)
    }


class DropReport:
    """Log one line at the end of every crawl: records emitted, pages dropped by reason."""

    def __init__(self, stats: StatsCollector, stats_file: str = "") -> None:
        self.stats = stats
        self.stats_file = stats_file

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        ext = cls(crawler.stats, crawler.settings.get("NEWSCRAWL_STATS_FILE", ""))
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def summary(self, spider_name: str) -> str:
        stats = self.stats.get_stats()
        records = int(stats.get("item_scraped_count", 0))
        drops = drop_counts(stats)
        if not drops:
            return f"{spider_name}: {records} records, 0 pages dropped"
        reasons = ", ".join(f"{reason}: {count}" for reason, count in drops.items())
        return f"{spider_name}: {records} records, {sum(drops.values())} pages dropped ({reasons})"

    def spider_closed(self, spider: Spider) -> None:
        if self.stats_file:
            stats = self.stats.get_stats()
            Path(self.stats_file).write_text(json.dumps(stats, default=str, indent=1), "utf-8")
        message = self.summary(spider.name)
        if drop_counts(self.stats.get_stats()):
            logger.warning(message)
        else:
            logger.info(message)
