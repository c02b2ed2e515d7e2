"""The do-nothing baseline: nusadaily's discovery requests and every article URL, no parsing.

Run with ``scrapy runspider benchmarks/noop_spider.py -a base_url=...`` and the same ``-s``
settings as the real spider: Scrapy then does all its own work (scheduling, downloading,
middlewares, the same project settings and components) and the callbacks do none of ours.
With ``-a floor=1`` each article callback builds the lxml tree of the page and nothing
else: the least any parser must do, so the best ratio any parser could reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
import scrapy
from scrapy.http import Response

_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>")


class NoopSpider(scrapy.Spider):
    name = "noop"

    def __init__(self, base_url: str = "", floor: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.floor = bool(floor)

    async def start(self) -> Any:
        # The same three discovery requests the nusadaily spider makes without -a since.
        yield scrapy.Request(f"{self.base_url}/rss/latest-posts", callback=self.ignore)
        yield scrapy.Request(f"{self.base_url}/gnews/feed", callback=self.parse_sitemap)
        yield scrapy.Request(f"{self.base_url}/sitemap-news.xml", callback=self.ignore)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        callback = self.build_tree if self.floor else self.ignore
        for url in _LOC.findall(response.body):
            yield scrapy.Request(url.decode(), callback=callback)

    def ignore(self, response: Response) -> None:
        return None

    def build_tree(self, response: Response) -> None:
        lxml.html.fromstring(response.body)
