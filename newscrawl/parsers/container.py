"""Where an article's text is, on a page of any layout.

The container is ``itemprop=articleBody`` or a known CMS text container holding the page's
densest prose (the innermost such, so a wrapper's header and footer stay out), else the
densest element itself: the parent of the most prose paragraphs, or of text split by
``<br>``. An article split into sections or pages of one document (same tag and class) is
read whole. Inside a too-wide container, the headline, date lines, bylines, decks, tag
lists and picture boxes are not text.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from newscrawl.parsers.survey import Survey, is_chrome

_PROSE = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::a or ancestor::noscript)]",
    smart_strings=False,
)
#: Elements that hold lines of a header (not inline words of the text).
_BOXES = frozenset(
    {"div", "p", "ul", "ol", "li", "section", "header", "footer", "aside", "table", "blockquote"}
)


def text_container(found: Survey) -> etree._Element | None:
    """The element that holds the article's text, from one :func:`~.survey.survey`."""
    dense = max(found.scores, key=found.scores.__getitem__, default=None)
    structured = [*found.itemprop.get("articleBody", []), *found.bodies]
    if dense is not None:
        # A known container holding the densest prose: the innermost one, so that a
        # wrapper's header and footer ("post-content" around "post-text") stay out.
        holders = [c for c in structured if c is dense or inside(dense, c)]
        if holders:
            return min(holders, key=prose_length)
        dense_text = prose_length(dense)
        within = [c for c in structured if inside(c, dense)]
        best_within = max(within, key=prose_length, default=None)
        if best_within is not None and prose_length(best_within) >= 0.6 * dense_text:
            return best_within
        parent = dense.getparent()
        if (
            not dense.get("class")
            and parent is not None
            and found.scores.get(parent, 0) >= 0.75 * found.scores[dense]
        ):
            # Text split over sibling boxes with no class of their own (ANTARA 2016).
            return parent
        if found.scores[dense] >= 150:
            return dense
    best = max(structured, key=prose_length, default=None)
    return best if best is not None and prose_length(best) >= 80 else None


def text_sections(root: etree._Element, container: etree._Element) -> list[etree._Element]:
    """The container, or the sections or pages its article is split into: elements of its
    tag and class, each holding prose (liputan6's pages in one document, detikX's sections),
    inside one part of the page."""
    classes = container.get("class")
    if not classes:
        return [container]
    found: list[etree._Element] = []
    for element in root.iter(container.tag):
        if element.get("class") != classes or prose_length(element) < 80:
            continue
        # Sections are neither nested nor more than 40: the first nested one or the 41st
        # decides, and the rest is not read (each length reads a subtree: 179 nested copies
        # of a container took 2.1 s).
        if len(found) == 40 or any(inside(element, earlier) for earlier in found):
            return [container]
        found.append(element)
    if len(found) < 2:
        return [container]
    # They must be one article's parts, not teaser cards across the page.
    common = common_ancestor(found)
    if common is None or common.tag in ("body", "html") or is_chrome(common):
        return [container]
    return found


def header_nodes(
    container: etree._Element, found: Survey, h1: etree._Element | None
) -> list[etree._Element]:
    """What a too-wide container holds besides the text: the headline and everything before
    it (crumbs, labels), date lines, bylines, decks and tag lists."""
    nodes: list[etree._Element] = []
    if h1 is not None and inside(h1, container):
        nodes.append(h1)
        nodes.extend(h1.itersiblings(preceding=True))
        for ancestor in h1.iterancestors():
            if ancestor is container:
                break
            nodes.extend(ancestor.itersiblings(preceding=True))
    for role in ("date", "byline", "crumbs", "deck", "tags"):
        for element in found.roles.get(role, []):
            # Boxes only: an inline link classed "inner-link-tag" is a linked word.
            if (
                element.tag in _BOXES
                and inside(element, container)
                and len(" ".join(element.itertext())) < 300
            ):
                nodes.append(element)
    nodes.extend(t for t in found.time if inside(t, container))
    return nodes


def picture_boxes(container: etree._Element) -> list[etree._Element]:
    """Boxes holding a picture and little text: the picture's caption and credit."""
    boxes = []
    for img in container.iter("img"):
        node = img.getparent()
        while node is not None and node is not container:
            text = " ".join(node.itertext()).strip()
            if (
                node.tag in ("div", "figure", "table", "span")
                and len(text) < 300
                and not node.findall(".//p")
            ):
                boxes.append(node)
                node = node.getparent()
                continue
            break
    return boxes


def following(element: etree._Element) -> Iterator[etree._Element]:
    """Elements after ``element`` in document order (its siblings, then its ancestors')."""
    node: etree._Element | None = element
    while node is not None:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):
                yield sibling
                yield from (e for e in sibling.iterdescendants() if isinstance(e.tag, str))
        node = node.getparent()


def common_ancestor(elements: list[etree._Element]) -> etree._Element | None:
    """The nearest element all of ``elements`` are inside."""
    first, *rest = elements
    for ancestor in first.iterancestors():
        if all(inside(e, ancestor) for e in rest):
            return ancestor
    return None


def inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in element.iterancestors())


def prose_length(element: etree._Element | None) -> int:
    """Characters of text in ``element`` outside links, scripts and styles."""
    if element is None:
        return 0
    return sum(len(t.strip()) for t in _PROSE(element))
