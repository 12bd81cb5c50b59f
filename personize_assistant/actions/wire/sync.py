"""WIRE for `data_model` touchpoints: a data-sync script that feeds the model's rows to
Personize with `memorizeBatch`.

The mapping (property names, collection, which columns get AI extraction) is the one
SCHEMA designs for the same model, so the script and the collections agree. The script
is new code only: nothing in the user's files changes.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.schema.artifact import BatchMapping, CollectionSpec, SchemaArtifact
from personize_assistant.actions.wire.artifact import (
    ConstraintNote,
    Language,
    NewFile,
    WireArtifact,
)
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.sync_rollups import SyncRollup, sync_rollups
from personize_assistant.codegen.helpers import PY_CLIENT, PY_CLIENT_MODULE, python_client_source
from personize_assistant.codegen.placement import place_helpers
from personize_assistant.codegen.render import render, wrap_comments
from personize_assistant.codegen.sync_placement import (
    django_app,
    owning_project,
    prisma_client,
    script_path,
)
from personize_assistant.errors import UsageError
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.models import RepoScan, Touchpoint

SYNC_FRAMEWORKS: dict[str, Language] = {"prisma": "ts", "django": "py", "sqlalchemy": "py"}


def sync_language(touchpoint: Touchpoint) -> Language | None:
    return SYNC_FRAMEWORKS.get((touchpoint.framework or "").lower())


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# The last scan's designs (wire --list tries every model of one scan), by (scan, answers, full?).
_DESIGNS: dict[tuple[int, int, bool], tuple[RepoScan, Discovery | None, SchemaArtifact]] = {}


def _design(scan: RepoScan, full: bool, discovery: Discovery | None) -> SchemaArtifact:
    """SCHEMA's design of `scan` from the same inputs as `personize-assistant schema`: the
    default view (what the proposed use cases need; sensitive and left-out columns out) or,
    with `full`, every designed collection. `discovery` carries the answers file."""
    from personize_assistant.actions.common.discovery import prefill_from_scan
    from personize_assistant.actions.schema import SchemaOptions, design_schema
    from personize_assistant.content import load_library

    key = (id(scan), id(discovery), full)
    cached = _DESIGNS.get(key)
    if cached is not None and cached[0] is scan and cached[1] is discovery:
        return cached[2]
    if len(_DESIGNS) > 8:
        _DESIGNS.clear()
    library = load_library()
    inputs = discovery or prefill_from_scan(scan, library)
    design = design_schema(scan, inputs, library, SchemaOptions(full=full))
    _DESIGNS[key] = (scan, discovery, design)
    return design


def _mapping_for(scan: RepoScan, touchpoint: Touchpoint,
                 discovery: Discovery | None) -> tuple[BatchMapping, CollectionSpec]:
    """The mapping SCHEMA's default view designs for the model: a sync sends exactly the
    properties (and rollups) the schema decided, never a column the schema leaves out."""
    design = _design(scan, False, discovery)
    entity = touchpoint.entity or touchpoint.symbol
    mapping = next((m for m in design.mappings if m.source_entity == entity), None)
    if mapping is None:
        _refuse_unmapped(scan, touchpoint, entity or "", discovery)
    assert mapping is not None  # _refuse_unmapped raises
    if mapping.key_from_owner:
        raise UsageError(
            f"{touchpoint.id} ({touchpoint.location()}): {entity} rows are keyed by {mapping.key_from_owner}; wire the "
            f"sync of that model, or join the key in by hand (see `personize-assistant schema`)"
        )
    collection = next(c for c in design.collections if c.source_entity == entity)
    return mapping, collection


def _refuse_unmapped(scan: RepoScan, touchpoint: Touchpoint, entity: str, discovery: Discovery | None) -> None:
    where = f"{touchpoint.id} ({touchpoint.location()})"
    full = _design(scan, True, discovery)
    record = next((r for r in full.records if r.entity == entity), None)
    if record is not None:
        raise UsageError(
            f"{where}: {entity} is a record of {record.owner_entity}: its rows "
            f"roll up onto {record.owner_entity}'s collection ({', '.join(record.rollups[:3]) or 'as memorized content'}"
            f"); wire the sync of {record.owner_entity} instead (see `personize-assistant schema`)"
        )
    collection = next((c for c in full.collections if c.source_entity == entity), None)
    hidden = next((n for n in _design(scan, False, discovery).not_shown
                   if collection is not None and n.collection == collection.collection_name and not n.property), None)
    if hidden is not None and any(m.source_entity == entity for m in full.mappings):
        raise UsageError(
            f"{where}: the default schema leaves {entity} out ({hidden.reason}), so nothing of it is synced; "
            "name it as an entity in the answers file's `schema:` section (`wire --answers`) to sync it"
        )
    skipped = next((m for m in full.skipped_models if m.entity == entity), None)
    if skipped is not None:
        raise UsageError(f"{where}: the schema leaves {entity} out ({skipped.reason}), so nothing of it is synced")
    raise UsageError(
        f"{where}: {entity} has no email or website column of its own or of an "
        "owner, so memorizeBatch cannot key its rows (see `personize-assistant schema`)"
    )


def sync_artifact(scan: RepoScan, touchpoint: Touchpoint, rules: WireRules,
                  discovery: Discovery | None = None) -> WireArtifact:
    language = sync_language(touchpoint)
    if language is None:
        raise UsageError(
            f"{touchpoint.id} ({touchpoint.location()}): data sync scripts are generated for Prisma, Django and "
            f"SQLAlchemy models (this one is {touchpoint.framework or 'unknown'})"
        )
    mapping, collection = _mapping_for(scan, touchpoint, discovery)
    root = Path(scan.root)
    builder = {"prisma": _prisma, "django": _django, "sqlalchemy": _sqlalchemy}[
        (touchpoint.framework or "").lower()
    ]
    rollups, rollup_notes = sync_rollups(collection)
    if builder is _sqlalchemy and rollups:
        # No generic grouping query for SQLAlchemy models yet: say which rollups are not sent.
        rollup_notes.append(f"Not computed by the script: {', '.join(r.target for r in rollups)}.")
        rollups = []
    files, run, placement_notes = builder(root, touchpoint, mapping, rules, rollups)
    return WireArtifact(
        touchpoint_id=touchpoint.id,
        pattern="data_sync",
        language=language,
        framework=touchpoint.framework or "",
        trigger=f"a schedule or a manual run: {run}",
        field_mapping={p.target: p.source_field for p in mapping.properties}
        | {r.target: f"computed: {r.kind} of {r.record}" for r in rollups},
        files_created=[f for f in files if not (root / f.path).exists()],
        notes=[
            f"Rows are keyed by {mapping.email_column or mapping.website_column}; "
            f"{sum(p.extract_memories for p in mapping.properties)} free-text columns get AI "
            "extraction, the rest are stored as structured values.",
            f'Create the collection "{mapping.properties[0].collection_name}" first '
            "(`personize-assistant schema --create`).",
            *rollup_notes,
            *placement_notes,
        ],
        constraints=_constraints(rules, mapping, run),
    )


def _values(mapping: BatchMapping, rules: WireRules, rollups: list[SyncRollup]) -> dict[str, object]:
    key_option, key_column = (
        ("email", mapping.email_column) if mapping.email_column else ("website", mapping.website_column)
    )
    batch = rules.plan.batch if rules.plan is not None else None
    return {
        "entity": mapping.source_entity,
        "collection": mapping.properties[0].collection_name,
        "properties": mapping.properties,
        "rollups": rollups,
        "entity_type": mapping.entity_type,
        "key_option": key_option,
        "key_column": key_column,
        "run_name": mapping.run_name,
        "source": mapping.source,
        "chunk_size": mapping.chunk_size,
        "max_rows": batch.max_rows_per_call if batch else 500,
        "rows_factor": batch.rows_factor if batch else 0.9,
        "wait_seconds": batch.wait_seconds if batch else 62,
        "wait_ms": (batch.wait_seconds if batch else 62) * 1000,
    }


def _columns(mapping: BatchMapping) -> list[str]:
    key = mapping.email_column or mapping.website_column
    columns = [p.source_field for p in mapping.properties]
    return columns if key in columns else [key or "", *columns]


# --------------------------------------------------------------------------- Prisma (TypeScript)


def _prisma(root: Path, tp: Touchpoint, mapping: BatchMapping, rules: WireRules,
            rollups: list[SyncRollup]) -> tuple[list[NewFile], str, list[str]]:
    name = f"personize-sync-{_snake(mapping.source_entity).replace('_', '-')}.ts"
    path = script_path(root, owning_project(root, tp.file), name)
    client = prisma_client(root, tp.file, path)
    entity = mapping.source_entity
    columns = _columns(mapping)
    # Pages are ordered by the primary key (stable under skip/take); rollups group a record's
    # rows by it too: it is read, and dropped again before sending.
    primary = _primary_key(tp)
    owner_key = primary if rollups else None
    code = render(
        "ts/data_sync.ts.j2",
        **_values(mapping, rules, rollups if owner_key else []),
        path=path,
        prisma_import=client.import_line,
        prisma_client=client.expression,
        accessor=entity[:1].lower() + entity[1:],
        select=", ".join(f"{c}: true" for c in [*columns, *([owner_key] if owner_key and owner_key not in columns else [])]),
        order_by=primary or columns[0],
        owner_key=owner_key,
        drop_owner_key=owner_key is not None and owner_key not in columns,
    )
    files = [NewFile(path=path, content=code, summary=f"{entity} -> Personize sync")]
    return files, f"npx tsx {path}", [client.note] if client.note else []


def _primary_key(tp: Touchpoint) -> str | None:
    """The model's `@id` field, else `id`, else its first unique field."""
    fields = tp.fields or []
    found = next((f.name for f in fields if f.is_primary_key), None)
    found = found or next((f.name for f in fields if f.name == "id"), None)
    return found or next((f.name for f in fields if f.is_unique), None)


