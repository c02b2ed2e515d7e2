"""tribunnews: index pages, sitemaps, paging, layout versions and a replayed crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.api import choose_parser
from newscrawl.discover.discovery import sitemap_index, sitemap_links
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.tribunnews import (
    TribunnewsV1,
    TribunnewsV2,
    listing_links,
    next_listing_page,
)
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "tribunnews"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
INDEX = "https://www.tribunnews.com/index-news?date=2026-10-30"
PUPUK = "https://www.tribunnews.com/nasional/7912345/pemerintah-siapkan-skema-baru-subsidi-pupuk-untuk-petani-kecil"
BANJIR = "https://www.tribunnews.com/metropolitan/2026/10/31/banjir-rob-rendam-permukiman-warga-penjaringan-pompa-air-dikerahkan"
VOLI = "https://www.tribunnews.com/sport/7912011/timnas-voli-putri-lolos-ke-semifinal-kejuaraan-asia-tenggara"
BALI = "https://bali.tribunnews.com/2026/10/30/ribuan-warga-padati-pantai-padang-galak-saksikan-festival-layang-layang"
VIDEO = "https://video.tribunnews.com/news/912345/detik-detik-penyu-lekang-dilepasliarkan-di-pantai-kuta"
UBER = "https://www.tribunnews.com/metropolitan/2015/06/19/kadishub-dki-taksi-uber-tak-punya-izin-operasi-uji-kir-tidak-berargo-dan-bermahkota"
KUPANG = "https://kupang.tribunnews.com/news/612345/warga-tiga-kelurahan-di-kota-kupang-kini-dapat-air-bersih-setiap-hari"
DAERAH = "articles/kupang-daerah-air-bersih.html"
JSON_LD = re.compile(rb'<script type="application/ld\+json">.*?</script>', re.DOTALL)


def fixture_page(name: str, url: str, replace: tuple[str, str] | None = None) -> Page:
    data = (HERE / name).read_bytes()
    if replace:
        assert replace[0].encode() in data, f"{name} lacks {replace[0]!r}"
        data = data.replace(replace[0].encode(), replace[1].encode())
    return Page.from_bytes(data, url, FETCHED)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# -- index pages and sitemaps ---------------------------------------------------------


def test_index_page_links_and_dates() -> None:
    links = listing_links(fixture_page("discovery/index-news-2026-10-30.html", INDEX))
    assert [link.url for link in links] == [VIDEO, PUPUK]  # the h4 /topic/ link is not one
    assert [iso(link.published) for link in links] == [
        "2026-10-30T17:45:00+07:00",
        "2026-10-30T14:25:00+07:00",
    ]
    assert links[1].title == "Pemerintah Siapkan Skema Baru Subsidi Pupuk untuk Petani Kecil"


def test_index_pagination_is_followed_to_the_last_page() -> None:
    first = fixture_page("discovery/index-news-2026-10-30.html", INDEX)
    assert next_listing_page(first) == INDEX + "&page=2"
    second = fixture_page("discovery/index-news-2026-10-30-page2.html", INDEX + "&page=2")
    assert [(link.url, iso(link.published)) for link in listing_links(second)] == [
        (VOLI, "2026-10-30T08:05:00+07:00")
    ]
    assert next_listing_page(second) is None
    lone = "https://www.tribunnews.com/index-news?date=2026-10-31"
    assert next_listing_page(fixture_page("discovery/index-news-2026-10-31.html", lone)) is None


def test_relative_index_dates_resolve_against_the_fetch_time() -> None:
    page = fixture_page(
        "discovery/index-news-2026-10-30.html",
        INDEX,
        replace=("Jumat, 30 Oktober 2026 17:45 WIB", "2 jam lalu"),
    )
    # Fetched 2026-11-01 00:00 UTC = 07:00 WIB; two hours earlier.
    assert iso(listing_links(page)[0].published) == "2026-11-01T05:00:00+07:00"


def test_sitemaps_only_news_children_and_their_dates() -> None:
    children = sitemap_index((HERE / "discovery/sitemap.xml").read_bytes())
    assert len(children) == 6
    links = sitemap_links((HERE / "discovery/nasional-sitemap-news.xml").read_bytes())
    assert [(link.url, iso(link.published)) for link in links] == [
        (PUPUK, "2026-10-30T14:25:11+07:00"),
        (BANJIR, "2026-10-31T09:12:05+07:00"),
    ]
    bali = sitemap_links((HERE / "discovery/bali-sitemap-news.xml").read_bytes())
    assert [iso(link.published) for link in bali] == ["2026-10-30T19:01:27+08:00"]


# -- article pages --------------------------------------------------------------------


def test_paged_article_lists_its_later_pages() -> None:
    first = TribunnewsV2(fixture_page("articles/nasional-subsidi-pupuk.html", PUPUK))
    assert first.page_urls() == [PUPUK + "?page=2", PUPUK + "?page=3"]
    second = TribunnewsV2(
        fixture_page("articles/nasional-subsidi-pupuk-page2.html", PUPUK + "?page=2")
    )
    assert second.page_urls() == [PUPUK + "?page=3"]


def test_single_page_view_fetches_no_more_pages() -> None:
    # Even if the ?page=all view showed the pager, its pages are already in it.
    view = TribunnewsV2(fixture_page("articles/nasional-subsidi-pupuk.html", PUPUK + "?page=all"))
    assert view.page_urls() == []


@pytest.mark.parametrize(
    ("name", "url", "version"),
    [
        ("articles/nasional-subsidi-pupuk.html", PUPUK, TribunnewsV2),
        ("articles/bali-festival-layang-layang.html", BALI, TribunnewsV2),
    ],
)
def test_current_pages_use_the_current_version(name: str, url: str, version: type) -> None:
    assert choose_parser(fixture_page(name, url)) is version


def test_2015_page_uses_the_2015_version(shared_pages: Path) -> None:
    page = Page.from_bytes(
        (shared_pages / "tribunnews/2015-metropolitan-uber.html").read_bytes(), UBER, FETCHED
    )
    assert choose_parser(page) is TribunnewsV1


@pytest.mark.parametrize(
    ("machine", "published"),
    [
        ("2026-10-30T18:01:00+07:00", "2026-10-30T19:01:00+08:00"),
        # The visible date has no seconds; the machine date's are kept.
        ("2026-10-30T18:01:27+07:00", "2026-10-30T19:01:27+08:00"),
        # Another minute than the page shows: the machine date as written.
        ("2026-10-30T18:07:00+07:00", "2026-10-30T18:07:00+07:00"),
    ],
)
def test_wita_page_keeps_its_offset_when_the_machine_date_is_in_wib(
    machine: str, published: str
) -> None:
    # The same instant written in WIB by the CMS: the record shows the WITA the page prints.
    page = fixture_page(
        "articles/bali-festival-layang-layang.html",
        BALI,
        replace=("2026-10-30T19:01:27+08:00", machine),
    )
    assert iso(TribunnewsV2(page).published_at()) == published


def test_daerah_credit_line_and_span_date_without_structured_data() -> None:
    # The regional skin's h5#penulis names the writer and the editor in one line, and its
    # <time> holds "Tayang:" and the date in a <span>, with no datetime attribute.
    data = JSON_LD.sub(b"", (HERE / DAERAH).read_bytes())
    page = Page.from_bytes(data, KUPANG + "?page=all", FETCHED)
    assert not page.article_ld and choose_parser(page) is TribunnewsV2
    parser = TribunnewsV2(page)
    assert parser.authors() == ["Yohanes Bere Nahak"]
    assert parser.editors() == ["Maria Goreti Ana"]
    assert iso(parser.published_at()) == "2026-10-29T08:14:00+08:00"


def test_a_site_name_in_the_json_ld_author_is_not_a_person() -> None:
    page = fixture_page(
        DAERAH, KUPANG, replace=('"name": "Yohanes Bere Nahak"', '"name": "Pos-kupang.com"')
    )
    assert TribunnewsV2(page).authors() == ["Yohanes Bere Nahak"]  # from the credit line


@pytest.mark.parametrize(
    "title",
    [
        "Warga Dapat Air Bersih - Halaman all - Pos-kupang.com",
        "Warga Dapat Air Bersih - Halaman 2 - Tribunnews.com",
        "Warga Dapat Air Bersih - Halaman all",
        "Warga Dapat Air Bersih | Tribun Jogja",
    ],
)
def test_page_labels_and_site_names_leave_the_title(title: str) -> None:
    parser = TribunnewsV2(fixture_page(DAERAH, KUPANG))
    assert parser.strip_title(title) == "Warga Dapat Air Bersih"


def test_partly_syndicated_footer_ends_the_body() -> None:
    page = fixture_page(
        DAERAH,
        KUPANG,
        replace=(
            "Cek Berita dan Artikel yang lain di",
            "Sebagian artikel ini telah tayang di Kompas.com dengan judul Air Bersih untuk Kupang,",
        ),
    )
    body = TribunnewsV2(page).body()
    assert body.paragraphs[-1].endswith("agar air tidak terbuang.")
    assert body.editor_code == "Pos-Kupang.com/Yohanes Bere Nahak"


@pytest.mark.parametrize(
    "url",
    [
        "https://kupang.tribunnews.com/",
        "https://www.tribunnews.com",
        "https://www.tribunnews.com/nasional?page=2",
        "https://kupang.tribunnews.com/tag/kota-kupang",
        "https://www.tribunnews.com/topic/subsidi-pupuk",
        "https://www.tribunnews.com/index-news?date=2026-10-30",
        "https://www.tribunnews.com/penulis/yusuf-bachtiar-ramadhan",
    ],
)
def test_home_and_listing_pages_are_not_articles(url: str) -> None:
    # They carry og:type "article"; without this they would count as an unknown layout.
    with pytest.raises(NotAnArticle):
        TribunnewsV2(fixture_page("articles/kupang-homepage.html", url)).parse()


@pytest.mark.parametrize("url", [PUPUK, BANJIR, VOLI, BALI, KUPANG, UBER])
def test_article_urls_are_not_refused(url: str) -> None:
    assert TribunnewsV2.not_article_url is not None
    assert not TribunnewsV2.not_article_url.search(url)


# -- a replayed crawl -----------------------------------------------------------------


def test_crawl_from_news_sitemaps(tmp_path: Path, shared_pages: Path) -> None:
    result = replay_crawl("tribunnews", tmp_path, args=("-a", "regions=bali"))
    records = result.checked_records("tribunnews")
    urls = [r["url"] for r in records]
    # Not the 2015 page: it is only in nasional/sitemap-web.xml, which is not followed.
    assert set(urls) == {PUPUK, BANJIR, VOLI, BALI}
    pupuk = next(r for r in records if r["url"] == PUPUK)
    assert pupuk["body"].endswith(
        'Jangan sampai petani yang benar-benar menggarap sawah justru tidak kebagian," ujarnya.'
    )
    bali = next(r for r in records if r["url"] == BALI)
    assert bali["published_at"] == "2026-10-30T19:01:27+08:00"
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
    assert result.stats["dupefilter/filtered"] == 1  # BANJIR is in two section sitemaps


def test_backfill_walks_the_dated_index(tmp_path: Path) -> None:
    args = ("-a", "since=2026-10-30", "-a", "until=2026-10-31")
    result = replay_crawl("tribunnews", tmp_path, args=args)
    records = result.checked_records("tribunnews")
    # VOLI is only on page 2 of 2026-10-30; the video is refused.
    assert sorted(r["url"] for r in records) == sorted([PUPUK, BANJIR, VOLI])
    assert result.stats["newscrawl/dropped/not_an_article"] == 1


def test_backfill_of_one_day_reads_only_that_day(tmp_path: Path) -> None:
    args = ("-a", "since=2026-10-31", "-a", "until=2026-10-31")
    result = replay_crawl("tribunnews", tmp_path, args=args)
    assert [r["url"] for r in result.checked_records("tribunnews")] == [BANJIR]


@pytest.mark.parametrize(
    ("ending", "code"),
    [
        ("(31/10/2026). (*)", "*"),
        ("(31/10/2026).", None),
        ("(31/10/2026). (Tribunnews.com/Dimas)", "Tribunnews.com/Dimas"),
    ],
)
def test_a_date_in_the_last_sentence_is_not_the_editor_code(ending: str, code: str | None) -> None:
    page = fixture_page(
        "articles/sport-voli-putri.html", VOLI, replace=("(31/10/2026). (*)", ending)
    )
    body = TribunnewsV2(page).body()
    assert body.paragraphs[-1].endswith("babak semifinal, Sabtu (31/10/2026).")
    assert body.editor_code == code
