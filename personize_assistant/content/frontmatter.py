"""Split a markdown file into YAML front matter and body, and validate the front matter.

Every failure becomes a `ContentError` that names the file and the problem in one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from personize_assistant.errors import AssistantError

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The C loader is ~10x faster; fall back when PyYAML was built without libyaml."""


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """Safe loader that rejects duplicate keys (YAML would silently keep the last)."""


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)

M = TypeVar("M", bound=BaseModel)
_FENCE = "---"


class ContentError(AssistantError):
    """A skill-library file is broken: bad YAML, a missing or mistyped key, a dangling
    reference. The message always starts with the file's path."""

    exit_code = 2

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, f"cannot read: {exc}") from exc


def parse_yaml(path: Path, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(path, f"invalid YAML{where}: {problem}") from exc


def split(path: Path) -> tuple[dict[str, Any], str]:
    """Return (front matter mapping, markdown body) of a `---` fenced document."""
    text = read_text(path)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        raise ContentError(path, "missing YAML front matter (the file must start with '---')")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == _FENCE), None)
    if end is None:
        raise ContentError(path, "front matter is not closed with a '---' line")
    # Blank lines keep YAML's line numbers equal to the file's in error messages.
    data = parse_yaml(path, "\n" + "".join(lines[1:end]))
    if not isinstance(data, dict):
        raise ContentError(path, "front matter must be a YAML mapping")
    return data, "".join(lines[end + 1 :]).lstrip("\n")


def validate(path: Path, model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(path, describe(exc)) from exc


def describe(exc: ValidationError) -> str:
    """The first validation error as `key.path: message` (plus a count of the rest)."""
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "front matter"
    message = first["msg"]
    if first["type"] == "missing":
        message = "required key is missing"
    elif first["type"] == "extra_forbidden":
        message = "unknown key"
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}"
