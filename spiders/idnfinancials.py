"""idnfinancials.com: financial news in English (an Indonesian edition lives under ``/id/``);
the latest-news list (``/news?page=N``) for scheduled runs and backfills; articles are
``/news/<id>/<slug>``, dated "Sunday, 01 November 2026 | 06:50" (WIB) and in metas."""

from typing import Any
from urllib.parse import urlsplit

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.generic import GenericParser


class IdnfinancialsParser(GenericParser):
    """The news page: ``div.article-body``; ``/id/`` pages are the Indonesian edition."""

    body_css = "div.article-body"
    author_css = ".idn-authors .ia-names a.ian"
    section_css = ".news-category a"
    date_css = "div.date-published"

    def parse(self) -> dict[str, Any]:
        record = super().parse()
        if urlsplit(self.page.url).path.startswith("/id/"):
            record["language"] = "id"
        return record


OUTLET = Outlet(
    name="idnfinancials",
    domains=("idnfinancials.com",),
    parser=IdnfinancialsParser,
    language="en",
    sources=(Index("{base}/news?page={page}", first="{base}/news", max_pages=10, when="always"),),
    not_people=("IDNFinancials", "IDN Financials"),
    title_suffix=r"\s+[-|]\s+IDN ?Financials$",
    article_url=r"^/(?:id/)?news/\d+/[\w-]+",
)
