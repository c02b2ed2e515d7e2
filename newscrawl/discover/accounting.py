"""What a spider counts besides records: links it must not request, discovery documents that
failed or were unusable, redirects Scrapy drops without calling any errback, article requests
that failed. Every one is a stats key with its reason and one warning line; the run's health
verdict (:mod:`newscrawl.keep.health`) reads the discovery counts.
"""

from __future__ import annotations

import logging
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from newscrawl.discover.faults import DISCOVERY, failure_reason
from newscrawl.limits import time_limit
from newscrawl.urls import link_problem, url_origin

logger = logging.getLogger(__name__)


class Accounting:
    """Mixed into :class:`~newscrawl.discover.spider.NewsSpider` (which defines ``drop``)."""

    crawler: Crawler

    def drop(self, reason: str, url: str, detail: str) -> None:
        raise NotImplementedError

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Any:
        spider = super().from_crawler(crawler, *args, **kwargs)  # type: ignore[misc]
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider.request_scheduled, signal=signals.request_scheduled)
        return spider

    def requestable(self, url: str) -> bool:
        """Whether a link from a page or discovery document may be requested: an http(s) URL on
        the spider's domains. One that may not is skipped and counted
        (``newscrawl/links_skipped/<reason>``), never raised: one ``javascript:void(0)`` must
        not lose the links after it."""
        domains = list(getattr(self, "allowed_domains", None) or []) or None
        problem = link_problem(url, domains)
        if problem is None:
            return True
        self.crawler.stats.inc_value(f"newscrawl/links_skipped/{problem}")
        logger.debug("skipped link %r (%s)", url[:200], problem)
        return False

    def home_domains(self) -> list[str] | None:
        """The domains whose pages are this spider's articles (None: any)."""
        return list(getattr(self, "allowed_domains", None) or []) or None

    def offsite_redirect(self, link: str, final: str) -> bool:
        """Whether an article link was redirected off the outlet's sites: the page there is
        not the outlet's article and is not emitted under its name. Scrapy's offsite filter
        checks hosts only, so a redirect to another server on an allowed host (another port of
        the ``-a base_url`` host) reaches the callback."""
        if url_origin(final) == url_origin(link):
            return False
        return link_problem(final, self.home_domains()) is not None

    def discovery_usable(self) -> None:
        """A discovery document was fetched and read (``newscrawl/discovery/usable``)."""
        self.crawler.stats.inc_value("newscrawl/discovery/usable")

    def discovery_failed(self, failure: Failure) -> None:
        """Errback of discovery requests: counted by reason for the run's health verdict, one
        warning line each (no traceback)."""
        request = failure.request  # type: ignore[attr-defined]
        reason = failure_reason(failure.value)
        self.crawler.stats.inc_value(f"newscrawl/discovery/failed/{reason}")
        logger.warning(
            "discovery document %s failed (%s): %s", request.url, reason, failure.getErrorMessage()
        )

    def request_scheduled(self, request: scrapy.Request) -> None:
        """Scrapy's offsite filter drops a redirect to another site as it is scheduled, without
        calling any errback: the page would vanish uncounted. Count it here."""
        redirects: list[str] = request.meta.get("redirect_urls") or []
        domains = list(getattr(self, "allowed_domains", None) or []) or None
        if redirects and not request.dont_filter and link_problem(request.url, domains):
            self.redirect_lost(request, redirects[0], "offsite_redirect")

    def request_dropped(self, request: scrapy.Request) -> None:
        """The scheduler drops a request for a page it already fetched, without calling any
        errback; when that request is a redirect, the page it came from is lost: a loop (the
        redirect leads back to where it started) or a redirect to a page already fetched."""
        redirects: list[str] = request.meta.get("redirect_urls") or []
        if redirects:
            reason = "redirect_loop" if request.url in redirects else "redirect_to_known"
            self.redirect_lost(request, redirects[0], reason)

    def redirect_lost(self, request: scrapy.Request, origin: str, reason: str) -> None:
        if request.meta.get(DISCOVERY):
            self.crawler.stats.inc_value(f"newscrawl/discovery/failed/{reason}")
            logger.warning("discovery document %s: %s to %s", origin, reason, request.url)
        else:
            self.drop(reason, origin, f"redirected to {request.url}")

    def listing_unusable(self, response: Response, reason: str, detail: str) -> None:
        self.crawler.stats.inc_value(f"newscrawl/listing_unusable/{reason}")
        self.crawler.stats.inc_value(f"newscrawl/discovery/unusable/{reason}")
        logger.warning("listing %s unusable (%s): %s", response.url, reason, detail)

    def time_limit(self) -> Any:
        """A limit on the crawl process's own work for one discovery document
        (``NEWSCRAWL_PARSE_TIMEOUT``), so a hostile listing cannot hold up the crawl."""
        return time_limit(self.crawler.settings.getfloat("NEWSCRAWL_PARSE_TIMEOUT", 0.0))

    def article_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        reason = failure_reason(failure.value)
        self.drop(reason, request.url, failure.getErrorMessage() or repr(failure.value))
