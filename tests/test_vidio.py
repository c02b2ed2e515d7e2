"""vidio.com: declared as a platform without articles; nothing is listed, every page refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl import parse_article
from newscrawl.errors import NotAnArticle
from newscrawl.outlet import outlet_named
from tests.cases import FIXTURES


def test_declared_without_articles_or_sources() -> None:
    vidio = outlet_named("vidio")
    assert vidio.articles is False
    assert vidio.sources == ()
    assert "no articles" in vidio.note


@pytest.mark.parametrize(
    "url",
    [
        "https://www.vidio.com/watch/8123456-highlights-persib-vs-psm-makassar",
        "https://m.vidio.com/live/204-sctv",
    ],
)
def test_every_page_is_refused_even_one_with_text(url: str) -> None:
    html = (FIXTURES / "vidio/articles/2026-watch-highlights.html").read_bytes()
    with pytest.raises(NotAnArticle, match="publishes no articles"):
        parse_article(html, url, datetime(2026, 11, 1, tzinfo=UTC))
