"""The base spider: date bounds, article requests, drops counted by reason.

An outlet spider says where its articles are listed (:meth:`NewsSpider.discover`
and its callbacks); handing each article page to the outlet's parser, following
multi-page articles and counting what could not become a record happen here.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from w3lib.url import add_or_replace_parameters

from newscrawl.api import RawPage
from newscrawl.crosscheck import DISAGREES_BELOW
from newscrawl.dates import JAKARTA
from newscrawl.discover.accounting import Accounting
from newscrawl.discover.discovery import (
    Link,
    feed_links,
    in_window,
    sitemap_entries,
    within,
)
from newscrawl.discover.middlewares import FETCHED_AT
from newscrawl.errors import ArticleError
from newscrawl.keep.run import Run
from newscrawl.limits import TimeLimitExceeded
from newscrawl.page import Page
from newscrawl.workers import ParsePool, worker_count

logger = logging.getLogger(__name__)

#: Refusals that say nothing about the parser: the page is not an article, or the
#: server sent nothing usable. Every other refusal counts against the parser's health.
NOT_PARSER_FAILURES = frozenset(
    {"not_an_article", "empty_response", "truncated", "not_html", "page_too_complex"}
)


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"-a {name}= wants YYYY-MM-DD, got {value!r}") from exc


class NewsSpider(Accounting, scrapy.Spider):
    """Base of every outlet spider; ``name`` is the outlet name."""

    #: Query parameters that turn an article URL into its single-page view.
    single_page_params: ClassVar[dict[str, str]] = {}
    #: Where discovery starts; ``-a base_url=http://127.0.0.1:8080`` points a spider at a
    #: local copy of the site (benchmarks, tests).
    base_url: str = ""

    def __init__(
        self,
        since: str | None = None,
        until: str | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        name, declared = kwargs.get("name"), getattr(type(self), "name", None)
        if name is not None and declared is not None and name != declared:
            # The name becomes the output folder and the records' outlet (scrapyd passes
            # arguments from HTTP): "-a name=../../x" must not write outside the output folder.
            raise ValueError(f"-a name= cannot rename the spider {declared!r}: {name!r}")
        super().__init__(**kwargs)
        if base_url:
            self.base_url = base_url.rstrip("/")
        since_day, until_day = parse_day(since, "since"), parse_day(until, "until")
        # Days are the outlet's local days; ``until`` is inclusive.
        self.since = datetime.combine(since_day, time(), JAKARTA) if since_day else None
        self.until = (
            datetime.combine(until_day, time(), JAKARTA) + timedelta(days=1) if until_day else None
        )
        if self.since and self.until and self.since >= self.until:
            raise ValueError("since must not be after until")

    # -- discovery: outlet spiders override discover() ------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.parse_pool.start_soon()
        for request in self.discover():
            yield request

    def discover(self) -> Iterable[scrapy.Request]:
        raise NotImplementedError

    def in_range(self, when: datetime | None) -> bool:
        return in_window(when, self.since, self.until)

    def days(self) -> Iterator[date]:
        """The Jakarta days a run covers, oldest first: since..until, or just today."""
        today = Run.of(self.crawler).now.astimezone(JAKARTA).date()
        day = self.since.date() if self.since else today
        last = (self.until - timedelta(days=1)).date() if self.until else max(day, today)
        while day <= last:
            yield day
            day += timedelta(days=1)

    def article_requests(
        self, links: Iterable[Link], by_date: bool = True
    ) -> Iterator[scrapy.Request]:
        """Requests for the links (in the date range unless ``by_date`` is false), minus
        articles the state says need no re-fetch and links that must not be requested."""
        run = Run.of(self.crawler)
        found = list(links)
        self.crawler.stats.inc_value("newscrawl/discovery/links", len(found))
        for link in within(found, self.since, self.until) if by_date else found:
            if not self.requestable(link.url):
                continue
            if run.state is not None and not run.state.needs_fetch(
                self.outlet_of(link.url), link.url, run.now, run.recheck
            ):
                self.crawler.stats.inc_value("newscrawl/skipped/known")
                continue
            yield self.article_request(link.url)

    def outlet_of(self, url: str) -> str:
        """The outlet an article URL belongs to: this spider's (the generic spider's differ)."""
        return str(self.name)

    def article_request(self, url: str) -> scrapy.Request:
        fetch = (
            add_or_replace_parameters(url, self.single_page_params)
            if (self.single_page_params)
            else url
        )
        return scrapy.Request(
            fetch,
            callback=self.parse_article_page,
            errback=self.article_failed,
            meta={"newscrawl_link": url},
        )

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """A sitemap index (follow its children) or a (news) sitemap (request its articles)."""
        children, links = sitemap_entries(response.body)
        for child in children:
            yield response.follow(child.url, callback=self.parse_sitemap)
        yield from self.article_requests(links)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self.article_requests(feed_links(response.body))

    # -- articles -------------------------------------------------------------------

    def listing_page(self, response: Response) -> Page | None:
        """A discovery page (index, category listing) as a :class:`Page`; None, counted and
        logged, when the response is no usable page (empty, cut off, not HTML)."""
        try:
            with self.time_limit():
                page = Page.from_bytes(response.body, response.url, self.fetched_at(response))
        except ArticleError as exc:
            self.listing_unusable(response, exc.reason, exc.detail)
            return None
        except TimeLimitExceeded as exc:
            self.listing_unusable(response, "parse_timeout", f"reading it {exc}")
            return None
        for note in page.notes:
            self.crawler.stats.inc_value(f"newscrawl/{note}")
        self.discovery_usable()
        return page

    def fetched_at(self, response: Response) -> datetime:
        """When the page was fetched: the archive's date on replay, else now."""
        replayed = response.meta.get(FETCHED_AT)
        return replayed if isinstance(replayed, datetime) else datetime.now(UTC)

    @property
    def parse_pool(self) -> ParsePool:
        """The processes this crawl's article pages are parsed in (``NEWSCRAWL_PARSE_WORKERS``)."""
        pool: ParsePool | None = getattr(self, "_parse_pool", None)
        if pool is None:
            settings = self.crawler.settings
            workers = worker_count(settings.get("NEWSCRAWL_PARSE_WORKERS"))
            timeout = settings.getfloat("NEWSCRAWL_PARSE_TIMEOUT", 0.0)
            pool = self._parse_pool = ParsePool.shared(workers, timeout)
            self.crawler.stats.set_value("newscrawl/parse_workers", workers)
        return pool

    async def closed(self, reason: str) -> None:
        pool: ParsePool | None = getattr(self, "_parse_pool", None)
        if pool is None:
            return
        if pool.restarts:
            self.crawler.stats.set_value("newscrawl/parse_workers/restarts", pool.restarts)
        await pool.release()

    async def parse_article_page(self, response: Response) -> AsyncIterator[Any]:
        raw_type = response.headers.get("Content-Type")
        content_type = raw_type.decode("latin-1") if raw_type else None
        # Earlier pages of a multi-page article travel as plain values (JOBDIR can save them).
        earlier: list[tuple[bytes, str, str | None]] = response.meta.get("newscrawl_pages", [])
        pages = [RawPage(*page) for page in earlier]
        pages.append(RawPage(response.body, response.url, content_type))
        remaining: list[str] | None = response.meta.get("newscrawl_remaining")
        self.crawler.stats.inc_value("newscrawl/article_pages")
        link = response.meta.get("newscrawl_link") or response.url
        if response.meta.get("redirect_urls") and self.offsite_redirect(link, response.url):
            self.drop("offsite_redirect", link, f"redirected to {response.url}")
            return
        if remaining:
            yield self.next_page(response, pages, remaining)
            return
        outcome = await self.parse_pool.parse(
            pages,
            self.outlet_of(pages[0].url),
            self.fetched_at(response),
            find_more=remaining is None,
            crosscheck=self.crawler.settings.getfloat("NEWSCRAWL_CROSSCHECK_RATE", 0.0),
        )
        for note in outcome.counts:
            self.crawler.stats.inc_value(f"newscrawl/{note}")
        more = [url for url in outcome.more if self.requestable(url)]
        if more:
            yield self.next_page(response, pages, more)
            return
        if outcome.record is None:
            if outcome.parser and outcome.reason not in NOT_PARSER_FAILURES:
                # parser_error/<ExceptionType> counts as parser_error against the parser.
                failure = outcome.reason.split("/", 1)[0]
                self.crawler.stats.inc_value(f"newscrawl/failed/{outcome.parser}/{failure}")
            if outcome.not_article:
                self.remember_not_article(response)
            self.drop(outcome.reason, outcome.url, outcome.detail)
            return
        record = outcome.record
        if outcome.fallback:
            # The record stands, but the dedicated parser failed: its health counts that.
            self.crawler.stats.inc_value(f"newscrawl/failed/{outcome.parser}/{outcome.reason}")
            self.crawler.stats.inc_value(f"newscrawl/fallback/{outcome.parser}")
            logger.warning(
                "%s: %s refused the page (%s: %s); the generic parser made the record",
                pages[0].url,
                outcome.parser,
                outcome.reason,
                outcome.detail,
            )
        else:
            self.crawler.stats.inc_value("newscrawl/parsed")
        if outcome.crosscheck is not None:
            self.count_crosscheck(record, outcome.crosscheck)
        run = Run.of(self.crawler)
        if run.state is not None:
            link = response.meta.get("newscrawl_link") or pages[0].url
            run.state.add_alias(record["outlet"], link, record["url"])
        published = datetime.fromisoformat(record["published_at"])
        if not self.in_range(published):
            self.crawler.stats.inc_value("newscrawl/skipped/out_of_range")
            return
        yield record

    def count_crosscheck(self, record: dict[str, Any], agreement: float) -> None:
        """Count a page the generic parser read too; a strong disagreement is a drift alarm."""
        stats = self.crawler.stats
        stats.inc_value(f"newscrawl/crosscheck/checked/{record['parser']}")
        if agreement < DISAGREES_BELOW:
            stats.inc_value(f"newscrawl/crosscheck/disagrees/{record['parser']}")
            logger.warning(
                "%s: the generic parser's body agrees only %.2f with %s's (a layout drift?)",
                record["url"],
                agreement,
                record["parser"],
            )

    def next_page(
        self, response: Response, pages: list[RawPage], remaining: list[str]
    ) -> scrapy.Request:
        """The request for a multi-page article's next page, carrying the pages so far."""
        meta = {
            "newscrawl_pages": [tuple(page) for page in pages],
            "newscrawl_remaining": remaining[1:],
            "newscrawl_link": response.meta.get("newscrawl_link"),
        }
        return scrapy.Request(
            remaining[0], callback=self.parse_article_page, errback=self.article_failed, meta=meta
        )

    def remember_not_article(self, response: Response) -> None:
        state = Run.of(self.crawler).state
        if state is not None:
            link = response.meta.get("newscrawl_link") or response.url
            state.record_not_article(self.outlet_of(link), link, datetime.now(UTC))

    def drop(self, reason: str, url: str, detail: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawl/dropped/{reason}")
        logger.warning("dropped %s (%s): %s", url, reason, detail)
