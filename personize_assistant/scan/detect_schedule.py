"""Scheduled jobs: scheduler calls, Celery beat, Vercel and GitHub Actions crons, crontabs."""

from __future__ import annotations

import re

from personize_assistant.scan.detect_calls import Hit
from personize_assistant.scan.facts import Call, Def
from personize_assistant.scan.findings import Finding
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import DefRef, RepoIndex
from personize_assistant.scan.routes import (
    NEXT_PAGES_API,
    NEXT_ROUTE,
    RouteTable,
    split_arguments,
)
from personize_assistant.scan.rules import handlers, senders

_H = handlers()

_DOTTED = re.compile(r"""['"]([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)['"]""")
_SIGNATURE = re.compile(r"\b([A-Za-z_][\w.]*)\.(?:s|si|signature)\(")
_CRON_PATH = _H.cron_path
_MANAGE = re.compile(r"manage\.py\s+([\w-]+)")
_PERIODIC_JOBS = _H.periodic_jobs
_SCHEDULE_TOOL = _H.schedule_tool
"""`POST /api/ai/cron -> generateCronExpression`: an endpoint about cron syntax, not one a scheduler calls."""
_SCHEDULE_CHECK = _H.schedule_check
_TASK_CALLS = senders().task_calls


class ScheduleDetector:
    def __init__(self, index: RepoIndex, table: RouteTable, hits: list[Hit]) -> None:
        self.index = index
        self.table = table
        self.hits = [h for h in hits if h.kind == "scheduled_job"]
        self.decorated: dict[tuple[str, int], Def] = {}
        for path, defs in index.defs.items():
            for definition in defs.values():
                for decorator in definition.decorators:
                    self.decorated[(path, decorator.line)] = definition

    def findings(self) -> list[Finding]:
        found: list[Finding] = []
        for hit in self.hits:
            if _SCHEDULE_CHECK.search(hit.call.scope.rsplit(".", 1)[-1]):
                continue  # `validateCron`: builds a schedule only to check the pattern
            entries = self._table_entries(hit)
            found.extend(entries or [self._from_hit(hit)])
        for path, facts in self.index.facts.items():
            for call in facts.calls:
                if call.chain.endswith("add_periodic_task"):
                    found.extend(self._periodic(path, call))
            for kind, name, line, end_line, detail in facts.extra:
                found.extend(self._extra(path, kind, name, line, end_line, detail))
        found.extend(self._cron_routes())
        found.extend(self._periodic_job_classes())
        found.extend(self._periodic_signals())
        return found

    def _periodic_signals(self) -> list[Finding]:
        """`periodic_task.send_robust(self)` in a management command: cron runs the command,
        so the command and every `@receiver(periodic_task)` run on a schedule, and so do the
        periodic tasks a receiver enqueues."""
        found: list[Finding] = []
        fired: set[str] = set()
        for path, facts in self.index.facts.items():
            command = self.index.defs.get(path, {}).get("Command")
            if command is None or not _H.command_path.search(path):
                continue
            for call in facts.calls:
                signal = self._fired_signal(path, call)
                if signal is not None:
                    fired.add(signal)
                    found.append(Finding(Kind.SCHEDULED_JOB, path, command.line, command.end_line, "Command", "medium", discriminator="periodic-signal", provider="cron", framework="django"))
                    break
        if fired:
            for path, defs in self.index.defs.items():
                for definition in defs.values():
                    if any(self._receives(path, d.chain, d.args, fired) for d in definition.decorators):
                        found.append(Finding(Kind.SCHEDULED_JOB, path, definition.line, definition.end_line, definition.qualname, "medium", discriminator="periodic-signal:receiver", framework="django"))
                        found.extend(self._enqueued_tasks(path, definition.qualname))
        return found

    def _fired_signal(self, path: str, call: Call) -> str | None:
        root, _, method = call.chain.rpartition(".")
        if method not in _H.signal_sends or not root or "." in root:
            return None
        name = self._imported_name(path, root)
        return name if _H.periodic_signal.search(name) else None

    def _receives(self, path: str, chain: str, args: str, fired: set[str]) -> bool:
        if chain.rsplit(".", 1)[-1] not in _H.signal_receivers:
            return False
        first = (split_arguments(args) or [""])[0]
        signal = first.split("=", 1)[1].strip() if first.startswith("signal") and "=" in first else first
        return self._imported_name(path, signal.rsplit(".", 1)[-1]) in fired

    def _imported_name(self, path: str, local: str) -> str:
        """`from app.signals import periodic_task as tick`: `tick` is `periodic_task`."""
        imp = self.index.imports.get(path, {}).get(local)
        return imp.name if imp is not None and imp.name not in ("*", "default") else local

    def _enqueued_tasks(self, path: str, scope: str) -> list[Finding]:
        found: list[Finding] = []
        for call in self.index.facts[path].calls:
            if call.scope != scope or call.name not in _TASK_CALLS or "." not in call.chain:
                continue
            target = self.index.resolve(path, scope, call.chain.rsplit(".", 1)[0])
            definition = self.index.definition(target) if isinstance(target, DefRef) and not target.rest else None
            # Only tasks named for a period: others (a per-user refresh, a version check) are
            # work the job hands off, already counted as the receiver's.
            if definition is not None and isinstance(target, DefRef) and _H.periodic_signal.search(definition.qualname):
                found.append(self._def_finding(target.file, definition, None, "celery"))
        return found

    def _periodic_job_classes(self) -> list[Finding]:
        """django-extensions `class Job(DailyJob)` (run by `runjobs daily` from cron)."""
        found: list[Finding] = []
        for path, defs in self.index.defs.items():
            for definition in defs.values():
                period = next((_PERIODIC_JOBS[b.rsplit(".", 1)[-1]] for b in definition.bases if b.rsplit(".", 1)[-1] in _PERIODIC_JOBS), None)
                if definition.kind != "class" or period is None:
                    continue
                modules = self.index.file_modules.get(path, set())
                if any(m.startswith("django_extensions") for m in modules) or "/jobs/" in f"/{path}":
                    found.append(Finding(Kind.SCHEDULED_JOB, path, definition.line, definition.end_line, definition.qualname, "high", discriminator="django-extensions-job", provider="django-extensions", schedule=period, framework="django"))
        return found

    def _cron_routes(self) -> list[Finding]:
        """`/api/cron/digest`: an endpoint that exists to be called by a scheduler."""
        found: list[Finding] = []
        for (file, qualname), route in self.table.routes.items():
            definition = self.index.defs[file].get(qualname)
            if definition is not None and _CRON_PATH.search(route.path) and not _SCHEDULE_TOOL.search(qualname):
                found.append(Finding(Kind.SCHEDULED_JOB, file, definition.line, definition.end_line, None if definition.kind == "route" else qualname, "medium", discriminator="cron-route", route=route.path))
        return found

    def _table_entries(self, hit: Hit) -> list[Finding]:
        """`new Cron(job.interval, ..., job.jobFunc)` over a table of jobs: each entry with a
        cron string in the same file is a job (the call alone says nothing about when)."""
        if _literal(hit.call.arg0) is not None or _cron_in(hit.call.args) is not None:
            return []  # the call carries its own schedule (`job(fn, { schedule: { cron } })`)
        markers = [m for m in self.index.facts[hit.file].markers if m.name == "cron_entry"]
        return [
            Finding(Kind.SCHEDULED_JOB, hit.file, m.line, m.line, m.scope or None, "high", discriminator=f"{hit.provider}:entry", provider=hit.provider)
            for m in markers
        ]

    def _from_hit(self, hit: Hit) -> Finding:
        call = hit.call
        schedule = self._schedule_arg(hit) if hit.rule is not None and hit.rule.schedule_arg == 0 else _cron_in(call.args)
        decorated = self.decorated.get((hit.file, call.line))
        if decorated is not None:
            return self._def_finding(hit.file, decorated, schedule, hit.provider)
        return Finding(Kind.SCHEDULED_JOB, hit.file, call.line, call.end_line, call.scope or None, "high", discriminator=f"{hit.provider}:{call.chain}", provider=hit.provider, schedule=schedule)

    def _schedule_arg(self, hit: Hit) -> str | None:
        """`cron.schedule("0 3 * * *", f)`, or `cron.schedule(NIGHTLY, f)` with `const NIGHTLY = "0 3 * * *"`."""
        name = hit.call.arg0.strip()
        if not name.isidentifier():
            return _literal(name)
        binding = self.index.bindings.get((hit.file, hit.call.scope, name)) or self.index.bindings.get((hit.file, "", name))
        return _literal(binding.raw) if binding is not None and binding.value.startswith("str:") else None

    def _def_finding(self, path: str, definition: Def, schedule: str | None, provider: str | None) -> Finding:
        return Finding(Kind.SCHEDULED_JOB, path, definition.line, definition.end_line, definition.qualname, "high", discriminator="job", provider=provider, schedule=schedule)

    def _periodic(self, path: str, call: Call) -> list[Finding]:
        names = [m.group(1) for m in _DOTTED.finditer(call.args)] + [m.group(1) for m in _SIGNATURE.finditer(call.args)]
        arguments = split_arguments(call.args)
        schedule = arguments[0] if arguments else None
        found = [f for name in names if (f := self._task(path, call.scope, name, schedule)) is not None]
        if found:
            return found
        return [Finding(Kind.SCHEDULED_JOB, path, call.line, call.end_line, call.scope or None, "high", discriminator="celery:add_periodic_task", provider="celery", schedule=schedule)]

    def _task(self, path: str, scope: str, name: str, schedule: str | None) -> Finding | None:
        target = self._dotted_def(name) or self.index.resolve(path, scope, name)
        if isinstance(target, DefRef) and not target.rest:
            definition = self.index.definition(target)
            if definition is not None:
                return self._def_finding(target.file, definition, schedule, "celery")
        return None

    def _dotted_def(self, dotted: str) -> DefRef | None:
        module, _, name = dotted.rpartition(".")
        target = self.index.py_modules.get(module)
        if target is not None and name in self.index.defs.get(target, {}):
            return DefRef(target, name, ())
        return None

    def _extra(self, path: str, kind: str, name: str, line: int, end_line: int, detail: str) -> list[Finding]:
        if kind == "beat_task":
            task = self._task(path, "", name, detail or None)
            return [task] if task is not None else [Finding(Kind.SCHEDULED_JOB, path, line, end_line, name, "high", discriminator="beat", provider="celery", schedule=detail or None)]
        if kind == "vercel_cron":
            handler = self._next_handler(name)
            if handler is not None:
                file, definition = handler
                return [Finding(Kind.SCHEDULED_JOB, file, definition.line, definition.end_line, definition.qualname, "high", discriminator="vercel-cron", provider="vercel", schedule=detail, route=name)]
            return [Finding(Kind.SCHEDULED_JOB, path, line, end_line, name, "high", discriminator="vercel-cron", provider="vercel", schedule=detail, route=name)]
        if kind == "yaml_cron":
            return [Finding(Kind.SCHEDULED_JOB, path, line, end_line, name, "high", discriminator=f"yaml:{detail}", provider="cron", schedule=detail)]
        if kind == "wasp_cron":
            return [Finding(Kind.SCHEDULED_JOB, path, line, end_line, name, "high", discriminator="wasp-job", provider="wasp", schedule=detail, framework="wasp")]
        if kind == "gha_cron":
            return [Finding(Kind.SCHEDULED_JOB, path, line, end_line, name, "high", discriminator=f"gha:{detail}", provider="github-actions", schedule=detail)]
        if kind == "crontab_cmd":
            return [self._crontab(path, name, line, detail)]
        if kind == "doc_crontab":
            # Docs only count when they name a command this repo defines.
            documented = self._crontab(path, name, line, detail)
            return [documented] if documented.file != path else []
        if kind == "cron_command" and "Command" in self.index.defs.get(path, {}):
            command = self.index.defs[path]["Command"]
            # Its own docs say cron runs it; nothing here shows the schedule.
            return [Finding(Kind.SCHEDULED_JOB, path, command.line, command.end_line, "Command", "medium", discriminator="crontab", provider="cron", framework="django")]
        return []

    def _crontab(self, path: str, command: str, line: int, schedule: str) -> Finding:
        managed = _MANAGE.search(command)
        if managed:
            suffix = f"/management/commands/{managed.group(1)}.py"
            for file, defs in self.index.defs.items():
                if ("/" + file).endswith(suffix) and "Command" in defs:
                    definition = defs["Command"]
                    return Finding(Kind.SCHEDULED_JOB, file, definition.line, definition.end_line, "Command", "high", discriminator="crontab", provider="cron", schedule=schedule, framework="django")
        return Finding(Kind.SCHEDULED_JOB, path, line, line, command[:80], "high", discriminator=f"crontab:{command[:80]}", provider="cron", schedule=schedule)

    def _next_handler(self, route: str) -> tuple[str, Def] | None:
        wanted = route.split("?", 1)[0].rstrip("/")
        for (file, qualname), entry in self.table.routes.items():
            if entry.framework != "nextjs" or entry.path.rstrip("/") != wanted:
                continue
            if NEXT_ROUTE.search(file) or NEXT_PAGES_API.search(file):
                definition = self.index.defs[file].get(qualname)
                if definition is not None and (qualname in ("GET", "POST", "default") or NEXT_PAGES_API.search(file)):
                    return file, definition
        return None


def _literal(text: str) -> str | None:
    match = re.match(r"""^\s*['"`](.*?)['"`]""", text)
    return match.group(1) if match else None


def _cron_in(args: str) -> str | None:
    match = re.search(r"""(?:cron|pattern|every)\s*:\s*['"`]([^'"`]+)['"`]""", args)
    return match.group(1) if match else None
