"""The run's verdict from its discovery counts: a broken site is never a quiet, healthy run."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newscrawl.distributed import FrontierWatch, machine_counts
from newscrawl.keep.extensions import HEALTH_FAILED, HEALTH_VERDICT, DropReport
from newscrawl.keep.health import discovery_summary, discovery_verdict, whole_run


def summary(**stats: int) -> dict[str, Any]:
    return discovery_summary(
        {f"newscrawl/discovery/{key.replace('__', '/')}": n for key, n in stats.items()}
    )


@pytest.mark.parametrize(
    ("stats", "earlier", "verdict"),
    [
        ({}, 0, "ok"),  # nothing tried (no source for this kind of run)
        ({"usable": 2, "links": 40}, 40, "ok"),
        ({"usable": 1, "failed__http_404": 1, "links": 3}, 0, "ok"),  # one of two routes
        ({"usable": 2}, 0, "ok"),  # an empty feed, and no earlier run to compare with
        ({"usable": 2}, 35, "no_links"),
        ({"failed__download_error": 4}, 0, "site_unreachable"),
        ({"failed__http_500": 3, "failed__http_503": 1}, 0, "site_unreachable"),
        ({"unusable__not_a_sitemap": 1, "failed__http_404": 1}, 0, "discovery_failed"),
        ({"failed__robots_denied": 4}, 0, "robots_denied"),
        ({"failed__robots_denied": 1, "failed__download_error": 1}, 0, "robots_denied"),
    ],
)
def test_discovery_verdicts(stats: dict[str, int], earlier: int, verdict: str) -> None:
    assert discovery_verdict(summary(**stats), earlier)[0] == verdict


def test_the_cause_says_what_happened_and_what_to_do() -> None:
    verdict, cause = discovery_verdict(summary(failed__download_error=4))
    assert verdict == "site_unreachable"
    assert cause.startswith("none of 4 discovery documents could be fetched (download_error: 4)")
    assert "newscrawl demo" in cause
    _, cause = discovery_verdict(summary(usable=3), 120)
    assert cause == "3 discovery documents held no article link; an earlier run found 120"


def test_the_drop_line_names_a_failed_verdict() -> None:
    stats = MemoryStatsCollector(get_crawler())
    assert DropReport(stats).summary("nusadaily") == "nusadaily: 0 records, 0 pages dropped"
    stats.set_value(HEALTH_FAILED, 1)
    stats.set_value(HEALTH_VERDICT, "site_unreachable")
    assert DropReport(stats).summary("nusadaily") == (
        "nusadaily: 0 records, 0 pages dropped; health FAILED: site_unreachable"
    )


def test_a_distributed_run_is_judged_on_every_machines_discovery() -> None:
    """Two machines shared the outlet's routes: one fetched the sitemap, the other met only
    the 404s of the routes the site does not serve. The run found its articles; neither
    machine may call the site unreachable."""
    sitemap_machine = {"newscrawl/discovery/usable": 1, "newscrawl/discovery/links": 30}
    other_machine = {"newscrawl/discovery/failed/http_404": 2}
    assert discovery_verdict(discovery_summary(other_machine))[0] == "site_unreachable"
    collector = MemoryStatsCollector(get_crawler())
    collector.set_stats(dict(other_machine))
    watch = FrontierWatch.__new__(FrontierWatch)
    watch.stats = collector
    watch.record_summary(
        {
            "machines": {
                "a": machine_counts(sitemap_machine),
                "b": machine_counts(other_machine),
            }
        }
    )
    stats = collector.get_stats()
    assert stats["newscrawl/run/discovery/usable"] == 1
    assert stats["newscrawl/run/discovery/failed/http_404"] == 2
    assert discovery_verdict(discovery_summary(whole_run(stats)))[0] == "ok"
    # Until the run's summary is known, a machine has only its own counts to go by.
    assert whole_run(other_machine) == other_machine
