"""voi: the JSON-LD dates with the zone's name glued in are read to the second."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl import parse_article
from tests.cases import FIXTURES

URL = "https://voi.id/ekonomi/512877/harga-emas-antam-naik-rp12-000-hari-ini"
FETCHED = datetime(2026, 11, 1, tzinfo=UTC)


def test_a_glued_zone_name_is_read_as_the_time_separator():
    html = (FIXTURES / "voi/articles/2026-ekonomi-harga-emas.html").read_text("utf-8")
    # Without the page's date line only the JSON-LD is left to tell the time.
    html = html.replace("<time>31 Oktober 2026, 09:10</time>", "<time></time>")
    html = html.replace("2026-10-31WIB09:10:00+07:00", "2026-10-31WIB09:10:37+07:00")
    record = parse_article(html, URL, FETCHED)
    assert record["published_at"] == "2026-10-31T09:10:37+07:00"
