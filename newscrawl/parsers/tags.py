"""Tags: an article's own tag list, or its keywords when they are tags and not a sentence
or search-engine bait."""

from __future__ import annotations

import re

from lxml import etree

from newscrawl.parsers.text import clean_text, unique

#: Search-engine keywords, not tags: "berita terkini", "portal Indonesia".
_SEO_TAG = re.compile(
    r"^(?:berita|info|informasi|kabar|portal|news)\s+(?:terkini|terbaru|terpopuler|hari ini|"
    r"harian(?: online)?|indonesia|online|utama|viral|update)$",
    re.IGNORECASE,
)
#: Words that make a keywords meta a sentence cut at commas, not a list of tags.
_STOPWORDS = frozenset(
    "yang dan di ke dari untuk ini itu dengan pada the of and to in a is we should about".split()
)


def tag_list(box: etree._Element) -> list[str]:
    """The tags of a tag box's links ("#Kupang" is "Kupang"); none when the box holds
    headlines (a "related" or "trending" box)."""
    items = [clean_text("".join(a.itertext())).lstrip("#").strip() for a in box.iter("a")]
    items = [t for t in items if t]
    if items and sum(len(t.split()) <= 5 for t in items) >= 0.8 * len(items):
        return items
    return []


def keyword_tags(keywords: str | None) -> list[str]:
    """A keywords meta as tags, unless it is a sentence cut at commas or too long a list."""
    items = [k.strip() for k in (keywords or "").split(",") if k.strip()]
    lowered = [k.lower() for k in items]
    if not 0 < len(items) <= 15 or sum(k in _STOPWORDS for k in lowered) > 1:
        return []
    return list(unique(items))


def editorial_tags(tags: list[str]) -> list[str]:
    """``tags`` once each, without search-engine phrases and over-long strings."""
    return [t for t in unique(tags) if len(t) <= 60 and not _SEO_TAG.match(t)]
