"""``newscrawl crawl --all``: every outlet in one process, one summary, one exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.utils.project import get_project_settings

from newscrawl.commands.crawl import UNHEALTHY, launch_problem
from newscrawl.keep.extensions import HEALTH_FAILED, HEALTH_VERDICT, drop_counts


def _pairs(values: Sequence[str], flag: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep:
            raise SystemExit(f"newscrawl crawl: {flag} wants NAME=VALUE, got {value!r}")
        pairs[name] = setting
    return pairs


def summary_line(crawler: Crawler) -> str:
    stats = crawler.stats.get_stats() if crawler.stats else {}
    name = crawler.spidercls.name
    new, updated = (int(stats.get(f"newscrawl/emitted/{k}", 0)) for k in ("new", "updated"))
    drops = drop_counts(stats)
    health = f"FAILED: {stats.get(HEALTH_VERDICT)}" if stats.get(HEALTH_FAILED) else "ok"
    reasons = ", ".join(f"{r}: {n}" for r, n in drops.items()) or "-"
    return (
        f"{name:<14} new {new:>5}  updated {updated:>4}  dropped {sum(drops.values()):>4} "
        f"({reasons})  health {health}"
    )


def crawl_outlets(
    outlets: Sequence[str], every: bool, args: Sequence[str], sets: Sequence[str]
) -> int:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    settings = get_project_settings()
    settings.setdict(_pairs(sets, "-s"), priority="cmdline")
    process = CrawlerProcess(settings)
    names = sorted(process.spider_loader.list()) if every else list(outlets)
    unknown = set(names) - set(process.spider_loader.list())
    if not names or unknown:
        print(
            f"newscrawl crawl: name outlets or --all (unknown: {sorted(unknown)})", file=sys.stderr
        )
        return 2
    spider_args = _pairs(args, "-a")
    for name in names:
        problem = launch_problem(name, spider_args, settings.get("NEWSCRAWL_OUTPUT_DIR") or "")
        if problem:
            print(f"newscrawl crawl: {problem}", file=sys.stderr)
            return 2
    crawlers = []
    for name in names:
        crawler = process.create_crawler(name)
        process.crawl(crawler, **spider_args)
        crawlers.append(crawler)
    process.start()
    print("\n".join(summary_line(crawler) for crawler in crawlers))
    if process.bootstrap_failed:
        return 1
    if any(c.stats and c.stats.get_value(HEALTH_FAILED) for c in crawlers):
        return UNHEALTHY
    return 0