# --------------------------------------------------------------------------- Python ORMs


def _python_file(values: dict[str, object], **extra: object) -> str:
    return wrap_comments(render("py/data_sync.py.j2", **values, **extra))


def _django(root: Path, tp: Touchpoint, mapping: BatchMapping, rules: WireRules,
            rollups: list[SyncRollup]) -> tuple[list[NewFile], str, list[str]]:
    # The model's app (`person/models/user.py` -> `person`), not the models package.
    app = django_app(root, tp.file)
    snake = _snake(mapping.source_entity)
    commands = app / "management" / "commands"
    path = str(commands / f"personize_sync_{snake}.py")
    values = _values(mapping, rules, rollups)
    rows = render("py/data_sync_rows_django.py.j2", model=mapping.source_entity, rollups=rollups)
    shared = place_helpers(root, tp.file, "py")
    module = ".".join(PurePosixPath(tp.file).relative_to(app).with_suffix("").parts)
    model_import = f"from ...{module} import {mapping.source_entity}"
    if shared.import_root is not None:
        # Another app already holds the client: import it rather than add a second copy.
        client = shared.import_from(tp.file, PY_CLIENT_MODULE)
        imports = [f"from {client} import Personize, PersonizeError", "", model_import]
    else:
        imports = [model_import, "from ...personize_client import Personize, PersonizeError"]
    code = _python_file(
        values,
        snake=snake,
        run_command=f"python manage.py personize_sync_{snake} [--dry-run]",
        imports=["from django.core.management.base import BaseCommand", "", *imports],
        rows_function=rows.rstrip("\n"),
        entry_point=render("py/data_sync_command.py.j2", entity=mapping.source_entity, snake=snake),
    )
    files = [NewFile(path=path, content=code, summary=f"{mapping.source_entity} -> Personize sync command")]
    for package in (app / "management", commands):
        files.append(NewFile(path=str(package / "__init__.py"), content="", summary="package marker"))
    if shared.import_root is None:
        files.append(NewFile(path=str(app / PY_CLIENT), content=python_client_source(), summary="standalone Personize REST client"))
    return files, f"python manage.py personize_sync_{snake}", []


