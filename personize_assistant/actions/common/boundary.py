"""The server/client boundary: WIRE never puts the Personize client or its key in code
that can run in a browser, and points at the server code that serves it instead.

What counts as browser code is data (`client_code.yaml`): the `"use client"` directive,
file patterns (`*.client.*`, Next.js `pages/` outside `pages/api/`, public bundles), React
hooks and components. The server code to wire instead is the route the client code
fetches (`useSWR("/api/teams")` -> `pages/api/teams/index.ts`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePosixPath

from pathspec import GitIgnoreSpec
from pydantic import BaseModel, ConfigDict

from personize_assistant.fileio import Refusal, read_repo_file
from personize_assistant.rulefiles import load_rules
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint


class ClientCodeRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    directives: list[str]
    client_files: list[str]
    server_files: list[str]
    server_exports: list[str]
    hook_name: re.Pattern[str]
    component_name: re.Pattern[str]
    jsx_files: list[str]
    returns_jsx: re.Pattern[str]
    api_url: re.Pattern[str]


@cache
def client_rules() -> ClientCodeRules:
    return load_rules("personize_assistant.actions.common", "client_code.yaml", ClientCodeRules)


@cache
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    return GitIgnoreSpec.from_lines(patterns)


def client_reason(path: str, text: str, function: str, function_text: str) -> str | None:
    """Why `function` in `path` can run in a browser, or None for server code."""
    rules = client_rules()
    head = text.lstrip()[:40]
    directive = next((d for d in rules.directives if head.startswith((f"'{d}'", f'"{d}"'))), None)
    if directive:
        return f'the file starts with "{directive}"'
    if rules.hook_name.match(function):
        return f"{function} is a React hook"
    if PurePosixPath(path).suffix in rules.jsx_files and (
        rules.component_name.match(function) or rules.returns_jsx.search(function_text)
    ):
        return f"{function} is a React component"
    if function in rules.server_exports:
        return None
    if _spec(tuple(rules.client_files)).match_file(path) and not _spec(tuple(rules.server_files)).match_file(path):
        return f"{path} is bundled for the browser"
    return None


def runs_in_browser(root: str, file: str, symbol: str | None) -> bool:
    """Whether the touchpoint's code can run in a browser, judged from its file and name as
    the scan saw them: a component file counts as a whole, since the scan does not keep the
    function's text (PLAN places no Personize call there; WIRE judges the function itself
    with `client_reason`)."""
    read = read_repo_file(root, file, _READ_BYTES)
    text = "" if isinstance(read, Refusal) else read
    return client_reason(file, text, symbol or "", text) is not None


_READ_BYTES = 256 * 1024


def server_route(scan: RepoScan, touchpoint: Touchpoint, function_text: str) -> Touchpoint | None:
    """The server route the client code fetches (`/api/teams` -> `pages/api/teams/index.ts`),
    as a touchpoint of the same kind where there is one, else of any kind."""
    urls = [_segments(m.group(1)) for m in client_rules().api_url.finditer(function_text)]
    routes = [
        t
        for t in scan.touchpoints
        if t.id != touchpoint.id and t.kind != Kind.DATA_MODEL and any(_same_route(u, _route_of(t)) for u in urls)
    ]
    same_kind = [t for t in routes if t.kind == touchpoint.kind]
    return next(iter(same_kind or routes), None)


def _segments(url: str) -> list[str]:
    return [s for s in url.strip("/").split("/") if s]


def _route_of(tp: Touchpoint) -> list[str]:
    """`pages/api/teams/[teamId]/index.ts` or `app/(ee)/api/teams/route.ts` -> api/teams/..."""
    if tp.route:
        return _segments(tp.route)
    parts = list(PurePosixPath(tp.file).with_suffix("").parts)
    if "api" not in parts:
        return []
    parts = parts[parts.index("api") :]
    if parts[-1] in ("index", "route"):
        parts = parts[:-1]
    return [p for p in parts if not (p.startswith("(") and p.endswith(")"))]


def _same_route(url: list[str], route: list[str]) -> bool:
    """`/api/teams/${teamId}` matches `api/teams/[teamId]`."""
    return bool(route) and len(url) == len(route) and all(
        u == r or (u.startswith("${") and r.startswith("[")) for u, r in zip(url, route, strict=True)
    )
