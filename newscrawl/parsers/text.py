"""Shared text helpers: whitespace, paragraph blocks, and the names of people.

Outlet parsers select *where* things are; these helpers decide what the text
is. The body-specific rules ("Baca juga", datelines, editor codes, clutter)
live in :mod:`newscrawl.parsers.body`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from newscrawl.parsers.clutter import RELATED, SKIP, box_kind, in_page_links_only
from newscrawl.urls import join_url

_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]+")
#: The characters :data:`_SPACE` collapses that are not whitespace to ``str.split()``.
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff")

#: Elements that end a paragraph of text.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)

#: Elements whose content is never body text (their tail text still is).
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "iframe",
        "ins",
        "figure",
        "figcaption",
        "form",
        "button",
        "svg",
        "video",
        "audio",
        "object",
        "embed",
        "template",
        "select",
        "input",
        "textarea",
        "picture",
        "source",
        "img",
        "head",
        "title",
    ]
)

_BLOCK_MEDIA = frozenset({"figure", "iframe", "video", "audio", "object", "embed", "picture"})
#: AMP's components that hold text (an AMP page's other ``amp-*`` elements are ads, embedded
#: posts, players, pictures, menus, analytics and the next article: never body text).
AMP_TEXT = frozenset(
    {
        "amp-fit-text",
        "amp-accordion",
        "amp-live-list",
        "amp-script",
        "amp-layout",
        "amp-truncate-text",
    }
)


def clean_text(text: str | None) -> str:
    """Collapse all whitespace (NBSP and zero-width characters too) to single spaces."""
    if not text:
        return ""
    # Printable text has no whitespace but " " (every other \s and the zero-widths are
    # control or separator characters): with no double space there is nothing to collapse.
    if text.isprintable() and "  " not in text:
        return text.strip()
    # \s is what split() and strip() take for whitespace (str.isspace), so without the
    # zero-widths the split/join gives what the regex gives, in a third of the time.
    for char in _ZERO_WIDTH:
        if char in text:
            return _SPACE.sub(" ", text).strip()
    return " ".join(text.split())


@dataclass
class Block:
    """A paragraph of text and the links inside it, in document order."""

    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    #: The link text inside ``text`` starts at these offsets (same order as ``links``).
    link_offsets: list[int] = field(default_factory=list)
    #: The last block of a container (a page, or a section an article reveals by scrolling):
    #: an editor code may end it.
    section_end: bool = False


#: How :func:`text_blocks` treats an element, by tag: flags below, with the lower-case name.
_SKIPPED, _BLOCK, _SEPARATES = 1, 2, 4
_TAG_KINDS: dict[object, tuple[str, int]] = {}


def _tag_kind(tag: object) -> tuple[str, int]:
    """Lower-case local name of an element tag ("" for comments and processing
    instructions) and its :data:`_SKIPPED` / :data:`_BLOCK` / :data:`_SEPARATES` flags."""
    kind = _TAG_KINDS.get(tag)
    if kind is None:
        name = tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
        flags = _SKIPPED if not name or name in SKIP_TAGS else 0
        if name in BLOCK_TAGS:
            flags |= _BLOCK | _SEPARATES
        elif name in _BLOCK_MEDIA:
            flags |= _SEPARATES
        elif name.startswith("amp-") and name not in AMP_TEXT:
            flags |= _SKIPPED | _SEPARATES
        kind = (name, flags)
        # Pages use a few dozen tag names; remember them (bounded: a hostile page could
        # invent many).
        if len(_TAG_KINDS) < 4096:
            _TAG_KINDS[tag] = kind
    return kind


class _BlockBuilder:
    def __init__(self, base_url: str, skip: Collection[etree._Element]) -> None:
        self.base_url = base_url
        self.skip = skip
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.link_starts: list[int] = []

    def text(self, value: str | None) -> None:
        if value:
            self.parts.append(value)

    def flush(self) -> None:
        if not self.parts and not self.links:
            return
        raw = "".join(self.parts)
        text = clean_text(raw)
        if text:
            # Offsets are recomputed on the cleaned text by searching link titles in order.
            offsets: list[int] = []
            pos = 0
            for title, _ in self.links:
                found = text.find(title, pos)
                offsets.append(found if found >= 0 else len(text))
                if found >= 0:
                    pos = found + len(title)
            self.blocks.append(Block(text, list(self.links), offsets))
        self.parts, self.links = [], []

    def link(self, anchor: etree._Element) -> tuple[str, str] | None:
        href = (anchor.get("href") or "").strip()
        title = clean_text("".join(anchor.itertext())) or clean_text(anchor.get("title"))
        if not href or not title or href.startswith(("javascript:", "#", "mailto:")):
            return None
        try:
            return title, join_url(self.base_url, href)
        except ValueError:  # a URL urllib cannot split ("http://[::1/x")
            return None

    def related(self, box: etree._Element) -> None:
        """A read-also box: one "Baca juga:" line of its links (none: nothing)."""
        links = [found for found in map(self.link, box.iter("a")) if found]
        if not links:
            return
        self.flush()
        self.parts = [RELATED_LINE, *(f"{title} " for title, _ in links)]
        self.links = links
        self.flush()

    def visit(self, top: etree._Element) -> None:
        """Walk ``top``'s subtree in document order (a loop, not recursion: a page of a
        thousand unclosed inline tags nests a thousand deep)."""
        stack: list[tuple[etree._Element, bool]] = [(top, False)]
        while stack:
            element, closing = stack.pop()
            name, flags = _TAG_KINDS.get(element.tag) or _tag_kind(element.tag)
            if closing:
                if name == "a":
                    found = self.link(element)
                    if found:
                        self.links.append(found)
                if flags & _BLOCK:
                    self.flush()
            elif flags & _SKIPPED or element in self.skip:
                if flags & _SEPARATES:
                    self.flush()  # a skipped figure or ad box still separates paragraphs
            elif name == "br":
                self.flush()
            else:
                # Inline elements are text ("<a class=inner-link-tag>" is a linked word): only
                # boxes are judged.
                kind = box_kind(element) if flags & _BLOCK else None
                if kind is None and name in ("ul", "ol") and in_page_links_only(element):
                    kind = SKIP
                if kind == RELATED:
                    self.related(element)
                elif kind == SKIP:
                    self.flush()
                else:
                    if flags & _BLOCK:
                        self.flush()
                    # lxml builds a new string at each .text or .tail: read each once.
                    text = element.text
                    if text:
                        self.parts.append(text)
                    stack.append((element, True))
                    stack.extend((child, False) for child in reversed(element))
                    continue  # the tail follows the element's closing
            if element is not top:
                tail = element.tail
                if tail:
                    self.parts.append(tail)


#: The label a read-also box's line gets, so the shared rules file its links.
RELATED_LINE = "Baca juga: "


def text_blocks(
    containers: Iterable[etree._Element],
    base_url: str,
    skip: Collection[etree._Element] = (),
) -> list[Block]:
    """Split containers into paragraph blocks at block elements and ``<br>``.

    Elements in ``skip`` (chosen by the outlet parser), the tags in :data:`SKIP_TAGS` and the
    boxes :func:`~newscrawl.parsers.clutter.box_kind` calls clutter contribute nothing, but
    text after them does; read-also boxes become one "Baca juga:" line.
    """
    builder = _BlockBuilder(base_url, frozenset(skip))
    for container in containers:
        builder.flush()
        builder.text(container.text)
        for child in container:
            builder.visit(child)
            builder.text(child.tail)
        builder.flush()
        if builder.blocks:
            builder.blocks[-1].section_end = True
    return builder.blocks


_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\|| dan | and |/)\s*", re.IGNORECASE)
_NAME_PREFIX = re.compile(
    # Longer labels first: "laporan wartawan" must not stop at "laporan".
    r"^(?:penulis|reporter|editorial|editor|oleh|by|pewarta|redaktur|kontributor|"
    r"laporan wartawan|laporan|wartawan|penyunting|author)\b\s*[:\-–]?\s*",
    re.IGNORECASE,
)


#: "Kontributor Lhokseumawe, Masriadi": the place before the comma is not a person (also
#: after a label's punctuation, as kompas' credit cell prints ": Kontributor ...").
_CONTRIBUTOR_PLACE = re.compile(
    r"^\W*(?:kontributor|koresponden|laporan wartawan)\s+[^,:]{1,40},\s*", re.IGNORECASE
)


#: Desks and accounts, not people: "Tim Redaksi", "Redaksi Nusadaily", "Tim detikBali", "Admin".
_NOT_A_PERSON = re.compile(
    r"^(?:tim\s+)?redaksi\b|^(?:admin|administrator|webmaster)$|^tim\s+\S+$", re.IGNORECASE
)


def person_names(values: Iterable[str | None], drop: Collection[str] = ()) -> list[str]:
    """Clean, split and de-duplicate bylines into a list of names, in order.

    ``drop`` lists names that are not people (the outlet's own name, "Tim Redaksi").
    """
    dropped = {d.lower() for d in drop}
    names: list[str] = []
    for value in values:
        for raw in _NAME_SPLIT.split(_CONTRIBUTOR_PLACE.sub("", clean_text(value))):
            name = _NAME_PREFIX.sub("", raw).strip(" .:-–")
            if (
                name
                and name.lower() not in dropped
                and not _NOT_A_PERSON.match(name)
                and name not in names
                and len(name) <= 80
            ):
                names.append(name)
    return names


def unique(values: Iterable[str]) -> Iterator[str]:
    """``values`` cleaned, without empties and repeats, in first-seen order."""
    seen: set[str] = set()
    for value in values:
        text = clean_text(value)
        if text and text.lower() not in seen:
            seen.add(text.lower())
            yield text
