"""Typed front matter of the skill library.

Every `reference/<action>.md` starts with YAML front matter that code reads: the
questions DISCOVER asks, the use cases PROPOSE ranks, the items a PLAN must contain,
the channel limits GENERATE checks, and so on. These models are the contract between
those documents and the actions, the offline engine and the deterministic checks.
A document that does not fit its model fails to load (see `content/loader.py`).
One module per action; everything is re-exported here.
"""

from __future__ import annotations

from personize_assistant.content.models.collection import (
    CollectionDefinition,
    PropertyDefinition,
)
from personize_assistant.content.models.common import (
    SDK_METHODS,
    SURFACES,
    Confidence,
    Kind,
    Level,
    ReferenceMeta,
    Regex,
    Rule,
    SdkMethod,
    Severity,
    Slug,
    Strict,
    Surface,
)
from personize_assistant.content.models.discover import (
    DISCOVERY_FIELDS,
    DiscoverMeta,
    DiscoveryField,
    DiscoveryFieldSpec,
    Question,
    QuestionGroup,
    QuestionGroupId,
)
from personize_assistant.content.models.generate import (
    ChannelId,
    ChannelSpec,
    GenerateMeta,
    LinkRules,
    Markup,
    OutputField,
    ReviewTrigger,
)
from personize_assistant.content.models.plan import (
    LOOP_ORDER,
    BatchPacing,
    LoopStep,
    LoopStepId,
    MustInclude,
    Phase,
    PlanLimit,
    PlanMeta,
    PlanSection,
    PlanSectionId,
)
from personize_assistant.content.models.propose import (
    Persona,
    PersonaId,
    ProposeMeta,
    RankingWeights,
    StoryTemplate,
    SurfaceArea,
    UseCase,
)
from personize_assistant.content.models.review import (
    AntiPattern,
    AuditArea,
    AuditAreaId,
    ReviewMeta,
)
from personize_assistant.content.models.schema import (
    CollectionRecommendation,
    DescriptionRules,
    ExtractionRule,
    PropertyType,
    PropertyTypeSpec,
    SchemaMeta,
    SpecField,
    SpecFormat,
    UpdateMode,
)
from personize_assistant.content.models.skill import (
    PromptWritingMeta,
    SkillAction,
    SkillMeta,
    SkillRedirect,
)
from personize_assistant.content.models.wire import (
    AuthPolicy,
    DegradationPolicy,
    DeliveryRate,
    IntegrationPattern,
    PatternId,
    WireMeta,
)

REFERENCE_META_TYPES: dict[str, type[ReferenceMeta]] = {
    "discover": DiscoverMeta,
    "propose": ProposeMeta,
    "plan": PlanMeta,
    "schema": SchemaMeta,
    "generate": GenerateMeta,
    "wire": WireMeta,
    "review": ReviewMeta,
}
"""The seven action docs; any other `reference/*.md` loads with plain ReferenceMeta."""

__all__ = [
    "DISCOVERY_FIELDS",
    "LOOP_ORDER",
    "REFERENCE_META_TYPES",
    "SDK_METHODS",
    "SURFACES",
    "AntiPattern",
    "AuditArea",
    "AuditAreaId",
    "AuthPolicy",
    "BatchPacing",
    "ChannelId",
    "ChannelSpec",
    "CollectionDefinition",
    "CollectionRecommendation",
    "Confidence",
    "DegradationPolicy",
    "DeliveryRate",
    "DescriptionRules",
    "DiscoverMeta",
    "DiscoveryField",
    "DiscoveryFieldSpec",
    "ExtractionRule",
    "GenerateMeta",
    "IntegrationPattern",
    "Kind",
    "Level",
    "LinkRules",
    "LoopStep",
    "LoopStepId",
    "Markup",
    "MustInclude",
    "OutputField",
    "PatternId",
    "Persona",
    "PersonaId",
    "Phase",
    "PlanLimit",
    "PlanMeta",
    "PlanSection",
    "PlanSectionId",
    "PromptWritingMeta",
    "PropertyDefinition",
    "PropertyType",
    "PropertyTypeSpec",
    "ProposeMeta",
    "Question",
    "QuestionGroup",
    "QuestionGroupId",
    "RankingWeights",
    "ReferenceMeta",
    "Regex",
    "ReviewMeta",
    "ReviewTrigger",
    "Rule",
    "SchemaMeta",
    "SdkMethod",
    "Severity",
    "SkillAction",
    "SkillMeta",
    "SkillRedirect",
    "Slug",
    "SpecField",
    "SpecFormat",
    "StoryTemplate",
    "Strict",
    "Surface",
    "SurfaceArea",
    "UpdateMode",
    "UseCase",
    "WireMeta",
]
