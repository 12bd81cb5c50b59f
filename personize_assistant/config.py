"""Settings from the environment and a TOML file in the user config dir.

Precedence (highest first): init arguments, environment variables, the TOML file,
defaults. Secrets are `SecretStr` so they never show up in a repr or a log line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from personize_assistant import locations

DEFAULT_MODEL = "claude-sonnet-5-5"
DEFAULT_PERSONIZE_BASE_URL = "https://agent.personize.ai"


class Settings(BaseSettings):
    """Everything the assistant can be configured with."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    anthropic_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ANTHROPIC_API_KEY", "anthropic_api_key")
    )
    """Enables the Claude-driven conversation; without it the offline engine runs."""

    anthropic_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("ANTHROPIC_BASE_URL", "anthropic_base_url")
    )
    """Alternative Messages API endpoint (proxies, tests)."""

    personize_secret_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("PERSONIZE_SECRET_KEY", "personize_secret_key"),
    )
    """`sk_live_...` / `sk_test_...` key; enables doctor's account checks and `--create`."""

    personize_base_url: str = Field(
        default=DEFAULT_PERSONIZE_BASE_URL,
        validation_alias=AliasChoices("PERSONIZE_BASE_URL", "personize_base_url"),
    )
    """Personize REST API root."""

    personize_timeout: float = Field(
        default=30.0,
        gt=0,
        validation_alias=AliasChoices("PERSONIZE_TIMEOUT", "personize_timeout"),
    )
    """Seconds to wait for each Personize API answer before retrying or giving up."""

    model: str = Field(
        default=DEFAULT_MODEL,
        validation_alias=AliasChoices("PERSONIZE_ASSISTANT_MODEL", "model"),
    )
    """Claude model id used by the conversational engine."""

    max_tool_iterations: int = Field(
        default=12,
        validation_alias=AliasChoices("PERSONIZE_ASSISTANT_MAX_TOOL_ITERATIONS", "max_tool_iterations"),
    )
    """Upper bound on tool-use round trips per user turn."""

    context_budget_tokens: int = Field(
        default=100_000,
        ge=8_000,  # the system prompt and tool declarations alone take ~3k
        validation_alias=AliasChoices("PERSONIZE_ASSISTANT_CONTEXT_BUDGET_TOKENS", "context_budget_tokens"),
    )
    """Estimated size above which a Claude request has its older tool results shortened."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=locations.config_file())
        return (init_settings, env_settings, toml)


def load_settings(**overrides: Any) -> Settings:
    return Settings(**overrides)


def config_path() -> Path:
    return locations.config_file()
