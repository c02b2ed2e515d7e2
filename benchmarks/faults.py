"""The fault server: one crawl of the hostile site of ``tests/test_faults.py`` (every
single-page fault, bad links, XXE and billion-laughs feeds, a 512 MiB gzip bomb article and a
100 MiB gzip bomb sitemap), and the runs that must fail loudly (a closed port, every discovery
URL answering 500, a maintenance page, robots.txt denying everything). The same crawls the
suite runs, here with their figures: peak RSS of the crawl and its workers, what was counted,
and the wall time (the stalled body waits out DOWNLOAD_TIMEOUT=10 s twice).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.stats import Row
from tests.faultsite import Fault, FaultSite
from tests.test_faults import closed_port, crawl, hostile_site, slugs


def run(log: Callable[[str], None] = print) -> tuple[list[Row], list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with FaultSite(articles=10) as site, FaultSite(articles=1) as other:
            hostile_site(site, other)
            started = time.perf_counter()
            result = crawl(site.base_url, tmp / "hostile", "-s", "DOWNLOAD_TIMEOUT=10")
            seconds = time.perf_counter() - started
            good = sorted(site.slugs())
        emitted = slugs(result.records)
        dropped = result.counted("newscrawl/dropped/")
        skipped = result.counted("newscrawl/links_skipped/")
        log(f"  hostile site: {len(emitted)} records in {seconds:.0f} s")
        verdicts = [verdict_of(name, make, tmp / name) for name, make in LOUD.items()]
    rows = [
        Row(
            "faults",
            "hostile site: peak RSS, crawl and workers",
            [result.peak_rss_mb],
            "MB",
            ("<=", 400),
            0,
        ),
        Row(
            "faults",
            "hostile site: good articles emitted exactly once",
            [sum(1 for slug in good if emitted.count(slug) == 1)],
            f"of {len(good)}",
            (">=", len(good)),
            0,
        ),
        Row(
            "faults", "hostile site: pages counted as dropped", [sum(dropped.values())], "", None, 0
        ),
        Row("faults", "hostile site: bad links counted", [sum(skipped.values())], "", None, 0),
        Row("faults", "hostile site: crawl wall time", [seconds], "s", None, 0),
        Row(
            "faults",
            "broken sites exiting 3 with their verdict",
            [sum(ok for ok, _ in verdicts)],
            f"of {len(verdicts)}",
            (">=", len(verdicts)),
            0,
        ),
    ]
    notes = [
        f"faults: dropped {dropped}",
        f"faults: links skipped {skipped}",
        f"faults: health {result.report['health']['verdict']}, exit {result.returncode}",
        *(note for _, note in verdicts),
    ]
    return rows, notes


def _down(site: FaultSite) -> str:
    return f"http://127.0.0.1:{closed_port()}"


def _errors(site: FaultSite) -> str:
    for path in ("/rss/latest-posts", "/rss-feeds/feed/latest", "/gnews/feed", "/sitemap-news.xml"):
        site.routes[path] = Fault(status=500, body=b"error")
    return site.base_url


def _maintenance(site: FaultSite) -> str:
    page = Fault(body=b"<html><body><h1>Situs sedang dalam perbaikan</h1></body></html>")
    for path in ("/rss/latest-posts", "/rss-feeds/feed/latest", "/gnews/feed"):
        site.routes[path] = page
    return site.base_url


def _robots(site: FaultSite) -> str:
    site.routes["/robots.txt"] = Fault(body=b"User-agent: *\nDisallow: /\n")
    return site.base_url


LOUD: dict[str, tuple[Callable[[FaultSite], str], str]] = {
    "closed port": (_down, "site_unreachable"),
    "every discovery URL 500": (_errors, "site_unreachable"),
    "maintenance page": (_maintenance, "discovery_failed"),
    "robots.txt Disallow: /": (_robots, "robots_denied"),
}


def verdict_of(
    name: str, make: tuple[Callable[[FaultSite], str], str], tmp: Path
) -> tuple[bool, str]:
    build, expected = make
    with FaultSite() as site:
        result = crawl(build(site), tmp, "-s", "RETRY_TIMES=0")
    verdict = result.report["health"]["verdict"]
    ok = result.returncode == 3 and verdict == expected and len(result.errors) == 1
    return (
        ok,
        f"faults: {name}: exit {result.returncode}, {verdict}, {len(result.errors)} ERROR line",
    )
