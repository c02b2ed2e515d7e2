"""The HTML report in a real browser (headless Chromium): no console error, every chart
drawn with a size, a broken parser's runs marked; the screenshot is kept as an artifact."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newscrawl.demo import DEMO_OUTLETS
from tests.cases import ROOT
from tests.reports import broken_history, write_reports

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_or_skip() -> Any:
    """Playwright's sync API; a skip where Chromium is absent, a failure under CI."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"chromium is not installed ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("playwright is not installed (pip install -e '.[test]')")
        sync_playwright = None
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI must render the report: " + "; ".join(missing))
        pytest.skip("; ".join(missing))
    return sync_playwright


def test_report_renders_in_chromium(demo_output: tuple[Path, Any], tmp_path: Path) -> None:
    sync_playwright = browser_or_skip()
    home, proc = demo_output
    assert proc.returncode == 0, proc.stderr[-2000:]
    # The demo's real crawls, plus an outlet whose parser a redesign broke at its 6th run.
    runs = tmp_path / "output"
    shutil.copytree(home / "output" / "demo", runs)
    write_reports(runs, broken_history("tempo", runs=8, broken_from=5))
    page_path = tmp_path / "report.html"
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "newscrawl.cli",
            "report",
            str(runs),
            "--since=2026-01-01",
            f"--html={page_path}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    outlets = len(DEMO_OUTLETS) + 1

    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            page = context.new_page()
            page.on(
                "console",
                lambda m: (
                    problems.append(f"{m.type}: {m.text}")
                    if m.type in ("error", "warning")
                    else None
                ),
            )
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_path.as_uri())
            page.wait_for_load_state("load")

            rows = page.locator("table.overview tbody tr")
            assert rows.count() == outlets
            assert rows.first.get_attribute("data-outlet") == "tempo"
            assert rows.first.get_attribute("data-trouble") == "3"

            charts = page.locator("figure.chart svg.plot")
            assert charts.count() == 4 * outlets
            for index in range(charts.count()):
                box = charts.nth(index).bounding_box()
                assert box is not None and box["width"] > 100 and box["height"] > 50, index

            for outlet in DEMO_OUTLETS:
                bars = page.locator(
                    f'figure[data-chart="records"][data-outlet="{outlet}"] g.column rect'
                )
                assert bars.count() >= 1, outlet
                box = bars.first.bounding_box()
                assert box is not None and box["height"] > 0 and box["width"] > 0, outlet
                lines = page.locator(
                    f'figure[data-chart="coverage"][data-outlet="{outlet}"] circle'
                )
                assert lines.count() >= 1, outlet

            broken = page.locator('figure[data-chart="records"][data-outlet="tempo"]')
            alarms = broken.locator("rect.alarm")
            assert [alarms.nth(i).get_attribute("data-column") for i in range(alarms.count())] == [
                "5",
                "6",
                "7",
            ]
            for i in range(alarms.count()):
                box = alarms.nth(i).bounding_box()
                assert box is not None and box["width"] > 0 and box["height"] > 0
            healthy_bar = broken.locator('g.column[data-column="4"] rect').first.bounding_box()
            failed_bar = broken.locator('g.column[data-column="5"] rect').first
            assert healthy_bar is not None and healthy_bar["height"] > 20
            assert failed_bar.get_attribute("fill") == "#d62728"

            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / "report.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            context.close()
    print(f"\nscreenshot of the report: {shot}")
    assert shot.stat().st_size > 10_000
    assert problems == []
    assert requests and all(url.startswith("file:") for url in requests), requests
