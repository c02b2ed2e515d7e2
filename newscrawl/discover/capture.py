"""Every response a crawl receives, written to the run's WARC archive as it was received.

:class:`ArchiveMiddleware` sits next to the downloader, below the compression and redirect
middlewares: it sees bodies still content-encoded and every redirect, robots.txt, sitemap,
feed and listing response, not only the article pages the spider gets. It stamps each
request with the capture's time (``FETCHED_AT``), which the spider uses as the record's
``fetched_at``: a record's ``fetched_at`` is its capture's ``WARC-Date``.

The records are built and written by a writer process of the run
(:mod:`newscrawl.keep.archiver`), so the crawl process's event loop spends on a capture
only the time to send it. A response goes on to the spider only once its capture is
written, so a record never exists without its capture, even after a kill.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from newscrawl import __version__
from newscrawl.discover.middlewares import FETCHED_AT
from newscrawl.keep.archive import (
    OUTLET_FIELD,
    SUFFIX,
    ArchiveWriter,
    Capture,
    leftovers,
    repair,
)
from newscrawl.keep.archiver import ArchiverProcess
from newscrawl.keep.output import run_stamp
from newscrawl.keep.run import Run

logger = logging.getLogger(__name__)

#: Request meta keys the spider sets (newscrawl.discover.spider): an article request
#: carries the link it came from, a multi-page article's next page the pages still to fetch.
ARTICLE_META = "newscrawl_link"
LATER_PAGE_META = "newscrawl_remaining"
#: Headers of the transfer, not of the body we keep (already joined from its chunks).
_TRANSFER_HEADERS = frozenset({b"transfer-encoding"})


def archive_target(settings: BaseSettings, outlet: str, stamp: str) -> tuple[Path, str] | None:
    """Where ``NEWSCRAWL_ARCHIVE`` puts a run's archive: (directory, file stem), or None
    when it is off. The value is a directory, or a file name ending in ``.warc.gz``; either
    may use ``%(name)s`` (the outlet), ``%(stamp)s`` (the run's UTC timestamp) and
    ``%(output_dir)s`` (``NEWSCRAWL_OUTPUT_DIR``, the default)."""
    output_dir = (settings.get("NEWSCRAWL_OUTPUT_DIR") or "") % {"name": outlet}
    template = settings.get("NEWSCRAWL_ARCHIVE") or ""
    value = template % {"name": outlet, "stamp": stamp, "output_dir": output_dir}
    if not value:
        return None
    if value.endswith(SUFFIX):
        path = Path(value)
        return path.parent, path.name.removesuffix(SUFFIX)
    return Path(value), stamp


def size_setting(value: object) -> int:
    """``NEWSCRAWL_ARCHIVE_MAX_SIZE``: bytes, or a number with K, M or G (powers of 1024)."""
    text = str(value).strip().upper().removesuffix("B")
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:], 1)
    try:
        size = int(float(text[:-1] if scale > 1 else text) * scale)
    except ValueError:
        wanted = "NEWSCRAWL_ARCHIVE_MAX_SIZE wants bytes (or 500M, 1G)"
        raise ValueError(f"{wanted}, got {value!r}") from None
    if size <= 0:
        raise ValueError(f"NEWSCRAWL_ARCHIVE_MAX_SIZE must be positive, got {value!r}")
    return size


def role(request: Request) -> str:
    """What the spider fetched the page as (``WARC-Newscrawl-Role``)."""
    if LATER_PAGE_META in request.meta:
        return "later-page"
    return "article" if ARTICLE_META in request.meta else "discovery"


class ArchiveMiddleware:
    """Write each response received (and its request) to the run's WARC archive."""

    def __init__(self, writer: ArchiveWriter, stats: StatsCollector | None = None) -> None:
        #: Writes in this process where there is no asyncio event loop (another reactor).
        self.writer = writer
        self.stats = stats
        self._process: ArchiverProcess | None = None
        self._archive: asyncio.Future[int] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run = Run.of(crawler)
        # Machines of one distributed run start in the same second: each writes its own file,
        # named like its records' (<stamp>-<machine>).
        stamp = run_stamp(run.started)
        stamp = f"{stamp}-{run.machine}" if run.machine else stamp
        target = archive_target(crawler.settings, run.outlet, stamp)
        if target is None:
            raise NotConfigured("NEWSCRAWL_ARCHIVE is empty")
        directory, stem = target
        info = {
            "software": f"newscrawl/{__version__}",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
            "warc-format/warc-1.1/",
            "http-header-user-agent": crawler.settings.get("USER_AGENT") or "",
            "robots": "obey" if crawler.settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            OUTLET_FIELD: run.outlet,
        }
        max_size = size_setting(crawler.settings.get("NEWSCRAWL_ARCHIVE_MAX_SIZE", 1 << 30))
        middleware = cls(ArchiveWriter(directory, stem, max_size, info), crawler.stats)
        middleware.close_leftovers()
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def close_leftovers(self) -> None:
        """Repair and close the archives of killed runs in this run's directory."""
        if not self.writer.directory.is_dir():
            return
        for path in leftovers(self.writer.directory):
            repair(path)
            self._count("repaired")

    async def process_response(self, request: Request, response: Response) -> Response:
        if "replay" in response.flags or "cached" in response.flags:
            return response  # not fetched by this run: its archive already holds it
        when = datetime.now(UTC).replace(microsecond=0)
        capture = Capture(
            url=response.url,
            fetched_at=when,
            status=response.status,
            headers=_pairs(response.headers, skip=_TRANSFER_HEADERS),
            body=response.body,
            method=request.method,
            request_headers=_pairs(request.headers),
            request_body=request.body,
            ip_address=str(response.ip_address) if response.ip_address else None,
            role=role(request),
            protocol=_protocol(response),
        )
        request.meta[FETCHED_AT] = when
        if _in_asyncio_loop():
            process, archive = await self._opened()
            await process.write(archive, capture)
        else:
            self.writer.write(capture)
        self._count("captures")
        return response

    async def spider_closed(self) -> list[Path]:
        return await self.close()

    async def _opened(self) -> tuple[ArchiverProcess, int]:
        """The writer process and this run's archive in it, opened on the first capture."""
        if self._archive is None:
            self._process = ArchiverProcess.shared()
            writer = self.writer
            opening = self._process.open(
                writer.directory, writer.stem, writer.max_size, writer.info
            )
            self._archive = asyncio.ensure_future(opening)
        archive = await asyncio.shield(self._archive)
        assert self._process is not None
        return self._process, archive

    async def close(self) -> list[Path]:
        """Close the run's archive files; the files written."""
        paths = self.writer.close()
        if self._archive is not None:
            process, archive = await self._opened()
            paths += await process.close(archive)
        for path in paths:
            logger.info("archive %s closed", path)
        self._count("files", len(paths))
        return paths

    def _count(self, what: str, count: int = 1) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(f"newscrawl/archive/{what}", count)


def _in_asyncio_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _pairs(headers: object, skip: frozenset[bytes] = frozenset()) -> list[tuple[str, str]]:
    """Scrapy headers as (name, value) text pairs, one per value, in order."""
    found = []
    for name, values in headers.items():  # type: ignore[attr-defined]
        if name.lower() in skip:
            continue
        for value in values:
            found.append((name.decode("latin-1"), value.decode("latin-1")))
    return found


def _protocol(response: Response) -> str:
    protocol = getattr(response, "protocol", None)
    return protocol if protocol and protocol.startswith("HTTP/") else "HTTP/1.1"
