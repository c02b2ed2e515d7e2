"""rri: the "KBRN, <place>:" dateline of RRI's news agency, both domains."""

from __future__ import annotations

import pytest

from newscrawl.outlet import outlet_for_url, outlet_named


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        ("KBRN, Jakarta: Komisi IV DPR meminta", "Jakarta", "Komisi IV DPR meminta"),
        ("KBRN, Banda Aceh - Gempa mengguncang", "Banda Aceh", "Gempa mengguncang"),
    ],
)
def test_kbrn_dateline(text: str, place: str, rest: str) -> None:
    parser = outlet_named("rri").versions[0]
    match = parser.dateline.match(text)  # type: ignore[union-attr]
    assert match is not None
    assert match.group("place") == place
    assert text[match.end() :] == rest


@pytest.mark.parametrize("host", ["rri.go.id", "rri.co.id", "www.rri.co.id"])
def test_both_domains_are_rri(host: str) -> None:
    assert outlet_for_url(f"https://{host}/nasional/politik/1987654/x").name == "rri"
