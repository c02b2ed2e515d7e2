"""nusadaily.com: Varient's RSS and Google News sitemap; category pages for backfill."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from newscrawl.discover.spider import NewsSpider
from newscrawl.parsers.nusadaily import listing_links, next_listing_page


class NusadailySpider(NewsSpider):
    name = "nusadaily"
    base_url = "https://www.nusadaily.com"

    def discover(self) -> Iterable[scrapy.Request]:
        # Varient 2.x routes, then the ones Varient 3 moved them to; the site serves one set.
        for path in ("/rss/latest-posts", "/rss-feeds/feed/latest"):
            yield scrapy.Request(f"{self.base_url}{path}", callback=self.parse_feed)
        for path in ("/gnews/feed", "/sitemap-news.xml"):
            yield scrapy.Request(f"{self.base_url}{path}", callback=self.parse_sitemap)
        if self.since is not None:
            # Feeds only hold the latest posts; a backfill walks every category's pages.
            yield scrapy.Request(f"{self.base_url}/", callback=self.parse_home)

    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        menu = response.css(
            "li.nav-item-category > a.nav-link::attr(href), a.link-sub-category::attr(href)"
        ).getall()
        for href in dict.fromkeys(menu):
            yield response.follow(href, callback=self.parse_listing)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        page = self.listing_page(response)
        if page is None:
            return
        links = listing_links(page)
        yield from self.article_requests(links)
        dated = [link.published for link in links if link.published is not None]
        # Listings run newest first: stop once a page ends before the backfill's start.
        if dated and self.since is not None and min(dated) < self.since:
            return
        next_page = next_listing_page(page)
        if links and next_page:
            yield response.follow(next_page, callback=self.parse_listing)
