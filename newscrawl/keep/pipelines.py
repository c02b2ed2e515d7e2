"""Item pipelines: every emitted record is schema-valid, new or changed, once per run,
and in the run's output file before the state remembers it."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import partial
from typing import Any, Self

from redis.exceptions import RedisError
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector

from newscrawl.keep.output import OutputLocked, RunOutput, writer_of
from newscrawl.keep.run import Run
from newscrawl.keep.state import Verdict
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
        try:
            verdict = self.run.state.claim(item)
            if verdict.revision is not None and self.run.output_dir is None:
                # A feed named on the command line: Scrapy's exporter writes it, not us.
                item["revision"] = verdict.revision
                self.run.state.record_emitted(item, datetime.now(UTC))
        except RedisError as exc:
            self.run.lose_shared_state(exc)
            raise DropItem(f"shared state lost: {item['url']}", "DEBUG") from exc
        return self.apply(verdict, item)

    def apply(self, verdict: Verdict, item: dict[str, Any]) -> dict[str, Any]:
        if verdict.revision is None:
            # unchanged, or taken: another machine is writing the same article right now.
            key = "unchanged" if verdict.outcome == "unchanged" else "skipped/taken"
            self.inc(f"newscrawl/{key}")
            raise DropItem(f"{verdict.detail}: {item['url']}", "DEBUG")
        item["revision"] = verdict.revision
        self.inc(f"newscrawl/emitted/{verdict.outcome}")
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
            self.run.output = RunOutput(self.run.output_dir, self.run.started, self.run.machine)
        except OutputLocked:
            # Overlapping cron runs: the newer one must not touch the running one's file.
            self.inc("newscrawl/output_locked")
            raise
        self.recover(self.run.output)

    def recover(self, output: RunOutput) -> None:
        for part in output.leftovers():
            kept = output.recover(part, partial(self.settle, writer_of(part)))
            if kept is None:
                continue  # its writer is still running (another process of this run)
            self.inc("newscrawl/recovered", len(kept))
            logger.warning(
                "%s: recovered %d records from the killed run %s",
                self.run.outlet,
                len(kept),
                part.name,
            )

    def settle(self, writer: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The lines of a killed run's file to keep (all, unless another machine emitted
        some of those articles in the meantime)."""
        if self.run.state is None:
            return records
        kept = self.run.state.recover(records, datetime.now(UTC), writer)
        if len(kept) < len(records):
            self.inc("newscrawl/recovered/emitted_elsewhere", len(records) - len(kept))
        return kept

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        output = self.run.output
        if output is None:
            raise DropItem("no output file (another run holds the output directory)")
        output.write(item)
        if self.run.state is not None:
            try:
                self.run.state.record_emitted(item, datetime.now(UTC))
            except RedisError as exc:
                # The line is written, the state may not know it: the .part stays for
                # the next run's recovery to settle.
                self.run.lose_shared_state(exc)
        return item

    def close_spider(self) -> None:
        output = self.run.output
        if output is None:
            return
        if self.run.lost:
            output.abandon()
            logger.warning("%s: %d records left in %s", self.run.outlet, output.count, output.part)
            return
        path = output.finish()
        logger.info("%s: %d records in %s", self.run.outlet, output.count, path)
