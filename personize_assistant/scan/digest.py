"""The rules' version: a hash of every rules file and of the scanner's code.

Kept apart from the catalog so a warm rescan can check its cache without loading (or
even importing) the rules themselves.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files


@cache
def rules_digest() -> str:
    """Hash of every rules file and of the extractors' code: part of the cache version,
    so an edited rule or extractor never serves stale facts."""
    package = files("personize_assistant.scan")
    digest = hashlib.sha1()
    code = sorted(e.name for e in package.iterdir() if e.name.endswith(".py"))
    for name in [*rule_files(), *code]:
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


def rule_files() -> list[str]:
    """Every rules file: the YAML rule files (catalog, senders, people, models, secrets)
    and the tree-sitter queries, as paths inside the scan package."""
    package = files("personize_assistant.scan")
    yaml_files = sorted(e.name for e in package.iterdir() if e.name.endswith(".yaml"))
    return yaml_files + [f"queries/{n}" for n in sorted(_query_names())]


def _query_names() -> list[str]:
    folder = files("personize_assistant.scan").joinpath("queries")
    return [entry.name for entry in folder.iterdir() if entry.name.endswith(".scm")]
