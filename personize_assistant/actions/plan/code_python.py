"""Python code the plan hands over, using the standalone `personize_client` module,
rendered from `codegen/templates/plan/*.py.j2` with the repo's names.

There is no official Python SDK, so Python repos vendor our single-file REST client
(`personize_client.py`, httpx only). Sync code is written for the repo's ORM: a Django
management command, or a SQLAlchemy/SQLModel script.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from personize_assistant.actions.common.fields import system_name
from personize_assistant.actions.common.touchpoints import channel_of, with_article
from personize_assistant.actions.plan.artifact import CodeBlock, RateBudget
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.schema.artifact import BatchMapping
from personize_assistant.codegen.placement import Placement
from personize_assistant.codegen.render import render
from personize_assistant.scan.models import Kind, Touchpoint
from personize_assistant.scan.routes import split_arguments


def vendor_command(facts: RepoFacts) -> str:
    # The tool prints its own client: works when it is installed with pipx/uv outside the project.
    return f"personize-assistant client -o {facts.python_package}/personize_client.py"


def check_script(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="py", path="scripts/personize_check.py",
                     code=render("plan/check.py.j2", pkg=facts.python_package))


SQLALCHEMY_THIRD_PARTY = ["from sqlalchemy import create_engine, select", "from sqlalchemy.orm import Session"]


def import_block(stdlib: list[str], third_party: list[str], first_party: list[str]) -> str:
    """isort-shaped imports: sorted groups separated by one blank line, empty groups dropped."""
    groups = [sorted(set(g), key=lambda line: (line.startswith("from "), line.lower()))
              for g in (stdlib, third_party, first_party) if g]
    return "\n\n".join("\n".join(g) for g in groups)


def sync_module(facts: RepoFacts, mappings: list[BatchMapping], budget: RateBudget,
                rows_factor: float, max_rows: int, main: bool) -> CodeBlock:
    """`main`: the module runs itself (`python -m`) rather than through a Django command."""
    sqlalchemy = any(m.framework in ("sqlalchemy", "sqlmodel") for m in mappings)
    imports = import_block(
        ["import datetime as dt", "import logging", "import time", "from typing import Any",
         *(["import os"] if sqlalchemy else [])],
        SQLALCHEMY_THIRD_PARTY if sqlalchemy else [],
        [f"from {facts.python_package}.personize_client import Personize, RateLimitError"])
    code = render("plan/sync.py.j2", app=facts.app, imports=imports, sqlalchemy=sqlalchemy,
                  wait=budget.batch_wait_seconds, per_minute=budget.per_minute, max_rows=max_rows,
                  rows_factor=rows_factor, main=main, mappings=[_sync_values(facts, m) for m in mappings])
    return CodeBlock(language="py", path=f"{facts.python_package}/personize_sync.py", code=code)


def django_command(facts: RepoFacts, person_app_dir: str) -> CodeBlock:
    return CodeBlock(language="py", path=f"{person_app_dir}/management/commands/personize_sync.py",
                     code=render("plan/django_command.py.j2", pkg=facts.python_package))


def _fn_name(mapping: BatchMapping) -> str:
    """`TicketCC` -> sync_ticket_cc, `KBItem` -> sync_kb_item."""
    return "sync_" + system_name(mapping.source_entity)


def _module_of(file: str) -> str:
    return ".".join(PurePosixPath(file).with_suffix("").parts)


def _sync_values(facts: RepoFacts, mapping: BatchMapping) -> dict[str, Any]:
    """What one sync function of `plan/sync.py.j2` names."""
    collection = facts.schema.collection(mapping.source_entity)
    columns = list(dict.fromkeys(p.source_field for p in mapping.properties))
    rows = _rows_expression(mapping, columns)
    return {
        "name": _fn_name(mapping), "source": mapping.source, "entity": mapping.source_entity,
        "column_count": len(columns), "entity_type": mapping.entity_type, "chunk_size": mapping.chunk_size,
        "imports": _imports(_module_of(collection.source_file) if collection else "models", mapping),
        "rows": rows if rows.startswith("with ") else _wrap_call(rows, 4),
        "key_option": "email" if mapping.email_column else "website",
        "key": mapping.email_column or mapping.website_column, "run_name": mapping.run_name,
        "properties": [_prop(p.target, p.collection_name, p.source_field, p.extract_memories)
                       for p in mapping.properties],
    }


def _prop(target: str, collection: str, source_field: str, extract: bool) -> dict[str, Any]:
    """One mapping entry, wrapped when it would pass the 100-column lint limit."""
    args = f"ids, \"{collection}\", \"{source_field}\"{', extract=True' if extract else ''}"
    line = f"            \"{target}\": prop({args}),"
    return {"target": target, "args": args, "wrap": len(line) > 100}


def _imports(module: str, mapping: BatchMapping) -> list[str]:
    """The function-local imports of the models (and Django's F for owner keys)."""
    entity = mapping.source_entity
    if mapping.framework == "django":
        f_import = ["from django.db.models import F", ""] if mapping.key_from_owner else []
        return [*f_import, f"from {module} import {entity}"]
    if mapping.framework in ("sqlalchemy", "sqlmodel"):
        owner = mapping.key_from_owner.split(".", 1)[0] if mapping.key_from_owner else None
        return [f"from {module} import {', '.join(sorted({entity, *([owner] if owner else [])}))}"]
    return []


def _rows_expression(mapping: BatchMapping, columns: list[str]) -> str:
    entity = mapping.source_entity
    key = mapping.email_column or mapping.website_column or "email"
    own_columns = list(dict.fromkeys([*([] if mapping.key_from_owner else [key]), *columns]))
    own = ", ".join(f'"{c}"' for c in own_columns)
    if mapping.framework == "django":
        if mapping.key_from_owner:
            relation = re.sub(r"_id$", "", mapping.owner_field or "")
            owner_key = mapping.key_from_owner.split(".", 1)[1]
            return f"list({entity}.objects.values({own}, {key}=F(\"{relation}__{owner_key}\")))"
        return f"list({entity}.objects.values({own}))"
    if mapping.framework in ("sqlalchemy", "sqlmodel"):
        return _sqlalchemy_rows(mapping, own_columns, key)
    table = re.sub(r"(?<!^)(?=[A-Z])", "_", entity).lower()
    return f"fetch_rows(\"SELECT {own.replace(chr(34), '')} FROM {table}\")  # your DB-API helper"


def _sqlalchemy_rows(mapping: BatchMapping, columns: list[str], key: str) -> str:
    """A select of the mapped columns (joined to the owner for its key), one per line."""
    entity = mapping.source_entity
    selected = [f"{entity}.{c}" for c in columns]
    join = ""
    if mapping.key_from_owner and mapping.owner_field:
        owner, owner_key = mapping.key_from_owner.split(".", 1)
        selected.append(f"{owner}.{owner_key}.label(\"{key}\")")
        join = f".join({owner}, {owner}.id == {entity}.{mapping.owner_field})"
    lines = "".join(f"            {s},\n" for s in selected)
    return (f"with Session(engine) as session:\n"
            f"        query = select(\n{lines}        ){join}\n"
            f"        rows = [dict(row) for row in session.execute(query).mappings()]")


def helper_placement(facts: RepoFacts) -> Placement:
    """The runtime helper at the top of the package, imported by absolute module path."""
    return Placement(root=Path(facts.root or "."), language="py", directory=facts.python_package,
                     is_package=True, import_root="")


def point_snippet(tp: Touchpoint, facts: RepoFacts, fields: list[str], task: str) -> CodeBlock:
    """A function the touchpoint's code calls: every name it uses is its own parameter or import."""
    sends = tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION)
    name = system_name((tp.symbol or task).rsplit(".", 1)[-1])
    code = render("plan/point.py.j2", sends=sends, channel=channel_of(tp), symbol=tp.symbol or "the handler",
                  helper=helper_placement(facts).import_from(tp.file), trigger=tp.symbol or task,
                  evidence=tp.evidence.strip().splitlines()[0][:90], fields=repr(fields),
                  fn=f"personalized_{name}", remember_fn=f"remember_{name}",
                  note="the address it sends to" if sends else "the signed-in user's email")
    return CodeBlock(language="py", path=tp.file, code=code)


