"""The SCHEMA artifact: collections, properties, exclusions and memorizeBatch mappings.

Properties are `content.models.PropertyDefinition` (the spec format of
`reference/schema.md`), so the same model validates the starter schemas and what we
design. Renderers: `render_markdown` (the human spec) and `to_json` (properties in the
design JSON Schema shape, plus the exact `collections.create` bodies and mappings).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.common.schema_decisions import SchemaDecisions
from personize_assistant.content.models import PropertyDefinition, SpecFormat

IdentifierColumn = Literal[
    "email", "websiteUrl", "phoneNumber", "postalCode", "deviceId", "contentId"
]
COLLECTION_ID_PLACEHOLDER = "<collectionId from collections.list()>"


class FieldSource(BaseModel):
    """The model field a property comes from."""

    model_config = ConfigDict(extra="forbid")

    entity: str
    field: str
    declared_type: str
    file: str
    line: int


RollupKind = Literal["count", "last_at", "total", "average", "latest", "list"]


class RollupSource(BaseModel):
    """How the sync computes a rollup property from a record's rows."""

    model_config = ConfigDict(extra="forbid")

    record: str
    kind: RollupKind
    field: str | None = None
    """The record's column it reads (None for a count)."""
    owner_field: str | None = None
    """The record's foreign key the rows are grouped by (towards the owner)."""
    chain: list[str] = Field(default_factory=list)
    file: str
    line: int

    def computed_from(self) -> str:
        """`COUNT(Poll) by Poll.userId`: what the sync script computes, in one line."""
        column = f"{self.record}.{self.field}" if self.field else self.record
        how = {"count": f"COUNT({self.record})", "last_at": f"MAX({column})", "total": f"SUM({column})",
               "average": f"AVG({column})", "latest": f"{column} of the newest row",
               "list": f"distinct {column} values"}[self.kind]
        via = f"{self.record}.{self.owner_field}" if self.owner_field else self.record
        through = f" through {' -> '.join(self.chain)}" if self.chain else ""
        return f"{how} grouped by {via}{through}"


class PropertySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    definition: PropertyDefinition
    source: FieldSource | None = None
    """None for recommended AI-extracted properties and rollups (no column of their own)."""
    origin: str = "field"
    """`field`, `starter:<schema>` for a recommended property, `rollup:<Record>` for a rollup."""
    rule: str | None = None
    """Id of the extraction rule that set autoSystem/update."""
    rollup: RollupSource | None = None
    facet: str | None = None
    """What the property serves (identity, profile, lifecycle, activity, content), which
    decides whether the default view shows it."""

    @property
    def system_name(self) -> str:
        return self.definition.system_name


