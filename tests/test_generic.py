"""The generic parser: any outlet's article page, judged against records a dedicated parser
(or a human) got right, and its rules on small pages shaped like real ones."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newscrawl import NotAnArticle, parse_article
from newscrawl.crosscheck import shingle_f1
from newscrawl.outlet import outlet_for_url
from newscrawl.page import Page
from newscrawl.parsers.container import text_sections
from tests.cases import Case, load_cases, read_page

NOW = datetime(2026, 11, 1, 5, tzinfo=UTC)
URL = (
    "https://www.contohberita.co.id/nasional/2026/10/31/123456/warga-gotong-royong-bersihkan-sungai"
)


def generic_record(case: Case) -> dict:
    """The generic parser's record of a case's pages, as the outlet's fallback reads it."""
    pages = [Page.from_bytes(case.html(), case.url, case.fetched_at)]
    pages += [
        Page.from_bytes(read_page(p["file"], case.outlet), p["url"], case.fetched_at)
        for p in case.more_pages
    ]
    parser = outlet_for_url(case.url).fallback(pages[0], pages[1:])
    return {"body": parser.body().text, "parser": parser}


REAL_ARTICLES = [c for c in load_cases() if not c.error and c.file.startswith("shared:")]


@pytest.mark.parametrize("case", REAL_ARTICLES, ids=lambda c: c.id)
def test_generic_body_agrees_with_the_dedicated_record_on_real_pages(
    case: Case, shared_pages: object
) -> None:
    expected = json.loads(case.expected_path.read_text("utf-8"))["body"]
    got = generic_record(case)["body"]
    f1 = shingle_f1(got, expected)
    print(f"{case.id}: generic body shingle F1 {f1:.3f}")
    assert f1 >= 0.9, f"{case.id}: generic body F1 {f1:.3f} against the dedicated parser's"


def test_generic_records_of_every_fixture_article() -> None:
    """Over every article the dedicated parsers' fixtures hold: how often the generic parser
    gets each field right (printed), with floors under the figures it reaches today."""
    cases = [c for c in load_cases() if not c.error and not c.needs_shared]
    right = {"headline": 0, "published_at": 0, "body": 0.0, "complete": 0}
    for case in cases:
        expected = json.loads(case.expected_path.read_text("utf-8"))
        pages = [Page.from_bytes(case.html(), case.url, case.fetched_at)]
        pages += [
            Page.from_bytes(read_page(p["file"], case.outlet), p["url"], case.fetched_at)
            for p in case.more_pages
        ]
        try:
            record = outlet_for_url(case.url).fallback(pages[0], pages[1:]).parse()
        except Exception as exc:
            print(f"{case.id}: refused ({exc})")
            continue
        right["complete"] += 1
        right["headline"] += record["headline"] == expected["headline"]
        right["published_at"] += record["published_at"] == expected["published_at"]
        right["body"] += shingle_f1(record["body"], expected["body"])
    shares = {field: value / len(cases) for field, value in right.items()}
    print(f"generic parser over {len(cases)} fixture articles: {shares}")
    assert shares["complete"] >= 0.95
    assert shares["headline"] >= 0.95
    assert shares["published_at"] >= 0.9
    assert shares["body"] >= 0.93


# -- the rules, on small pages shaped like real ones ----------------------------------------

LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
    ' "NewsArticle", "headline": "Warga Gotong Royong Bersihkan Sungai", "datePublished":'
    ' "2026-10-31T08:15:00+07:00", "author": {"@type": "Person", "name": "Dewi Lestari"},'
    ' "publisher": {"@type": "Organization", "name": "ContohBerita.co.id"}}</script>'
)
CRUMBS = (
    '<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
    '{"@type": "ListItem", "position": 1, "name": "Home", "item": "https://x"},'
    '{"@type": "ListItem", "position": 2, "name": "Nasional", "item": "https://x/n"},'
    '{"@type": "ListItem", "position": 3, "name": "Warga Gotong Royong Bersihkan Sungai"}'
    "]}</script>"
)
PROSE = (
    "<p>Ratusan warga bergotong royong membersihkan sungai yang melintasi kampung mereka, "
    "Sabtu pagi, setelah banjir kiriman membawa sampah dari hulu.</p>"
    "<p>Ketua RT setempat mengatakan, kegiatan itu digelar rutin setiap bulan, namun kali ini "
    "pesertanya dua kali lebih banyak dari biasanya.</p>"
)


def page(body: str, head: str = LD, title: str = "Warga Gotong Royong Bersihkan Sungai") -> bytes:
    return (
        f"<html lang='id'><head><title>{title} - ContohBerita.co.id</title>"
        f'<meta property="og:site_name" content="ContohBerita.co.id">{head}</head>'
        f"<body>{body}</body></html>"
    ).encode()


