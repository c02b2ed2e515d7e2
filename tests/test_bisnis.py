"""bisnis: datelines, bylines, the URL-dated index, the one-page view, a replayed crawl."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.utils.test import get_crawler

from newscrawl import parse_article
from newscrawl.dates import JAKARTA
from newscrawl.discover.loader import spider_class
from newscrawl.page import Page
from newscrawl.parsers.bisnis import BisnisV1, listing_links, url_day
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

BISNIS = FIXTURES / "bisnis"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
OJOL = (
    "https://ekonomi.bisnis.com/read/20261031/98/1992217/"
    "kemenhub-kaji-ulang-tarif-ojol-aplikator-diminta-buka-data-potongan"
)
APLIKATOR = (
    "https://ekonomi.bisnis.com/read/20261029/98/1991502/"
    "aplikator-klaim-potongan-komisi-untuk-subsidi-penumpang"
)


def _html() -> str:
    return (BISNIS / "articles/2026-ekonomi-tarif-ojol.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("Bisnis.com, JAKARTA — Harga naik", "JAKARTA"),
        ("Bisnis.com, JAKARTA - Harga naik", "JAKARTA"),
        ("Bisnis.com, BALIKPAPAN — Harga naik", "BALIKPAPAN"),
        ("Bisnis.com - Harga naik", None),
    ],
)
def test_dateline_forms(first_paragraph, place):
    assert BisnisV1.dateline is not None
    match = BisnisV1.dateline.match(first_paragraph)
    assert match is not None
    assert first_paragraph[match.end() :] == "Harga naik"
    groups = match.groupdict()
    assert (groups.get("place") or groups.get("place2")) == place


def test_the_byline_without_json_ld_drops_the_brand():
    html = _html().replace('"author": [{"@type": "Person", "name": "Ni Luh Anggela"}],', "")
    html = html.replace(
        '<a href="https://www.bisnis.com/author/1204/ni-luh-anggela">Ni Luh Anggela</a>',
        "Ni Luh Anggela - Bisnis.com",
    )
    record = parse_article(html, OJOL, FETCHED)
    assert record["authors"] == ["Ni Luh Anggela"]
    assert record["editors"] == ["Kahfi"]


def test_the_unlabelled_date_line_is_wib():
    html = _html().replace('"datePublished": "2026-10-31T13:47:00+07:00",', "")
    html = html.replace(
        '<meta property="article:published_time" content="2026-10-31T13:47:00+07:00">', ""
    )
    # "Sabtu, 31 Oktober 2026 | 13:47"
    assert parse_article(html, OJOL, FETCHED)["published_at"] == "2026-10-31T13:47:00+07:00"


def test_the_read_also_box_feeds_baca_juga():
    record = parse_article(_html(), OJOL, FETCHED)
    assert [link["url"] for link in record["baca_juga"]] == [
        "https://ekonomi.bisnis.com/read/20261030/98/1991870/"
        "pengemudi-ojol-gelar-aksi-di-depan-istana-tuntut-potongan-10-persen",
        APLIKATOR,
    ]
    assert "Baca Juga" not in record["body"]


def test_the_one_page_view_is_fetched_and_the_record_keeps_the_article_url():
    spider = spider_class("bisnis")
    crawler = get_crawler(spider, {"NEWSCRAWL_STATE": ""})
    request = spider.from_crawler(crawler).article_request(OJOL)
    assert request.url == f"{OJOL}?page=all"
    assert parse_article(_html(), f"{OJOL}?page=all", FETCHED)["url"] == OJOL


def test_index_cards_are_dated_by_their_url():
    page = Page.from_bytes(
        (BISNIS / "discovery/index-page1.html").read_bytes(),
        "https://www.bisnis.com/index?page=1",
        FETCHED,
    )
    links = listing_links(page)
    assert [link.url for link in links] == [OJOL, APLIKATOR]
    assert [link.published for link in links] == [
        datetime(2026, 10, 31, tzinfo=JAKARTA),
        datetime(2026, 10, 29, tzinfo=JAKARTA),
    ]
    assert links[0].title == "Kemenhub Kaji Ulang Tarif Ojol, Aplikator Diminta Buka Data Potongan"
    assert url_day("https://www.bisnis.com/index?page=2") is None


def test_replayed_backfill(tmp_path):
    result = replay_crawl(
        "bisnis", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    )
    records = result.checked_records("bisnis")
    # The 29 October card is outside the window and ends the index walk.
    assert [record["url"] for record in records] == [OJOL]
    assert records[0]["fetched_at"] == "2026-11-01T00:00:00+00:00"
