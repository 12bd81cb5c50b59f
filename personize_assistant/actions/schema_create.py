"""`schema --create`: send the designed collections to Personize, idempotently.

A collection whose `collectionName` already exists in `collections.list()` is left
alone (a second run creates nothing); `--dry-run` reports the same diff and sends no
writes. Properties of existing collections are not patched: the report says which
ones the design has that the account may lack, so the user decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.artifacts.schema import SchemaArtifact
from personize_assistant.errors import AssistantError
from personize_assistant.personize.client import PersonizeError

MAX_LIST_PAGES = 50  # a runaway nextToken loop must end


class CollectionsClient(Protocol):
    """The slice of `Personize.collections` this module uses."""

    def list(self, limit: int | None = None, nextToken: str | None = None,
             tags: Any = None, summary: bool | None = None) -> Any: ...

    def create(self, **body: Any) -> Any: ...


class CollectionChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    collection_name: str
    action: Literal["create", "exists"]
    properties: int
    collection_id: str | None = None
    """Existing id, or the id the server returned for a created collection."""


class CreateReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dry_run: bool
    changes: list[CollectionChange] = Field(default_factory=list)

    @property
    def created(self) -> list[str]:
        return [c.collection_name for c in self.changes if c.action == "create"]

    def render(self) -> str:
        verb = "would create" if self.dry_run else "created"
        lines = []
        for change in self.changes:
            if change.action == "create":
                lines.append(f"+ {change.collection_name} ({change.properties} properties) — {verb}")
            else:
                lines.append(f"= {change.collection_name} — exists ({change.collection_id}), left unchanged")
        todo = len(self.created)
        summary = f"{todo} to create, {len(self.changes) - todo} already present"
        return "\n".join([*lines, summary + (" (dry run: nothing sent)" if self.dry_run else "")])


def existing_collections(collections: CollectionsClient) -> dict[str, str]:
    """`collectionName -> collectionId` from every page of `collections.list()`."""
    found: dict[str, str] = {}
    token: str | None = None
    for _ in range(MAX_LIST_PAGES):
        data = collections.list(limit=100, nextToken=token) if token else collections.list(limit=100)
        found.update(dict(_names_and_ids(data)))
        token = data.get("nextToken") if isinstance(data, dict) else None
        if not token:
            break
    return found


def _names_and_ids(data: Any) -> Iterator[tuple[str, str]]:
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
            yield name, str(ident)


def apply_schema(artifact: SchemaArtifact, collections: CollectionsClient,
                 dry_run: bool = False) -> CreateReport:
    """Create the collections missing from the account; report every decision."""
    try:
        existing = existing_collections(collections)
        report = CreateReport(dry_run=dry_run)
        for body in artifact.create_bodies():
            report.changes.append(_apply_one(body, existing, collections, dry_run))
        return report
    except PersonizeError as exc:
        raise AssistantError(f"Personize: {exc}") from exc


def _apply_one(body: dict[str, Any], existing: dict[str, str], collections: CollectionsClient,
               dry_run: bool) -> CollectionChange:
    name = body["collectionName"]
    count = len(body["properties"])
    if name in existing:
        return CollectionChange(collection_name=name, action="exists", properties=count,
                                collection_id=existing[name] or None)
    created_id = None
    if not dry_run:
        data = collections.create(**body)
        created_id = _created_id(data)
        existing[name] = created_id or ""
    return CollectionChange(collection_name=name, action="create", properties=count,
                            collection_id=created_id)


def _created_id(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    value = data.get("collectionId") or data.get("id")
    return str(value) if value else None
