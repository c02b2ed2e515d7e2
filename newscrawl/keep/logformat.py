"""Log lines about records name the record by its URL, never print its content.

Scrapy's default formatter prints the whole item with every dropped or failed one: forty
duplicates of a 20 MB page made a 797 MB log. The reason and the URL say what a reader needs.
"""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def _named(item: Any) -> str:
    url = item.get("url") if isinstance(item, dict) else None
    return f"<{url}>" if isinstance(url, str) else f"<{type(item).__name__}>"


class QuietDropLogFormatter(LogFormatter):
    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped %(item)s: %(exception)s"
        result["args"] = {"exception": exception, "item": _named(item)}
        return result

    def item_error(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().item_error(item, exception, response, spider)
        result["args"] = {"item": _named(item)}
        return result
