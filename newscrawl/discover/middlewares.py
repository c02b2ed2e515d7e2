"""Downloader middlewares: offline replay from WARC files, and retries with backoff."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector
from scrapy.utils.httpobj import urlparse_cached

from newscrawl.keep.warc import WarcArchive

logger = logging.getLogger(__name__)

#: Request meta key holding the original fetch time of a replayed response.
FETCHED_AT = "newscrawl_fetched_at"


class ReplayMiddleware:
    """Answer every request from WARC response records; a 404 for any URL they lack.

    Enabled by ``NEWSCRAWL_REPLAY`` (comma-separated .warc/.warc.gz paths). No request
    reaches the network: robots.txt, sitemaps and articles all come from the archive.
    """

    def __init__(self, archive: WarcArchive, stats: StatsCollector | None = None) -> None:
        self.archive = archive
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        paths = [p.strip() for p in crawler.settings.get("NEWSCRAWL_REPLAY", "").split(",")]
        paths = [p for p in paths if p]
        if not paths:
            raise NotConfigured("NEWSCRAWL_REPLAY is not set")
        archive = WarcArchive(paths)
        logger.info("Replaying %d responses from %s", len(archive), ", ".join(paths))
        return cls(archive, crawler.stats)

    def process_request(self, request: Request) -> Response:
        saved = self.archive.get(request.url)
        if saved is None:
            self._count("miss")
            return Response(request.url, status=404, request=request, flags=["replay"])
        self._count("hit")
        headers = Headers(saved.headers)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=saved.body)
        if saved.fetched_at is not None:
            request.meta[FETCHED_AT] = saved.fetched_at
        return cls(
            url=request.url,
            status=saved.status,
            headers=headers,
            body=saved.body,
            request=request,
            flags=["replay"],
        )

    def _count(self, what: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"newscrawl/replay/{what}")


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """A ``Retry-After`` header in seconds: a number of seconds or an HTTP date (RFC 9110);
    None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting ``base ** attempt`` seconds (capped) before each retry.

    A 429 or 503 with ``Retry-After`` pauses every request to that host for as long as it asks,
    up to ``NEWSCRAWL_RETRY_AFTER_MAX`` seconds: a server that says "come back in two minutes"
    is not asked again (by the retry or by any other request to it) after two seconds. The
    scheduler's queue (:class:`~newscrawl.discover.scheduler.HostPausingPriorityQueue`) keeps
    a paused host's requests, the retry too, until the pause ends, so that they hold none of
    the downloader's ``CONCURRENT_REQUESTS`` places meanwhile; one that reaches the downloader
    all the same (another scheduler's, Redis's) waits here.
    """

    #: Statuses whose Retry-After is honoured.
    RETRY_AFTER_STATUSES = (429, 503)

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("NEWSCRAWL_RETRY_AFTER_MAX", 300.0)
        #: Host -> monotonic time before which no request goes to it.
        self.paused_until: dict[str, float] = {}
        # Replaceable in tests: no test waits for real minutes.
        self.clock: Callable[[], float] = time.monotonic
        self.sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep

    def pause_left(self, request: Request) -> float:
        """Seconds the request's host is still paused for (0 when it is not)."""
        return self.host_pause_left(urlparse_cached(request).hostname or "")

    def host_pause_left(self, host: str) -> float:
        """Seconds ``host`` is still paused for (0 when it is not)."""
        until = self.paused_until.get(host)
        return max(0.0, until - self.clock()) if until is not None else 0.0

    def note_retry_after(self, request: Request, response: Response) -> None:
        if response.status not in self.RETRY_AFTER_STATUSES:
            return
        raw = response.headers.get("Retry-After")
        asked = retry_after_seconds(raw.decode("latin-1") if raw else None, datetime.now(UTC))
        if asked is None:
            return
        wait = min(asked, self.retry_after_max)
        host = urlparse_cached(request).hostname or ""
        self.paused_until[host] = max(self.paused_until.get(host, 0.0), self.clock() + wait)
        self.crawler.stats.inc_value("newscrawl/retry_after")
        logger.info("%s asks to wait %g s (Retry-After: %s); waiting %g s", host, asked, raw, wait)

    async def process_request(self, request: Request) -> None:
        left = self.pause_left(request)
        if left > 0:
            await self.sleep(left)

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based)."""
        if self.backoff_base <= 0:
            return 0.0
        return float(min(self.backoff_max, self.backoff_base ** (attempt - 1)))

    async def _wait(self, result: Any) -> Any:
        # A retry waits out its backoff here, and its host's pause in the scheduler's queue
        # (or, from a queue that does not keep paused hosts, in process_request).
        if isinstance(result, Request):
            backoff = self.backoff(int(result.meta.get("retry_times", 1)))
            if backoff > 0:
                await self.sleep(backoff)
        return result

    async def process_response(self, request: Request, response: Response) -> Any:  # type: ignore[override]
        self.note_retry_after(request, response)
        return await self._wait(super().process_response(request, response))

    async def process_exception(self, request: Request, exception: Exception) -> Any:  # type: ignore[override]
        return await self._wait(super().process_exception(request, exception))
