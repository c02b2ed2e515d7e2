"""Build the demo's WARC from the project's own fixture sites: ``python -m tests.demo_warc``.

Only pages we wrote (``tests/fixtures/<outlet>/``) go in, never the real pages of
``../shared/pages``: the WARC ships in the package. tests/test_demo.py checks that the
shipped file holds exactly what this builds.
"""

from __future__ import annotations

import json
from pathlib import Path

from newscrawl.demo import DEMO_OUTLETS
from newscrawl.keep.warc import SavedResponse, write_warc
from tests.cases import FIXTURES, ROOT, read_page
from tests.crawl import FIXTURE_FETCHED_AT

SHIPPED = ROOT / "newscrawl" / "data" / "demo.warc.gz"


def demo_responses() -> list[SavedResponse]:
    responses = []
    for outlet in DEMO_OUTLETS:
        for entry in json.loads((FIXTURES / outlet / "site.json").read_text("utf-8")):
            file = entry.get("file", "")
            if file.startswith("shared:"):
                continue
            responses.append(
                SavedResponse(
                    url=entry["url"],
                    status=entry.get("status", 200),
                    headers=[
                        ("Content-Type", entry.get("content_type", "text/html; charset=UTF-8"))
                    ],
                    body=read_page(file, outlet) if file else b"",
                    fetched_at=FIXTURE_FETCHED_AT,
                )
            )
    return responses


def build(path: Path = SHIPPED) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_warc(path, demo_responses())


if __name__ == "__main__":
    count = build()
    print(f"{SHIPPED}: {count} responses, {SHIPPED.stat().st_size} bytes")
