"""suara: version detection, the reporter's sign-off, pages merged in order, and a replayed
crawl of the fixture site."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.discover.loader import spider_class
from newscrawl.page import Page
from newscrawl.parsers.body import Body
from newscrawl.parsers.signoff import take_trailing_name
from newscrawl.parsers.suara import SuaraV2
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "suara"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
PSU = (
    "https://www.suara.com/news/2026/10/31/171522/"
    "kpu-tetapkan-jadwal-pemungutan-suara-ulang-di-tiga-kabupaten"
)


def page(name: str, url: str) -> Page:
    return Page.from_bytes((HERE / "articles" / name).read_bytes(), url, FETCHED)


def test_todays_pages_are_v2_and_name_their_later_pages_once() -> None:
    first = page("2026-news-psu-tiga-kabupaten-page1.html", PSU)
    assert choose_parser(first) is SuaraV2
    # The bar links page 2 twice ("2" and ">"): it is fetched once.
    assert SuaraV2(first).page_urls() == [f"{PSU}?page=2"]


def test_real_2015_page_is_v1(shared_pages: Path) -> None:
    old = Page.from_bytes(
        (shared_pages / "suara/2015-news-polda-bali-angeline.html").read_bytes(),
        "http://www.suara.com/news/2015/06/19/130605/polda-bali-kumpulkan-4-alat-bukti",
        FETCHED,
    )
    chosen = choose_parser(old)
    assert chosen is not None and chosen.version == "suara/v1"


@pytest.mark.parametrize(
    ("last", "name", "rest"),
    [
        (
            "di Jalan Sedap Malam, Denpasar. (Luh Wayanti)",
            "Luh Wayanti",
            "di Jalan Sedap Malam, Denpasar.",
        ),
        ("(Agung Sandy Lesmana)", "Agung Sandy Lesmana", None),
        # A parenthesis inside the sentence, or an acronym, is no sign-off.
        ("kata Kepala Dinas (Kadis) Pendidikan.", None, "kata Kepala Dinas (Kadis) Pendidikan."),
        ("dikutip dari Antara. (ANT)", None, "dikutip dari Antara. (ANT)"),
    ],
)
def test_trailing_reporter_name(last: str, name: str | None, rest: str | None) -> None:
    body = Body(paragraphs=["Paragraf pertama.", last])
    assert take_trailing_name(body) == name
    assert body.paragraphs[1:] == ([rest] if rest else [])


def test_summary_box_ads_and_next_article_teaser_stay_out_of_the_body() -> None:
    first = page("2026-news-psu-tiga-kabupaten-page1.html", PSU)
    second = page("2026-news-psu-tiga-kabupaten-page2.html", f"{PSU}?page=2")
    record = SuaraV2(first, [second]).parse()
    assert "PSU serentak di tiga kabupaten pada 5 Desember" not in record["body"]
    assert "Artikel selanjutnya" not in record["body"]
    assert record["body"].count("\n\n") == 4  # three paragraphs on page 1, two on page 2


def test_indeks_is_walked_page_by_page_for_backfills() -> None:
    outlet = spider_class("suara").outlet
    index = [s for s in outlet.sources if "indeks" in s.url]
    assert [s.url for s in index] == ["https://www.suara.com/indeks?page={page}"]
    assert index[0].when == "backfill"


def test_scheduled_crawl_merges_the_pages_of_a_feed_article(tmp_path: Path) -> None:
    result = replay_crawl("suara", tmp_path)
    records = result.checked_records("suara")
    assert [r["url"] for r in records] == [PSU]
    assert "mencairkan dana hibah" in records[0]["body"]  # from page 2
