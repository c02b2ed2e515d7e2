"""galamedia: it wins over pikiran-rakyat.com's domain; the network's "***" end mark."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl import parse_article
from newscrawl.outlet import Outlet, outlet_for_url, outlet_named

URL = "https://galamedia.pikiran-rakyat.com/bandung-raya/pr-3549812345/jalan-layang-pasupati"


def test_the_longer_domain_claims_galamedia_urls() -> None:
    galamedia = outlet_named("galamedia")
    network = Outlet(name="pikiranrakyat", domains=("pikiran-rakyat.com",))
    host, path = "galamedia.pikiran-rakyat.com", "/bandung-raya/pr-3549812345/x"
    assert galamedia.claims(host, path) > network.claims(host, path) > 0
    assert galamedia.claims("www.pikiran-rakyat.com", path) == 0
    assert outlet_for_url(URL).name == "galamedia"


def test_the_end_mark_leaves_the_last_paragraph() -> None:
    html = (
        "<html><head><title>Judul Berita Galamedia Hari Ini - Galamedia</title>"
        '<meta property="article:published_time" content="2026-11-01T06:05:00+07:00">'
        '<meta property="og:type" content="article"></head><body>'
        "<h1 class='read__title'>Judul Berita Galamedia Hari Ini</h1>"
        "<article class='read__content'><p><strong>GALAMEDIA</strong> - Paragraf pertama berita."
        "</p><p>Paragraf penutup berita. ***</p></article></body></html>"
    )
    record = parse_article(html, URL, datetime(2026, 11, 1, tzinfo=UTC))
    assert record["body"] == "Paragraf pertama berita.\n\nParagraf penutup berita."
