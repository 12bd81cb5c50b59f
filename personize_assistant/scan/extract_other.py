"""Facts from files without a tree-sitter grammar here: Prisma schemas, GitHub
Actions workflows (`schedule:`), `vercel.json` crons, the Wasp DSL, and the analytics
tags of `.html`/`.astro` pages."""

from __future__ import annotations

import json
import re

from personize_assistant.scan.catalog import SNIPPET, Catalog
from personize_assistant.scan.extract_common import ScopeIndex, find_markers
from personize_assistant.scan.facts import Def, Enum, FieldFact, FileFacts, Marker
from personize_assistant.scan.languages import MARKUP_SUFFIXES as MARKUP_SUFFIXES

_BLOCK = re.compile(r"^\s*(model|enum|type|view)\s+(\w+)\s*\{")
_FIELD = re.compile(r"^\s*(\w+)\s+([\w.]+)(\[\])?(\?)?\s*(.*)$")
_WORKFLOW_NAME = re.compile(r"^name:\s*['\"]?([^'\"#\n]+)", re.M)
_CRON_LINE = re.compile(r"^\s*-?\s*cron:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$")


def extract_prisma(path: str, source: str) -> FileFacts:
    """`model User { email String @unique ... }` blocks and `enum Role { ... }` blocks."""
    models: list[tuple[str, int, int, tuple[FieldFact, ...]]] = []
    enums: list[Enum] = []
    lines = source.splitlines()
    index = 0
    while index < len(lines):
        header = _BLOCK.match(lines[index])
        if header is None:
            index += 1
            continue
        kind, name = header.groups()
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith("}"):
            end += 1
        body = lines[index + 1 : end]
        if kind == "enum":
            values = [_strip_comment(b).split()[0] for b in body if _strip_comment(b).strip() and not _strip_comment(b).strip().startswith("@@")]
            enums.append(Enum(name, tuple(values)))
        elif kind == "model":
            models.append((name, index + 1, end + 1, _prisma_fields(name, body, index + 2)))
        index = end + 1
    return FileFacts(path=path, language="prisma", enums=tuple(enums), models=tuple(models))


def _strip_comment(line: str) -> str:
    return line.split("//", 1)[0]


def _prisma_fields(model: str, body: list[str], first_line: int) -> tuple[FieldFact, ...]:
    fields: list[FieldFact] = []
    for offset, raw in enumerate(body):
        line = _strip_comment(raw).strip()
        if not line or line.startswith("@@"):
            continue
        match = _FIELD.match(line)
        if match is None:
            continue
        name, type_name, is_list, optional, attributes = match.groups()
        fields.append(
            FieldFact(
                owner=model,
                name=name,
                type=type_name + (is_list or ""),
                value="",
                optional=bool(optional),
                decorators=attributes.strip(),
                line=first_line + offset,
            )
        )
    return tuple(fields)


_SCHEDULE_LINE = re.compile(r"^\s*-?\s*schedule:\s*['\"]?((?:[\d*/,\-?LW#A-Za-z]+\s+){4}[\d*/,\-?LW#A-Za-z]+|@\w+)['\"]?\s*(?:#.*)?$")


def extract_workflow(path: str, source: str) -> FileFacts:
    """Each `cron:` entry under `on: schedule:` is a scheduled job; in other YAML
    (Kubernetes CronJob, render.yaml, ...) each `schedule: "<cron>"` line is one."""
    if "schedule" not in source:
        return FileFacts(path=path, language="yaml")
    if ".github/workflows/" not in "/" + path:
        return _yaml_schedules(path, source)
    name_match = _WORKFLOW_NAME.search(source)
    workflow = name_match.group(1).strip() if name_match else path.rsplit("/", 1)[-1]
    extra: list[tuple[str, str, int, int, str]] = []
    in_schedule = False
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("schedule:"):
            in_schedule = True
            continue
        cron = _CRON_LINE.match(line)
        if in_schedule and cron:
            extra.append(("gha_cron", workflow, number, number, cron.group(1).strip()))
        elif stripped and not stripped.startswith(("-", "#")) and not line.startswith((" ", "\t")):
            in_schedule = False
    return FileFacts(path=path, language="yaml", extra=tuple(extra))


def _yaml_schedules(path: str, source: str) -> FileFacts:
    name_match = re.search(r"^\s*name:\s*['\"]?([\w.\-]+)", source, re.M)
    name = name_match.group(1) if name_match else path.rsplit("/", 1)[-1]
    extra = [
        ("yaml_cron", name, number, number, match.group(1).strip())
        for number, line in enumerate(source.splitlines(), start=1)
        if (match := _SCHEDULE_LINE.match(line))
    ]
    return FileFacts(path=path, language="yaml", extra=tuple(extra))


