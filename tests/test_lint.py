"""ruff and mypy are part of the test run: the package and spiders stay clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.cases import ROOT


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "newscrawl", "spiders", "tests"],
        ["ruff", "format", "--check", "newscrawl", "spiders"],
        [sys.executable, "-m", "mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_code_is_clean(command: list[str]) -> None:
    if command[0] == "ruff" and shutil.which("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
