"""ANTARA: discovery pages (RSS, /terkini of www and a regional site), layout versions,
the WITA offset of regional pages, and a replayed crawl of a small fixture site."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.discover.discovery import feed_links
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.antaranews import DATELINE, V1, V2, V3, listing_links, next_page
from tests.cases import FIXTURES, SHARED_PAGES, Case, load_cases
from tests.crawl import replay_crawl

HERE = FIXTURES / "antaranews"
WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
#: 07:00 WIB on Sunday 1 November 2026, when the fixture index pages were "fetched".
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)

DPR = "https://www.antaranews.com/berita/5214873/dpr-minta-pemerintah-percepat-penyaluran-bantuan-pangan-akhir-tahun"
OJK = "https://www.antaranews.com/berita/5215012/ojk-catat-penyaluran-kredit-umkm-tumbuh-9-persen"
FOTO = (
    "https://www.antaranews.com/foto/5215020/banjir-rob-rendam-permukiman-di-pesisir-jakarta-utara"
)
BALI = (
    "https://bali.antaranews.com/berita/412876/kunjungan-wisman-ke-bali-naik-jelang-musim-liburan"
)


def fixture_page(name: str, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes((HERE / name).read_bytes(), url, fetched)


# -- RSS -----------------------------------------------------------------------------


def test_real_2015_feed_with_leading_blank_line(shared_pages: Path) -> None:
    links = feed_links((shared_pages / "antaranews/rss-20151105.xml").read_bytes())
    assert len(links) == 20
    first, last = links[0], links[-1]
    assert first.url == (
        "http://www.antaranews.com/berita/527615/29-penerbangan-bandara-internasional-lombok-dibatalkan"
    )
    assert first.published == datetime(2015, 11, 5, 14, 56, 43, tzinfo=WIB)
    assert first.title == "29 penerbangan Bandara Internasional Lombok dibatalkan"
    assert (
        last.url == "http://www.antaranews.com/berita/527596/murid-smp-turunkan-spanduk-iklan-rokok"
    )
    assert last.published == datetime(2015, 11, 5, 13, 13, 11, tzinfo=WIB)


def test_own_feed_fixture() -> None:
    links = feed_links((HERE / "feeds/terkini-20261101.xml").read_bytes())
    assert [link.url for link in links] == [OJK, DPR]
    assert links[0].published == datetime(2026, 11, 1, 6, 15, tzinfo=WIB)
    assert links[1].published == datetime(2026, 10, 31, 19, 1, tzinfo=WIB)


# -- /terkini index pages ------------------------------------------------------------


def test_terkini_page_one_relative_dates() -> None:
    page = fixture_page("listing/terkini-20261101-p1.html", "https://www.antaranews.com/terkini")
    links = listing_links(page)
    assert len(links) == 2
    # "20 menit lalu" and "45 menit lalu" before 07:00 WIB.
    assert links[0].url == FOTO
    assert links[0].published == datetime(2026, 11, 1, 6, 40, tzinfo=WIB)
    assert links[0].title == "Banjir rob rendam permukiman di pesisir Jakarta Utara"
    assert links[-1].url == OJK
    assert links[-1].published == datetime(2026, 11, 1, 6, 15, tzinfo=WIB)
    assert next_page(page) == "https://www.antaranews.com/terkini?page=2"


def test_terkini_relative_dates_follow_the_fetch_time() -> None:
    later = FETCHED + timedelta(hours=3)
    page = fixture_page(
        "listing/terkini-20261101-p1.html", "https://www.antaranews.com/terkini", later
    )
    assert listing_links(page)[0].published == datetime(2026, 11, 1, 9, 40, tzinfo=WIB)


def test_terkini_page_two_hours_and_days() -> None:
    page = fixture_page(
        "listing/terkini-20261101-p2.html", "https://www.antaranews.com/terkini?page=2"
    )
    links = listing_links(page)
    assert [link.url for link in links] == [
        DPR,
        "https://www.antaranews.com/berita/5209931/bmkg-ingatkan-potensi-hujan-lebat-di-sebagian-jawa",
    ]
    assert links[0].published == datetime(2026, 10, 31, 19, 0, tzinfo=WIB)  # 12 jam lalu
    assert links[1].published == datetime(2026, 10, 27, 7, 0, tzinfo=WIB)  # 5 hari lalu
    assert next_page(page) == "https://www.antaranews.com/terkini?page=3"


def test_regional_terkini_keeps_wita() -> None:
    page = fixture_page("listing/bali-terkini-20261101.html", "https://bali.antaranews.com/terkini")
    links = listing_links(page)
    assert [link.url for link in links] == [
        BALI,
        "https://bali.antaranews.com/berita/412655/pemkot-denpasar-tambah-armada-angkutan-sampah",
    ]
    assert links[0].published == datetime(2026, 10, 28, 14, 30, tzinfo=WITA)
    assert links[0].published.utcoffset() == timedelta(hours=8)
    assert links[1].published == datetime(2026, 10, 26, 9, 10, tzinfo=WITA)
    assert next_page(page) == "https://bali.antaranews.com/terkini/2"


# -- article pages -------------------------------------------------------------------

VERSIONS = {
    "2015-lombok-penerbangan": V1,
    "2016-prostitusi-lampung": V1,
    "2016-astra-otoparts-aspira": V1,
    "2017-brotoseno-angelina": V1,
    "2026-dpr-bantuan-pangan": V3,
    "2026-ojk-kredit-umkm": V3,
    "2026-bali-kunjungan-wisman": V2,
    "2016-rilis-kontes-film": V1,
    "2021-vaksinasi-lansia": V2,
    "2025-makassar-pelabuhan": V2,
    "2026-en-rice-aid": V3,
}


# Refused pages are test_parsers' (their reason); here, the pages that become records.
@pytest.mark.parametrize(
    "case", [c for c in load_cases("antaranews") if not c.error], ids=lambda c: c.name
)
def test_version_and_no_pagination(case: Case) -> None:
    if case.needs_shared and not SHARED_PAGES.is_dir():
        pytest.skip(f"{case.id} reads a real page from {SHARED_PAGES}, which is absent")
    page = Page.from_bytes(case.html(), case.url, case.fetched_at)
    chosen = choose_parser(page, "antaranews")
    assert chosen is VERSIONS[case.name], f"antaranews/{case.name}: {chosen}"
    # ANTARA publishes every article on one page.
    assert chosen(page).page_urls() == []


def test_wita_visible_date_agrees_with_json_ld() -> None:
    page = fixture_page("articles/2026-bali-kunjungan-wisman.html", BALI)
    parser = V2(page)
    visible = parser.visible_date(parser.date_css)
    assert visible == datetime(2026, 10, 28, 14, 30, tzinfo=WITA)
    assert visible is not None and visible.utcoffset() == timedelta(hours=8)
    assert parser.published_at() == visible


def test_old_otomotif_page_uses_the_visible_date(shared_pages: Path) -> None:
    url = "https://otomotif.antaranews.com/berita/546646/astra-otoparts-luncurkan-ban-motor-terbaru-aspira-premio"
    page = Page.from_bytes(
        (shared_pages / "antaranews/2016-astra-otoparts-aspira.html").read_bytes(), url, FETCHED
    )
    assert page.meta("article:published_time", "datepublished") is None
    assert V1(page).published_at() == datetime(2016, 2, 23, 15, 6, tzinfo=WIB)


def test_2017_json_ld_author_is_the_editor(shared_pages: Path) -> None:
    url = "https://www.antaranews.com/berita/629369/saat-pengadilan-pertemukan-brotoseno-dan-angelina-sondakh"
    page = Page.from_bytes(
        (shared_pages / "antaranews/2017-brotoseno-angelina.html").read_bytes(), url, FETCHED
    )
    assert page.article_ld["author"]["name"] == "B Kunto Wibisono"
    parser = V1(page)
    assert parser.authors() == ["Desca Lidya Natalia"]
    assert parser.editors() == ["B Kunto Wibisono"]
    assert "Editor:B Kunto Wibisono" not in parser.tags()


MAKASSAR = "https://makassar.antaranews.com/berita/612345/pelindo-tambah-dermaga-penumpang-di-pelabuhan-makassar"


def makassar_with(head: str, url: str = MAKASSAR) -> Page:
    """The WITA regional fixture with ``head`` added to its <head>."""
    html = (HERE / "articles/2025-makassar-pelabuhan.html").read_text(encoding="utf-8")
    return Page(html.replace("</head>", head + "\n</head>", 1), url, FETCHED)


def _ld(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        f'"@type":"NewsArticle","datePublished":"{published}","dateModified":"{modified}"'
        "}</script>"
    )


def test_utc_json_ld_is_shown_in_the_wita_the_page_prints() -> None:
    parser = V2(makassar_with(_ld("2025-03-12T07:40:00Z", "2025-03-12T08:05:00Z")))
    published, updated = parser.published_at(), parser.updated_at()
    assert published == datetime(2025, 3, 12, 15, 40, tzinfo=WITA)
    assert published is not None and published.utcoffset() == timedelta(hours=8)
    assert updated == datetime(2025, 3, 12, 16, 5, tzinfo=WITA)
    assert updated is not None and updated.utcoffset() == timedelta(hours=8)


def test_json_ld_with_a_false_wib_offset_takes_the_printed_wita() -> None:
    # 15:40 with +07:00 is 16:40 WITA, an hour after the time the page prints.
    parser = V2(makassar_with(_ld("2025-03-12T15:40:00+07:00", "2025-03-12T16:05:00+07:00")))
    assert parser.published_at() == datetime(2025, 3, 12, 15, 40, tzinfo=WITA)
    assert parser.updated_at() == datetime(2025, 3, 12, 16, 5, tzinfo=WITA)


def test_a_machine_date_far_from_the_printed_one_is_kept() -> None:
    parser = V2(makassar_with(_ld("2025-03-11T09:00:00+08:00", "2025-03-11T09:00:00+08:00")))
    assert parser.published_at() == datetime(2025, 3, 11, 9, 0, tzinfo=WITA)


def test_article_embedding_a_video_object_is_still_an_article() -> None:
    video = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"VideoObject","name":"Dermaga baru","uploadDate":"2025-03-12T15:00:00+08:00"}'
        "</script>"
    )
    article = _ld("2025-03-12T15:40:00+08:00", "2025-03-12T15:40:00+08:00")
    record = V2(makassar_with(video + article)).parse()
    assert record["headline"] == "Pelindo tambah dermaga penumpang di Pelabuhan Makassar"
    with pytest.raises(NotAnArticle):
        V2(makassar_with(video)).parse()


def test_credit_lines_glued_into_one() -> None:
    html = (HERE / "articles/2025-makassar-pelabuhan.html").read_text(encoding="utf-8")
    glued = html.replace(
        "Pewarta : Nur Fatimah<br />Editor : Muh. Hasanuddin<br />COPYRIGHT",
        "Pewarta : Nur Fatimah dan Andi Ramli Editor : Muh. Hasanuddin COPYRIGHT",
    )
    assert glued != html
    parser = V2(Page(glued, MAKASSAR, FETCHED))
    assert parser.authors() == ["Nur Fatimah", "Andi Ramli"]
    assert parser.editors() == ["Muh. Hasanuddin"]


@pytest.mark.parametrize(
    ("line", "place", "rest"),
    [
        ("Jakarta (ANTARA) - Presiden", "Jakarta", "Presiden"),
        ("Mataram, NTB (ANTARA News) - Sebanyak", "Mataram, NTB", "Sebanyak"),
        ("Mataram, 7/12 (Antara) - Salah besar", "Mataram", "Salah besar"),
        ("Jakarta, Oct 18, 2018 (Antara) - Some parts", "Jakarta", "Some parts"),
        ("ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -- Pemerintah", "ISTANBUL", "Pemerintah"),
        ("Jakarta (ANTARA/JACX) – Beredar", "Jakarta", "Beredar"),
        ("Kota Bandung (ANTARA) - Pemerintah", "Kota Bandung", "Pemerintah"),
    ],
)
def test_datelines(line: str, place: str, rest: str) -> None:
    match = DATELINE.match(line)
    assert match is not None, line
    assert (match["place"], line[match.end() :]) == (place, rest)


@pytest.mark.parametrize(
    "url",
    [
        FOTO,
        "https://www.antaranews.com/infografik/4123456/jadwal-mudik-2025",
        "https://www.antaranews.com/video/4123457/banjir-rob-jakarta-utara",
        "https://en.antaranews.com/photo/312001/rice-harvest-in-karawang",
        "https://pemilu.antaranews.com/foto/1364234/polisi-tangkap-tersangka-penyebar-hoaks",
    ],
)
def test_gallery_video_and_infographic_urls(url: str) -> None:
    assert V1.not_article_url is not None and V1.not_article_url.search(url)


def test_article_urls_are_articles() -> None:
    assert V1.not_article_url is not None
    for url in (DPR, BALI, MAKASSAR, "https://en.antaranews.com/news/398765/x"):
        assert not V1.not_article_url.search(url), url


# -- replayed crawl ------------------------------------------------------------------


def test_crawl_back_to_since_with_a_regional_site(tmp_path: Path) -> None:
    result = replay_crawl(
        "antaranews", tmp_path, args=("-a", "since=2026-10-28", "-a", "regions=bali")
    )
    records = result.checked_records("antaranews")
    # DPR and OJK are listed twice (feed and index); BMKG (27 Oct) and the Denpasar
    # story (26 Oct) are before `since` and never requested.
    assert {r["url"] for r in records} == {DPR, OJK, BALI}
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
    # Index page 2 was followed (its newest link is in range); page 3 and Bali's page 2
    # were not, and no URL outside the fixture site was asked for.
    assert result.stats["newscrawl/replay/hit"] == 8
    assert "newscrawl/replay/miss" not in result.stats
    bali = next(r for r in records if r["url"] == BALI)
    assert bali["published_at"] == "2026-10-28T14:30:00+08:00"
    assert bali["parser"] == "antaranews/v2"


def test_crawl_defaults_to_the_fetch_day(tmp_path: Path) -> None:
    result = replay_crawl("antaranews", tmp_path)
    records = result.checked_records("antaranews")
    # DPR comes from the feed; index page 2 is read but its older links are not requested.
    assert {r["url"] for r in records} == {DPR, OJK}
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
    assert result.stats["newscrawl/replay/hit"] == 6
    assert "newscrawl/replay/miss" not in result.stats
