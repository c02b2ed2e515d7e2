"""kompas: index pages, discovery, layout-specific parsing, and a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from scrapy.http import Request, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl import parse_article
from newscrawl.api import detected_versions
from newscrawl.dates import JAKARTA
from newscrawl.discover.loader import spider_class
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.kompas import KompasV1, KompasV2, listing_links
from tests.cases import FIXTURES, load_cases
from tests.crawl import replay_crawl

KOMPAS = FIXTURES / "kompas"
WIB = timezone(timedelta(hours=7))
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
NELAYAN = (
    "https://nasional.kompas.com/read/2026/10/30/14051211/"
    "dpr-sahkan-ruu-perlindungan-nelayan-kecil-ini-tiga-poin-pentingnya"
)
CABAI = (
    "https://money.kompas.com/read/2026/10/30/093012426/"
    "harga-cabai-rawit-turun-di-pasar-induk-pedagang-sebut-pasokan-melimpah"
)
MAROS = (
    "https://regional.kompas.com/read/2026/10/31/084730478/"
    "jembatan-gantung-di-maros-putus-puluhan-siswa-terpaksa-menyeberangi-sungai"
)
INFOGRAFIK = (
    "https://www.kompas.com/tren/image/2026/10/30/160000765/"
    "infografik-cara-cek-penerima-bantuan-subsidi-upah"
)


def fixture_page(path: str, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes((KOMPAS / path).read_bytes(), url, fetched)


# -- index pages ---------------------------------------------------------------------


def test_real_2016_indeks_links_and_dates(shared_pages):
    page = Page.from_bytes(
        (shared_pages / "kompas" / "indeks-2016.html").read_bytes(),
        "http://indeks.kompas.com/",
        datetime(2016, 2, 23, 8, 0, tzinfo=UTC),
    )
    links = listing_links(page)
    assert len(links) == 10
    first, last = links[0], links[-1]
    # Printed as "Selasa, 23 Februari 2016 | 14:54 WIB"; the "/read/xml/" alias is dropped.
    assert first.url == (
        "https://bisniskeuangan.kompas.com/read/2016/02/23/145448826/"
        "OJK.Pelemahan.Saham.Perbankan.Hanya.Temporer"
    )
    assert first.published == datetime(2016, 2, 23, 14, 54, tzinfo=WIB)
    assert first.title == "OJK: Pelemahan Saham Perbankan Hanya Temporer"
    assert last.url == (
        "https://megapolitan.kompas.com/read/2016/02/23/14322911/"
        "Kesedihan.Tukang.Jamu.yang.Kehilangan.Pelanggan.di.Kalijodo"
    )
    assert last.published == datetime(2016, 2, 23, 14, 32, tzinfo=WIB)
    assert all("/read/xml/" not in link.url for link in links)
    assert [link.published for link in links] == sorted(
        (link.published for link in links if link.published), reverse=True
    )


def test_indeks_dates_are_absolute_whatever_the_fetch_time(shared_pages):
    # kompas prints absolute dates only, so a later fetch must not move them.
    body = (shared_pages / "kompas" / "indeks-2016.html").read_bytes()
    early = listing_links(Page.from_bytes(body, "http://indeks.kompas.com/", FETCHED))
    late = listing_links(
        Page.from_bytes(body, "http://indeks.kompas.com/", FETCHED + timedelta(days=400))
    )
    assert early == late


def test_current_indeks_day_only_dates_get_the_time_from_the_article_id():
    page = fixture_page(
        "indeks/2026-10-30-p1.html", "https://indeks.kompas.com/?site=all&date=2026-10-30&page=1"
    )
    links = listing_links(page)
    assert [link.url for link in links] == [INFOGRAFIK, NELAYAN, CABAI]
    # The item shows "30/10/2026"; the id 14051211 says 14:05, 093012426 says 09:30.
    assert links[1].published == datetime(2026, 10, 30, 14, 5, tzinfo=JAKARTA)
    assert links[2].published == datetime(2026, 10, 30, 9, 30, tzinfo=JAKARTA)
    # No "/read/<id>/" in an infographic URL: the day alone.
    assert links[0].published == datetime(2026, 10, 30, tzinfo=WIB)
    assert links[1].title == "DPR Sahkan RUU Perlindungan Nelayan Kecil, Ini Tiga Poin Pentingnya"


def test_empty_indeks_page_has_no_links():
    page = fixture_page(
        "indeks/2026-10-30-p2.html", "https://indeks.kompas.com/?site=all&date=2026-10-30&page=2"
    )
    assert listing_links(page) == []


# -- discovery -----------------------------------------------------------------------


def test_sitemap_index_follows_only_news_sitemaps():
    body = (KOMPAS / "sitemaps" / "sitemap-index.xml").read_bytes()
    url = "https://www.kompas.com/sitemap.xml"
    response = XmlResponse(url, body=body, request=Request(url))
    kompas = spider_class("kompas")
    spider = kompas.from_crawler(get_crawler(kompas, {"NEWSCRAWL_STATE": ""}))
    followed = [r.url for r in spider.parse_sitemap_source(response, source=0)]
    assert followed == [
        "https://news.kompas.com/sitemap-news-news.xml",
        "https://money.kompas.com/sitemap-news-money.xml",
    ]


def test_indeks_walk_covers_each_day_of_the_run():
    kompas = spider_class("kompas")
    crawler = get_crawler(kompas, {"NEWSCRAWL_STATE": ""})
    spider = kompas.from_crawler(crawler, since="2026-10-30", until="2026-11-01")
    assert list(spider.days()) == [date(2026, 10, 30), date(2026, 10, 31), date(2026, 11, 1)]
    request = spider.index_request(1, "www.kompas.com", date(2026, 10, 31), 3)
    assert request.url == "https://indeks.kompas.com/?site=all&date=2026-10-31&page=3"


# -- parsing details -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("JAKARTA, KOMPAS.com - Presiden tiba", "JAKARTA"),
        ("JAKARTA, KOMPAS.com — Presiden tiba", "JAKARTA"),
        ("KOMPAS.com, JAKARTA - Presiden tiba", "JAKARTA"),
        ("KOMPAS.com - Presiden tiba", None),
        ("LOS ANGELES, KOMPAS.com - Presiden tiba", "LOS ANGELES"),
        # 2014-2018 channel brands.
        ("Jakarta, KompasOtomotif – Presiden tiba", "Jakarta"),
        ("KompasTekno - Presiden tiba", None),
    ],
)
def test_dateline_forms(first_paragraph, place):
    assert KompasV2.dateline is not None
    match = KompasV2.dateline.match(first_paragraph)
    assert match is not None
    assert first_paragraph[match.end() :] == "Presiden tiba"
    groups = match.groupdict()
    assert (groups.get("place") or groups.get("place2")) == place


def test_a_paragraph_opening_with_the_word_kompas_is_no_dateline():
    assert KompasV2.dateline is not None
    assert KompasV2.dateline.match("Kompas Gramedia menggelar pameran buku") is None


@pytest.mark.parametrize(
    "title",
    [
        "Harga Cabai Turun Halaman all - Kompas.com",
        "Harga Cabai Turun Halaman 2 - Kompas.com",
        "Harga Cabai Turun - Kompas.com Regional",
    ],
)
def test_title_suffix(title):
    assert KompasV1.title_suffix is not None
    assert KompasV1.title_suffix.sub("", title) == "Harga Cabai Turun"


def test_page_urls_follow_numbered_pages_but_never_the_single_page_view():
    first = KompasV2(fixture_page("articles/2026-nasional-nelayan-p1.html", NELAYAN))
    assert first.page_urls() == [f"{NELAYAN}?page=2", f"{NELAYAN}?page=3"]
    second = KompasV2(fixture_page("articles/2026-nasional-nelayan-p2.html", f"{NELAYAN}?page=2"))
    assert second.page_urls() == [f"{NELAYAN}?page=3"]
    every = KompasV2(fixture_page("articles/2026-nasional-nelayan-p1.html", f"{NELAYAN}?page=all"))
    assert every.page_urls() == []


def test_three_pages_and_the_single_page_view_give_the_same_record():
    def record(name: str) -> dict[str, object]:
        (case,) = [case for case in load_cases("kompas") if case.name == name]
        return case.parse()

    paged = record("2026-nasional-nelayan-pages")
    assert paged == record("2026-nasional-nelayan-all")
    assert "lembaran negara" in str(paged["body"])  # page 3


def _without_machine_dates(path: str) -> bytes:
    html = (KOMPAS / path).read_text("utf-8")
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    html = re.sub(r'<meta name="content_PublishedDate"[^>]*>', "", html)
    return html.encode("utf-8")


def test_visible_date_line_when_machine_dates_are_missing():
    record = parse_article(
        _without_machine_dates("articles/2026-nasional-nelayan-all.html"), NELAYAN, FETCHED
    )
    assert record["published_at"] == "2026-10-30T14:05:00+07:00"


def test_diperbarui_is_the_update_never_the_publication():
    # read__time shows only "Diperbarui 31/10/2026, 11:02 WIB": the publication minute
    # then comes from the article id 084730478 in the URL.
    record = parse_article(
        _without_machine_dates("articles/2026-regional-maros.html"), MAROS, FETCHED
    )
    assert record["published_at"] == "2026-10-31T08:47:00+07:00"
    assert record["updated_at"] == "2026-10-31T11:02:00+07:00"


def test_contributor_place_is_not_an_author():
    record = parse_article((KOMPAS / "articles/2026-regional-maros.html").read_bytes(), MAROS)
    assert record["authors"] == ["Hendra Wijaya"]


@pytest.mark.parametrize(
    "url",
    [
        "https://video.kompas.com/watch/1234567/banjir-di-maros",
        "https://vod.kompas.com/read/2026/10/30/120000/banjir",
        "https://www.kompas.com/foto/read/2026/10/30/120000/galeri-banjir",
        INFOGRAFIK,
    ],
)
def test_video_gallery_and_infographic_urls_are_not_articles(url):
    page = fixture_page("articles/2026-money-cabai.html", url)
    with pytest.raises(NotAnArticle):
        KompasV2(page).check_article()


def test_article_url_is_an_article():
    KompasV2(fixture_page("articles/2026-money-cabai.html", CABAI)).check_article()


# -- a replayed crawl ----------------------------------------------------------------


def test_replayed_crawl(tmp_path):
    result = replay_crawl(
        "kompas", tmp_path, args=("-a", "since=2026-10-30", "-a", "until=2026-10-31")
    )
    records = result.checked_records("kompas")
    urls = [record["url"] for record in records]
    # The 2026-10-28 sitemap entry is out of range; the infographic is no article; the
    # nasional and money articles are listed twice (sitemap and indeks).
    assert set(urls) == {NELAYAN, CABAI, MAROS}
    nelayan = next(r for r in records if r["url"] == NELAYAN)
    last_page = "dicatat dalam lembaran negara"
    assert nelayan["body"].count(last_page) == 1
    assert nelayan["body"].count("Poin pertama yang diatur") == 1
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
    assert not [key for key in result.stats if key.startswith("newscrawl/dropped/http_")]


# -- layouts and variants --------------------------------------------------------------


def _page(people: str, body: str, url: str = MAROS) -> bytes:
    """A read__ page without structured people, so the visible credits are what count."""
    return f"""<html><head><title>Judul Uji - Kompas.com</title></head><body>
    <div class="read__header"><h1 class="read__title">Judul Uji</h1>
    <div class="read__time">Kompas.com - 31/10/2026, 08:47 WIB</div>{people}</div>
    <div class="read__content"><div class="clearfix">{body}</div></div>
    </body></html>""".encode()


def test_2017_credit_items_give_writer_and_editor():
    people = """<div class="read__credit top clearfix">
      <div class="read__credit__item" id="penulis">Penulis : <a href="#p">Kontributor Makassar,
        Hendra Wijaya</a></div>
      <div class="read__credit__item" id="editor">Editor : <a href="#e">Andi Hartik</a></div>
    </div>"""
    record = parse_article(_page(people, "<p>Isi berita.</p>"), MAROS, FETCHED)
    assert record["authors"] == ["Hendra Wijaya"]
    assert record["editors"] == ["Andi Hartik"]


def test_credit_box_with_a_penulis_label_names_writers_only():
    people = """<div class="credit"><div class="credit-title"><p>Penulis</p>
      <div class="credit-title-name"><div class="credit-title-nameEditor">Melvina Tionardus,</div>
      <div class="credit-title-nameEditor">Yunanto Wiji Utomo</div></div></div></div>"""
    record = parse_article(_page(people, "<p>Isi berita.</p>"), MAROS, FETCHED)
    assert record["authors"] == ["Melvina Tionardus", "Yunanto Wiji Utomo"]
    assert record["editors"] == []


def test_credit_box_labelled_tim_redaksi_says_nothing_about_roles():
    people = """<div class="credit"><div class="credit-title"><div class="credit-title-name">
      <div class="credit-title-nameEditor">Melvina Tionardus,</div></div><p>Tim Redaksi</p>
      </div></div>"""
    record = parse_article(_page(people, "<p>Isi berita.</p>"), MAROS, FETCHED)
    assert record["authors"] == []


def test_oleh_byline_paragraph_is_the_author_and_not_body():
    body = "<p><strong>Oleh: Ratna Wulandari</strong></p><p>Isi tulisan.</p>"
    record = parse_article(_page("", body), MAROS, FETCHED)
    assert record["authors"] == ["Ratna Wulandari"]
    assert record["body"] == "Isi tulisan."


def test_a_bold_paragraph_starting_with_oleh_oleh_stays_in_the_body():
    body = "<p><strong>Oleh-oleh khas Maros</strong></p><p>Isi tulisan.</p>"
    record = parse_article(_page("", body), MAROS, FETCHED)
    assert record["authors"] == []
    assert record["body"] == "Oleh-oleh khas Maros\n\nIsi tulisan."


def test_nothing_after_the_end_of_article_marker_is_body():
    body = '<p>Isi berita.</p><div id="EndOfArticle"></div><p>Promosi apa pun.</p>'
    record = parse_article(_page("", body), MAROS, FETCHED)
    assert record["body"] == "Isi berita."


def test_otomotif_2016_skin_is_its_own_version():
    page = fixture_page("articles/2016-otomotif-mudik.html", "http://otomotif.kompas.com/read/x")
    assert [v.version for v in detected_versions(page, "kompas")] == ["kompas/v1.2"]


def test_kompas2011_skins_take_the_body_not_the_wrapper_around_title_and_body():
    # health.kompas.com 2014: div.isi_artikel wraps the h1, the date spans and div.isi_berita.
    html = b"""<html><head><title>Judul Sehat - Kompas.com Health</title></head><body>
    <div class="isi_artikel"><h1>Judul Sehat</h1>
    <div class="left"><div><span>Senin, 3 Maret 2014 | 10:15 WIB</span></div></div>
    <div class="isi_berita pt_5"><p><strong>KOMPAS.com</strong> - Isi berita kesehatan.</p></div>
    </div></body></html>"""
    url = "http://health.kompas.com/read/2014/03/03/1015123/Judul.Sehat"
    record = parse_article(html, url, FETCHED)
    assert record["parser"] == "kompas/v0"
    assert record["headline"] == "Judul Sehat"
    assert record["body"] == "Isi berita kesehatan."
    assert record["published_at"] == "2014-03-03T10:15:00+07:00"
