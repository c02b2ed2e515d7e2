"""CSS selectors over a page's whole tree: parsel's XPath translation, evaluated with an index.

parsel turns ``div.post-text`` into an XPath that reads the class attribute of every
``div`` (``.post-tags`` of every element) in the document: ~0.2 µs a node, a whole-tree
scan per selector, and a parser runs a dozen, many of them for other layouts or for
markers that are usually absent. A :class:`TreeIndex` walks the tree once, listing the
elements that carry each class and id, and then for each comma alternative of a query:

- one that needs a class or id no element has matches nothing: not evaluated;
- one whose leftmost compound needs a class or id starts from those elements
  (``$lead0/self::div[...]/descendant-or-self::*/a``) instead of the whole tree;
- any other runs exactly as parsel runs it.

The result is the node-set parsel's XPath gives: the same nodes, in document order.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from cssselect import parser as css_parser
from lxml import etree
from parsel.csstranslator import HTMLTranslator

_TRANSLATOR = HTMLTranslator()
_ID_ATTRIBUTES = etree.XPath("//@id")


class Alternative(NamedTuple):
    """One comma alternative of a CSS query."""

    #: Classes and ids that some element of the page must have for any match.
    classes: frozenset[str]
    ids: frozenset[str]
    #: Those of the leftmost compound (the elements a match starts from).
    lead_classes: frozenset[str]
    lead_ids: frozenset[str]
    #: parsel's XPath for the alternative, and the same starting from ``$lead<n>``.
    xpath: str
    lead_xpath: str


def _conditions(tree: Any, classes: set[str], ids: set[str]) -> None:
    """Classes and ids any element matching the parsed CSS ``tree`` needs on the page."""
    if isinstance(tree, css_parser.CombinedSelector):
        _conditions(tree.selector, classes, ids)
        _conditions(tree.subselector, classes, ids)
        return
    # A class with whitespace in it cannot be a token of a split class attribute.
    if isinstance(tree, css_parser.Class) and not any(c.isspace() for c in tree.class_name):
        classes.add(tree.class_name)
    elif isinstance(tree, css_parser.Hash):
        ids.add(tree.id)
    # The compound's own conditions only, not what :not(), :has() or :is() hold.
    inner = getattr(tree, "selector", None)
    if inner is not None:
        _conditions(inner, classes, ids)


def _leftmost(tree: Any) -> Any:
    while isinstance(tree, css_parser.CombinedSelector):
        tree = tree.selector
    return tree


@lru_cache(maxsize=2048)
def alternatives(query: str) -> tuple[Alternative, ...]:
    """The comma alternatives of ``query``; their XPaths joined by " | " are parsel's."""
    found = []
    for n, selector in enumerate(css_parser.parse(query)):
        classes: set[str] = set()
        ids: set[str] = set()
        _conditions(selector.parsed_tree, classes, ids)
        lead_classes: set[str] = set()
        lead_ids: set[str] = set()
        _conditions(_leftmost(selector.parsed_tree), lead_classes, lead_ids)
        xpath, lead_xpath = (
            _TRANSLATOR.selector_to_xpath(selector, prefix, translate_pseudo_elements=True)
            for prefix in ("descendant-or-self::", f"$lead{n}/self::")
        )
        found.append(
            Alternative(
                frozenset(classes),
                frozenset(ids),
                frozenset(lead_classes),
                frozenset(lead_ids),
                xpath,
                lead_xpath,
            )
        )
    return tuple(found)


@lru_cache(maxsize=4096)
def _compiled(xpath: str) -> etree.XPath:
    # As parsel evaluates: plain strings, not lxml's "smart" ones.
    return etree.XPath(xpath, smart_strings=False)


class TreeIndex:
    """A parsed page's elements by class and by id, built on first use.

    One walk of the tree costs about what one class-testing XPath over it costs.
    """

    def __init__(self, root: etree._Element) -> None:
        self.root = root

    @cached_property
    def _by_class_value(self) -> dict[str, list[etree._Element]]:
        """Elements by whole class attribute (a page repeats a few dozen values)."""
        index: dict[str, list[etree._Element]] = {}
        for element in self.root.iter(etree.Element):
            value = element.get("class")
            if value:
                elements = index.get(value)
                if elements is None:
                    index[value] = [element]
                else:
                    elements.append(element)
        return index

    @cached_property
    def class_names(self) -> frozenset[str]:
        return frozenset(" ".join(self._by_class_value).split())

    def with_class(self, name: str) -> list[etree._Element]:
        """Elements whose class attribute has ``name`` (grouped by value, not in document
        order; XPath returns what it selects from them in document order)."""
        found: list[etree._Element] = []
        for value, elements in self._by_class_value.items():
            if name in value and name in value.split():
                found += elements
        return found

    @cached_property
    def by_id(self) -> dict[str, list[etree._Element]]:
        index: dict[str, list[etree._Element]] = {}
        for value in _ID_ATTRIBUTES(self.root):
            index.setdefault(str(value), []).append(value.getparent())
        return index

    def _lead(self, alternative: Alternative) -> list[etree._Element] | None:
        """The fewest indexed elements a match of ``alternative`` can start from."""
        candidates = [self.with_class(name) for name in alternative.lead_classes]
        candidates += [self.by_id[name] for name in alternative.lead_ids]
        return min(candidates, key=len) if candidates else None

    def select(self, query: str, within: etree._Element | None = None) -> list[Any]:
        """What parsel's ``Selector(root=within or root).css(query)`` selects.

        Inside an element (``within``), alternatives the page cannot match are skipped
        and the others run as parsel runs them, over that element's subtree.
        """
        parts: list[str] = []
        variables: dict[str, list[etree._Element]] = {}
        for n, alternative in enumerate(alternatives(query)):
            if alternative.classes and not alternative.classes <= self.class_names:
                continue
            if alternative.ids and not alternative.ids <= self.by_id.keys():
                continue
            lead = self._lead(alternative) if within is None else None
            if lead is None:
                parts.append(alternative.xpath)
            else:
                parts.append(alternative.lead_xpath)
                variables[f"lead{n}"] = lead
        if not parts:
            return []
        context = self.root if within is None else within
        result = _compiled(" | ".join(parts))(context, **variables)
        return result if isinstance(result, list) else [result]
