"""republika: layout versions, credit lines, multi-page articles, the dated index, a replayed
crawl."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl import parse_article
from newscrawl.api import choose_parser
from newscrawl.dates import JAKARTA
from newscrawl.discover.loader import spider_class
from newscrawl.errors import NotAnArticle
from newscrawl.page import Page
from newscrawl.parsers.republika import (
    RepublikaIhram,
    RepublikaV1,
    RepublikaV2,
    RepublikaV3,
    listing_links,
    next_index_page,
)
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "republika"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
CABAI = (
    "https://ekonomi.republika.co.id/berita/t3k9pq412/"
    "harga-cabai-rawit-di-pasar-induk-turun-jelang-panen-raya"
)
WAKAF = (
    "https://khazanah.republika.co.id/berita/t3m1rw320/"
    "bwi-dorong-nazhir-kelola-wakaf-produktif-lewat-koperasi"
)
LAYANG = (
    "https://visual.republika.co.id/berita/t3kwz1491/festival-layanglayang-di-pantai-parangkusumo"
)
VAKSIN = (
    "https://www.republika.co.id/berita/qpl8xz428/vaksinasi-lansia-di-depok-dibuka-di-balai-warga"
)


def fixture_page(path: str, url: str, fetched: datetime = FETCHED) -> Page:
    return Page.from_bytes((HERE / path).read_bytes(), url, fetched)


@pytest.mark.parametrize(
    ("path", "url", "version"),
    [
        ("articles/2026-ekonomi-harga-cabai.html", CABAI, RepublikaV3),
        ("articles/2021-nasional-vaksinasi-lansia-part1.html", VAKSIN, RepublikaV2),
        ("articles/2021-nasional-vaksinasi-lansia-part2.html", f"{VAKSIN}-part2", RepublikaV2),
    ],
)
def test_each_layout_has_its_version(path: str, url: str, version: type) -> None:
    assert choose_parser(fixture_page(path, url)) is version


@pytest.mark.parametrize(
    ("path", "version"),
    [
        ("republika/2016-marcella-zalianty.html", RepublikaV1),
        ("republika/2017-ihram-jamaah-haji.html", RepublikaIhram),
    ],
)
def test_real_old_pages_have_their_version(shared_pages: Path, path: str, version: type) -> None:
    url = "http://www.republika.co.id/berita/nasional/16/02/15/o2l07x284-x"
    page = Page.from_bytes((shared_pages / path).read_bytes(), url, FETCHED)
    assert choose_parser(page) is version


def test_the_json_ld_author_is_the_editor_not_the_reporter() -> None:
    record = parse_article(
        (HERE / "articles/2026-ekonomi-harga-cabai.html").read_bytes(), CABAI, FETCHED
    )
    assert record["authors"] == ["Dedy Darmawan Nasution"]
    assert record["editors"] == ["Fuji Pratiwi"]  # JSON-LD "author", the byline's "Red:"
    # Neither the WhatsApp footnote nor the sidebar belongs to the text.
    assert "Whatsapp" not in record["body"]
    assert "Transjakarta" not in record["body"]
    # Without the credit line, JSON-LD's author is the editor and no one is the writer.
    html = (HERE / "articles/2026-ekonomi-harga-cabai.html").read_text("utf-8")
    start = html.index('<div class="">')
    html = html[:start] + html[html.index("</div>", start) + len("</div>") :]
    record = parse_article(html, CABAI, FETCHED)
    assert (record["authors"], record["editors"]) == ([], ["Fuji Pratiwi"])


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("REPUBLIKA.CO.ID, JAKARTA -- Harga naik", "JAKARTA"),
        ("REPUBLIKA.CO.ID,\u00a0JAKARTA - Harga naik", "JAKARTA"),
        ("IHRAM.CO.ID, BANJARMASIN -- Harga naik", "BANJARMASIN"),
        ("REPUBLIKA.CO.ID, -- Harga naik", None),
    ],
)
def test_dateline_forms(first_paragraph: str, place: str | None) -> None:
    pattern = RepublikaV3.dateline
    assert pattern is not None
    text = " ".join(first_paragraph.split())  # as clean_text gives it: NBSP is a space
    match = pattern.match(text)
    assert match is not None
    assert text[match.end() :] == "Harga naik"
    groups = match.groupdict()
    assert (groups.get("place") or groups.get("place2")) == place


def test_later_parts_of_a_v2_article() -> None:
    first = RepublikaV2(fixture_page("articles/2021-nasional-vaksinasi-lansia-part1.html", VAKSIN))
    assert first.page_urls() == [f"{VAKSIN}-part2"]
    last = RepublikaV2(
        fixture_page("articles/2021-nasional-vaksinasi-lansia-part2.html", f"{VAKSIN}-part2")
    )
    assert last.page_urls() == []


@pytest.mark.parametrize(
    "url",
    [
        LAYANG,
        "http://www.republika.co.id/berita/inpicture/nasional-inpicture/16/02/23/o2zwha283-kpk",
        "https://www.republika.co.id/berita/infografis/sxyz12345/data-banjir",
    ],
)
def test_galleries_and_infographics_are_not_articles(url: str) -> None:
    html = (HERE / "articles/2026-visual-foto-festival-layang-layang.html").read_bytes()
    with pytest.raises(NotAnArticle):
        parse_article(html, url, FETCHED)


def test_dated_index_links_and_times() -> None:
    page = fixture_page(
        "discovery/index-2026-10-31-offset0.html", "https://republika.co.id/index/0/2026/10/31"
    )
    links = listing_links(page)
    # The photo gallery listed first is no article: not even requested.
    assert [link.url for link in links] == [CABAI]
    assert links[0].published == datetime(2026, 10, 31, 14, 5, tzinfo=JAKARTA)
    assert links[0].title == "Harga Cabai Rawit di Pasar Induk Turun Jelang Panen Raya"
    # Two items: fewer than a full page of fifty, so the day ends here.
    assert next_index_page(page) is None


def test_a_full_index_page_leads_to_the_next_offset() -> None:
    item = (
        '<li class="list-group-item conten1"><a href="https://news.republika.co.id/berita/'
        't3k{n:04d}x/judul-berita-{n}"><div class="date"><span class="kanal-info">News</span>'
        " - 31 October 2026, 10:00</div><h3><span>Judul {n}</span></h3></a></li>"
    )
    items = "".join(item.format(n=n) for n in range(50))
    html = f'<html><body><ul class="list-group wrap-latest">{items}</ul></body></html>'
    page = Page(html, "https://republika.co.id/index/50/2026/10/31", FETCHED)
    assert len(listing_links(page)) == 50
    assert next_index_page(page) == "https://republika.co.id/index/100/2026/10/31"


def test_backfill_requests_the_dated_index_of_each_day() -> None:
    spider = spider_class("republika")
    crawler = get_crawler(spider, {"NEWSCRAWL_STATE": ""})
    instance = spider.from_crawler(crawler, since="2026-10-30", until="2026-10-31")
    assert list(instance.days()) == [date(2026, 10, 30), date(2026, 10, 31)]
    assert [r.url for r in instance.discover()] == [
        "https://www.republika.co.id/rss",
        "https://republika.co.id/index/0/2026/10/30",
        "https://republika.co.id/index/0/2026/10/31",
    ]
    latest = spider.from_crawler(get_crawler(spider, {"NEWSCRAWL_STATE": ""}))
    assert [r.url for r in latest.discover()] == [
        "https://www.republika.co.id/rss",
        "https://republika.co.id/files/xml/sitemap.xml",
    ]


def test_replayed_backfill(tmp_path: Path) -> None:
    result = replay_crawl(
        "republika", tmp_path, args=("-a", "since=2026-10-31", "-a", "until=2026-11-01")
    )
    records = result.checked_records("republika")
    assert sorted(record["url"] for record in records) == sorted([CABAI, WAKAF])
    # The feed lists the gallery (the index leaves it out): fetched once, refused once.
    assert result.stats["newscrawl/dropped/not_an_article"] == 1
    cabai = next(record for record in records if record["url"] == CABAI)
    assert cabai["parser"] == "republika/v3"
    assert len(cabai["baca_juga"]) == 3
