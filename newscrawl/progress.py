"""The crawl's progress bar (backfills, ``crawl --all``): a Scrapy extension over
:func:`newscrawl.terminal.progress`."""

from __future__ import annotations

import io
import logging
import sys
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from tqdm import tqdm

from newscrawl.keep.extensions import drop_counts
from newscrawl.terminal import progress


class CrawlBar:
    """One bar for every crawl of a process: pages fetched, records, drops, outlets done."""

    def __init__(self, bar: tqdm) -> None:
        self.bar = bar
        self.running = 0
        self.done = 0
        self.stats: list[StatsCollector] = []
        self._redirected: list[tuple[logging.StreamHandler[Any], Any]] = []
        if not bar.disable:
            # Log lines are printed above the bar instead of through it. The handlers keep
            # their levels and filters (tqdm's own redirect replaces them and loses those).
            for handler in logging.getLogger().handlers:
                if isinstance(handler, logging.StreamHandler) and handler.stream in (
                    sys.stderr,
                    sys.stdout,
                ):
                    self._redirected.append((handler, handler.setStream(_AboveBar(handler.stream))))

    def show(self, refresh: bool = True) -> None:
        values = [stats.get_stats() for stats in self.stats]
        self.bar.set_postfix(
            records=sum(int(v.get("item_scraped_count", 0)) for v in values),
            dropped=sum(sum(drop_counts(v).values()) for v in values),
            outlets=f"{self.done}/{self.done + self.running}",
            refresh=refresh,
        )

    def close(self) -> None:
        self.show()
        self.bar.close()
        for handler, stream in self._redirected:
            handler.setStream(stream)


class _AboveBar(io.TextIOBase):
    """A stream whose writes tqdm prints above its bars."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        tqdm.write(text, file=self.stream, end="")
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


_SHARED: CrawlBar | None = None


class CrawlProgress:
    """Scrapy extension: a progress bar for backfills and ``newscrawl crawl``.

    ``NEWSCRAWL_PROGRESS``: ``auto`` shows it for backfills (``-a since``) and every
    ``newscrawl crawl``, ``on`` for every run, ``off`` never; only on a terminal. The
    crawls of one process share one bar.
    """

    def __init__(self, mode: str, stats: StatsCollector) -> None:
        self.mode = mode
        self.stats = stats
        self.bar: CrawlBar | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        mode = str(crawler.settings.get("NEWSCRAWL_PROGRESS", "auto")).lower()
        if mode not in ("auto", "on", "off"):
            raise ValueError(f"NEWSCRAWL_PROGRESS wants auto, on or off, got {mode!r}")
        if mode == "off" or not sys.stderr.isatty():
            # No message: Scrapy logs a disabled component's message as a warning.
            raise NotConfigured
        assert crawler.stats is not None
        ext = cls(mode, crawler.stats)
        for handler, signal in (
            (ext.spider_opened, signals.spider_opened),
            (ext.response_received, signals.response_received),
            (ext.spider_closed, signals.spider_closed),
        ):
            crawler.signals.connect(handler, signal=signal)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        global _SHARED
        if self.mode == "auto" and getattr(spider, "since", None) is None:
            return
        if _SHARED is None:
            _SHARED = CrawlBar(progress(desc="crawl", unit="page"))
        self.bar = _SHARED
        self.bar.running += 1
        self.bar.stats.append(self.stats)
        self.bar.show()

    def response_received(self) -> None:
        if self.bar is not None:
            # tqdm redraws at most ~10 times a second, with the postfix set here.
            self.bar.show(refresh=False)
            self.bar.bar.update(1)

    def spider_closed(self) -> None:
        global _SHARED
        if self.bar is None:
            return
        self.bar.running -= 1
        self.bar.done += 1
        if self.bar.running == 0:
            self.bar.close()
            _SHARED = None
        else:
            self.bar.show()
        self.bar = None
