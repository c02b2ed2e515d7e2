"""What one crawl run shares between its spider, pipelines and extensions.

The run's start time, its state file and its output file are opened once per
crawler (``Run.of(crawler)``); each component takes what it needs from there.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from newscrawl.keep.output import RunOutput
from newscrawl.keep.state import CrawlState

logger = logging.getLogger(__name__)

_RUNS: weakref.WeakKeyDictionary[Crawler, Run] = weakref.WeakKeyDictionary()


def output_dir_for(template: str, outlet: str) -> str:
    """``NEWSCRAWL_OUTPUT_DIR`` for ``outlet``: ``%(name)s`` is the outlet's name, ``%%`` a
    literal percent sign. ValueError, in words, for any other ``%``."""
    try:
        return template % {"name": outlet}
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(
            f"NEWSCRAWL_OUTPUT_DIR={template!r}: only %(name)s (the outlet) may follow a '%'; "
            f"write %% for a literal percent sign ({type(exc).__name__}: {exc})"
        ) from None


def writes_run_output(settings: BaseSettings) -> bool:
    """The run writes its own per-run file unless the command line named a feed."""
    return bool(settings.get("NEWSCRAWL_OUTPUT_DIR")) and not settings.getdict("FEEDS")


@dataclass
class Run:
    outlet: str
    started: datetime
    now: datetime
    recheck: timedelta
    state: CrawlState | None = None
    output_dir: str | None = None
    output: RunOutput | None = field(default=None, repr=False)

    @classmethod
    def of(cls, crawler: Crawler) -> Run:
        """The run of ``crawler`` (created on first use, once the spider exists)."""
        run = _RUNS.get(crawler)
        if run is None:
            run = _RUNS[crawler] = cls.from_settings(crawler.settings, _outlet(crawler))
            # Whoever opened it first, the state closes once everything that uses it is done.
            crawler.signals.connect(run.close, signal=signals.engine_stopped)
        return run

    def close(self) -> None:
        if self.state is not None:
            self.state.close()

    @classmethod
    def from_settings(cls, settings: BaseSettings, outlet: str) -> Run:
        started = datetime.now(UTC).replace(microsecond=0)
        pinned = settings.get("NEWSCRAWL_NOW") or ""
        now = datetime.fromisoformat(pinned.replace("Z", "+00:00")) if pinned else started
        state_path = settings.get("NEWSCRAWL_STATE")
        output_dir = output_dir_for(settings.get("NEWSCRAWL_OUTPUT_DIR") or "", outlet)
        return cls(
            outlet=outlet,
            started=started,
            now=now if now.tzinfo else now.replace(tzinfo=UTC),
            recheck=timedelta(hours=settings.getfloat("NEWSCRAWL_RECHECK_HOURS", 48.0)),
            state=CrawlState(state_path) if state_path else None,
            output_dir=output_dir if writes_run_output(settings) else None,
        )


def _outlet(crawler: Crawler) -> str:
    return str(crawler.spider.name if crawler.spider is not None else crawler.spidercls.name)
