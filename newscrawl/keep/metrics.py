"""Each run's figures in Prometheus text format, for node_exporter's textfile collector.

``NEWSCRAWL_METRICS_FILE`` names the file. Every run replaces its own outlet's samples and
keeps the other outlets' (under a lock, so the cron runs of several outlets can share one
file); ``%(name)s`` in the path gives one file per outlet instead. The file is written
whole to a temporary name and renamed, so the collector never reads half of it. The last
success time survives failed runs: it is carried over from the file.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from prometheus_client import CollectorRegistry, write_to_textfile
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.registry import Collector
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawl.keep.extensions import REPORT_READY
from newscrawl.keep.history import RunSummary

logger = logging.getLogger(__name__)

PREFIX = "newscrawl_"
LAST_SUCCESS = "last_success_timestamp_seconds"
#: name (without the prefix) -> (help, labels besides ``outlet``)
METRICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "run_records": ("Records the outlet's latest run emitted, by kind (new, updated)", ("kind",)),
    "run_records_parsed": ("Records the latest run parsed (emitted or unchanged)", ()),
    "run_article_pages": ("Article pages the latest run handed to a parser", ()),
    "run_dropped_pages": ("Pages the latest run dropped, by reason", ("reason",)),
    "run_coverage_ratio": ("Share of the latest run's records that have the field", ("field",)),
    "run_health_ok": ("1 when the latest run passed its health check, 0 when it failed", ()),
    "run_health_verdict": ("1 for the latest run's health verdict (ok, failed, ...)", ("verdict",)),
    "run_crosscheck_disagreements": ("Generic-vs-dedicated parser disagreements, latest run", ()),
    "run_duration_seconds": ("How long the latest run took", ()),
    "run_finished_timestamp_seconds": ("When the latest run finished (Unix time)", ()),
    "last_success_timestamp_seconds": (
        "When the outlet's latest successful run started (Unix time; 0: none known)",
        (),
    ),
}


def run_samples(run: RunSummary) -> dict[str, list[tuple[dict[str, str], float]]]:
    """{metric name: [(extra labels, value)]} for one run; unknown figures are left out."""
    samples: dict[str, list[tuple[dict[str, str], float]]] = {name: [] for name in METRICS}

    def add(name: str, value: float | None, **labels: str) -> None:
        if value is not None:
            samples[name].append((labels, float(value)))

    add("run_records", run.new, kind="new")
    add("run_records", run.updated, kind="updated")
    add("run_records_parsed", run.records_parsed)
    add("run_article_pages", run.article_pages)
    for reason, count in run.dropped.items():
        add("run_dropped_pages", count, reason=reason)
    for field, share in run.coverage.items():
        add("run_coverage_ratio", share, field=field)
    if run.health_ok is not None or run.verdict is not None:
        add("run_health_ok", 0.0 if run.failed else 1.0)
        add("run_health_verdict", 1.0, verdict=run.health_word)
    add("run_crosscheck_disagreements", run.crosscheck_disagrees)
    add("run_duration_seconds", run.duration)
    add("run_finished_timestamp_seconds", run.finished.timestamp() if run.finished else None)
    if run.succeeded and run.started is not None:
        add(LAST_SUCCESS, run.started.timestamp())
    return samples


class _Merged(Collector):
    """The families of METRICS: this run's samples, and the other outlets' from before."""

    def __init__(self, outlet: str, new: dict[str, Any], old: list[Metric]) -> None:
        self.outlet, self.new, self.old = outlet, new, old

    def collect(self) -> Iterator[Metric]:
        previous = {family.name: family for family in self.old}
        for name, (help_text, labels) in METRICS.items():
            family = GaugeMetricFamily(PREFIX + name, help_text, labels=["outlet", *labels])
            before = previous[PREFIX + name].samples if PREFIX + name in previous else []
            for sample in before:
                if sample.labels.get("outlet") != self.outlet:
                    family.add_metric(
                        [sample.labels.get(k, "") for k in ["outlet", *labels]], sample.value
                    )
            mine = self.new[name]
            if name == LAST_SUCCESS and not mine:
                # A failed run keeps the outlet's last success; 0 when none is known.
                kept = [s.value for s in before if s.labels.get("outlet") == self.outlet]
                mine = [({}, kept[0] if kept else 0.0)]
            for extra, value in mine:
                family.add_metric([self.outlet, *(extra[label] for label in labels)], value)
            yield family


def write_metrics(path: Path, run: RunSummary) -> None:
    """Replace ``run.outlet``'s samples in ``path`` (atomically, under a lock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_name(path.name + ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            old = list(text_string_to_metric_families(path.read_text("utf-8")))
        except FileNotFoundError:
            old = []
        except ValueError:
            logger.warning("metrics file %s was not readable; writing it anew", path)
            old = []
        registry = CollectorRegistry(auto_describe=False)
        registry.register(_Merged(run.outlet, run_samples(run), old))
        # Writes a temporary file beside it and renames it over the old one.
        write_to_textfile(str(path), registry)


class MetricsFile:
    """Scrapy extension: write the run's figures to ``NEWSCRAWL_METRICS_FILE``."""

    def __init__(self, path_template: str) -> None:
        self.path_template = path_template

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        path = crawler.settings.get("NEWSCRAWL_METRICS_FILE") or ""
        if not path:
            # No message: Scrapy logs a disabled component's message as a warning.
            raise NotConfigured
        ext = cls(path)
        crawler.signals.connect(ext.report_ready, signal=REPORT_READY)
        return ext

    def path(self, outlet: str) -> Path:
        return Path(self.path_template % {"name": outlet})

    def report_ready(self, report: dict[str, Any]) -> None:
        run = RunSummary.from_report(report)
        write_metrics(self.path(run.outlet), run)
