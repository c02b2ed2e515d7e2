"""``newscrawl crawl --all``: every outlet in one process, one summary, one exit status."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.utils.project import get_project_settings

from newscrawl.commands.crawl import exit_status, launch_problem, redis_problem
from newscrawl.distributed import RUN_PREFIX
from newscrawl.keep.extensions import HEALTH_FAILED, HEALTH_VERDICT, drop_counts
from newscrawl.outlet import registry

logger = logging.getLogger(__name__)


def _pairs(values: Sequence[str], flag: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep:
            raise SystemExit(f"newscrawl crawl: {flag} wants NAME=VALUE, got {value!r}")
        pairs[name] = setting
    return pairs


def summary_line(crawler: Crawler) -> str:
    try:
        stats = crawler.stats.get_stats() if crawler.stats else {}
    except RuntimeError:  # the crawler never started (it failed to set up)
        return f"{crawler.spidercls.name:<14} did not start  health FAILED"
    name = crawler.spidercls.name
    new, updated = (int(stats.get(f"newscrawl/emitted/{k}", 0)) for k in ("new", "updated"))
    drops = drop_counts(stats)
    health = f"FAILED: {stats.get(HEALTH_VERDICT)}" if stats.get(HEALTH_FAILED) else "ok"
    reasons = ", ".join(f"{r}: {n}" for r, n in drops.items()) or "-"
    line = (
        f"{name:<14} new {new:>5}  updated {updated:>4}  dropped {sum(drops.values()):>4} "
        f"({reasons})  health {health}"
    )
    machines = stats.get(f"{RUN_PREFIX}machines")
    if machines:
        # A distributed run: the same figures for all its machines.
        total = {k: int(stats.get(f"{RUN_PREFIX}{k}", 0)) for k in ("new", "updated", "dropped")}
        line += (
            f"  | run on {len(machines)} machines: new {total['new']}, "
            f"updated {total['updated']}, dropped {total['dropped']}"
        )
    return line


def crawl_outlets(
    outlets: Sequence[str],
    every: bool,
    args: Sequence[str],
    sets: Sequence[str],
    outlet_args: Mapping[str, Sequence[str]] | None = None,
) -> int:
    """Crawl ``outlets`` (or every one) in one process; ``outlet_args`` adds one outlet's
    own spider arguments to ``args``."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    settings = get_project_settings()
    settings.setdict(_pairs(sets, "-s"), priority="cmdline")
    if settings.get("NEWSCRAWL_PROGRESS") == "auto":
        # Several outlets at once is a long command: one bar for all, on a terminal.
        settings.set("NEWSCRAWL_PROGRESS", "on", priority="cmdline")
    process = CrawlerProcess(settings)
    problem = redis_problem(settings)
    if problem:
        logger.error("%s; not crawling", problem)
        return 1
    # --all is every declared outlet (not the generic spider, which needs -a site=).
    names = sorted(registry()) if every else list(outlets)
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
        own = _pairs((outlet_args or {}).get(name, ()), "-a")
        process.crawl(crawler, **{**spider_args, **own})
        crawlers.append(crawler)
    process.start()
    print("\n".join(summary_line(crawler) for crawler in crawlers))
    if process.bootstrap_failed:
        return 1
    return max((exit_status(c.stats) for c in crawlers), default=0)
