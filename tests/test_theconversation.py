"""theconversation: the Indonesian edition claims ``/id`` only, while its articles live at
the site's root; a crawl of the outlet still reads them with the outlet's profile."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl.api import parse_pages
from newscrawl.outlet import outlet_for_url
from newscrawl.page import Page
from tests.cases import FIXTURES

URL = (
    "https://theconversation.com/"
    "mengapa-hujan-ekstrem-makin-sering-melanda-kota-kota-di-indonesia-268431"
)


def test_edition_pages_belong_to_the_outlet_and_root_articles_to_the_host() -> None:
    assert outlet_for_url("https://theconversation.com/id/articles").name == "theconversation"
    assert not outlet_for_url(URL).dedicated and outlet_for_url(URL).parser.__name__ == (
        "GenericParser"
    )


def test_crawled_articles_use_the_profile() -> None:
    html = (FIXTURES / "theconversation/articles/2026-hujan-ekstrem-perkotaan.html").read_bytes()
    page = Page.from_bytes(html, URL, datetime(2026, 11, 1, tzinfo=UTC))
    record = parse_pages([page], outlet="theconversation")
    assert record["outlet"] == "theconversation"
    assert record["published_at"] == "2026-10-31T12:12:44+07:00"
    assert record["authors"] == ["Dwi Lestari", "Hendra Gunawan"]
    assert record["tags"] == ["banjir", "perubahan iklim", "kota"]
    # The topic list beside the text box is not body text.
    assert record["body"].endswith("bukan curah hujan rata-rata.")
    assert record["baca_juga"][0]["title"] == "Ruang terbuka hijau Jakarta menyusut: apa dampaknya?"
    assert record["images"][0]["caption"].startswith("Banjir merendam jalan di Jakarta Timur")
