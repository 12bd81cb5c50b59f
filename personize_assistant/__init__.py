"""personize-assistant: plan and wire AI personalization with Personize in your own code."""

__version__ = "0.1.0"
