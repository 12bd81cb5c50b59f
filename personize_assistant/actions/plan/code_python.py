"""Python code the plan hands over, using the standalone `personize_client` module.

There is no official Python SDK, so Python repos vendor our single-file REST client
(`personize_client.py`, httpx only). Sync code is written for the repo's ORM: a Django
management command, or a SQLAlchemy/SQLModel script.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from personize_assistant.actions.common.fields import system_name
from personize_assistant.actions.common.touchpoints import channel_of, with_article
from personize_assistant.actions.plan.artifact import CodeBlock, RateBudget
from personize_assistant.actions.plan.code_typescript import fill
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.schema.artifact import BatchMapping
from personize_assistant.scan.models import Kind, Touchpoint

# The tool prints its own client: works when it is installed with pipx/uv outside the project.
VENDOR_COMMAND = "personize-assistant client -o @@dest@@"

CHECK = """
\"\"\"Verify PERSONIZE_SECRET_KEY, print the plan limits and the real collection ids.\"\"\"
from @@pkg@@.personize_client import Personize

with Personize() as client:  # reads PERSONIZE_SECRET_KEY
    me = client.me()
    limits = me["plan"]["limits"]
    print(f"Org {me['organization']['id']} on {me['plan']['name']}: "
          f"{limits['maxApiCallsPerMinute']}/min, {limits['maxApiCallsPerMonth']}/month")
    listing = client.collections.list()
    for item in listing.get("actions", []) if isinstance(listing, dict) else listing:
        payload = item.get("payload", item)
        print(f"{payload.get('collectionId')}\\t{payload.get('collectionName')}")
"""


def vendor_command(facts: RepoFacts) -> str:
    return fill(VENDOR_COMMAND, dest=f"{facts.python_package}/personize_client.py").strip()


def check_script(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="py", path="scripts/personize_check.py",
                     code=fill(CHECK, pkg=facts.python_package))


SQLALCHEMY_THIRD_PARTY = ["from sqlalchemy import create_engine, select", "from sqlalchemy.orm import Session"]


def import_block(stdlib: list[str], third_party: list[str], first_party: list[str]) -> str:
    """isort-shaped imports: sorted groups separated by one blank line, empty groups dropped."""
    groups = [sorted(set(g), key=lambda line: (line.startswith("from "), line.lower()))
              for g in (stdlib, third_party, first_party) if g]
    return "\n\n".join("\n".join(g) for g in groups)


SQLALCHEMY_ENGINE = 'engine = create_engine(os.environ["DATABASE_URL"])  # the database the app uses\n'

SYNC_HEAD = """
\"\"\"Sync @@app@@ rows into Personize memory with memorizeBatch, paced to the plan limits.\"\"\"
from __future__ import annotations

@@imports@@

log = logging.getLogger(__name__)
WAIT_BETWEEN_BATCHES = @@wait@@  # seconds: a full rate-limit window plus a margin


def plain(row: dict[str, Any]) -> dict[str, Any]:
    \"\"\"JSON-safe values; keys stay exactly the column names used as sourceField.\"\"\"
    def convert(value: Any) -> Any:
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, decimal.Decimal):
            return float(value)
        return value
    return {key: convert(value) for key, value in row.items()}


def collection_ids(client: Personize) -> dict[str, str]:
    \"\"\"Real collection ids by name from collections.list(); never guess them.\"\"\"
    listing = client.collections.list()
    items = listing.get("actions", []) if isinstance(listing, dict) else listing
    return {
        item["payload"]["collectionName"]: item["payload"]["collectionId"]
        for item in items
        if "payload" in item
    }


def send_in_batches(client: Personize, source: str, mapping: dict[str, Any],
                    rows: list[dict[str, Any]], rows_per_batch: int, chunk_size: int) -> None:
    \"\"\"One memorizeBatch request is one API call; wait a window between requests.\"\"\"
    key = mapping.get("email") or mapping.get("website")
    keyed = [r for r in rows if r.get(key) not in (None, "")]  # unkeyed rows attach to nothing
    if len(keyed) < len(rows):
        log.warning("%s: skipped %d rows with no %s", source, len(rows) - len(keyed), key)
    rows = keyed
    start = 0
    while start < len(rows):
        batch = [plain(r) for r in rows[start:start + rows_per_batch]]
        try:
            client.memory.memorize_batch(
                source=source, mapping=mapping, rows=batch, chunkSize=chunk_size
            )
        except RateLimitError as exc:  # raised only after the client's own retries
            wait = exc.retry_after_seconds or 60
            log.warning("%s: rate limited, retrying in %ss", source, wait)
            time.sleep(wait)
            continue
        log.info("%s: rows %d-%d of %d sent", source, start + 1, start + len(batch), len(rows))
        start += len(batch)
        if start < len(rows):
            time.sleep(WAIT_BETWEEN_BATCHES)


