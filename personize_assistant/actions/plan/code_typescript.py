"""TypeScript code the plan hands over (`@personize/sdk`), rendered from
`codegen/templates/plan/*.ts.j2` with the repo's names."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from personize_assistant.actions.common.touchpoints import channel_of, with_article
from personize_assistant.actions.plan.artifact import CodeBlock, RateBudget
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.schema.artifact import BatchMapping
from personize_assistant.codegen.placement import Placement, relative_specifier
from personize_assistant.codegen.render import render
from personize_assistant.scan.models import Kind, Touchpoint


def client_module(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="ts", path=f"{facts.ts_client}.ts", code=render("plan/client.ts.j2"))


def check_script(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="ts", path="scripts/personize-check.ts",
                     code=render("plan/check.ts.j2", client=facts.ts_client))


def sync_script(facts: RepoFacts, mappings: list[BatchMapping], budget: RateBudget,
                rows_factor: float, max_rows: int) -> CodeBlock:
    code = render("plan/sync.ts.j2", client=facts.ts_client, lib=facts.ts_lib_dir,
                  prisma=any(m.framework == "prisma" for m in mappings),
                  wait_ms=f"{budget.batch_wait_seconds * 1000:_}", per_minute=budget.per_minute,
                  max_rows=max_rows, rows_factor=rows_factor, mappings=[_sync_values(m) for m in mappings])
    return CodeBlock(language="ts", path="scripts/personize-sync.ts", code=code)


def _fn_name(mapping: BatchMapping) -> str:
    return "sync" + "".join(p.capitalize() for p in re.split(r"[^A-Za-z0-9]", mapping.source_entity) if p) + "Rows"


def _accessor(entity: str) -> str:
    return entity[:1].lower() + entity[1:]


def _sync_values(mapping: BatchMapping) -> dict[str, Any]:
    """What one sync function of `plan/sync.ts.j2` names: rows whose keys are exactly the
    mapping's sourceFields, and the mapping itself."""
    columns = [p.source_field for p in mapping.properties]
    key = mapping.email_column or mapping.website_column or "email"
    values: dict[str, Any] = {
        "name": _fn_name(mapping), "source": mapping.source, "entity": mapping.source_entity, "columns": columns,
        "prisma": mapping.framework == "prisma", "key": key, "entity_type": mapping.entity_type,
        "key_option": "email" if mapping.email_column else "website", "run_name": mapping.run_name,
        "properties": mapping.properties, "chunk_size": mapping.chunk_size, "relation": None,
    }
    if mapping.framework != "prisma":
        table = re.sub(r"(?<!^)(?=[A-Z])", "_", mapping.source_entity).lower()
        return {**values, "select": list(dict.fromkeys([key, *columns])), "table": table}
    return {**values, "accessor": _accessor(mapping.source_entity), **_prisma_select(mapping, columns)}


def _prisma_select(mapping: BatchMapping, columns: list[str]) -> dict[str, Any]:
    """The Prisma `select` and, for owner-keyed rows, the relation whose key is flattened in."""
    parts = [f"{c}: true" for c in dict.fromkeys(columns)]
    if not mapping.key_from_owner:
        key = mapping.email_column or mapping.website_column
        if key and key not in columns:
            parts.insert(0, f"{key}: true")
        return {"select": parts}
    owner, owner_key = mapping.key_from_owner.split(".", 1)
    relation = _relation_field(mapping, owner)
    parts.append(f"{relation}: {{ select: {{ {owner_key}: true }} }}")
    return {"select": parts, "relation": relation, "owner_key": owner_key}


def _relation_field(mapping: BatchMapping, owner: str) -> str:
    """`workspaceId` -> `workspace`: Prisma names the relation after the foreign key."""
    fk = mapping.owner_field
    return re.sub(r"(Id|_id|ID)$", "", fk) if fk else _accessor(owner)


def helper_placement(facts: RepoFacts, lib_dir: str | None = None) -> Placement:
    """The runtime helper in the plan's lib directory (or a nested package's own copy)."""
    return Placement(root=Path(facts.root or "."), language="ts", directory=lib_dir or facts.ts_lib_dir)


