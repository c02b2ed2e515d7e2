"""cnbcindonesia: layouts, bylines, the dated index, and a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from newscrawl import parse_article
from newscrawl.api import choose_parser
from newscrawl.dates import JAKARTA
from newscrawl.discover.discovery import Link
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.cnbcindonesia import CnbcIndonesiaV1, CnbcIndonesiaV2, listing_links
from newscrawl.parsers.transmedia import created_at, still_that_day
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

CNBC = FIXTURES / "cnbcindonesia"
SITE = "https://www.cnbcindonesia.com"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
BATU_BARA = (
    f"{SITE}/market/20261031083650-17-712440/harga-batu-bara-melonjak-4-tertinggi-dalam-tiga-bulan"
)
VIDEO = (
    f"{SITE}/market/20261031113005-8-712466/"
    "video-pasar-properti-mulai-pulih-pengembang-genjot-rumah-tapak"
)
TOL = (
    f"{SITE}/news/20190306142731-4-58110/"
    "ruas-tol-trans-sumatra-bakauheni-terbanggi-besar-siap-dipakai-mudik"
)


def _html(name: str) -> str:
    return (CNBC / "articles" / f"{name}.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "url", "version"),
    [
        ("2019-news-tol-trans-sumatra", TOL, CnbcIndonesiaV1),
        ("2026-market-harga-batu-bara", BATU_BARA, CnbcIndonesiaV2),
    ],
)
def test_each_layout_has_its_version(name, url, version):
    assert choose_parser(Page(_html(name), url, FETCHED)) is version


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("Jakarta, CNBC Indonesia - Harga naik", "Jakarta"),
        ("Jakarta, CNBC Indonesia — Harga naik", "Jakarta"),
        ("Balikpapan, CNBC Indonesia -- Harga naik", "Balikpapan"),
        ("CNBC Indonesia - Harga naik", None),
    ],
)
def test_dateline_forms(first_paragraph, place):
    assert CnbcIndonesiaV2.dateline is not None
    match = CnbcIndonesiaV2.dateline.match(first_paragraph)
    assert match is not None
    assert first_paragraph[match.end() :] == "Harga naik"
    groups = match.groupdict()
    assert (groups.get("place") or groups.get("place2")) == place


def _without_structured_author(html: str) -> str:
    html = re.sub(r'"author": \{[^}]*\},', "", html)
    return re.sub(r'<meta name="(?:dtk:)?author"[^>]*>', "", html)


def test_the_byline_names_the_reporter_without_json_ld_or_metas():
    record = parse_article(
        _without_structured_author(_html("2026-market-harga-batu-bara")), BATU_BARA, FETCHED
    )
    assert record["authors"] == ["Chandra Dwi Pranata"]


def test_desk_initials_in_the_byline_are_nobody():
    html = _without_structured_author(_html("2026-market-harga-batu-bara")).replace(
        "Chandra Dwi Pranata, CNBC Indonesia", "mkh, CNBC Indonesia"
    )
    assert parse_article(html, BATU_BARA, FETCHED)["authors"] == []


def test_the_next_article_box_and_video_marker_are_not_text():
    record = parse_article(_html("2026-market-harga-batu-bara"), BATU_BARA, FETCHED)
    assert "Artikel Selanjutnya" not in record["body"]
    assert "Stok Pelabuhan China" not in record["body"]
    assert "Gambas" not in record["body"]
    assert "Saksikan video" not in record["body"]
    assert record["editor_code"] == "chd/chd"
    assert record["dateline"] == "Jakarta"
    assert record["section"] == "Market"


def test_a_video_title_alone_marks_a_video():
    html = _html("2026-market-video-pasar-properti").replace("singlepagevideo", "singlepagenews")
    with pytest.raises(NotAnArticle, match="video or gallery"):
        parse_article(html, VIDEO, FETCHED)


def test_index_cards_resolve_relative_times_against_the_fetch():
    page = Page.from_bytes(
        (CNBC / "discovery/indeks-2026-10-31-page1.html").read_bytes(),
        f"{SITE}/indeks?date=2026/10/31&page=1",
        FETCHED,  # 07:00 WIB on 1 November
    )
    links = listing_links(page)
    assert [link.url for link in links] == [VIDEO, BATU_BARA]
    assert [link.published for link in links] == [
        datetime(2026, 10, 31, 12, tzinfo=JAKARTA),
        datetime(2026, 10, 31, 10, tzinfo=JAKARTA),
    ]
    assert links[1].title == "Harga Batu Bara Melonjak 4%, Tertinggi dalam Tiga Bulan"


def test_the_dated_index_goes_on_while_links_are_that_day_or_the_day_before():
    assert created_at(BATU_BARA) == datetime(2026, 10, 31, 8, 36, 50, tzinfo=JAKARTA)
    links = [Link(BATU_BARA)]
    assert still_that_day(links, date(2026, 10, 31))
    assert still_that_day(links, date(2026, 11, 1))
    assert not still_that_day(links, date(2026, 11, 2))
    assert not still_that_day(links, None)


def test_replayed_crawl(tmp_path):
    result = replay_crawl(
        "cnbcindonesia", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    )
    records = result.checked_records("cnbcindonesia")
    assert [record["url"] for record in records] == [BATU_BARA]
    assert records[0]["parser"] == "cnbcindonesia/v2"
    assert result.stats["newscrawl/dropped/not_an_article"] == 1  # the video
