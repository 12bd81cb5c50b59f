"""Scheduled work declared by an in-house convention rather than a scheduler library.

- A class extending a repo base class that declares a schedule member (`get cron()`,
  `schedule = "..."`), with a handler method (`perform`, `run`), is a scheduled job: the
  repo's own scheduler runs each such subclass (`class CleanupTask extends CronTask`).
- Functions handed to an in-house scheduler registry by a period-named call
  (`registry.register_daily(task_a, task_b)`, `scheduler.every_hour(fn)`) are scheduled jobs.
- A function decorated to repeat on an interval (`@repeat_every(minutes=60)`) is one.
- A worker's endless loop that sleeps between rounds (`while (true) { ...; await delay(ms) }`,
  `while True: ...; time.sleep(60)`) is one.
Names are data (`jobs.yaml`; the loop itself is the `forever_loop` marker in `catalog.yaml`).
"""

from __future__ import annotations

import re

from personize_assistant.scan.facts import Def
from personize_assistant.scan.findings import Finding
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import DefRef, RepoIndex
from personize_assistant.scan.rules import jobs

_J = jobs()
_ARGUMENT = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")

Key = tuple[str, str]


def cron_class_findings(index: RepoIndex) -> list[Finding]:
    classes = {(p, q): d for p, defs in index.defs.items() for q, d in defs.items() if d.kind == "class" and "." not in q}
    parents = {key: _repo_bases(index, key, d) for key, d in classes.items()}
    extended = {base for bases in parents.values() for base in bases}
    found: list[Finding] = []
    for key, definition in classes.items():
        if key in extended or not parents[key]:
            continue  # a base class, or a class with no repo base: no convention to follow
        lineage = _lineage(key, parents)
        if any(_declares(index, k, _J.schedule_keys, value=True) for k in lineage) and any(_declares(index, k, _J.handler_keys) for k in lineage):
            found.append(Finding(Kind.SCHEDULED_JOB, key[0], definition.line, definition.end_line, key[1], "medium", discriminator="cron:class"))
    return found


def registration_findings(index: RepoIndex) -> list[Finding]:
    found: list[Finding] = []
    for path, facts in index.facts.items():
        for call in facts.calls:
            if not _J.schedule_registrations.search(call.name):
                continue
            for argument in _ARGUMENT.findall(call.args.replace("\n", " ")):
                target = index.resolve(path, call.scope, argument)
                definition = index.definition(target) if isinstance(target, DefRef) and not target.rest else None
                if definition is not None and definition.kind in ("function", "method"):
                    found.append(_job(target.file if isinstance(target, DefRef) else path, definition, "cron:registered"))
        for definition in index.defs.get(path, {}).values():
            if any(d.chain.rsplit(".", 1)[-1] in _J.schedule_decorators for d in definition.decorators):
                found.append(_job(path, definition, "cron:repeat"))
    return found


def _job(path: str, definition: Def, discriminator: str) -> Finding:
    return Finding(Kind.SCHEDULED_JOB, path, definition.line, definition.end_line, definition.qualname, "medium", discriminator=discriminator)


def _repo_bases(index: RepoIndex, key: Key, definition: Def) -> list[Key]:
    bases: list[Key] = []
    for base in definition.bases:
        resolved = index.resolve(key[0], "", base) if "=" not in base else None
        target = index.definition(resolved) if isinstance(resolved, DefRef) and not resolved.rest else None
        if isinstance(resolved, DefRef) and target is not None and target.kind == "class":
            bases.append((resolved.file, resolved.qualname))
    return bases


def _lineage(key: Key, parents: dict[Key, list[Key]]) -> list[Key]:
    """The class and its repo ancestors (cycles and depth bounded)."""
    seen = [key]
    for current in seen:
        seen.extend(p for p in parents.get(current, ()) if p not in seen and len(seen) < 20)
    return seen


def _declares(index: RepoIndex, key: Key, names: frozenset[str], value: bool = False) -> bool:
    """Does the class define a member with one of these names (method, getter or field)? With
    `value`, a method counts only without parameters (`get cron()`): `schedule(props)` is a
    task's way to enqueue itself, not its schedule."""
    path, owner = key
    defs = index.defs.get(path, {})
    members = [defs.get(f"{owner}.{name}") for name in names]
    if any(m is not None and not (value and m.params) for m in members):
        return True
    return any(f.owner == owner and f.name in names for f in index.facts[path].fields)


def loop_findings(index: RepoIndex) -> list[Finding]:
    """`while (true) { ...; await delay(ms) }` in an exported worker function (or at a worker
    module's top level): the loop is the schedule. Retry and wait helpers are not, nor loops
    outside a worker (a script's `main()` retrying until the database answers)."""
    found: list[Finding] = []
    for path, facts in index.facts.items():
        loops = [m for m in facts.markers if m.name == "forever_loop"]
        sleeping = {c.scope for c in facts.calls if c.name in _J.loop_sleeps} if loops else set()
        for marker in loops:
            if marker.scope not in sleeping or not _J.loop_places.search(f"{path}/{marker.scope}"):
                continue
            definition = index.defs.get(path, {}).get(marker.scope)
            if definition is None:
                found.append(Finding(Kind.SCHEDULED_JOB, path, marker.line, marker.line, None, "medium", discriminator="cron:loop"))
            elif _loop_entry(path, definition):
                found.append(_job(path, definition, "cron:loop"))
    return found


def _loop_entry(path: str, definition: Def) -> bool:
    """A module's entry a worker starts: exported (TypeScript) or public (Python), top level."""
    if definition.kind != "function" or "." in definition.qualname or _J.loop_not.search(definition.qualname):
        return False
    return definition.exported or (path.endswith(".py") and not definition.qualname.startswith("_"))
