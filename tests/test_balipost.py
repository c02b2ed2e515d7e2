"""balipost: WITA dates, pages merged, and the "(Reporter/balipost)" sign-off."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl import parse_article
from newscrawl.page import Page
from spiders.balipost import BalipostParser
from tests.cases import FIXTURES

URL = "https://www.balipost.com/news/2026/10/31/478215/Desa-Adat-di-Badung-Wajibkan...html"
FILE = FIXTURES / "balipost/articles/2026-bali-sampah-plastik-desa-adat.html"
PAGE_2 = FIXTURES / "balipost/articles/2026-bali-sampah-plastik-desa-adat-page2.html"


def test_the_pager_names_page_two_and_stays_out_of_the_text() -> None:
    first = Page(FILE.read_text("utf-8"), URL, datetime(2026, 11, 1, tzinfo=UTC))
    assert BalipostParser(first).page_urls() == [f"{URL}/2"]
    assert all(not p.isdigit() for p in BalipostParser(first).body().paragraphs)


def test_utc_machine_dates_are_shown_in_wita() -> None:
    record = parse_article(FILE.read_bytes(), URL, datetime(2026, 11, 1, tzinfo=UTC))
    assert record["published_at"] == "2026-10-31T14:30:00+08:00"
    assert record["updated_at"] == "2026-10-31T15:02:11+08:00"


@pytest.mark.parametrize(
    ("sign_off", "code"),
    [("(Ketut Winata/balipost)", None), ("(kmb/balipost)", "kmb/balipost")],
)
def test_sign_off_leaves_the_body(sign_off: str, code: str | None) -> None:
    fetched = datetime(2026, 11, 1, tzinfo=UTC)
    first = Page(FILE.read_text("utf-8"), URL, fetched)
    html = PAGE_2.read_text("utf-8").replace("(Ketut Winata/balipost)", sign_off)
    body = BalipostParser(first, [Page(html, f"{URL}/2", fetched)]).body()
    assert body.paragraphs[-1].endswith("ke tempat pengolahan.")
    assert body.editor_code == code
