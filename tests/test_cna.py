"""cna: CNA's colon datelines and the Mediacorp list of the latest articles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newscrawl.page import Page
from newscrawl.parsers.body import Body, clean_body
from newscrawl.parsers.text import Block
from spiders.cna import CnaParser, listing_links, rel_next
from tests.cases import FIXTURES

WIB = timezone(timedelta(hours=7))


def test_colon_dateline_in_capitals_only() -> None:
    def peel(text: str) -> Body:
        return clean_body([Block(text)], CnaParser.dateline)

    body = peel("JAKARTA: Pemerintah menargetkan studi kelayakan rampung awal 2027.")
    assert body.dateline == "JAKARTA"
    assert body.paragraphs == ["Pemerintah menargetkan studi kelayakan rampung awal 2027."]
    # A sentence with a colon is not a dateline.
    assert peel("Menurut dia: jalur utara lebih murah.").dateline is None


def test_latest_list_cards_are_dated_by_their_epoch() -> None:
    page = Page.from_bytes(
        (FIXTURES / "cna" / "terbaru.html").read_bytes(),
        "https://www.cna.id/terbaru",
        datetime(2026, 11, 1, tzinfo=UTC),
    )
    links = listing_links(page)
    assert [link.url for link in links] == [
        "https://www.cna.id/indonesia/"
        "studi-kelayakan-kereta-cepat-jakarta-surabaya-rampung-awal-2027-31842"
    ]
    assert links[0].published == datetime(2026, 10, 31, 11, 20, tzinfo=WIB)
    assert rel_next(page) == "https://www.cna.id/terbaru?page=1"
