"""WIRE for `data_model` touchpoints: a data-sync script that feeds the model's rows to
Personize with `memorizeBatch`.

The mapping (property names, collection, which columns get AI extraction) is the one
SCHEMA designs for the same model, so the script and the collections agree. The script
is new code only: nothing in the user's files changes.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from personize_assistant.actions.schema.artifact import BatchMapping
from personize_assistant.actions.wire.artifact import (
    ConstraintNote,
    Language,
    NewFile,
    WireArtifact,
)
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.codegen.helpers import PY_CLIENT, PY_CLIENT_MODULE, python_client_source
from personize_assistant.codegen.placement import place_helpers
from personize_assistant.codegen.render import render, wrap_comments
from personize_assistant.errors import UsageError
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.models import RepoScan, Touchpoint

SYNC_FRAMEWORKS: dict[str, Language] = {"prisma": "ts", "django": "py", "sqlalchemy": "py"}


def sync_language(touchpoint: Touchpoint) -> Language | None:
    return SYNC_FRAMEWORKS.get((touchpoint.framework or "").lower())


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _mapping_for(scan: RepoScan, touchpoint: Touchpoint) -> BatchMapping:
    from personize_assistant.actions.common.discovery import Discovery
    from personize_assistant.actions.schema import SchemaOptions, design_schema
    from personize_assistant.content import load_library

    # the full design: any entity can be synced, not only the ones the proposal focuses on
    design = design_schema(scan, Discovery(), load_library(), SchemaOptions(full=True))
    entity = touchpoint.entity or touchpoint.symbol
    mapping = next((m for m in design.mappings if m.source_entity == entity), None)
    record = next((r for r in design.records if r.entity == entity), None)
    if mapping is None and record is not None:
        raise UsageError(
            f"{touchpoint.id} ({touchpoint.location()}): {entity} is a record of {record.owner_entity}: its rows "
            f"roll up onto {record.owner_entity}'s collection ({', '.join(record.rollups[:3]) or 'as memorized content'}"
            f"); wire the sync of {record.owner_entity} instead (see `personize-assistant schema`)"
        )
    if mapping is None:
        raise UsageError(
            f"{touchpoint.id} ({touchpoint.location()}): {entity} has no email or website column of its own or of an "
            "owner, so memorizeBatch cannot key its rows (see `personize-assistant schema`)"
        )
    if mapping.key_from_owner:
        raise UsageError(
            f"{touchpoint.id} ({touchpoint.location()}): {entity} rows are keyed by {mapping.key_from_owner}; wire the "
            f"sync of that model, or join the key in by hand (see `personize-assistant schema`)"
        )
    return mapping


def sync_artifact(scan: RepoScan, touchpoint: Touchpoint, rules: WireRules) -> WireArtifact:
    language = sync_language(touchpoint)
    if language is None:
        raise UsageError(
            f"{touchpoint.id} ({touchpoint.location()}): data sync scripts are generated for Prisma, Django and "
            f"SQLAlchemy models (this one is {touchpoint.framework or 'unknown'})"
        )
    mapping = _mapping_for(scan, touchpoint)
    root = Path(scan.root)
    builder = {"prisma": _prisma, "django": _django, "sqlalchemy": _sqlalchemy}[
        (touchpoint.framework or "").lower()
    ]
    files, run = builder(root, touchpoint, mapping, rules)
    return WireArtifact(
        touchpoint_id=touchpoint.id,
        pattern="data_sync",
        language=language,
        framework=touchpoint.framework or "",
        trigger=f"a schedule or a manual run: {run}",
        field_mapping={p.target: p.source_field for p in mapping.properties},
        files_created=[f for f in files if not (root / f.path).exists()],
        notes=[
            f"Rows are keyed by {mapping.email_column or mapping.website_column}; "
            f"{sum(p.extract_memories for p in mapping.properties)} free-text columns get AI "
            "extraction, the rest are stored as structured values.",
            f'Create the collection "{mapping.properties[0].collection_name}" first '
            "(`personize-assistant schema --create`).",
        ],
        constraints=_constraints(rules, mapping, run),
    )


def _values(mapping: BatchMapping, rules: WireRules) -> dict[str, object]:
    key_option, key_column = (
        ("email", mapping.email_column) if mapping.email_column else ("website", mapping.website_column)
    )
    batch = rules.plan.batch if rules.plan is not None else None
    return {
        "entity": mapping.source_entity,
        "collection": mapping.properties[0].collection_name,
        "properties": mapping.properties,
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


def _prisma(root: Path, tp: Touchpoint, mapping: BatchMapping, rules: WireRules) -> tuple[list[NewFile], str]:
    project = PurePosixPath(tp.file).parent
    if project.name == "prisma":
        project = project.parent
    name = f"personize-sync-{_snake(mapping.source_entity).replace('_', '-')}.ts"
    path = str(project / "scripts" / name) if str(project) != "." else f"scripts/{name}"
    entity = mapping.source_entity
    field_names = {f.name for f in tp.fields or []}
    code = render(
        "ts/data_sync.ts.j2",
        **_values(mapping, rules),
        path=path,
        accessor=entity[:1].lower() + entity[1:],
        select=", ".join(f"{c}: true" for c in _columns(mapping)),
        order_by="id" if "id" in field_names else _columns(mapping)[0],
    )
    return [NewFile(path=path, content=code, summary=f"{entity} -> Personize sync")], f"npx tsx {path}"


# --------------------------------------------------------------------------- Python ORMs


def _python_file(values: dict[str, object], **extra: object) -> str:
    return wrap_comments(render("py/data_sync.py.j2", **values, **extra))


def _django(root: Path, tp: Touchpoint, mapping: BatchMapping, rules: WireRules) -> tuple[list[NewFile], str]:
    app = PurePosixPath(tp.file).parent
    snake = _snake(mapping.source_entity)
    commands = app / "management" / "commands"
    path = str(commands / f"personize_sync_{snake}.py")
    values = _values(mapping, rules)
    rows = render("py/data_sync_rows_django.py.j2", model=mapping.source_entity)
    shared = place_helpers(root, tp.file, "py")
    model_import = f"from ...{PurePosixPath(tp.file).stem} import {mapping.source_entity}"
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
    return files, f"python manage.py personize_sync_{snake}"


def _sqlalchemy(root: Path, tp: Touchpoint, mapping: BatchMapping, rules: WireRules) -> tuple[list[NewFile], str]:
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
        _values(mapping, rules),
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
    return files, f"python -m {module}"


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
