"""bola.net: structured data plus the group's body conventions, its URLs, a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.outlet import outlet_named
from newscrawl.page import Page
from newscrawl.parsers.bolanet import BolanetV1
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "bolanet"
CHELSEA = (
    "https://www.bola.net/inggris/chelsea-perpanjang-kontrak-kiper-muda-hingga-2031-7f3a2c.html"
)
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)


def test_an_article_is_known_by_its_structured_data() -> None:
    page = Page.from_bytes(
        (HERE / "articles/2026-inggris-chelsea-perpanjang-kontrak.html").read_bytes(),
        CHELSEA,
        FETCHED,
    )
    assert choose_parser(page) is BolanetV1
    bare = "<html><head><title>Bola.net</title></head><body><p>Jadwal</p></body></html>"
    assert choose_parser(Page(bare, "https://www.bola.net/", FETCHED)) is None


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (CHELSEA, False),
        ("https://www.bola.net/jadwal_televisi/", True),
        (
            "https://www.bola.net/hasil-pertandingan/liga-italia-juventus-vs-as-roma-2026-10-31.html",
            True,
        ),
        ("https://www.bola.net/klasemen/liga-inggris/", True),
        ("https://www.bola.net/tag/chelsea/", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = BolanetV1.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


@pytest.mark.parametrize(
    ("path", "article"),
    [
        ("/inggris/chelsea-perpanjang-kontrak-7f3a2c.html", True),
        ("/editorial/5-pemain-arsenal-338e86.html", True),
        ("/berita_terkini/index2.html", False),
        ("/inggris/", False),
    ],
)
def test_listing_article_url_shape(path: str, article: bool) -> None:
    assert bool(re.search(outlet_named("bolanet").article_url, path)) is article


def test_replayed_crawl_of_the_latest_listing(tmp_path: Path) -> None:
    result = replay_crawl(
        "bolanet", tmp_path, args=("-a", "since=2026-11-01", "-a", "until=2026-11-01")
    )
    records = result.checked_records("bolanet")
    assert [record["url"] for record in records] == [CHELSEA]
    assert records[0]["editor_code"] == "bola/ric"
    assert "pic.twitter.com" not in records[0]["body"]
