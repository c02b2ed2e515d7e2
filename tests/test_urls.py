from __future__ import annotations

import pytest

from newscrawl.urls import canonical_url, host_matches, registered_domain


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://www.nusadaily.com/a-b?utm_source=fb&utm_medium=x#top",
            "https://www.nusadaily.com/a-b",
        ),
        ("https://WWW.Nusadaily.com/a?fbclid=1&id=5", "https://www.nusadaily.com/a?id=5"),
        (
            "https://news.detik.com/berita/d-1/x?single=1&tag_from=wp",
            "https://news.detik.com/berita/d-1/x?single=1",
        ),
        ("https://example.com:443/x", "https://example.com/x"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_outlet_view_parameters_can_be_dropped() -> None:
    url = "https://news.detik.com/berita/d-1/x?single=1"
    assert canonical_url(url, drop_params=["single"]) == "https://news.detik.com/berita/d-1/x"


def test_relative_urls_resolve_against_the_page() -> None:
    assert (
        canonical_url("/baru", base="https://www.nusadaily.com/lama")
        == "https://www.nusadaily.com/baru"
    )


def test_domains() -> None:
    assert registered_domain("https://www.detik.com/x") == "detik.com"
    assert host_matches("https://finance.detik.com/x", ["detik.com"])
    assert not host_matches("https://notdetik.com/x", ["detik.com"])
