"""Outlet parsers, found by module: ``newscrawl.parsers.<outlet>`` defines ``PARSERS``.

``PARSERS`` is the outlet's tuple of layout versions, oldest first. Modules are
discovered, so adding an outlet touches no shared file.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from newscrawl.parsers.base import ArticleParser

_SHARED_MODULES = frozenset({"base", "body", "text"})


@cache
def registry() -> dict[str, tuple[type[ArticleParser], ...]]:
    """Outlet name -> its parser versions, oldest first."""
    found: dict[str, tuple[type[ArticleParser], ...]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in _SHARED_MODULES or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        versions: tuple[type[ArticleParser], ...] = getattr(module, "PARSERS", ())
        if versions:
            found[versions[0].outlet] = versions
    return found


def outlet_versions(outlet: str) -> tuple[type[ArticleParser], ...]:
    return registry()[outlet]