def prop(
    ids: dict[str, str], collection: str, source_field: str, extract: bool = False
) -> dict[str, Any]:
    if collection not in ids:
        raise SystemExit(
            f"Collection {collection!r} is missing: run `personize-assistant schema . --create`"
        )
    body: dict[str, Any] = {"sourceField": source_field, "collectionId": ids[collection],
                            "collectionName": collection}
    if extract:
        body["extractMemories"] = True
    return body


def run_sync() -> None:
    with Personize() as client:
        limits = client.use_plan_limits()  # calls me(): verifies the key, paces requests
        per_minute = int(limits.get("maxApiCallsPerMinute") or @@per_minute@@)
        rows_per_batch = max(1, min(@@max_rows@@, int(per_minute * @@rows_factor@@)))
        ids = collection_ids(client)
@@calls@@
"""


def sync_module(facts: RepoFacts, mappings: list[BatchMapping], budget: RateBudget,
                rows_factor: float, max_rows: int) -> CodeBlock:
    functions = "\n\n\n".join(_sync_function(facts, m) for m in mappings)
    calls = "\n".join(f"        {_fn_name(m)}(client, ids, rows_per_batch)" for m in mappings)
    sqlalchemy = any(m.framework in ("sqlalchemy", "sqlmodel") for m in mappings)
    head = fill(SYNC_HEAD, app=facts.app, pkg=facts.python_package, wait=budget.batch_wait_seconds,
                per_minute=budget.per_minute, max_rows=max_rows, rows_factor=rows_factor,
                calls=calls, imports=import_block(
                    ["import datetime as dt", "import decimal", "import logging", "import time",
                     "from typing import Any", *(["import os"] if sqlalchemy else [])],
                    SQLALCHEMY_THIRD_PARTY if sqlalchemy else [],
                    [f"from {facts.python_package}.personize_client import Personize, RateLimitError"]))
    if sqlalchemy:
        head = head.replace("log = logging.getLogger(__name__)\n",
                            "log = logging.getLogger(__name__)\n" + SQLALCHEMY_ENGINE, 1)
    path = f"{facts.python_package}/personize_sync.py"
    return CodeBlock(language="py", path=path, code=f"{head}\n\n{functions}\n")


def django_command(facts: RepoFacts, person_app_dir: str) -> CodeBlock:
    code = fill("""
from django.core.management.base import BaseCommand

from @@pkg@@.personize_sync import run_sync


class Command(BaseCommand):
    help = "Sync customer data into Personize memory (memorizeBatch, paced to plan limits)."

    def handle(self, *args, **options):
        run_sync()
