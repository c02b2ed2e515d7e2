"""Parse workers: the same outcomes as parsing in-process, and a dead worker loses no page."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl import workers
from newscrawl.api import Outcome, RawPage, parse_fetched
from newscrawl.workers import ParsePool, worker_count

FIXTURES = Path(__file__).parent / "fixtures"
FETCHED = datetime(2026, 6, 30, 3, 0, tzinfo=UTC)
SLUG = "kemenkes-perluas-skrining-jantung-gratis-ke-120-kabupaten-tahun-ini"
ARTICLE = RawPage(
    (FIXTURES / "nusadaily" / "articles" / f"{SLUG}.html").read_bytes(),
    f"https://www.nusadaily.com/berita/{SLUG}.html",
    "text/html; charset=utf-8",
)
EMPTY = RawPage(b"", "https://www.nusadaily.com/kosong", None)
NOT_ARTICLE = RawPage(
    b"<html><body><h1>Kategori</h1></body></html>", "https://www.nusadaily.com/kategori", None
)


def test_worker_count_reads_numbers_and_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count("0") == 0
    assert worker_count(3) == 3
    assert worker_count(None) == 0
    monkeypatch.setattr(workers, "_usable_cores", lambda: 1)
    assert worker_count("auto") == 0  # one core: the crawl process parses
    monkeypatch.setattr(workers, "_usable_cores", lambda: 2)
    assert worker_count("AUTO") == 1
    monkeypatch.setattr(workers, "_usable_cores", lambda: 64)
    assert worker_count("auto") == workers.MAX_AUTO_WORKERS
    with pytest.raises(ValueError, match="number or 'auto'"):
        worker_count("many")
    with pytest.raises(ValueError, match="negative"):
        worker_count("-1")


def test_refusals_say_why_and_which_page() -> None:
    empty = parse_fetched([EMPTY], "nusadaily", FETCHED, find_more=True)
    assert (empty.record, empty.reason, empty.url, empty.parser) == (
        None,
        "empty_response",
        EMPTY.url,
        None,
    )
    category = parse_fetched([NOT_ARTICLE], "nusadaily", FETCHED, find_more=True)
    assert category.reason == "not_an_article" and category.not_article
    assert category.parser is not None and category.parser.startswith("nusadaily/")


def parse_all(
    pool: ParsePool, pages: list[RawPage], kill_after_first: bool = False
) -> tuple[list[Outcome], int]:
    """The pages' outcomes from ``pool``, and how many worker processes it had started."""

    async def run() -> tuple[list[Outcome], int]:
        await pool.start()
        running = len(pool._processes)
        tasks = [
            asyncio.ensure_future(pool.parse([page], "nusadaily", FETCHED, find_more=True))
            for page in pages
        ]
        if kill_after_first:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            os.kill(pool._processes[0].process.pid, signal.SIGKILL)
        try:
            return list(await asyncio.gather(*tasks)), running
        finally:
            await pool.close()

    return asyncio.run(run())


def test_workers_give_the_outcomes_of_parsing_in_process() -> None:
    pages = [ARTICLE, EMPTY, NOT_ARTICLE]
    inline = [parse_fetched([page], "nusadaily", FETCHED, find_more=True) for page in pages]
    assert inline[0].record is not None
    assert (
        inline[0].record["headline"]
        == "Kemenkes Perluas Skrining Jantung Gratis ke 120 Kabupaten Tahun Ini"
    )
    assert [o.reason for o in inline] == ["", "empty_response", "not_an_article"]
    assert parse_all(ParsePool(2), pages) == (inline, 2)
    assert parse_all(ParsePool(0), pages) == (inline, 0)


def test_pages_in_a_killed_workers_hands_are_parsed_by_its_replacement() -> None:
    pool = ParsePool(1)
    outcomes, _ = parse_all(pool, [ARTICLE] * 40, kill_after_first=True)
    assert all(outcome.record is not None for outcome in outcomes)
    assert pool.restarts == 1


def test_a_page_that_kills_every_worker_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # A "worker" that says it is ready, then dies as soon as a task arrives.
    dies = "import sys; sys.stdout.buffer.write(bytes(4)); sys.stdout.flush(); sys.stdin.read(1)"
    monkeypatch.setattr(workers, "WORKER_COMMAND", (sys.executable, "-c", dies))
    pool = ParsePool(1)
    (outcome,), _ = parse_all(pool, [ARTICLE])
    assert (outcome.record, outcome.reason, outcome.url) == (None, "worker_crashed", ARTICLE.url)
    assert pool.restarts == 2


