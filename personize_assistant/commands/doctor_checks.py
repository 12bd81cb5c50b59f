"""The checks behind `doctor`: what works on this machine, offline and with each key.

Every check returns one `Check` with a one-line summary; a failing check says what to do.
Missing keys are not failures: the offline paths work without them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from personize_assistant.config import (
    ConfigError,
    Settings,
    config_path,
    holds_key,
    load_settings,
    read_config_file,
    unknown_keys,
)
from personize_assistant.errors import AssistantError
from personize_assistant.personize.client import PersonizeError
from personize_assistant.personize.connect import client_from_settings
from personize_assistant.personize.models import MeInfo, RateBudget
from personize_assistant.redact import redact

MIN_PYTHON = (3, 11)
OFFLINE_FEATURES = "scanning your repo, planning, schema design, code generation and wiring"
PERSONIZE_FEATURES = "account and rate-limit checks, `collections`, creating schemas in Personize"
ANTHROPIC_FEATURES = "the conversational assistant (without it the offline engine answers)"

# (label, module, language factory, one line of source)
GRAMMARS: tuple[tuple[str, str, str, bytes], ...] = (
    ("python", "tree_sitter_python", "language", b"x = 1\n"),
    ("javascript", "tree_sitter_javascript", "language", b"let x = 1;\n"),
    ("typescript", "tree_sitter_typescript", "language_typescript", b"let x: number = 1;\n"),
    ("tsx", "tree_sitter_typescript", "language_tsx", b"const a = <div />;\n"),
    ("yaml", "tree_sitter_yaml", "language", b"a: 1\n"),
)


class Status(StrEnum):
    OK = "ok"
    SKIP = "skip"
    WARN = "warn"
    FAIL = "fail"


class Check(BaseModel):
    name: str
    status: Status
    summary: str


class DoctorReport(BaseModel):
    checks: list[Check]
    account: MeInfo | None = None
    rate_budget: RateBudget | None = None

    @property
    def ok(self) -> bool:
        return all(check.status is not Status.FAIL for check in self.checks)


def check_python() -> Check:
    version = ".".join(str(part) for part in sys.version_info[:3])
    if sys.version_info[:2] < MIN_PYTHON:
        return Check(
            name="python",
            status=Status.FAIL,
            summary=f"Python {version}: install Python 3.11 or newer",
        )
    return Check(name="python", status=Status.OK, summary=f"Python {version}")


def check_content() -> Check:
    from personize_assistant.content import load_library

    try:
        library = load_library()
    except Exception as exc:  # any loader failure is reported, not raised: doctor must finish
        return Check(
            name="content",
            status=Status.FAIL,
            summary=f"content library failed to load: {_line(exc)}",
        )
    counts = {
        "skills": len(library.skills),
        "references": len(library.references),
        "recipes": len(library.recipes),
        "channels": len(library.channels),
    }
    described = ", ".join(f"{count} {part}" for part, count in counts.items())
    return Check(name="content", status=Status.OK, summary=f"content library loaded: {described}")


def check_grammars() -> Check:
    from tree_sitter import Language, Parser

    failed: list[str] = []
    for label, module_name, factory, source in GRAMMARS:
        try:
            language = Language(getattr(import_module(module_name), factory)())
            tree = Parser(language).parse(source)
            if tree.root_node.has_error:
                failed.append(f"{label} (parse error)")
        except Exception as exc:  # a broken wheel raises anything from ImportError to OSError
            failed.append(f"{label} ({_line(exc)})")
    if failed:
        summary = f"tree-sitter grammars broken: {', '.join(failed)}; reinstall personize-assistant"
        return Check(name="tree-sitter", status=Status.FAIL, summary=summary)
    names = ", ".join(label for label, *_ in GRAMMARS)
    return Check(name="tree-sitter", status=Status.OK, summary=f"grammars parse: {names}")


def check_config(path: Path) -> Check:
    if not path.exists():
        return Check(
            name="config",
            status=Status.OK,
            summary=f"no config file at {path} (defaults and environment apply)",
        )
    try:
        values = read_config_file(path)
    except ConfigError as exc:
        return Check(name="config", status=Status.FAIL, summary=redact(str(exc)))
    return _config_warning(path, values) or Check(
        name="config", status=Status.OK, summary=f"config file {path} parses"
    )


def _config_warning(path: Path, values: dict[str, Any]) -> Check | None:
    """Keys in a file others can read, and settings the file spells wrong."""
    problems = []
    if holds_key(values) and path.stat().st_mode & 0o077:
        problems.append(f"it holds an API key and others can read it (chmod 600 {path})")
    if unknown := unknown_keys(values):
        problems.append(f"unknown settings ignored: {', '.join(unknown)}")
    if not problems:
        return None
    return Check(name="config", status=Status.WARN, summary=f"{path}: {'; '.join(problems)}")


def load_checked_settings(loader: Callable[[], Settings]) -> tuple[Settings | None, Check | None]:
    try:
        return loader(), None
    except ConfigError as exc:
        summary = f"settings are invalid: {exc.detail}; fix the environment or {config_path()}"
        return None, Check(name="settings", status=Status.FAIL, summary=summary)


def check_personize(settings: Settings) -> tuple[Check, MeInfo | None, RateBudget | None]:
    if settings.personize_secret_key is None:
        summary = f"PERSONIZE_SECRET_KEY not set (environment or config file); needed for {PERSONIZE_FEATURES}"
        return Check(name="personize", status=Status.SKIP, summary=summary), None, None
    try:
        with client_from_settings(settings) as client:
            me = MeInfo.from_api(client.me())
    except (PersonizeError, AssistantError) as exc:  # AssistantError: e.g. a malformed base URL
        return Check(name="personize", status=Status.FAIL, summary=redact(str(exc))), None, None
    enterprise = "enterprise" in (me.plan_name or me.plan_id or "").lower()
    budget = RateBudget.for_limits(me.limits, max_rows_per_call=5000 if enterprise else 500)
    summary = f"key accepted: {me.organization_label}, plan {me.plan_name or me.plan_id or 'unknown'}, {_limits(me)}"
    return Check(name="personize", status=Status.OK, summary=summary), me, budget


def check_anthropic(settings: Settings) -> Check:
    if settings.anthropic_api_key is None:
        summary = f"ANTHROPIC_API_KEY not set; needed for {ANTHROPIC_FEATURES}"
        return Check(name="anthropic", status=Status.SKIP, summary=summary)
    summary = f"ANTHROPIC_API_KEY set; model {settings.model} (not called by doctor)"
    return Check(name="anthropic", status=Status.OK, summary=summary)


def _settings_quietly() -> Settings:
    return load_settings(warn_unknown=False)


def run_doctor(loader: Callable[[], Settings] = _settings_quietly) -> DoctorReport:
    checks = [check_python(), check_content(), check_grammars(), check_config(config_path())]
    settings, problem = load_checked_settings(loader)
    if settings is None:
        if problem and checks[-1].status is not Status.FAIL:  # a bad config file is reported once
            checks.append(problem)
        skipped = "skipped until the settings load"
        checks += [
            Check(name=name, status=Status.SKIP, summary=skipped)
            for name in ("personize", "anthropic")
        ]
        return DoctorReport(checks=checks)
    personize, account, budget = check_personize(settings)
    checks += [personize, check_anthropic(settings)]
    return DoctorReport(checks=checks, account=account, rate_budget=budget)


def _limits(me: MeInfo) -> str:
    minute = (
        f"{me.limits.per_minute:,} calls/min"
        if me.limits.per_minute
        else "per-minute limit not reported"
    )
    month = f", {me.limits.per_month:,} calls/month" if me.limits.per_month else ""
    return minute + month


def _line(exc: BaseException) -> str:
    return redact(" ".join(str(exc).split()) or type(exc).__name__)
