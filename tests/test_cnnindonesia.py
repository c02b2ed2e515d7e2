"""cnnindonesia: index pages, discovery, layout-specific parsing, and a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newscrawl import parse_article
from newscrawl.api import choose_parser
from newscrawl.dates import JAKARTA
from newscrawl.discover.loader import spider_class
from newscrawl.discover.outlet_spider import OutletSpider
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.cnnindonesia import (
    CnnIndonesiaV0,
    CnnIndonesiaV1,
    listing_links,
    next_index_page,
)
from newscrawl.parsers.transmedia import created_at
from tests.cases import FIXTURES
from tests.crawl import replay_crawl


def make_spider(**kwargs: str) -> OutletSpider:
    spider = spider_class("cnnindonesia")
    crawler = get_crawler(spider, {"NEWSCRAWL_STATE": ""})
    return spider.from_crawler(crawler, **kwargs)


#: The dated index among the outlet's sources.
DATED_INDEX = 2


def parse_index(spider: OutletSpider, response: HtmlResponse, day: date) -> list[Request]:
    return list(
        spider.parse_index_source(
            response, DATED_INDEX, "www.cnnindonesia.com", day, page=1, hub=False
        )
    )


CNN = FIXTURES / "cnnindonesia"
WIB = timezone(timedelta(hours=7))
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
# The real index was rendered at 2025-10-25 22:25:27 WIB: every item carries that time in an
# HTML comment ("10 menit yang lalu<!--2025-10-25 22:25:27-->") and the live-counter script
# is cache-busted with ?v=2025102522. It is the fetch time used for the real page.
REAL_FETCHED = datetime(2025, 10, 25, 22, 25, 27, tzinfo=WIB)
SITE = "https://www.cnnindonesia.com"
SEPEDA = (
    f"{SITE}/nasional/20261031094512-20-1412288/"
    "pemprov-dki-uji-coba-jalur-sepeda-terlindung-di-jakarta-timur"
)
PERSEBAYA = f"{SITE}/olahraga/20261031193301-142-1412377/persebaya-tundukkan-arema-fc-2-1-di-gelora-bung-tomo"
JANTUNG = f"{SITE}/gaya-hidup/20261031145020-255-1412330/7-kebiasaan-pagi-yang-bantu-jaga-kesehatan-jantung"
TV = f"{SITE}/tv/20261031211502-404-1412401/video-warga-padati-festival-kuliner-nusantara-di-monas"
FOTO = f"{SITE}/internasional/20261031121844-115-1412310/foto-kabut-asap-selimuti-kota-new-delhi"
GEMPA = f"{SITE}/teknologi/20251104133015-199-1290412/bmkg-pasang-sensor-gempa-baru-di-selat-sunda"
IRIGASI = (
    f"{SITE}/nasional/20180314150503-20-282716/"
    "warga-bantul-gotong-royong-bersihkan-saluran-irigasi-jelang-tanam"
)
PASAR_IKAN = (
    f"{SITE}/ekonomi/20170623120212-92-223741/pasar-ikan-modern-muara-baru-mulai-beroperasi-agustus"
)
LAMPION = f"{SITE}/internasional/20191112081540-117-447801/foto-ribuan-lampion-terangi-sungai-di-chiang-mai"


def fixture_page(path: str, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes((CNN / path).read_bytes(), url, fetched)


def real_index(shared_pages, fetched: datetime = REAL_FETCHED) -> Page:
    body = (shared_pages / "cnnindonesia" / "indeks-20251027.html").read_bytes()
    return Page.from_bytes(body, f"{SITE}/indeks", fetched)


# -- index pages ---------------------------------------------------------------------


def test_real_indeks_links_and_dates(shared_pages):
    links = listing_links(real_index(shared_pages))
    # 34 <article> elements: 24 are the menus' loading skeletons (href="#"), 10 are the list.
    assert len(links) == 10
    first, last = links[0], links[-1]
    assert first.url == (
        f"{SITE}/internasional/20251024112608-139-1288007/"
        "video-detik-detik-sopir-taksi-turki-selamat-dari-longsoran-batu"
    )
    assert first.title == "VIDEO: Detik-detik Sopir Taksi Turki Selamat dari Longsoran Batu"
    assert first.published == datetime(2025, 10, 25, 22, 15, 27, tzinfo=WIB)  # 10 menit
    assert links[1].published == datetime(2025, 10, 25, 21, 56, 27, tzinfo=WIB)  # 29 menit
    assert links[3].published == datetime(2025, 10, 25, 21, 30, 27, tzinfo=WIB)  # 55 menit
    assert last.url == (
        f"{SITE}/tv/20251025175148-404-1288440/"
        "video-menko-pm-dorong-lulusan-smk-tembus-pasar-internasional"
    )
    assert last.title == "VIDEO: Menko PM Dorong Lulusan SMK Tembus Pasar Internasional"
    assert last.published == datetime(2025, 10, 25, 21, 25, 27, tzinfo=WIB)  # 1 jam
    assert [link.published for link in links] == sorted(
        (link.published for link in links if link.published), reverse=True
    )


def test_real_indeks_times_are_never_before_the_url_creation_stamp(shared_pages):
    # The URL's YYYYMMDDhhmmss is when the article was created, so the publication a
    # relative time points to can't be earlier: a check that the fetch time chosen is sane.
    links = listing_links(real_index(shared_pages))
    assert created_at(links[1].url) == datetime(2025, 10, 25, 21, 51, 25, tzinfo=WIB)
    for link in links:
        created = created_at(link.url)
        assert created and link.published
        assert link.published >= created, link.url


def test_real_indeks_relative_times_resolve_against_the_fetch_time(shared_pages):
    later = REAL_FETCHED + timedelta(hours=2, minutes=3)
    now_links = listing_links(real_index(shared_pages))
    later_links = listing_links(real_index(shared_pages, later))
    assert [link.url for link in now_links] == [link.url for link in later_links]
    for early, late in zip(now_links, later_links, strict=True):
        assert early.published and late.published
        assert late.published - early.published == timedelta(hours=2, minutes=3)


def test_real_indeks_next_page(shared_pages):
    assert next_index_page(real_index(shared_pages)) == f"{SITE}/indeks/2?page=2"


def test_dated_indeks_fixture_pages():
    first = fixture_page("discovery/indeks-2026-10-31-page1.html", f"{SITE}/indeks?date=2026/10/31")
    links = listing_links(first)
    assert [link.url for link in links] == [TV, PERSEBAYA, JANTUNG, FOTO]
    # Fetched 2026-11-01 07:00 WIB: "9 jam yang lalu" ... "18 jam yang lalu".
    assert [link.published for link in links] == [
        datetime(2026, 10, 31, hour, tzinfo=JAKARTA) for hour in (22, 20, 16, 13)
    ]
    assert next_index_page(first) == f"{SITE}/indeks/2?date=2026/10/31&page=2"
    second = fixture_page(
        "discovery/indeks-2026-10-31-page2.html", f"{SITE}/indeks/2?date=2026/10/31&page=2"
    )
    assert [(link.url, link.published) for link in listing_links(second)] == [
        (SEPEDA, datetime(2026, 10, 31, 11, tzinfo=JAKARTA))
    ]
    assert next_index_page(second) is None


# -- discovery -----------------------------------------------------------------------


def test_discovery_walks_the_dated_index_day_by_day():
    spider = make_spider(since="2026-10-30", until="2026-11-01")
    assert list(spider.days()) == [date(2026, 10, 30), date(2026, 10, 31), date(2026, 11, 1)]
    assert [r.url for r in spider.discover()] == [
        f"{SITE}/rss",
        f"{SITE}/indeks?date=2026/10/30",
        f"{SITE}/indeks?date=2026/10/31",
        f"{SITE}/indeks?date=2026/11/01",
    ]
    today = datetime.now(JAKARTA).date()
    assert list(make_spider(since=today.isoformat()).days()) == [today]


def test_discovery_without_bounds_reads_the_feed_and_the_latest_index():
    assert [r.url for r in make_spider().discover()] == [f"{SITE}/rss", f"{SITE}/indeks"]


def _index_response(path: str, url: str) -> HtmlResponse:
    return HtmlResponse(url, body=(CNN / path).read_bytes(), request=Request(url))


def test_dated_index_pages_on_while_its_links_are_from_that_day():
    spider = make_spider(since="2026-10-31", until="2026-10-31")
    url = f"{SITE}/indeks?date=2026/10/31"
    response = _index_response("discovery/indeks-2026-10-31-page1.html", url)
    followed = [r.url for r in parse_index(spider, response, date(2026, 10, 31))]
    assert followed == [TV, PERSEBAYA, JANTUNG, FOTO, f"{SITE}/indeks/2?date=2026/10/31&page=2"]
    # Served for 5 November, links created on 31 October mean that day's list is done.
    followed = [r.url for r in parse_index(spider, response, date(2026, 11, 5))]
    assert followed == [TV, PERSEBAYA, JANTUNG, FOTO]
    last = _index_response("discovery/indeks-2026-10-31-page2.html", f"{url}&page=2")
    assert [r.url for r in parse_index(spider, last, date(2026, 10, 31))] == [SEPEDA]


# -- parsing details -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("Jakarta, CNN Indonesia -- Presiden tiba", "Jakarta"),
        ("Jakarta, CNN Indonesia — Presiden tiba", "Jakarta"),
        ("Banda Aceh, CNN Indonesia -- Presiden tiba", "Banda Aceh"),
        ("CNN Indonesia -- Presiden tiba", None),
    ],
)
def test_dateline_forms(first_paragraph, place):
    assert CnnIndonesiaV1.dateline is not None
    match = CnnIndonesiaV1.dateline.match(first_paragraph)
    assert match is not None
    assert first_paragraph[match.end() :] == "Presiden tiba"
    groups = match.groupdict()
    assert (groups.get("place") or groups.get("place2")) == place


def test_page_urls_are_the_numbered_pages_in_order():
    first = CnnIndonesiaV1(
        fixture_page("articles/2026-gaya-hidup-kebiasaan-jantung-1.html", JANTUNG)
    )
    assert first.page_urls() == [f"{JANTUNG}/2", f"{JANTUNG}/3"]
    single = CnnIndonesiaV1(fixture_page("articles/2026-nasional-jalur-sepeda.html", SEPEDA))
    assert single.page_urls() == []


def _edited(path: str, old: str, new: str) -> bytes:
    html = (CNN / path).read_text("utf-8")
    assert old in html
    return html.replace(old, new).encode("utf-8")


def test_visible_date_line_when_json_ld_is_missing():
    html = (CNN / "articles/2026-gaya-hidup-kebiasaan-jantung-1.html").read_text("utf-8")
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    record = parse_article(html.encode("utf-8"), JANTUNG, FETCHED)
    # "Sabtu, 31 Okt 2026 15:10 WIB"; without dateModified there is no update.
    assert record["published_at"] == "2026-10-31T15:10:00+07:00"
    assert record["updated_at"] is None
    assert record["headline"] == "7 Kebiasaan Pagi yang Bantu Jaga Kesehatan Jantung"


def test_a_video_title_in_a_news_kanal_is_not_an_article():
    old = "Pemprov DKI Uji Coba Jalur Sepeda Terlindung di Jakarta Timur"
    html = _edited("articles/2026-nasional-jalur-sepeda.html", old, f"VIDEO: {old}")
    with pytest.raises(NotAnArticle):
        parse_article(html, SEPEDA, FETCHED)


def test_a_title_merely_starting_with_foto_is_an_article():
    old = "Pemprov DKI Uji Coba Jalur Sepeda Terlindung di Jakarta Timur"
    html = _edited("articles/2026-nasional-jalur-sepeda.html", old, "Foto Jalur Sepeda Viral")
    assert parse_article(html, SEPEDA, FETCHED)["headline"] == "Foto Jalur Sepeda Viral"


@pytest.mark.parametrize(
    ("path", "url", "version"),
    [
        ("articles/2017-ekonomi-pasar-ikan.html", PASAR_IKAN, CnnIndonesiaV0),
        ("articles/2018-nasional-irigasi-bantul.html", IRIGASI, CnnIndonesiaV0),
        ("articles/2025-teknologi-sensor-gempa.html", GEMPA, CnnIndonesiaV1),
        ("articles/2026-nasional-jalur-sepeda.html", SEPEDA, CnnIndonesiaV1),
    ],
)
def test_each_layout_has_its_version(path, url, version):
    assert choose_parser(fixture_page(path, url)) is version


def test_tags_fall_back_to_the_keywords_meta():
    # Same tags in the keywords meta; the singular "keyword" of 2017 pages too.
    html = re.sub(
        r'<div class="detail_tag">.*?</div>', "", _read("2018-nasional-irigasi-bantul"), flags=re.S
    )
    assert parse_article(html, IRIGASI, FETCHED)["tags"] == ["irigasi", "bantul", "petani"]
    html = re.sub(
        r'<div class="list-topik-terkait">.*?</div>',
        "",
        _read("2017-ekonomi-pasar-ikan"),
        flags=re.S,
    )
    assert parse_article(html, PASAR_IKAN, FETCHED)["tags"] == ["pasar ikan", "muara baru", "kkp"]
    html = re.sub(r"<aside.*?</aside>", "", _read("2025-teknologi-sensor-gempa"), flags=re.S)
    tags = parse_article(html, GEMPA, FETCHED)["tags"]
    assert tags == ["bmkg", "gempa", "selat sunda", "tsunami"]


def test_the_byline_names_the_reporter_when_json_ld_names_the_brand():
    html = _edited(
        "articles/2025-teknologi-sensor-gempa.html", '"name": ""', '"name": "CNN Indonesia"'
    )
    assert parse_article(html, GEMPA, FETCHED)["authors"] == ["Dinda Maharani"]
    # A brand-only byline is nobody: "CNN Indonesia | Jumat, 23/06/2017 13:37 WIB".
    assert parse_article(_read("2017-ekonomi-pasar-ikan"), PASAR_IKAN, FETCHED)["authors"] == []


def test_the_content_type_alone_marks_galleries_and_videos():
    html = _edited(
        "articles/2019-internasional-foto-festival-lampion.html",
        "FOTO: Ribuan Lampion",
        "Ribuan Lampion",
    )
    with pytest.raises(NotAnArticle, match="multiplefotophoto"):
        parse_article(html, LAMPION, FETCHED)
    html = _edited(
        "articles/2026-nasional-jalur-sepeda.html", '"singlepagenews"', '"singlepagevideo"'
    )
    with pytest.raises(NotAnArticle, match="singlepagevideo"):
        parse_article(html, SEPEDA, FETCHED)


def test_the_preferred_source_button_is_not_text_and_the_code_is_peeled():
    record = parse_article(_read("2025-teknologi-sensor-gempa"), GEMPA, FETCHED)
    assert record["editor_code"] == "dmh/dmi"
    assert "preferred source" not in record["body"]
    assert "pic.twitter.com" not in record["body"]  # the embedded tweet
    assert "VIDEO: BMKG Uji Sirine" not in record["body"]  # the related-video embed


def _read(name: str) -> str:
    return (CNN / "articles" / f"{name}.html").read_text("utf-8")


# -- a replayed crawl ------------------------------------------------------------------


def test_replayed_crawl(tmp_path):
    result = replay_crawl(
        "cnnindonesia", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    )
    records = result.checked_records("cnnindonesia")
    urls = [record["url"] for record in records]
    # The RSS feed repeats two index links and adds a 1 November item, outside the run.
    assert sorted(urls) == sorted([SEPEDA, PERSEBAYA, JANTUNG])
    jantung = next(record for record in records if record["url"] == JANTUNG)
    assert "Hindari langsung memeriksa ponsel" in jantung["body"]  # from page 3
    assert jantung["editor_code"] == "del/asr"
    assert result.stats["newscrawl/dropped/not_an_article"] == 2  # the CNN TV video, the FOTO
    assert all(record["fetched_at"] == "2026-11-01T00:00:00+00:00" for record in records)
