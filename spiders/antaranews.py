"""ANTARA: the "terkini" RSS feed and the /terkini index of www and the regional sites.

``-a regions=bali,kalsel`` adds regional sites (``<region>.antaranews.com``). The index
is walked page by page back to ``-a since`` (default: the start of the day the first
page was fetched), following the page's own "next" link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime, time
from typing import Any

import scrapy
from scrapy.http import Response

from newscrawl.dates import JAKARTA
from newscrawl.discover.discovery import within
from newscrawl.discover.spider import NewsSpider
from newscrawl.parsers.antaranews import listing_links, next_page

FEED = "https://www.antaranews.com/rss/terkini.xml"
INDEX = "https://{host}.antaranews.com/terkini"
_REGION = re.compile(r"^[a-z]+$")


class AntaranewsSpider(NewsSpider):
    name = "antaranews"

    def __init__(self, regions: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.regions = [r.strip().lower() for r in regions.split(",") if r.strip()]
        bad = [r for r in self.regions if not _REGION.match(r)]
        if bad:
            raise ValueError(f"-a regions= wants names like bali,kalsel; got {bad}")

    def discover(self) -> Iterable[scrapy.Request]:
        yield scrapy.Request(FEED, callback=self.parse_feed)
        for host in ["www", *self.regions]:
            yield scrapy.Request(INDEX.format(host=host), callback=self.parse_index)

    def parse_index(self, response: Response) -> Iterator[scrapy.Request]:
        page = self.listing_page(response)
        if page is None:
            return
        links = listing_links(page)
        # Without -a since, an index run covers the day the page was fetched.
        day = page.fetched_at.astimezone(JAKARTA).date()
        bound = self.since or datetime.combine(day, time(), JAKARTA)
        yield from self.article_requests(within(links, bound, None))
        dates = [link.published for link in links if link.published is not None]
        following = next_page(page)
        # Newest first: once a page reaches back past the bound, older pages are out of range.
        if dates and min(dates) >= bound and following:
            yield scrapy.Request(following, callback=self.parse_index)
