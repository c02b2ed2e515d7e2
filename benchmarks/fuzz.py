"""Fuzzing at length: mutated pages of every outlet, date strings pieced together at random, and a
few hostile pages of up to 5 MB, each parse timed.

The mutations are :mod:`tests.mutations` (the suite's fuzz test draws the same ones, a few
hundred of them); here a seeded random run draws thousands, spread evenly over the outlets, from
the pages :mod:`benchmarks.parsing` times (fixtures and the real pages in ``../shared/pages``).
Figures: exceptions other than ``ArticleError`` (target 0), parses over 2 s (target 0), the
slowest parse. A page is parsed the way ``newscrawl parse`` does, in this process, unbounded:
what is measured is the parser's own work, not a time limit cutting it short.
"""

from __future__ import annotations

import random
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.parsing import BenchPage, collect_pages
from benchmarks.stats import Row
from newscrawl import parse_article
from newscrawl.dates import parse_indonesian_datetime, parse_iso_datetime
from newscrawl.errors import ArticleError
from newscrawl.limits import MAX_TAGS
from newscrawl.outlet import outlet_for_url
from tests.cases import FIXTURES
from tests.mutations import DATE_TOKENS, MUTATIONS, PAYLOADS

NOW = datetime(2026, 7, 1, 3, tzinfo=UTC)
#: The time every page of at most 5 MB must be parsed or refused in.
LIMIT = 2.0
SEED = 20261207


#: The nusadaily article the hostile pages are made from: a real-size Varient page.
HOSTILE_SLUG = "harga-cabai-rawit-di-pasar-besar-malang-tembus-rp80-ribu-per-kilogram"
HOSTILE_URL = f"https://www.nusadaily.com/{HOSTILE_SLUG}"
_AUTHOR = b'"author": {\n        "@type": "Person",\n        "name": "Ari Prasetyo"\n    },'
_BODY = b'<div class="post-text mt-4">'


