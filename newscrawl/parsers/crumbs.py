"""The section an article's JSON-LD BreadcrumbList names.

CMSs fill the list two ways: ``{"name": ..., "item": url}`` (tempo, suara) or
``{"item": {"@id": url, "name": ...}}`` (okezone, sindonews); the first item is the home page.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from newscrawl.page import Page
from newscrawl.parsers.text import clean_text

#: What a home crumb says.
_HOME = frozenset({"home", "beranda", "homepage", "index", ""})


def _position(item: dict[str, Any]) -> int:
    position = item.get("position")
    return position if isinstance(position, int) else 0


def ld_crumbs(page: Page) -> list[str]:
    """The names of the first BreadcrumbList's items in position order, the home crumb left
    out."""
    for crumbs in page.ld_of_type("BreadcrumbList"):
        items = crumbs.get("itemListElement")
        if not isinstance(items, list):
            continue
        names = []
        for item in sorted((i for i in items if isinstance(i, dict)), key=_position):
            name = item.get("name")
            inner = item.get("item")
            if not name and isinstance(inner, dict):
                name = inner.get("name")
            if isinstance(name, str) and clean_text(name).lower() not in _HOME:
                names.append(clean_text(name))
        if names:
            return names
    return []


def ld_section(page: Page, brands: tuple[str, ...] = ()) -> str | None:
    """The last crumb that is not the site itself: the article's section."""
    names = [n for n in ld_crumbs(page) if n.lower() not in {b.lower() for b in brands}]
    return names[-1] if names else None


#: URL words that name no section: views, article kinds, languages, mobile hosts.
_NOT_SECTION = frozenset(
    "www m amp mobile en id read berita artikel article articles detail post posts story "
    "content view index p news-detail baca".split()
)
_SECTION_WORD = re.compile(r"^[a-z][a-z-]{2,30}$")


def url_section(url: str, brands: Collection[str] = ()) -> str | None:
    """The section a URL names when the page names none: a channel subdomain
    (``dunia.news.viva.co.id``, ``nasional.republika.co.id``), else the first path word
    (``/peristiwa/...``, ``/metropolitan/2015/...``), title-cased; None for views, dates, ids.
    """
    parts = urlsplit(url)
    labels = (parts.hostname or "").split(".")
    words = [*labels[: max(0, len(labels) - 2)], *parts.path.split("/")[1:3]]
    for word in words:
        key = word.lower()
        if (
            _SECTION_WORD.match(key)
            and key not in _NOT_SECTION
            and key.replace("-", "") not in brands
        ):
            return word.replace("-", " ").title()
    return None
