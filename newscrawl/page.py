"""A fetched page, decoded and parsed once; every field reads this one tree."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cached_property
from typing import Any

import parsel
from extruct.jsonld import JsonLdExtractor
from lxml import etree
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from newscrawl.errors import ArticleError

_JSONLD = JsonLdExtractor()
_JSONLD_SCRIPTS = etree.XPath('//script[@type="application/ld+json"]')
_METAS = etree.XPath("//meta[@content]")
#: A complete page closes its body or its document; a cut-off download does neither.
_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: JSON-LD types that describe the article itself.
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNews",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "Report",
    }
)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode page bytes: BOM, then valid UTF-8, then the declared charset.

    Pages that declare ISO-8859-1 but are really UTF-8 are common on older
    Indonesian sites, so bytes that are valid UTF-8 are read as UTF-8 whatever
    the declaration says; bytes that are not fall back to the declared charset,
    and a false "utf-8" declaration to windows-1252.
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = http_content_type_encoding(content_type) if content_type else None
    declared = declared or html_body_declared_encoding(body)
    if not declared or codecs.lookup(declared).name == "utf-8":
        declared = "cp1252"
    try:
        return body.decode(declared, errors="replace")
    except LookupError:
        return body.decode("cp1252", errors="replace")


def _walk_ld(item: Any) -> Iterator[dict[str, Any]]:
    if isinstance(item, list):
        for sub in item:
            yield from _walk_ld(sub)
    elif isinstance(item, dict):
        yield item
        yield from _walk_ld(item.get("@graph"))


def ld_types(item: dict[str, Any]) -> set[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


class Page:
    """One page: its URL, fetch time, decoded text and parsel tree."""

    def __init__(self, text: str, url: str, fetched_at: datetime) -> None:
        if not text.strip():
            raise ArticleError("the response body is empty", reason="empty_response")
        if not _DOCUMENT_END.search(text, max(0, len(text) - 200_000)):
            raise ArticleError("the page ends before </body> or </html>", reason="truncated")
        self.url = url
        self.fetched_at = fetched_at
        self.sel = parsel.Selector(text=text, type="html", base_url=url)
        if self.sel.root is None or not len(self.sel.root):
            raise ArticleError("no HTML document in the response", reason="not_html")

    @classmethod
    def from_bytes(
        cls, body: bytes, url: str, fetched_at: datetime, content_type: str | None = None
    ) -> Page:
        return cls(decode_html(body, content_type), url, fetched_at)

    @cached_property
    def json_ld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object, ``@graph`` members flattened; broken scripts skipped."""
        items: list[dict[str, Any]] = []
        for script in _JSONLD_SCRIPTS(self.sel.root):
            try:
                found = _JSONLD.extract_items(script)
            except (ValueError, TypeError, json.JSONDecodeError):
                continue
            items.extend(_walk_ld(found))
        return items

    @cached_property
    def article_ld(self) -> dict[str, Any]:
        """The JSON-LD object describing the article (empty when the page has none)."""
        for item in self.json_ld:
            if ld_types(item) & ARTICLE_TYPES:
                return item
        return {}

    def ld_of_type(self, *types: str) -> list[dict[str, Any]]:
        return [item for item in self.json_ld if ld_types(item) & set(types)]

    @cached_property
    def metas(self) -> dict[str, list[str]]:
        """``<meta>`` contents by lower-cased name/property/itemprop, in page order."""
        found: dict[str, list[str]] = {}
        for meta in _METAS(self.sel.root):
            content = meta.get("content", "").strip()
            for attr in ("property", "name", "itemprop"):
                key = meta.get(attr)
                if key and content:
                    found.setdefault(key.strip().lower(), []).append(content)
        return found

    def meta(self, *keys: str) -> str | None:
        """The first non-empty content among ``keys`` (first key wins)."""
        for key in keys:
            values = self.metas.get(key.lower())
            if values:
                return values[0]
        return None

    def meta_all(self, key: str) -> list[str]:
        return self.metas.get(key.lower(), [])
