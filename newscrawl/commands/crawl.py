"""``scrapy crawl`` that exits 3 when the run's parser health check failed.

Cron mails and monitors look at exit statuses; a site redesign that breaks a parser
must not look like a quiet, successful run.
"""

from __future__ import annotations

import argparse
import logging

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from newscrawl.distributed import REDIS_LOST
from newscrawl.keep.extensions import HEALTH_FAILED
from newscrawl.keep.redis_link import unreachable
from newscrawl.keep.run import output_dir_for

logger = logging.getLogger(__name__)

#: Exit status of a run whose parser health check failed.
UNHEALTHY = 3
#: Exit status of a distributed run that lost its Redis on the way (output left as .part).
SHARED_STATE_LOST = 4


def redis_problem(settings: BaseSettings) -> str | None:
    """Why a distributed crawl cannot start (Redis does not answer), or None."""
    url = settings.get("NEWSCRAWL_REDIS_URL")
    return unreachable(url) if url else None


def exit_status(stats: StatsCollector | None) -> int:
    """What a finished crawl's stats say to cron: 0, or why not."""
    if stats is not None and stats.get_value(REDIS_LOST):
        return SHARED_STATE_LOST
    if stats is not None and stats.get_value(HEALTH_FAILED):
        return UNHEALTHY
    return 0


def launch_problem(name: str, spider_args: dict[str, str], output_dir: str) -> str | None:
    """What makes a crawl unable to start, in one line: caught before the crawler starts, so
    the user reads it instead of a traceback (scrapyd passes arguments from HTTP)."""
    renamed = spider_args.get("name")
    if renamed is not None and renamed != name:
        return f"-a name={renamed!r}: a spider's name is its outlet and cannot be changed"
    try:
        output_dir_for(output_dir, name)
    except ValueError as exc:
        return str(exc)
    return None


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name (scrapy list shows them)")
        assert self.crawler_process is not None and self.settings is not None
        problem = launch_problem(
            args[0], opts.spargs, self.settings.get("NEWSCRAWL_OUTPUT_DIR") or ""
        )
        if problem:
            raise UsageError(problem, print_help=False)
        problem = redis_problem(self.settings)
        if problem:
            logger.error("%s; not crawling", problem)
            self.exitcode = 1
            return
        crawler = self.crawler_process.create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        else:
            self.exitcode = exit_status(crawler.stats)
