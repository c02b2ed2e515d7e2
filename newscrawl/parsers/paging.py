"""Later pages of a multi-page article, from the links its paging bar announces."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscrawl.parsers.base import ONE_PAGE_VIEW
from newscrawl.urls import link_url

#: Pages past this are a loop or a listing, not an article.
MAX_PAGES = 30
_PAGE_PARAM = re.compile(r"(?:^|&)(?:page|p|hal|halaman)=(\d{1,2})(?:&|$)")
_PAGE_SUFFIX = re.compile(r"/(?:page/|halaman/)?(\d{1,2})")


def later_pages(url: str, hrefs: Iterable[str | None]) -> list[str]:
    """The article's later pages among ``hrefs`` (a paging bar's links, ``rel=next``): its
    own URL with a page parameter (``?page=2``) or a page suffix (``/2``), in page order."""
    if ONE_PAGE_VIEW.search(url):
        return []  # a one-page view holds every page
    own = link_url(url, url)
    stem = own.partition("?")[0].rstrip("/")
    numbered: dict[int, str] = {}
    for href in hrefs:
        if not href or href.startswith(("#", "javascript:")):
            continue
        try:
            found = link_url(href, url)
        except ValueError:  # a link urllib cannot split: not a page of this article
            continue
        path, _, query = found.partition("?")
        path = path.rstrip("/")
        match = _PAGE_PARAM.search(query) if path == stem else None
        number = int(match.group(1)) if match else 0
        suffix = _PAGE_SUFFIX.fullmatch(path[len(stem) :]) if path.startswith(stem) else None
        if suffix:
            number = int(suffix.group(1))
        if 1 < number <= MAX_PAGES:
            numbered.setdefault(number, found)
    return [numbered[n] for n in sorted(numbered)]
