"""okezone: version detection, the editor's sign-off, the dated index of index.okezone.com,
and replayed crawls of the fixture site."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.page import Page
from newscrawl.parsers.okezone import OkezoneV3, listing_links, next_listing_page
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "okezone"
WIB = timezone(timedelta(hours=7))
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
SIRINE = (
    "https://news.okezone.com/read/2026/10/31/337/3291845/"
    "bmkg-pasang-120-sirine-peringatan-dini-tsunami-di-pesisir-selatan-jawa"
)
DAY = "https://index.okezone.com/bydate/index/2026/10/31/"


def page(name: str, url: str) -> Page:
    return Page.from_bytes((HERE / name).read_bytes(), url, FETCHED)


def test_todays_pages_are_v3_and_name_their_next_page() -> None:
    first = page("articles/2026-news-sirine-tsunami-page1.html", SIRINE)
    version = choose_parser(first)
    assert version is OkezoneV3
    assert OkezoneV3(first).page_urls() == [f"{SIRINE}?page=2"]
    # The one-page view the spider asks for has no paging bar: nothing more to fetch.
    whole = page("articles/2026-news-sirine-tsunami-all.html", f"{SIRINE}?page=all")
    assert OkezoneV3(whole).page_urls() == []


@pytest.mark.parametrize(
    ("name", "version"),
    [
        ("okezone/2015-lifestyle-diabetes.html", "okezone/v1"),
        ("okezone/2017-celebrity-indra-birowo.html", "okezone/v2"),
    ],
)
def test_real_old_pages_choose_their_skin(shared_pages: Path, name: str, version: str) -> None:
    old = Page.from_bytes(
        (shared_pages / name).read_bytes(), "https://news.okezone.com/read/x", FETCHED
    )
    chosen = choose_parser(old)
    assert chosen is not None and chosen.version == version


def test_editor_closing_the_text_is_an_editor_not_body() -> None:
    record = OkezoneV3(page("articles/2026-news-sirine-tsunami-all.html", SIRINE)).parse()
    assert record["editors"] == ["Rahman Asmardika"]
    assert "Rahman Asmardika" not in record["body"]
    assert record["body"].endswith("pukul 10.00 WIB.")
    assert "Google News" not in record["body"]


def test_day_listing_cards_and_next_offset() -> None:
    first = page("bydate-2026-10-31-page1.html", f"{DAY}0/")
    links = listing_links(first)
    assert links[0].url == SIRINE
    assert links[0].published == datetime(2026, 10, 31, 9, 42, tzinfo=WIB)
    # The day links of the calendar (30, 31) are other days, not the next page.
    assert next_listing_page(first) == f"{DAY}15/"
    assert next_listing_page(page("bydate-2026-10-31-page2.html", f"{DAY}15/")) is None


def test_scheduled_crawl_fetches_articles_as_one_page(tmp_path: Path) -> None:
    result = replay_crawl("okezone", tmp_path)
    records = result.checked_records("okezone")
    assert [r["url"] for r in records] == [SIRINE]
    assert records[0]["editors"] == ["Rahman Asmardika"]


def test_backfill_walks_the_day_listing_until_the_day_before(tmp_path: Path) -> None:
    result = replay_crawl(
        "okezone", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    )
    records = result.checked_records("okezone")
    assert [r["url"] for r in records] == [SIRINE]
    # Both listing pages were read (the feed, two listing pages, the article)...
    assert result.stats["newscrawl/replay/hit"] == 4
    # ...and of their cards only the economy one (absent from the fixture site) failed: the
    # 30 October card on page 2 is outside the window and was not requested.
    assert result.stats["newscrawl/dropped/http_404"] == 1
