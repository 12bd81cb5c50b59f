"""PROPOSE: ranked opportunities tied to real touchpoints, a quick win and user stories.

Entry point `build_proposal`; the artifact model and its renderers are `artifact.py`."""

from personize_assistant.actions.propose.action import PERSONAS, ProposeOptions, build_proposal
from personize_assistant.actions.propose.quick_win import Readiness, WireCheck

__all__ = ["PERSONAS", "ProposeOptions", "Readiness", "WireCheck", "build_proposal"]
