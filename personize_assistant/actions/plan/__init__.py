"""PLAN: an implementation roadmap in the repo's own language and names.

Entry point `build_plan`; the artifact model and its renderers are `artifact.py`."""

from personize_assistant.actions.plan.action import PlanOptions, build_plan, check_plan
from personize_assistant.actions.plan.readiness import wire_readiness

__all__ = ["PlanOptions", "build_plan", "check_plan", "wire_readiness"]
