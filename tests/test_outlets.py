"""The outlet registry: every declaration complete and consistent, every outlet a spider,
and the README's table made from the declarations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from newscrawl.api import parse_article
from newscrawl.outlet import Outlet, outlet_for_url, publisher_url, registered_domain, registry
from newscrawl.outlet_table import END, START, readme_section
from tests.cases import ROOT, load_cases

OUTLETS = sorted(registry().values(), key=lambda o: o.name)
DAY = date(2026, 11, 1)


@pytest.mark.parametrize("outlet", OUTLETS, ids=lambda o: o.name)
def test_each_declaration_is_complete(outlet: Outlet) -> None:
    assert re.fullmatch(r"[a-z][a-z0-9]*", outlet.name)
    assert outlet.domains, f"{outlet.name}: no domains"
    assert outlet.zone in ("WIB", "WITA", "WIT")
    assert outlet.language in ("id", "en")
    if outlet.articles:
        assert outlet.sources, f"{outlet.name}: no discovery source"
    for source in outlet.sources:
        # Every URL template fills in for any host, day and page.
        for template in filter(None, [source.url, getattr(source, "first", "")]):
            url = template.format(
                base=outlet.base_url, host="www.example.id", scheme="https", day=DAY, page=2
            )
            assert url.startswith(("http://", "https://")), f"{outlet.name}: {url}"
    for version in outlet.versions:
        assert version.outlet == outlet.name, f"{version.__name__} says {version.outlet}"
        assert set(version.domains) <= {d.split("/", 1)[0] for d in outlet.domains}
    # The outlet's own pages are found by their URL.
    for domain in outlet.domains:
        host, _, path = domain.partition("/")
        url = f"https://{host}/{path}{'/' if path else ''}read/1/judul-berita"
        assert outlet_for_url(url).name == outlet.name, f"{url} is not {outlet.name}'s"


def test_no_two_outlets_claim_the_same_domain() -> None:
    claims: dict[str, str] = {}
    for outlet in OUTLETS:
        for domain in outlet.domains:
            assert domain not in claims, f"{domain}: {claims.get(domain)} and {outlet.name}"
            claims[domain] = outlet.name


def test_undeclared_hosts_are_named_after_their_registered_domain() -> None:
    assert registered_domain("today.contohberita.co.id") == "contohberita.co.id"
    assert outlet_for_url("https://today.contohberita.co.id/a/1").name == "contohberita"
    assert outlet_for_url("https://www.berita-kita.com/a/1").name == "beritakita"


def test_a_page_of_googles_amp_cache_belongs_to_its_publisher() -> None:
    """The cache's URL holds the publisher's ("s/" for https): its outlet and parser are the
    publisher's, and the record the one the publisher's own URL gives."""
    path = "www.suara.com/amp/news/2026/11/02/084510/banjir-rob-rendam-kawasan-pelabuhan"
    assert outlet_for_url(f"https://www-suara-com.cdn.ampproject.org/c/s/{path}").name == "suara"
    viewer = "https://news-detik-com.cdn.ampproject.org/v/s/news.detik.com/berita/d-1/x?amp_js_v=1"
    assert outlet_for_url(viewer).name == "detik"
    assert publisher_url(viewer) == "https://news.detik.com/berita/d-1/x?amp_js_v=1"
    assert (
        publisher_url("http://contoh-id.cdn.ampproject.org/c/contoh.id/a") == "http://contoh.id/a"
    )
    # The cache's own files are not pages of a publisher.
    assert publisher_url("https://cdn.ampproject.org/v0.js") == "https://cdn.ampproject.org/v0.js"
    (case,) = [c for c in load_cases("suara") if c.name == "2026-amp-news-banjir-rob-semarang"]
    cached = "https://www-suara-com.cdn.ampproject.org/c/s/" + case.url.removeprefix("https://")
    expected = json.loads(case.expected_path.read_text("utf-8"))
    assert parse_article(case.html(), cached, case.fetched_at) == expected


def test_scrapy_list_shows_every_outlet_and_the_generic_spider() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    listed = proc.stdout.split()
    assert listed == sorted([*(o.name for o in OUTLETS), "generic"])


def test_readme_outlet_table_is_made_from_the_declarations() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    shown = readme[readme.index(START) : readme.index(END) + len(END)]
    assert shown == readme_section(), "run `python -m newscrawl.outlet_table` and commit README.md"
