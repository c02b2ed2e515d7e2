"""merdeka: layout versions, v2's false machine offsets, desk codes, URLs, a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.outlet import outlet_named
from newscrawl.page import Page
from newscrawl.parsers.merdeka import MerdekaV1, MerdekaV2, MerdekaV3
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "merdeka"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
DEMAK = (
    "https://www.merdeka.com/peristiwa/"
    "banjir-rob-rendam-ratusan-rumah-di-pesisir-demak-warga-mulai-mengungsi-584731-mvk.html"
)
CABAI = (
    "https://m.merdeka.com/uang/"
    "harga-cabai-rawit-melonjak-dua-kali-lipat-pedagang-pasar-mengeluh-sepi-pembeli.html"
)
GUANTANAMO = (
    "http://www.merdeka.com/peristiwa/"
    "kisah-penjaga-penjara-guantanamo-yang-beralih-memeluk-islam.html"
)


def page(path: Path, url: str) -> Page:
    return Page.from_bytes(path.read_bytes(), url, FETCHED)


def test_each_layout_is_read_by_its_version(shared_pages: Path) -> None:
    assert (
        choose_parser(page(shared_pages / "merdeka/2015-peristiwa-guantanamo.html", GUANTANAMO))
        is MerdekaV1
    )
    cabai = page(HERE / "articles/2021-uang-harga-cabai-all-pages.html", CABAI)
    assert choose_parser(cabai) is MerdekaV2
    demak = page(HERE / "articles/2026-peristiwa-banjir-rob-demak.html", DEMAK)
    assert choose_parser(demak) is MerdekaV3


def test_v2_machine_dates_are_wib_wall_clocks_whatever_offset_they_print() -> None:
    html = (HERE / "articles/2021-uang-harga-cabai-all-pages.html").read_text("utf-8")
    parser = MerdekaV2(Page(html, CABAI, FETCHED))
    # "2021-10-27T14:20:11-07:00" on a page that shows "27 Oktober 2021 14:20" (WIB).
    assert parser.published_at() == datetime.fromisoformat("2021-10-27T14:20:11+07:00")
    # A meta stating the true instant of the date line is taken as it is.
    utc = html.replace("2021-10-27T14:20:11-07:00", "2021-10-27T07:20:00Z")
    assert MerdekaV2(Page(utc, CABAI, FETCHED)).published_at() == datetime.fromisoformat(
        "2021-10-27T14:20:00+07:00"
    )
    # Without the metas, the date line stands.
    bare = re.sub(r'<meta (?:name="pubdate"|property="article:[a-z_]+_time")[^>]*>', "", html)
    assert MerdekaV2(Page(bare, CABAI, FETCHED)).published_at() == datetime.fromisoformat(
        "2021-10-27T14:20:00+07:00"
    )


@pytest.mark.parametrize(
    ("box", "code"),
    [("[ian]", "ian"), ("[did/ren]", "did/ren"), ("Baca juga", None), ("", None)],
)
def test_v1_desk_code_in_square_brackets(box: str, code: str | None) -> None:
    html = (
        "<html><body><div id='mdk-body-news'><h1>Judul berita yang cukup panjang</h1>"
        "<div id='mdk-body-newsarea'><p><b>Merdeka.com - </b>Isi berita pertama.</p>"
        f"<div id='mdk-body-newsinit'>{box}</div></div></div></body></html>"
    )
    body = MerdekaV1(Page(html, GUANTANAMO, FETCHED)).body()
    assert body.editor_code == code
    assert body.paragraphs == ["Isi berita pertama."]


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (DEMAK, False),
        (GUANTANAMO, False),
        ("https://www.merdeka.com/foto/peristiwa/1234567/banjir-rob.html", True),
        ("https://www.merdeka.com/tag/banjir-rob", True),
        ("https://www.merdeka.com/reporter/rasyid-pramudita/", True),
        ("https://www.merdeka.com/berita-hari-ini/", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = MerdekaV1.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


@pytest.mark.parametrize(
    ("path", "article"),
    [
        ("/peristiwa/banjir-rob-rendam-584731-mvk.html", True),
        ("/uang/harga-cabai-rawit-melonjak.html", True),
        ("/peristiwa/", False),
        ("/tag/banjir-rob", False),
    ],
)
def test_listing_article_url_shape(path: str, article: bool) -> None:
    assert bool(re.search(outlet_named("merdeka").article_url, path)) is article


def test_replayed_crawl_reads_the_feed_and_asks_for_the_one_page_view(tmp_path: Path) -> None:
    result = replay_crawl("merdeka", tmp_path)
    records = result.checked_records("merdeka")
    assert [record["url"] for record in records] == [DEMAK]
    assert records[0]["parser"] == "merdeka/v3"
    assert records[0]["editor_code"] == "mdk/yul"
    assert "newscrawl/dropped/http_404" not in result.stats
