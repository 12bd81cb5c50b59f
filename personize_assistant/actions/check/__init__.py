"""CHECK: lint a generated message against the channel rules in `reference/generate.md`.

Entry point `check_message`; the report model is `model.py`, its renderers `render.py`."""

from personize_assistant.actions.check.action import CHANNELS, CheckOptions, check_message

__all__ = ["CHANNELS", "CheckOptions", "check_message"]
