"""``newscrawl parse``: one JSON line out, or exit 1 with a one-line reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.record import FIELDS, schema_errors
from tests.cases import ROOT, project_env
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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--url", URL, "."), "is a directory"),
        (("--url", URL, "no-such-page.html"), "no such file"),
        (("--url", "http://[::1/x", "-"), "is not a URL"),
        (("--url", URL, "--fetched-at", "kemarin", "-"), "is not an ISO 8601 time"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: tuple[str, ...], message: str) -> None:
    proc = run(*args, stdin=b"<html><body><p>x</p></body></html>")
    assert proc.returncode == 2
    (line,) = proc.stderr.decode().splitlines()
    assert line.startswith("newscrawl parse: ") and message in line


def test_a_url_that_is_not_utf8_is_a_usage_error() -> None:
    command = [sys.executable, "-m", "newscrawl.cli", "parse", "--url", b"https://x.id/\xff", "-"]
    proc = subprocess.run(command, input=b"", capture_output=True, cwd=ROOT, check=False)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == ["newscrawl parse: --url is not valid UTF-8"]


def crawl_command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "nusadaily", *args]
    # Run from another folder, as cron or scrapyd would: the settings module names the project.
    env = {**project_env(), "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    return subprocess.run(
        command, capture_output=True, text=True, cwd=cwd, env=env, timeout=120, check=False
    )


def test_a_spider_name_argument_cannot_write_outside_the_output_folder(tmp_path: Path) -> None:
    # scrapyd passes spider arguments from HTTP: "-a name=../../escaped" wrote .lock, .jsonl
    # and .report.json two folders up.
    (tmp_path / "a" / "b").mkdir(parents=True)
    proc = crawl_command(
        "-a",
        "name=../../escaped",
        "-s",
        "NEWSCRAWL_OUTPUT_DIR=out/%(name)s",
        "-s",
        "NEWSCRAWL_STATE=",
        cwd=tmp_path / "a" / "b",
    )
    assert proc.returncode == 2
    assert "cannot be changed" in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "b"]


def test_a_percent_sign_in_the_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    proc = crawl_command("-s", "NEWSCRAWL_OUTPUT_DIR=out/100%/x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "NEWSCRAWL_OUTPUT_DIR='out/100%/x'" in proc.stderr
    assert "Traceback" not in proc.stderr
