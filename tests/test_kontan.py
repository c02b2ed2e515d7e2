"""kontan: datelines, the credit line, the dated index, the one-page view, a replayed crawl."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.utils.test import get_crawler

from newscrawl import parse_article
from newscrawl.discover.loader import spider_class
from newscrawl.page import Page
from newscrawl.parsers.kontan import DATELINE, listing_links, next_index_page
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

KONTAN = FIXTURES / "kontan"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
NIKEL = (
    "https://investasi.kontan.co.id/news/"
    "saham-emiten-nikel-menguat-simak-rekomendasi-analis-pekan-depan"
)
INDEKS = (
    "https://www.kontan.co.id/search/indeks?kanal=&tanggal=31&bulan=10&tahun=2026"
    "&pos=indeks&per_page="
)


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("KONTAN.CO.ID - JAKARTA. Harga naik", "JAKARTA"),
        ("KONTAN.CO.ID - BALIKPAPAN. Harga naik", "BALIKPAPAN"),
        ("KONTAN.CO.ID-JAKARTA. Harga naik", "JAKARTA"),
        ("KONTAN.CO.ID - NEW YORK. Harga naik", "NEW YORK"),
        ("KONTAN.CO.ID - JAKARTA - Harga naik", "JAKARTA"),
        ("KONTAN.CO.ID - Harga naik", None),
        # An acronym opening the sentence is no place: no full stop follows it.
        ("KONTAN.CO.ID - BI menaikkan bunga", None),
    ],
)
def test_dateline_forms(first_paragraph, place):
    match = DATELINE.match(first_paragraph)
    assert match is not None
    assert match["place"] == place
    rest = first_paragraph[match.end() :]
    assert rest in ("Harga naik", "BI menaikkan bunga")


def _html() -> str:
    return (KONTAN / "articles/2026-investasi-saham-nikel.html").read_text("utf-8")


def test_the_credit_line_names_reporter_and_editor_and_is_not_text():
    record = parse_article(_html(), NIKEL, FETCHED)
    assert record["authors"] == ["Aulia Ivanka Rahmana"]
    assert record["editors"] == ["Herlina Kartika Dewi"]
    assert "Reporter:" not in record["body"]
    assert record["body"].startswith("Saham emiten nikel kompak menguat")
    # Without JSON-LD the credit line still names the reporter.
    html = _html().replace('"author": {"@type": "Person", "name": "Aulia Ivanka Rahmana"},', "")
    assert parse_article(html, NIKEL, FETCHED)["authors"] == ["Aulia Ivanka Rahmana"]


def test_the_date_line_stands_without_structured_dates():
    html = _html().replace('"datePublished": "2026-10-31T16:20:00+07:00",', "")
    html = html.replace(
        '<meta property="article:published_time" content="2026-10-31T16:20:00+07:00">', ""
    )
    # "Sabtu, 31 Oktober 2026 / 16:20 WIB"
    assert parse_article(html, NIKEL, FETCHED)["published_at"] == "2026-10-31T16:20:00+07:00"


def test_the_one_page_view_is_fetched_and_the_record_keeps_the_article_url():
    spider = spider_class("kontan")
    crawler = get_crawler(spider, {"NEWSCRAWL_STATE": ""})
    request = spider.from_crawler(crawler).article_request(NIKEL)
    assert request.url == f"{NIKEL}?page=all"
    assert parse_article(_html(), f"{NIKEL}?page=all", FETCHED)["url"] == NIKEL


def test_index_items_skip_premium_teasers():
    page = Page.from_bytes(
        (KONTAN / "discovery/indeks-2026-10-31.html").read_bytes(), f"{INDEKS}0", FETCHED
    )
    links = listing_links(page)
    assert [link.url for link in links] == [NIKEL]
    assert links[0].title == "Saham Emiten Nikel Menguat, Simak Rekomendasi Analis Pekan Depan"


def test_the_index_pages_on_by_offset():
    page = Page("<html><body><p>indeks</p></body></html>", f"{INDEKS}0", FETCHED)
    assert next_index_page(page) == f"{INDEKS}20"
    page = Page("<html><body><p>indeks</p></body></html>", f"{INDEKS}20", FETCHED)
    assert next_index_page(page) == f"{INDEKS}40"
    assert (
        next_index_page(
            Page("<html><body><p>home</p></body></html>", "https://www.kontan.co.id/", FETCHED)
        )
        is None
    )


def test_replayed_backfill(tmp_path):
    result = replay_crawl(
        "kontan", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    )
    records = result.checked_records("kontan")
    assert [record["url"] for record in records] == [NIKEL]
    assert records[0]["editors"] == ["Herlina Kartika Dewi"]
    assert result.stats["newscrawl/dropped/not_an_article"] == 1  # the Insight teaser


def test_a_text_without_credit_line_keeps_its_first_paragraph():
    html = _html().replace(
        "<p>Reporter: Aulia Ivanka Rahmana | Editor: Herlina Kartika Dewi</p>\n", ""
    )
    record = parse_article(html, NIKEL, FETCHED)
    assert record["body"].startswith("Saham emiten nikel kompak menguat")
    assert record["dateline"] == "JAKARTA"
    assert record["authors"] == ["Aulia Ivanka Rahmana"]  # from the JSON-LD
    assert record["editors"] == []
