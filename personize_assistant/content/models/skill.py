"""Front matter of SKILL.md files and prompt-writing docs."""

from __future__ import annotations

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    Rule,
    Slug,
    Strict,
    unique_ids,
)


class SkillAction(Strict):
    id: Slug
    title: str
    when: str
    reference: str
    """The reference doc read when the action starts (a key of Library.references)."""


class SkillRedirect(Strict):
    situation: str
    use_instead: str
    """Another skill in this library, or an external Personize skill name."""


class SkillMeta(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str
    order: int = 100
    """Listing order (lowest first); the primary skill sorts before the helpers."""
    description: str
    when_to_use: list[str] = Field(min_length=1)
    when_not_to_use: list[SkillRedirect] = Field(default_factory=list)
    actions: list[SkillAction] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_actions(self) -> SkillMeta:
        unique_ids([a.id for a in self.actions], "action id")
        return self


class PromptWritingMeta(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str
    summary: str
    checks: list[Rule] = Field(default_factory=list)
    """Machine-readable rules/checks (used by REVIEW and the pre-flight check)."""
