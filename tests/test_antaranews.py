"""ANTARA: discovery pages (RSS, /terkini of www and a regional site), layout versions,
the WITA offset of regional pages, and a replayed crawl of a small fixture site."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.discovery import feed_links
from newscrawl.page import Page
from newscrawl.parsers.antaranews import V1, V2, V3, listing_links, next_page
from newscrawl.record import schema_errors
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
}


@pytest.mark.parametrize("case", load_cases("antaranews"), ids=lambda c: c.name)
def test_version_and_no_pagination(case: Case) -> None:
    if case.needs_shared and not SHARED_PAGES.is_dir():
        pytest.skip(f"{case.id} reads a real page from {SHARED_PAGES}, which is absent")
    page = Page.from_bytes(case.html(), case.url, case.fetched_at)
    chosen = choose_parser(page, "antaranews")
    if case.error:
        return
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


# -- replayed crawl ------------------------------------------------------------------


def _check_records(lines: list[str]) -> list[dict[str, object]]:
    records = [json.loads(line) for line in lines]
    for record in records:
        assert not schema_errors(record), (record["url"], schema_errors(record))
        assert record["outlet"] == "antaranews"
    urls = [record["url"] for record in records]
    assert len(urls) == len(set(urls)), urls
    return records


def test_crawl_back_to_since_with_a_regional_site(tmp_path: Path) -> None:
    result = replay_crawl(
        "antaranews", tmp_path, args=("-a", "since=2026-10-28", "-a", "regions=bali")
    )
    assert result.returncode == 0, result.log[-3000:]
    records = _check_records(result.lines)
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
    assert result.returncode == 0, result.log[-3000:]
    records = _check_records(result.lines)
    # DPR comes from the feed; index page 2 is read but its older links are not requested.
    assert {r["url"] for r in records} == {DPR, OJK}
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
    assert result.stats["newscrawl/replay/hit"] == 6
    assert "newscrawl/replay/miss" not in result.stats
