"""Pages that are not one article: homes, sections, tags, searches, galleries and videos,
told from the URL, the structured data and whether there is article text at all."""

from __future__ import annotations

import re
from typing import Any

from newscrawl.page import Page

#: Path segments of pages that list articles rather than being one.
_LISTING_PATH = re.compile(
    r"^/(?:[\w-]+/)*(?:tag|tags|topik|topic|search|cari|pencarian|indeks|index|kategori|"
    r"category|kanal|channel|author|penulis|video|videos|foto|photo|photos|galeri|gallery|"
    r"infografis|tv|live|rss|sitemap)(?:/[\w-]*)?/?$",
    re.IGNORECASE,
)
_MEDIA_PATH = re.compile(
    r"^/(?:[\w-]+/)*(?:video|videos|foto|photo|photos|galeri|gallery|inpicture|infografis|"
    r"readfoto|readvideo|foto-news|fotonews|potret)/"
)
#: JSON-LD types of pages that are not one article.
NOT_ARTICLE_TYPES = frozenset(
    {"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "ImageGallery"}
)


def not_article(page: Page, has_text: bool) -> str | None:
    """Why ``page`` is no article ("is a video or photo page"), or None when it may be one.
    ``has_text``: an article text container was found on it."""
    path = _path(page.url)
    og_type = (page.meta("og:type") or "").lower()
    article = bool(page.article_ld) or og_type == "article"
    if og_type.startswith("video") or _MEDIA_PATH.match(path):
        return "is a video or photo page"
    if not article and (path in ("", "/") or _LISTING_PATH.match(path)):
        return "lists articles (home, section, tag or search page)"
    main_types = {t for item in page.json_ld for t in _types(item)}
    if not page.article_ld and main_types & NOT_ARTICLE_TYPES:
        return f"is a {sorted(main_types & NOT_ARTICLE_TYPES)[0]}"
    if not has_text and not article:
        return "has no article text and no article markup"
    return None


def _types(item: dict[str, Any]) -> set[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _path(url: str) -> str:
    rest = url.split("://", 1)[-1]
    path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    return path.split("?", 1)[0].split("#", 1)[0]
