"""One walk over a page of an unknown layout: where its headline, dates, bylines, tags,
breadcrumbs, paging and article text are, judged from tags, ``itemprop`` and the words in
class and id names (``post-date``, ``detail__author``, ``tags-list``).

The generic parser asks this survey instead of running a CSS query per guess: one pass over
the tree costs about what one class-testing XPath costs.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

#: Splits class and id values into words: "detail__body-text" -> detail, body, text.
_WORDS = re.compile(r"[^a-z0-9]+")

#: Words of class/id names, by what the element holds.
ROLES: dict[str, frozenset[str]] = {
    "date": frozenset(
        "date time datetime tanggal tgl publish published pubdate posted waktu "
        "timestamp updated update diperbarui".split()
    ),
    "byline": frozenset(
        "author authors byline penulis reporter writer pewarta kontributor contributor "
        "editor redaktur penyunting creator".split()
    ),
    "tags": frozenset("tag tags tagging topik topic topics keyword keywords hashtag".split()),
    "crumbs": frozenset("breadcrumb breadcrumbs breadcumb crumb crumbs".split()),
    "paging": frozenset("pagination paging pager halaman paginate pagenav".split()),
    "deck": frozenset("subtitle subjudul deck standfirst excerpt summary ringkasan".split()),
}
#: Elements whose class/id says they are not the article (page chrome around it).
CHROME = frozenset(
    "footer nav navbar menu sidebar widget related terkait populer popular "
    "terpopuler trending recommendation rekomendasi comment comments komentar".split()
)

#: Class words of the article text containers that Indonesian CMSs use.
BODY_WORDS = frozenset(
    "articlebody article-body content-article article-content detail-text "
    "detail-content detail-konten post-content entry-content post-text read-content "
    "read__content detail__body-text txt-article side-article news-content "
    "content-detail isi-berita article__content article-body-content story-body "
    "body-text itp_bodycontent".split()
)


def words(value: str | None) -> list[str]:
    """The words of a class or id value, lower-case."""
    return [w for w in _WORDS.split(value.lower()) if w] if value else []


class _Names(NamedTuple):
    """What an element's class and id values say (:func:`_names`)."""

    #: Its class value holds a known article text container's class.
    body: bool
    #: The :data:`ROLES` its class and id words name.
    roles: tuple[str, ...]


@lru_cache(maxsize=16384)
def _names(class_value: str | None, id_value: str | None) -> _Names:
    """Read once per distinct (class, id): a page repeats a few hundred class values over
    thousands of elements (a 577 kB page of jakartaglobe's: 756 values, 177 distinct)."""
    names = words(class_value) + words(id_value)
    body = any(token in BODY_WORDS for token in (class_value or "").lower().split())
    unique = set(names)
    pairs = set(itertools.pairwise(names))
    if ("page", "links") in pairs or ("page", "nav") in pairs:
        unique.add("paging")  # WordPress "page-links", the Newspaper theme's "page-nav"
    return _Names(body, tuple(role for role, vocabulary in ROLES.items() if unique & vocabulary))


@dataclass
class Survey:
    """What one walk found, each list in document order."""

    h1: list[etree._Element] = field(default_factory=list)
    time: list[etree._Element] = field(default_factory=list)
    articles: list[etree._Element] = field(default_factory=list)
    itemprop: dict[str, list[etree._Element]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, list[etree._Element]] = field(default_factory=lambda: defaultdict(list))
    #: Elements whose full class value is a known article text container.
    bodies: list[etree._Element] = field(default_factory=list)
    #: Paragraph parents, scored by the text of their plain (not link) paragraphs.
    scores: dict[etree._Element, float] = field(default_factory=dict)
    next_links: list[str] = field(default_factory=list)


def survey(root: etree._Element) -> Survey:
    found = Survey()
    scores: dict[etree._Element, float] = defaultdict(float)
    for element in root.iter(etree.Element):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "h1":
            found.h1.append(element)
        elif tag == "time":
            found.time.append(element)
        elif tag == "article":
            found.articles.append(element)
        elif tag == "p":
            _score_paragraph(element, scores)
        elif tag in _TEXT_HOLDERS:
            _score_loose_text(element, scores)
        elif tag in ("a", "link") and (element.get(b"rel") or "").lower() == "next":
            href = element.get(b"href")
            if href:
                found.next_links.append(href)
        # Bytes keys: lxml encodes a str key at every call, and this runs for every element.
        prop = element.get(b"itemprop")
        if prop:
            for name in prop.split():
                found.itemprop[name].append(element)
        class_value, id_value = element.get(b"class"), element.get(b"id")
        if not (class_value or id_value):
            continue
        names = _names(class_value, id_value)
        if names.body:
            found.bodies.append(element)
        for role in names.roles:
            found.roles[role].append(element)
    found.scores = dict(scores)
    return found


def _score_paragraph(p: etree._Element, scores: dict[etree._Element, float]) -> None:
    text = "".join(p.itertext())
    length = len(text.strip())
    if length < 25:
        return
    linked = sum(len("".join(a.itertext())) for a in p.iter("a"))
    if linked > 0.5 * length:
        return
    parent = p.getparent()
    if parent is None:
        return
    # Commas are a sign of prose, not of a list of teasers (readability's heuristic).
    score = length + 20 * text.count(",")
    scores[parent] += score
    grandparent = parent.getparent()
    if grandparent is not None:
        scores[grandparent] += score / 2


#: Elements that hold article text directly on older layouts: lines split by ``<br>``.
_TEXT_HOLDERS = frozenset({"div", "td", "span", "section", "article", "font"})


def _score_loose_text(element: etree._Element, scores: dict[etree._Element, float]) -> None:
    """Text written straight into ``element`` between ``<br>`` (2015-era CMS bodies)."""
    # Most elements hold only indentation: a chunk shorter than 25 characters is not read.
    score = 0.0
    text = element.text
    if text and len(text) >= 25:
        score += _chunk_score(text)
    for child in element:
        tail = child.tail
        if tail and len(tail) >= 25 and child.tag in _INLINE_OR_BR:
            score += _chunk_score(tail)
    if score:
        scores[element] += score
        parent = element.getparent()
        if parent is not None:
            scores[parent] += score / 2


_INLINE_OR_BR = frozenset({"br", "b", "strong", "i", "em", "a", "span", "u", "font", "sup"})


def _chunk_score(chunk: str) -> float:
    """A loose text chunk's score: its length and commas, 0 under 25 characters stripped."""
    length = len(chunk.strip())
    return length + 20 * chunk.count(",") if length >= 25 else 0


def is_chrome(element: etree._Element, stop: etree._Element | None = None) -> bool:
    """Whether ``element`` sits in page chrome (header, footer, nav, sidebar, related lists)
    below ``stop``."""
    for node in (element, *element.iterancestors()):
        if node is stop:
            return False
        if node.tag in ("footer", "nav", "aside"):
            return True
        names = words(node.get("class")) + words(node.get("id"))
        if CHROME.intersection(names):
            return True
    return False
