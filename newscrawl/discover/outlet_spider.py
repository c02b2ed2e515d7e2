"""One spider for every outlet declaration: its sources, read the same way for each outlet.

:class:`OutletSpider` walks an :class:`~newscrawl.outlet.Outlet`'s sources: feeds, sitemaps
(indexes followed, ``.gz`` ones too), listing pages walked page by page or day by day, and a
site's own advertised sitemaps and feeds. The spider loader makes one subclass per declared
outlet, so ``scrapy crawl tempo`` and ``scrapy crawl detik`` run this same code.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from newscrawl.dates import JAKARTA
from newscrawl.discover.discovery import (
    Link,
    feed_links,
    in_window,
    is_document,
    sitemap_entries,
    within,
)
from newscrawl.discover.faults import DISCOVERY
from newscrawl.discover.listing import (
    article_links,
    feed_urls,
    not_article_path,
    robots_sitemaps,
)
from newscrawl.discover.spider import NewsSpider
from newscrawl.keep.run import Run
from newscrawl.outlet import Feed, Index, Outlet, Site, Sitemap, Source
from newscrawl.page import Page

logger = logging.getLogger(__name__)

#: A decompressed sitemap larger than this (or than DOWNLOAD_MAXSIZE) is refused: a gzip bomb,
#: or not a sitemap (the protocol's own limit is 50 MB).
MAX_SITEMAP_BYTES = 64 * 1024 * 1024
#: Child sitemaps followed from one index at most: archives by month go back decades.
MAX_CHILD_SITEMAPS = 100
#: Without ``-a since``, a site's own sitemaps are read for this many recent days only.
RECENT_DAYS = 2
_REGION = re.compile(r"^[a-z0-9-]+$")


class OutletSpider(NewsSpider):
    """The spider of one declared outlet (``outlet`` is set by :meth:`for_outlet`)."""

    outlet: ClassVar[Outlet]

    @classmethod
    def for_outlet(cls, outlet: Outlet) -> type[OutletSpider]:
        """The spider class of ``outlet`` (named after it, in its declaration's module)."""
        attrs: dict[str, Any] = {
            "name": outlet.name,
            "outlet": outlet,
            "base_url": outlet.base_url,
            "single_page_params": dict(outlet.single_page),
            "allowed_domains": [d.split("/", 1)[0] for d in outlet.domains],
            "__module__": f"spiders.{outlet.name}",
            "__doc__": f"Crawls {', '.join(outlet.domains)} (see spiders/{outlet.name}.py).",
        }
        camel = "".join(part.capitalize() for part in outlet.name.split("_"))
        return type(f"{camel}Spider", (cls,), attrs)

    def __init__(self, regions: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        wanted = [r.strip().lower() for r in regions.split(",") if r.strip()]
        bad = [r for r in wanted if not _REGION.match(r)]
        if bad or (wanted and not self.outlet.regions):
            raise ValueError(f"-a regions= wants region names of {self.name}; got {wanted}")
        host = self.base_url.split("://", 1)[-1].split("/", 1)[0]
        self.hosts = [host, *(self.outlet.regions.format(region=r) for r in wanted)]
        if self.base_url != self.outlet.base_url:
            # -a base_url= points discovery at a copy of the site (a local server).
            domains: list[str] = list(getattr(self, "allowed_domains", []))
            self.base_host = host.split(":", 1)[0]
            self.allowed_domains = [*domains, self.base_host]

    def home_domains(self) -> list[str] | None:
        # The -a base_url host serves a copy of the site; its other ports are other sites.
        local = getattr(self, "base_host", None)
        return [d for d in getattr(self, "allowed_domains", []) if d != local] or None

    # -- which sources, which URLs ------------------------------------------------------

    def runs(self, source: Source) -> bool:
        backfill = self.since is not None
        return source.when == "always" or (source.when == "backfill") == backfill

    def fill(self, template: str, host: str, day: date | None = None, page: int = 1) -> str:
        scheme = self.base_url.split("://", 1)[0]
        return template.format(base=self.base_url, host=host, scheme=scheme, day=day, page=page)

    def for_hosts(self, template: str) -> list[str]:
        hosts = self.hosts if "{host}" in template else self.hosts[:1]
        return [self.fill(template, host) for host in hosts]

    def discover(self) -> Iterable[scrapy.Request]:
        for number, source in enumerate(self.outlet.sources):
            if self.runs(source):
                yield from self.source_requests(number, source)

    def source_requests(self, number: int, source: Source) -> Iterator[scrapy.Request]:
        kwargs = {"source": number}
        if isinstance(source, Feed):
            for url in self.for_hosts(source.url):
                yield self.discovery_request(url, self.parse_feed_source, kwargs)
        elif isinstance(source, Sitemap):
            for url in self.for_hosts(source.url):
                yield self.discovery_request(url, self.parse_sitemap_source, kwargs)
        elif isinstance(source, Site):
            for url in self.for_hosts(source.url):
                yield from self.site_requests(url, number)
        else:
            hosts = self.hosts if "{host}" in source.url else self.hosts[:1]
            days: Iterable[date | None] = self.days() if "{day" in source.url else [None]
            for day in days:
                for host in hosts:
                    yield self.index_request(number, host, day, 1, hub=source.hub is not None)

    def discovery_request(
        self,
        url: str,
        callback: Any,
        cb_kwargs: dict[str, Any] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> scrapy.Request:
        """A request for a discovery document (feed, sitemap, listing, robots.txt); a failed
        one is counted for the run's health (:meth:`discovery_failed`)."""
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.discovery_failed,
            cb_kwargs=cb_kwargs or {},
            meta={**(meta or {}), DISCOVERY: True},
        )

    def follow_discovery(
        self, response: Response, url: str, callback: Any, cb_kwargs: dict[str, Any]
    ) -> Iterator[scrapy.Request]:
        """The request for a discovery document a document names (a child sitemap, a feed the
        home page advertises): none, counted, for a link that must not be requested."""
        absolute = _joined(response, url)
        if self.requestable(absolute):
            yield self.discovery_request(absolute, callback, cb_kwargs)

    def site_requests(self, site: str, number: int) -> Iterator[scrapy.Request]:
        """robots.txt (for its ``Sitemap:`` lines) and the home page (for its feeds) of site
        number ``number`` (:meth:`site_outlet`)."""
        root = site.rstrip("/")
        kwargs = {"site": number}
        # A site without robots.txt (404) still has /sitemap.xml to try.
        robots_meta = {"handle_httpstatus_list": [404]}
        yield self.discovery_request(f"{root}/robots.txt", self.parse_robots, kwargs, robots_meta)
        yield self.discovery_request(f"{root}/", self.parse_home, kwargs)

    def site_outlet(self, site: int) -> Outlet:
        """The outlet of site number ``site`` (an outlet spider crawls its own)."""
        return self.outlet

    # -- feeds and sitemaps ---------------------------------------------------------------

    def lower_bound(self, recent: bool = False) -> datetime | None:
        """Links older than this are out of the run: ``-a since``, or for a site's own
        sitemaps (``recent``) the last :data:`RECENT_DAYS` days."""
        if self.since is not None or not recent:
            return self.since
        return Run.of(self.crawler).now - timedelta(days=RECENT_DAYS)

    def parse_feed_source(
        self, response: Response, source: int | None = None, site: int = 0
    ) -> Iterator[scrapy.Request]:
        spec = self.outlet.sources[source] if source is not None else None
        read = spec.read if isinstance(spec, Feed) and spec.read else None
        body = response.body
        with self.time_limit():
            links = read(body) if read else feed_links(body, self.site_outlet(site).timezone)
        if not links and not is_document(body, "feed"):
            self.document_unusable(response, "not_a_feed")
            return
        self.discovery_usable()
        yield from self.article_requests(self.article_shaped(links, site))

    def parse_sitemap_source(
        self, response: Response, source: int | None = None, recent: bool = False, site: int = 0
    ) -> Iterator[scrapy.Request]:
        spec = self.outlet.sources[source] if source is not None else None
        follow = re.compile(spec.follow) if isinstance(spec, Sitemap) and spec.follow else None
        body = _sitemap_body(response, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        if body is None:
            self.document_unusable(response, "too_large")
            return
        with self.time_limit():
            children, links = sitemap_entries(body, self.site_outlet(site).timezone)
        if not children and not links and not is_document(body, "sitemap"):
            # An HTML maintenance page (or nothing) where the sitemap should be.
            self.document_unusable(response, "not_a_sitemap")
            return
        self.discovery_usable()
        lower = self.lower_bound(recent)
        wanted = [
            child
            for child in children
            if (follow is None or follow.search(child.url))
            and in_window(child.published, lower, None)
        ]
        kwargs = {"source": source, "recent": recent, "site": site}
        for child in wanted[:MAX_CHILD_SITEMAPS]:
            yield from self.follow_discovery(response, child.url, self.parse_sitemap_source, kwargs)
        links = self.article_shaped(links, site)
        yield from self.article_requests(within(links, lower, None) if recent else links)

    def article_shaped(self, links: list[Link], site: int) -> list[Link]:
        """The links of a sitemap or feed that may be articles: sitemaps and feeds also list
        section, tag, video and photo pages, which are counted and not fetched. (An outlet's
        ``article_url`` is not applied here: a pattern that misses a new URL shape would lose
        every article, while fetching a stray page only costs a counted refusal.)"""
        kept = [link for link in links if not_article_path(link.url) is None]
        if len(kept) < len(links):
            self.crawler.stats.inc_value(
                "newscrawl/links_skipped/not_article_url", len(links) - len(kept)
            )
        return kept

    def parse_robots(self, response: Response, site: int) -> Iterator[scrapy.Request]:
        text = response.body.decode("utf-8", "replace") if response.status == 200 else ""
        self.discovery_usable()  # an answer, even a 404: the site is there
        kwargs = {"recent": True, "site": site}
        for url in robots_sitemaps(text) or [response.urljoin("/sitemap.xml")]:
            yield from self.follow_discovery(response, url, self.parse_sitemap_source, kwargs)

    def parse_home(self, response: Response, site: int) -> Iterator[scrapy.Request]:
        page = self.listing_page(response)
        if page is None:
            return
        with self.time_limit():
            feeds = feed_urls(page)
            links = article_links(page, self.site_outlet(site))
        for url in feeds:
            yield from self.follow_discovery(response, url, self.parse_feed_source, {"site": site})
        yield from self.article_requests(links)

    def document_unusable(self, response: Response, reason: str) -> None:
        """A discovery document was fetched but is not what it should be (an HTML page where a
        sitemap should be, a body too large to read)."""
        self.crawler.stats.inc_value(f"newscrawl/discovery/unusable/{reason}")
        logger.warning("discovery document %s unusable (%s)", response.url, reason)

    # -- listing pages ------------------------------------------------------------------------

    def index_request(
        self,
        source: int,
        host: str,
        day: date | None,
        page: int,
        url: str | None = None,
        hub: bool = False,
    ) -> scrapy.Request:
        spec = self.outlet.sources[source]
        assert isinstance(spec, Index)
        if url is None:
            template = spec.first if page == 1 and spec.first else spec.url
            url = self.fill(template, host, day, page)
        return self.discovery_request(
            url,
            self.parse_index_source,
            {"source": source, "host": host, "day": day, "page": page, "hub": hub},
        )

    def parse_index_source(
        self, response: Response, source: int, host: str, day: date | None, page: int, hub: bool
    ) -> Iterator[scrapy.Request]:
        spec = self.outlet.sources[source]
        assert isinstance(spec, Index)
        listing = self.listing_page(response)
        if listing is None:
            return
        if hub and spec.hub is not None:
            with self.time_limit():
                hubs = list(dict.fromkeys(spec.hub(listing)))
            for url in hubs:
                absolute = _joined(response, url)
                if self.requestable(absolute):
                    yield self.index_request(source, host, day, 1, url=absolute)
            return
        with self.time_limit():
            links = spec.links(listing) if spec.links else article_links(listing, self.outlet)
        lower = self.since
        oldest = self.since
        if lower is None:
            # A scheduled run pages through a listing back to the start of its day, and takes
            # the links of those pages that are young enough to be re-checked anyway (an
            # article of 23:50 yesterday is still new to a run at 00:10).
            first_day = day or listing.fetched_at.astimezone(JAKARTA).date()
            lower = datetime.combine(first_day, time(), JAKARTA)
            oldest = min(lower, listing.fetched_at - Run.of(self.crawler).recheck)
        wanted = within(links, oldest, self.until) if spec.by_date else links
        yield from self.article_requests(wanted, by_date=False)
        if page >= spec.max_pages or not links or not self.keep_going(spec, links, day, lower):
            return
        following = self.next_listing(spec, listing, host, day, page)
        if following and self.requestable(following):
            yield self.index_request(source, host, day, page + 1, url=following)

    def keep_going(self, spec: Index, links: list[Link], day: date | None, lower: datetime) -> bool:
        if spec.keep_going is not None:
            return spec.keep_going(links, day)
        dated = [link.published for link in links if link.published is not None]
        # Listings run newest first: once a page reaches back past the window, the pages after
        # it are all older.
        return not dated or min(dated) >= lower

    def next_listing(
        self, spec: Index, listing: Page, host: str, day: date | None, page: int
    ) -> str | None:
        if spec.next_page is not None:
            href = spec.next_page(listing)
            return href if href and href != listing.url else None
        if "{page}" in spec.url:
            return self.fill(spec.url, host, day, page + 1)
        return None


def _joined(response: Response, url: str) -> str:
    """``url`` made absolute against the response; as it is when urllib cannot read it (the
    link check then counts it as malformed)."""
    try:
        return response.urljoin(url)
    except ValueError:
        return url


def _sitemap_body(response: Response, limit: int = MAX_SITEMAP_BYTES) -> bytes | None:
    """The sitemap's XML: ``.xml.gz`` files come gzipped (with or without a Content-Encoding
    Scrapy has undone); None past ``limit`` bytes once decompressed (a gzip bomb), b"" for a
    broken gzip stream. Never more than ``limit`` + 1 bytes are inflated."""
    body = response.body
    if not body.startswith(b"\x1f\x8b"):
        return body
    limit = min(limit, MAX_SITEMAP_BYTES) if limit > 0 else MAX_SITEMAP_BYTES
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error:
        return b""
    return None if len(data) > limit else data
