"""The crawl state: one suite for both implementations (SQLite and Redis), then what only
a state shared by several machines has to get right."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from newscrawl.keep.redis_link import connect
from newscrawl.keep.redis_state import RedisState
from newscrawl.keep.state import CrawlState, SqliteState, content_hash

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 6, 29, 12, tzinfo=WIB)
WINDOW = timedelta(hours=48)
URL = "https://www.nusadaily.com/a"


def record(url: str = URL, body: str = "Isi.", revision: int = 1) -> dict[str, Any]:
    return {
        "outlet": "nusadaily",
        "url": url,
        "headline": "Judul",
        "body": body,
        "published_at": "2026-06-28T10:05:00+07:00",
        "updated_at": None,
        "revision": revision,
    }


@pytest.fixture(params=["sqlite", "redis"])
def state(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CrawlState]:
    opened: CrawlState
    if request.param == "sqlite":
        opened = SqliteState(tmp_path / "state.sqlite3")
    else:
        opened = RedisState(connect(request.getfixturevalue("redis_url")), "host-1")
    yield opened
    opened.close()


def emit(state: CrawlState, item: dict[str, Any]) -> dict[str, Any]:
    """What the pipelines do: claim, write (here: nothing), record."""
    verdict = state.claim(item)
    assert verdict.revision is not None, verdict
    item = {**item, "revision": verdict.revision}
    state.record_emitted(item, NOW)
    return item


def test_state_remembers_emitted_articles_and_their_aliases(state: CrawlState) -> None:
    assert state.needs_fetch("nusadaily", URL, NOW, WINDOW)
    emit(state, record())
    state.add_alias("nusadaily", "http://www.nusadaily.com/a?utm_source=x", URL)
    known = state.get("nusadaily", "http://www.nusadaily.com/a?utm_source=x")
    assert known is not None
    assert (known.url, known.revision, known.content_hash) == (URL, 1, content_hash(record()))
    assert known.published_at == datetime(2026, 6, 28, 10, 5, tzinfo=WIB)
    # Young articles are fetched again (they may change), old ones are not.
    assert state.needs_fetch("nusadaily", URL, NOW, WINDOW)
    assert not state.needs_fetch("nusadaily", URL, NOW + timedelta(days=2), WINDOW)
    assert state.get("detik", URL) is None  # outlets are separate
    state.record_not_article("nusadaily", "https://www.nusadaily.com/galeri", NOW)
    assert not state.needs_fetch("nusadaily", "https://www.nusadaily.com/galeri", NOW, WINDOW)
    assert state.needs_fetch("detik", "https://www.nusadaily.com/galeri", NOW, WINDOW)


def test_claim_says_new_unchanged_or_the_next_revision(state: CrawlState) -> None:
    assert state.claim(record()).outcome == "new"
    first = emit(state, record())
    assert first["revision"] == 1
    unchanged = state.claim(record())
    assert (unchanged.outcome, unchanged.revision) == ("unchanged", None)
    assert "revision 1" in unchanged.detail
    changed = state.claim(record(body="Isi baru."))
    assert (changed.outcome, changed.revision) == ("updated", 2)
    state.record_emitted(record(body="Isi baru.", revision=2), NOW)
    known = state.get("nusadaily", URL)
    assert known is not None and known.revision == 2
    assert known.content_hash == content_hash(record(body="Isi baru."))


def test_a_killed_runs_lines_are_recovered_as_emitted(state: CrawlState) -> None:
    lines = [record(f"{URL}{n}") for n in range(3)]
    assert state.recover(lines, NOW, "host-9") == lines
    assert state.count("nusadaily") == 3
    assert state.count("detik") == 0
    assert state.count() == 3
    assert state.claim(record(f"{URL}1")).outcome == "unchanged"


# -- only where several machines share the state ----------------------------------------


def machines(redis_url: str, *names: str, lease: float = 30.0) -> list[RedisState]:
    return [RedisState(connect(redis_url), name, lease=lease) for name in names]


def test_two_machines_parsing_the_same_article_at_once_emit_it_once(redis_url: str) -> None:
    a, b = machines(redis_url, "host-a", "host-b")
    articles = [record(f"{URL}{n}") for n in range(200)]
    won: dict[str, list[str]] = {"host-a": [], "host-b": []}
    start = threading.Barrier(2)

    def crawl(state: RedisState) -> None:
        start.wait()
        for item in articles:
            if state.claim(item).revision is not None:
                state.record_emitted(item, NOW)
                won[state.machine].append(item["url"])

    threads = [threading.Thread(target=crawl, args=(s,)) for s in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    emitted = won["host-a"] + won["host-b"]
    assert sorted(emitted) == sorted(item["url"] for item in articles)
    assert a.count("nusadaily") == 200


def test_a_claim_holds_off_other_machines_until_released_or_its_machine_dies(
    redis_url: str,
) -> None:
    a, b = machines(redis_url, "host-a", "host-b")
    assert a.claim(record()).outcome == "new"
    taken = b.claim(record())
    assert (taken.outcome, taken.revision) == ("taken", None)
    assert "host-a" in taken.detail
    a.release()  # a leaves cleanly without writing the line
    assert b.claim(record()).outcome == "new"

    (short,) = machines(redis_url, "host-c", lease=0.3)
    assert short.claim(record(f"{URL}2")).outcome == "new"
    # host-c is killed: its lease runs out and the article is b's to emit.
    deadline = time.monotonic() + 30
    while (verdict := b.claim(record(f"{URL}2"))).outcome == "taken":
        assert time.monotonic() < deadline, "host-c's claim never expired"
        time.sleep(0.05)
    assert verdict.outcome == "new"


def test_recovering_a_killed_machines_file_drops_what_another_machine_emitted(
    redis_url: str,
) -> None:
    killed, other, recovering = machines(redis_url, "host-k", "host-o", "host-r")
    # host-k wrote three lines; it recorded the first and was killed before recording the
    # others. Meanwhile host-o emitted the second (host-k's claim had expired).
    lines = [record(f"{URL}{n}") for n in range(3)]
    for item in lines:
        assert killed.claim(item).outcome == "new"
    killed.record_emitted(lines[0], NOW)
    killed.client.hdel("newscrawl:{nusadaily}:machines", "host-k")  # its lease is gone
    emit(other, lines[1])
    kept = recovering.recover(lines, NOW, "host-k")
    assert [item["url"] for item in kept] == [lines[0]["url"], lines[2]["url"]]
    # The third is now known as emitted: nobody emits it again.
    assert other.claim(lines[2]).outcome == "unchanged"
    # Recovering the same file twice (two machines racing) keeps the same lines.
    assert recovering.recover(lines, NOW, "host-k") == kept


def test_recovery_leaves_an_article_to_the_machine_writing_it_now(redis_url: str) -> None:
    writing, recovering = machines(redis_url, "host-w", "host-r")
    assert writing.claim(record()).outcome == "new"
    assert recovering.recover([record()], datetime(2026, 6, 30, tzinfo=UTC), "host-k") == []
