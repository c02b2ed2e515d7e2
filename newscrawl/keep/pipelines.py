"""Item pipelines: every emitted record is schema-valid, new or changed, once per run,
and in the run's output file before the state remembers it."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector

from newscrawl.keep.output import OutputLocked, RunOutput
from newscrawl.keep.run import Run
from newscrawl.keep.state import content_hash
from newscrawl.record import repair_record, schema_errors

logger = logging.getLogger(__name__)

#: Fields whose presence the crawl report measures (share of records that have them).
COVERAGE_FIELDS = ("authors", "section", "tags", "dateline", "images", "baca_juga", "subheadline")


class _StatsPipeline:
    def __init__(self, stats: StatsCollector | None = None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats)

    def inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)

    def drop(self, reason: str, message: str) -> DropItem:
        self.inc(f"newscrawl/dropped/{reason}")
        # The message names the record; a schema message quoting a huge value is cut.
        return DropItem(f"{reason}: {message[:500]}")


class ValidationPipeline(_StatsPipeline):
    """Drop (and count) any record that does not match the shipped JSON Schema."""

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        for field in repair_record(item):
            self.inc(f"newscrawl/repaired/{field}")
        errors = schema_errors(item)
        if errors:
            raise self.drop("schema_invalid", f"{item.get('url')}: {'; '.join(errors)}")
        self.inc("newscrawl/records")
        for name in COVERAGE_FIELDS:
            if item.get(name):
                self.inc(f"newscrawl/coverage/{name}")
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


class _RunPipeline(_StatsPipeline):
    """A pipeline that works on the run's state or output (``Run.of(crawler)``)."""

    def __init__(self, run: Run, stats: StatsCollector | None = None) -> None:
        super().__init__(stats)
        self.run = run


class IncrementalPipeline(_RunPipeline):
    """Emit only new articles and changed ones (with the next ``revision``)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run = Run.of(crawler)
        if run.state is None:
            raise NotConfigured("NEWSCRAWL_STATE is empty")
        return cls(run, crawler.stats)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        assert self.run.state is not None
        known = self.run.state.get(item["outlet"], item["url"])
        if known is not None and known.content_hash == content_hash(item):
            self.inc("newscrawl/unchanged")
            raise DropItem(f"unchanged since revision {known.revision}: {item['url']}", "DEBUG")
        item["revision"] = known.revision + 1 if known else 1
        self.inc("newscrawl/emitted/updated" if known else "newscrawl/emitted/new")
        if self.run.output_dir is None:
            # A feed named on the command line: Scrapy's exporter writes it, not us.
            self.run.state.record_emitted(item, datetime.now(UTC))
        return item


class RunOutputPipeline(_RunPipeline):
    """Write the run's ``<timestamp>.jsonl.part``, then record each article as emitted."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run = Run.of(crawler)
        if run.output_dir is None:
            raise NotConfigured("a feed was named on the command line")
        return cls(run, crawler.stats)

    def open_spider(self) -> None:
        assert self.run.output_dir is not None
        try:
            self.run.output = RunOutput(self.run.output_dir, self.run.started)
        except OutputLocked:
            # Overlapping cron runs: the newer one must not touch the running one's file.
            self.inc("newscrawl/output_locked")
            raise
        self.recover(self.run.output)

    def recover(self, output: RunOutput) -> None:
        for part in output.leftovers():
            records = output.recover(part, self.remember)
            self.inc("newscrawl/recovered", len(records))
            logger.warning(
                "%s: recovered %d records from the killed run %s",
                self.run.outlet,
                len(records),
                part.name,
            )

    def remember(self, records: list[dict[str, Any]]) -> None:
        """Record a killed run's recovered lines as emitted, in one committed transaction."""
        if self.run.state is None:
            return
        with self.run.state.transaction():
            for record in records:
                self.run.state.record_emitted(record, datetime.now(UTC))

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        output = self.run.output
        if output is None:
            raise DropItem("no output file (another run holds the output directory)")
        output.write(item)
        if self.run.state is not None:
            self.run.state.record_emitted(item, datetime.now(UTC))
        return item

    def close_spider(self) -> None:
        if self.run.output is not None:
            path = self.run.output.finish()
            logger.info("%s: %d records in %s", self.run.outlet, self.run.output.count, path)
