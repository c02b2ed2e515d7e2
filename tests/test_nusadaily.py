"""nusadaily: discovery pages, and whole crawls replayed from a WARC of the fixture site."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from newscrawl.discover.discovery import feed_links, sitemap_links
from newscrawl.keep.warc import SavedResponse
from newscrawl.page import Page
from newscrawl.parsers.nusadaily import listing_links, next_listing_page
from tests.cases import FIXTURES
from tests.crawl import FIXTURE_FETCHED_AT, replay_crawl, site_responses

HERE = FIXTURES / "nusadaily"
WIB = timezone(timedelta(hours=7))
SITE = "https://www.nusadaily.com"
ARTICLES = {
    "kayutangan-heritage-jadi-lokasi-pasar-malam-umkm-selama-libur-sekolah",
    "kemenkes-perluas-skrining-jantung-gratis-ke-120-kabupaten-tahun-ini",
    "arema-fc-gelar-latihan-tertutup-jelang-uji-coba-pramusim",
    "harga-cabai-rawit-di-pasar-besar-malang-tembus-rp80-ribu-per-kilogram",
    "ribuan-wisatawan-padati-festival-layang-layang-di-pantai-padang-galak",
}


def listing(name: str, url: str) -> Page:
    return Page.from_bytes((HERE / name).read_bytes(), url, datetime(2026, 6, 30, tzinfo=UTC))


def test_category_listing_cards_and_pagination() -> None:
    page = listing("category-malang-raya-page1.html", f"{SITE}/malang-raya")
    links = listing_links(page)
    assert len(links) == 15
    assert (
        links[0].url
        == f"{SITE}/polresta-malang-kota-tambah-personel-pengamanan-di-kawasan-alun-alun"
    )
    assert links[0].published == datetime(2026, 6, 29, tzinfo=WIB)
    assert links[-1].published == datetime(2026, 6, 24, tzinfo=WIB)
    assert next_listing_page(page) == f"{SITE}/malang-raya?page=2"


def test_feeds_list_the_same_articles() -> None:
    rss = feed_links((HERE / "rss-latest-posts.xml").read_bytes())
    news = sitemap_links((HERE / "sitemap-news.xml").read_bytes())
    assert [link.url for link in rss] == [link.url for link in news]
    assert rss[0].published == datetime(2026, 6, 29, 16, 45, tzinfo=WIB)
    assert (
        rss[-1].url
        == f"{SITE}/kayutangan-heritage-jadi-lokasi-pasar-malam-umkm-selama-libur-sekolah"
    )


def _page(
    path: str, body: bytes, content_type: str = "text/html; charset=UTF-8", status: int = 200
) -> SavedResponse:
    return SavedResponse(
        f"{SITE}/{path}", status, [("Content-Type", content_type)], body, FIXTURE_FETCHED_AT
    )


def bad_input_site() -> list[SavedResponse]:
    """The fixture site plus a Varient 3 news sitemap that lists broken pages."""
    arema = (
        HERE / "articles/arema-fc-gelar-latihan-tertutup-jelang-uji-coba-pramusim.html"
    ).read_text("utf-8")
    cp1252 = arema.replace(
        "arema-fc-gelar-latihan-tertutup-jelang-uji-coba-pramusim", "salah-charset"
    )
    no_charset = arema.replace(
        "arema-fc-gelar-latihan-tertutup-jelang-uji-coba-pramusim", "tanpa-charset"
    )
    no_charset = no_charset.replace('<meta charset="utf-8">', "").replace(
        '<meta charset="UTF-8">', ""
    )
    broken = _page(
        "html-rusak",
        b"<html><body><div><p>Halaman <b>rusak <table><tr><td>tanpa penutup</body></html>",
    )
    bad = {
        "kosong": _page("kosong", b""),
        "rusak-500": _page("rusak-500", b"<html><body>Internal error</body></html>", status=500),
        "salah-charset": _page(
            "salah-charset", cp1252.encode("cp1252"), "text/html; charset=UTF-8"
        ),
        "tanpa-charset": _page("tanpa-charset", no_charset.encode("utf-8"), "text/html"),
        "html-rusak": broken,
    }
    urls = "".join(f"<url><loc>{SITE}/{path}</loc></url>" for path in bad)
    sitemap = (
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    )
    return [
        *site_responses("nusadaily"),
        *bad.values(),
        _page("sitemap-news.xml", sitemap, "application/xml"),
    ]


def test_scheduled_crawl_survives_bad_pages(tmp_path: Path) -> None:
    result = replay_crawl(
        "nusadaily", tmp_path, bad_input_site(), args=("-s", "NEWSCRAWL_RETRY_BACKOFF_BASE=0")
    )
    records = result.checked_records("nusadaily")
    by_slug = {str(r["url"]).removeprefix(f"{SITE}/"): r for r in records}
    assert set(by_slug) == ARTICLES | {"salah-charset", "tanpa-charset"}
    # A page sent as windows-1252 but declared UTF-8 still reads right.
    assert "Stadion Kanjuruhan" in str(by_slug["salah-charset"]["body"])
    assert (
        by_slug["salah-charset"]["body"]
        == by_slug["arema-fc-gelar-latihan-tertutup-jelang-uji-coba-pramusim"]["body"]
    )
    assert by_slug["tanpa-charset"]["body"] == by_slug["salah-charset"]["body"]
    assert all(r["fetched_at"] == "2026-11-01T00:00:00+00:00" for r in records)
    stats = result.stats
    assert stats["newscrawl/dropped/not_an_article"] == 2  # the gallery post and the broken HTML
    assert stats["newscrawl/dropped/truncated"] == 1
    assert stats["newscrawl/dropped/empty_response"] == 1
    assert stats["newscrawl/dropped/http_500"] == 1
    assert "newscrawl/dropped/duplicate" not in stats
    assert (
        "nusadaily: 7 records, 5 pages dropped (empty_response: 1, http_500: 1, not_an_article: 2, truncated: 1)"
        in result.log
    )


def test_backfill_walks_category_pages_within_the_range(tmp_path: Path) -> None:
    home = _page(
        "",
        b'<html><body><ul class="navbar-nav"><li class="nav-item nav-item-category">'
        b'<a href="https://www.nusadaily.com/malang-raya" class="nav-link">Malang Raya</a>'
        b"</li></ul></body></html>",
    )
    responses = [*site_responses("nusadaily"), home]
    result = replay_crawl(
        "nusadaily", tmp_path, responses, args=("-a", "since=2026-06-25", "-a", "until=2026-06-28")
    )
    records = result.checked_records("nusadaily")
    published = sorted(str(r["published_at"]) for r in records)
    assert published[0] >= "2026-06-25T00:00:00+07:00"
    assert published[-1] < "2026-06-29T00:00:00+07:00"
    assert {str(r["url"]).removeprefix(f"{SITE}/") for r in records} == ARTICLES - {
        "ribuan-wisatawan-padati-festival-layang-layang-di-pantai-padang-galak"
    }
    # The listing's own cards dated 25-28 June that the fixture site lacks were requested (404).
    assert result.stats["newscrawl/dropped/http_404"] == 7
    # Page 1 already reaches back before the 25th: page 2 is never requested.
    assert "malang-raya?page=2" not in result.log
