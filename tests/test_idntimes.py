"""idntimes: the two layouts, the two-digit year of v1, labels inside links, section cards,
a replayed crawl."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newscrawl import parse_article
from newscrawl.api import choose_parser
from newscrawl.page import Page
from newscrawl.parsers.idntimes import IdnTimesV1, IdnTimesV2, label_outside_link, listing_links
from newscrawl.parsers.text import Block
from tests.cases import FIXTURES
from tests.crawl import replay_crawl

HERE = FIXTURES / "idntimes"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)
WIB = timezone(timedelta(hours=7))
JATIGEDE = (
    "https://www.idntimes.com/news/indonesia/"
    "plta-bendungan-jatigede-mulai-alirkan-listrik-ke-jaringan-jawa-bali-00-kq2mz-7tr4xa"
)
NELAYAN = (
    "https://www.idntimes.com/business/finance/galih-nugraha-2/"
    "koperasi-nelayan-di-pangandaran-bangun-gudang-pendingin-sendiri"
)


def _html(name: str) -> str:
    return (HERE / "articles" / f"{name}.html").read_text("utf-8")


def test_each_layout_has_its_version() -> None:
    current = Page(_html("2026-news-indonesia-bendungan-jatigede"), JATIGEDE, FETCHED)
    assert choose_parser(current) is IdnTimesV2
    # The v1 template closes its <html> start tag ("<html ... />"): the page still parses.
    old = Page(_html("2021-business-finance-koperasi-nelayan"), NELAYAN, FETCHED)
    assert old.sel.root.get("lang") == "id"
    assert choose_parser(old) is IdnTimesV1


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("14 Sep 21 | 10:21", datetime(2021, 9, 14, 10, 21, tzinfo=WIB)),
        ("09 Agu 19 | 07:44", datetime(2019, 8, 9, 7, 44, tzinfo=WIB)),
    ],
)
def test_v1_breadcrumb_dates_have_two_digit_years(shown: str, expected: datetime) -> None:
    html = _html("2021-business-finance-koperasi-nelayan").replace(
        'pubdate: "2021-09-14T10:21:00+07:00",', ""
    )
    html = html.replace("14 Sep 21 | 10:21", shown)
    assert parse_article(html, NELAYAN, FETCHED)["published_at"] == expected.isoformat()


def test_v1_editor_from_the_editorial_team_not_the_writer() -> None:
    record = parse_article(_html("2021-business-finance-koperasi-nelayan"), NELAYAN, FETCHED)
    assert record["authors"] == ["Galih Nugraha"]
    assert record["editors"] == ["Rochmanudin"]
    # Neither the "Editor's picks" box nor the latest-news list is text.
    assert "Editor" not in record["body"]
    assert "Rupiah Menguat" not in record["body"]
    assert "1. Iuran anggota jadi modal awal" in record["body"]  # list sections keep headings


def test_the_label_inside_a_link_is_a_label() -> None:
    block = Block(
        "Baca Juga: Harga Ikan Turun",
        [("Baca Juga: Harga Ikan Turun", "https://www.idntimes.com/business/x")],
        [0],
    )
    fixed = label_outside_link([block])[0]
    assert fixed.links == [("Harga Ikan Turun", "https://www.idntimes.com/business/x")]
    assert fixed.link_offsets == [11]
    plain = Block("Kata Dadang", [("Dadang", "https://www.idntimes.com/tag/dadang")], [5])
    assert label_outside_link([plain]) == [plain]


def test_v2_placeholder_keywords_are_no_tags() -> None:
    html = _html("2026-news-indonesia-bendungan-jatigede")
    start = html.index('<div data-testid="tag-list"')
    end = html.index("</div></div>", start) + len("</div></div>")
    tags = parse_article(html[:start] + html[end:], JATIGEDE, FETCHED)["tags"]
    assert tags == ["PLTA Jatigede", "PLN", "Energi Terbarukan"]  # JSON-LD, without "Update me"


def test_section_cards() -> None:
    page = Page(
        (HERE / "discovery/section-news-2026-11-01.html").read_text("utf-8"),
        "https://www.idntimes.com/news",
        FETCHED,
    )
    links = listing_links(page)
    assert [link.url for link in links] == [
        JATIGEDE,
        "https://www.idntimes.com/news/world/uni-eropa-sepakati-target-emisi-2040-00-kq1zz-9pl0ab",
    ]
    assert links[0].published == datetime(2026, 10, 31, 13, 45, tzinfo=WIB)


def test_replayed_crawl(tmp_path: Path) -> None:
    records = replay_crawl("idntimes", tmp_path).checked_records("idntimes")
    assert [record["url"] for record in records] == [JATIGEDE]
    assert records[0]["parser"] == "idntimes/v2"
