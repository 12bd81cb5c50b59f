"""Memory endpoints' logic: identifiers, extraction, batches, recall ranking, digests, search."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from tests.support.personize_imitation.common import (
    encode_token,
    expect,
    int_param,
    overlap_score,
    require,
    system_name,
    token_estimate,
    validation_error,
)
from tests.support.personize_imitation.state import Org, StoredRecord


def identity_property(org: Org, entity: str, name: str, value: str) -> dict[str, Any]:
    """The identifier is also a property, filed under the entity's collection when one has it."""
    for collection in org.collections.values():
        if collection["entityType"].lower() == entity.lower() and any(
            p["systemName"] == name for p in collection["properties"]
        ):
            return {
                "value": value,
                "collectionId": collection["collectionId"],
                "collectionName": collection["collectionName"],
            }
    return {"value": value, "collectionId": None, "collectionName": None}


def identifier_fields() -> tuple[str, ...]:
    return ("email", "website_url", "websiteUrl", "record_id", "recordId")


def extract_properties(
    org: Org, record: StoredRecord, body: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Deterministic stand-in for AI extraction: `Label: value` lines that name a known property."""
    known = {
        system_name(p["propertyName"]): (p, c)
        for c in org.collections.values()
        if c["entityType"].lower() == record.type.lower()
        for p in c["properties"]
    }
    for hint in body.get("schema") or {}:
        known.setdefault(
            system_name(str(hint)),
            ({"propertyName": str(hint)}, {"collectionId": None, "collectionName": None}),
        )
    extracted = []
    for line in str(body["content"]).splitlines():
        label, sep, value = line.partition(":")
        match = known.get(system_name(label)) if sep and value.strip() else None
        if match:
            prop, collection = match
            record.properties[system_name(label)] = {
                "value": value.strip(),
                "collectionId": collection["collectionId"],
                "collectionName": collection["collectionName"],
            }
            extracted.append(
                {
                    "propertyName": prop["propertyName"],
                    "propertyValue": value.strip(),
                    "collectionId": collection["collectionId"],
                    "collectionName": collection["collectionName"],
                    "confidence": 0.9,
                }
            )
    return extracted


def validate_batch(org: Org, body: Mapping[str, Any]) -> list[dict[str, Any]]:
    if body.get("records") is not None and body.get("mapping") is None:
        expect(body, "records", list, "a list")
        return [dict(r) for r in body["records"] if isinstance(r, dict)]
    require(body, "source", "mapping", "rows")
    expect(body, "source", str, "a string")
    expect(body, "mapping", dict, "an object")
    expect(body, "rows", list, "a list of objects")
    mapping = body["mapping"]
    require(mapping, "entityType", "properties")
    expect(mapping, "properties", dict, "an object keyed by target property")
    if not (mapping.get("email") or mapping.get("website")):
        raise validation_error(
            "name the identifier column: mapping.email or mapping.website", "mapping.email"
        )
    for target, spec in mapping["properties"].items():
        validate_mapping_property(org, target, spec)
    cap = 5000 if org.plan == "enterprise" else 500
    if len(body["rows"]) > cap:
        raise validation_error(f"at most {cap} rows per call on this plan", "rows")
    if not all(isinstance(row, dict) for row in body["rows"]):
        raise validation_error("every row must be an object", "rows")
    return [dict(row) for row in body["rows"]]


def validate_mapping_property(org: Org, target: str, spec: Any) -> None:
    where = f"mapping.properties.{target}"
    if not isinstance(spec, dict) or not spec.get("sourceField"):
        raise validation_error("needs a sourceField", f"{where}.sourceField")
    collection_id = spec.get("collectionId")
    if collection_id and collection_id not in org.collections:
        raise validation_error(
            f"unknown collectionId {collection_id!r}; take it from collections.list()",
            f"{where}.collectionId",
        )


def dry_run_report(body: Mapping[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    mapping = body.get("mapping") or {}
    columns = {key for row in rows for key in row}
    warnings = [
        f"sourceField {spec['sourceField']!r} for {target!r} is in no row: it would be written as null"
        for target, spec in (mapping.get("properties") or {}).items()
        if spec["sourceField"] not in columns
    ]
    key_column = mapping.get("email") or mapping.get("website")
    missing = sum(1 for row in rows if key_column and not row.get(key_column))
    return {
        "dryRun": True,
        "valid": not warnings and not missing,
        "rowCount": len(rows),
        "rowsMissingIdentifier": missing,
        "warnings": warnings,
    }


def flat_properties(record: StoredRecord) -> dict[str, Any]:
    return {name: value.get("value") for name, value in record.properties.items()}


def rank_memories(records: list[StoredRecord], query: str, floor: float) -> list[dict[str, Any]]:
    ranked = []
    for record in records:
        for memory in record.memories:
            score = overlap_score(query, memory["text"])
            if score >= floor and score > 0:
                ranked.append(
                    {
                        "text": memory["text"],
                        "score": score,
                        "createdAt": memory["createdAt"],
                        "recordId": record.record_id,
                        "type": record.type,
                        "email": record.email,
                        "website_url": record.website,
                        "metadata": {"tags": memory["tags"]},
                    }
                )
    ranked.sort(key=lambda item: (-item["score"], item["createdAt"]))
    return ranked


def compile_digest(record: StoredRecord, body: Mapping[str, Any], budget: int) -> dict[str, Any]:
    props = flat_properties(record) if body.get("include_properties", True) else {}
    limit = int_param(body.get("max_memories"), "max_memories", 20)
    memories = record.memories[-limit:] if body.get("include_memories", True) else []
    memories = list(reversed(memories))  # newest first
    while True:
        context = digest_markdown(record, props, memories)
        if token_estimate(context) <= budget or not memories:
            break
        memories = memories[:-1]
    context = context[: budget * 4]
    return {
        "success": True,
        "recordId": record.record_id,
        "type": record.type,
        "properties": {k: str(v) for k, v in props.items()},
        "memories": [{"text": m["text"], "createdAt": m["createdAt"]} for m in memories],
        "compiledContext": context,
        "tokenEstimate": token_estimate(context),
        "tokenBudget": budget,
    }


def digest_markdown(
    record: StoredRecord, props: Mapping[str, Any], memories: list[dict[str, Any]]
) -> str:
    parts = [f"## {record.label()}"]
    if props:
        parts.append("### Properties\n" + "\n".join(f"- **{k}**: {v}" for k, v in props.items()))
    if memories:
        parts.append(
            "### Memories\n" + "\n".join(f"- {' '.join(m['text'].split())}" for m in memories)
        )
    return "\n\n".join(parts) + "\n"


_OPERATORS: dict[str, str] = {
    "EQ": "eq", "EQUALS": "eq", "NEQ": "neq", "NOT_EQUALS": "neq", "CONTAINS": "contains",
    "NOT_CONTAINS": "not_contains", "STARTS_WITH": "starts_with", "GT": "gt", "GREATER_THAN": "gt",
    "GTE": "gte", "LT": "lt", "LESS_THAN": "lt", "LTE": "lte", "IS_SET": "is_set",
    "IS_NOT_SET": "is_not_set", "IN": "in",
}  # fmt: skip


def field_value(record: StoredRecord, name: str) -> Any:
    special = {
        "email": record.email,
        "website_url": record.website,
        "websiteurl": record.website,
        "type": record.type,
        "recordid": record.record_id,
    }
    key = system_name(name)
    if key in record.properties:
        return record.properties[key].get("value")
    return special.get(key.replace("_", "") if key != "website_url" else key)


def compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "is_set":
        return actual not in (None, "", [])
    if op == "is_not_set":
        return actual in (None, "", [])
    if actual is None:
        return op in ("neq", "not_contains")
    if op in ("gt", "gte", "lt", "lte"):
        return ordered(op, actual, expected)
    a, e = str(actual).lower(), str(expected).lower()
    checks: dict[str, Callable[[], bool]] = {
        "eq": lambda: a == e,
        "neq": lambda: a != e,
        "contains": lambda: (
            e in a if not isinstance(actual, list) else e in [str(x).lower() for x in actual]
        ),
        "not_contains": lambda: e not in a,
        "starts_with": lambda: a.startswith(e),
        "in": lambda: (
            a in [str(x).lower() for x in (expected if isinstance(expected, list) else [expected])]
        ),
    }
    return checks[op]()


def ordered(op: str, actual: Any, expected: Any) -> bool:
    try:
        return _order(op, float(actual), float(expected))
    except (TypeError, ValueError):
        return _order(op, str(actual), str(expected))  # ISO dates order as strings


def _order(op: str, left: Any, right: Any) -> bool:
    return bool(
        {"gt": left > right, "gte": left >= right, "lt": left < right, "lte": left <= right}[op]
    )


def matches_condition(record: StoredRecord, condition: Any, index: str) -> bool:
    if not isinstance(condition, dict):
        raise validation_error("must be an object", f"groups{index}")
    name = condition.get("field") or condition.get("property")
    if not name:
        raise validation_error("needs field (or property)", f"groups{index}.field")
    op = _OPERATORS.get(str(condition.get("operator", "")).upper())
    if op is None:
        raise validation_error(
            f"unknown operator {condition.get('operator')!r}", f"groups{index}.operator"
        )
    return compare(op, field_value(record, str(name)), condition.get("value"))


def matches_groups(record: StoredRecord, body: Mapping[str, Any]) -> bool:
    groups = body.get("groups") or []
    if not groups:
        return True
    for g_index, group in enumerate(groups):  # groups are OR'd
        conditions = group.get("conditions") or [] if isinstance(group, dict) else []
        results = [
            matches_condition(record, c, f"[{g_index}].conditions[{i}]")
            for i, c in enumerate(conditions)
        ]
        combine = any if str(group.get("logic", "AND")).upper() == "OR" else all
        if combine(results):
            return True
    return False


def search_page(
    matched: list[StoredRecord], page: int, size: int, body: Mapping[str, Any]
) -> dict[str, Any]:
    total_pages = max(1, math.ceil(len(matched) / size))
    chunk = matched[(page - 1) * size : page * size]
    data: dict[str, Any] = {
        "recordIds": [r.record_id for r in chunk],
        "totalMatched": len(matched),
        "page": page,
        "pageSize": size,
        "totalPages": total_pages,
    }
    if page < total_pages:
        data["nextToken"] = encode_token(page * size)
    if body.get("returnRecords"):
        data["records"] = {r.record_id: dict(r.properties) for r in chunk}
    if body.get("includeMemories"):
        data["memories"] = {
            r.record_id: [{"text": m["text"], "createdAt": m["createdAt"]} for m in r.memories]
            for r in chunk
        }
    return data