""", pkg=facts.python_package)
    return CodeBlock(language="py", path=f"{person_app_dir}/management/commands/personize_sync.py", code=code)


def _fn_name(mapping: BatchMapping) -> str:
    """`TicketCC` -> sync_ticket_cc, `KBItem` -> sync_kb_item."""
    return "sync_" + system_name(mapping.source_entity)


def _module_of(file: str) -> str:
    return ".".join(PurePosixPath(file).with_suffix("").parts)


def _sync_function(facts: RepoFacts, mapping: BatchMapping) -> str:
    collection = facts.schema.collection(mapping.source_entity)
    columns = list(dict.fromkeys(p.source_field for p in mapping.properties))
    rows_expr = _rows_expression(mapping, columns)
    key = "email" if mapping.email_column else "website"
    props = "\n".join(_prop_line(p.target, p.collection_name, p.source_field, p.extract_memories)
                      for p in mapping.properties)
    module = _module_of(collection.source_file) if collection else "models"
    return (
        f"def {_fn_name(mapping)}(client: Personize, ids: dict[str, str], rows_per_batch: int) -> None:\n"
        f"    \"\"\"{mapping.source}: {len(columns)} columns of {mapping.source_entity}.\"\"\"\n"
        f"{_imports(module, mapping)}"
        f"    {rows_expr if rows_expr.startswith('with ') else 'rows = ' + _wrap_call(rows_expr, 4)}\n"
        f"    mapping = {{\n"
        f"        \"entityType\": \"{mapping.entity_type}\",\n"
        f"        \"{key}\": \"{mapping.email_column or mapping.website_column}\",\n"
        f"        \"runName\": f\"{mapping.run_name}-{{dt.date.today().isoformat()}}\",\n"
        f"        \"properties\": {{\n{props}\n        }},\n    }}\n"
        f"    send_in_batches(\n        client, \"{mapping.source}\", mapping, rows, rows_per_batch, {mapping.chunk_size}\n    )"
    )


def _prop_line(target: str, collection: str, source_field: str, extract: bool) -> str:
    """One mapping entry, wrapped when it would pass the 100-column lint limit."""
    args = f"ids, \"{collection}\", \"{source_field}\"{', extract=True' if extract else ''}"
    line = f"            \"{target}\": prop({args}),"
    if len(line) <= 100:
        return line
    return f"            \"{target}\": prop(\n                {args}\n            ),"


def _imports(module: str, mapping: BatchMapping) -> str:
    entity = mapping.source_entity
    if mapping.framework == "django":
        f_import = "    from django.db.models import F\n\n" if mapping.key_from_owner else ""
        return f"{f_import}    from {module} import {entity}\n\n"
    if mapping.framework in ("sqlalchemy", "sqlmodel"):
        owner = mapping.key_from_owner.split(".", 1)[0] if mapping.key_from_owner else None
        names = ", ".join(sorted({entity, *([owner] if owner else [])}))
        return f"    from {module} import {names}\n\n"
    return ""


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


GENERATE = """
\"\"\"Personalised copy with a fallback: Personize is an enhancement, never a dependency.\"\"\"
from __future__ import annotations

import datetime as dt
import logging

from @@pkg@@.personize_client import Personize, PersonizeError

log = logging.getLogger(__name__)
client = Personize(timeout=@@timeout@@, max_retries=1)  # reads PERSONIZE_SECRET_KEY
SEPARATOR = "\\n\\n---\\n\\n"
DECIDE = "From the context only, decide the one thing this {task} should achieve."
WRITE = "Write the {channel} {task}. Follow every guideline and channel limit. Invent nothing."
CRITERIA = "Uses only facts from the context; fits the channel format and length."


def personalize(*, email: str, task: str, channel: str, fields: list[str],
                facts: str = "") -> dict[str, str] | None:
    \"\"\"The generated fields, or None so the caller sends its existing copy.\"\"\"
    try:
        rules = client.ai.smart_guidelines(message=f"{channel} {task}", mode="fast")
        who = client.memory.smart_digest(email=email, type="Contact", token_budget=2000)
        parts = (rules.get("compiledContext"), who.get("compiledContext"), facts)
        result = client.ai.prompt(
            context=SEPARATOR.join(part for part in parts if part),
            instructions=[
                {"prompt": DECIDE.format(task=task), "maxSteps": 2},
                {"prompt": WRITE.format(channel=channel, task=task), "maxSteps": 3},
            ],
            outputs=[{"name": name} for name in fields],
            evaluate=True,
            evaluationCriteria=CRITERIA,
        )
    except PersonizeError as exc:
        log.warning("personalization skipped for %s: %s", task, exc)
        return None
    outputs = result.get("outputs") or {}
    values = {name: outputs.get(name) for name in fields}
    if not all(isinstance(v, str) and v.strip() for v in values.values()):
        return None
    return {k: str(v) for k, v in values.items()}


def remember_sent(email: str, channel: str, summary: str) -> None:
    \"\"\"Close the loop so the next message knows what this one said. Never raises.\"\"\"
    sent_at = dt.datetime.now().astimezone().isoformat()
    try:
        client.memory.memorize(
            content=f"[{channel.upper()} SENT {sent_at}] {summary}",
            email=email,
            enhanced=True,
            tags=["generated", f"channel:{channel}", "source:@@app_tag@@"],
        )
    except PersonizeError as exc:
        log.warning("could not record sent %s: %s", channel, exc)