def llm_snippet(tp: Touchpoint, facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="py", path=tp.file,
                     code=render("plan/llm.py.j2", pkg=facts.python_package, symbol=tp.symbol))


def context_snippet(tp: Touchpoint, facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="py", path=tp.file, code=render(
        "plan/context.py.j2", helper=helper_placement(facts).import_from(tp.file), symbol=tp.symbol))


def event_snippet(tp: Touchpoint, facts: RepoFacts, provider: str) -> CodeBlock:
    code = render("plan/event.py.j2", pkg=facts.python_package, symbol=tp.symbol or "the handler",
                  provider=provider, source=(tp.provider or "webhook").lower())
    return CodeBlock(language="py", path=tp.file, code=code)


def guidelines_script(facts: RepoFacts, names: list[str]) -> CodeBlock:
    return CodeBlock(language="py", path="scripts/personize_guidelines.py",
                     code=render("plan/guidelines.py.j2", pkg=facts.python_package, names=names))


def celery_task(facts: RepoFacts, task: str, call: str, module: str) -> CodeBlock:
    return CodeBlock(language="py", path=f"{facts.python_package}/tasks_{task}.py",
                     code=render("plan/celery_task.py.j2", task=task, call=call, module=module))


def celery_beat(task: str, hour: str, minute: str) -> CodeBlock:
    return CodeBlock(language="py", code=render("plan/celery_beat.py.j2", task=task, hour=hour, minute=minute))