def _sqlalchemy(root: Path, tp: Touchpoint, mapping: BatchMapping, rules: WireRules,
                rollups: list[SyncRollup]) -> tuple[list[NewFile], str, list[str]]:
    package = PurePosixPath(tp.file).parent
    session_module = _session_factory(root, package)
    if session_module is None:
        raise UsageError(
            f"{tp.id} ({tp.location()}): no `SessionLocal = sessionmaker(...)` found next to {tp.file}; "
            "the sync script needs a session factory to read rows"
        )
    snake = _snake(mapping.source_entity)
    path = str(package / f"personize_sync_{snake}.py")
    module = ".".join((*package.parts, f"personize_sync_{snake}"))
    code = _python_file(
        _values(mapping, rules, []),
        snake=snake,
        run_command=f"python -m {module} [--dry-run]",
        imports=[
            "from sqlalchemy import select",
            "",
            f"from .{session_module} import SessionLocal",
            f"from .{PurePosixPath(tp.file).stem} import {mapping.source_entity}",
            "from .personize_client import Personize, PersonizeError",
        ],
        rows_function=render("py/data_sync_rows_sqlalchemy.py.j2", model=mapping.source_entity).rstrip("\n"),
        entry_point=render("py/data_sync_main.py.j2", entity=mapping.source_entity, snake=snake),
    )
    files = [
        NewFile(path=path, content=code, summary=f"{mapping.source_entity} -> Personize sync"),
        NewFile(path=str(package / PY_CLIENT), content=python_client_source(), summary="standalone Personize REST client"),
    ]
    return files, f"python -m {module}", []


def _session_factory(root: Path, package: PurePosixPath) -> str | None:
    for candidate in sorted((root / str(package)).glob("*.py")):
        text = read_repo_file(root, str(candidate.relative_to(root)), MAX_REPO_FILE_BYTES)
        if not isinstance(text, Refusal) and re.search(r"^SessionLocal\s*=\s*sessionmaker\(", text, re.MULTILINE):
            return candidate.stem
    return None


def _constraints(rules: WireRules, mapping: BatchMapping, run: str) -> list[ConstraintNote]:
    how = {
        "define_trigger": f"Run on a schedule or by hand: {run}.",
        "map_fields": "Every property maps one named column: "
        + ", ".join(f"{p.target} <- {p.source_field}" for p in mapping.properties[:6])
        + ("..." if len(mapping.properties) > 6 else ""),
        "store_outcome": "The rows themselves are the memory; nothing is delivered.",
        "degrade_gracefully": "A separate script: the app never waits on it; a failed run exits non-zero.",
        "align_rates": "Batch size from me()'s per-minute limit; a minute between batches; 429s wait as advised.",
        "separate_auth": "PERSONIZE_SECRET_KEY for Personize; the database keeps its own settings.",
    }
    return [ConstraintNote(id=c.id, rule=c.rule, how=how.get(c.id, "")) for c in rules.wire.constraints]
