"""alinea: people by the role written under their name."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl import parse_article
from tests.cases import FIXTURES

URL = (
    "https://www.alinea.id/politik/"
    "revisi-uu-pemilu-fraksi-terbelah-soal-ambang-batas-parlemen-b2mKq9Xr4"
)


def test_reporter_and_editor_by_role() -> None:
    html = (FIXTURES / "alinea/articles/2026-politik-ambang-batas-parlemen.html").read_text()
    record = parse_article(html, URL, datetime(2026, 11, 1, tzinfo=UTC))
    assert (record["authors"], record["editors"]) == (["Kudus Purnomo Wahidin"], ["Hermansah"])
    swapped = (
        html.replace(">Reporter<", ">@<")
        .replace(">Editor<", ">Reporter<")
        .replace(">@<", ">Editor<")
    )
    record = parse_article(swapped, URL, datetime(2026, 11, 1, tzinfo=UTC))
    assert (record["authors"], record["editors"]) == (["Hermansah"], ["Kudus Purnomo Wahidin"])