def test_an_undeclared_outlet_gets_a_name_from_its_domain_and_a_full_record() -> None:
    body = (
        '<header class="site-header"><h1 class="logo"><a href="/">ContohBerita</a></h1></header>'
        '<article><h1 class="entry-title">Warga Gotong Royong Bersihkan Sungai</h1>'
        '<div class="post-meta"><span class="author">Oleh: Dewi Lestari</span>'
        '<span class="date">Sabtu, 31 Oktober 2026 08:15 WIB</span></div>'
        f'<div class="entry-content"><p>BANDUNG, CONTOHBERITA.CO.ID - {PROSE[3:]}'
        '<p>Baca juga: <a href="/nasional/2026/10/30/1/banjir-kiriman">Banjir Kiriman</a></p>'
        "<p>Kegiatan ditutup dengan makan bersama di balai warga. (dew/ant)</p></div>"
        '<div class="tags"><a href="/tag/sungai">Sungai</a><a href="/tag/banjir">Banjir</a></div>'
        "</article>"
    )
    record = parse_article(page(body, LD + CRUMBS), URL, NOW)
    assert record["outlet"] == "contohberita"
    assert record["parser"] == "generic/v1"
    assert record["headline"] == "Warga Gotong Royong Bersihkan Sungai"
    assert record["published_at"] == "2026-10-31T08:15:00+07:00"
    assert record["authors"] == ["Dewi Lestari"]
    assert record["section"] == "Nasional"
    assert record["tags"] == ["Sungai", "Banjir"]
    assert record["dateline"] == "BANDUNG"
    assert record["editor_code"] == "dew/ant"
    assert record["body"].startswith("Ratusan warga")
    assert "Baca juga" not in record["body"]
    assert record["baca_juga"] == [
        {
            "title": "Banjir Kiriman",
            "url": "https://www.contohberita.co.id/nasional/2026/10/30/1/banjir-kiriman",
        }
    ]


def test_the_innermost_known_container_leaves_the_wrapper_header_out() -> None:
    body = (
        '<div class="post-content"><div class="category">Olahraga</div>'
        "<h1>Warga Gotong Royong Bersihkan Sungai</h1><span>Rina Safitri</span>"
        f'<div class="post-text">{PROSE}</div>'
        '<div class="post-nav"><p>Artikel Selanjutnya: Persema Rekrut Pemain Muda Binaan</p></div>'
        "</div>"
    )
    record = parse_article(page(body), URL, NOW)
    assert record["body"].split("\n\n") == [p.removeprefix("<p>") for p in PROSE.split("</p>") if p]


def test_a_date_line_with_a_time_just_under_the_headline() -> None:
    body = (
        "<div><h1>Warga Gotong Royong Bersihkan Sungai</h1><h3>Jumat, 30 Oktober 2026 12:58 WIB"
        f"</h3><div>{PROSE}</div></div>"
    )
    record = parse_article(page(body, head=""), URL, NOW)
    assert record["published_at"] == "2026-10-30T12:58:00+07:00"


def test_text_between_br_tags_is_a_body() -> None:
    lines = "<br><br>".join(
        [
            "Jakarta - Ratusan warga bergotong royong membersihkan sungai, Sabtu pagi ini.",
            "Kegiatan itu digelar rutin setiap bulan, kata ketua RT, namun kini lebih ramai.",
        ]
    )
    body = f'<h1>Warga Gotong Royong Bersihkan Sungai</h1><div class="text_detail">{lines}</div>'
    record = parse_article(page(body), URL, NOW)
    assert record["dateline"] == "Jakarta"
    assert record["body"].startswith("Ratusan warga")


def test_sections_of_one_article_are_all_read() -> None:
    section = '<div class="row"><div class="column body_text">{}</div></div>'
    sections = "".join(section.format(f"<p>Bagian {n}: {PROSE[3:]}") for n in (1, 2, 3))
    body = f"<div class='detail'><h1>Warga Gotong Royong Bersihkan Sungai</h1>{sections}</div>"
    record = parse_article(page(body), URL, NOW)
    assert [p for p in record["body"].split("\n\n") if p.startswith("Bagian")] == [
        f"Bagian {n}: Ratusan warga bergotong royong membersihkan sungai yang melintasi kampung "
        "mereka, Sabtu pagi, setelah banjir kiriman membawa sampah dari hulu."
        for n in (1, 2, 3)
    ]


