"""tempo: version detection, the English edition, Tempo's own read-also line, and a replayed
crawl of the fixture site."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl import parse_article
from newscrawl.api import choose_parser
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.body import Body
from newscrawl.parsers.signoff import take_capitals_line
from newscrawl.parsers.tempo import TempoV3
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "tempo"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
POLITIK = (
    "https://www.tempo.co/politik/"
    "dpr-minta-pemerintah-percepat-transfer-dana-ke-daerah-tertinggal-2301457"
)
ENGLISH = (
    "https://en.tempo.co/environment/riau-schools-switch-to-online-classes-as-haze-thickens-2301502"
)
FOTO = "https://www.tempo.co/foto/banjir-rob-rendam-permukiman-di-jakarta-utara-2301470"


def page(name: str, url: str) -> Page:
    return Page.from_bytes((HERE / "articles" / name).read_bytes(), url, FETCHED)


@pytest.mark.parametrize(
    ("name", "url", "version"),
    [
        ("2026-politik-rapat-anggaran-daerah.html", POLITIK, "tempo/v3"),
        ("2026-en-haze-riau.html", ENGLISH, "tempo/v3"),
        (
            "2021-nasional-vaksin-lansia.html",
            "https://nasional.tempo.co/read/1447512/pemkot-bogor-buka-sentra-vaksinasi-lansia",
            "tempo/v2",
        ),
    ],
)
def test_each_layout_is_recognised_by_its_version(name: str, url: str, version: str) -> None:
    parser = choose_parser(page(name, url))
    assert parser is not None and parser.version == version


def test_real_2015_pages_choose_the_kanal_and_english_skins(shared_pages: Path) -> None:
    gaya = "http://gaya.tempo.co/read/news/2015/11/05/060716092/ini-7-alasan-mengapa-orang-malas"
    english = "http://en.tempo.co/read/news/2015/11/04/055715684,uk.html/Indonesia-can-Learn"
    kanal = Page.from_bytes(
        (shared_pages / "tempo/2015-gaya-malas-bergerak.html").read_bytes(), gaya, FETCHED
    )
    en = Page.from_bytes(
        (shared_pages / "tempo/2015-en-peatland-fire.html").read_bytes(), english, FETCHED
    )
    versions = [choose_parser(p) for p in (kanal, en)]
    assert [v.version if v else None for v in versions] == ["tempo/v1", "tempo/v1.1"]


def test_english_edition_pages_say_english_and_indonesian_ones_do_not() -> None:
    english = TempoV3(page("2026-en-haze-riau.html", ENGLISH)).parse()
    politik = TempoV3(page("2026-politik-rapat-anggaran-daerah.html", POLITIK)).parse()
    assert english["language"] == "en"
    assert politik["language"] == "id"


def test_editors_pick_lines_become_read_also_links_and_leave_the_body() -> None:
    record = TempoV3(page("2026-politik-rapat-anggaran-daerah.html", POLITIK)).parse()
    assert [link["title"] for link in record["baca_juga"]] == [
        "Rapat Paripurna DPR Sahkan Tiga RUU Kumulatif Terbuka",
        "Realisasi Belanja Daerah Baru 61 Persen, Kemendagri Tegur Pemda",
    ]
    assert "Pilihan Editor" not in record["body"]
    # The lazy-load prompt between the blocks is outside every content-wrapper.
    assert "Scroll ke bawah" not in record["body"]


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("DINI TEJA", ["Dini Teja"]),
        ("ANTARA", []),
        ("REZA ADITYA | NUR HADI | ANTARA", ["Reza Aditya", "Nur Hadi"]),
    ],
)
def test_capitals_sign_off_names_reporters_not_agencies(line: str, people: list[str]) -> None:
    body = Body(paragraphs=["Paragraf terakhir berita.", line])
    assert take_capitals_line(body, frozenset({"ANTARA"})) == people
    assert body.paragraphs == ["Paragraf terakhir berita."]


def test_a_sentence_in_capitals_with_lower_case_words_is_no_sign_off() -> None:
    body = Body(paragraphs=["Paragraf terakhir.", "PKS Tolak Usulan itu, Kata Ketua"])
    assert take_capitals_line(body, frozenset()) is None
    assert len(body.paragraphs) == 2


def test_photo_pages_are_not_articles() -> None:
    body = (HERE / "articles/foto-banjir-rob-jakarta-utara.html").read_bytes()
    with pytest.raises(NotAnArticle):
        parse_article(body, FOTO, FETCHED)


def test_scheduled_crawl_reads_the_sitemap_and_the_feeds(tmp_path: Path) -> None:
    result = replay_crawl("tempo", tmp_path)
    records = result.checked_records("tempo")
    assert {r["url"] for r in records} == {POLITIK, ENGLISH}
    assert {r["url"]: r["language"] for r in records} == {POLITIK: "id", ENGLISH: "en"}
    # The photo story the sitemap lists (/foto/...) is not fetched: skipped and counted.
    assert result.stats["newscrawl/links_skipped/not_article_url"] == 1
    assert "newscrawl/dropped/not_an_article" not in result.stats
