"""detik: index pages, feeds, layout-specific parsing, and a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from scrapy.utils.test import get_crawler

from newscrawl import parse_article
from newscrawl.discover.discovery import sitemap_links
from newscrawl.discover.loader import spider_class
from newscrawl.page import Page
from newscrawl.parsers.detik import (
    NOT_ARTICLE_URL,
    PARSERS,
    DetikV3,
    DetikV3_1,
    feed_article_links,
    listing_links,
)
from tests.cases import FIXTURES, load_cases
from tests.crawl import replay_crawl

DETIK = FIXTURES / "detik"
WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
#: news-indeks-20241004.html was cached by detik's server "@ 1728045699".
INDEKS_FETCHED = datetime.fromtimestamp(1728045699, UTC)

JALUR_SEPEDA = (
    "https://news.detik.com/berita/d-8701234/"
    "dishub-dki-uji-coba-jalur-sepeda-terproteksi-di-sudirman-thamrin"
)
TARIF_KRL = (
    "https://finance.detik.com/berita-ekonomi-bisnis/d-8701567/"
    "5-hal-yang-perlu-diketahui-soal-tarif-baru-krl-2027"
)
POSKO = (
    "https://www.detik.com/sulsel/berita/d-8701890/"
    "pemprov-sulsel-siapkan-posko-kesehatan-di-pelabuhan-soekarno-hatta-makassar"
)
CAR_FREE_DAY = (
    "https://news.detik.com/foto-news/d-8701999/suasana-car-free-day-terakhir-di-bulan-oktober"
)
GALAXY = (
    "http://inet.detik.com/read/2015/11/05/100026/3062623/323/google-umbar-kelemahan-galaxy-s6-edge"
)


def fixture_page(path: str, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes((DETIK / path).read_bytes(), url, fetched)


# -- index pages ---------------------------------------------------------------------


def test_real_indeks_links_and_dates(shared_pages):
    body = (shared_pages / "detik" / "news-indeks-20241004.html").read_bytes()
    links = listing_links(Page.from_bytes(body, "https://news.detik.com/indeks", INDEKS_FETCHED))
    assert len(links) == 20
    first, last = links[0], links[-1]
    # d-time="1728045268" title="Jumat, 04 Okt 2024 19:34 WIB", shown as "7 menit yang lalu".
    assert first.url == (
        "https://news.detik.com/berita/d-7572645/"
        "siswa-berkebutuhan-khusus-diduga-dibully-pihak-sekolah-minta-maaf"
    )
    assert first.published == datetime(2024, 10, 4, 19, 34, 28, tzinfo=WIB)
    assert first.title == "Siswa Berkebutuhan Khusus Diduga Dibully, Pihak Sekolah Minta Maaf"
    # d-time="1728040362" title="Jumat, 04 Okt 2024 18:12 WIB", "1 jam yang lalu".
    assert last.url == (
        "https://20.detik.com/detikupdate/20241004-241004095/"
        "bocah-di-jaksel-tewas-tertabrak-taksi-saat-kejar-bus-telolet"
    )
    assert last.published == datetime(2024, 10, 4, 18, 12, 42, tzinfo=WIB)
    # Four 20detik videos and one photo gallery: listed, and refused by the parser later.
    refused = [link.url for link in links if NOT_ARTICLE_URL.match(link.url)]
    assert len(refused) == 5
    assert "https://news.detik.com/foto-news/d-7571834/" in refused[2]


def test_relative_card_times_resolve_against_the_fetch_time(shared_pages):
    # Without d-time and title, "7 menit yang lalu" is all a card says.
    html = (shared_pages / "detik" / "news-indeks-20241004.html").read_text("utf-8")
    html = re.sub(r' (?:d-time|title)="[^"]*"', "", html)
    url = "https://news.detik.com/indeks"
    links = listing_links(Page(html, url, INDEKS_FETCHED))
    assert links[0].published == datetime(2024, 10, 4, 19, 34, 39, tzinfo=WIB)
    assert links[-1].published == datetime(2024, 10, 4, 18, 41, 39, tzinfo=WIB)
    later = listing_links(Page(html, url, INDEKS_FETCHED + timedelta(hours=2)))
    assert later[0].published == datetime(2024, 10, 4, 21, 34, 39, tzinfo=WIB)


def test_real_2022_homepage_cards(shared_pages):
    body = (shared_pages / "detik" / "homepage-20221102.html").read_bytes()
    links = listing_links(Page.from_bytes(body, "https://www.detik.com/", INDEKS_FETCHED))
    assert len(links) == 70
    assert len({link.url for link in links}) == 70
    itaewon = next(link for link in links if "/d-6384008/" in link.url)
    # d-time="1667383892" title="Rabu, 02 Nov 2022 17:11 WIB"
    assert itaewon.published == datetime(2022, 11, 2, 17, 11, 32, tzinfo=WIB)


def test_fixture_indeks_pages():
    url = "https://news.detik.com/indeks?page=1&date=10/31/2026"
    links = listing_links(fixture_page("site/news-indeks-20261031-page1.html", url))
    assert [link.url for link in links] == [JALUR_SEPEDA, CAR_FREE_DAY]
    assert links[0].published == datetime(2026, 10, 31, 10, 42, 17, tzinfo=WIB)
    assert links[1].published == datetime(2026, 10, 31, 16, 40, 12, tzinfo=WIB)
    empty = "https://news.detik.com/indeks?page=2&date=10/31/2026"
    assert listing_links(fixture_page("site/news-indeks-20261031-page2.html", empty)) == []


# -- feeds and sitemaps ----------------------------------------------------------------


def test_2015_feedsportal_rss_gives_detik_urls_and_confirms_the_false_z(shared_pages):
    links = feed_article_links((shared_pages / "detik" / "rss-newsdetik-2015.xml").read_bytes())
    assert len(links) == 20
    assert all(
        re.match(r"http://\w+\.detik\.com/(?:\w+/)?read/2015/11/05/", link.url) for link in links
    )
    galaxy = links[0]
    assert galaxy.url == GALAXY
    assert galaxy.published == datetime(2015, 11, 5, 3, 8, 58, tzinfo=UTC)
    # The page's meta says "2015-11-05 T10:08:58Z": Jakarta time with a false Z.
    page = (shared_pages / "detik" / "2015-inet-galaxy-s6-edge.html").read_bytes()
    record = parse_article(page, GALAXY, datetime(2015, 11, 5, 4, tzinfo=UTC))
    assert datetime.fromisoformat(record["published_at"]) == galaxy.published


def test_fixture_feed_and_sitemaps():
    feed = feed_article_links((DETIK / "site" / "rss-detikcom.xml").read_bytes())
    assert [link.url for link in feed] == [POSKO, JALUR_SEPEDA]
    assert feed[0].published == datetime(2026, 10, 31, 9, 15, 22, tzinfo=WITA)
    news = sitemap_links((DETIK / "site" / "news-berita-sitemap_news.xml").read_bytes())
    assert [link.url for link in news] == [JALUR_SEPEDA, CAR_FREE_DAY]
    finance = sitemap_links((DETIK / "site" / "finance-sitemap_news.xml").read_bytes())
    assert [(link.url, link.published) for link in finance] == [
        (TARIF_KRL, datetime(2026, 10, 31, 14, 20, 5, tzinfo=WIB))
    ]


def test_indeks_walk_covers_each_day_and_channel():
    detik = spider_class("detik")
    crawler = get_crawler(detik, {"NEWSCRAWL_STATE": ""})
    spider = detik.from_crawler(crawler, since="2026-10-30", until="2026-10-31")
    assert list(spider.days()) == [date(2026, 10, 30), date(2026, 10, 31)]
    indeks = [r.url for r in spider.discover() if "/indeks" in r.url]
    assert indeks == [
        f"https://{channel}.detik.com/indeks?page=1&date={day}"
        for channel in ("news", "finance", "health")
        for day in ("10/30/2026", "10/31/2026")
    ]


# -- parsing details -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://finance.detik.com/readfoto/2016/02/23/153201/3149106/461/1/gardu-induk",
        "http://inet.detik.com/readvideo/2015/03/02/212229/150302038/120626597/saingi-iphone",
        "https://news.detik.com/foto-news/d-7571834/kontras-beri-catatan-kritis",
        "https://travel.detik.com/fototravel/d-6383383/potret-kereta-terpanjang",
        "https://www.detik.com/edu/foto/d-6609369/yuk-belajar-atasi-hama-urban-farming/5",
        "https://20.detik.com/detikupdate/20241004-241004100/video-pd-tak-masalah",
        "https://news.detik.com/infografis/d-7570000/infografis-jadwal-pilkada",
        "https://hot.detik.com/detiktv/d-6452244/kesal-hidup-selalu-diatur-devano-danendra",
    ],
)
def test_galleries_videos_and_infographics_are_not_articles(url):
    assert NOT_ARTICLE_URL.match(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.detik.com/berita/d-7572645/siswa-berkebutuhan-khusus-diduga-dibully",
        "https://news.detik.com/berita/d-7000001/foto-viral-warga-antre-minyak/2",
        "https://www.detik.com/sulsel/berita/d-8701890/pemprov-sulsel-siapkan-posko",
        "http://inet.detik.com/read/2015/11/05/100026/3062623/323/google-umbar-kelemahan",
        "https://news.detik.com/x/detail/spotlight/20240118/Beselan-Rutan-KPK-untuk-Pak-Lurah/",
        "https://travel.detik.com/travel-news/d-6454465/kadispar-badung-jamin-wisman",
    ],
)
def test_articles_are_not_refused_by_url(url):
    assert not NOT_ARTICLE_URL.match(url)


@pytest.mark.parametrize(
    ("path", "version"),
    [
        ("articles/news-jalur-sepeda-baca-juga.html", "detik/v3"),
        ("articles/news-paradetail-2022.html", "detik/v3"),
        ("articles/sport-aboutthegame-2021.html", "detik/v2"),
        ("articles/travel-read-skin-jatim-copy.html", "detik/v3.1"),
        ("articles/detikx-intermeso-kereta-uap.html", "detik/v3.2"),
        ("articles/wolipop-utility-classes-2025.html", "detik/v4"),
    ],
)
def test_each_layout_is_recognised_by_its_own_version(path, version):
    # All but the first carry itp_bodycontent: detik/v4 must only take what no other does.
    page = fixture_page(path, "https://news.detik.com/berita/d-1/x")
    assert [v.version for v in PARSERS if v.detect(page)] == [version]


def test_desk_bylines_are_not_people():
    # JSON-LD, meta and byline all say "Tim detikJatim": a desk, not a person.
    url = "https://travel.detik.com/travel-news/d-6612345/jalur-pendakian-gunung-arjuno"
    page = fixture_page("articles/travel-read-skin-jatim-copy.html", url)
    assert DetikV3_1(page).authors() == []
    html = (DETIK / "articles/news-jalur-sepeda-baca-juga.html").read_text("utf-8")
    html = html.replace('"name": "Ilham Prasetya"', '"name": "Tim detikNews"')
    assert DetikV3(Page(html, JALUR_SEPEDA, FETCHED)).authors() == ["Rumondang Sitohang"]


def test_page_numbers_inside_a_v2_body_are_not_text():
    # detikHealth and wolipop (about 2022) put "1 2 Selanjutnya" in div.mp-nav in the body.
    url = "https://sport.detik.com/aboutthegame/detik-insider/d-5751234/kiper-ketiga"
    html = (DETIK / "articles/sport-aboutthegame-2021.html").read_text("utf-8")
    nav = (
        '<div class="mp-nav mp-nav-ap mp-nav-bot ap-update"><a href="#">1</a>'
        f'<a href="{url}/2">2</a><a href="{url}/2">Selanjutnya</a></div>'
    )
    html = html.replace("<strong>(bay/krs)</strong>", nav + "<strong>(bay/krs)</strong>")
    record = parse_article(html, url, FETCHED)
    assert record["parser"] == "detik/v2"
    assert record["body"].endswith("menenangkan pemain muda sebelum laga besar.")
    assert record["editor_code"] == "bay/krs"


def test_robot_terapi_body_is_the_reference_text(shared_pages):
    # Another project's reference body for this page (paragraph breaks lost).
    expected = (shared_pages / "detik" / "2015-news-robot-terapi-ugm.expected-body.txt").read_text()
    record = detik_record("2015-news-robot-terapi-ugm")
    ours = f"{record['dateline']} - {record['body']} ({record['editor_code']})"
    assert re.sub(r"\s+", "", ours) == re.sub(r"\s+", "", expected)


def test_page_urls_follow_later_numbers_but_never_the_single_page_view():
    first = DetikV3(fixture_page("articles/finance-tarif-krl-page1.html", TARIF_KRL))
    assert first.page_urls() == [f"{TARIF_KRL}/2", f"{TARIF_KRL}/3"]
    second = DetikV3(fixture_page("articles/finance-tarif-krl-page2.html", f"{TARIF_KRL}/2"))
    assert second.page_urls() == [f"{TARIF_KRL}/3"]
    single = f"{TARIF_KRL}?single=1"
    assert DetikV3(fixture_page("articles/finance-tarif-krl-single.html", single)).page_urls() == []


def detik_record(name: str) -> dict[str, object]:
    """The record the parser makes of the detik case ``name`` (cases.json)."""
    (case,) = [case for case in load_cases("detik") if case.name == name]
    return case.parse()


def test_three_pages_and_the_single_page_view_give_the_same_record():
    paged = detik_record("finance-tarif-krl-paged")
    assert paged == detik_record("finance-tarif-krl-single")
    assert "Harapannya waktu tunggu di jam sibuk" in str(paged["body"])  # page 3
    assert "halaman selanjutnya" not in str(paged["body"]).lower()


def _without_json_ld(path: str) -> bytes:
    html = (DETIK / path).read_text("utf-8")
    return re.sub(
        r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S
    ).encode()


def test_wita_date_line_wins_over_a_disagreeing_dtk_publishdate():
    # Without JSON-LD, dtk:publishdate "2026/10/31 09:15:22" read as WIB is an hour off
    # the "Sabtu, 31 Okt 2026 09:15 WITA" line: the line the reader saw is kept.
    record = parse_article(_without_json_ld("articles/sulsel-posko-pelabuhan-wita.html"), POSKO)
    assert record["published_at"] == "2026-10-31T09:15:00+08:00"


def test_dtk_publishdate_when_json_ld_is_missing():
    body = _without_json_ld("articles/news-jalur-sepeda-baca-juga.html")
    assert b"application/ld+json" not in body
    # Seconds the JSON-LD did not have, so the date can only come from dtk:publishdate.
    dtk = b'<meta name="dtk:publishdate" content="2026/10/31 10:42:17" />'
    assert dtk in body
    body = body.replace(dtk, dtk.replace(b"10:42:17", b"10:42:59"))
    record = parse_article(body, JALUR_SEPEDA, FETCHED)
    assert record["published_at"] == "2026-10-31T10:42:59+07:00"
    assert record["authors"] == ["Rumondang Sitohang", "Ilham Prasetya"]  # from the byline


# -- replayed crawl ----------------------------------------------------------------------


def test_replayed_crawl(tmp_path):
    args = ("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    result = replay_crawl("detik", tmp_path, args=args)
    records = result.checked_records("detik")
    urls = [record["url"] for record in records]
    # The bike-lane article is in the sitemap, the RSS and the indeks: fetched once.
    assert set(urls) == {JALUR_SEPEDA, TARIF_KRL, POSKO}
    krl = next(record for record in records if record["url"] == TARIF_KRL)
    assert "Harapannya waktu tunggu di jam sibuk" in krl["body"]  # its last page
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
    # Repeats are caught by Scrapy's dupefilter or, once emitted, by the crawl state.
    repeats = result.stats.get("dupefilter/filtered", 0) + result.stats.get(
        "newscrawl/skipped/known", 0
    )
    assert repeats == 4