def test_a_page_a_worker_is_stuck_on_is_refused_after_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A "worker" that says it is ready, takes a task and never answers.
    stuck = (
        "import sys, time; sys.stdout.buffer.write(bytes(4)); sys.stdout.flush(); "
        "sys.stdin.buffer.read(8); time.sleep(600)"
    )
    monkeypatch.setattr(workers, "WORKER_COMMAND", (sys.executable, "-c", stuck))
    pool = ParsePool(1, timeout=0.5)
    (outcome,), _ = parse_all(pool, [ARTICLE])
    assert (outcome.record, outcome.reason, outcome.url) == (None, "parse_timeout", ARTICLE.url)
    assert pool.restarts == 2


def test_workers_that_cannot_start_leave_the_parsing_to_the_crawl_process(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(workers, "WORKER_COMMAND", (sys.executable, "-c", "raise SystemExit(3)"))
    (outcome,), running = parse_all(ParsePool(1), [ARTICLE])
    assert outcome.record is not None
    assert running == 0
    assert "parse workers cannot start" in caplog.text


def test_one_shared_pool_per_size_until_its_last_user_releases_it() -> None:
    first = ParsePool.shared(3)
    assert ParsePool.shared(3) is first  # a second crawl in the process gets the same pool
    asyncio.run(first.release())
    assert ParsePool.shared(3) is first  # the second user still holds it (now two again)
    asyncio.run(first.release())
    asyncio.run(first.release())  # the last user: the pool is stopped and forgotten
    fresh = ParsePool.shared(3)
    assert fresh is not first
    asyncio.run(fresh.release())


def test_a_crawl_emits_the_same_records_and_drops_with_or_without_workers(
    tmp_path: Path,
) -> None:
    from tests.crawl import replay_crawl
    from tests.test_nusadaily import bad_input_site

    seen = {}
    for count in ("0", "2"):
        folder = tmp_path / count
        folder.mkdir()
        args = ("-s", "NEWSCRAWL_RETRY_BACKOFF_BASE=0", "-s", f"NEWSCRAWL_PARSE_WORKERS={count}")
        result = replay_crawl("nusadaily", folder, bad_input_site(), args=args)
        records = sorted(result.checked_records("nusadaily"), key=lambda record: str(record["url"]))
        drops = {k: v for k, v in result.stats.items() if k.startswith("newscrawl/dropped/")}
        assert result.stats["newscrawl/parse_workers"] == int(count)
        seen[count] = (records, drops)
    assert len(seen["0"][0]) == 7 and sum(seen["0"][1].values()) == 5
    assert seen["2"] == seen["0"]


BROKEN_WORKER = (
    "import newscrawl.workers as w\n"
    "def broken(*args):\n"
    "    raise ValueError('Invalid IPv6 URL')\n"
    "w.parse_fetched = broken\n"
    "w.serve()\n"
)


@pytest.mark.parametrize("count", [0, 1])
def test_an_exception_in_a_parser_becomes_a_counted_outcome(
    count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not lost as a spider error: the page is refused as parser_error/<ExceptionType>, with the
    outlet's parser named so its health counts it, in a worker as in the crawl process."""

    def broken(*args: object) -> Outcome:
        raise ValueError("Invalid IPv6 URL")

    monkeypatch.setattr(workers, "parse_fetched", broken)
    monkeypatch.setattr(workers, "WORKER_COMMAND", (sys.executable, "-c", BROKEN_WORKER))
    (outcome,), _ = parse_all(ParsePool(count), [ARTICLE])
    assert outcome.record is None
    assert outcome.reason == "parser_error/ValueError"
    assert outcome.parser is not None and outcome.parser.startswith("nusadaily/")
    assert "Invalid IPv6 URL" in outcome.detail and outcome.url == ARTICLE.url


def test_python_work_past_the_limit_is_a_parse_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    def runaway(*args: object) -> Outcome:
        re.match(r"(a+)+$", "a" * 64 + "b")  # never ends on its own
        raise AssertionError("unreachable")

    monkeypatch.setattr(workers, "parse_fetched", runaway)
    outcome = workers.parse_guarded([ARTICLE], "nusadaily", FETCHED, True, limit=0.2)
    assert (outcome.record, outcome.reason) == (None, "parse_timeout")
