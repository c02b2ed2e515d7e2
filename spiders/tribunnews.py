"""Tribunnews.com (and, with ``-a regions=bali,makassar``, Tribun Network sites on its CMS).

Today's articles come from the per-section Google News sitemaps listed in each site's
``/sitemap.xml`` (``nasional/sitemap-news.xml``, ...; the ``-web`` and ``-images`` ones are
skipped). With ``-a since=YYYY-MM-DD`` the dated index ``/index-news?date=...&page=N`` is walked
day by day instead. Articles are requested as their ``?page=all`` single-page view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from newscrawl.discover.discovery import sitemap_entries, within
from newscrawl.discover.spider import NewsSpider
from newscrawl.parsers.tribunnews import listing_links, next_listing_page

_NEWS_SITEMAP = re.compile(r"sitemap[-_]news\.xml$")


class TribunnewsSpider(NewsSpider):
    name = "tribunnews"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}

    def __init__(self, regions: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        subdomains = [r.strip().lower() for r in regions.split(",") if r.strip()]
        self.hosts = ["www.tribunnews.com", *(f"{sub}.tribunnews.com" for sub in subdomains)]

    def discover(self) -> Iterable[scrapy.Request]:
        if self.since is None:
            for host in self.hosts:
                yield scrapy.Request(
                    f"https://{host}/sitemap.xml", callback=self.parse_news_sitemap
                )
            return
        for host in self.hosts:
            for day in self.days():
                yield scrapy.Request(
                    f"https://{host}/index-news?date={day.isoformat()}", callback=self.parse_index
                )

    def parse_news_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        children, links = sitemap_entries(response.body)
        for child in children:
            if _NEWS_SITEMAP.search(child):
                yield response.follow(child, callback=self.parse_news_sitemap)
        yield from self.article_requests(links)

    def parse_index(self, response: Response) -> Iterator[scrapy.Request]:
        page = self.listing_page(response)
        if page is None:
            return
        links = listing_links(page)
        yield from self.article_requests(links)
        following = next_listing_page(page)
        if following and within(links, self.since, self.until):
            yield scrapy.Request(following, callback=self.parse_index)