"""


def generate_helper(facts: RepoFacts, timeout_seconds: float) -> CodeBlock:
    return CodeBlock(language="py", path=f"{facts.python_package}/personize_generate.py",
                     code=fill(GENERATE, pkg=facts.python_package, timeout=timeout_seconds,
                               app_tag=facts.app.lower().replace(" ", "-")))


def point_snippet(tp: Touchpoint, facts: RepoFacts, fields: list[str], task: str) -> CodeBlock:
    channel = channel_of(tp)
    symbol = tp.symbol or "the handler"
    sends = tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION)
    recipient = "recipient_email" if sends else "request.user.email"
    code = (
        f"from {facts.python_package}.personize_generate import personalize{', remember_sent' if sends else ''}\n\n"
        f"# inside {symbol}(), before: {tp.evidence.strip().splitlines()[0][:90]}\n"
        f"draft = personalize(email={recipient}, task=\"{task}\", channel=\"{channel}\",\n"
        f"                    fields={fields!r})\n"
        f"# use draft[...] when draft is not None, else the existing {'copy' if sends else 'content'}"
    )
    code += (f"; after a successful send:\nif draft:\n    remember_sent({recipient}, \"{channel}\", \"{task}\")\n"
             if sends else ".\n")
    return CodeBlock(language="py", path=tp.file, code=code)


LOOP = """
\"\"\"Personalization loop: observe, recall, generate, act, update.

Task: @@task@@.
\"\"\"
from __future__ import annotations

@@imports@@

log = logging.getLogger(__name__)
@@setup@@


def deliver(email: str, draft: dict[str, str]) -> None:
    \"\"\"ACT: hand the generated fields to @@sender@@.
    Fails loudly until connected, so the loop never records a message it did not send.\"\"\"
    # e.g. @@example@@
    raise NotImplementedError(
        f"connect deliver() to your sender before enabling the loop ({email}, {sorted(draft)})"
    )


def due_recipients():
    \"\"\"OBSERVE: who is due @@a_task@@ today. Replace the filter with your rule.\"\"\"
    return @@query@@


def run_loop() -> None:
    sent = skipped = 0
    for person in due_recipients():
        email = person.@@email@@
        # RECALL + REASON + PLAN/DECIDE + GENERATE happen inside personalize()
        draft = personalize(
            email=email, task="@@task@@", channel="@@channel@@",
            fields=@@fields@@,
        )
        if draft is None:  # nothing worth sending, or Personize unavailable
            skipped += 1
            continue
        deliver(email, draft)
        remember_sent(email, "@@channel@@", "@@task@@")  # UPDATE: close the loop
        sent += 1
    log.info("@@task@@: %d sent, %d skipped", sent, skipped)
"""


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
    imports = import_block(
        ["import logging", *([] if django else ["import os"])],
        [] if django else SQLALCHEMY_THIRD_PARTY,
        [f"from {module} import {entity}",
         f"from {facts.python_package}.personize_generate import personalize, remember_sent"])
    setup = "" if django else SQLALCHEMY_ENGINE
    named = sender is not None and sender.symbol
    where = f"`{sender.symbol}` in {sender.file}" if named and sender else "your existing sender"
    example = (f"{sender.symbol}(...) with draft[{fields[0]!r}] as its content" if named and sender
               else f"send(to=email, body=draft[{fields[-1]!r}])")
    code = fill(LOOP, a_task=with_article(task), task=task, channel=channel, fields=repr(fields),
                pkg=facts.python_package, imports=imports, setup=setup, query=query, email=email_field,
                sender=where, example=example)
    return CodeBlock(language="py", path=f"{facts.python_package}/personize_loop.py", code=code)


def _wrap_call(expression: str, indent: int, width: int = 100) -> str:
    """`f(a, b, c)` on one line if it fits, else one argument per line (users lint at 100)."""
    if indent + len("rows = ") + len(expression) <= width or "(" not in expression:
        return expression
    head, _, rest = expression.partition("(")
    inner = rest.rsplit(")", 1)[0]
    if head.endswith("list") and inner.count("(") == 1:  # list(Model.objects.values(...))
        return f"{head}({_wrap_call(inner, indent, width)})"
    args = _split_args(inner)
    pad = " " * (indent + 4)
    return head + "(\n" + "".join(f"{pad}{a},\n" for a in args) + " " * indent + ")" + rest.rsplit(")", 1)[1]


def _split_args(text: str) -> list[str]:
    """Top-level comma split (ignores commas inside brackets and quotes)."""
    args, depth, quote, current = [], 0, "", ""
    for ch in text:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(current.strip())
            current = ""
            continue
        current += ch
    return [*args, current.strip()] if current.strip() else args
