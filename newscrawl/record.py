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


#: Fields an article is not without: a bad value here refuses the page (``schema_invalid``).
ESSENTIAL = frozenset(
    {"url", "outlet", "headline", "published_at", "body", "language", "fetched_at", "parser"}
)
#: Optional fields a bad value empties: null, or an empty list.
_NULLABLE = frozenset({"subheadline", "updated_at", "section", "dateline", "editor_code"})


def repair_record(record: dict[str, Any]) -> list[str]:
    """Drop what fails the schema where the schema allows it: a bad list item (an image whose
    ``src`` was ``javascript:...``, an empty tag) leaves its list, a bad optional value becomes
    null (a caption) or an empty list. Returns the fields changed, in order, once each; what
    stays invalid (an essential field) is left for :func:`schema_errors` to report.
    """
    validator = _validator()
    if validator.is_valid(record):
        return []
    drop: dict[str, set[int]] = {}
    empty: list[str] = []
    nulls: list[tuple[str, int, str]] = []
    for error in validator.iter_errors(record):
        path = list(error.instance_path)
        if not path or path[0] in ESSENTIAL or path[0] not in record:
            continue
        field = str(path[0])
        if len(path) == 1:
            empty.append(field)
        elif isinstance(path[1], int) and path[2:] == ["caption"]:
            nulls.append((field, path[1], "caption"))  # only the caption is bad: keep the image
        elif isinstance(path[1], int):
            drop.setdefault(field, set()).add(path[1])
    for field, index, key in nulls:
        if index not in drop.get(field, ()):
            record[field][index][key] = None
    for field, indexes in drop.items():
        record[field] = [item for n, item in enumerate(record[field]) if n not in indexes]
    for field in empty:
        record[field] = None if field in _NULLABLE else []
    return list(dict.fromkeys([*(f for f, _, _ in nulls), *drop, *empty]))


def to_json_line(record: dict[str, Any]) -> str:
    """One record as a JSON line, UTF-8 as-is, keys in ``FIELDS`` order."""
    ordered = {key: record[key] for key in FIELDS if key in record}
    ordered.update({k: v for k, v in record.items() if k not in ordered})
    return json.dumps(ordered, ensure_ascii=False)
