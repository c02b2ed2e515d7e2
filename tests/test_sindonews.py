"""sindonews: the body of runs between line breaks, the one-page view, the dated indeks, and
replayed crawls of the fixture site."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from newscrawl.page import Page
from newscrawl.parsers.sindonews import SindonewsV1, listing_links, next_listing_page
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "sindonews"
WIB = timezone(timedelta(hours=7))
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
KREDIT = (
    "https://ekbis.sindonews.com/read/1623418/34/"
    "ojk-catat-kredit-perbankan-tumbuh-98-persen-hingga-september-2026-1761892140"
)
INDEKS = "https://www.sindonews.com/indeks/0/{offset}?t=2026-10-31"


def page(name: str, url: str) -> Page:
    return Page.from_bytes((HERE / name).read_bytes(), url, FETCHED)


def test_a_break_inside_a_read_also_link_keeps_the_link_with_its_label() -> None:
    record = SindonewsV1(page("articles/2026-ekbis-kredit-perbankan-all.html", KREDIT)).parse()
    assert [link["title"] for link in record["baca_juga"]] == [
        "BI Pertahankan Suku Bunga Acuan di Level 5 Persen",
        "Laba Bank BUMN Naik 11 Persen di Kuartal III 2026",
    ]
    assert "Baca Juga" not in record["body"]
    assert record["dateline"] == "JAKARTA"
    assert record["editor_code"] == "akr"


def test_the_one_page_view_has_no_json_ld_and_still_dates_the_article() -> None:
    record = SindonewsV1(page("articles/2026-ekbis-kredit-perbankan-all.html", KREDIT)).parse()
    assert record["published_at"] == "2026-10-31T13:29:00+07:00"
    assert record["authors"] == ["Anggie Ariesta"]


def test_page_one_names_its_second_page() -> None:
    first = SindonewsV1(page("articles/2026-ekbis-kredit-perbankan-page1.html", KREDIT))
    assert first.page_urls() == [f"{KREDIT}/5"]


def test_indeks_cards_and_next_offset() -> None:
    first = page("indeks-2026-10-31-page1.html", INDEKS.format(offset=0))
    links = listing_links(first)
    assert links[0].url == KREDIT
    assert links[0].published == datetime(2026, 10, 31, 13, 29, tzinfo=WIB)
    assert next_listing_page(first) == INDEKS.format(offset=20)
    last = page("indeks-2026-10-31-page2.html", INDEKS.format(offset=20))
    assert next_listing_page(last) is None


def test_scheduled_crawl_asks_for_the_one_page_view(tmp_path: Path) -> None:
    result = replay_crawl("sindonews", tmp_path)
    records = result.checked_records("sindonews")
    assert [r["url"] for r in records] == [KREDIT]
    assert "tekstil dan alas kaki" in records[0]["body"]  # the second page's text


def test_backfill_reads_the_dated_indeks(tmp_path: Path) -> None:
    result = replay_crawl(
        "sindonews", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    )
    records = result.checked_records("sindonews")
    assert [r["url"] for r in records] == [KREDIT]
    # The feed, the ekbis sitemap, both indeks pages and the article were served...
    assert result.stats["newscrawl/replay/hit"] == 5
    # ...and of the cards only the DPR one (absent from the fixture site) failed: the 30
    # October card on page 2 is outside the window and was not requested.
    assert result.stats["newscrawl/dropped/http_404"] == 1