def extract_vercel(path: str, source: str) -> FileFacts:
    """`{"crons": [{"path": "/api/cron/digest", "schedule": "0 9 * * *"}]}`."""
    try:
        data = json.loads(source)
    except ValueError:
        return FileFacts(path=path, language="json", error=True)
    crons = data.get("crons") if isinstance(data, dict) else None
    extra: list[tuple[str, str, int, int, str]] = []
    lines = source.splitlines()
    for entry in crons if isinstance(crons, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        cron_path = entry["path"]
        line = next((i for i, text in enumerate(lines, 1) if f'"{cron_path}"' in text), 1)
        extra.append(("vercel_cron", cron_path, line, line, str(entry.get("schedule", ""))))
    return FileFacts(path=path, language="json", extra=tuple(extra))


_CRON_ENTRY = re.compile(r"^\s*((?:@\w+)|(?:[\d*/,\-A-Za-z?]+\s+){4}[\d*/,\-A-Za-z?]+)\s+(.+)$")


def extract_crontab(path: str, source: str) -> FileFacts:
    """`0 7 * * 1  cd /srv/app && python manage.py send_weekly_summary`."""
    extra: list[tuple[str, str, int, int, str]] = []
    for number, line in enumerate(source.splitlines(), start=1):
        if line.lstrip().startswith("#") or "=" in line.split(" ", 1)[0]:
            continue
        entry = _CRON_ENTRY.match(line)
        if entry:
            extra.append(("crontab_cmd", entry.group(2).strip(), number, number, entry.group(1)))
    return FileFacts(path=path, language="crontab", extra=tuple(extra))


_DOC_CRON = re.compile(
    r"^\s*(?:[$#>]\s+)?((?:[\d*][\d*/,\-]*\s+){4}[\d*][\d*/,\-]*|@(?:hourly|daily|weekly|monthly|yearly|midnight))\s+(.*\b(?:manage\.py|django-admin)\s+[\w-]+.*)$"
)


def extract_doc_crons(path: str, source: str) -> FileFacts:
    """README/docs lines that show a crontab entry running a management command:
    `*/5 * * * * python manage.py submit_newsletter`. Only strict cron expressions count."""
    extra = [
        ("doc_crontab", match.group(2).strip(), number, number, match.group(1))
        for number, line in enumerate(source.splitlines(), start=1)
        if "manage.py" in line or "django-admin" in line
        if (match := _DOC_CRON.match(line))
    ]
    return FileFacts(path=path, language="docs", extra=tuple(extra))


_WASP_API = re.compile(r"^\s*api\s+(\w+)\s*\{(?:[^{}]|\{[^{}]*\})*?httpRoute\s*:\s*\(\s*(\w+)\s*,\s*\"([^\"]+)\"\s*\)", re.M | re.S)
_WASP_JOB = re.compile(r"^\s*job\s+(\w+)\s*\{.*?\bschedule\s*:\s*\{[^}]*?\bcron\s*:\s*\"([^\"]+)\"", re.M | re.S)


def extract_wasp(path: str, source: str, catalog: Catalog) -> FileFacts:
    """The Wasp DSL (`main.wasp`): `api name { httpRoute: (POST, "/path") }` declarations as
    routes (a webhook path makes a webhook handler), `job name { schedule: { cron } }` as
    jobs, and analytics tags in its `head: [...]`."""
    defs: list[Def] = []
    for match in _WASP_API.finditer(source):
        line, end_line = _line(source, match.start(1)), _line(source, match.end())
        qualname = f"{match.group(2).upper()} {match.group(3)[:120]}"
        defs.append(Def(qualname, "route", line, end_line, match.start(), match.end(), False))
    extra = tuple(
        ("wasp_cron", match.group(1), _line(source, match.start(1)), _line(source, match.end()), match.group(2).strip())
        for match in _WASP_JOB.finditer(source)
    )
    return FileFacts(path=path, language="wasp", defs=tuple(defs), extra=extra, markers=_markup_markers(source, catalog))


def extract_markup(path: str, source: str, catalog: Catalog) -> FileFacts:
    """`.html`/`.astro` pages: only the analytics tags in them (catalog `snippets`)."""
    return FileFacts(path=path, language="html", markers=_markup_markers(source, catalog))


def _markup_markers(source: str, catalog: Catalog) -> tuple[Marker, ...]:
    return tuple(m for m in find_markers(source.encode(), catalog, ScopeIndex([])) if m.name.startswith(SNIPPET))


def _line(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1
