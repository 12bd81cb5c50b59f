"""WIRE: a patch that connects Personize to the user's own function.

Entry points `wireable` (the candidates) and `wire` (one patch), `write_artifact` to apply
it; the artifact model and its renderers are `artifact.py`."""

from personize_assistant.actions.wire.action import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.library import KIND_PATTERN
from personize_assistant.actions.wire.reviewed import check_reviewed, diff_digest, parse_diff
from personize_assistant.actions.wire.write import write_artifact

__all__ = [
    "KIND_PATTERN",
    "WireOptions",
    "check_reviewed",
    "diff_digest",
    "load_rules",
    "parse_diff",
    "wire",
    "wireable",
    "write_artifact",
]
