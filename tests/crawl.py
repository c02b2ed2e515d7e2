"""Run a real ``scrapy crawl`` against a fixture site replayed from a WARC.

A fixture site is ``tests/fixtures/<outlet>/site.json``: a list of
``{"url", "file", "content_type", "status"}``; ``file`` is relative to the outlet's
fixture folder (or ``shared:<path>``), and may be omitted for an empty body.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from newscrawl.keep.warc import SavedResponse, write_warc
from newscrawl.record import FIELDS, schema_errors
from tests.cases import FIXTURES, ROOT, SHARED_PAGES, project_env, read_page

#: The fetch time written into fixture WARCs (replay makes it the records' fetched_at).
FIXTURE_FETCHED_AT = datetime(2026, 11, 1, tzinfo=UTC)


def site_responses(outlet: str, site: str = "site.json") -> list[SavedResponse]:
    entries = json.loads((FIXTURES / outlet / site).read_text("utf-8"))
    if any(e.get("file", "").startswith("shared:") for e in entries) and not SHARED_PAGES.is_dir():
        pytest.skip(
            f"the {outlet} fixture site uses real pages from {SHARED_PAGES}, which is absent"
        )
    return [
        SavedResponse(
            url=e["url"],
            status=e.get("status", 200),
            headers=[("Content-Type", e.get("content_type", "text/html; charset=UTF-8"))],
            body=read_page(e["file"], outlet) if e.get("file") else b"",
            fetched_at=FIXTURE_FETCHED_AT,
        )
        for e in entries
    ]


@dataclass
class CrawlResult:
    returncode: int
    lines: list[str]
    stats: dict[str, Any]
    log: str

    @property
    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.lines]

    def checked_records(self, outlet: str) -> list[dict[str, Any]]:
        """The records, once the crawl is known to have gone right: exit 0, every line UTF-8
        as-is, keys in the schema's order, schema-valid, of ``outlet``, no URL twice."""
        assert self.returncode == 0, self.log[-3000:]
        records = self.records
        for number, (line, record) in enumerate(zip(self.lines, records, strict=True), 1):
            assert "\\u" not in line, f"line {number} escapes non-ASCII text"
            assert list(record) == list(FIELDS), f"line {number}: key order"
            assert not schema_errors(record), f"line {number}: {schema_errors(record)}"
            assert record["outlet"] == outlet, f"line {number}: outlet {record['outlet']!r}"
        urls = [record["url"] for record in records]
        assert len(urls) == len(set(urls)), f"duplicate URLs in the output: {urls}"
        return records


def replay_crawl(
    outlet: str,
    tmp_path: Path,
    responses: list[SavedResponse] | None = None,
    args: tuple[str, ...] = (),
) -> CrawlResult:
    """``scrapy crawl <outlet>`` as a subprocess, every request answered from a WARC."""
    warc = tmp_path / f"{outlet}-site.warc.gz"
    write_warc(warc, responses if responses is not None else site_responses(outlet))
    out, stats, log = tmp_path / "out.jsonl", tmp_path / "stats.json", tmp_path / "crawl.log"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        outlet,
        "-O",
        str(out),
        "-s",
        f"NEWSCRAWL_REPLAY={warc}",
        "-s",
        f"NEWSCRAWL_STATS_FILE={stats}",
        "-s",
        f"NEWSCRAWL_STATE={tmp_path / 'state.sqlite3'}",
        "-s",
        f"LOG_FILE={log}",
        "-s",
        "LOG_LEVEL=INFO",
        *args,
    ]
    env = project_env()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=300, check=False)
    log_text = log.read_text("utf-8") if log.exists() else proc.stderr.decode("utf-8", "replace")
    lines = out.read_text("utf-8").splitlines() if out.exists() else []
    stat_values = json.loads(stats.read_text("utf-8")) if stats.exists() else {}
    return CrawlResult(proc.returncode, lines, stat_values, log_text)
