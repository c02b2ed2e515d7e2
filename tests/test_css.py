"""Page.css selects exactly what parsel's Selector.css selects, on every saved page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import parsel
import pytest
from lxml import etree

from newscrawl import css
from newscrawl.errors import ArticleError
from newscrawl.outlet import registry
from newscrawl.page import Page
from tests.cases import FIXTURES

NOW = datetime(2026, 1, 1, tzinfo=UTC)
IDENT = re.compile(r"-?[A-Za-z_][\w-]*")
PAGES = sorted(FIXTURES.glob("*/articles/*.html")) + sorted(FIXTURES.glob("*/listing/*.html"))

#: Shapes the index treats differently: absent classes and ids, class-led and id-led
#: alternatives, combinators, attributes, :not(), pseudo-elements, repeated classes.
QUERIES = [
    "div",
    "h1, h2",
    "a[href]::attr(href)",
    "title::text",
    'link[rel="canonical"]::attr(href)',
    ".no-such-class",
    "#no-such-id, .also-absent p",
    "div.no-such-class, p",
    "[class]",
    "div[class] > p",
    "p + p",
    "li ~ li a",
    "div:not(.no-such-class) > p::text",
    "*[id] a",
    # itemprop values lead like ids: the whole value, an attribute name in any case.
    '[itemprop="datePublished"]:not(meta)::attr(datetime)',
    "meta[itemprop=keywords]::attr(content), [ITEMPROP=author] a",
    "div[itemprop=articleBody] p, [itemprop='no-such-prop']",
    "[itemprop~=name], [itemprop] span, :not([itemprop=headline]) > h1",
]


def _queries() -> list[str]:
    """The CSS of every parser version, and the shapes above."""
    found = list(QUERIES)
    for outlet in registry().values():
        for version in outlet.versions:
            for name, value in vars(version).items():
                if name.endswith("_css") and isinstance(value, str) and value:
                    found.append(value)
    return list(dict.fromkeys(found))


def _same(
    got: parsel.SelectorList[parsel.Selector], want: parsel.SelectorList[parsel.Selector]
) -> bool:
    return len(got) == len(want) and all(
        a.root is b.root if isinstance(a.root, etree._Element) else a.root == b.root
        for a, b in zip(got, want, strict=True)
    )


def _fixture_page(path: Path) -> Page:
    try:
        return Page.from_bytes(path.read_bytes(), "https://www.example.com/a", NOW)
    except ArticleError:
        pytest.skip("not a complete page")


def _classes(page: Page) -> list[str]:
    """Every class name on the page that is a plain CSS identifier, sorted."""
    names = {c for v in page.sel.root.xpath("//@class") for c in str(v).split()}
    return sorted(c for c in names if IDENT.fullmatch(c))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_page_css_matches_parsel(path: Path) -> None:
    page = _fixture_page(path)
    # Every class and id on the page, as lone selectors and as the lead of a chain.
    classes = _classes(page)
    ids = sorted(str(v) for v in page.sel.root.xpath("//@id") if IDENT.fullmatch(str(v)))
    queries = _queries() + [f".{c}" for c in classes]
    queries += [f"#{i} a, div.{c} > *" for i, c in zip(ids, classes, strict=False)]
    # Lone compounds, which the index tests without XPath: tag, classes, ids, :not(.class).
    pairs = list(zip(classes, classes[1:] + classes[:1], strict=True))
    queries += [f"div.{c}:not(.{d}), DIV.{c}.{d}, *.{d}:not(.{c})" for c, d in pairs]
    queries += [f"#{i}, span#{i}, #{i}.{c}" for i, c in zip(ids, classes, strict=False)]
    props = sorted({str(v) for v in page.sel.root.xpath("//@itemprop")})
    queries += [
        f'[itemprop="{p}"], div [itemprop="{p}"]::text' for p in props if not set(p) & set("'\\\"")
    ]
    for query in queries:
        assert _same(page.css(query), page.sel.css(query)), f"{path.name}: {query!r}"
        # A second call answers from the page's memory, with the same selection.
        assert _same(page.css(query), page.sel.css(query)), f"{path.name}: {query!r} (again)"
    body = page.css("body")
    for query in _queries():
        for node in body:
            got = page.css_within(node, query)
            assert _same(got, node.css(query)), f"{path.name}: within body: {query!r}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_css_within_inner_elements_matches_parsel(path: Path) -> None:
    """Inside an element the index starts from the indexed elements of its subtree only."""
    page = _fixture_page(path)
    queries = _queries() + [f".{c}, div.{c} > *" for c in _classes(page)][:40]
    # Nested containers, leaves, and the root itself.
    nodes = [*page.css("div[class]")[:12], *page.css("p, li")[:4], *page.css("html")]
    for node in nodes:
        for query in queries:
            got = page.css_within(node, query)
            assert _same(got, node.css(query)), f"{path.name}: within {node.root.tag}: {query!r}"


def test_odd_whitespace_in_class_attributes_matches_parsel() -> None:
    """XPath splits a class attribute at space, tab, CR and LF only; Python's split() at more."""
    html = (
        "<html><body>"
        '<div class="a\u00a0b"><p class="c\x0cd">x</p></div>'
        '<div class="\tb\n c\r"><span id="s" class="">y</span></div>'
        '<div class="a b a"><p class="d">z</p></div>'
        "</body></html>"
    )
    page = Page(html, "https://www.example.com/a", NOW)
    queries = ["div.a", ".b", "p.c", ".d", "div.b:not(.c)", "*.c", "#s", "span#s.c", "div.a p"]
    for query in queries:
        assert _same(page.css(query), page.sel.css(query)), query
        for node in page.css("div"):
            assert _same(page.css_within(node, query), node.css(query)), query


LATE_HTML = (
    "<html><body>"
    '<div class="early late-a"><p class="late-b">x</p></div>'
    '<div class="late-b early"><span class="late-a late-a">y</span></div>'
    "</body></html>"
)
LATE_QUERIES = ["div.early", ".late-a p, .late-b", "span.late-a", ".late-b:not(.early)", ".never"]


def test_classes_first_queried_after_the_index_was_built_are_found() -> None:
    """A page's first walk indexes the classes queried so far; later ones need another walk."""
    page = Page(LATE_HTML, "https://www.example.com/a", NOW)
    for query in LATE_QUERIES:
        assert _same(page.css(query), page.sel.css(query)), query


def test_index_without_the_process_wide_class_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the bound on remembered class names, each page indexes what its queries need."""
    monkeypatch.setattr(css, "_queried_classes", frozenset())
    monkeypatch.setattr(css, "_MAX_QUERIED_CLASSES", 0)
    page = Page(LATE_HTML, "https://www.example.com/a", NOW)
    for query in LATE_QUERIES:
        assert _same(page.css(query), page.sel.css(query)), query
        for node in page.css("div"):
            assert _same(page.css_within(node, query), node.css(query)), query
    assert css._queried_classes == frozenset()