def point_snippet(tp: Touchpoint, facts: RepoFacts, fields: list[str], task: str) -> CodeBlock:
    """A function the touchpoint's code calls, its default copy as the fallback: every name it
    uses is its own parameter or import."""
    sends = tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION)
    channel = channel_of(tp)
    symbol = tp.symbol or "the handler"
    note = ("the signed-in user's email; cache the result per user" if not sends
            else f"the address {symbol} already sends to" if channel == "email"
            else "the person this message is about")
    name = _pascal((tp.symbol or task).rsplit(".", 1)[-1])
    code = render("plan/point.ts.j2", sends=sends, channel=channel, symbol=symbol, note=note,
                  helper=helper_placement(facts, facts.ts_lib_for(tp.file)).import_from(tp.file),
                  evidence=tp.evidence.strip().splitlines()[0][:90], trigger=tp.symbol or task,
                  fields=", ".join(f"'{f}'" for f in fields), fn=f"personalized{name}", remember_fn=f"remember{name}")
    return CodeBlock(language="ts", path=tp.file, code=code)


def _pascal(name: str) -> str:
    """`sendInvite` -> SendInvite, `send_invite` / `weekly digest` -> SendInvite / WeeklyDigest."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name) if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or "Message"


def llm_snippet(tp: Touchpoint, facts: RepoFacts) -> CodeBlock:
    code = render("plan/llm.ts.j2", symbol=tp.symbol, client=import_path(tp.file, facts.ts_client_for(tp.file)))
    return CodeBlock(language="ts", path=tp.file, code=code)


def context_snippet(tp: Touchpoint, facts: RepoFacts) -> CodeBlock:
    code = render("plan/context.ts.j2", symbol=tp.symbol or "this code",
                  client=import_path(tp.file, facts.ts_client_for(tp.file)))
    return CodeBlock(language="ts", path=tp.file, code=code)


def event_snippet(tp: Touchpoint, facts: RepoFacts, provider: str) -> CodeBlock:
    code = render("plan/event.ts.j2", symbol=tp.symbol or "the handler", provider=provider,
                  source=(tp.provider or "webhook").lower(),
                  client=import_path(tp.file, facts.ts_client_for(tp.file)))
    return CodeBlock(language="ts", path=tp.file, code=code)


def guidelines_script(facts: RepoFacts, names: list[str]) -> CodeBlock:
    code = render("plan/guidelines.ts.j2", client=facts.ts_client, names=", ".join(f"'{n}'" for n in names))
    return CodeBlock(language="ts", path="scripts/personize-guidelines.ts", code=code)


def cron_route(route: str, loop_path: str) -> CodeBlock:
    return CodeBlock(language="ts", path=route, code=render("plan/cron_route.ts.j2", loop=import_path(route, loop_path)))


def import_path(from_file: str, lib_file: str) -> str:
    """Relative import from `from_file` to `lib_file` (both repo-relative, no extension)."""
    return relative_specifier(from_file, lib_file)


def loop_runner(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="ts", path="scripts/personize-loop.ts",
                     code=render("plan/loop_runner.ts.j2", lib=facts.ts_lib_dir))


def loop_script(facts: RepoFacts, sender: Touchpoint | None, task: str, channel: str,
                fields: list[str]) -> CodeBlock:
    person = next((c for c in facts.schema.collections if c.entity_type == "Contact" and c.system_entity
                   and c.owner_entity is None), None)
    email = "email"
    if person is not None:
        email = next((p.source.field for p in person.properties
                      if p.source and p.system_name == (person.primary_key_field or "email")), "email")
    named = sender is not None and sender.symbol
    where = f"`{sender.symbol}` in {sender.file}" if named and sender else "your existing sender"
    example = (f"await {sender.symbol}(...) with draft.{fields[0]} as its content" if named and sender
               else f"await send({{ to: email, body: draft.{fields[-1]} }})")
    helper = PurePosixPath(helper_placement(facts).helper_path).stem
    code = render("plan/loop.ts.j2", a_task=with_article(task), sender=where, example=example, task=task,
                  channel=channel, accessor=_accessor(person.source_entity if person else "User"), email=email,
                  fields=", ".join(f"'{f}'" for f in fields), helper=helper, trigger="runLoop")
    return CodeBlock(language="ts", path=f"{facts.ts_lib_dir}/personize-loop.ts", code=code)
