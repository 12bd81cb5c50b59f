"""Helpers for the REVIEW tests: write a tiny repo, scan it, review it."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.actions.review.action import review_repo
from personize_assistant.actions.review.model import ReviewArtifact
from personize_assistant.content import load_library
from personize_assistant.scan import scan_repo

TS_HEAD = """import { Personize } from '@personize/sdk';
const client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY ?? '', timeout: 3000 });
"""
PY_HEAD = """import os

from personize import Personize

client = Personize(secret_key=os.environ.get("PERSONIZE_SECRET_KEY", ""))
"""


def write_repo(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def review_files(root: Path, files: dict[str, str]) -> ReviewArtifact:
    write_repo(root, files)
    return review_repo(scan_repo(root, use_cache=False, jobs=1), library=load_library())


def rules(artifact: ReviewArtifact) -> set[str]:
    return {f.rule for f in artifact.findings}
