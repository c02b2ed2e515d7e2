"""viva: layout versions, v1 captions, index pages old and new, URLs, a replayed crawl."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.page import Page
from newscrawl.parsers.viva import VivaV1, VivaV2, listing_links
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "viva"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
KERETA = (
    "https://www.viva.co.id/berita/nasional/"
    "1873456-kereta-cepat-jakarta-surabaya-mulai-uji-trase-di-cirebon"
)
TAYLOR = (
    "http://life.viva.co.id/showbiz/read/"
    "736460-taylor-swift-standing-ovation-untuk-pianis-cilik-indonesia"
)


def page(path: Path, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes(path.read_bytes(), url, fetched)


def test_each_layout_is_read_by_its_version(shared_pages: Path) -> None:
    assert choose_parser(page(shared_pages / "viva/2016-life-taylor-swift.html", TAYLOR)) is VivaV1
    today = page(HERE / "articles/2026-berita-nasional-kereta-cepat.html", KERETA)
    assert choose_parser(today) is VivaV2


def test_v1_centred_italic_lines_under_images_are_captions(shared_pages: Path) -> None:
    parser = VivaV1(page(shared_pages / "viva/2016-life-taylor-swift.html", TAYLOR))
    assert "Foto: Grammy" not in parser.body().text
    captions = [image["caption"] for image in parser.images()[1:]]
    assert captions == [
        "Taylor Swift memberikan standing ovation untuk Joey Alexander. Foto: Grammy",
        "Bruno Mars memberikan standing ovation untuk Joey Alexander. Foto: Grammy",
    ]


def test_an_italic_paragraph_without_an_image_above_stays_in_the_body() -> None:
    html = (
        "<html><body><article class='article-detail'><span itemprop='articleBody'>"
        "<div>Paragraf pertama.</div>"
        "<div style='text-align: center;'><em>Kutipan yang dicetak miring.</em></div>"
        "</span></article></body></html>"
    )
    body = VivaV1(Page(html, TAYLOR, FETCHED)).body()
    assert body.paragraphs == ["Paragraf pertama.", "Kutipan yang dicetak miring."]


def test_the_real_2016_index(shared_pages: Path) -> None:
    links = listing_links(
        page(
            shared_pages / "viva/indeks-2016.html",
            "http://www.viva.co.id/indeks",
            datetime(2016, 2, 16, 6, tzinfo=UTC),
        )
    )
    assert len(links) == 20
    assert links[0].url == (
        "http://life.viva.co.id/style/read/736450-desain-tas-nyeleneh-dengan-bentuk-ikan-mas"
    )
    assert links[0].published == datetime.fromisoformat("2016-02-16T12:55:00+07:00")
    assert links[0].title == "Desain Tas Nyeleneh dengan Bentuk Ikan Mas"


def test_todays_index_leaves_videos_out() -> None:
    links = listing_links(page(HERE / "index/indeks.html", "https://www.viva.co.id/indeks"))
    assert [link.url for link in links] == [KERETA]
    assert links[0].published == datetime.fromisoformat("2026-11-01T06:15:00+07:00")


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (KERETA, False),
        (TAYLOR, False),
        ("https://www.viva.co.id/video/berita/1873420-detik-detik-uji-trase", True),
        ("http://foto.viva.co.id/read/12345-banjir-jakarta", True),
        ("https://www.viva.co.id/tag/kereta-cepat", True),
        ("https://www.viva.co.id/indeks", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = VivaV1.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


def test_replayed_crawl_walks_the_index_and_asks_for_the_one_page_view(tmp_path: Path) -> None:
    result = replay_crawl(
        "viva", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-11-01")
    )
    records = result.checked_records("viva")
    assert [record["url"] for record in records] == [KERETA]
    assert records[0]["dateline"] == "Cirebon"
    assert len(records[0]["baca_juga"]) == 2
