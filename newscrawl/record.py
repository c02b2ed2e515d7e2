"""The article record: its field order and its JSON Schema."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs

#: Field order of every record (the JSON Lines key order).
FIELDS: tuple[str, ...] = (
    "url",
    "outlet",
    "headline",
    "subheadline",
    "published_at",
    "updated_at",
    "authors",
    "editors",
    "section",
    "tags",
    "dateline",
    "body",
    "baca_juga",
    "editor_code",
    "images",
    "embeds",
    "language",
    "fetched_at",
    "parser",
    "revision",
)


@cache
def load_schema() -> dict[str, Any]:
    """The record's JSON Schema, shipped inside the package."""
    text = resources.files("newscrawl").joinpath("schema/article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(load_schema())


def schema_errors(record: dict[str, Any]) -> list[str]:
    """Human-readable schema violations of ``record`` (empty when valid)."""
    validator = _validator()
    if validator.is_valid(record):
        return []
    errors = sorted(validator.iter_errors(record), key=lambda e: list(map(str, e.instance_path)))
    return [f"{'/'.join(map(str, e.instance_path)) or '<record>'}: {e.message}" for e in errors]


def to_json_line(record: dict[str, Any]) -> str:
    """One record as a JSON line, UTF-8 as-is, keys in ``FIELDS`` order."""
    ordered = {key: record[key] for key in FIELDS if key in record}
    ordered.update({k: v for k, v in record.items() if k not in ordered})
    return json.dumps(ordered, ensure_ascii=False)
