"""idnfinancials: English by default, its /id/ edition in Indonesian."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl import parse_article
from tests.cases import FIXTURES

PAGE = FIXTURES / "idnfinancials/articles/2026-news-bi-rate.html"


@pytest.mark.parametrize(
    ("url", "language"),
    [
        ("https://www.idnfinancials.com/news/58123/bank-indonesia-holds-rate", "en"),
        ("https://www.idnfinancials.com/id/news/58123/bank-indonesia-tahan-suku-bunga", "id"),
    ],
)
def test_language_by_edition(url: str, language: str) -> None:
    html = PAGE.read_bytes().replace(b"www.idnfinancials.com/news/58123", url.encode()[8:])
    record = parse_article(html, url, datetime(2026, 11, 1, tzinfo=UTC))
    assert record["outlet"] == "idnfinancials"
    assert record["language"] == language
