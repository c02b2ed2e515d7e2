"""bola.com: liputan6's layouts under bola.com's names, its datelines, URLs, a replayed crawl."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.page import Page
from newscrawl.parsers.bolacom import BolacomV1, BolacomV2
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "bolacom"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
PERSIB = (
    "https://www.bola.com/indonesia/read/5912345/"
    "persib-kunci-gelar-juara-paruh-musim-bojan-hodak-puji-mental-pemain-muda"
)


def test_each_layout_is_read_by_its_version() -> None:
    today = Page.from_bytes(
        (HERE / "articles/2026-indonesia-persib-juara-paruh-musim.html").read_bytes(),
        PERSIB,
        FETCHED,
    )
    assert choose_parser(today) is BolacomV2
    bem = "<html><body><div class='read-page__content-body'><p>Isi.</p></div></body></html>"
    assert choose_parser(Page(bem, PERSIB, FETCHED)) is BolacomV1


@pytest.mark.parametrize(
    ("lead", "dateline", "first"),
    [
        ("<b>Bola.com, Jakarta - </b>Timnas berlatih.", "Jakarta", "Timnas berlatih."),
        ("<b>Bola.com, Bandung</b> Persib menang.", "Bandung", "Persib menang."),
        ("<b>Bola.com</b> - Laga ditunda.", None, "Laga ditunda."),
    ],
)
def test_datelines_with_and_without_the_dash(lead: str, dateline: str | None, first: str) -> None:
    html = f"<html><body><div class='article-content-body'><p>{lead}</p></div></body></html>"
    body = BolacomV2(Page(html, PERSIB, FETCHED)).body()
    assert body.dateline == dateline
    assert body.paragraphs == [first]


def test_title_suffix_and_brand_are_not_people() -> None:
    html = (
        "<html><head><title>Persib Menang - Bola.com</title>"
        "<meta name='author' content='Bola.com'></head><body><p>x</p></body></html>"
    )
    parser = BolacomV2(Page(html, PERSIB, FETCHED))
    assert parser.headline() == "Persib Menang"
    assert parser.authors() == []


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (PERSIB, False),
        ("https://www.bola.com/foto/read/5912001/galeri-persib-vs-psm", True),
        ("https://www.bola.com/tag/persib-bandung", True),
        ("https://www.bola.com/indonesia/read/5912002/infografis-klasemen-paruh-musim", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = BolacomV2.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


def test_replayed_crawl_of_one_index_day(tmp_path: Path) -> None:
    result = replay_crawl(
        "bolacom", tmp_path, args=("-a", "since=2026-11-01", "-a", "until=2026-11-01")
    )
    records = result.checked_records("bolacom")
    assert [record["url"] for record in records] == [PERSIB]
    # Both pages of the article came in one document.
    assert "Jadwal Padat Menanti" in records[0]["body"]
    assert records[0]["editors"] == ["Aning Jati"]
    # The video post is listed, fetched and refused by its content type.
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
