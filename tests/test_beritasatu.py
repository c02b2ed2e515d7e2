"""beritasatu: the editor's name behind the byline's initials."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl import parse_article
from tests.cases import FIXTURES

URL = (
    "https://www.beritasatu.com/nasional/2871534/"
    "bapanas-salurkan-bansos-beras-tahap-akhir-ke-22-juta-keluarga"
)


def test_editor_is_named_from_the_data_layer_not_the_initials() -> None:
    html = (FIXTURES / "beritasatu/articles/2026-nasional-bansos-beras.html").read_bytes()
    record = parse_article(html, URL, datetime(2026, 11, 1, tzinfo=UTC))
    assert record["editors"] == ["Hotman Siregar"]
    assert "HS" not in record["editors"]
    # The tag badges inside the text box are tags, not body text.
    assert record["tags"] == ["bansos beras", "Badan Pangan Nasional", "cadangan beras pemerintah"]
    assert "cadangan beras pemerintah" not in record["body"].split("\n\n")[-1]
