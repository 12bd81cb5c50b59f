"""GENERATE: the generation function for one touchpoint's channel.

Entry point `generate`; the artifact model and its renderers are `artifact.py`."""

from personize_assistant.actions.generate.action import GenerateOptions, generate

__all__ = ["GenerateOptions", "generate"]
