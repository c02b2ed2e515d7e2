"""Decoding and reading a page once: charsets, JSON-LD, metas, empty bodies."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newscrawl.errors import ArticleError
from newscrawl.page import Page, _strip_utf8, decode_html, html_root, node_text, selected_text

NOW = datetime(2026, 1, 1, tzinfo=UTC)
TEXT = "Jum’at, berita café — Rp 5.000"


def test_utf8_bytes_win_over_a_false_latin1_declaration() -> None:
    body = f'<meta charset="iso-8859-1"><p>{TEXT}</p>'.encode()
    assert TEXT in decode_html(body, "text/html; charset=ISO-8859-1")


def test_declared_charset_used_when_bytes_are_not_utf8() -> None:
    body = '<meta charset="windows-1252"><p>café “kutip”</p>'.encode("cp1252")
    assert "café “kutip”" in decode_html(body)


def test_false_utf8_declaration_falls_back_to_windows_1252() -> None:
    body = '<meta charset="utf-8"><p>café</p>'.encode("cp1252")
    assert "café" in decode_html(body, "text/html; charset=utf-8")


def test_bom_decides() -> None:
    utf16 = b"\xff\xfe" + "<p>ü</p>".encode("utf-16-le")
    assert decode_html(utf16, "text/html; charset=iso-8859-1") == "<p>ü</p>"


@pytest.mark.parametrize("body", [b"", b"   \n  ", " \u3000\n\x1c".encode()])
def test_empty_response_is_refused_with_a_reason(body: bytes) -> None:
    with pytest.raises(ArticleError) as info:
        Page.from_bytes(body, "https://x.id/a", NOW)
    assert info.value.reason == "empty_response"


def test_json_ld_graph_and_broken_scripts() -> None:
    html = """<html><head>
    <script type="application/ld+json">{not json</script>
    <script type="application/ld+json">{"@graph": [{"@type": "WebPage"},
      {"@type": ["NewsArticle"], "headline": "Judul"}]}</script>
    <meta property="og:title" content="OG"><meta name="Author" content="  Budi ">
    </head><body><p>x</p></body></html>"""
    page = Page(html, "https://x.id/a", NOW)
    assert page.article_ld["headline"] == "Judul"
    assert page.meta("og:title") == "OG"
    assert page.meta("author") == "Budi"
    assert page.meta("missing", "og:title") == "OG"


def test_json_ld_behind_a_comment_line_or_with_a_trailing_comma_is_repaired() -> None:
    # Not JSON for json.loads: extruct's reader (imported on first need) repairs it.
    script = '// ad tag\n{"@type": "NewsArticle", "headline": "Judul",}'
    html = f'<html><head><script type="application/ld+json">{script}</script></head></html>'
    assert Page(html, "https://x.id/a", NOW).json_ld == [
        {"@type": "NewsArticle", "headline": "Judul"}
    ]


SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]
EDGES = st.text(st.sampled_from(SPACES), max_size=6) | st.sampled_from(["", "\n" * 300])


@settings(derandomize=True, database=None, max_examples=300, deadline=None)
@given(EDGES, st.text(st.sampled_from([*SPACES, "x", "é", "\x00", "<", ">"]), max_size=8), EDGES)
def test_page_bytes_cut_from_the_utf8_parse_as_the_text_does(
    head: str, core: str, tail: str
) -> None:
    """A UTF-8 page is stripped by cutting its bytes, not by encoding the stripped text."""
    text = f"{head}<html><body>{core}</body></html>{core}{tail}"
    cut = _strip_utf8(text, text.encode())
    assert cut is None or cut == text.strip().encode()
    same = html_root(text, "https://x.id/a", text.encode())
    assert etree.tostring(same) == etree.tostring(html_root(text, "https://x.id/a"))


def test_link_href_is_what_the_css_selects() -> None:
    html = """<html><head><link rel="Canonical" href="/upper"><link rel="canonical">
    <link rel="canonical next" href="/two"></head><body><p>x</p>
    <link rel="canonical" href=""><link rel="canonical" href="/body"></body></html>"""
    page = Page(html, "https://x.id/a", NOW)
    for rel in ("canonical", "Canonical", "next", "canonical next", "amphtml"):
        want = page.sel.css(f'link[rel="{rel}"]::attr(href)').get()
        assert page.link_href(rel) == want, rel
    assert page.link_href("canonical") == ""


def test_nodes_and_their_text_are_what_css_gives() -> None:
    """Page.nodes selects what parsel selects, without the Selector wrappers; selected_text is
    node_text of them."""
    html = """<html><head><meta itemprop="keywords" content="a, b"></head><body>
    <div class="x y" id="m"><p>One <b>two</b></p><!-- c --><p class="y">three</p></div>
    <span itemprop="keywords">k1, k2</span><a href="/h">link</a></body></html>"""
    page = Page(html, "https://x.id/a", NOW)
    queries = (
        "div.x p",
        ".y",
        "#m",
        "p::text",
        "a::attr(href)",
        '[itemprop="keywords"]:not(meta)::text',
        'meta[itemprop="keywords"]::attr(content)',
        "div.absent",
    )
    within = page.sel.css("#m")[0]
    for query in queries:
        selected = page.sel.css(query)  # parsel's own answer is the reference
        nodes = page.nodes(query)
        assert [s.root for s in selected] == nodes, query
        assert [selected_text(n, query) for n in nodes] == [node_text(s) for s in selected], query
        assert [s.root for s in within.css(query)] == page.nodes(query, within.root), query


def test_one_invalid_byte_in_a_utf8_page_is_replaced_not_mojibake() -> None:
    # One stray byte used to switch the whole page to windows-1252: "KafÃ© â€œKopiâ€".
    body = "<html><body><p>Kafé “Kopi” dan “Teh”</p></body></html>".encode()
    broken = body.replace(b"dan", b"d\xffan")
    text = decode_html(broken, "text/html; charset=utf-8")
    assert "Kafé “Kopi” d\ufffdan “Teh”" in text
    page = Page.from_bytes(broken, "https://x.id/a", NOW)
    assert page.notes == ["decode/replaced"]
    assert Page.from_bytes(body, "https://x.id/a", NOW).notes == []


def test_a_windows_1252_page_with_a_few_valid_utf8_pairs_stays_windows_1252() -> None:
    # "Â " (C2 A0) is valid UTF-8 by accident; the page's many é/“ bytes are not.
    body = "<p>café “kutip” naïve Â résumé</p>".encode("cp1252")
    assert "café “kutip” naïve" in decode_html(body, "text/html; charset=windows-1252")


@pytest.mark.parametrize(
    "body",
    [
        bytes(range(256)) * 16,
        b"\x89PNG\r\n\x1a\n" + bytes(2000),
        b"%PDF-1.4\n" + b"<< /Type /Catalog >>\n" * 100,
        b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4 + b"</html>",
    ],
    ids=["garbage", "png", "pdf", "gzip"],
)
def test_binary_garbage_is_not_html_rather_than_truncated(body: bytes) -> None:
    with pytest.raises(ArticleError) as info:
        Page.from_bytes(body, "https://x.id/a", NOW)
    assert info.value.reason == "not_html"
