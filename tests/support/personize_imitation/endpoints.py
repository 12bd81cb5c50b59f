"""Endpoint behaviour: one method per route, returning the envelope's `data`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.support.personize_imitation.common import (
    ApiError,
    decode_token,
    expect,
    first_number,
    int_param,
    require,
    stable_id,
    validation_error,
)
from tests.support.personize_imitation.generation import (
    compose_text,
    prompt_response,
    select_guidelines,
    validate_prompt,
)
from tests.support.personize_imitation.memory import (
    compile_digest,
    dry_run_report,
    extract_properties,
    flat_properties,
    identifier_fields,
    matches_groups,
    rank_memories,
    search_page,
    validate_batch,
)
from tests.support.personize_imitation.records import (
    add_memory,
    resolve_record,
    scope_records,
    settle,
)
from tests.support.personize_imitation.schemas import (
    apply_update_mode,
    build_collection,
    collection_payload,
    find,
    guideline_payload,
    merge_properties,
    paginate,
    public_collection,
    update_metadata,
)
from tests.support.personize_imitation.state import BatchEvent, Org, Request

if TYPE_CHECKING:
    from tests.support.personize_imitation.server import PersonizeImitation


class ImitationApi:
    """Endpoint behaviour. Every method takes (org, request) and returns the envelope's data."""

    def __init__(self, imitation: PersonizeImitation) -> None:
        self._imitation = imitation

    # ---- account

    def test(self, org: Org, req: Request) -> Any:
        return {
            "organizationId": org.id,
            "userId": org.user_id,
            "timestamp": self._imitation.iso_now(),
            "ip": "127.0.0.1",
            "userAgent": req.headers.get("user-agent", ""),
        }

    def me(self, org: Org, req: Request) -> Any:
        per_minute, per_month = org.per_minute, org.per_month
        return {
            "organization": {"id": org.id, "name": org.name},
            "user": {"id": org.user_id},
            "key": {"id": org.key_id, "scope": "full"},
            "plan": {
                "id": f"plan_{org.plan}",
                "name": org.plan.capitalize(),
                "description": f"{org.plan.capitalize()} plan (imitation)",
                "features": ["memory", "governance", "prompt"],
                "limits": {"maxApiCallsPerMinute": per_minute, "maxApiCallsPerMonth": per_month},
            },
        }

    # ---- collections

    def list_collections(self, org: Org, req: Request) -> Any:
        summary = req.query.get("summary", "").lower() == "true"
        tags = {t for t in req.query.get("tags", "").split(",") if t}
        items = [c for c in org.collections.values() if not tags or tags & set(c["tags"])]
        page, token = paginate(items, req.query.get("limit"), req.query.get("nextToken"))
        actions = [
            {"id": c["id"], "type": "collection", "payload": collection_payload(c, summary)}
            for c in page
        ]
        return {
            "actions": actions,
            "count": len(actions),
            **({"nextToken": token} if token else {}),
        }

    def create_collection(self, org: Org, req: Request) -> Any:
        return public_collection(build_collection(org, req.body, self._imitation.iso_now()))

    def update_collection(self, org: Org, req: Request) -> Any:
        collection = find(org.collections, req.params["id"], "collection")
        expect(req.body, "properties", list, "a list")
        before = {p["propertyId"]: dict(p) for p in collection["properties"]}
        changes = merge_properties(collection, req.body.get("properties") or [], before)
        metadata = update_metadata(collection, req.body)
        note = req.body.get("historyNote") or "updated"
        collection["versions"].append(
            {
                "timestamp": self._imitation.iso_now(),
                "historyNote": note,
                "changes": {**changes, "metadataChanges": metadata},
                "snapshot": public_collection(collection),
            }
        )
        return public_collection(collection)

    def delete_collection(self, org: Org, req: Request) -> Any:
        collection = find(org.collections, req.params["id"], "collection")
        if collection.get("system"):
            raise validation_error("system collections (Contact, Company) cannot be deleted", "id")
        del org.collections[collection["id"]]
        return {"id": collection["id"], "deleted": True}

    def collection_history(self, org: Org, req: Request) -> Any:
        collection = find(org.collections, req.params["id"], "collection")
        mode = req.query.get("mode", "diff")
        if mode not in ("diff", "full"):
            raise validation_error("must be 'diff' or 'full'", "mode")
        limit = int_param(req.query.get("limit"), "limit", 20, high=100)
        versions = list(reversed(collection["versions"]))[:limit]
        if mode == "full":
            history = [
                {
                    "timestamp": v["timestamp"],
                    "historyNote": v["historyNote"],
                    "payload": v["snapshot"],
                }
                for v in versions
            ]
            return {"actionId": collection["id"], "mode": mode, "history": history}
        diffs = [
            {k: v[k] for k in ("timestamp", "historyNote", "changes") if k in v} for v in versions
        ]
        return {
            "actionId": collection["id"],
            "mode": mode,
            "current": public_collection(collection),
            "versions": diffs,
        }

    # ---- guidelines

    def list_guidelines(self, org: Org, req: Request) -> Any:
        tags = {t for t in req.query.get("tags", "").split(",") if t}
        items = [g for g in org.guidelines.values() if not tags or tags & set(g["tags"])]
        page, token = paginate(items, req.query.get("limit"), req.query.get("nextToken"))
        summary = req.query.get("summary", "").lower() == "true"
        actions = [
            {"id": g["id"], "type": "guideline", "payload": guideline_payload(g, summary)}
            for g in page
        ]
        return {
            "actions": actions,
            "count": len(actions),
            **({"nextToken": token} if token else {}),
        }

    def create_guideline(self, org: Org, req: Request) -> Any:
        require(req.body, "name", "value")
        expect(req.body, "tags", list, "a list of strings")
        guideline_id = stable_id("gl_", org.id, str(req.body["name"]).lower())
        if guideline_id in org.guidelines:
            raise validation_error(f"a guideline named {req.body['name']!r} already exists", "name")
        guideline = {
            "id": guideline_id,
            "name": str(req.body["name"]),
            "value": str(req.body["value"]),
            "description": req.body.get("description", ""),
            "tags": list(req.body.get("tags") or []),
            "history": [],
        }
        org.guidelines[guideline_id] = guideline
        return guideline_payload(guideline, False) | {"id": guideline_id}

    def update_guideline(self, org: Org, req: Request) -> Any:
        guideline = find(org.guidelines, req.params["id"], "guideline")
        body = req.body
        if "value" in body:
            guideline["value"] = apply_update_mode(guideline["value"], body)
        for name in ("name", "description", "tags"):
            if name in body:
                guideline[name] = body[name]
        guideline["history"].append(
            {
                "timestamp": self._imitation.iso_now(),
                "note": body.get("historyNote", ""),
                "payload": dict(body),
            }
        )
        return guideline_payload(guideline, False) | {"id": guideline["id"]}

    def delete_guideline(self, org: Org, req: Request) -> Any:
        guideline = find(org.guidelines, req.params["id"], "guideline")
        del org.guidelines[guideline["id"]]
        return {"id": guideline["id"], "deleted": True}

    # ---- memory writes

    def memorize(self, org: Org, req: Request) -> Any:
        body = req.body
        require(body, "content")
        expect(body, "content", str, "a string")
        expect(body, "tags", list, "a list of strings")
        record = resolve_record(org, body, create=True)
        if record is None:
            raise validation_error(
                "missing identifier: provide email, website_url or record_id",
                "email",
                "website_url",
                "record_id",
            )
        memory = add_memory(org, record, body["content"], body, self._imitation.iso_now())
        extracted = extract_properties(org, record, body) if body.get("enhanced") else []
        return {
            "recordId": record.record_id,
            "memories": [{"text": memory["text"], "id": memory["id"]}],
            "properties": extracted,
            "tier": body.get("tier", "pro"),
            "creditsCharged": 1,
        }

    def batch_memorize(self, org: Org, req: Request) -> Any:
        body = req.body
        rows = validate_batch(org, body)
        if body.get("dryRun"):
            return dry_run_report(body, rows)
        number = org.next_number()
        event = BatchEvent(
            stable_id("evt_", org.id, number), self._imitation.clock(), rows, dict(body)
        )
        org.events[event.event_id] = event
        return {"eventId": event.event_id, "queued": len(rows), "memorized": 0}

    def event(self, org: Org, req: Request) -> Any:
        event = org.events.get(req.params["id"])
        if event is None:
            raise ApiError(404, "not_found_error", f"No event {req.params['id']!r}")
        event.polls += 1
        if (
            event.status == "processing"
            and event.polls >= self._imitation.controls.polls_to_complete
        ):
            settle(org, event, self._imitation.iso_now())
        return {
            "eventId": event.event_id,
            "type": "batch-memorize",
            "status": event.status,
            **event.result,
        }

    # ---- memory reads

    def smart_recall(self, org: Org, req: Request) -> Any:
        body = req.body
        require(body, "query")
        expect(body, "query", str, "a string")
        limit = int_param(body.get("limit"), "limit", 10, high=5000)
        fast = bool(body.get("fast_mode")) or body.get("mode") == "fast"
        floor = first_number(body, "minScore", "min_score", default=0.3 if fast else 0.0)
        scoped = scope_records(org, body)
        results = rank_memories(scoped, body["query"], floor)[:limit]
        if body.get("include_property_values"):
            for item in results:
                item["properties"] = flat_properties(org.records[item["recordId"]])
        data: dict[str, Any] = {"results": results}
        if body.get("generate_answer") and not fast:
            data["answer"] = (
                f"{len(results)} memories matched {body['query']!r}."
                if results
                else "Nothing relevant is stored."
            )
        return data

    def recall(self, org: Org, req: Request) -> Any:
        body = req.body
        if not body.get("type"):
            raise validation_error("type is required (e.g. Contact, Company)", "type")
        record = resolve_record(org, body, create=False)
        if record is None:
            return {
                "memories": [],
                "freeformMemories": [],
                "memoryCount": 0,
                "freeformMemoryCount": 0,
            }
        props = [{"property": k, **v} for k, v in record.properties.items()]
        free = [
            {"text": m["text"], "createdAt": m["createdAt"], "tags": m["tags"]}
            for m in record.memories
        ]
        return {
            "memories": props,
            "freeformMemories": free,
            "memoryCount": len(props),
            "freeformMemoryCount": len(free),
            "recordId": record.record_id,
            "type": record.type,
            "systemIntro": f"What is known about {record.label()} ({record.type}).",
        }

    def smart_digest(self, org: Org, req: Request) -> Any:
        body = req.body
        if not any(body.get(k) for k in identifier_fields()):
            raise validation_error(
                "Could not resolve recordId — provide recordId, email, or websiteUrl", "recordId"
            )
        budget = int_param(body.get("token_budget"), "token_budget", 1000, low=50)
        record = resolve_record(org, body, create=False)
        if record is None:
            return {
                "success": True,
                "properties": {},
                "memories": [],
                "compiledContext": "",
                "tokenEstimate": 0,
                "tokenBudget": budget,
            }
        return compile_digest(record, body, budget)

    def search(self, org: Org, req: Request) -> Any:
        body = req.body
        expect(body, "groups", list, "a list")
        matched = [r for r in scope_records(org, body, search=True) if matches_groups(r, body)]
        matched.sort(key=lambda r: r.record_id)
        if body.get("countOnly"):
            return {"totalMatched": len(matched)}
        size = int_param(body.get("pageSize"), "pageSize", 50, high=200)
        page = int_param(body.get("page"), "page", 1)
        if body.get("nextToken"):
            page = decode_token(body["nextToken"]) // size + 1
        return search_page(matched, page, size, body)

    # ---- AI

    def smart_guidelines(self, org: Org, req: Request) -> Any:
        body = req.body
        require(body, "message")
        mode = body.get("mode", "auto")
        if mode not in ("fast", "deep", "full", "auto"):
            raise validation_error("must be fast, deep (alias full) or auto", "mode")
        used = "fast" if mode == "fast" else "deep"
        selection = select_guidelines(org, body, used)
        context = "\n\n".join(f"## {g['name']}\n\n{g['content']}" for g in selection)
        return {
            "compiledContext": context,
            "selection": selection,
            "mode": used,
            "usage": {
                "durationMs": 5,
                "guidelinesScanned": len(org.guidelines),
                "selectedCount": len(selection),
            },
            "creditsCharged": 1 if used == "fast" else 2,
        }

    def prompt(self, org: Org, req: Request) -> Any:
        steps = validate_prompt(org, req.body)
        target = req.body.get("memorize")
        record = None
        if target is not None:
            record = resolve_record(org, target if isinstance(target, dict) else {}, create=True)
            if record is None:
                raise validation_error("memorize needs email, websiteUrl or recordId", "memorize")
        controls = self._imitation.controls
        raw = (
            controls.scripted_prompts.popleft()
            if controls.scripted_prompts
            else compose_text(req.body, steps)
        )
        data = prompt_response(req.body, steps, raw, controls.evaluation_score)
        if record is not None:
            add_memory(
                org, record, data["text"], {"tags": ["source:prompt"]}, self._imitation.iso_now()
            )
        return data
