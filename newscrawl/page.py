"""A fetched page, decoded and parsed once; every field reads this one tree."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cache, cached_property
from typing import Any

import parsel
from lxml import etree
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from newscrawl.css import TreeIndex
from newscrawl.errors import ArticleError
from newscrawl.limits import binary_signature, looks_binary, markup_for_lxml

_TEXT_NODES = etree.XPath("descendant-or-self::text()", smart_strings=False)
_STRING = etree.XPath("string()", smart_strings=False)
#: A complete page closes its body or its document; a cut-off download does neither.
_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_SELF_CLOSED_HTML = re.compile(rb"<html\b([^<>]*?)\s*/>", re.IGNORECASE)
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
    the declaration says. Bytes that are overwhelmingly valid UTF-8 (a stray byte in a page of
    curly quotes) are too, the invalid bytes replaced by U+FFFD: reading the whole page as
    windows-1252 for one bad byte turns every "Kafé “Kopi”" into "KafÃ© â€œKopiâ€". Other
    bytes fall back to the declared charset, and a false "utf-8" declaration to windows-1252.
    """
    return _decode(body, content_type)[0]


#: UTF-8 with replacement wins when its multi-byte characters outnumber the invalid bytes this
#: many times over: a windows-1252 page has next to no valid multi-byte sequences.
_UTF8_EVIDENCE = 4


