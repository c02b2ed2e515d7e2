"""mediaindonesia: the real pages against their reference records, layouts, listings, a crawl."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from newscrawl import parse_article
from newscrawl.api import choose_parser
from newscrawl.dates import JAKARTA
from newscrawl.page import Page
from newscrawl.parsers.mediaindonesia import (
    MediaIndonesiaV1,
    MediaIndonesiaV2,
    listing_links,
    next_index_page,
)
from tests.cases import FIXTURES, load_cases, read_page
from tests.crawl import replay_crawl

MI = FIXTURES / "mediaindonesia"
SITE = "https://mediaindonesia.com"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
MANGROVE = f"{SITE}/humaniora/912406/warga-pesisir-demak-tanam-20-ribu-bibit-mangrove-hadapi-rob"
TANGGUL = f"{SITE}/nusantara/912377/pemprov-jateng-siapkan-tanggul-laut-tahap-dua"
KLHK = f"{SITE}/humaniora/911902/klhk-targetkan-rehabilitasi-mangrove-75-ribu-hektare"
REAL = {case.name: case for case in load_cases("mediaindonesia") if case.needs_shared}


def _words(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(record: dict) -> list[str]:
    """The body's paragraphs with the editor code back where the page prints it: the
    reference keeps "(H-4)" at the end of the last paragraph."""
    paragraphs = record["body"].split("\n\n")
    if record["editor_code"]:
        paragraphs[-1] += f" ({record['editor_code']})"
    return paragraphs


@pytest.mark.parametrize(
    ("case", "reference"),
    [
        ("real-2025-ekonomi-iup-nikel-raja-ampat", "mi-822959-2025_10_22.groundtruth.json"),
        ("real-2026-ekonomi-ihsg-9000", "mi-848034-2026_01_08.groundtruth.json"),
    ],
)
def test_real_pages_match_their_reference_authors_and_date(shared_pages, case, reference):
    truth = json.loads((shared_pages / "mediaindonesia" / reference).read_text("utf-8"))["V1"]
    record = REAL[case].parse()
    assert record["authors"] == truth["authors"]
    assert datetime.fromisoformat(record["published_at"]) == datetime.fromisoformat(
        truth["publishing_date"]
    )
    assert record["published_at"].endswith("+07:00")
    assert record["headline"] == truth["title"]


def test_real_2026_page_has_the_reference_paragraphs_exactly(shared_pages):
    truth = json.loads(
        (shared_pages / "mediaindonesia" / "mi-848034-2026_01_08.groundtruth.json").read_text(
            "utf-8"
        )
    )["V1"]
    # The reference keeps the crossheads ("Tekanan Sektor Bahan Baku") apart from the
    # paragraphs; in our body they are paragraphs of their own, in reading order.
    expected = [
        text
        for section in truth["body"]["sections"]
        for text in (*section["headline"], *section["paragraphs"])
    ]
    record = REAL["real-2026-ekonomi-ihsg-9000"].parse()
    assert _paragraphs(record) == expected


def test_real_2025_page_has_the_reference_text_without_its_clutter(shared_pages):
    truth = json.loads(
        (shared_pages / "mediaindonesia" / "mi-822959-2025_10_22.groundtruth.json").read_text(
            "utf-8"
        )
    )["V1"]
    (blob,) = truth["body"]["sections"][0]["paragraphs"]
    # That reference is the whole text container in one string: the picture's caption first,
    # the two "Baca juga" lines where they stand, the Google News promo and the editor line
    # at the end. None of them is article text.
    clutter = [
        "Kondisi Tambang di Raja Ampat(Auriga Nusantara)",
        "Baca juga : Hasil Penyelidikan Tambang Nikel Raja Ampat Segera Dirilis",
        "Baca juga : Pengamat Soroti Peredaran Gambar AI Raja Ampat, Partisipasi Publik "
        "yang Sehat Harus Dilandasi Fakta",
        "Cek berita dan artikel yg lain di Google News dan dan ikuti WhatsApp channel "
        "mediaindonesia.com",
        "Editor : Andhika",
    ]
    text = blob
    for piece in clutter:
        assert piece in text
        text = text.replace(piece, " ")
    record = REAL["real-2025-ekonomi-iup-nikel-raja-ampat"].parse()
    assert _words(" ".join(_paragraphs(record))) == _words(text)
    assert len(_paragraphs(record)) == 9
    assert [link["title"] for link in record["baca_juga"]] == [
        "Hasil Penyelidikan Tambang Nikel Raja Ampat Segera Dirilis",
        "Pengamat Soroti Peredaran Gambar AI Raja Ampat, Partisipasi Publik yang Sehat "
        "Harus Dilandasi Fakta",
    ]
    assert record["images"][0]["caption"] == clutter[0]


def test_a_modification_before_the_publication_is_no_update(shared_pages):
    # mi-848034: datePublished 20:19:38, dateModified 20:19:00 (the draft was opened first).
    record = REAL["real-2026-ekonomi-ihsg-9000"].parse()
    assert record["published_at"] == "2026-01-08T20:19:38+07:00"
    assert record["updated_at"] is None
    fixture = parse_article(
        read_page("articles/2026-humaniora-mangrove-demak.html", "mediaindonesia"),
        MANGROVE,
        FETCHED,
    )
    assert fixture["updated_at"] == "2026-10-31T16:05:00+07:00"


def _page(path: str, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes((MI / path).read_bytes(), url, fetched)


@pytest.mark.parametrize(
    ("path", "url", "version"),
    [
        (
            "articles/2018-ekonomi-kredit-umkm.html",
            "http://mediaindonesia.com/read/detail/199874-bank-bumn-tambah-penyaluran-kredit-umkm-di-kawasan-timur",
            MediaIndonesiaV1,
        ),
        ("articles/2026-humaniora-mangrove-demak.html", MANGROVE, MediaIndonesiaV2),
    ],
)
def test_each_layout_has_its_version(path, url, version):
    assert choose_parser(_page(path, url)) is version


def test_the_byline_is_used_when_json_ld_names_nobody():
    html = (MI / "articles/2026-humaniora-mangrove-demak.html").read_text("utf-8")
    html = re.sub(r'"author": \{.*?\},\s*"publisher"', '"publisher"', html, flags=re.S)
    assert parse_article(html, MANGROVE, FETCHED)["authors"] == ["Akhmad Safuan"]
    # ... but the brand in the byline is nobody.
    html = html.replace(
        '<div class="author-2">Akhmad Safuan</div>', '<div class="author-2"> Media Indonesia</div>'
    )
    assert parse_article(html, MANGROVE, FETCHED)["authors"] == []


def test_own_clutter_is_not_body():
    record = parse_article(
        read_page("articles/2026-humaniora-mangrove-demak.html", "mediaindonesia"),
        MANGROVE,
        FETCHED,
    )
    assert "Google News" not in record["body"]
    assert "Editor :" not in record["body"]
    assert "googletag" not in record["body"]
    assert record["body"].startswith("RATUSAN warga")
    assert "Bertahan di Tengah Rob" in record["body"].split("\n\n")


def test_index_cards_and_their_dates():
    page = _page("discovery/indeks-page1.html", f"{SITE}/indeks")
    links = listing_links(page)
    assert [link.url for link in links] == [MANGROVE, TANGGUL, KLHK]
    assert [link.published for link in links] == [
        datetime(2026, 10, 31, 15, 42, tzinfo=JAKARTA),
        datetime(2026, 10, 31, 9, 15, tzinfo=JAKARTA),
        datetime(2026, 10, 29, 10, 12, tzinfo=JAKARTA),
    ]
    assert links[1].title == "Pemprov Jateng Siapkan Tanggul Laut Tahap Dua"


@pytest.mark.parametrize(
    ("url", "following"),
    [
        (f"{SITE}/indeks", f"{SITE}/indeks/20/20"),
        (f"{SITE}/indeks/20/20", f"{SITE}/indeks/20/40"),
        (f"{SITE}/indeks/20/40/", f"{SITE}/indeks/20/60"),
        (f"{SITE}/ekonomi", None),
    ],
)
def test_the_index_pages_are_offsets_in_the_path(url, following):
    page = Page("<html><body><ul class='list-3'></ul></body></html>", url, FETCHED)
    assert next_index_page(page) == following


def test_replayed_backfill(tmp_path):
    result = replay_crawl(
        "mediaindonesia", tmp_path, args=("-a", "since=2026-10-30", "-a", "until=2026-11-01")
    )
    records = result.checked_records("mediaindonesia")
    # The feed, the index and the October sitemap all list the two articles of the window;
    # the video in the feed is no article page; the 29 October card ends the index walk.
    assert sorted(record["url"] for record in records) == sorted([MANGROVE, TANGGUL])
    assert all(record["parser"] == "mediaindonesia/v2" for record in records)
    # The video the feed lists is no article URL: skipped and counted, never requested.
    assert result.stats["newscrawl/links_skipped/not_article_url"] >= 1
    assert "newscrawl/dropped/http_404" not in result.stats
