"""Jobs reached by a string name: a definition `{ id: "send.welcome.email", handler: fn }`
(recorded by scan/extract_jobs.py) and the calls that start it elsewhere
(`jobs.triggerJob({ name: "send.welcome.email" })`, `tasks.trigger("id")`, `queue.add("name")`).

The definition is the unit a person wires: when its handler delivers and its name says so,
the definition is the wrapper (reported where it is declared) and each trigger is a call
site; the body its handler hands over to (`import("./x.handler").run()`) is the same job, not
a wrapper of its own. A definition with a schedule is a
scheduled job.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from personize_assistant.scan.extract_jobs import JOB_PREFIX
from personize_assistant.scan.facts import Call, Def
from personize_assistant.scan.findings import Finding, name_words
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import DefRef, RepoIndex
from personize_assistant.scan.rules import jobs, senders

_J = jobs()
_S = senders()
_NOUNS = {kind: words - _J.delivery_verbs - _S.generic_verbs for kind, words in _S.kind_words.items() if kind in ("email_send", "notification")}
"""What a delivery job may be named for: `email`, `webhook`, `slack` (not the verbs)."""
_NAME_KEYS = "|".join(sorted(_J.name_keys))
# The job's name: the first argument as a string, or a name key inside it (`{ name: "x" }`).
_TRIGGERED = re.compile(rf"""^\s*['"`]([^'"`\s]+)['"`]|^\s*\{{[^{{}}]*?\b(?:{_NAME_KEYS})\s*:\s*['"`]([^'"`\s]+)['"`]""")


_SEPARATORS = re.compile(r"[.:/\s-]+")
"""Job names are dotted, dashed or spaced (`send.signup.email`, `Send Signup Email`)."""


_REGISTERED = re.compile(r"""^\(\s*['"`]([^'"`\s]+)['"`]\s*,\s*([A-Za-z_$][\w$.]*)\s*[,)]""")
"""`("send-email", sendEmailJob, ...)`: a job's name, then the function that runs it."""


class Job(NamedTuple):
    holder: str
    """The definition's name (`SEND_WELCOME_EMAIL_JOB`), `""` for an anonymous object."""
    line: int
    names: tuple[str, ...]
    scheduled: bool
    by_class: bool = False
    """A task class (`EmailTask.perform`): its name says the channel without a verb."""


Key = tuple[str, str]


class JobIndex:
    """Every job definition in the repo by its handler, and by each of its names."""

    def __init__(self, index: RepoIndex) -> None:
        self.jobs: dict[Key, Job] = {}
        self.by_name: dict[str, list[Key]] = defaultdict(list)
        for path, facts in index.facts.items():
            strings = {b.name: b.value[4:] for b in facts.bindings if not b.scope and b.value.startswith("str:")}
            for binding in facts.bindings:
                if binding.name.startswith(JOB_PREFIX):
                    names = [_string(n, strings) for n in binding.value[len(JOB_PREFIX):].split(",")]
                    scheduled, _, holder = binding.raw.rpartition(" ")
                    job = Job(holder, binding.line, tuple(n for n in names if n), scheduled == "cron")
                    key = (path, binding.name[len(JOB_PREFIX):])
                    self.jobs[key] = job
                    for name in job.names:
                        self.by_name[name].append(key)
            self._task_classes(path, index.defs.get(path, {}))
        self._registered(index)
        self.triggers = self._triggers(index) if self.jobs else {}

    def _task_classes(self, path: str, defs: dict[str, Def]) -> None:
        """`class EmailTask extends BaseTask { perform() }` started as `queue.add({ name: "EmailTask" })`:
        a task class is named by its class name."""
        for qualname in defs:
            owner, _, method = qualname.rpartition(".")
            holder = defs.get(owner)
            if method in _J.handler_keys and holder is not None and holder.kind == "class" and "." not in owner:
                self.jobs[(path, qualname)] = Job(owner, holder.line, (owner,), False, by_class=True)
                self.by_name[owner].append((path, qualname))

    def _registered(self, index: RepoIndex) -> None:
        """`new Worker("send-email", sendEmailJob)`: the function handed over is the job named so."""
        for path, facts in index.facts.items():
            for call in facts.calls:
                match = _REGISTERED.match(call.args) if call.name in _J.worker_calls else None
                target = index.resolve(path, call.scope, match.group(2)) if match else None
                definition = index.definition(target) if isinstance(target, DefRef) and not target.rest else None
                if match and isinstance(target, DefRef) and definition is not None and definition.kind == "function":
                    key = (target.file, target.qualname)
                    self.jobs[key] = Job(target.qualname, definition.line, (match.group(1),), False)
                    self.by_name[match.group(1)].append(key)

    def _triggers(self, index: RepoIndex) -> dict[Key, list[tuple[str, Call]]]:
        found: dict[Key, list[tuple[str, Call]]] = defaultdict(list)
        for path, facts in index.facts.items():
            for call in facts.calls:
                if call.name not in _J.trigger_calls:
                    continue
                match = _TRIGGERED.match(call.arg0)
                name = match and (match.group(1) or match.group(2))
                for key in self.by_name.get(name or "", ()):
                    if (path, call.scope) != key:
                        found[key].append((path, call))
        return found

    def bodies(self, index: RepoIndex) -> dict[Key, set[Key]]:
        """What each job's handler hands over to (`handler: () => import("./x").run()`): the
        job's body, a function named like a handler, part of the same job."""
        found: dict[Key, set[Key]] = defaultdict(set)
        for path, qualname in self.jobs:
            for call in index.facts[path].calls:
                if call.scope != qualname or call.name not in _J.handler_keys:
                    continue
                resolved = index.resolve(path, call.scope, call.chain)
                if isinstance(resolved, DefRef) and not resolved.rest:
                    found[(path, qualname)].add((resolved.file, resolved.qualname))
        return found

    def units(self, bodies: dict[Key, set[Key]]) -> dict[Key, set[str]]:
        """Triggered jobs named for a delivery, by kind, and their bodies."""
        found: dict[Key, set[str]] = defaultdict(set)
        for key in self.triggers:
            kinds = _delivery_kinds(self.jobs[key])
            for unit in (key, *bodies.get(key, ())) if kinds else ():
                found[unit] |= kinds
        return found

    def location(self, path: str, definition: Def) -> Def:
        """A job's handler is reported where the job is declared, under the job's name."""
        job = self.jobs.get((path, definition.qualname))
        if job is None:
            return definition
        return definition._replace(qualname=job.holder or definition.qualname, line=job.line)

    def schedule_findings(self) -> list[Finding]:
        return [
            Finding(Kind.SCHEDULED_JOB, path, job.line, job.line, job.holder or qualname, "high", discriminator="job:cron")
            for (path, qualname), job in self.jobs.items() if job.scheduled
        ]


def _delivery_kinds(job: Job) -> set[str]:
    """`send.signup.email` -> {email_send}: a delivery verb and a noun of the kind in its names."""
    words = set().union(*(name_words(_SEPARATORS.sub("_", n)) for n in (*job.names, job.holder)))
    if not job.by_class and not words & _J.delivery_verbs:
        return set()
    return {kind for kind, nouns in _NOUNS.items() if words & nouns}


def _string(name: str, strings: dict[str, str]) -> str:
    """`str:send.x` -> `send.x`; a constant -> the string it is bound to in the file."""
    return name[4:] if name.startswith("str:") else strings.get(name, "")
