"""``scrapy crawl`` that exits 3 when the run's parser health check failed.

Cron mails and monitors look at exit statuses; a site redesign that breaks a parser
must not look like a quiet, successful run.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from newscrawl.keep.extensions import HEALTH_FAILED
from newscrawl.keep.run import output_dir_for

#: Exit status of a run whose parser health check failed.
UNHEALTHY = 3


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
        assert self.settings is not None
        problem = launch_problem(
            args[0], opts.spargs, self.settings.get("NEWSCRAWL_OUTPUT_DIR") or ""
        )
        if problem:
            raise UsageError(problem, print_help=False)
        assert self.crawler_process is not None
        crawler = self.crawler_process.create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif crawler.stats is not None and crawler.stats.get_value(HEALTH_FAILED):
            self.exitcode = UNHEALTHY
