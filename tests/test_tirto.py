"""tirto: the two layouts, Tirto's footer, rubric keywords, index cards, a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newscrawl import parse_article
from newscrawl.api import choose_parser
from newscrawl.outlet import outlet_named
from newscrawl.page import Page
from newscrawl.parsers.tirto import TirtoV1, TirtoV2, listing_links
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "tirto"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
WIB = timezone(timedelta(hours=7))
BANSOS = "https://tirto.id/kemensos-percepat-penyaluran-bansos-pangan-sebelum-desember-hzQ4"
KPU = "https://tirto.id/kpu-pastikan-logistik-kotak-suara-tiba-h-7-pemungutan-dqP2"


def _html(name: str) -> str:
    return (HERE / "articles" / f"{name}.html").read_text("utf-8")


def test_each_layout_has_its_version() -> None:
    assert (
        choose_parser(Page(_html("2026-bansos-pangan-desember-hzQ4"), BANSOS, FETCHED)) is TirtoV2
    )
    assert (
        choose_parser(Page(_html("2019-pemilu-logistik-kotak-suara-dqP2"), KPU, FETCHED)) is TirtoV1
    )


def test_the_footer_ends_the_text_and_names_the_people() -> None:
    record = parse_article(_html("2019-pemilu-logistik-kotak-suara-dqP2"), KPU, FETCHED)
    assert record["body"].endswith("ujarnya di Jakarta, Rabu (20/3/2019).")
    assert "tulisan menarik lainnya" not in record["body"]
    assert "(tirto.id - Politik)" not in record["body"]
    # The footer's topic and author links are no related articles.
    assert [link["url"] for link in record["baca_juga"]] == [
        "https://tirto.id/kpu-rekrut-petugas-kpps-tambahan-dq9X"
    ]
    assert record["authors"] == ["Bayu Septianto"]
    assert record["editors"] == ["Maya Saputri"]


def test_the_modified_time_without_a_zone_is_wib() -> None:
    record = parse_article(_html("2026-bansos-pangan-desember-hzQ4"), BANSOS, FETCHED)
    assert record["published_at"] == "2026-10-31T14:30:00+07:00"  # "Terbit 31 Okt 2026 14:30 WIB"
    assert record["updated_at"] == "2026-10-31T16:20:41+07:00"  # "2026-10-31 16:20:41"


def test_rubric_names_are_no_tags() -> None:
    tags = parse_article(_html("2026-bansos-pangan-desember-hzQ4"), BANSOS, FETCHED)["tags"]
    assert tags == ["bansos pangan", "bantuan beras", "kemensos", "bulog"]


def test_inline_pictures_keep_the_caption_printed_after_them() -> None:
    images = parse_article(_html("2026-bansos-pangan-desember-hzQ4"), BANSOS, FETCHED)["images"]
    assert images[1]["caption"] == (
        "Petugas memeriksa stok beras di gudang Bulog Kelapa Gading, Jakarta. "
        "tirto.id/Andhika Krisnuwardhana"
    )


def test_index_cards() -> None:
    fetched = datetime(2026, 11, 1, 9, tzinfo=WIB)
    page = Page(
        (HERE / "discovery/indeks-2026-11-01.html").read_text("utf-8"),
        "https://tirto.id/indeks",
        fetched,
    )
    links = listing_links(page)
    # diajeng.id shares the index; "/bisnis-tirto" is a rubric page.
    assert [link.url for link in links] == [BANSOS]
    assert links[0].published is not None
    assert links[0].published.date() == datetime(2026, 10, 31).date()  # "Kemarin"


@pytest.mark.parametrize(
    ("path", "is_article"),
    [
        ("/kemensos-percepat-penyaluran-bansos-pangan-sebelum-desember-hzQ4", True),
        ("/bisnis-tirto", False),
        ("/rilis-pers", False),
        ("/author/bayu-septianto", False),
        ("/indeks", False),
    ],
)
def test_article_urls(path: str, is_article: bool) -> None:
    assert bool(re.search(outlet_named("tirto").article_url, path)) is is_article


def test_replayed_crawl(tmp_path: Path) -> None:
    records = replay_crawl("tirto", tmp_path).checked_records("tirto")
    assert [record["url"] for record in records] == [BANSOS]