def loop_module(facts: RepoFacts, sender: Touchpoint | None, task: str, channel: str,
                fields: list[str]) -> CodeBlock:
    person = next((c for c in facts.schema.collections if c.entity_type == "Contact" and c.system_entity
                   and c.owner_entity is None), None)
    entity = person.source_entity if person else "User"
    module = _module_of(person.source_file) if person else f"{facts.python_package}.models"
    email = (person.primary_key_field or "email") if person else "email"
    email_field = next((p.source.field for p in person.properties if p.source and p.system_name == email), email) \
        if person else email
    django = bool(person and person.source_framework == "django")
    query = f"{entity}.objects.all().iterator()" if django else \
        f"Session(engine).execute(select({entity})).scalars()"
    helper = helper_placement(facts).import_from(f"{facts.python_package}/personize_loop.py")
    imports = import_block(
        ["import logging", *([] if django else ["import os"])],
        [] if django else SQLALCHEMY_THIRD_PARTY,
        [f"from {module} import {entity}",
         f"from {helper} import personalize_message, remember_delivery, wait_for_background"])
    named = sender is not None and sender.symbol
    where = f"`{sender.symbol}` in {sender.file}" if named and sender else "your existing sender"
    example = (f"{sender.symbol}(...) with draft[{fields[0]!r}] as its content" if named and sender
               else f"send(to=email, body=draft[{fields[-1]!r}])")
    code = render("plan/loop.py.j2", a_task=with_article(task), task=task, channel=channel, fields=repr(fields),
                  imports=imports, django=django, query=query, email=email_field, sender=where,
                  example=example, trigger="run_loop")
    return CodeBlock(language="py", path=f"{facts.python_package}/personize_loop.py", code=code)


def _wrap_call(expression: str, indent: int, width: int = 100) -> str:
    """`f(a, b, c)` on one line if it fits, else one argument per line (users lint at 100)."""
    if indent + len("rows = ") + len(expression) <= width or "(" not in expression:
        return expression
    head, _, rest = expression.partition("(")
    inner = rest.rsplit(")", 1)[0]
    if head.endswith("list") and inner.count("(") == 1:  # list(Model.objects.values(...))
        return f"{head}({_wrap_call(inner, indent, width)})"
    args = split_arguments(f"({inner})")
    pad = " " * (indent + 4)
    return head + "(\n" + "".join(f"{pad}{a},\n" for a in args) + " " * indent + ")" + rest.rsplit(")", 1)[1]
