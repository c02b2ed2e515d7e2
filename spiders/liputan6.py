"""liputan6.com: the dated index, one day at a time, page by page.

``/indeks/YYYY/MM/DD?page=N`` lists every channel's items of one day (about 24 a page),
galleries and videos included (the parser refuses those). With no dates the run walks
today's index; ``-a since``/``-a until`` walk each day of the range.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import scrapy
from scrapy.http import Response

from newscrawl.discover.spider import NewsSpider
from newscrawl.parsers.liputan6 import listing_links

#: A day has a few hundred items; stop well after that even if pages keep coming.
MAX_INDEX_PAGES = 60


class Liputan6Spider(NewsSpider):
    name = "liputan6"
    base_url = "https://www.liputan6.com"

    def discover(self) -> Iterable[scrapy.Request]:
        for day in self.days():
            yield self.index_request(day, 1)

    def index_request(self, day: date, number: int) -> scrapy.Request:
        url = f"{self.base_url}/indeks/{day:%Y/%m/%d}"
        return scrapy.Request(
            url if number == 1 else f"{url}?page={number}",
            callback=self.parse_index,
            cb_kwargs={"day": day, "number": number},
        )

    def parse_index(self, response: Response, day: date, number: int) -> Iterator[scrapy.Request]:
        page = self.listing_page(response)
        if page is None:
            return
        links = listing_links(page)
        yield from self.article_requests(links)
        # An empty page is past the day's last one.
        if links and number < MAX_INDEX_PAGES:
            yield self.index_request(day, number + 1)
