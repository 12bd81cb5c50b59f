"""Settings from the environment and a TOML file in the user config dir.

Precedence (highest first): init arguments, environment variables, the TOML file,
defaults. Secrets are `SecretStr` so they never show up in a repr or a log line.

`load_settings` is the one way in: a file that cannot be read, is not UTF-8 or not TOML,
or a value that does not validate, raises `ConfigError`, one line naming the file (or the
variable) and the problem; keys the settings do not know are named in a warning.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from personize_assistant import locations
from personize_assistant.errors import UsageError
from personize_assistant.redact import redact

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
        return (init_settings, env_settings, _ConfigFile(settings_cls))


class ConfigError(UsageError):
    """The settings cannot be loaded; `detail` is the problem without the advice."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


class _ConfigFile(PydanticBaseSettingsSource):
    """The TOML file, read by `read_config_file` (one-line errors, not tracebacks)."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ returns the whole file

    def __call__(self) -> dict[str, Any]:
        return read_config_file(config_path())


def read_config_file(path: Path) -> dict[str, Any]:
    """The file's table ({} when there is none); ConfigError naming the file otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}", f"cannot read {path}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        detail = f"{path} is not UTF-8 text (byte {exc.start})"
        raise ConfigError(f"{detail}; save it as UTF-8", detail) from None
    except tomllib.TOMLDecodeError as exc:
        detail = f"{path} is not valid TOML ({redact(str(exc))})"
        raise ConfigError(f"{detail}; fix or remove it", detail) from None


KEY_FIELDS = ("anthropic_api_key", "personize_secret_key")


def known_keys() -> set[str]:
    """Every spelling a setting may have in the file: field names and their aliases."""
    known = set(Settings.model_fields)
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        known |= {str(choice) for choice in alias.choices} if isinstance(alias, AliasChoices) else set()
    return known


def unknown_keys(values: dict[str, Any]) -> list[str]:
    return sorted(set(values) - known_keys())


def holds_key(values: dict[str, Any]) -> bool:
    spellings = {k.lower() for k in KEY_FIELDS}
    return any(key.lower() in spellings and value for key, value in values.items())


_warned: set[Path] = set()


def load_settings(*, warn_unknown: bool = True, **overrides: Any) -> Settings:
    """The settings, or ConfigError (one line); warns once about keys the file should not hold
    (`doctor` reports them as a check of its own instead)."""
    path = config_path()
    unknown = unknown_keys(read_config_file(path)) if warn_unknown else []
    if unknown and path not in _warned:
        _warned.add(path)
        sys.stderr.write(f"warning: {path}: unknown settings ignored: {', '.join(unknown)}\n")
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        detail = first_error(exc)
        raise ConfigError(f"cannot load settings ({detail}); fix the environment or {path}", detail) from None


def first_error(exc: ValidationError) -> str:
    """One redacted line: the first field error."""
    if not exc.errors():
        return redact(" ".join(str(exc).split()))
    error = exc.errors()[0]
    return redact(f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}")


def config_path() -> Path:
    return locations.config_file()
