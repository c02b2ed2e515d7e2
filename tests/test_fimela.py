"""fimela.com: liputan6's layouts under fimela's names, its dashless dateline, a replayed crawl."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.page import Page
from newscrawl.parsers.fimela import FimelaV1, FimelaV2
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "fimela"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
TENUN = (
    "https://www.fimela.com/fashion/read/5899012/"
    "kain-tenun-sumba-tampil-di-pekan-mode-paris-perajin-lokal-ikut-ke-panggung"
)


def test_each_layout_is_read_by_its_version() -> None:
    today = Page.from_bytes(
        (HERE / "articles/2026-fashion-kain-tenun-sumba.html").read_bytes(), TENUN, FETCHED
    )
    assert choose_parser(today) is FimelaV2
    bem = "<html><body><div class='read-page__content-body'><p>Isi.</p></div></body></html>"
    assert choose_parser(Page(bem, TENUN, FETCHED)) is FimelaV1


def test_the_tweet_is_no_body_text() -> None:
    parser = FimelaV2(
        Page.from_bytes(
            (HERE / "articles/2026-fashion-kain-tenun-sumba.html").read_bytes(), TENUN, FETCHED
        )
    )
    assert "pic.twitter.com" not in parser.body().text
    assert "@tenunkambera" not in parser.body().text


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (TENUN, False),
        ("https://www.fimela.com/photo/read/5899100/potret-tenun-sumba-di-paris", True),
        ("https://www.fimela.com/zodiak/scorpio", True),
        ("https://www.fimela.com/tag/tenun", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = FimelaV2.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


def test_replayed_crawl_of_one_index_day(tmp_path: Path) -> None:
    result = replay_crawl(
        "fimela", tmp_path, args=("-a", "since=2026-11-01", "-a", "until=2026-11-01")
    )
    records = result.checked_records("fimela")
    assert [record["url"] for record in records] == [TENUN]
    assert records[0]["dateline"] == "Jakarta"
