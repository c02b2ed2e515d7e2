"""CSS selectors over a page's whole tree: parsel's XPath translation, evaluated with an index.

parsel turns ``div.post-text`` into an XPath that reads the class attribute of every
``div`` (``.post-tags`` of every element) in the document: ~0.2 µs a node, a whole-tree
scan per selector, and a parser runs a dozen, many of them for other layouts or for
markers that are usually absent. A :class:`TreeIndex` walks the tree once, listing the
elements that carry each id and each class some query has asked for (a class first asked
for later costs another walk), and each ``itemprop`` value once a query asks for one; then
for each comma alternative of a query:

- one that needs a class, id or ``itemprop`` value no element has matches nothing: not
  evaluated;
- one whose leftmost compound needs a class, id or ``itemprop`` value starts from those
  elements (``$lead0/self::div[...]/descendant-or-self::*/a``) instead of the whole tree
  (inside an element, from those of them in its subtree);
- any other runs exactly as parsel runs it.

The result is the node-set parsel's XPath gives: the same nodes, in document order.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from cssselect import parser as css_parser
from lxml import etree
from parsel.csstranslator import HTMLTranslator

_TRANSLATOR = HTMLTranslator()
_ID_ATTRIBUTES = etree.XPath("//@id")
_ITEMPROP_ATTRIBUTES = etree.XPath("//@itemprop")
#: What XPath's normalize-space() takes for whitespace (Python's split() takes more).
_XML_SPACE = re.compile(r"[ \t\n\r]+")
_TAG_NAME = re.compile(r"[a-z][a-z0-9]*")


class Compound(NamedTuple):
    """A lone compound of tag, classes, ids and ``:not(.class)``: tested in Python, as
    parsel's XPath tests it, on the few indexed elements it can match."""

    tag: str | None
    classes: frozenset[str]
    ids: frozenset[str]
    not_classes: frozenset[str]

    def matches(self, element: etree._Element) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        if self.ids and any(element.get("id") != name for name in self.ids):
            return False
        value = element.get("class")
        if value is None:
            return not self.classes
        names = set(_XML_SPACE.split(value))
        return self.classes <= names and names.isdisjoint(self.not_classes)


class Alternative(NamedTuple):
    """One comma alternative of a CSS query."""

    #: Classes, ids and ``itemprop`` values that some element of the page must have for any
    #: match.
    classes: frozenset[str]
    ids: frozenset[str]
    itemprops: frozenset[str]
    #: Those of the leftmost compound (the elements a match starts from).
    lead_classes: frozenset[str]
    lead_ids: frozenset[str]
    lead_itemprops: frozenset[str]
    #: parsel's XPath for the alternative, and the same starting from ``$lead<n>``.
    xpath: str
    lead_xpath: str
    #: The alternative when it is a :class:`Compound`, else None.
    compound: Compound | None


def _conditions(tree: Any, classes: set[str], ids: set[str], itemprops: set[str]) -> None:
    """Classes, ids and ``itemprop`` values any element matching the parsed CSS ``tree``
    needs on the page."""
    if isinstance(tree, css_parser.CombinedSelector):
        _conditions(tree.selector, classes, ids, itemprops)
        _conditions(tree.subselector, classes, ids, itemprops)
        return
    # A class with whitespace in it cannot be a token of a split class attribute.
    if _plain_class(tree):
        classes.add(tree.class_name)
    elif isinstance(tree, css_parser.Hash):
        ids.add(tree.id)
    elif (itemprop := _itemprop_equals(tree)) is not None:
        itemprops.add(itemprop)
    # The compound's own conditions only, not what :not(), :has() or :is() hold.
    inner = getattr(tree, "selector", None)
    if inner is not None:
        _conditions(inner, classes, ids, itemprops)


def _itemprop_equals(tree: Any) -> str | None:
    """The value ``tree`` requires of the whole ``itemprop`` attribute, as parsel's XPath
    compares it (``[itemprop="datePublished"]``; HTML attribute names are lower case in the
    tree and in its XPath); None for any other condition."""
    if not isinstance(tree, css_parser.Attrib) or tree.namespace is not None:
        return None
    if tree.attrib.lower() != "itemprop" or tree.operator != "=" or tree.value is None:
        return None
    value: str | None = tree.value.value
    return value


