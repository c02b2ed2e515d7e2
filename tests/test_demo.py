"""``newscrawl demo``: offline, from our own fixture pages, into output/demo/ only."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from newscrawl.demo import DEMO_HINT, DEMO_OUTLETS, headlines
from tests.cases import FIXTURES
from tests.demo_warc import SHIPPED, demo_responses


def warc_contents(path: Path) -> set[tuple[str, str, str, str]]:
    found = set()
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                body = record.content_stream().read()
                found.add(
                    (
                        record.rec_headers.get_header("WARC-Target-URI"),
                        record.http_headers.get_statuscode(),
                        record.rec_headers.get_header("WARC-Date"),
                        hashlib.sha256(body).hexdigest(),
                    )
                )
    return found


def test_the_shipped_warc_is_what_the_fixtures_build(tmp_path: Path) -> None:
    fresh = tmp_path / "demo.warc.gz"
    from newscrawl.keep.warc import write_warc

    write_warc(fresh, demo_responses())
    assert warc_contents(SHIPPED) == warc_contents(fresh), (
        "newscrawl/data/demo.warc.gz is out of date: run `python -m tests.demo_warc`"
    )


def test_the_demo_pages_are_our_own_fixture_files() -> None:
    ours = {
        hashlib.sha256(path.read_bytes()).hexdigest()
        for outlet in DEMO_OUTLETS
        for path in (FIXTURES / outlet).rglob("*")
        if path.is_file()
    }
    bodies = {digest for *_, digest in warc_contents(SHIPPED)}
    assert bodies <= ours | {hashlib.sha256(b"").hexdigest()}
    assert len(DEMO_OUTLETS) >= 5


def test_the_shipped_warc_is_package_data() -> None:
    pyproject = (SHIPPED.parents[2] / "pyproject.toml").read_text("utf-8")
    assert '"data/*.warc.gz"' in pyproject
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", str(SHIPPED)],
        cwd=SHIPPED.parent,
        capture_output=True,
        check=False,
    )
    assert tracked.returncode == 0, "newscrawl/data/demo.warc.gz must be committed"


def test_demo_crawls_every_outlet_offline_into_its_own_folder(demo_output) -> None:
    home, proc = demo_output
    assert proc.returncode == 0, proc.stderr[-3000:]
    demo = home / "output" / "demo"
    for outlet in DEMO_OUTLETS:
        (output,) = (demo / outlet).glob("*.jsonl")
        records = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
        assert records, f"the demo wrote no record of {outlet}"
        assert {r["outlet"] for r in records} == {outlet}
        assert f"output/demo/{outlet}/{output.name}" in proc.stdout
        (report,) = (demo / outlet).glob("*.report.json")
        figures = json.loads(report.read_text("utf-8"))
        assert figures["health"]["ok"], outlet
        assert figures["download_errors"] == 0, f"{outlet} tried the network"
    # Its own state, never the real crawl's.
    assert (demo / "state.sqlite3").exists()
    assert sorted(p.name for p in (home / "output").iterdir()) == ["demo"]
    assert (demo / "report.html").stat().st_size > 10_000
    assert "output/demo/report.html" in proc.stdout


def test_demo_prints_a_few_headlines(demo_output) -> None:
    home, proc = demo_output
    shown = proc.stdout.split("A few headlines:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(shown) == 5
    files = sorted((home / "output" / "demo").glob("*/*.jsonl"))
    expected = headlines(files, 5)
    assert shown == [f"  [{outlet}] {headline}" for outlet, headline in expected]
    assert len({outlet for outlet, _ in expected}) == 5


def test_the_hint_names_the_demo_command() -> None:
    assert "`newscrawl demo`" in DEMO_HINT
