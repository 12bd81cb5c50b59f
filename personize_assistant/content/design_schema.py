"""Validate properties against the Personize design JSON Schema, minus our extra keys.

The JSON Schema (`reference/schemas/property-definition.schema.json`) forbids any key
it does not list, including `autoSystem` and `update`, which the API needs. Our spec
keeps them; they are removed before validation (see reference/schema.md).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from typing import Any

from personize_assistant.content.loader import DESIGN_SCHEMA_FILE, SCHEMAS_DIR, load_library


@functools.lru_cache(maxsize=1)
def design_schema() -> dict[str, Any]:
    path = load_library().root / SCHEMAS_DIR / DESIGN_SCHEMA_FILE
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def strip_extra_keys(prop: Mapping[str, Any], extra_keys: Iterable[str]) -> dict[str, Any]:
    drop = set(extra_keys)
    return {key: value for key, value in prop.items() if key not in drop}


def property_errors(prop: Mapping[str, Any], extra_keys: Iterable[str] | None = None) -> list[str]:
    """Messages for every way `prop` breaks the design JSON Schema (empty = valid)."""
    import jsonschema  # imported here: it costs ~100 ms and only SCHEMA needs it

    keys = load_library().schema.meta.extra_property_keys if extra_keys is None else extra_keys
    validator = jsonschema.Draft202012Validator(design_schema())
    errors = validator.iter_errors(strip_extra_keys(prop, keys))
    return [_describe(error) for error in sorted(errors, key=lambda e: list(e.path))]


def collection_errors(collection: Mapping[str, Any]) -> list[str]:
    """Property errors of a whole collection file, prefixed with the property's name."""
    problems: list[str] = []
    for index, prop in enumerate(collection.get("properties", [])):
        label = prop.get("systemName") or prop.get("name") or f"#{index}"
        problems += [f"{label}: {message}" for message in property_errors(prop)]
    return problems


def _describe(error: Any) -> str:
    where = ".".join(str(part) for part in error.path)
    return f"{where}: {error.message}" if where else str(error.message)