def _plain_class(tree: Any) -> bool:
    return isinstance(tree, css_parser.Class) and not any(c.isspace() for c in tree.class_name)


def _lone_class(tree: Any) -> bool:
    """``tree`` is ``.name`` alone (as in ``:not(.name)``)."""
    element = getattr(tree, "selector", None)
    return (
        _plain_class(tree)
        and isinstance(element, css_parser.Element)
        and element.element is None
        and element.namespace is None
    )


def _compound(selector: Any) -> Compound | None:
    """``selector`` as a :class:`Compound`, if it is one (no combinator, attribute,
    pseudo-class but ``:not(.class)``, or pseudo-element)."""
    if selector.pseudo_element is not None:
        return None
    tree = selector.parsed_tree
    classes: set[str] = set()
    ids: set[str] = set()
    not_classes: set[str] = set()
    while not isinstance(tree, css_parser.Element):
        if _plain_class(tree):
            classes.add(tree.class_name)
        elif isinstance(tree, css_parser.Hash):
            ids.add(tree.id)
        elif isinstance(tree, css_parser.Negation) and _lone_class(tree.subselector):
            negated: Any = tree.subselector
            not_classes.add(negated.class_name)
        else:
            return None
        tree = tree.selector
    if tree.namespace is not None:
        return None
    # HTML element names are lower case, in the tree and in parsel's XPath.
    tag = tree.element.lower() if tree.element is not None else None
    if tag is not None and not _TAG_NAME.fullmatch(tag):
        return None
    return Compound(tag, frozenset(classes), frozenset(ids), frozenset(not_classes))


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
        itemprops: set[str] = set()
        _conditions(selector.parsed_tree, classes, ids, itemprops)
        lead_classes: set[str] = set()
        lead_ids: set[str] = set()
        lead_itemprops: set[str] = set()
        _conditions(_leftmost(selector.parsed_tree), lead_classes, lead_ids, lead_itemprops)
        xpath, lead_xpath = (
            _TRANSLATOR.selector_to_xpath(selector, prefix, translate_pseudo_elements=True)
            for prefix in ("descendant-or-self::", f"$lead{n}/self::")
        )
        found.append(
            Alternative(
                frozenset(classes),
                frozenset(ids),
                frozenset(itemprops),
                frozenset(lead_classes),
                frozenset(lead_ids),
                frozenset(lead_itemprops),
                xpath,
                lead_xpath,
                _compound(selector),
            )
        )
    return tuple(found)


@lru_cache(maxsize=4096)
def compiled_xpath(xpath: str) -> etree.XPath:
    """``xpath`` compiled once per process (``element.xpath(xpath)`` compiles at every call).

    As parsel evaluates: plain strings, not lxml's "smart" ones."""
    return etree.XPath(xpath, smart_strings=False)


#: Class names this process's queries have needed, which a page's index then covers from
#: its first walk. A page has hundreds of class names and the parsers ask for a few dozen:
#: indexing only those keeps the other elements' lxml proxies (each tracked by the garbage
#: collector) from living as long as the page. Bounded: past it a page indexes the names
#: its queries need, one walk per new set of names, as before.
_queried_classes: frozenset[str] = frozenset()
_MAX_QUERIED_CLASSES = 4096


