"""Every on-disk location the tool uses, in one place (XDG via platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path

APP_NAME = "personize-assistant"


def config_file() -> Path:
    """The TOML settings file; `PERSONIZE_ASSISTANT_CONFIG` overrides the default."""
    override = os.environ.get("PERSONIZE_ASSISTANT_CONFIG")
    if override:
        return Path(override).expanduser()
    return user_config_path(APP_NAME) / "config.toml"


def cache_dir() -> Path:
    override = os.environ.get("PERSONIZE_ASSISTANT_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    return user_cache_path(APP_NAME)


def data_dir() -> Path:
    override = os.environ.get("PERSONIZE_ASSISTANT_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return user_data_path(APP_NAME)
