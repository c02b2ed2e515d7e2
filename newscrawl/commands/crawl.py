"""``scrapy crawl`` that exits 3 when the run's parser health check failed.

Cron mails and monitors look at exit statuses; a site redesign that breaks a parser
must not look like a quiet, successful run.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from newscrawl.keep.extensions import HEALTH_FAILED

#: Exit status of a run whose parser health check failed.
UNHEALTHY = 3


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name (scrapy list shows them)")
        assert self.crawler_process is not None
        crawler = self.crawler_process.create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif crawler.stats is not None and crawler.stats.get_value(HEALTH_FAILED):
            self.exitcode = UNHEALTHY