def _decode(body: bytes, content_type: str | None) -> tuple[str, bool, int]:
    """:func:`decode_html`, whether the text is exactly ``body`` read as UTF-8, and how many
    invalid UTF-8 sequences were replaced."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace"), False, 0
    try:
        return body.decode("utf-8"), True, 0
    except UnicodeDecodeError:
        pass
    replaced = body.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd") - body.count("\ufffd".encode())
    # Each valid multi-byte character makes the text shorter than its bytes.
    multibyte = len(body) - len(replaced)
    if invalid and multibyte >= _UTF8_EVIDENCE * invalid:
        return replaced, False, invalid
    declared = http_content_type_encoding(content_type) if content_type else None
    declared = declared or html_body_declared_encoding(body)
    if not declared or codecs.lookup(declared).name == "utf-8":
        declared = "cp1252"
    try:
        return body.decode(declared, errors="replace"), False, 0
    except LookupError:
        return body.decode("cp1252", errors="replace"), False, 0


def _ends_document(text: str) -> bool:
    """Whether the last 200 000 characters close the body or the document."""
    # The closing tags are nearly always near the end: look there first, and only scan the
    # whole window when they are not.
    window = max(0, len(text) - 200_000)
    tail = max(window, len(text) - 4096)
    return bool(_DOCUMENT_END.search(text, tail) or _DOCUMENT_END.search(text, window))


def html_root(text: str, url: str, utf8: bytes | None = None) -> etree._Element:
    """The tree ``parsel.Selector(text=text, type="html", base_url=url)`` builds, same parser
    options (less the id table), but of plain lxml elements: lxml.html's element classes are
    looked up by a Python callback for every node Python touches, which makes walking a tree
    ~5x slower.

    ``utf8``, when given, is ``text`` encoded as UTF-8 (the bytes it was decoded from);
    the stripped text's bytes are cut from them, without encoding again.
    """
    if "\ufffe" in text or "\uffff" in text:
        # Not characters, and refused by lxml like the controls markup_for_lxml removes.
        text, utf8 = text.replace("\ufffe", " ").replace("\uffff", " "), None
    body = _strip_utf8(text, utf8) if utf8 is not None and b"\x00" not in utf8 else None
    if body is None:
        body = text.strip().replace("\x00", "").encode("utf-8") or b"<html/>"
    body = markup_for_lxml(body)
    # No table of id attributes: nothing here asks libxml2 for an element by id (by_id is
    # an index of our own), and building it took 3-5% of lxml's time on the saved pages.
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True, collect_ids=False)
    root = etree.fromstring(body, parser=parser, base_url=url)
    if root is not None and not len(root):
        # "<html lang="id" />" (idntimes.com to 2024): libxml2 ends the document there, a
        # browser ignores the slash.
        opened = _SELF_CLOSED_HTML.sub(rb"<html\1>", body, count=1)
        if opened != body:
            root = etree.fromstring(opened, parser=parser, base_url=url)
    if root is None:
        root = etree.fromstring(b"<html/>", parser=parser, base_url=url)
    return root


#: Whitespace :func:`_strip_utf8` reads at each end of a page before giving up.
_EDGE = 256


def _strip_utf8(text: str, utf8: bytes) -> bytes | None:
    """``text.strip().encode("utf-8")`` for ``utf8``, ``text`` encoded, cut from ``utf8``
    instead of copying the whole page twice (nearly every page ends in a newline);
    None when ``text`` is all whitespace or has more than :data:`_EDGE` at an end."""
    start, end = 0, len(text)
    # isspace() is what strip() strips.
    while start < end and text[start].isspace():
        start += 1
        if start > _EDGE:
            return None
    while end > start and text[end - 1].isspace():
        end -= 1
        if len(text) - end > _EDGE:
            return None
    if start == end:
        return None
    head, tail = len(text[:start].encode("utf-8")), len(text[end:].encode("utf-8"))
    return utf8[head : len(utf8) - tail] if head or tail else utf8


def node_text(node: parsel.Selector) -> str:
    """``" ".join(node.css("::text").getall())`` without a Selector per text node."""
    if isinstance(node.root, etree._Element):
        return " ".join(_TEXT_NODES(node.root))
    return " ".join(node.css("::text").getall())


def selected_text(node: Any, query: str) -> str:
    """:func:`node_text` of what :meth:`Page.nodes` returned for ``query``, without building
    the Selector :meth:`Page.css` wraps it in unless it is not an element."""
    if isinstance(node, etree._Element):
        return " ".join(_TEXT_NODES(node))
    return node_text(parsel.Selector(root=node, _expr=query, type="html"))


@cache
def _jsonld_extractor() -> Any:
    """extruct's JSON-LD reader, imported when a script first needs its repair: importing
    extruct imports its RDFa, microformat and BeautifulSoup readers too, 0.16 s of every
    process start (a crawl's, a re-parse's, ``newscrawl parse``'s)."""
    from extruct.jsonld import JsonLdExtractor

    return JsonLdExtractor()


def _ld_items(script: etree._Element) -> list[Any]:
    """``JsonLdExtractor().extract_items(script)``, without compiling an XPath per call."""
    # Script content is text only (the HTML parser makes no elements inside it), so .text is
    # string() without an XPath call.
    text = (script.text or "") if not len(script) else _STRING(script)
    try:
        data = json.loads(text, strict=False)
    except ValueError:
        # extruct's repair of scripts with HTML or JavaScript comments around the JSON.
        found: list[Any] = _jsonld_extractor().extract_items(script)
        return found
    values = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
    return [item for item in values if item]


#: ``@graph`` and lists of JSON-LD objects nest a level or two; deeper is not read.
_LD_DEPTH = 16


def _walk_ld(item: Any) -> Iterator[dict[str, Any]]:
    # A stack, not recursion: a script nesting lists 900 deep must not raise RecursionError.
    stack: list[tuple[Any, int]] = [(item, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > _LD_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((sub, depth + 1) for sub in reversed(value))
        elif isinstance(value, dict):
            yield value
            stack.append((value.get("@graph"), depth + 1))


def ld_types(item: dict[str, Any]) -> set[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


class Page:
    """One page: its URL, fetch time, decoded text and parsel tree."""

    def __init__(
        self, text: str, url: str, fetched_at: datetime, *, utf8: bytes | None = None
    ) -> None:
        # Not text.strip(): that copies the page. Both take isspace() characters for space.
        if not text or text.isspace():
            raise ArticleError("the response body is empty", reason="empty_response")
        if looks_binary(text):
            raise ArticleError("the response is binary, not HTML", reason="not_html")
        if not _ends_document(text):
            raise ArticleError("the page ends before </body> or </html>", reason="truncated")
        self.url = url
        self.fetched_at = fetched_at
        #: What reading this page repaired, as stats keys under ``newscrawl/`` for the crawl to
        #: count: ``decode/replaced`` (invalid UTF-8 replaced), ``repaired/<field>``.
        self.notes: list[str] = []
        self.sel = parsel.Selector(root=html_root(text, url, utf8), type="html")
        if self.sel.root is None or not len(self.sel.root):
            raise ArticleError("no HTML document in the response", reason="not_html")
        self._index = TreeIndex(self.sel.root)
        self._css: dict[tuple[str, Any], parsel.SelectorList[parsel.Selector]] = {}
        self._nodes: dict[tuple[str, Any], list[Any]] = {}

    @classmethod
    def from_bytes(
        cls, body: bytes, url: str, fetched_at: datetime, content_type: str | None = None
    ) -> Page:
        if binary_signature(body):
            raise ArticleError("the response is binary, not HTML", reason="not_html")
        text, exact, replaced = _decode(body, content_type)
        page = cls(text, url, fetched_at, utf8=body if exact else None)
        if replaced:
            page.notes.append("decode/replaced")
        return page

    def css(self, query: str) -> parsel.SelectorList[parsel.Selector]:
        """``self.sel.css(query)``: the same selection, evaluated once per page and faster
        (see :mod:`newscrawl.css`)."""
        return self._select(query, None)

    def css_within(self, node: parsel.Selector, query: str) -> parsel.SelectorList[parsel.Selector]:
        """``node.css(query)`` for a ``node`` of this page, evaluated once per page."""
        return self._select(query, node.root)

    def nodes(self, query: str, within: etree._Element | None = None) -> list[Any]:
        """The roots of what ``css(query)`` (or ``css_within``) selects: elements, or strings
        for ``::text`` and ``::attr()``. Do not change the list: it is the page's cache.

        Most callers only read text or attributes: a parsel Selector per node costs more than
        reading them.
        """
        # Keyed by the element itself, which the dict keeps alive: an id() could be reused.
        found = self._nodes.get((query, within))
        if found is None:
            found = self._nodes[(query, within)] = self._index.select(query, within)
        return found

    def _select(
        self, query: str, within: etree._Element | None
    ) -> parsel.SelectorList[parsel.Selector]:
        found = self._css.get((query, within))
        if found is None:
            found = parsel.SelectorList(
                parsel.Selector(root=node, _expr=query, type="html")
                for node in self.nodes(query, within)
            )
            self._css[(query, within)] = found
        return parsel.SelectorList(found)

    def link_href(self, rel: str) -> str | None:
        """``self.sel.css(f'link[rel="{rel}"]::attr(href)').get()``: a walk over the
        ``<link>`` elements costs less than XPath's test of every element."""
        for link in self.sel.root.iter("link"):
            if link.get("rel") == rel:
                href: str | None = link.get("href")
                if href is not None:
                    return href
        return None

    @cached_property
    def json_ld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object, ``@graph`` members flattened; broken scripts skipped."""
        items: list[dict[str, Any]] = []
        # iter() and a test in Python: an XPath attribute test reads every element's attributes.
        for script in self.sel.root.iter("script"):
            if script.get("type") != "application/ld+json":
                continue
            try:
                found = _ld_items(script)
            except (ValueError, TypeError, RecursionError):
                # RecursionError: json's decoder refuses nesting deeper than Python's stack.
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
        for meta in self.sel.root.iter("meta"):
            content = meta.get("content")
            if content is None:
                continue
            content = content.strip()
            if not content:
                continue
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
