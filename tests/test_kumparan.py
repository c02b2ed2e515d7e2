"""kumparan: people, channel, topics and pictures of a story page; article URLs; a replayed
crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl import parse_article
from newscrawl.outlet import outlet_named
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "kumparan"
FETCHED = datetime(2026, 11, 1, 3, tzinfo=UTC)
KERETA = (
    "https://kumparan.com/kumparannews/"
    "kemenhub-mulai-studi-kereta-cepat-jakarta-surabaya-tahap-dua-26Rk3pQx8Lm"
)
EMAS = "https://kumparan.com/kumparanbisnis/harga-emas-antam-naik-rp-12-000-per-gram-hari-ini-26Rm0xYz4Ab"


def _html(name: str) -> str:
    return (HERE / "articles" / f"{name}.html").read_text("utf-8")


def _edited(name: str, old: str, new: str) -> bytes:
    html = _html(name)
    assert old in html
    return html.replace(old, new).encode("utf-8")


def test_the_reporter_of_json_ld_not_the_desk_account_of_the_byline() -> None:
    record = parse_article(_html("2026-news-kereta-cepat-surabaya"), KERETA, FETCHED)
    assert record["authors"] == ["Hedi Pratama Wiranata"]
    # A story JSON-LD signs with the desk account has no person at all.
    assert parse_article(_html("2026-bisnis-harga-emas-antam"), EMAS, FETCHED)["authors"] == []


def test_dates_are_utc_in_json_ld_and_wib_in_the_record() -> None:
    record = parse_article(_html("2026-news-kereta-cepat-surabaya"), KERETA, FETCHED)
    # "2026-10-31T04:12:00.000Z", shown as "31 Oktober 2026 11:12 WIB".
    assert record["published_at"] == "2026-10-31T11:12:00+07:00"
    assert record["updated_at"] == "2026-10-31T13:30:00+07:00"
    html = re.sub(r'"datePublished":"[^"]+",', "", _html("2026-news-kereta-cepat-surabaya"))
    assert parse_article(html, KERETA, FETCHED)["published_at"] == "2026-10-31T11:12:00+07:00"


def test_the_share_picture_is_the_cover_figure_in_another_crop() -> None:
    images = parse_article(_html("2026-news-kereta-cepat-surabaya"), KERETA, FETCHED)["images"]
    assert len(images) == 2  # the og:image crop (w_640,h_336) is the first figure
    assert images[0]["caption"].startswith("Kereta cepat melintas di Padalarang")


def test_ads_and_embeds_between_paragraphs_are_not_text() -> None:
    record = parse_article(_html("2026-news-kereta-cepat-surabaya"), KERETA, FETCHED)
    assert "Advertisement" not in record["body"]
    assert "Berita Lainnya" not in record["body"]
    assert "Tulis komentar" not in record["body"]
    assert [link["title"] for link in record["baca_juga"]] == [
        "KAI Tambah Perjalanan Kereta Jarak Jauh Libur Akhir Tahun"
    ]


def test_topics_fall_back_to_keywords_without_their_seo_variants() -> None:
    html = re.sub(r"<footer.*?</footer>", "", _html("2026-news-kereta-cepat-surabaya"), flags=re.S)
    tags = parse_article(html, KERETA, FETCHED)["tags"]
    assert tags == ["Kereta Cepat", "Kemenhub", "Transportasi"]


def test_channel_from_the_breadcrumb() -> None:
    html = _edited("2026-bisnis-harga-emas-antam", '"name":"Bisnis"', '"name":"Bisnis Plus"')
    assert parse_article(html, EMAS, FETCHED)["section"] == "Bisnis Plus"


@pytest.mark.parametrize(
    ("path", "is_article"),
    [
        (
            "/kumparannews/kemenhub-mulai-studi-kereta-cepat-jakarta-surabaya-tahap-dua-26Rk3pQx8Lm",
            True,
        ),
        ("/yudhi-mada/teknik-penggunaan-kata-kunci-berbasis-lokasi-24ZGFhYmO7y", True),
        ("/channel/news", False),
        ("/topic/kereta-cepat", False),
        ("/kumparannews", False),
    ],
)
def test_article_urls(path: str, is_article: bool) -> None:
    pattern = re.compile(outlet_named("kumparan").article_url)
    assert bool(pattern.search(path)) is is_article


def test_replayed_crawl(tmp_path: Path) -> None:
    records = replay_crawl("kumparan", tmp_path).checked_records("kumparan")
    assert sorted(record["url"] for record in records) == sorted([KERETA, EMAS])
    assert {record["section"] for record in records} == {"News", "Bisnis"}
