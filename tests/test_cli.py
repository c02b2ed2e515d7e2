"""``newscrawl parse``: one JSON line out, or exit 1 with a one-line reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newscrawl.record import FIELDS, schema_errors
from tests.cases import ROOT
from tests.test_spider import ARTICLE

URL = "https://www.nusadaily.com/satu"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "newscrawl.cli", "parse", *args]
    return subprocess.run(command, input=stdin, capture_output=True, cwd=ROOT, check=False)


def test_parse_file_prints_one_schema_valid_line(tmp_path: Path) -> None:
    page = tmp_path / "satu.html"
    html = ARTICLE.format(slug="satu", date="Jun 25, 2026")
    page.write_text(html.replace("Penutup.", "Penutup “kutipan” café."), "utf-8")
    proc = run("--url", URL, "--fetched-at", "2026-06-30T03:00:00Z", str(page))
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.decode().splitlines()
    record = json.loads(line)
    assert list(record) == list(FIELDS)
    assert not schema_errors(record)
    assert record["fetched_at"] == "2026-06-30T03:00:00+00:00"
    # UTF-8 as-is: the body's non-ASCII text is in the line, not \u escapes.
    assert "“kutipan”" in line and "\\u" not in line


def test_parse_stdin() -> None:
    body = ARTICLE.format(slug="satu", date="Jun 25, 2026").encode()
    proc = run("--url", URL, "-", stdin=body)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["headline"] == "Judul satu"


def test_non_article_exits_1_with_one_line_reason() -> None:
    proc = run("--url", URL, "-", stdin=b"<html><body><p>Halaman kategori</p></body></html>")
    assert proc.returncode == 1
    assert proc.stdout == b""
    (line,) = proc.stderr.decode().splitlines()
    assert line.startswith(f"newscrawl: {URL}: not_an_article")


def test_unsupported_site_exits_1() -> None:
    proc = run("--url", "ftp://example.org/a", "-", stdin=b"<html><body><p>x</p></body></html>")
    assert proc.returncode == 1
    assert b"unsupported_site" in proc.stderr
