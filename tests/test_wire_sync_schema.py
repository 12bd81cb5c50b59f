"""A data sync sends what SCHEMA decided, from one design: the default view's properties
and rollups of the synced collection, never a column the schema excludes or leaves out of
its default view (superuser flags, reset times, license keys), and no sync for a model the
default view does not create."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.schema import SchemaOptions, design_schema
from personize_assistant.actions.schema.artifact import SchemaArtifact
from personize_assistant.actions.wire.action import WireOptions, load_rules, wire, wireable
from personize_assistant.content import load_library
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# `name: { sourceField: 'column', ...` (TypeScript) and `"name": ("column", ...` (Python).
_SENT = re.compile(r"^\s*\"?(\w+)\"?: (?:\{ sourceField: '(\w+)'|\(\"(\w+)\")", re.MULTILINE)


@cache
def _scan(app: str) -> RepoScan:
    return scan_repo(EXAMPLES / app, use_cache=False)


@cache
def _design(app: str) -> SchemaArtifact:
    scan, library = _scan(app), load_library()
    return design_schema(scan, prefill_from_scan(scan, library), library, SchemaOptions())


def _sent(app: str, touchpoint_id: str) -> tuple[dict[str, str], str]:
    """(Personize property -> column the sync script sends, the artifact's notes)."""
    artifact = wire(_scan(app), WireOptions(touchpoint_id=touchpoint_id), load_rules())
    script = next(f for f in artifact.files_created if "personize_sync" in f.path or "personize-sync" in f.path)
    block = script.content.split("PROPERTIES", 1)[1].split("}\n", 1)[0] + "}\n"
    return {m[1]: m[2] or m[3] for m in _SENT.finditer(block)}, "\n".join(artifact.notes)


@pytest.mark.parametrize("app", ["pulseboard-ts", "tallybook-py"])
def test_a_sync_sends_exactly_the_default_schema_of_its_collection(app: str) -> None:
    design, scan = _design(app), _scan(app)
    models = {t.id: t for t in scan.by_kind(Kind.DATA_MODEL)}
    ready = [c for c in wireable(scan, load_rules()) if c.pattern == "data_sync" and c.ready]
    assert ready, "the example syncs at least one model"
    for candidate in ready:
        entity = models[candidate.touchpoint_id].entity
        collection = next(c for c in design.collections if c.source_entity == entity)
        sent, notes = _sent(app, candidate.touchpoint_id)
        # A rollup through another record (`chain`) needs a join: named in a note, not sent.
        joined = {p.system_name for p in collection.properties if p.rollup and p.rollup.chain}
        assert set(sent) == {p.system_name for p in collection.properties if p.source or p.rollup} - joined, entity
        assert all(name in notes for name in joined), notes
        excluded = {e.field for e in design.excluded if e.entity == entity}
        hidden = {n.property for n in design.not_shown if n.collection == collection.collection_name}
        assert not (set(sent.values()) & excluded), entity
        assert not (set(sent) & hidden), entity


def test_the_default_view_hides_fields_a_sync_would_otherwise_send() -> None:
    # The test above can fail: the full design has properties the default view drops.
    scan, library = _scan("tallybook-py"), load_library()
    full = design_schema(scan, prefill_from_scan(scan, library), library, SchemaOptions(full=True))
    shown = {(c.source_entity, p.system_name) for c in _design("tallybook-py").collections for p in c.properties}
    assert {(c.source_entity, p.system_name) for c in full.collections for p in c.properties} - shown


def test_a_model_the_default_schema_leaves_out_is_not_synced() -> None:
    scan = _scan("tallybook-py")
    bank_user = next(t for t in scan.by_kind(Kind.DATA_MODEL) if t.entity == "BankUser")
    with pytest.raises(UsageError, match="the default schema leaves BankUser out"):
        wire(scan, WireOptions(touchpoint_id=bank_user.id), load_rules())
