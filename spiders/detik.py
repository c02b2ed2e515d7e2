"""detik.com: news sitemaps and the RSS for the latest articles, the dated indeks for backfill."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import ClassVar

import scrapy
from scrapy.http import Response

from newscrawl.discover.discovery import within
from newscrawl.discover.spider import NewsSpider
from newscrawl.parsers.detik import feed_article_links, listing_links

#: Google News sitemaps: the last day or so of a channel.
SITEMAPS = (
    "https://news.detik.com/berita/sitemap_news.xml",
    "https://finance.detik.com/sitemap_news.xml",
)
FEEDS = ("https://rss.detik.com/index.php/detikcom",)
#: Channels whose dated indeks (/indeks?page=N&date=MM/DD/YYYY) is walked day by day.
INDEKS_HOSTS = ("news", "finance", "health")
#: About 20 cards a page and a few hundred articles a channel-day: a cap well above that.
MAX_INDEKS_PAGES = 50


class DetikSpider(NewsSpider):
    name = "detik"
    allowed_domains: ClassVar[list[str]] = ["detik.com"]
    single_page_params: ClassVar[dict[str, str]] = {"single": "1"}

    def discover(self) -> Iterable[scrapy.Request]:
        for url in SITEMAPS:
            yield scrapy.Request(url, callback=self.parse_sitemap)
        for url in FEEDS:
            yield scrapy.Request(url, callback=self.parse_feed)
        for day in self.days():
            for host in INDEKS_HOSTS:
                yield self.indeks_request(host, day, 1)

    def indeks_request(self, host: str, day: date, number: int) -> scrapy.Request:
        return scrapy.Request(
            f"https://{host}.detik.com/indeks?page={number}&date={day:%m/%d/%Y}",
            callback=self.parse_indeks,
            cb_kwargs={"host": host, "day": day, "number": number},
        )

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self.article_requests(feed_article_links(response.body))

    def parse_indeks(
        self, response: Response, host: str, day: date, number: int
    ) -> Iterator[scrapy.Request]:
        page = self.listing_page(response)
        if page is None:
            return
        links = listing_links(page)
        yield from self.article_requests(links)
        if within(links, self.since, self.until) and number < MAX_INDEKS_PAGES:
            yield self.indeks_request(host, day, number + 1)
