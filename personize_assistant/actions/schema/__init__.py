"""SCHEMA: Personize collections and properties from the repo's models.

Entry point `design_schema` (and `apply_schema` to create them); the artifact model and
its renderers are `artifact.py`."""

from personize_assistant.actions.common.schema_decisions import SchemaDecisions
from personize_assistant.actions.schema.action import SchemaOptions, app_name_from, design_schema
from personize_assistant.actions.schema.create import apply_schema
from personize_assistant.actions.schema.decide import DecisionError

__all__ = ["DecisionError", "SchemaDecisions", "SchemaOptions", "app_name_from", "apply_schema", "design_schema"]
