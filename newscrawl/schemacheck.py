"""A fast check that a value conforms to a JSON Schema, for the valid case.

:func:`compile_schema` turns the subset of JSON Schema the record schema uses into
nested closures. Its answer is one-sided: True means jsonschema would accept the value;
False means "ask jsonschema", which stays the judge and the author of every message.
Validating each record with jsonschema took longer than parsing the page (~300 µs);
this takes ~10 µs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]
#: Keywords that only describe: they never make a value invalid.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "examples"})
#: JSON types as jsonschema reads them, narrowed where it is looser ("integer" also takes
#: 1.0): a value the narrow test rejects is passed to jsonschema, never called invalid here.
_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: type(v) is int,
    "number": lambda v: type(v) in (int, float),
}


class _Unsupported(Exception):
    """The schema uses a keyword :func:`_compile` does not know."""


def _type(names: Any, schema: dict[str, Any], root: dict[str, Any]) -> Check:
    return _any([_TYPES[name] for name in (names if isinstance(names, list) else [names])])


def _pattern(pattern: str, schema: dict[str, Any], root: dict[str, Any]) -> Check:
    search = re.compile(pattern).search
    return lambda v: not isinstance(v, str) or search(v) is not None


def _min_length(n: int, schema: dict[str, Any], root: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= n


def _minimum(n: float, schema: dict[str, Any], root: dict[str, Any]) -> Check:
    return lambda v: type(v) not in (int, float) or v >= n


def _required(names: list[str], schema: dict[str, Any], root: dict[str, Any]) -> Check:
    needed = frozenset(names)
    return lambda v: not isinstance(v, dict) or needed <= v.keys()


def _properties(subs: dict[str, Any], schema: dict[str, Any], root: dict[str, Any]) -> Check:
    tests = [(name, _compile(sub, root)) for name, sub in subs.items()]

    def check(v: Any) -> bool:
        if isinstance(v, dict):
            for name, test in tests:
                if name in v and not test(v[name]):
                    return False
        return True

    return check


def _additional(sub: Any, schema: dict[str, Any], root: dict[str, Any]) -> Check:
    if "patternProperties" in schema:
        raise _Unsupported("patternProperties")
    known = frozenset(schema.get("properties", {}))
    if sub is False:
        return lambda v: not isinstance(v, dict) or v.keys() <= known
    test = _compile(sub, root)
    return lambda v: not isinstance(v, dict) or all(test(v[k]) for k in v.keys() - known)


def _items(sub: Any, schema: dict[str, Any], root: dict[str, Any]) -> Check:
    test = _compile(sub, root)

    def check(v: Any) -> bool:
        if isinstance(v, list):
            for item in v:
                if not test(item):
                    return False
        return True

    return check


def _any_of(subs: list[Any], schema: dict[str, Any], root: dict[str, Any]) -> Check:
    return _any([_compile(sub, root) for sub in subs])


def _any(tests: list[Check]) -> Check:
    if len(tests) == 1:
        return tests[0]

    def check(v: Any) -> bool:
        for test in tests:  # noqa: SIM110 (a plain loop: no generator per value)
            if test(v):
                return True
        return False

    return check


def _all(tests: list[Check]) -> Check:
    if not tests:
        return lambda v: True
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda v: first(v) and second(v)

    def check(v: Any) -> bool:
        for test in tests:  # noqa: SIM110 (a plain loop: no generator per value)
            if not test(v):
                return False
        return True

    return check


def _ref(ref: str, schema: dict[str, Any], root: dict[str, Any]) -> Check:
    if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
        raise _Unsupported(ref)
    return _compile(root["$defs"][ref.removeprefix("#/$defs/")], root)


_KEYWORDS: dict[str, Callable[[Any, dict[str, Any], dict[str, Any]], Check]] = {
    "type": _type,
    "pattern": _pattern,
    "minLength": _min_length,
    "minimum": _minimum,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional,
    "items": _items,
    "anyOf": _any_of,
    "$ref": _ref,
}


def _compile(schema: Any, root: dict[str, Any]) -> Check:
    """A test that is True only for values ``schema`` surely accepts."""
    if schema is True or schema == {}:
        return lambda v: True
    if not isinstance(schema, dict):
        raise _Unsupported(repr(schema))
    checks = []
    for key, value in schema.items():
        if key in _ANNOTATIONS or key == "$defs":
            continue
        if key not in _KEYWORDS:
            raise _Unsupported(key)
        checks.append(_KEYWORDS[key](value, schema, root))
    return _all(checks)


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """The check for ``schema``, or None when it uses a keyword this module does not know."""
    try:
        return _compile(schema, schema)
    except (_Unsupported, KeyError, TypeError, re.error):
        return None
