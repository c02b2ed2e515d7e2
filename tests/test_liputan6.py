"""liputan6: index pages, multi-page articles, non-article URLs and a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newscrawl.page import Page
from newscrawl.parsers.liputan6 import Liputan6V1, Liputan6V2, Liputan6V3, listing_links
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "liputan6"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
DAY_30 = "https://www.liputan6.com/indeks/2026/10/30"
BERAS = "https://www.liputan6.com/bisnis/read/6011502/harga-beras-medium-naik-di-12-provinsi-bapanas-siapkan-operasi-pasar"
LLAJ = "https://www.liputan6.com/news/read/6011120/dpr-sahkan-revisi-uu-lalu-lintas-ini-lima-poin-pentingnya"


def page(path: Path, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes(path.read_bytes(), url, fetched)


# -- index pages -------------------------------------------------------------------


def test_real_2016_index_lists_every_item_with_its_time(shared_pages: Path) -> None:
    index = page(shared_pages / "liputan6/indeks-2016.html", "http://www.liputan6.com/indeks")
    links = listing_links(index)
    # 20 rows in #indeks-articles; the mega-menu headlines and widgets are not items.
    assert len(links) == 20
    first, last = links[0], links[-1]
    assert (
        first.url
        == "http://showbiz.liputan6.com/read/2437019/london-love-story-tembus-800-ribu-penonton-ini-rahasianya"
    )
    assert first.published == datetime.fromisoformat("2016-02-16T09:20:00+07:00")
    assert first.title == "London Love Story Tembus 800 Ribu Penonton, Ini Rahasianya"
    assert (
        last.url
        == "http://photo.liputan6.com/hollywood/tampil-nyentrik-lady-gaga-gokil-dengan-rambut-oranye-di-grammy-awards-2437230"
    )
    assert last.published == datetime.fromisoformat("2016-02-16T08:38:42+07:00")
    assert all(link.published is not None for link in links)
    # The tekno article saved beside this index is listed at its true WIB time.
    tri = next(link for link in links if "/read/2436773/" in link.url)
    assert tri.published == datetime.fromisoformat("2016-02-16T09:10:56+07:00")


def test_fixture_index_pages_and_their_end() -> None:
    first = listing_links(page(HERE / "index/indeks-2026-10-30.html", DAY_30))
    assert [link.url for link in first] == [
        "https://www.liputan6.com/regional/read/6012345/banjir-rob-genangi-pesisir-makassar-ratusan-warga-mengungsi",
        "https://www.liputan6.com/photo/read/6011677/foto-warna-warni-festival-layang-layang-di-pantai-padang-galak",
        BERAS,
    ]
    assert first[0].published == datetime.fromisoformat("2026-10-30T19:30:00+07:00")
    assert first[0].title == "Banjir Rob Genangi Pesisir Makassar, Ratusan Warga Mengungsi"
    assert first[-1].published == datetime.fromisoformat("2026-10-30T14:05:00+07:00")
    second = listing_links(page(HERE / "index/indeks-2026-10-30-p2.html", DAY_30 + "?page=2"))
    assert [link.url for link in second] == [BERAS, LLAJ]
    assert listing_links(page(HERE / "index/indeks-2026-10-30-p3.html", DAY_30 + "?page=3")) == []


def test_relative_index_times_resolve_against_the_fetch_time() -> None:
    html = (HERE / "index/indeks-2026-10-30.html").read_text("utf-8")
    # Without the machine time, only the timeago text ("2 jam yang lalu") is left.
    html = re.sub(r' datetime="[^"]+"', "", html)
    html = re.sub(r">30 Okt 2026, \d\d:\d\d</time>", ">2 jam yang lalu</time>", html)
    fetched = datetime(2026, 10, 30, 13, 0, tzinfo=UTC)
    links = listing_links(Page(html, DAY_30, fetched))
    assert len(links) == 3
    assert {link.published for link in links} == {fetched - timedelta(hours=2)}
    assert links[0].published.utcoffset() == timedelta(hours=7)  # type: ignore[union-attr]


def test_index_rows_outside_the_2016_containers() -> None:
    # Later indexes: bare article rows; the link and title carry data-template-var.
    row = (
        '<article class="articles--rows--item" data-channel-slug="{slug}">'
        '<a data-template-var="url" href="{href}"><span data-template-var="title">{title}</span></a>'
        '<time datetime="{time}">{time}</time></article>'
    )
    html = (
        "<html><body><div class='articles--rows'>"
        + row.format(
            slug="bisnis", href=BERAS, title="Harga Beras Naik", time="2026-10-30T14:05:00+07:00"
        )
        + row.format(slug="news", href="/news/read/6011120/dpr-sahkan", title="DPR", time="")
        + "</div></body></html>"
    )
    links = listing_links(Page(html, DAY_30, FETCHED))
    assert [link.url for link in links] == [
        BERAS,
        "https://www.liputan6.com/news/read/6011120/dpr-sahkan",
    ]
    assert links[0].title == "Harga Beras Naik"
    assert links[0].published == datetime.fromisoformat("2026-10-30T14:05:00+07:00")
    assert links[1].published is None


# -- headlines, datelines and multi-page articles --------------------------------------


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Harga Beras Naik - Bisnis Liputan6.com", "Harga Beras Naik"),
        (
            "Soeharto Diusulkan Jadi Pahlawan Nasional - Page 3",
            "Soeharto Diusulkan Jadi Pahlawan Nasional",
        ),
        ("Tahun 2026 - Tahun Politik", "Tahun 2026 - Tahun Politik"),
    ],
)
def test_title_suffixes_are_removed(title: str, headline: str) -> None:
    html = f"<html><head><title>{title}</title></head><body><p>x</p></body></html>"
    assert Liputan6V3(Page(html, LLAJ, FETCHED)).headline() == headline


def test_a_bold_dateline_without_its_dash_ends_at_the_bold() -> None:
    body = (
        "<div class='read-page__content-body'><p><b>Liputan6.com, Banda Aceh</b> "
        "<a href='/tag/x'>Gempa</a> mengguncang pagi ini.</p>"
        "<p><strong>Liputan6.com, Jakarta</strong> tetap di paragraf kedua.</p></div>"
    )
    parsed = Liputan6V2(Page(f"<html><body>{body}</body></html>", LLAJ, FETCHED)).body()
    assert parsed.dateline == "Banda Aceh"
    assert parsed.paragraphs == [
        "Gempa mengguncang pagi ini.",
        "Liputan6.com, Jakarta tetap di paragraf kedua.",
    ]


# -- multi-page articles and non-article URLs --------------------------------------------


def test_a_document_holding_every_page_needs_no_more_fetches() -> None:
    whole = page(HERE / "articles/2026-bisnis-harga-beras-multipage.html", BERAS)
    assert Liputan6V3.detect(whole)
    parser = Liputan6V3(whole)
    assert parser.page_urls() == []
    assert "Stok Bulog Dipastikan Aman hingga Akhir Tahun" in parser.body().text
    gallery = page(HERE / "articles/2026-photo-festival-layang-layang.html", BERAS)
    assert Liputan6V3(gallery).page_urls() == []


def test_pages_missing_from_the_document_are_fetched_in_order() -> None:
    first = page(HERE / "articles/2026-news-revisi-uu-llaj-p1.html", LLAJ)
    assert Liputan6V3(first).page_urls() == [f"{LLAJ}?page=2", f"{LLAJ}?page=3"]
    # Fetched from page 2 ("2 dari 3 halaman"), it lacks page 1 and page 3.
    second = page(HERE / "articles/2026-news-revisi-uu-llaj-p2.html", f"{LLAJ}?page=2")
    assert Liputan6V3(second).page_urls() == [LLAJ, f"{LLAJ}?page=3"]


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("https://www.liputan6.com/news/read/6011120/dpr-sahkan-revisi-uu", False),
        ("http://photo.liputan6.com/read/2437240/panggung-penghormatan-lionel-richie", False),
        ("http://photo.liputan6.com/musik/hadiri-grammy-awards-2016-2437247", True),
        ("http://video.liputan6.com/news/video-murid-dipukul-guru-2437225", True),
        ("https://www.liputan6.com/photo/read/6011677/foto-festival-layang-layang", True),
        ("https://www.liputan6.com/tag/banjir-rob", True),
        ("https://www.liputan6.com/news/read/6012999/infografis-jumlah-pemudik-2026", True),
        ("https://www.liputan6.com/news/video/6012999/banjir-bekasi", True),
    ],
)
def test_non_article_urls(url: str, refused: bool) -> None:
    pattern = Liputan6V1.not_article_url
    assert pattern is not None
    assert bool(pattern.search(url)) is refused


# -- a replayed crawl ----------------------------------------------------------------------


def test_replayed_crawl_of_two_index_days(tmp_path: Path) -> None:
    result = replay_crawl(
        "liputan6", tmp_path, args=("-a", "since=2026-10-30", "-a", "until=2026-10-31")
    )
    records = result.checked_records("liputan6")
    urls = [record["url"] for record in records]
    assert set(urls) == {
        BERAS,
        LLAJ,
        "https://www.liputan6.com/regional/read/6012345/banjir-rob-genangi-pesisir-makassar-ratusan-warga-mengungsi",
        "https://www.liputan6.com/showbiz/read/6012877/tiket-konser-reuni-band-legendaris-ludes-dalam-15-menit",
    }
    by_url = {record["url"]: record for record in records}
    # The split article was followed to ?page=3; the whole one needed no extra fetch.
    assert "aturan turunan dari undang-undang tersebut" in by_url[LLAJ]["body"]
    assert "Pasokan dari gudang kami terus mengalir" in by_url[BERAS]["body"]
    # The gallery (by URL) and the video post (by its content type) are refused.
    assert result.stats["newscrawl/dropped/not_an_article"] == 2
    # The beras article is listed on two index pages but fetched once.
    assert result.stats["dupefilter/filtered"] == 1