def hostile_pages() -> dict[str, bytes]:
    """A real nusadaily article made expensive in one way each, every one at most 5 MB."""
    page = (FIXTURES / "nusadaily" / "articles" / f"{HOSTILE_SLUG}.html").read_bytes()

    def in_body(html: bytes) -> bytes:
        return page.replace(_BODY, _BODY + html, 1)

    sentence = b"Harga cabai rawit di Pasar Besar Kota Malang terus merangkak naik. "
    paragraph = b"<p>" + sentence * 4 + b"</p>\n"
    # Just under MAX_TAGS (the page's own ~2,000 tags included): the most a page may cost.
    most = (MAX_TAGS - page.count(b"<")) // 2 - 10
    inside = (MAX_TAGS - page.count(b"<")) // 1001
    return {
        "5 MB article body": in_body(paragraph * ((5_000_000 - len(page)) // len(paragraph))),
        f"{most:,} tiny paragraphs with control characters in attribute names": in_body(
            b'<p a\x01b="1">x</p>' * most
        ),
        f"{most // 2:,} links and images with bad ports and IPv6 brackets": in_body(
            b'<a href="http://[::1/x">a</a><img src="https://x.id:undefined/i.jpg">' * (most // 2)
        ),
        "200,000 tags": in_body(b"<i>x</i>" * 100_000),
        # Each "<a" inside an element starts an attempt of the attribute check of its own.
        f"{inside:,} elements of 999 tag-like attribute names": in_body(
            (b"<div " + b"<a " * 999 + b">x</div>") * inside
        ),
        "100,000 attributes on one element": in_body(
            b"<div " + b" ".join(b'a%d="x"' % n for n in range(100_000)) + b">x</div>"
        ),
        "machine dates padded with 4 MB of spaces": page.replace(
            b"2026-06-28T10:05:00+0700", b"2026-06-28" + b" " * 2_000_000 + b"10:05"
        ),
        "JSON-LD author nested 100,000 deep": page.replace(
            _AUTHOR, b'"author": ' + b"[" * 100_000 + b'"A"' + b"]" * 100_000 + b","
        ),
        "JSON-LD author nested 900 deep": page.replace(
            _AUTHOR, b'"author": ' + b"[" * 900 + b'"A"' + b"]" * 900 + b","
        ),
        "1,000 unclosed inline tags (text.py, the lead's)": in_body(b"<p>" + b"<b>" * 1000),
    }


def _parse(html: bytes, url: str) -> tuple[float, str]:
    """Seconds taken and the outcome: ``record``, the refusal's reason, or the exception."""
    started = time.perf_counter()
    try:
        parse_article(html, url, NOW)
        outcome = "record"
    except ArticleError as exc:
        outcome = exc.reason
    except Exception as exc:  # what the fuzz looks for
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        newscrawl_frames = [
            f for f in traceback.extract_tb(exc.__traceback__) if "/newscrawl/" in f.filename
        ]
        where = newscrawl_frames[-1] if newscrawl_frames else frame
        outcome = f"EXCEPTION {type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
    return time.perf_counter() - started, outcome


def _by_outlet(pages: list[BenchPage]) -> dict[str, list[BenchPage]]:
    found: dict[str, list[BenchPage]] = defaultdict(list)
    for page in pages:
        found[outlet_for_url(page.url).name].append(page)
    return dict(sorted(found.items()))


def fuzz_pages(count: int, log: Callable[[str], None]) -> tuple[list[Row], list[str]]:
    rng = random.Random(SEED)
    outlets = _by_outlet(collect_pages()[0])
    names = list(outlets)
    times: list[float] = []
    outcomes: Counter[str] = Counter()
    exceptions: list[str] = []
    slow: list[str] = []
    slowest = (0.0, "")
    for number in range(count):
        outlet = names[number % len(names)]
        page = rng.choice(outlets[outlet])
        mutation = rng.choice(MUTATIONS)
        at, payload, times_ = (
            rng.randrange(10**7),
            rng.randrange(len(PAYLOADS)),
            rng.randrange(10**6),
        )
        body = mutation.apply(page.html, at, PAYLOADS[payload], times_)
        seconds, outcome = _parse(body, page.url)
        times.append(seconds)
        outcomes[outcome.split(" at ")[0]] += 1
        label = f"{page.name} {mutation.name}(at={at}, payload={payload}, count={times_})"
        if outcome.startswith("EXCEPTION"):
            exceptions.append(f"{outcome}: {label}")
        if seconds > LIMIT:
            slow.append(f"{seconds:.1f} s: {label}")
        if seconds > slowest[0]:
            slowest = (seconds, label)
        if number % 1000 == 999:
            log(f"  fuzz: {number + 1} pages")
    times.sort()
    over = sum(1 for t in times if t > LIMIT)
    rows = [
        Row("fuzz", f"mutated pages parsed ({len(names)} outlets)", [count], digits=0),
        Row("fuzz", "exceptions other than ArticleError", [len(exceptions)], "", ("<=", 0), 0),
        Row("fuzz", f"parses over {LIMIT:g} s", [over], "", ("<=", 0), 0),
        Row("fuzz", "  slowest parse", [slowest[0] * 1000], "ms", digits=0),
        Row("fuzz", "  99th percentile parse", [times[int(len(times) * 0.99)] * 1000], "ms"),
    ]
    notes = [
        "fuzz outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()),
        f"fuzz slowest: {slowest[0]:.2f} s, {slowest[1]}",
        *(f"fuzz over {LIMIT:g} s: {line}" for line in slow[:20]),
        *(f"fuzz exception: {line}" for line in exceptions[:20]),
    ]
    return rows, notes


def fuzz_dates(count: int) -> tuple[list[Row], list[str]]:
    rng = random.Random(SEED)
    alphabet = "0123456789 -/:.,+TZ" + "abcdefghijklmnopqrstuvwxyz" + "\u00a0\u2013\ufffd"
    exceptions: list[str] = []
    slowest = 0.0
    for number in range(count):
        if number % 2:
            text = "".join(rng.choice(DATE_TOKENS) for _ in range(rng.randrange(1, 14)))
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        if number % 100 == 0:  # now and then, padded as a template slip pads it
            text = text[:10] + " " * rng.randrange(1000, 40_000) + text[10:]
        started = time.perf_counter()
        try:
            for found in (parse_indonesian_datetime(text, now=NOW), parse_iso_datetime(text)):
                if found is not None and found.utcoffset() is None:
                    exceptions.append(f"naive result for {text[:60]!r}")
        except Exception as exc:
            exceptions.append(f"{type(exc).__name__} for {text[:60]!r}")
        slowest = max(slowest, time.perf_counter() - started)
    rows = [
        Row("fuzz", "date strings parsed", [count], digits=0),
        Row("fuzz", "date exceptions or naive results", [len(exceptions)], "", ("<=", 0), 0),
        Row("fuzz", "  slowest date string", [slowest * 1000], "ms"),
    ]
    return rows, [f"date fuzz: {line}" for line in exceptions[:20]]


def hostile(log: Callable[[str], None]) -> tuple[list[Row], list[str]]:
    worst = 0.0
    notes = []
    for name, html in hostile_pages().items():
        seconds, outcome = _parse(html, HOSTILE_URL)
        worst = max(worst, seconds)
        notes.append(f"hostile page, {name} ({len(html) / 1e6:.1f} MB): {seconds:.2f} s, {outcome}")
        log(f"  {notes[-1]}")
    rows = [Row("fuzz", "slowest hostile page <= 5 MB", [worst], "s", ("<=", LIMIT))]
    return rows, notes


def run(pages: int, dates: int, log: Callable[[str], None] = print) -> tuple[list[Row], list[str]]:
    rows, notes = fuzz_pages(pages, log)
    date_rows, date_notes = fuzz_dates(dates)
    hostile_rows, hostile_notes = hostile(log)
    return [*rows, *date_rows, *hostile_rows], [*notes, *date_notes, *hostile_notes]
