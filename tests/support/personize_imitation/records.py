"""Records: identifier resolution, memories, and applying accepted batches."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from tests.support.personize_imitation.common import (
    ApiError,
    normalize_domain,
    normalize_type,
    stable_id,
    system_name,
    validation_error,
)
from tests.support.personize_imitation.memory import identifier_fields, identity_property
from tests.support.personize_imitation.state import BatchEvent, Org, StoredRecord


def record_id(org: Org, entity_type: str, key: str) -> str:
    """``REC#`` + HMAC(orgId|type|normalizedKey): the same input always names the same record."""
    digest = hmac.new(
        b"personize-imitation", f"{org.id}|{entity_type}|{key}".encode(), hashlib.sha256
    )
    return "REC#" + digest.hexdigest()[:32]


def _identity(body: Mapping[str, Any]) -> tuple[str, str, dict[str, str]] | None:
    """(entity type, normalized key, identity fields) from email or website, if either is given."""
    email = body.get("email")
    website = body.get("website_url") or body.get("websiteUrl")
    if email:
        address = str(email).strip().lower()
        return normalize_type(body.get("type"), "Contact"), address, {"email": address}
    if website:
        domain = normalize_domain(str(website))
        return normalize_type(body.get("type"), "Company"), domain, {"website": domain}
    return None


def resolve_record(org: Org, body: Mapping[str, Any], *, create: bool) -> StoredRecord | None:
    """The record a request names (record_id first, then email, then website)."""
    given_id = body.get("record_id") or body.get("recordId")
    if given_id:
        record = org.records.get(str(given_id))
        if record is None and create:
            record = StoredRecord(str(given_id), normalize_type(body.get("type"), "Contact"))
            org.records[record.record_id] = record
        return record
    identity = _identity(body)
    if identity is None:
        return None
    entity, key, fields = identity
    rid = record_id(org, entity, key)
    if rid not in org.records and create:
        record = StoredRecord(rid, entity, email=fields.get("email"), website=fields.get("website"))
        for name, value in fields.items():
            record.properties[name] = identity_property(org, entity, name, value)
        org.records[rid] = record
    return org.records.get(rid)


def scope_records(org: Org, body: Mapping[str, Any], *, search: bool = False) -> list[StoredRecord]:
    """One record when an identifier is given; otherwise the org (search also filters by type and
    collection; for smart-recall a bare ``type`` filters nothing, as documented)."""
    if any(body.get(k) for k in identifier_fields()):
        record = resolve_record(org, body, create=False)
        return [record] if record else []
    records = list(org.records.values())
    if search and body.get("type"):
        records = [r for r in records if r.type.lower() == str(body["type"]).lower()]
    collection_ids = set(body.get("collectionIds") or []) if search else set()
    if collection_ids:
        records = [
            r
            for r in records
            if any(v.get("collectionId") in collection_ids for v in r.properties.values())
        ]
    return records


def add_memory(
    org: Org, record: StoredRecord, text: str, body: Mapping[str, Any], now: str
) -> dict[str, Any]:
    memory = {
        "id": stable_id("mem_", org.id, record.record_id, org.next_number()),
        "text": text,
        "tags": list(body.get("tags") or []),
        "speaker": body.get("speaker"),
        "createdAt": body.get("timestamp") or now,
    }
    record.memories.append(memory)
    return memory


def settle(org: Org, event: BatchEvent, now: str) -> None:
    """Apply an accepted batch: its records become visible from now on."""
    errors: list[dict[str, Any]] = []
    written: set[str] = set()
    for index, row in enumerate(event.rows):
        try:
            written.add(_apply_row(org, event.payload, row, now))
        except ApiError as exc:
            errors.append({"row": index, "message": exc.message})
    event.status = "completed"
    event.result = {
        "rowsTotal": len(event.rows),
        "rowsProcessed": len(event.rows) - len(errors),
        "recordsWritten": len(written),
        "errors": errors,
    }


def _apply_row(org: Org, payload: Mapping[str, Any], row: Mapping[str, Any], now: str) -> str:
    mapping = payload.get("mapping")
    if mapping is None:  # the `records[]` shorthand
        return _apply_shorthand(org, row, now)
    entity = normalize_type(mapping.get("entityType"), "Contact")
    if mapping.get("email"):
        identity = {"email": row.get(mapping["email"])}
    else:
        identity = {"website_url": row.get(mapping.get("website", ""))}
    record = resolve_record(org, {**identity, "type": entity}, create=True)
    if record is None:
        raise validation_error("row has no value in the identifier column", "rows")
    for target, spec in mapping["properties"].items():
        value = row.get(spec["sourceField"])  # a missing column writes null, as documented
        record.properties[system_name(target)] = {
            "value": value,
            "collectionId": spec.get("collectionId"),
            "collectionName": spec.get("collectionName"),
        }
        if spec.get("extractMemories") and value not in (None, ""):
            tags = {"tags": [f"source:{payload.get('source')}"]}
            add_memory(org, record, f"{target}: {value}", tags, now)
    return record.record_id


def _apply_shorthand(org: Org, row: Mapping[str, Any], now: str) -> str:
    record = resolve_record(org, row, create=True)
    if record is None:
        raise validation_error("record has no email, website_url or record_id", "records")
    for name, value in (row.get("properties") or {}).items():
        record.properties[system_name(name)] = {
            "value": value,
            "collectionId": None,
            "collectionName": row.get("collectionName"),
        }
    if row.get("content"):
        add_memory(org, record, str(row["content"]), row, now)
    return record.record_id
