"""Facts about the repo that the plan's wording and code depend on.

Everything here is read from the `RepoScan` (and the SCHEMA artifact): which
language(s) to write code in, the package manager, where library code lives, how jobs
are scheduled, which providers deliver messages, and which touchpoints to personalise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from personize_assistant.actions.common.boundary import runs_in_browser
from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.focus import Focus
from personize_assistant.actions.common.touchpoints import (
    Lang,
    is_named_function,
    places,
    quick_win_rank,
)
from personize_assistant.actions.schema.artifact import SchemaArtifact
from personize_assistant.codegen.placement import (
    add_command,
    is_workspace_root,
    js_manager,
    package_name,
)
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

Scheduler = Literal["vercel", "celery", "github_actions", "node_cron", "apscheduler", "bullmq"]

# Kinds that become personalization points, in the order a plan presents them.
POINT_KINDS: tuple[Kind, ...] = (
    Kind.EMAIL_SEND, Kind.NOTIFICATION, Kind.LLM_CALL, Kind.UI_SURFACE, Kind.USER_CONTEXT,
    Kind.SEGMENTATION, Kind.WEBHOOK_HANDLER, Kind.EVENT_TRACKING, Kind.SCHEDULED_JOB,
)
_TS_LANGS = {"typescript", "javascript"}
_PY_LANGS = {"python"}


@dataclass
class RepoFacts:
    app: str
    languages: list[Lang]
    package_manager: str
    frameworks: list[str]
    schema: SchemaArtifact
    points: list[Touchpoint]
    jobs: list[Touchpoint]
    webhooks: list[Touchpoint]
    senders: dict[str, Touchpoint] = field(default_factory=dict)
    """channel -> the touchpoint that delivers it (the repo's own send function)."""
    python_package: str = "app"
    root: str = ""
    """The scanned repository's absolute path (read for the product's own description)."""
    ts_lib_dir: str = "src/lib"
    existing_files: frozenset[str] = frozenset()
    """Files the scan saw touchpoints in: new files must not overwrite them."""
    personize_calls: list[Touchpoint] = field(default_factory=list)
    later_points: list[Touchpoint] = field(default_factory=list)
    """Relevant touchpoints beyond the ones the plan details, for the ongoing phase."""

    ts_packages: dict[str, str] = field(default_factory=dict)
    """Nested JS/TS packages that hold touchpoints (their own package.json, e.g. a worker
    service) -> the lib dir inside them. Code there cannot import the root's modules."""
    workspace: bool = False
    """The root is a JS monorepo root (pnpm-workspace.yaml or package.json workspaces)."""
    home_package: str | None = None
    """In a monorepo, the package that owns the plan's first touchpoint: the shared client and
    helper live there, once, instead of at the repo root plus a copy."""
    package_names: dict[str, str] = field(default_factory=dict)
    """Package folder -> its package.json name (installs target it by name)."""
    managers: list[str] = field(default_factory=list)
    """Every package manager the lockfiles name (CI installs with the one of its language)."""

    def add_command(self, spec: str, *, dev: bool = False, package: str | None = None) -> str:
        """How this repo adds `spec`: in `package` (a folder), else in the home package, else
        at the root (dev tools for root scripts always go to the root)."""
        target = package or (None if dev else self.home_package)
        return add_command(self.package_manager, spec, dev=dev, workspace=self.workspace,
                           package_dir=target, package_name=self.package_names.get(target or ""))

    @property
    def ts_client(self) -> str:
        """The module (without extension) that exports the shared `personize` client."""
        default = f"{self.ts_lib_dir}/personize"
        return f"{default}-client" if f"{default}.ts" in self.existing_files else default

    def package_of(self, file: str) -> str | None:
        """The nested package `file` belongs to, or None for the root package."""
        inside = [p for p in self.ts_packages if file.startswith(f"{p}/")]
        return max(inside, key=len) if inside else None

    def ts_lib_for(self, file: str) -> str:
        package = self.package_of(file)
        return self.ts_packages[package] if package else self.ts_lib_dir

    def ts_client_for(self, file: str) -> str:
        """The client module `file` should import: its own package's copy (same file name,
        so the copied generate helper's relative import still resolves)."""
        return f"{self.ts_lib_for(file)}/{PurePosixPath(self.ts_client).name}"

    def loop_job(self, quick_win: Touchpoint | None = None) -> Touchpoint | None:
        """The existing scheduled job to run the loop from: the one whose name shares the most
        words with the quick win (weekly-digest cron for sendWeeklyDigest), else one that
        already sends, else the first job in code (not a CI or crontab file)."""
        in_code = [j for j in self.jobs if not j.file.endswith((".yml", ".yaml", ".json"))]
        if not in_code:
            return None
        target = _words(f"{quick_win.symbol or ''} {quick_win.file}") if quick_win else set()
        senders = {t.file for t in self.senders.values()} | {t.file for t in self.points}
        return max(in_code, key=lambda j: (len(_words(f"{j.symbol or ''} {j.file}") & target),
                                           j.file in senders, -in_code.index(j)))

    def next_app_dir(self) -> str:
        """Where Next.js route handlers live: `src/app` when the app router sits under src
        (a root `app/` would then be ignored by Next.js), else `app`."""
        base = self.app_root()
        in_src = any(f.startswith(f"{base}src/app/") for f in self.existing_files)
        at_root = any(f.startswith(f"{base}app/") for f in self.existing_files)
        return f"{base}src/app" if in_src and not at_root else f"{base}app"

    def app_root(self) -> str:
        """The folder (with a trailing `/`, or '' for the root) of the app that deploys:
        the home package in a monorepo, where its routes and vercel.json live."""
        return f"{self.home_package}/" if self.home_package else ""

    @property
    def is_next(self) -> bool:
        return "nextjs" in self.frameworks

    def has(self, framework: str) -> bool:
        return framework in self.frameworks

    def scheduler(self) -> Scheduler:
        providers = {(t.provider or "").lower() for t in self.jobs}
        candidates: tuple[Scheduler, ...] = ("celery", "vercel", "node_cron", "apscheduler", "bullmq")
        for name in candidates:
            if name in providers or self.has(name):
                return name
        return "vercel" if self.is_next else "github_actions"

    def env_file(self) -> str:
        return ".env.local" if self.is_next else ".env"


_GENERIC_WORDS = {"src", "app", "api", "lib", "cron", "route", "ts", "py", "js", "jobs", "tasks", "send",
                  "get", "post", "index", "services", "worker"}


def _words(text: str) -> set[str]:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return {w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if len(w) > 2 and w not in _GENERIC_WORDS}


def repo_facts(scan: RepoScan, discovery: Discovery, schema: SchemaArtifact, focus: Focus | None = None) -> RepoFacts:
    points, later = _points(scan, discovery, focus or Focus())
    facts = RepoFacts(
        app=schema.app_name,
        languages=_languages(scan),
        package_manager=js_manager(scan.stack.package_managers),
        frameworks=list(dict.fromkeys([*scan.stack.frameworks, *sorted(_model_frameworks(scan))])),
        schema=schema,
        points=points,
        jobs=scan.by_kind(Kind.SCHEDULED_JOB),
        webhooks=scan.by_kind(Kind.WEBHOOK_HANDLER),
        senders=_senders(scan),
    )
    facts.python_package = _python_package(scan)
    facts.root = scan.root
    facts.ts_lib_dir = _ts_lib_dir(scan)
    facts.ts_packages = _ts_packages(scan)
    facts.managers = list(scan.stack.package_managers)
    _place_in_workspace(facts, Path(scan.root))
    facts.existing_files = frozenset(t.file for t in scan.touchpoints)
    facts.personize_calls = scan.by_kind(Kind.PERSONIZE_CALL)
    facts.later_points = [t for t in later if t.kind not in (Kind.WEBHOOK_HANDLER, Kind.SCHEDULED_JOB)]
    return facts


def _languages(scan: RepoScan) -> list[Lang]:
    """The languages to write code in: those with touchpoints (a Django app's five static
    .js files get no TypeScript client), else those with source files."""
    counts = scan.stack.languages
    ts = sum(n for lang, n in counts.items() if lang in _TS_LANGS)
    py = sum(n for lang, n in counts.items() if lang in _PY_LANGS)
    located = {_language_of_file(t.file) for t in scan.touchpoints} - {None}
    if located:
        ts, py = (ts if "ts" in located else 0), (py if "py" in located else 0)
    if not ts and not py:
        ts = sum(1 for t in scan.touchpoints if (t.language or "") in _TS_LANGS)
        py = sum(1 for t in scan.touchpoints if (t.language or "") in _PY_LANGS)
    langs: list[Lang] = []
    if ts:
        langs.append("ts")
    if py:
        langs.append("py")
    langs.sort(key=lambda lang: -(ts if lang == "ts" else py))
    return langs or ["ts"]


def _language_of_file(path: str) -> Lang | None:
    if path.endswith((".py", ".pyi")):
        return "py"
    if path.endswith(_TS_FILES):
        return "ts"
    return None  # prisma/yaml/json: the schema, not the code that will call Personize


def _model_frameworks(scan: RepoScan) -> set[str]:
    return {t.framework for t in scan.by_kind(Kind.DATA_MODEL) if t.framework}


# How many touchpoints of each kind a plan details, so one busy kind cannot crowd out the rest.
PER_KIND_CAP: dict[Kind, int] = {Kind.EMAIL_SEND: 3, Kind.NOTIFICATION: 2}
MAX_POINTS = 8


def _points(scan: RepoScan, discovery: Discovery, focus: Focus) -> tuple[list[Touchpoint], list[Touchpoint]]:
    """Touchpoints worth a personalization step: priority channel first, named wrappers
    before route handlers, at most PER_KIND_CAP of a kind and MAX_POINTS overall; only the
    channels the user chose, when they chose."""
    priority = str(discovery.value("priority_channel", "") or "").lower()
    # The same places PROPOSE ranks (`places`), less what a plan cannot act on with confidence.
    chosen = [tp for tp in places(scan) if tp.kind in POINT_KINDS and tp.confidence != "low"
              and focus.allows_channel(tp) and not runs_in_browser(scan.root, tp.file, tp.symbol)]

    def rank(tp: Touchpoint) -> tuple[int, int, int, int, str, int]:
        channel = tp.channel or ("email" if tp.kind == Kind.EMAIL_SEND else "")
        first = 0 if priority and channel and channel in priority else 1
        return (first, POINT_KINDS.index(tp.kind), 0 if is_named_function(tp) else 1,
                quick_win_rank(tp), tp.file, tp.line)

    picked: list[Touchpoint] = []
    for tp in sorted(chosen, key=rank):
        if sum(1 for p in picked if p.kind == tp.kind) < PER_KIND_CAP.get(tp.kind, 1):
            picked.append(tp)
    picked = picked[:MAX_POINTS]
    later = [tp for tp in sorted(chosen, key=rank) if tp not in picked]
    return picked, later


def pin_points(facts: RepoFacts, pinned: list[Touchpoint]) -> None:
    """The touchpoints the user (or the quick win) put first lead the plan's points; the rest
    keep their rank, and what no longer fits moves to the ongoing phase."""
    if not pinned or [p.id for p in facts.points[:len(pinned)]] == [p.id for p in pinned]:
        return
    places_pinned = {(t.file, t.symbol) for t in pinned}
    rest = [p for p in facts.points if (p.file, p.symbol) not in places_pinned]
    ordered = [*pinned, *rest]
    facts.points = ordered[:max(MAX_POINTS, len(pinned))]
    dropped = [p for p in ordered[len(facts.points):] if p.kind not in (Kind.WEBHOOK_HANDLER, Kind.SCHEDULED_JOB)]
    facts.later_points = [*dropped, *(p for p in facts.later_points if (p.file, p.symbol) not in places_pinned)]


def _senders(scan: RepoScan) -> dict[str, Touchpoint]:
    """channel -> the function that delivers it, preferring named wrappers over route handlers."""
    senders: dict[str, Touchpoint] = {}
    sends = scan.by_kind(Kind.EMAIL_SEND) + scan.by_kind(Kind.NOTIFICATION)
    for tp in sorted(sends, key=lambda t: (0 if is_named_function(t) else 1, quick_win_rank(t), t.file, t.line)):
        channel = tp.channel or ("email" if tp.kind == Kind.EMAIL_SEND else "")
        if channel and channel != "other" and not tp.wraps:
            senders.setdefault(channel, tp)
    return senders


def _python_package(scan: RepoScan) -> str:
    """Where new Python modules go: the project package (a root-level package holding
    settings.py / celery.py, as Django and Celery projects have), else the top-level
    package most Python touchpoints live in."""
    root = Path(scan.root)
    if root.is_dir():
        projects = sorted(p.parent.name for p in root.glob("*/__init__.py")
                          if (p.parent / "settings.py").exists() or (p.parent / "celery.py").exists())
        if projects:
            return projects[0]
    tops = [PurePosixPath(t.file).parts[0] for t in scan.touchpoints
            if t.file.endswith(".py") and len(PurePosixPath(t.file).parts) > 1]
    return max(sorted(set(tops)), key=tops.count) if tops else "app"


def _ts_lib_dir(scan: RepoScan) -> str:
    """`src/lib` when the repo has one (Next.js convention), else `lib`, else `src/lib`."""
    dirs = {str(PurePosixPath(t.file).parent) for t in scan.touchpoints
            if t.file.endswith((".ts", ".tsx", ".js", ".mjs"))}
    for candidate in ("src/lib", "lib", "src/server", "src/services", "services"):
        if candidate in dirs:
            return candidate
    return "src/lib"


_TS_FILES = (".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx")


def _place_in_workspace(facts: RepoFacts, root: Path) -> None:
    """In a monorepo whose touchpoints all live in workspace packages, the package that owns
    the first one becomes home to the shared modules; the others still get their copies."""
    if not root.is_dir() or not is_workspace_root(root):
        return
    facts.workspace = True
    facts.package_names = {d: n for d in facts.ts_packages if (n := package_name(root, d))}
    owners = [facts.package_of(t.file) for t in facts.points if t.file.endswith(_TS_FILES)]
    homes = [o for o in owners if o is not None]
    if not homes or len(homes) < len(owners):
        return  # the root package holds code of its own: it stays home
    facts.home_package = homes[0]
    facts.ts_lib_dir = facts.ts_packages.pop(homes[0])


def _ts_packages(scan: RepoScan) -> dict[str, str]:
    """Nested packages (a directory below the root with its own package.json) that hold
    touchpoints. Only a repo on disk is inspected; hand-built scans have none."""
    root = Path(scan.root)
    if not root.is_dir():
        return {}
    found: dict[str, str] = {}
    for tp in scan.touchpoints:
        if not tp.file.endswith(_TS_FILES):
            continue
        parent = PurePosixPath(tp.file).parent
        while parent.name:
            if (root / parent / "package.json").is_file():
                lib = "src/lib" if (root / parent / "src").is_dir() else "lib"
                found[str(parent)] = f"{parent}/{lib}"
                break
            parent = parent.parent
    return found
