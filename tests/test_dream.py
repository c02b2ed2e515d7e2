"""dream.co.id: structured data plus the group's body conventions, its URLs, a replayed crawl
from the site's own robots.txt sitemap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newscrawl.outlet import outlet_named
from newscrawl.parsers.dream import DreamV1
from tests.crawl import replay_crawl

MASJID = (
    "https://www.dream.co.id/news/"
    "masjid-terapung-palu-dibuka-lagi-setelah-direnovasi-dua-tahun-2611016.html"
)


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (MASJID, False),
        ("https://hijab.dream.co.id/mix-and-match/rekomendasi-hijab-instan-200327z.html", False),
        ("https://www.dream.co.id/quran/surat-al-fatihah", True),
        ("https://www.dream.co.id/video/news/tausiyah-pagi-2611011.html", True),
        ("https://hijab.dream.co.id/hotd/user/alvia-destiara", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = DreamV1.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


@pytest.mark.parametrize(
    ("path", "article"),
    [
        ("/news/masjid-terapung-palu-2611016.html", True),
        ("/beauty/segudang-manfaat-masker-lumpur-211018a.html", True),
        ("/news/", False),
    ],
)
def test_listing_article_url_shape(path: str, article: bool) -> None:
    assert bool(re.search(outlet_named("dream").article_url, path)) is article


def test_replayed_crawl_finds_the_news_sitemap_in_robots_txt(tmp_path: Path) -> None:
    result = replay_crawl("dream", tmp_path)
    records = result.checked_records("dream")
    assert [record["url"] for record in records] == [MASJID]
    assert records[0]["editor_code"] == "ism"
    assert records[0]["baca_juga"][0]["title"] == "Wisata Religi Sulawesi Tengah Ramai Dikunjungi"
