"""Sync rows from a database or CRM export (CSV or JSON) into Personize memory.

    python pipeline.py rows.csv mapping.json [--dry-run] [--wait 62]

1. me()              -> the plan's real per-minute limit decides the batch size
2. collections.list  -> collection names in the mapping become real collection ids
3. local checks      -> every sourceField must exist in the rows (a typo stores null silently)
4. memorize_batch    -> one request per chunk, 429-aware, with a pause between chunks

Needs personize_client.py (the project's standalone client) next to this file.
"""

import argparse
import csv
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from personize_client import Personize, PersonizeError, RateLimitError

MAX_ROWS_PER_REQUEST = 500  # documented cap for non-enterprise plans
RATE_LIMIT_FALLBACK_SECONDS = 60.0
MAX_CHUNK_ATTEMPTS = 4

log = logging.getLogger("data-sync")
Row = dict[str, Any]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Sync an export into Personize memory.")
    parser.add_argument("rows", type=Path, help="CSV with a header row, or a JSON array of objects")
    parser.add_argument("mapping", type=Path, help="mapping file (see mapping.example.json)")
    parser.add_argument("--dry-run", action="store_true", help="validate; write nothing")
    parser.add_argument("--wait", type=float, default=62.0, help="seconds between requests")
    return parser.parse_args(argv)


def load_rows(path: Path) -> list[Row]:
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            # Empty cells become None so the API stores "no value", not "".
            return [{k: (v or None) for k, v in row.items()} for row in csv.DictReader(handle)]
    rows = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise ValueError(f"{path}: expected a JSON array of row objects")
    return rows


def load_mapping(path: Path) -> dict[str, Any]:
    mapping: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for key in ("source", "entityType", "properties"):
        if key not in mapping:
            raise ValueError(f'{path}: missing "{key}"')
    if not (mapping.get("email") or mapping.get("website")):
        raise ValueError(f'{path}: name an "email" or "website" column')
    return mapping


def collection_ids(client: Personize) -> dict[str, str]:
    """Collection name -> id from every page of collections.list()."""
    ids: dict[str, str] = {}
    token = None
    while True:
        page = client.collections.list(limit=100, nextToken=token)
        # Documented as {"actions": [{"payload": {...}}]}; one older source returns a list.
        actions = page.get("actions", []) if isinstance(page, dict) else page
        for action in actions:
            payload = action.get("payload", action)
            name = payload.get("collectionName") or payload.get("name")
            ident = payload.get("collectionId") or payload.get("id")
            if name and ident:
                ids[name] = ident
        token = page.get("nextToken") if isinstance(page, dict) else None
        if not token:
            return ids


def resolve_mapping(spec: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    properties = {}
    for target, prop in spec["properties"].items():
        name = prop["collection"]
        if name not in ids:
            known = ", ".join(sorted(ids)) or "none"
            raise ValueError(f'property "{target}": no collection named "{name}" (have: {known})')
        properties[target] = {
            "sourceField": prop["sourceField"],
            "collectionId": ids[name],
            "collectionName": name,
            "extractMemories": bool(prop.get("extractMemories", False)),
        }
    mapping = {
        "entityType": spec["entityType"],
        "runName": f"{spec['source']}-{int(time.time())}",
        "properties": properties,
    }
    for column in ("email", "website"):
        if spec.get(column):
            mapping[column] = spec[column]
    return mapping


def missing_columns(mapping: dict[str, Any], rows: list[Row]) -> list[str]:
    """Columns the mapping names that no row has: the API would store null silently."""
    seen = {key for row in rows for key in row}
    wanted = [mapping.get("email"), mapping.get("website")]
    wanted += [p["sourceField"] for p in mapping["properties"].values()]
    return [c for c in wanted if c and c not in seen]


def has_identifier(row: Row, mapping: dict[str, Any]) -> bool:
    return any(row.get(mapping.get(col) or "") for col in ("email", "website"))


def send_chunk(
    client: Personize, source: str, mapping: dict[str, Any], rows: list[Row], dry_run: bool
) -> str | None:
    for attempt in range(1, MAX_CHUNK_ATTEMPTS + 1):
        try:
            data = client.memory.memorize_batch(
                source=source, mapping=mapping, rows=rows, chunkSize=1, dry_run=dry_run
            )
            return (data or {}).get("eventId") if isinstance(data, dict) else None
        except RateLimitError as error:
            # The client already retried; a long sync still outlasts its retries sometimes.
            if error.window == "per_month" or attempt == MAX_CHUNK_ATTEMPTS:
                raise
            wait = error.retry_after_seconds
            if wait is None:  # the documented fallback when the API gives no hint
                wait = RATE_LIMIT_FALLBACK_SECONDS
            log.warning("rate limited; waiting %.0fs before retrying this chunk", wait)
            time.sleep(wait)
    return None


def run(args: argparse.Namespace) -> None:
    with Personize() as client:
        me = client.me()
        limits = me["plan"]["limits"]
        per_minute = int(limits["maxApiCallsPerMinute"])
        rows_per_request = max(1, min(MAX_ROWS_PER_REQUEST, int(per_minute * 0.9)))
        log.info(
            "plan %s: %s/min, %s/month -> %d rows per request",
            me["plan"].get("name"), per_minute, limits.get("maxApiCallsPerMonth"), rows_per_request,
        )
        spec = load_mapping(args.mapping)
        mapping = resolve_mapping(spec, collection_ids(client))
        all_rows = load_rows(args.rows)
        missing = missing_columns(mapping, all_rows)
        if missing:
            raise ValueError(f"columns not found in {args.rows}: {', '.join(missing)}")
        rows = [row for row in all_rows if has_identifier(row, mapping)]
        if len(rows) < len(all_rows):
            log.warning("skipping %d rows with no email/website", len(all_rows) - len(rows))

        # Baseline for verification: batches land asynchronously, so compare this count later.
        entity = spec["entityType"][:1].upper() + spec["entityType"][1:]
        before = client.memory.search(type=entity, countOnly=True).get("totalMatched")

        chunks = [rows[i : i + rows_per_request] for i in range(0, len(rows), rows_per_request)]
        # A dry run validates the first chunk server-side and writes nothing.
        to_send = chunks[:1] if args.dry_run else chunks
        for index, chunk in enumerate(to_send, start=1):
            event_id = send_chunk(client, spec["source"], mapping, chunk, args.dry_run)
            log.info("chunk %d/%d: %d rows accepted (event %s)", index, len(to_send), len(chunk),
                     event_id or "n/a")
            if index < len(to_send):
                log.info("waiting %.0fs for the rate-limit window", args.wait)
                time.sleep(args.wait)
        if args.dry_run:
            log.info("dry run OK: %d rows would sync in %d requests; nothing was written",
                     len(rows), len(chunks))
        else:
            log.info("done: %d rows queued; records appear in 1-2 minutes. %s records before "
                     "this run: %s (compare with memory.search countOnly)", len(rows), entity,
                     before)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    try:
        run(parse_args(sys.argv[1:] if argv is None else argv))
    except (PersonizeError, ValueError, OSError, KeyError) as error:
        log.error("failed: %s", error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
