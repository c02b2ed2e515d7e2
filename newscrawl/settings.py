"""Scrapy settings for newscrawl. Every NEWSCRAWL_* setting is documented in the README."""

from __future__ import annotations

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

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

DOWNLOADER_MIDDLEWARES = {
    "newscrawl.middlewares.ReplayMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.BackoffRetryMiddleware": 550,
}
ITEM_PIPELINES = {
    "newscrawl.pipelines.ValidationPipeline": 100,
    "newscrawl.pipelines.DuplicateUrlPipeline": 200,
}
EXTENSIONS = {
    "newscrawl.extensions.DropReport": 500,
}

# One run, one file: output/<outlet>/<run timestamp>.jsonl, UTF-8 as-is, stable key order.
# Used when the command line names no feed (-o/-O); empty turns it off.
NEWSCRAWL_OUTPUT = "output/%(name)s/%(time)s.jsonl"
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = [
    "url",
    "outlet",
    "headline",
    "subheadline",
    "published_at",
    "updated_at",
    "authors",
    "editors",
    "section",
    "tags",
    "dateline",
    "body",
    "baca_juga",
    "editor_code",
    "images",
    "language",
    "fetched_at",
    "parser",
]

# Offline replay: comma-separated .warc/.warc.gz files answer every request (empty = off).
NEWSCRAWL_REPLAY = ""
# Write the run's stats as JSON here when the crawl ends (empty = off).
NEWSCRAWL_STATS_FILE = ""

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
