"""kompas.com: news sitemaps for the latest articles, the dated indeks for backfill."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import ClassVar

import scrapy
from scrapy.http import Response
from w3lib.url import add_or_replace_parameters

from newscrawl.discover.discovery import sitemap_index
from newscrawl.discover.spider import NewsSpider
from newscrawl.parsers.kompas import listing_links

#: Lists every channel's sitemaps; the "/sitemap-news-<channel>.xml" ones hold the last days.
SITEMAP_INDEX = "https://www.kompas.com/sitemap.xml"
#: Every channel's articles of one day, 15 or so per page: ?site=all&date=YYYY-MM-DD&page=N.
INDEKS = "https://indeks.kompas.com/"
#: A day has a few hundred articles; stop paging well after that even if pages keep coming.
MAX_INDEKS_PAGES = 60


class KompasSpider(NewsSpider):
    name = "kompas"
    allowed_domains: ClassVar[list[str]] = ["kompas.com"]
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}

    def discover(self) -> Iterable[scrapy.Request]:
        yield scrapy.Request(SITEMAP_INDEX, callback=self.parse_sitemap_index)
        for day in self.days():
            yield self.indeks_request(day, 1)

    def indeks_request(self, day: date, number: int) -> scrapy.Request:
        params = {"site": "all", "date": day.isoformat(), "page": str(number)}
        return scrapy.Request(
            add_or_replace_parameters(INDEKS, params),
            callback=self.parse_indeks,
            cb_kwargs={"day": day, "number": number},
        )

    def parse_sitemap_index(self, response: Response) -> Iterator[scrapy.Request]:
        for child in sitemap_index(response.body):
            if "/sitemap-news" in child:
                yield response.follow(child, callback=self.parse_sitemap)

    def parse_indeks(self, response: Response, day: date, number: int) -> Iterator[scrapy.Request]:
        page = self.listing_page(response)
        if page is None:  # an empty or non-HTML answer ends the day's walk
            return
        links = listing_links(page)
        yield from self.article_requests(links)
        if links and number < MAX_INDEKS_PAGES:
            yield self.indeks_request(day, number + 1)
