"""The skill library: skills, reference docs, recipes, channels and starter schemas,
loaded from markdown/JSON files into typed models (`load_library()`)."""

from personize_assistant.content.frontmatter import ContentError
from personize_assistant.content.library import (
    Channel,
    Library,
    PromptWritingDoc,
    Recipe,
    RecipeVariant,
    ReferenceDoc,
    SkillDoc,
    StarterSchema,
)
from personize_assistant.content.loader import CONTENT_DIR_ENV, content_root, load_library

__all__ = [
    "CONTENT_DIR_ENV",
    "Channel",
    "ContentError",
    "Library",
    "PromptWritingDoc",
    "Recipe",
    "RecipeVariant",
    "ReferenceDoc",
    "SkillDoc",
    "StarterSchema",
    "content_root",
    "load_library",
]