class TreeIndex:
    """A parsed page's elements by class and by id, built on first use.

    One walk of the tree costs about what one class-testing XPath over it costs.
    """

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self._by_class: dict[str, list[etree._Element]] = {}
        #: The class names ``_by_class`` is complete for; those not in it are on no element.
        self._indexed: frozenset[str] = frozenset()

    def _cover(self, names: frozenset[str]) -> None:
        """Make the class index complete for ``names`` (and the names queried before)."""
        global _queried_classes
        if not names <= _queried_classes and len(_queried_classes) < _MAX_QUERIED_CLASSES:
            _queried_classes = _queried_classes | names
        if not self._indexed and names <= _queried_classes:
            wanted = _queried_classes  # a page's first walk, as a rule
        else:
            wanted = (names | _queried_classes) - self._indexed
        index = self._by_class
        # This loop runs for every element and class name of the page: a bound method and a
        # bytes key (lxml encodes a str key at every call) make it measurably faster.
        get = index.get
        for element in self.root.iter(etree.Element):
            value = element.get(b"class")
            if value:
                for name in value.split():
                    if name in wanted:
                        elements = get(name)
                        if elements is None:
                            index[name] = [element]
                        elif elements[-1] is not element:  # class="a b a" lists it once
                            elements.append(element)
        self._indexed = self._indexed | wanted if self._indexed else wanted

    def has_classes(self, names: frozenset[str]) -> bool:
        """Whether every one of ``names`` is on some element."""
        if not names <= self._indexed:
            self._cover(names)
        return names <= self._by_class.keys()

    def with_class(self, name: str) -> list[etree._Element]:
        """Elements whose class attribute has ``name``, in document order."""
        if name not in self._indexed:
            self._cover(frozenset([name]))
        return self._by_class.get(name, [])

    @cached_property
    def by_id(self) -> dict[str, list[etree._Element]]:
        return _by_value(_ID_ATTRIBUTES(self.root))

    @cached_property
    def by_itemprop(self) -> dict[str, list[etree._Element]]:
        """Elements by their whole ``itemprop`` value, built when a query first needs it (most
        parsers never ask): one walk in libxml2, 61 µs on the median real page, where each
        query of ``[itemprop=...]`` without it walks the tree testing every element (three of
        them took 0.37 ms of an antaranews page's 3.5)."""
        return _by_value(_ITEMPROP_ATTRIBUTES(self.root))

    def _lead(
        self, alternative: Alternative, within: etree._Element | None
    ) -> list[etree._Element] | None:
        """The fewest indexed elements a match of ``alternative`` can start from; inside
        ``within``, those of them in its subtree."""
        candidates = [self.with_class(name) for name in alternative.lead_classes]
        candidates += [self.by_id[name] for name in alternative.lead_ids]
        candidates += [self.by_itemprop[name] for name in alternative.lead_itemprops]
        if not candidates:
            return None
        lead = min(candidates, key=len)
        if within is None or within is self.root:
            return lead
        return [element for element in lead if _inside(element, within)]

    def select(self, query: str, within: etree._Element | None = None) -> list[Any]:
        """What parsel's ``Selector(root=within or root).css(query)`` selects."""
        parts: list[str] = []
        variables: dict[str, list[etree._Element]] = {}
        for n, alternative in enumerate(alternatives(query)):
            if alternative.classes and not self.has_classes(alternative.classes):
                continue
            if alternative.ids and not alternative.ids <= self.by_id.keys():
                continue
            if alternative.itemprops and not alternative.itemprops <= self.by_itemprop.keys():
                continue
            lead = self._lead(alternative, within)
            if lead is None:
                parts.append(alternative.xpath)
            elif alternative.compound is not None:
                # An XPath call costs more than testing a few elements here.
                matched = [element for element in lead if alternative.compound.matches(element)]
                if matched:
                    parts.append(f"$lead{n}")
                    variables[f"lead{n}"] = matched
            elif lead:
                parts.append(alternative.lead_xpath)
                variables[f"lead{n}"] = lead
        if not parts:
            return []
        if len(parts) == 1 and parts[0][1:] in variables:
            # Only a compound matched: its elements are in document order, as the index's.
            return variables[parts[0][1:]]
        context = self.root if within is None else within
        result = compiled_xpath(" | ".join(parts))(context, **variables)
        return result if isinstance(result, list) else [result]


def _by_value(attributes: Any) -> dict[str, list[etree._Element]]:
    """Elements by the values of an attribute, from an XPath's ``//@name`` result (lxml's
    attribute results know their element), in document order."""
    index: dict[str, list[etree._Element]] = {}
    for value in attributes:
        index.setdefault(str(value), []).append(value.getparent())
    return index


def _inside(element: etree._Element, ancestor: etree._Element) -> bool:
    """Whether ``element`` is ``ancestor`` or one of its descendants."""
    # lxml hands out one proxy per live node, so identity is node identity.
    return element is ancestor or any(a is ancestor for a in element.iterancestors())
