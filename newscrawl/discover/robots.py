"""robots.txt obeyed by every request, not only the first one to a site.

Scrapy 2.19's ``RobotsTxtMiddleware`` keeps one Deferred per site while robots.txt downloads
and lets each waiting request ``await`` it (``maybe_deferred_to_future(parser)``, since
scrapy/scrapy#6802, commit edba1ad57). Under the asyncio reactor that turns the Deferred into a
Future with a callback that returns None, and a Deferred hands each callback's return value to
the next: the first waiting request gets the parsed rules, every later one gets None, which
the middleware reads as "no robots.txt, allow all". With ``Disallow: /`` a news sitemap and a
feed requested at start were fetched on every run. Here each waiter gets its own Deferred fed
from the shared one, so all of them get the rules.

A robots.txt that cannot be downloaded (the site is down) is one warning line, not an ERROR
with a traceback per site: the run's health verdict reports an unreachable site once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

if TYPE_CHECKING:
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)


def _own_copy(shared: Deferred[RobotParser | None]) -> Deferred[RobotParser | None]:
    """A Deferred that fires with ``shared``'s result, leaving that result in place for the
    callbacks after it."""
    copy: Deferred[RobotParser | None] = Deferred()

    def hand_on(result: RobotParser | None) -> RobotParser | None:
        copy.callback(result)
        return result

    shared.addCallback(hand_on)
    return copy


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        pending = self._parsers.get(netloc)
        if isinstance(pending, Deferred):
            return await maybe_deferred_to_future(_own_copy(pending))
        if netloc in self._parsers:
            return pending
        self._parsers[netloc] = Deferred()
        url = urlparse_cached(request)
        robots = Request(
            f"{url.scheme}://{netloc}/robots.txt",
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True},
            callback=NO_CALLBACK,
        )
        try:
            response = await self.crawler.engine.download_async(robots)
            await self._parse_robots(response, netloc, request)
        except Exception as exc:
            if not isinstance(exc, IgnoreRequest):
                logger.warning("robots.txt of %s could not be fetched: %s", netloc, exc)
            self._robots_error(exc, netloc)
        self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        return None if isinstance(parser, Deferred) else parser
