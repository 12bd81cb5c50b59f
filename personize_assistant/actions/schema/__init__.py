"""SCHEMA: Personize collections and properties from the repo's models.

Entry point `design_schema` (and `apply_schema` to create them); the artifact model and
its renderers are `artifact.py`."""

from personize_assistant.actions.schema.action import SchemaOptions, app_name_from, design_schema
from personize_assistant.actions.schema.create import apply_schema

__all__ = ["SchemaOptions", "app_name_from", "apply_schema", "design_schema"]
