"""DISCOVER: what the code says about the product, and the questions for the rest.

The `Discovery` model itself is shared by every action (`actions/common/discovery.py`);
this package asks, records and reports (`render.py`)."""

from personize_assistant.actions.discover.action import (
    DiscoveryReport,
    answer_field,
    answers_mapping,
    answers_yaml,
    apply_corrections,
    discovery_report,
    interview,
    next_questions,
    record_answer,
)

__all__ = [
    "DiscoveryReport",
    "answer_field",
    "answers_mapping",
    "answers_yaml",
    "apply_corrections",
    "discovery_report",
    "interview",
    "next_questions",
    "record_answer",
]
