"""Scrapy settings for newscrawl. Every NEWSCRAWL_* setting is documented in the README."""

from __future__ import annotations

import os

from newscrawl.record import FIELDS

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# spiders/<outlet>.py declare outlets (OUTLET = Outlet(...)); the loader makes their spiders.
SPIDER_LOADER_CLASS = "newscrawl.discover.loader.OutletSpiderLoader"
# `scrapy crawl` exits non-zero when a run's health check fails (newscrawl/commands/crawl.py).
COMMANDS_MODULE = "newscrawl.commands"

USER_AGENT = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl; news archiving for research)"
ROBOTSTXT_OBEY = True

# Politeness: adapt to each server, a few requests per domain at a time.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 60

# Flaky servers: retry transient failures, waiting longer each time (see BackoffRetryMiddleware).
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
NEWSCRAWL_RETRY_BACKOFF_BASE = 2.0
NEWSCRAWL_RETRY_BACKOFF_MAX = 60.0

# An article response yields one record and the pipelines are synchronous: parallel item
# processing gains nothing, and Scrapy starts CONCURRENT_ITEMS asyncio tasks for every
# response's output (100 by default: ~1 ms of CPU a page).
CONCURRENT_ITEMS = 4

# Article pages are parsed in this many worker processes ("auto": one per core the crawl
# process leaves free, at most 4; 0: in the crawl process).
NEWSCRAWL_PARSE_WORKERS = "auto"
# Parsing one page (article, listing or sitemap) may take this many seconds of Python work,
# in a worker or in-process; then it is stopped and the page refused as parse_timeout. A page
# parses in milliseconds: this only stops pathological ones (0: no limit). A worker stuck in C
# code twice as long is killed and the page tried once more.
NEWSCRAWL_PARSE_TIMEOUT = 10.0

# Pending requests wait on disk (a temporary folder, or JOBDIR's), not in memory, in a
# queue per host; a host paused by Retry-After keeps its requests there until it may be asked
# again (newscrawl.discover.scheduler.HostPausingPriorityQueue).
SCHEDULER = "newscrawl.discover.scheduler.DiskQueueScheduler"
SCHEDULER_PRIORITY_QUEUE = "newscrawl.discover.scheduler.HostPausingPriorityQueue"

DOWNLOADER_MIDDLEWARES = {
    "newscrawl.discover.middlewares.ReplayMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.discover.robots.SharedRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.discover.middlewares.BackoffRetryMiddleware": 550,
    # Next to the downloader: bodies still compressed, every redirect and robots.txt.
    "newscrawl.discover.capture.ArchiveMiddleware": 950,
}
ITEM_PIPELINES = {
    "newscrawl.keep.pipelines.ValidationPipeline": 100,
    "newscrawl.keep.pipelines.DuplicateUrlPipeline": 200,
    "newscrawl.keep.pipelines.IncrementalPipeline": 300,
    "newscrawl.keep.pipelines.RunOutputPipeline": 900,
}
EXTENSIONS = {
    "newscrawl.keep.extensions.FreezeImports": 100,
    # Before the report: it puts the run's per-machine counts in the stats at close.
    "newscrawl.distributed.FrontierWatch": 480,
    # The report decides the health verdict before the drop line (which names it) is logged.
    "newscrawl.keep.extensions.CrawlReport": 490,
    "newscrawl.keep.extensions.DropReport": 500,
    "newscrawl.keep.metrics.MetricsFile": 520,
    "newscrawl.progress.CrawlProgress": 600,
}

# Output: one file per run, output/<outlet>/<UTC timestamp>.jsonl, written as .part until the
# run ends. Used when the command line names no feed (-o/-O); empty turns it off.
NEWSCRAWL_OUTPUT_DIR = "output/%(name)s"
# Feeds given with -o/-O: UTF-8 as-is, the record's key order.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(FIELDS)