class ExcludedField(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity: str
    field: str
    kind: str
    reason: str


class RecordSpec(BaseModel):
    """A model that is a record about an entity: it rolls up onto its owner's collection."""

    model_config = ConfigDict(extra="forbid")

    entity: str
    file: str
    owner_entity: str
    owner_field: str | None = None
    chain: list[str] = Field(default_factory=list)
    rollups: list[str] = Field(default_factory=list)
    """System names of the rollup properties on the owner's collection."""
    memorized: list[str] = Field(default_factory=list)
    """Free-text fields memorized (memorize / extractMemories) as content about the owner."""
    references: int = 0
    """How many tables point at this one: the default view keeps the most central records."""
    decided_by: Literal["heuristic", "expert"] = "heuristic"


class NotShown(BaseModel):
    """Designed but left out of the default view: no proposed use case needs it."""

    model_config = ConfigDict(extra="forbid")

    collection: str
    property: str | None = None
    """None when the whole collection is not shown."""
    reason: str


class CollectionSpec(BaseModel):
    """One collection to create: the entity-type design plus its properties."""

    model_config = ConfigDict(extra="forbid")

    collection_name: str
    entity_type: str
    """`Contact` / `Company` for system entity types, else the custom entity's name."""
    system_entity: bool
    """True when the repo's model maps onto the system Contact/Company entity type."""
    name: str
    plural_label: str
    slug: str
    description: str
    icon: str
    color: str
    primary_key_field: str | None
    identifier_column: IdentifierColumn
    source_entity: str
    source_file: str
    source_framework: str | None = None
    owner_entity: str | None = None
    """For a record about a person/organisation: the model whose key identifies it."""
    owner_field: str | None = None
    """The foreign key (or relation field) that points at `owner_entity`."""
    properties: list[PropertySpec]

    def create_body(self) -> dict[str, Any]:
        """The exact `collections.create` request body (personize-api §7)."""
        return {
            "collectionName": self.collection_name,
            "definition": self.description,
            "entityType": self.entity_type,
            "properties": [p.definition.to_api() for p in self.properties],
        }


class BatchProperty(BaseModel):
    model_config = ConfigDict(extra="forbid")

    target: str
    source_field: str
    collection_name: str
    extract_memories: bool
    why: str


class BatchMapping(BaseModel):
    """A `memorizeBatch` mapping for one data source (one model's rows)."""

    model_config = ConfigDict(extra="forbid")

    source: str
    source_entity: str
    entity_type: Literal["contact", "company"] | str
    email_column: str | None = None
    website_column: str | None = None
    run_name: str
    key_from_owner: str | None = None
    """Set when the key column is joined in from the owning model (`Owner.field`)."""
    owner_field: str | None = None
    """The foreign key / relation field on this model that reaches the owner."""
    framework: str | None = None
    """The ORM the rows come from (`prisma`, `django`, `sqlalchemy`…): decides the sync code."""
    chunk_size: int = 1
    properties: list[BatchProperty]
    computed: list[BatchProperty] = Field(default_factory=list)
    """Rollup columns the sync script computes from record tables (`source_field` is the
    computed column's name, `why` says how)."""

    def request(self, collection_ids: dict[str, str] | None = None) -> dict[str, Any]:
        """The request body without rows; ids come from `collections.list()`."""
        ids = collection_ids or {}
        mapping: dict[str, Any] = {"entityType": self.entity_type}
        if self.email_column:
            mapping["email"] = self.email_column
        if self.website_column:
            mapping["website"] = self.website_column
        mapping["runName"] = self.run_name
        mapping["properties"] = {p.target: _property_body(p, ids) for p in (*self.properties, *self.computed)}
        return {"source": self.source, "mapping": mapping, "rows": [], "chunkSize": self.chunk_size}


def _property_body(prop: BatchProperty, ids: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "sourceField": prop.source_field,
        "collectionId": ids.get(prop.collection_name, COLLECTION_ID_PLACEHOLDER),
        "collectionName": prop.collection_name,
    }
    if prop.extract_memories:
        body["extractMemories"] = True
    return body


class SkippedModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity: str
    reason: str
    category: str = "technical"
    """aggregate, log, technical, join, no_owner, sensitive:<category> or expert."""


class SchemaArtifact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    app_name: str
    product_type: str | None = None
    starter_schemas: list[str] = Field(default_factory=list)
    collections: list[CollectionSpec]
    excluded: list[ExcludedField] = Field(default_factory=list)
    skipped_models: list[SkippedModel] = Field(default_factory=list)
    mappings: list[BatchMapping] = Field(default_factory=list)
    records: list[RecordSpec] = Field(default_factory=list)
    not_shown: list[NotShown] = Field(default_factory=list)
    full: bool = False
    """True when every designed collection and property is shown (`schema --full`)."""
    decisions: SchemaDecisions | None = None
    """The expert decisions this design applied (validated against the scan)."""
    notes: list[str] = Field(default_factory=list)
    spec_format: SpecFormat | None = None

    def collection(self, name: str) -> CollectionSpec | None:
        return next(
            (c for c in self.collections if name in (c.collection_name, c.source_entity)), None
        )

    def create_bodies(self) -> list[dict[str, Any]]:
        return [c.create_body() for c in self.collections]


# --- JSON -----------------------------------------------------------------------------


def property_json(prop: PropertySpec) -> dict[str, Any]:
    """The property in the design JSON Schema's shape plus `autoSystem` (a documented extra)."""
    d = prop.definition
    data: dict[str, Any] = {
        "name": d.name,
        "systemName": d.system_name,
        "type": d.type,
        "description": d.description,
    }
    if d.options:
        data["options"] = list(d.options)
    if d.tags:
        data["tags"] = list(d.tags)
    data["updateSemantics"] = d.update_mode
    data["autoSystem"] = bool(d.auto_system)
    return data


def collection_json(collection: CollectionSpec) -> dict[str, Any]:
    return {
        "name": collection.name,
        "pluralLabel": collection.plural_label,
        "slug": collection.slug,
        "entityType": collection.entity_type,
        "collectionName": collection.collection_name,
        "description": collection.description,
        "icon": collection.icon,
        "color": collection.color,
        "primaryKeyField": collection.primary_key_field,
        "identifierColumn": collection.identifier_column,
        "systemEntity": collection.system_entity,
        "source": {
            "entity": collection.source_entity,
            "file": collection.source_file,
            **({"owner": collection.owner_entity} if collection.owner_entity else {}),
        },
        "properties": [property_json(p) for p in collection.properties],
    }


def to_json(artifact: SchemaArtifact) -> dict[str, Any]:
    return {
        "app": artifact.app_name,
        "productType": artifact.product_type,
        "starterSchemas": artifact.starter_schemas,
        "collections": [collection_json(c) for c in artifact.collections],
        "createRequests": artifact.create_bodies(),
        "memorizeBatch": [_mapping_json(m) for m in artifact.mappings],
        "records": [r.model_dump() for r in artifact.records],
        "excluded": [e.model_dump() for e in artifact.excluded],
        "skippedModels": [s.model_dump() for s in artifact.skipped_models],
        "view": "full" if artifact.full else "default",
        "notShown": [n.model_dump() for n in artifact.not_shown],
        "decisions": artifact.decisions.model_dump(mode="json") if artifact.decisions else None,
        "notes": artifact.notes,
    }


def _mapping_json(mapping: BatchMapping) -> dict[str, Any]:
    data: dict[str, Any] = {"request": mapping.request()}
    if mapping.key_from_owner:
        data["keyFromOwner"] = mapping.key_from_owner
    return data


# --- markdown ---------------------------------------------------------------------------


def render_markdown(artifact: SchemaArtifact) -> str:
    """The human spec in `reference/schema.md`'s format, then exclusions and mappings."""
    lines = [f"# Personize schema for {artifact.app_name}", ""]
    lines += _summary(artifact)
    for collection in artifact.collections:
        lines += _collection_md(collection, artifact.spec_format)
    lines += _records_md(artifact)
    lines += _decisions_md(artifact)
    lines += _excluded_md(artifact)
    lines += _not_shown_md(artifact)
    lines += _mappings_md(artifact)
    lines += _create_md(artifact)
    return "\n".join(lines).rstrip() + "\n"


def _cell(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def _summary(artifact: SchemaArtifact) -> list[str]:
    lines = [
        f"{len(artifact.collections)} collections, "
        f"{sum(len(c.properties) for c in artifact.collections)} properties, "
        f"{len(artifact.excluded)} fields excluded, {len(artifact.records)} record tables rolled up "
        f"onto their entity, {len(artifact.skipped_models)} models left out."
    ]
    if not artifact.full and artifact.not_shown:
        lines.append(f"This is the default view: what the proposed use cases need; {len(artifact.not_shown)} "
                     "more collections or properties are listed at the end (`schema --full` shows them).")
    if artifact.product_type:
        starters = ", ".join(artifact.starter_schemas) or "none"
        lines.append(f"Product type: `{artifact.product_type}` (starter schemas used: {starters}).")
    lines.append("")
    for note in artifact.notes:
        lines += [f"> **Note:** {note}", ""]  # one quote per note: adjacent `>` lines merge into one
    return lines


def _collection_md(collection: CollectionSpec, spec: SpecFormat | None) -> list[str]:
    data = collection_json(collection)
    lines = [f"## {collection.collection_name}", ""]
    where = f"`{collection.source_entity}` in `{collection.source_file}`"
    if collection.owner_entity:
        where += f", attached to its `{collection.owner_entity}`"
    lines += [f"From {where}.", "", "| Field | Value |", "|---|---|"]
    for key, label in _fields(spec, "collection"):
        lines.append(f"| {label} | {_cell(data.get(key))} |")
    keys = _fields(spec, "property")
    lines += ["", "| " + " | ".join(label for _, label in keys) + " |", "|" + "---|" * len(keys)]
    for prop in collection.properties:
        row = property_json(prop)
        lines.append("| " + " | ".join(_cell(row.get(key)) for key, _ in keys) + " |")
    origins = sorted(
        {p.origin.split(":", 1)[1] for p in collection.properties if p.origin.startswith("starter:")}
    )
    if origins:
        lines += [
            "",
            f"AI-extracted properties recommended from the starter schema(s): {', '.join(origins)}.",
        ]
    return [*lines, ""]


def _fields(spec: SpecFormat | None, which: str) -> list[tuple[str, str]]:
    if spec is None:
        return [("name", "Name"), ("description", "Description")]
    fields = spec.collection if which == "collection" else spec.property
    return [(f.key, f.label) for f in fields]


def _records_md(artifact: SchemaArtifact) -> list[str]:
    if not artifact.records:
        return []
    lines = ["## Records rolled up onto their entity", "",
             "These tables hold things that happen to or belong to an entity. They get no collection: "
             "the sync computes the rollup properties above (counts, last-at, totals and latest values "
             "replace; lists append), and free text is memorized as content about the owner "
             "(`memorize` / `extractMemories: true`).", "",
             "| Record | Owner (via) | Rollup properties | Memorized content |", "|---|---|---|---|"]
    for r in artifact.records:
        via = " -> ".join([f"{r.entity}.{r.owner_field}" if r.owner_field else r.entity, *r.chain])
        lines.append(f"| `{r.entity}` | {r.owner_entity} ({via}) | {_cell(r.rollups)} | {_cell(r.memorized)} |")
    return [*lines, ""]


def _decisions_md(artifact: SchemaArtifact) -> list[str]:
    d = artifact.decisions
    if d is None:
        return []
    lines = ["## Expert decisions applied", ""]
    lines += [f"- `{e.model}` is a {e.type}" for e in d.entities]
    lines += [f"- `{r.model}` is a record" + (f" of {r.owner}" if r.owner else "") for r in d.records]
    lines += [f"- `{o.model}` left out: {o.reason}" for o in d.left_out]
    lines += [f"- add `{c.model}.{c.field}`: {c.reason}" for c in d.add_properties]
    lines += [f"- drop `{c.model}.{c.field}`: {c.reason}" for c in d.drop_properties]
    return [*lines, ""]


def _not_shown_md(artifact: SchemaArtifact) -> list[str]:
    if not artifact.not_shown:
        return []
    grouped: dict[tuple[str, str], list[str]] = {}
    for n in artifact.not_shown:
        grouped.setdefault((n.collection, n.reason), []).append(f"`{n.property}`" if n.property else "whole collection")
    lines = ["## Not shown by default", "", "`schema --full` shows these too.", "",
             "| Collection | Not shown | Why |", "|---|---|---|"]
    lines += [f"| {_cell(c)} | {', '.join(names)} | {_cell(why)} |" for (c, why), names in grouped.items()]
    return [*lines, ""]


def _excluded_md(artifact: SchemaArtifact) -> list[str]:
    if not artifact.excluded and not artifact.skipped_models:
        return []
    lines = ["## Left out on purpose", ""]
    if artifact.skipped_models:
        lines += ["| Model | Kind | Why |", "|---|---|---|"]
        lines += [f"| `{s.entity}` | {s.category} | {s.reason} |" for s in artifact.skipped_models]
        lines.append("")
    if artifact.excluded:
        lines += ["| Field | Kind | Why |", "|---|---|---|"]
        lines += [f"| `{e.entity}.{e.field}` | {e.kind} | {e.reason} |" for e in artifact.excluded]
        lines.append("")
    return lines


def _mappings_md(artifact: SchemaArtifact) -> list[str]:
    if not artifact.mappings:
        return []
    lines = [
        "## memorizeBatch mappings",
        "",
        "One mapping per data source. `sourceField` is the exact column name (a mismatch "
        "silently writes null); take `collectionId` from `collections.list()`.",
        "",
    ]
    for mapping in artifact.mappings:
        key = mapping.email_column or mapping.website_column
        lines += [
            f"### {mapping.source} → {mapping.entity_type}",
            "",
            f"Key column: `{key}`"
            + (f" (joined from `{mapping.key_from_owner}`)" if mapping.key_from_owner else "")
            + f"; runName `{mapping.run_name}`; chunkSize {mapping.chunk_size}.",
            "",
            "| Property | sourceField | extractMemories | Why |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| `{p.target}` | `{p.source_field}` | {'true' if p.extract_memories else 'false'} | {p.why} |"
            for p in (*mapping.properties, *mapping.computed)
        ]
        lines.append("")
    return lines


def _create_md(artifact: SchemaArtifact) -> list[str]:
    return [
        "## Create it",
        "",
        "- Preview against your account: `personize-assistant schema . --create --dry-run`",
        "- Create what is missing (safe to re-run; an existing collection only gets the "
        "properties it lacks, nothing is changed or removed): "
        "`personize-assistant schema . --create`",
        "- Then confirm the real ids with `collections.list()` and use them in the mappings above.",
        "- The exact `collections.create` request bodies are in `--json` output under `createRequests`.",
        "",
    ]
