"""Downloader middlewares: offline replay from WARC files, and retries with backoff."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

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


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting ``base ** attempt`` seconds (capped) before each retry."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_MAX", 60.0)

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based)."""
        if self.backoff_base <= 0:
            return 0.0
        return float(min(self.backoff_max, self.backoff_base ** (attempt - 1)))

    async def _wait(self, result: Any) -> Any:
        if isinstance(result, Request):
            delay = self.backoff(int(result.meta.get("retry_times", 1)))
            if delay > 0:
                await asyncio.sleep(delay)
        return result

    async def process_response(self, request: Request, response: Response) -> Any:  # type: ignore[override]
        return await self._wait(super().process_response(request, response))

    async def process_exception(self, request: Request, exception: Exception) -> Any:  # type: ignore[override]
        return await self._wait(super().process_exception(request, exception))
