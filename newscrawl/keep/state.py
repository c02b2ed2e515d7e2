"""The persistent crawl state: what each outlet's runs have already emitted.

:class:`CrawlState` is what the spider and the pipelines ask; two implementations
answer it: :class:`SqliteState` (one machine, below) and
:class:`newscrawl.keep.redis_state.RedisState` (several machines on one Redis).

SQLite: one file for all outlets. A row per emitted article (canonical URL, content
hash, dates, revision, when it was emitted); an alias table maps the URLs articles
were fetched under (``?single=1``, ``http://``, tracking-free variants) to their
canonical URL, so a scheduled run can skip fetching a page it already has.

The file uses WAL journaling with ``synchronous=NORMAL``: a commit survives the
crawler being killed (SIGKILL), which is the failure cron jobs meet.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from newscrawl.urls import canonical_url

#: The fields whose change makes a new revision (not fetch time, parser or revision).
CONTENT_FIELDS = (
    "headline",
    "subheadline",
    "published_at",
    "authors",
    "editors",
    "section",
    "tags",
    "dateline",
    "body",
    "baca_juga",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    outlet TEXT NOT NULL,
    url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TEXT NOT NULL,
    updated_at TEXT,
    revision INTEGER NOT NULL,
    emitted_at TEXT NOT NULL,
    PRIMARY KEY (outlet, url)
);
CREATE TABLE IF NOT EXISTS not_articles (
    outlet TEXT NOT NULL,
    url TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (outlet, url)
);
CREATE TABLE IF NOT EXISTS aliases (
    outlet TEXT NOT NULL,
    fetch_url TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (outlet, fetch_url)
);
"""


def content_hash(record: dict[str, Any]) -> str:
    """A stable hash of what the article says (sha256 of its content fields)."""
    content = {key: record.get(key) for key in CONTENT_FIELDS}
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def url_key(url: str) -> str:
    """How a URL is looked up: canonical form (https, no tracking, no fragment)."""
    return canonical_url(url)


@dataclass(frozen=True)
class Emitted:
    url: str
    content_hash: str
    published_at: datetime
    updated_at: datetime | None
    revision: int
    emitted_at: datetime


@dataclass(frozen=True)
class Verdict:
    """What to do with a parsed record: emit it as ``revision``, or not (``revision`` None)."""

    #: new/updated: emit; unchanged: same content already emitted; taken: another machine
    #: is emitting this article right now.
    outcome: Literal["new", "updated", "unchanged", "taken"]
    revision: int | None
    detail: str = ""


class CrawlState(Protocol):
    """What the spider and the pipelines need to know about earlier runs.

    Emitting a record is two steps: :meth:`claim` decides (atomically, where several
    machines share the state) whether and under which revision it goes out; once the
    line is in an output file, :meth:`record_emitted` makes it known. A run killed
    between the two leaves a line the state does not know: :meth:`recover` settles it.
    """

    def get(self, outlet: str, url: str) -> Emitted | None: ...

    def needs_fetch(self, outlet: str, url: str, now: datetime, recheck: timedelta) -> bool: ...

    def record_not_article(self, outlet: str, url: str, seen_at: datetime) -> None: ...

    def add_alias(self, outlet: str, fetch_url: str, url: str) -> None: ...

    def claim(self, record: dict[str, Any]) -> Verdict: ...

    def record_emitted(self, record: dict[str, Any], emitted_at: datetime) -> None: ...

    def recover(
        self, records: list[dict[str, Any]], emitted_at: datetime, owner: str
    ) -> list[dict[str, Any]]:
        """Record the complete lines of a killed run's file (written by ``owner``, ""
        when unknown) as emitted; return the lines the file keeps."""
        ...

    def count(self, outlet: str | None = None) -> int: ...

    def close(self) -> None: ...


def verdict_for(known: Emitted | None, record: dict[str, Any]) -> Verdict:
    """New, changed or unchanged, against what was emitted before."""
    if known is None:
        return Verdict("new", 1)
    if known.content_hash == content_hash(record):
        return Verdict("unchanged", None, f"unchanged since revision {known.revision}")
    return Verdict("updated", known.revision + 1)


class SqliteState:
    """The state in one SQLite file. One process per outlet at a time (the output lock)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def get(self, outlet: str, url: str) -> Emitted | None:
        """The emitted article known under ``url`` (canonical or an alias it was fetched as)."""
        key = url_key(url)
        row = self.db.execute(
            "SELECT url, content_hash, published_at, updated_at, revision, emitted_at "
            "FROM articles WHERE outlet = ? AND url IN "
            "(?, (SELECT url FROM aliases WHERE outlet = ? AND fetch_url = ?))",
            (outlet, key, outlet, key),
        ).fetchone()
        if row is None:
            return None
        url, digest, published, updated, revision, emitted = row
        return Emitted(
            url,
            digest,
            datetime.fromisoformat(published),
            datetime.fromisoformat(updated) if updated else None,
            int(revision),
            datetime.fromisoformat(emitted),
        )

    def needs_fetch(self, outlet: str, url: str, now: datetime, recheck: timedelta) -> bool:
        """Fetch unknown pages, and known ones still inside the re-check window.

        Pages once found not to be articles (galleries, videos) are not fetched again.
        """
        known = self.get(outlet, url)
        if known is not None:
            return now - known.published_at < recheck
        query = "SELECT 1 FROM not_articles WHERE outlet = ? AND url = ?"
        return self.db.execute(query, (outlet, url_key(url))).fetchone() is None

    def record_not_article(self, outlet: str, url: str, seen_at: datetime) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO not_articles (outlet, url, seen_at) VALUES (?, ?, ?)",
            (outlet, url_key(url), seen_at.isoformat(timespec="seconds")),
        )

    def add_alias(self, outlet: str, fetch_url: str, url: str) -> None:
        key = url_key(fetch_url)
        if key != url:
            self.db.execute(
                "INSERT OR REPLACE INTO aliases (outlet, fetch_url, url) VALUES (?, ?, ?)",
                (outlet, key, url),
            )

    def record_emitted(self, record: dict[str, Any], emitted_at: datetime) -> None:
        """Remember that ``record`` (with its revision) is in an output file."""
        self.db.execute(
            "INSERT OR REPLACE INTO articles (outlet, url, content_hash, published_at, "
            "updated_at, revision, emitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                record["outlet"],
                record["url"],
                content_hash(record),
                record["published_at"],
                record["updated_at"],
                record["revision"],
                emitted_at.isoformat(timespec="seconds"),
            ),
        )

    def claim(self, record: dict[str, Any]) -> Verdict:
        # One process per outlet: nobody else can emit the article between here and
        # record_emitted.
        return verdict_for(self.get(record["outlet"], record["url"]), record)

    def recover(
        self, records: list[dict[str, Any]], emitted_at: datetime, owner: str
    ) -> list[dict[str, Any]]:
        with self.transaction():
            for record in records:
                self.record_emitted(record, emitted_at)
        return records

    def count(self, outlet: str | None = None) -> int:
        if outlet is None:
            return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        query = "SELECT COUNT(*) FROM articles WHERE outlet = ?"
        return int(self.db.execute(query, (outlet,)).fetchone()[0])
