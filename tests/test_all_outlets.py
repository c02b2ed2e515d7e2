"""Every outlet crawled in one process from one archive of all the fixture sites, a scheduled
run then a backfill sharing one state: each outlet emits its fixture articles exactly once
across both runs' files, and every run is healthy."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.outlet import registry
from newscrawl.record import FIELDS, schema_errors
from newscrawl.urls import canonical_url, url_host
from tests.cases import FIXTURES, ROOT, SHARED_PAGES, load_cases, project_env
from tests.crawl import site_responses

#: The day the fixture sites were written for (their dated listings are that day's).
NOW = "2026-11-01T12:00:00+07:00"
#: The backfill reaches back over the fixtures' older articles.
SINCE = "2026-10-25"


def expected_urls(outlet: str) -> set[str]:
    """The canonical URLs of the outlet's fixture articles its site serves, published in the
    backfill's window (but those of regional sites, which a run reaches only with
    ``-a regions=``)."""
    served = {entry["url"] for entry in json.loads((FIXTURES / outlet / "site.json").read_text())}
    declared = registry()[outlet]
    regional = (
        re.compile(re.escape(declared.regions).replace(r"\{region\}", "[a-z0-9-]+"))
        if declared.regions
        else None
    )
    expected = set()
    for case in load_cases(outlet):
        if case.error or case.url not in served or case.more_pages:
            continue
        if regional and regional.fullmatch(url_host(case.url)):
            continue
        record = json.loads(case.expected_path.read_text("utf-8"))
        if record["published_at"][:10] >= SINCE:
            expected.add(record["url"])
    return expected


@pytest.fixture(scope="module")
def crawl_all(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    if not SHARED_PAGES.is_dir():
        pytest.skip(f"some fixture sites serve real pages from {SHARED_PAGES}, which is absent")
    from newscrawl.keep.warc import write_warc

    tmp = tmp_path_factory.mktemp("all")
    responses = [r for outlet in sorted(registry()) for r in site_responses(outlet)]
    write_warc(tmp / "sites.warc.gz", responses)
    base = [
        sys.executable,
        "-m",
        "newscrawl.cli",
        "crawl",
        "--all",
        "-s",
        f"NEWSCRAWL_REPLAY={tmp / 'sites.warc.gz'}",
        "-s",
        f"NEWSCRAWL_STATE={tmp / 'state.sqlite3'}",
        "-s",
        f"NEWSCRAWL_OUTPUT_DIR={tmp}/%(name)s",
        "-s",
        f"NEWSCRAWL_NOW={NOW}",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        f"LOG_FILE={tmp / 'crawl.log'}",
    ]
    env = project_env()
    runs = []
    for extra in ([], ["-a", f"since={SINCE}", "-a", "until=2026-11-01"]):
        runs.append(
            subprocess.run(
                [*base, *extra],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=1200,
                check=False,
                env=env,
            )
        )
    return tmp, runs


def test_every_outlet_runs_healthy_in_one_process(crawl_all: tuple[Path, list]) -> None:
    tmp, runs = crawl_all
    log = (tmp / "crawl.log").read_text("utf-8") if (tmp / "crawl.log").exists() else ""
    for proc in runs:
        assert proc.returncode == 0, f"{proc.stdout[-3000:]}\n{log[-3000:]}"
        summary = {line.split()[0]: line for line in proc.stdout.splitlines() if line.strip()}
        assert set(summary) == set(registry()), sorted(set(registry()) ^ set(summary))
        unhealthy = [line for line in summary.values() if "health ok" not in line]
        assert not unhealthy, "\n".join(unhealthy)


@pytest.mark.parametrize("outlet", sorted(registry()))
def test_each_outlet_emits_its_fixture_articles_once(
    outlet: str, crawl_all: tuple[Path, list]
) -> None:
    tmp, _ = crawl_all
    lines = [
        line
        for path in sorted((tmp / outlet).glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    records = [json.loads(line) for line in lines]
    for record in records:
        assert list(record) == list(FIELDS)
        assert not schema_errors(record), schema_errors(record)
        assert record["outlet"] == outlet
    urls = [canonical_url(record["url"]) for record in records]
    assert len(urls) == len(set(urls)), f"{outlet}: an article emitted twice"
    missing = expected_urls(outlet) - set(urls)
    assert not missing, f"{outlet}: fixture articles not emitted: {sorted(missing)}"
    if not registry()[outlet].articles:
        assert records == []
