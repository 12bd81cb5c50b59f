"""Starter schemas and the reference-data examples against our models and the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from personize_assistant.content import load_library
from personize_assistant.content.design_schema import (
    collection_errors,
    design_schema,
    property_errors,
)
from personize_assistant.content.models import CollectionDefinition
from personize_assistant.scan.secrets import is_secret_name

REPO = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared/reference-data")
SHARED_SCHEMA = SHARED / "property-definition-schema.json"
EXAMPLES = sorted((SHARED / "examples").glob("*.json")) if SHARED.is_dir() else []
STARTERS = ["sales", "customer_success", "marketing", "product", "recruiting", "healthcare"]


def raw_starter(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPO / "reference" / "schemas" / f"{name}.json").read_text())
    return data


def test_all_six_starters_ship() -> None:
    assert sorted(load_library().starter_schemas) == sorted(STARTERS)


@pytest.mark.skipif(not SHARED_SCHEMA.is_file(), reason="shared reference data not present")
def test_bundled_json_schema_is_the_published_one() -> None:
    assert design_schema() == json.loads(SHARED_SCHEMA.read_text())


@pytest.mark.parametrize("name", STARTERS)
def test_starter_validates_against_json_schema_minus_extra_keys(name: str) -> None:
    data = raw_starter(name)
    validator = jsonschema.Draft202012Validator(design_schema())
    extra = set(load_library().schema.meta.extra_property_keys)
    for prop in data["properties"]:
        stripped = {k: v for k, v in prop.items() if k not in extra}
        assert list(validator.iter_errors(stripped)) == [], prop["systemName"]
    assert collection_errors(data) == []


@pytest.mark.parametrize("name", STARTERS)
def test_starter_follows_our_own_design_rules(name: str) -> None:
    library = load_library()
    meta = library.schema.meta
    collection = library.starter_schemas[name].collection
    assert collection.primary_key_field and collection.identifier_column
    raw_props = library.starter_schemas[name].raw["properties"]
    assert isinstance(raw_props, list)
    assert all("update" not in raw for raw in raw_props), "our spec writes updateSemantics only"
    for prop in collection.properties:
        assert prop.auto_system is not None and prop.update_semantics is not None, prop.system_name
        assert meta.description_problems(prop.name, prop.description) == [], prop.system_name
        assert not is_secret_name(prop.system_name)
        if prop.type == "options":
            assert prop.options and len(prop.options) >= 2


def test_extra_keys_are_exactly_what_the_json_schema_rejects() -> None:
    prop = {
        "name": "Notes",
        "systemName": "notes",
        "type": "text",
        "description": "Free-form notes from calls, e.g. objections. Not for structured fields.",
        "autoSystem": True,
        "update": False,
    }
    assert property_errors(prop) == []
    assert (
        property_errors(prop, extra_keys=[]) != []
    )  # without our handling the schema rejects them


def test_to_api_derives_update_from_update_semantics() -> None:
    collection = load_library().starter_schemas["sales"].collection
    by_name = {p.system_name: p for p in collection.properties}
    assert by_name["pain_points"].to_api()["update"] is False
    assert by_name["deal_stage"].to_api()["update"] is True
    assert by_name["deal_stage"].to_api()["options"][0] == "Lead"
    assert by_name["pain_points"].to_api()["propertyName"] == "Pain Points"


@pytest.mark.skipif(not EXAMPLES, reason="shared reference data not present")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_reference_examples_load_through_our_model(path: Path) -> None:
    data = json.loads(path.read_text())
    collection = CollectionDefinition.model_validate(data)
    assert len(collection.properties) == len(data["properties"])
    assert collection_errors(data) == []


def test_update_semantics_wins_over_the_api_flag() -> None:
    data = {
        "name": "Tasks",
        "systemName": "tasks",
        "type": "array",
        "description": "Open tasks the agent tracks, e.g. 'send recap'. Not for completed tasks.",
        "updateSemantics": "append",
        "update": True,
    }
    prop = CollectionDefinition.model_validate(
        {"name": "Agent", "entityType": "Agent", "description": "d", "properties": [data]}
    ).properties[0]
    assert prop.update_mode == "append"
    legacy = {**data, "updateSemantics": None, "update": False}
    legacy.pop("updateSemantics")
    prop = CollectionDefinition.model_validate(
        {"name": "Agent", "entityType": "Agent", "description": "d", "properties": [legacy]}
    ).properties[0]
    assert prop.update_mode == "append"
