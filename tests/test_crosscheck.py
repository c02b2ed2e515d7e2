"""The drift alarm: a stable sample of dedicated-parser pages read by the generic parser too."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.api import RawPage, parse_fetched
from newscrawl.crosscheck import sampled, shingle_f1
from tests.cases import load_cases
from tests.crawl import replay_crawl, site_responses

FETCHED = datetime(2026, 11, 1, tzinfo=UTC)


def test_the_sample_is_stable_and_near_its_rate() -> None:
    urls = [f"https://www.detik.com/berita/d-{n}/judul" for n in range(4000)]
    picked = [u for u in urls if sampled(u, 0.05)]
    assert picked == [u for u in urls if sampled(u, 0.05)]  # the same every time
    assert 140 <= len(picked) <= 260  # about 5 % of 4000 (binomial spread, stable hash)
    assert not any(sampled(u, 0.0) for u in urls)
    assert all(sampled(u, 1.0) for u in urls)


def test_shingle_f1() -> None:
    text = "Presiden meresmikan jembatan baru di Kalimantan Timur pada Senin pagi."
    assert shingle_f1(text, text) == 1.0
    assert shingle_f1(text, "") == 0.0
    half = "Presiden meresmikan jembatan baru di Kalimantan Timur"
    assert 0.5 < shingle_f1(text, half) < 1.0


def test_a_sampled_dedicated_page_carries_the_generic_agreement() -> None:
    case = next(c for c in load_cases("detik") if c.name == "news-jalur-sepeda-baca-juga")
    pages = [RawPage(case.html(), case.url, "text/html")]
    checked = parse_fetched(pages, "detik", FETCHED, find_more=False, crosscheck_rate=1.0)
    assert checked.record is not None and checked.crosscheck is not None
    assert checked.crosscheck >= 0.8
    plain = parse_fetched(pages, "detik", FETCHED, find_more=False, crosscheck_rate=0.0)
    assert plain.crosscheck is None and plain.record == checked.record


def test_a_drifted_layout_is_counted_as_a_disagreement(tmp_path: Path) -> None:
    # The dedicated parser keeps reading the old container, which now holds only a teaser;
    # the article text moved to a new box next to it, which the generic parser finds.
    old, new = (
        b'<div class="post-text',
        b'<div class="post-text">Ringkas.</div><div class="isi-baru',
    )
    drifted = [replace(r, body=r.body.replace(old, new, 1)) for r in site_responses("nusadaily")]
    assert sum(old in r.body for r in site_responses("nusadaily")) >= 4
    result = replay_crawl(
        "nusadaily", tmp_path, drifted, args=("-s", "NEWSCRAWL_CROSSCHECK_RATE=1")
    )
    checked = {
        k: v for k, v in result.stats.items() if k.startswith("newscrawl/crosscheck/checked/")
    }
    disagrees = {
        k: v for k, v in result.stats.items() if k.startswith("newscrawl/crosscheck/disagrees/")
    }
    assert checked, result.log[-2000:]
    assert disagrees and sum(disagrees.values()) >= 1
