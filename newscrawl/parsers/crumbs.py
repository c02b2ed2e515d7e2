"""The section an article's JSON-LD BreadcrumbList names.

CMSs fill the list two ways: ``{"name": ..., "item": url}`` (tempo, suara) or
``{"item": {"@id": url, "name": ...}}`` (okezone, sindonews); the first item is the home page.
"""

from __future__ import annotations

from typing import Any

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
