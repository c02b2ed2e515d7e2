"""CNN Indonesia: the all-kanal RSS feed for what is new, the dated index for backfill."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta

import scrapy
from scrapy.http import Response

from newscrawl.dates import JAKARTA
from newscrawl.discover.spider import NewsSpider
from newscrawl.parsers.cnnindonesia import created_at, listing_links, next_index_page


class CnnIndonesiaSpider(NewsSpider):
    name = "cnnindonesia"
    base_url = "https://www.cnnindonesia.com"

    def discover(self) -> Iterable[scrapy.Request]:
        # The all-kanal feed ("terbaru"); the kanal feeds (/nasional/rss ...) are subsets.
        yield scrapy.Request(f"{self.base_url}/rss", callback=self.parse_feed)
        if self.since is None:
            # No bounds: the latest index page only (the undated index runs to page 1000).
            yield scrapy.Request(
                f"{self.base_url}/indeks", callback=self.parse_index, cb_kwargs={"day": None}
            )
            return
        for day in self.days():
            yield scrapy.Request(
                f"{self.base_url}/indeks?date={day:%Y/%m/%d}",
                callback=self.parse_index,
                cb_kwargs={"day": day},
            )

    def parse_index(self, response: Response, day: date | None) -> Iterator[scrapy.Request]:
        page = self.listing_page(response)
        if page is None:
            return
        links = listing_links(page)
        if day is None:
            yield from self.article_requests(links)
            return
        # A dated index lists that day's articles only; its "N hari yang lalu" times are too
        # coarse to filter on, so every link is fetched and the record's date decides.
        yield from self.article_requests(links, by_date=False)
        # Newest first: go on while a link was created that day or the day before (videos
        # are often created a day early); a page of older links means the day is done.
        oldest_wanted = datetime.combine(day - timedelta(days=1), time(), JAKARTA)
        recent = any((created_at(link.url) or oldest_wanted) >= oldest_wanted for link in links)
        next_url = next_index_page(page)
        if recent and next_url:
            yield response.follow(next_url, callback=self.parse_index, cb_kwargs={"day": day})
