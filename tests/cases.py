"""Parser test cases: saved pages (own fixtures or ../shared/pages) and their expected records.

Each outlet lists its cases in ``tests/fixtures/<outlet>/cases.json``::

    [{"name": "kim-jong-un", "file": "articles/kim-jong-un.html",
      "url": "https://www.nusadaily.com/kim-jong-un", "fetched_at": "2026-06-30T00:00:00+00:00",
      "more_pages": [{"file": "...", "url": "..."}],
      "error": "not_an_article"}]

``file`` is relative to the outlet's fixture folder, or ``shared:<path>`` for a real
page under ``../shared/pages``. A case without ``error`` expects the record in
``tests/fixtures/<outlet>/expected/<name>.json`` (sorted keys); one with ``error``
expects an ArticleError with that reason.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def project_env() -> dict[str, str]:
    """The environment for a command of this project in a child process: the project
    importable whatever its install state."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def run_project(command: list[str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``command`` run in the project folder (:func:`project_env`), its output captured as
    text; its exit status is the caller's to check."""
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=project_env(),
    )


FIXTURES = ROOT / "tests" / "fixtures"
SHARED = Path(os.environ.get("NEWSCRAWL_SHARED", ROOT.parent / "shared"))
SHARED_PAGES = SHARED / "pages"


def read_page(ref: str, outlet: str) -> bytes:
    if ref.startswith("shared:"):
        path = SHARED_PAGES / ref.removeprefix("shared:")
    else:
        path = FIXTURES / outlet / ref
    data = path.read_bytes()
    if path.suffix == ".gz":
        import gzip

        data = gzip.decompress(data)
    return data


@dataclass
class Case:
    outlet: str
    name: str
    file: str
    url: str
    fetched_at: datetime
    more_pages: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None

    @property
    def id(self) -> str:
        return f"{self.outlet}/{self.name}"

    @property
    def needs_shared(self) -> bool:
        return any(
            f.startswith("shared:") for f in [self.file, *(p["file"] for p in self.more_pages)]
        )

    @property
    def expected_path(self) -> Path:
        return FIXTURES / self.outlet / "expected" / f"{self.name}.json"

    def html(self) -> bytes:
        return read_page(self.file, self.outlet)

    def parse(self) -> dict[str, Any]:
        from newscrawl import parse_article

        more = [(read_page(p["file"], self.outlet), p["url"]) for p in self.more_pages]
        return parse_article(self.html(), self.url, self.fetched_at, more_pages=more)


def load_cases(outlet: str | None = None) -> list[Case]:
    cases = []
    for path in sorted(FIXTURES.glob("*/cases.json")):
        name = path.parent.name
        if outlet and name != outlet:
            continue
        for raw in json.loads(path.read_text("utf-8")):
            raw["fetched_at"] = datetime.fromisoformat(raw["fetched_at"])
            cases.append(Case(outlet=name, **raw))
    return cases


def dump_expected(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
