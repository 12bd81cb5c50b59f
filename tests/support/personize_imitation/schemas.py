"""Collections and guidelines: building, listing, updating and their history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tests.support.personize_imitation.common import (
    PROPERTY_TYPES,
    ApiError,
    decode_token,
    encode_token,
    expect,
    int_param,
    require,
    stable_id,
    system_name,
    validation_error,
    words,
)
from tests.support.personize_imitation.state import Org


def seed_collections(org: Org, now: str) -> None:
    contact = [
        ("Email", "text", "The contact's primary email address."),
        ("First Name", "text", "Given name as the person writes it."),
        ("Last Name", "text", "Family name as the person writes it."),
        ("Job Title", "text", "Current role or title at their company."),
        ("Company Name", "text", "Name of the company the person works for."),
    ]
    company = [
        ("Website", "text", "Primary website domain of the company."),
        ("Company Name", "text", "Legal or trading name of the company."),
        ("Industry", "options", "Industry the company operates in."),
        ("Employee Count", "number", "Approximate number of employees."),
    ]
    for name, entity, props in (
        ("Contacts", "Contact", contact),
        ("Companies", "Company", company),
    ):
        body = {
            "collectionName": name,
            "entityType": entity,
            "definition": f"System collection for {entity.lower()} records.",
            "properties": [
                {"propertyName": p, "type": t, "description": d, "autoSystem": True, "update": True}
                for p, t, d in props
            ],
        }
        collection = build_collection(org, body, now)
        collection["system"] = True


def build_property(collection_id: str, raw: Mapping[str, Any], index: int) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise validation_error("each property must be an object", f"properties[{index}]")
    name = raw.get("propertyName") or raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise validation_error("is required", f"properties[{index}].propertyName")
    kind = raw.get("type", "text")
    if kind not in PROPERTY_TYPES:
        allowed = "|".join(sorted(PROPERTY_TYPES))
        raise validation_error(f"must be one of {allowed}", f"properties[{index}].type")
    prop = {key: value for key, value in raw.items() if key != "name"}
    prop.update(propertyName=name, type=kind, status=raw.get("status", "Active"))
    prop["systemName"] = raw.get("systemName") or system_name(name)
    prop["propertyId"] = raw.get("propertyId") or stable_id(
        "prop_", collection_id, prop["systemName"]
    )
    return prop


def build_collection(org: Org, body: Mapping[str, Any], now: str) -> dict[str, Any]:
    require(body, "collectionName")
    expect(body, "properties", list, "a list")
    name = str(body["collectionName"])
    collection_id = stable_id("col_", org.id, name.lower())
    if collection_id in org.collections:
        raise validation_error(f"a collection named {name!r} already exists", "collectionName")
    props = [
        build_property(collection_id, p, i) for i, p in enumerate(body.get("properties") or [])
    ]
    collection = {
        "id": collection_id,
        "collectionId": collection_id,
        "collectionName": name,
        "definition": body.get("definition", ""),
        "entityType": body.get("entityType") or name,
        "tags": body.get("tags") or [],
        "properties": props,
        "createdAt": now,
        "versions": [],
    }
    collection["versions"].append(
        {"timestamp": now, "historyNote": "created", "snapshot": public_collection(collection)}
    )
    org.collections[collection_id] = collection
    return collection


def public_collection(collection: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in collection.items() if k != "versions"}


def paginate(
    items: list[dict[str, Any]], limit: Any, token: Any
) -> tuple[list[dict[str, Any]], str | None]:
    size = int_param(limit, "limit", 50, high=200)
    start = decode_token(token) if token else 0
    page = items[start : start + size]
    more = start + size < len(items)
    return page, encode_token(start + size) if more else None


def find(table: dict[str, dict[str, Any]], key: str, what: str) -> dict[str, Any]:
    item = table.get(key)
    if item is None:
        raise ApiError(404, "not_found_error", f"No {what} with id {key!r}")
    return item


def collection_payload(collection: Mapping[str, Any], summary: bool) -> dict[str, Any]:
    payload = {
        "collectionId": collection["collectionId"],
        "collectionName": collection["collectionName"],
        "entityType": collection["entityType"],
        "tags": collection["tags"],
    }
    if not summary:
        payload["definition"] = collection["definition"]
        payload["properties"] = collection["properties"]
    return payload


def guideline_payload(guideline: Mapping[str, Any], summary: bool) -> dict[str, Any]:
    keywords = sorted(words(guideline["name"]))[:8]
    payload = {
        "name": guideline["name"],
        "tags": guideline["tags"],
        "description": guideline["description"],
        "governanceScope": {
            "alwaysOn": "always-on" in guideline["tags"],
            "triggerKeywords": keywords,
        },
    }
    if not summary:
        payload["value"] = guideline["value"]
    return payload


def merge_properties(
    collection: dict[str, Any], incoming: list[Any], before: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    added: list[str] = []
    modified: list[dict[str, Any]] = []
    by_name = {p["systemName"]: p for p in collection["properties"]}
    for index, raw in enumerate(incoming):
        prop = build_property(collection["collectionId"], raw, index)
        old = by_name.get(prop["systemName"])
        if old is None:
            collection["properties"].append(prop)
            added.append(prop["propertyName"])
            continue
        fields = {
            k: {"from": old.get(k), "to": v}
            for k, v in prop.items()
            if old.get(k) != v and k != "propertyId"
        }
        old.update({k: change["to"] for k, change in fields.items()})
        if fields:
            modified.append(
                {"propertyId": old["propertyId"], "systemName": old["systemName"], "fields": fields}
            )
    removed = [
        p["propertyName"]
        for p in collection["properties"]
        if p.get("status") == "Deleted"
        and before.get(p["propertyId"], {}).get("status") != "Deleted"
    ]
    return {"propertiesAdded": added, "propertiesRemoved": removed, "propertiesModified": modified}


def update_metadata(collection: dict[str, Any], body: Mapping[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in ("collectionName", "definition", "entityType", "tags"):
        if name in body and body[name] != collection.get(name):
            changes[name] = {"from": collection.get(name), "to": body[name]}
            collection[name] = body[name]
    return changes


def apply_update_mode(current: str, body: Mapping[str, Any]) -> str:
    mode = body.get("updateMode", "replace")
    value = str(body["value"])
    if mode == "replace":
        return value
    if mode == "append":
        return f"{current.rstrip()}\n\n{value}"
    if mode not in ("section", "appendToSection"):
        raise validation_error("must be replace, append, section or appendToSection", "updateMode")
    header = body.get("sectionHeader")
    if not header:
        raise validation_error("is required for section update modes", "sectionHeader")
    return replace_section(current, str(header), value, append=mode == "appendToSection")


def replace_section(text: str, header: str, value: str, *, append: bool) -> str:
    lines = text.splitlines()
    if header not in lines:
        return f"{text.rstrip()}\n\n{header}\n\n{value}"
    start = lines.index(header) + 1
    level = len(header) - len(header.lstrip("#"))
    end = next(
        (
            i
            for i in range(start, len(lines))
            if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level
        ),
        len(lines),
    )
    body = "\n".join(lines[start:end]).strip()
    new_body = f"{body}\n\n{value}" if append and body else value
    return "\n".join([*lines[:start], "", new_body, "", *lines[end:]]).strip() + "\n"
