"""REVIEW: an audit of an existing Personize integration.

Entry point `review_repo`; the findings model is `model.py`, its renderers `render.py`."""

from personize_assistant.actions.review.action import review_repo
from personize_assistant.actions.review.rules import rules_from_meta

__all__ = ["review_repo", "rules_from_meta"]