def test_a_brand_in_the_byline_and_a_day_name_are_not_people() -> None:
    body = (
        '<h1>Warga Gotong Royong Bersihkan Sungai</h1><div class="byline">Dewi Lestari, '
        f"Jumat, ContohBerita.co.id</div><div class='isi'>{PROSE}</div>"
    )
    head = LD.replace('{"@type": "Person", "name": "Dewi Lestari"}', '""')
    record = parse_article(page(body, head), URL, NOW)
    assert record["authors"] == ["Dewi Lestari"]


def test_a_box_of_headlines_is_no_tag_list_and_search_keywords_are_no_tags() -> None:
    body = (
        f'<article><h1>Warga Gotong Royong Bersihkan Sungai</h1><div class="isi">{PROSE}</div>'
        '<div class="tag-populer"><a href="/a">Harga Cabai Rawit di Pasar Besar Malang Naik Lagi'
        '</a><a href="/b">Persema Malang Rekrut Tiga Pemain Muda Binaan Akademi</a></div>'
        "</article>"
    )
    head = LD + '<meta name="keywords" content="berita terkini, berita hari ini, sungai">'
    assert parse_article(page(body, head), URL, NOW)["tags"] == ["sungai"]


@pytest.mark.parametrize(
    ("url", "body", "head"),
    [
        ("https://www.contohberita.co.id/", PROSE, ""),
        ("https://www.contohberita.co.id/tag/sungai", PROSE, ""),
        ("https://www.contohberita.co.id/indeks?page=2", PROSE, ""),
        ("https://www.contohberita.co.id/foto/123456/galeri-sungai-bersih", PROSE, LD),
        (
            URL,
            PROSE,
            '<script type="application/ld+json">{"@type": "CollectionPage", "name": "Nasional"}'
            "</script>",
        ),
        (URL, PROSE, '<meta property="og:type" content="video.other">'),
        (URL, "<ul><li><a href='/a'>Satu</a></li><li><a href='/b'>Dua</a></li></ul>", ""),
    ],
)
def test_pages_that_are_no_article(url: str, body: str, head: str) -> None:
    with pytest.raises(NotAnArticle):
        parse_article(page(f"<h1>Warga Gotong Royong Bersihkan Sungai</h1>{body}", head), url, NOW)


def test_later_pages_from_the_paging_bar() -> None:
    body = (
        f"<h1>Warga Gotong Royong Bersihkan Sungai</h1><div class='isi'>{PROSE}</div>"
        '<div class="pagination"><a href="?page=1">1</a><a href="?page=2">2</a>'
        '<a href="?page=3">3</a><a href="?page=2">Selanjutnya</a></div>'
    )
    found = Page(page(body).decode(), URL, NOW)
    parser = outlet_for_url(URL).versions[0](found)
    assert parser.page_urls() == [f"{URL}?page=2", f"{URL}?page=3"]


def test_an_unknown_dedicated_layout_falls_back_to_the_generic_parser() -> None:
    # A nusadaily redesign none of its versions knows, but an article by its markup.
    body = f"<main><h1>Warga Gotong Royong Bersihkan Sungai</h1><div class='konten'>{PROSE}</div></main>"
    record = parse_article(page(body), "https://www.nusadaily.com/warga-gotong-royong", NOW)
    assert record["outlet"] == "nusadaily"
    assert record["parser"] == "generic/v1"
    assert record["body"].startswith("Ratusan warga")


def _sections(body: str) -> list[str]:
    page = Page(f"<html><body>{body}</body></html>", "https://contoh.id/a", NOW)
    container = page.sel.root.xpath("//div[@class='isi']")[0]
    return [s.get("id") for s in text_sections(page.sel.root, container)]


SECTION_PROSE = (
    "Kalimat yang cukup panjang untuk dihitung sebagai teks artikel di halaman ini. " * 2
)


def test_an_article_split_in_sections_reads_them_all_and_nested_copies_only_the_container() -> None:
    parts = "".join(f'<div class="isi" id="s{n}"><p>{SECTION_PROSE}</p></div>' for n in range(3))
    assert _sections(f'<main id="m">{parts}</main>') == ["s0", "s1", "s2"]
    # Nested copies (a page mangled into 300 levels): the container alone, read at once.
    nested = "".join(f'<div class="isi" id="n{n}"><p>{SECTION_PROSE}</p>' for n in range(300))
    assert _sections(f"<main>{nested}{'</div>' * 300}</main>") == ["n0"]
    many = "".join(f'<div class="isi" id="s{n}"><p>{SECTION_PROSE}</p></div>' for n in range(41))
    assert _sections(f"<main>{many}</main>") == ["s0"]
