"""``scrapy crawl generic -a site=https://www.merdeka.com``: any news site, found the way a
careful crawler finds articles (robots.txt ``Sitemap:`` lines, ``/sitemap.xml``, sitemap
indexes, news sitemaps, the feeds the home page advertises), parsed by the site's declared
parser or the generic one. ``-a sites=a.com,b.com`` crawls several.

Each record's ``outlet`` is its site's (a declared outlet's name, or one made from the
registered domain); the run's files go to ``output/generic/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import scrapy

from newscrawl.api import find_outlet
from newscrawl.discover.outlet_spider import OutletSpider
from newscrawl.outlet import Outlet


class GenericSpider(OutletSpider):
    name = "generic"
    outlet = Outlet(name="generic", domains=("invalid",), sources=())

    def __init__(self, site: str = "", sites: str = "", **kwargs: Any) -> None:
        wanted = [s.strip() for s in f"{site},{sites}".split(",") if s.strip()]
        if not wanted:
            raise ValueError("scrapy crawl generic wants -a site=https://... (or -a sites=a,b)")
        roots = [s if "://" in s else f"https://{s}" for s in wanted]
        self.sites = [find_outlet(root) for root in roots]
        self.roots = [root.rstrip("/") for root in roots]
        super().__init__(**kwargs)
        self.allowed_domains = sorted(
            {d.split("/", 1)[0] for outlet in self.sites for d in outlet.domains}
        )

    def discover(self) -> Iterable[scrapy.Request]:
        for number, root in enumerate(self.roots):
            yield from self.site_requests(root, number)

    def site_outlet(self, site: int) -> Outlet:
        return self.sites[site]

    def outlet_of(self, url: str) -> str:
        return find_outlet(url).name
