"""`schema --create`: send the designed collections to Personize, idempotently.

A collection whose `collectionName` is missing from `collections.list()` is created. One
that exists gets only the properties it lacks (matched by system name) through
`collections.update`; nothing existing is changed or removed, so a second run sends
nothing. `--dry-run` reports the same diff and sends no writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.common.fields import system_name
from personize_assistant.actions.schema.artifact import SchemaArtifact
from personize_assistant.personize.client import (
    PersonizeAPIError,
    PersonizeConnectionError,
    PersonizeError,
)
from personize_assistant.personize.connect import PersonizeUnavailable, all_pages
from personize_assistant.redact import redact


class CollectionsClient(Protocol):
    """The slice of `Personize.collections` this module uses."""

    def list(self, limit: int | None = None, nextToken: str | None = None,
             tags: Any = None, summary: bool | None = None) -> Any: ...

    def create(self, **body: Any) -> Any: ...

    def update(self, collection_id: str, **body: Any) -> Any: ...


class Existing(BaseModel):
    """A collection already in the account: its id and, when the list carries them, the
    system names of its properties (None: not listed, so nothing is added blindly)."""

    collection_id: str
    property_names: frozenset[str] | None = None


class CollectionChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    collection_name: str
    action: Literal["create", "extend", "exists"]
    properties: int
    collection_id: str | None = None
    """Existing id, or the id the server returned for a created collection."""
    added_properties: list[str] = Field(default_factory=list)
    """For `extend`: system names of the properties the account lacked."""
    properties_listed: bool = True
    """False when the list gave no property names, so missing ones could not be added."""


class CreateReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dry_run: bool
    changes: list[CollectionChange] = Field(default_factory=list)

    @property
    def created(self) -> list[str]:
        return [c.collection_name for c in self.changes if c.action == "create"]

    @property
    def extended(self) -> list[str]:
        return [c.collection_name for c in self.changes if c.action == "extend"]

    def render(self) -> str:
        lines = [self.line(change) for change in self.changes]
        created, extended = len(self.created), len(self.extended)
        summary = (f"{created} to create, {extended} to extend, "
                   f"{len(self.changes) - created - extended} up to date")
        return "\n".join([*lines, summary + (" (dry run: nothing sent)" if self.dry_run else "")])

    def line(self, change: CollectionChange) -> str:
        if change.action == "create":
            verb = "would create" if self.dry_run else "created"
            return f"+ {change.collection_name} ({change.properties} properties) — {verb}"
        if change.action == "extend":
            verb = "would add" if self.dry_run else "added"
            return (f"~ {change.collection_name} ({change.collection_id}) — {verb} "
                    f"{len(change.added_properties)} missing: {', '.join(change.added_properties)}")
        if not change.properties_listed:
            return (f"= {change.collection_name} — exists ({change.collection_id}); its properties "
                    f"were not listed, so none were added")
        return f"= {change.collection_name} — exists ({change.collection_id}), up to date"

    def done_so_far(self) -> str:
        """What was already sent, for the error that stops a run half way."""
        if self.dry_run or not (self.created or self.extended):
            return "nothing was created or changed"
        return (f"already created: {', '.join(self.created) or 'none'}; already extended: "
                f"{', '.join(self.extended) or 'none'} (run it again to finish: what exists is skipped)")


def existing_collections(collections: CollectionsClient) -> dict[str, str]:
    """`collectionName -> collectionId` from every page of `collections.list()`."""
    return {name: found.collection_id for name, found in existing_state(collections).items()}


def existing_state(collections: CollectionsClient) -> dict[str, Existing]:
    """Every collection in the account (all pages), with its property names when listed."""
    found: dict[str, Existing] = {}
    for data in all_pages(lambda token: collections.list(limit=100, nextToken=token)
                          if token else collections.list(limit=100)):
        found.update(dict(_names_and_ids(data)))
    return found


def _names_and_ids(data: Any) -> Iterator[tuple[str, Existing]]:
    """Both documented shapes: `{actions: [{id, payload: {collectionId, collectionName}}]}`
    and a plain list of `{id, name}` / `{collectionId, collectionName}`."""
    items = data.get("actions", data.get("collections", [])) if isinstance(data, dict) else data
    for item in items or []:
        if not isinstance(item, dict):
            continue
        payload: dict[str, Any] = item["payload"] if isinstance(item.get("payload"), dict) else item
        name = payload.get("collectionName") or payload.get("name")
        ident = payload.get("collectionId") or item.get("id") or ""
        if isinstance(name, str):
            yield name, Existing(collection_id=str(ident), property_names=_property_names(payload))


def _property_names(payload: dict[str, Any]) -> frozenset[str] | None:
    listed = payload.get("properties")
    if not isinstance(listed, list):
        return None
    names = (p.get("systemName") or system_name(str(p.get("propertyName") or p.get("name") or ""))
             for p in listed if isinstance(p, dict) and p.get("status", "Active") != "Deleted")
    return frozenset(names)


def apply_schema(artifact: SchemaArtifact, collections: CollectionsClient, dry_run: bool = False,
                 progress: Callable[[str], None] | None = None) -> CreateReport:
    """Create the missing collections and add the properties existing ones lack; `progress`
    hears each change as it is made, so a run killed half way has said what it did."""
    report = CreateReport(dry_run=dry_run)
    try:
        existing = existing_state(collections)
        for body in artifact.create_bodies():
            report.changes.append(_apply_one(body, existing, collections, dry_run))
            if progress is not None:
                progress(report.line(report.changes[-1]))
        return report
    except PersonizeError as exc:  # one redacted line, exit 1, like `collections`
        raise PersonizeUnavailable(redact(f"{exc}; {report.done_so_far()}")) from None


def _apply_one(body: dict[str, Any], existing: dict[str, Existing], collections: CollectionsClient,
               dry_run: bool) -> CollectionChange:
    name = body["collectionName"]
    count = len(body["properties"])
    if name in existing:
        return _extend(body, existing[name], collections, dry_run)
    created_id = None
    if not dry_run:
        data = _create(body, collections)
        created_id = _created_id(data)
        existing[name] = Existing(collection_id=created_id or "",
                                  property_names=frozenset(_system(p) for p in body["properties"]))
    return CollectionChange(collection_name=name, action="create", properties=count,
                            collection_id=created_id)


def _extend(body: dict[str, Any], found: Existing, collections: CollectionsClient,
            dry_run: bool) -> CollectionChange:
    name, count = body["collectionName"], len(body["properties"])
    change = CollectionChange(collection_name=name, action="exists", properties=count,
                              collection_id=found.collection_id or None)
    if found.property_names is None:
        change.properties_listed = False
        return change
    missing = [p for p in body["properties"] if _system(p) not in found.property_names]
    if not missing or not found.collection_id:
        return change
    if not dry_run:
        collections.update(found.collection_id, properties=missing,
                           historyNote=f"personize-assistant: add {len(missing)} properties from the data models")
    change.action, change.added_properties = "extend", [_system(p) for p in missing]
    return change


def _create(body: dict[str, Any], collections: CollectionsClient) -> Any:
    """`collections.create`, once. When the answer is lost (a timeout, a 5xx) the collection
    may exist anyway: look it up by name before sending the create again."""
    try:
        return collections.create(**body)
    except PersonizeError as exc:
        if not _maybe_applied(exc):
            raise
    found = existing_state(collections).get(body["collectionName"])
    if found is not None:
        return {"collectionId": found.collection_id}
    return collections.create(**body)


def _maybe_applied(error: PersonizeError) -> bool:
    if isinstance(error, PersonizeAPIError):
        return (error.status or 0) >= 500
    return isinstance(error, PersonizeConnectionError) and error.request_sent


def _system(api_property: dict[str, Any]) -> str:
    return system_name(str(api_property["propertyName"]))


def _created_id(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    value = data.get("collectionId") or data.get("id")
    return str(value) if value else None
