"""A stats collector that writes the run's stats as JSON (``BENCH_STATS_FILE``) at close.

Set with ``-s STATS_CLASS=benchmarks.crawlstats.JsonFileStatsCollector`` on both crawls, so
the baseline and the real spider report through the same code, without adding an extension.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.statscollectors import MemoryStatsCollector


class JsonFileStatsCollector(MemoryStatsCollector):
    def _persist_stats(self, stats: dict[str, Any]) -> None:
        super()._persist_stats(stats)
        path = self._crawler.settings.get("BENCH_STATS_FILE")
        if path:
            Path(path).write_text(json.dumps(stats, default=str, indent=1), "utf-8")
