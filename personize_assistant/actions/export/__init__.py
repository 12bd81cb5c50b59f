"""EXPORT: discovery, proposal, schema and plan in one folder, redacted."""

from personize_assistant.actions.export.action import (
    ExportResult,
    check_destination,
    export_documents,
    write_export,
)

__all__ = ["ExportResult", "check_destination", "export_documents", "write_export"]
