"""otosia.com: structured data plus the group's body conventions, its URLs, a replayed crawl."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.parsers.otosia import OtosiaV1
from tests.crawl import replay_crawl

MOBIL = (
    "https://www.otosia.com/berita/"
    "mobil-listrik-rakitan-lokal-dijual-di-bawah-rp200-juta-mulai-desember.html"
)


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (MOBIL, False),
        ("https://www.otosia.com/foto/peluncuran-mobil-listrik-lokal.html", True),
        ("https://www.otosia.com/harga-mobil/toyota/", True),
        ("https://www.otosia.com/berita-otomotif-terbaru/", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = OtosiaV1.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


def test_replayed_crawl_of_the_latest_listing(tmp_path: Path) -> None:
    result = replay_crawl(
        "otosia", tmp_path, args=("-a", "since=2026-11-01", "-a", "until=2026-11-01")
    )
    records = result.checked_records("otosia")
    assert [record["url"] for record in records] == [MOBIL]
    record = records[0]
    assert record["editor_code"] == "kpl/nat"
    assert "A post shared by" not in record["body"]
    assert record["body"].startswith("Sebuah produsen otomotif nasional")
