"""What went wrong with a request, as the short reason the crawl counts it under.

A request's errback gets a Twisted failure: an HTTP error status, robots.txt's refusal, a body
over ``DOWNLOAD_MAXSIZE`` (on the wire or once decompressed), a network error. Article pages
are counted as ``newscrawl/dropped/<reason>``, discovery documents (feeds, sitemaps, listing
pages) as ``newscrawl/discovery/failed/<reason>``; the run's health verdict reads the latter.
"""

from __future__ import annotations

import re

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

#: Request meta key of discovery documents (feeds, sitemaps, listings, robots.txt, home pages).
DISCOVERY = "newscrawl_discovery"

#: How Scrapy words the IgnoreRequest of a body over DOWNLOAD_MAXSIZE once decompressed.
_TOO_LARGE = re.compile(r"DOWNLOAD_MAXSIZE|maxsize", re.IGNORECASE)


def failure_reason(error: BaseException | None) -> str:
    """``http_<status>``, ``robots_denied``, ``too_large``, ``offsite``, ``ignored`` or
    ``download_error`` (DNS, refused or reset connections, timeouts, cut-off bodies)."""
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    if isinstance(error, DownloadCancelledError):
        # Scrapy cancels a download whose Content-Length or received bytes pass the limit.
        return "too_large"
    if isinstance(error, IgnoreRequest):
        message = str(error)
        if "robots.txt" in message:
            return "robots_denied"
        if _TOO_LARGE.search(message):
            return "too_large"
        if "offsite" in message.lower():
            return "offsite"
        return "ignored"
    return "download_error"
