"""kapanlagi: layout versions, "Jangan Lewatkan" lists, caption boxes, the feed, a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.discover.discovery import feed_links
from newscrawl.outlet import outlet_named
from newscrawl.page import Page
from newscrawl.parsers.kapanlagi import KapanlagiV1, KapanlagiV2
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "kapanlagi"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
TABIR = (
    "https://www.kapanlagi.com/showbiz/film/indonesia/"
    "tembus-850-ribu-penonton-di-pekan-pertama-pemain-tabir-senja-gelar-syukuran-7c2e19.html"
)
BRANDON = (
    "http://www.kapanlagi.com/showbiz/film/indonesia/"
    "brandon-salim-makin-dekat-dengan-sivia-blink-di-heart-beat-82f43b.html"
)


def test_each_layout_is_read_by_its_version(shared_pages: Path) -> None:
    old = Page.from_bytes(
        (shared_pages / "kapanlagi/2016-brandon-salim.html").read_bytes(), BRANDON, FETCHED
    )
    assert choose_parser(old) is KapanlagiV1
    today = Page.from_bytes(
        (HERE / "articles/2026-showbiz-film-tabir-senja.html").read_bytes(), TABIR, FETCHED
    )
    assert choose_parser(today) is KapanlagiV2


@pytest.mark.parametrize("heading", ["Jangan Lewatkan", "JANGAN LEWATKAN!!!", "Baca Juga"])
def test_a_heading_over_links_gives_related_links(heading: str) -> None:
    html = (
        "<html><body><h1 class='entertainment-newsdetail-title-new'>Judul</h1>"
        "<div class='entertainment-detail-news'><b>Kapanlagi.com</b> - Isi berita.<p><p>"
        f"<h2>{heading}</h2><a href='/showbiz/a-1a2b3c.html'>Berita A</a><br />"
        "<a href='http://musik.kapanlagi.com/berita/b-4d5e6f.html'>Berita B</a><br /><p><p>"
        " <b>(kpl/abc)</b></div></body></html>"
    )
    body = KapanlagiV1(Page(html, BRANDON, FETCHED)).body()
    assert body.paragraphs == ["Isi berita."]
    assert body.baca_juga == [
        {"title": "Berita A", "url": "http://www.kapanlagi.com/showbiz/a-1a2b3c.html"},
        {"title": "Berita B", "url": "http://musik.kapanlagi.com/berita/b-4d5e6f.html"},
    ]
    assert body.editor_code == "kpl/abc"


def test_a_heading_that_is_body_text_stays() -> None:
    html = (
        "<html><body><div class='entertainment-detail-news'><b>Kapanlagi.com</b> - Isi.<p><p>"
        "<h2>Jangan lewatkan konser ini</h2>Paragraf berikutnya.</div></body></html>"
    )
    body = KapanlagiV1(Page(html, BRANDON, FETCHED)).body()
    assert body.paragraphs == ["Isi.", "Jangan lewatkan konser ini", "Paragraf berikutnya."]
    assert body.baca_juga == []


def test_bold_words_inside_a_sentence_are_no_heading() -> None:
    html = (
        "<html><body><div class='entertainment-detail-news'><b>Kapanlagi.com</b> - Isi.<p><p>"
        "<p>Film <b>Jangan Lewatkan</b> tayang pekan depan, kata <a href='/a-1a2b3c.html'>"
        "sutradaranya</a> di Jakarta.</p></div></body></html>"
    )
    body = KapanlagiV1(Page(html, BRANDON, FETCHED)).body()
    assert (
        body.paragraphs[-1]
        == "Film Jangan Lewatkan tayang pekan depan, kata sutradaranya di Jakarta."
    )
    assert body.baca_juga == []


def test_caption_boxes_caption_their_image_and_leave_the_body() -> None:
    parser = KapanlagiV2(
        Page.from_bytes(
            (HERE / "articles/2026-showbiz-film-tabir-senja.html").read_bytes(), TABIR, FETCHED
        )
    )
    assert "memotong tumpeng" not in parser.body().text
    captions = {image["url"]: image["caption"] for image in parser.images()}
    assert captions["https://cdns.klimg.com/resized/476x/p/tabir_senja-20261030-003-bayu.jpg"] == (
        "Rendra Wibisono memotong tumpeng bersama para pemain/©KapanLagi.com®/Bayu Herdianto"
    )


def test_the_real_2015_feed_lists_its_items_in_wib(shared_pages: Path) -> None:
    links = feed_links((shared_pages / "kapanlagi/rss-2016.xml").read_bytes())
    assert len(links) == 3
    assert links[0].published == datetime.fromisoformat("2015-11-05T12:45:00+07:00")
    pattern = re.compile(outlet_named("kapanlagi").article_url)
    assert all(pattern.search(link.url) for link in links)


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (TABIR, False),
        ("http://musik.kapanlagi.com/berita/beri-pujian-buat-blink-548cbf.html", False),
        ("https://www.kapanlagi.com/foto/berita-foto/indonesia/6-potret-syukuran.html", True),
        ("https://video.kapanlagi.com/showbiz/trailer-tabir-senja", True),
        ("https://www.kapanlagi.com/ragam/tag-populer/film_indonesia_2015.html", True),
        ("https://lirik.kapanlagi.com/artis/gwen-stefani/ache/", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = KapanlagiV1.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


def test_replayed_crawl_of_the_feed(tmp_path: Path) -> None:
    result = replay_crawl("kapanlagi", tmp_path)
    records = result.checked_records("kapanlagi")
    assert [record["url"] for record in records] == [TABIR]
    assert records[0]["baca_juga"][0]["title"] == "Trailer 'TABIR SENJA' Dirilis, Bikin Merinding"
    # The photo story the feed lists is no article URL: skipped and counted, not fetched.
    assert result.stats["newscrawl/links_skipped/not_article_url"] == 1
    assert "newscrawl/dropped/not_an_article" not in result.stats
