"""inews: the one-page view of paged articles, regional datelines, people, the index, a crawl."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl.page import Page
from newscrawl.parsers.inews import InewsV1, article_stem, listing_links, next_index_page
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

INEWS = FIXTURES / "inews"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
PILKADA = "https://www.inews.id/news/nasional/kpu-tetapkan-jadwal-pilkada-ulang-di-tiga-daerah"
BANJIR = (
    "https://karawang.inews.id/read/604412/"
    "banjir-rendam-ratusan-rumah-di-karawang-barat-warga-mengungsi-ke-masjid"
)


def _parser(name: str, url: str, more: tuple[tuple[str, str], ...] = ()) -> InewsV1:
    pages = [
        Page.from_bytes((INEWS / "articles" / f"{file}.html").read_bytes(), page_url, FETCHED)
        for file, page_url in more
    ]
    page = Page.from_bytes((INEWS / "articles" / f"{name}.html").read_bytes(), url, FETCHED)
    return InewsV1(page, pages)


@pytest.mark.parametrize(
    ("url", "stem"),
    [
        (PILKADA, PILKADA),
        (f"{PILKADA}/2", PILKADA),
        (f"{PILKADA}/all", PILKADA),
        (f"{PILKADA}/all/", PILKADA),
        (f"{PILKADA}?utm_source=x", PILKADA),
        (BANJIR, BANJIR),
        # A slug ending in a year is no page number.
        (
            "https://www.inews.id/sport/soccer/jadwal-liga-1-2026",
            "https://www.inews.id/sport/soccer/jadwal-liga-1-2026",
        ),
    ],
)
def test_article_stem(url, stem):
    assert article_stem(url) == stem


def test_a_paged_article_asks_for_its_one_page_view_and_reads_only_that():
    first = _parser("2026-nasional-pilkada-ulang-1", PILKADA)
    assert first.page_urls() == [f"{PILKADA}/all"]
    whole = _parser(
        "2026-nasional-pilkada-ulang-1",
        PILKADA,
        (("2026-nasional-pilkada-ulang-all", f"{PILKADA}/all"),),
    )
    paragraphs = whole.body().paragraphs
    assert paragraphs[0].startswith("Komisi Pemilihan Umum (KPU) menetapkan")
    assert sum(p.startswith("Komisi Pemilihan Umum") for p in paragraphs) == 1  # not twice
    assert any(p.startswith("Bawaslu menyatakan") for p in paragraphs)  # from page 2
    assert not any("Tampilkan Semua" in p for p in paragraphs)
    # The one-page view itself and single-page articles ask for nothing more.
    assert _parser("2026-nasional-pilkada-ulang-all", f"{PILKADA}/all").page_urls() == []
    assert _parser("2026-karawang-banjir", BANJIR).page_urls() == []


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("JAKARTA, iNews.id - Harga naik", "JAKARTA"),
        ("KARAWANG, iNEWSKarawang.id - Harga naik", "KARAWANG"),
        ("SEMARANG, iNewsJateng.id – Harga naik", "SEMARANG"),
        ("iNews.id - Harga naik", None),
    ],
)
def test_dateline_forms(first_paragraph, place):
    assert InewsV1.dateline is not None
    match = InewsV1.dateline.match(first_paragraph)
    assert match is not None
    assert first_paragraph[match.end() :] == "Harga naik"
    groups = match.groupdict()
    assert (groups.get("place") or groups.get("place2")) == place


def test_the_author_list_names_writer_and_editor():
    parser = _parser("2026-nasional-pilkada-ulang-1", PILKADA)
    assert parser.people() == (["Aditya Pratama"], ["Editor : Rizal Bomantama"])
    assert parser.editors() == ["Rizal Bomantama"]
    assert parser.authors() == ["Aditya Pratama"]


def test_index_items_and_offset_pages():
    url = "https://www.inews.id/indeks/news/31-10-2026"
    page = Page.from_bytes(
        (INEWS / "discovery/indeks-news-31-10-2026.html").read_bytes(), url, FETCHED
    )
    links = listing_links(page)
    assert [link.url for link in links] == [
        PILKADA,
        "https://www.inews.id/multimedia/video/detik-detik-evakuasi-korban-banjir-karawang",
    ]
    assert links[0].title == "KPU Tetapkan Jadwal Pilkada Ulang di Tiga Daerah"
    assert next_index_page(page) == f"{url}/12"
    later = Page("<html><body><p>x</p></body></html>", f"{url}/12", FETCHED)
    assert next_index_page(later) == f"{url}/24"


def test_replayed_backfill_with_a_regional_site(tmp_path):
    result = replay_crawl(
        "inews",
        tmp_path,
        args=("-a", "since=2026-10-31", "-a", "until=2026-10-31", "-a", "regions=karawang"),
    )
    records = result.checked_records("inews")
    assert sorted(record["url"] for record in records) == sorted([PILKADA, BANJIR])
    pilkada = next(record for record in records if record["url"] == PILKADA)
    assert "Bawaslu menyatakan" in pilkada["body"]  # read from the /all view
    # The index's video is refused by its URL before anything is parsed.
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