# Incremental runs: what was emitted, by canonical URL and content hash (empty = off).
NEWSCRAWL_STATE = "output/state.sqlite3"
# Known articles are fetched again while they are this young (hours after publication).
NEWSCRAWL_RECHECK_HOURS = 48.0
# "Now" for the re-check window, ISO 8601 (empty = the clock); for replays and tests.
NEWSCRAWL_NOW = ""

# Health check: a run whose article pages mostly failed to parse logs an ERROR and exits 3.
NEWSCRAWL_HEALTH_MIN_RATIO = 0.5
NEWSCRAWL_HEALTH_MIN_PAGES = 4
NEWSCRAWL_HEALTH_ZERO_PAGES = 10

# Drift alarm: this share of the pages a dedicated parser reads is read by the generic parser
# too; strongly different bodies are counted (newscrawl/crosscheck/disagrees/<parser>).
NEWSCRAWL_CROSSCHECK_RATE = 0.05

# Offline replay: comma-separated .warc/.warc.gz files answer every request (empty = off).
NEWSCRAWL_REPLAY = ""
# Archive: every response received, as WARC/1.1, <dir>/<run timestamp>.warc.gz (empty = off).
# A directory or a file name ending in .warc.gz; %(name)s is the outlet, %(stamp)s the run's
# timestamp, %(output_dir)s NEWSCRAWL_OUTPUT_DIR (beside the run's records).
NEWSCRAWL_ARCHIVE = "%(output_dir)s"
# A file is closed and the next one started at this size (bytes, or 500M, 1G).
NEWSCRAWL_ARCHIVE_MAX_SIZE = "1G"
# Write the run's stats as JSON here when the crawl ends (empty = off).
NEWSCRAWL_STATS_FILE = ""

# Operator's view (newscrawl report, metrics, progress).
# Prometheus text-format figures of each run, merged per outlet into this file (empty = off);
# "%(name)s" makes one file per outlet.
NEWSCRAWL_METRICS_FILE = ""
# A progress bar on a terminal: "auto" (backfills and `newscrawl crawl`), "on", "off".
NEWSCRAWL_PROGRESS = "auto"
# Several machines on one crawl: the frontier (scrapy-redis queue and request filter, per
# run) and the crawl state in this Redis (empty = one machine, SQLite, local queue).
NEWSCRAWL_REDIS_URL = os.environ.get("NEWSCRAWL_REDIS_URL", "")
# Key prefix in that Redis (several independent deployments can share one server).
NEWSCRAWL_REDIS_PREFIX = "newscrawl"
# A machine silent this long (seconds) is taken as dead: its claims stop counting and
# the run can end without it.
NEWSCRAWL_REDIS_LEASE = 30.0
# The frontier a run joins (empty: "latest" for scheduled runs, "backfill-<since>-<until>"
# for a backfill, so the two never share a run).
NEWSCRAWL_FRONTIER = ""
ADDONS = {"newscrawl.distributed.DistributedCrawl": 0}

# No telnet console: nobody should reach a crawler's Python over TCP, and `crawl --all` would
# need a port per outlet (Scrapy's range holds 51).
TELNETCONSOLE_ENABLED = False

# Hostile servers and pages (see the README, "Hostile servers and pages").
# Only http(s) is ever fetched: a sitemap entry file:///dev/zero must not read the disk.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}
# Limits that fit news pages, on the body as received and once decompressed (a 1 MB gzip bomb
# expanding to 1 GiB is cut off at this size).
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
# A request that failed every retry is counted under its reason (newscrawl/dropped/...,
# newscrawl/discovery/failed/...); the run's health verdict is the one ERROR line.
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
# Retry-After (429/503) is honoured per domain, up to this many seconds.
NEWSCRAWL_RETRY_AFTER_MAX = 300.0
# A dropped duplicate or unchanged record is logged by its URL, not its whole content.
LOG_FORMATTER = "newscrawl.keep.logformat.QuietDropLogFormatter"

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
