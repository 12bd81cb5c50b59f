"""The rollups a sync script computes: the ones SCHEMA designs on the synced collection.

A record that rolls up onto its owner (`Poll` -> `poll_count`, `last_poll_at` on the user)
is grouped by its key to the owner, one batch of owner rows at a time. Rollups that reach
the owner through another record (`chain`) are listed in a note for a hand-written join.
"""

from __future__ import annotations

from typing import NamedTuple

from personize_assistant.actions.schema.artifact import CollectionSpec


class SyncRollup(NamedTuple):
    target: str
    """The Personize property (the column the script adds to each owner row)."""
    record: str
    by: str
    """The record's key to the owner row (`userId`, Django's `user`)."""
    kind: str
    field: str | None
    order: str | None
    """The record's time column ("latest" takes the newest row by it), when the schema knows one."""


def sync_rollups(collection: CollectionSpec) -> tuple[list[SyncRollup], list[str]]:
    """(rollups the script computes, notes on the ones it cannot)."""
    computed: list[SyncRollup] = []
    by_hand: list[str] = []
    for prop in collection.properties:
        source = prop.rollup
        if source is None:
            continue
        if source.chain or not source.owner_field:
            by_hand.append(f"{prop.system_name} ({source.computed_from()})")
            continue
        computed.append(SyncRollup(prop.system_name, source.record, source.owner_field, source.kind,
                                   source.field, _time_column(collection, source.record)))
    notes = [f"Not computed by the script (they need a join through another record): {', '.join(by_hand)}."] if by_hand else []
    return computed, notes


def _time_column(collection: CollectionSpec, record: str) -> str | None:
    # The column the schema's "last at" rollup of the same record reads (its creation time).
    return next((p.rollup.field for p in collection.properties
                 if p.rollup is not None and p.rollup.record == record and p.rollup.kind == "last_at"), None)
