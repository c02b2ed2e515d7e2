"""The README's promises: its example record is real and valid, its settings exist."""

from __future__ import annotations

import json
import re

from newscrawl import settings
from newscrawl.record import FIELDS, schema_errors
from tests.cases import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_example_record_is_schema_valid_and_complete() -> None:
    (line,) = re.findall(r"^```json\n(\{.*\})\n```$", README, flags=re.MULTILINE)
    record = json.loads(line)
    assert list(record) == list(FIELDS)
    assert not schema_errors(record)


def test_every_newscrawl_setting_is_documented() -> None:
    names = {name for name in vars(settings) if name.startswith("NEWSCRAWL_")}
    undocumented = {name for name in names if f"`{name}`" not in README}
    assert not undocumented


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert first_block == [
        "python3 -m pip install -e . && scrapy crawl nusadaily",
        'python3 -m pip install -e ".[test]" && python3 -m pytest',
    ]
    # CI runs exactly the README's test command.
    assert first_block[1] in (ROOT / ".ci/run").read_text().splitlines()
