"""Sends whose content is rendered from a template (React Email, Django, Jinja): the
forms are data (`templates.yaml`), so `wire --list` can say what renders the content."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import yaml
from pydantic import BaseModel, ConfigDict


class TemplateRender(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    form: str
    pattern: re.Pattern[str]


class TemplateRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    renders: list[TemplateRender]


@cache
def template_rules() -> TemplateRules:
    text = files("personize_assistant.actions.wire").joinpath("templates.yaml").read_text(encoding="utf-8")
    return TemplateRules.model_validate(yaml.safe_load(text))


def template_form(code: str) -> str | None:
    """The template form that renders the content in `code`, if any."""
    return next((r.form for r in template_rules().renders if r.pattern.search(code)), None)
