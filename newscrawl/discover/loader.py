"""The spider loader: a spider for every outlet declared in ``spiders/``, and ``generic``.

Scrapy's loader finds spider classes in ``SPIDER_MODULES``; an outlet module holds no class,
only ``OUTLET = Outlet(...)``, so this loader makes its :class:`OutletSpider` subclass.
``scrapy list``, ``scrapy crawl <outlet>`` and scrapyd see them like any other spider.
"""

from __future__ import annotations

from types import ModuleType

from scrapy.spiderloader import SpiderLoader

from newscrawl.discover.generic_spider import GenericSpider
from newscrawl.discover.outlet_spider import OutletSpider
from newscrawl.outlet import Outlet, outlet_named


class OutletSpiderLoader(SpiderLoader):
    def _load_spiders(self, module: ModuleType) -> None:
        super()._load_spiders(module)
        outlet = getattr(module, "OUTLET", None)
        if isinstance(outlet, Outlet) and outlet.name not in self._spiders:
            spider = OutletSpider.for_outlet(outlet)
            self._found[outlet.name].append((module.__name__, spider.__name__))
            self._spiders[outlet.name] = spider

    def _load_all_spiders(self) -> None:
        self._found[GenericSpider.name].append((GenericSpider.__module__, GenericSpider.__name__))
        self._spiders[GenericSpider.name] = GenericSpider
        super()._load_all_spiders()


def spider_class(name: str) -> type[OutletSpider]:
    """The spider of the declared outlet ``name`` (what ``scrapy crawl <name>`` runs)."""
    return OutletSpider.for_outlet(outlet_named(name))
