from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newscrawl.discover.scheduler import remove_orphans


def test_spill_folders_of_dead_crawls_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    orphan = tmp_path / f"newscrawl-queue-{dead.stdout.strip()}-abc"
    live = tmp_path / f"newscrawl-queue-{__import__('os').getpid()}-def"
    orphan.mkdir()
    live.mkdir()
    assert remove_orphans(str(tmp_path)) == 1
    assert not orphan.exists()
    assert live.exists()
