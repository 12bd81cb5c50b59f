"""Rule files: the vocabularies and patterns the stages read as data, each a YAML file
beside its code, validated into a Pydantic model. A missing, non-YAML or invalid file is
a RuleError that names the file, never a traceback from deep inside a detector."""

from __future__ import annotations

from importlib.resources import files
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from personize_assistant.errors import AssistantError

M = TypeVar("M", bound=BaseModel)

# libyaml's safe loader is ~10x faster than the pure-Python one (same data).
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RuleError(AssistantError):
    """A rule file shipped with the package is missing, not YAML, or invalid."""


def load_yaml(text: str) -> Any:
    """YAML's safe subset, through libyaml when it is installed."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def parse_rules(where: str, text: str, model: type[M]) -> M:
    """Validate one rule file's text; every failure names the file (`where`)."""
    try:
        raw: Any = load_yaml(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"{where}: not valid YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise RuleError(f"{where}: {problems}") from exc


def load_rules(package: str, name: str, model: type[M]) -> M:
    """`package`'s rule file `name` as `model` (callers cache it)."""
    where = f"{package.removeprefix('personize_assistant.').replace('.', '/')}/{name}"
    try:
        text = files(package).joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"{where}: cannot be read: {exc}") from exc
    return parse_rules(where, text, model)
