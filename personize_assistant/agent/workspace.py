"""The state a conversation works on: the repo, its scan, the discovery and the artifacts.

Tools (`agent/tools*.py`) read and update a Workspace; both engines share one. Sync on
purpose: actions are plain functions and tools run in a worker thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.agent.events import ArtifactKind, Question, StoredArtifact
from personize_assistant.redact import redact, redact_tree

if TYPE_CHECKING:
    from personize_assistant.content.library import Library
    from personize_assistant.scan.engine import ProgressFn
    from personize_assistant.scan.models import RepoScan


class Workspace:
    def __init__(self, root: Path, library: Library, answers: dict[str, Any] | None = None) -> None:
        self.root = root
        self.library = library
        self.user_message = ""
        """The user's message in the current turn (read_file opens a private file only if it names it)."""
        self.scan: RepoScan | None = None
        self.answers: dict[str, Any] = dict(answers or {})
        """What the user said (`user` facts); laid over the scan's prefill."""
        self.discovery = Discovery()
        self.artifacts: list[StoredArtifact] = []
        self.pending_questions: list[Question] = []
        self.asked: list[str] = []
        self.answered: dict[str, Question] = {}
        """field -> the question a free-text answer was taken for (asked again if taken back)."""
        self._scan_lock = threading.Lock()
        self._refresh_discovery()

    # ------------------------------------------------------------------ scan

    def require_scan(self, *, rescan: bool = False, progress: ProgressFn | None = None) -> RepoScan:
        """The repo scan, computed once (thread-safe) unless `rescan`; `progress` hears
        about parsed files (and a fallback to one process) from the scanning thread."""
        with self._scan_lock:
            if self.scan is None or rescan:
                from personize_assistant.scan import scan_repo

                self.use_scan(scan_repo(self.root, progress=progress))
            assert self.scan is not None  # use_scan set it
            return self.scan

    def use_scan(self, scan: RepoScan) -> None:
        """Work on `scan` (made elsewhere, e.g. handed to a worker process)."""
        self.scan = scan
        self._refresh_discovery()

    # ------------------------------------------------------------------ discovery

    def record_answers(self, answers: dict[str, Any]) -> list[str]:
        """Validate and keep `answers` (user facts); returns the fields recorded."""
        from personize_assistant.actions.common.discovery import answers_from_mapping

        answers_from_mapping(answers, origin="answer")  # raises UsageError on bad input
        self.answers.update(answers)
        self._refresh_discovery()
        return list(answers)

    def forget_answer(self, field: str) -> Any:
        """Take back what the user said for `field` (the scan's prefill shows again); returns it."""
        value = self.answers.pop(field, None)
        self._refresh_discovery()
        return value

    def _refresh_discovery(self) -> None:
        from personize_assistant.actions.common.discovery import (
            answers_from_mapping,
            prefill_from_scan,
        )

        base = prefill_from_scan(self.scan, self.library) if self.scan is not None else Discovery()
        self.discovery = base.merged_with(answers_from_mapping(self.answers)) if self.answers else base

    def discovery_complete(self) -> bool:
        return self.discovery.is_complete(self.library.discover.meta.min_known_fields)

    # ------------------------------------------------------------------ artifacts

    def add_artifact(self, kind: ArtifactKind, title: str, markdown: str, data: dict[str, Any]) -> StoredArtifact:
        """Store an artifact under a sequential id (`plan-2`): deterministic across runs."""
        number = 1 + sum(1 for a in self.artifacts if a.kind == kind)
        artifact = StoredArtifact(id=f"{kind}-{number}", kind=kind, title=redact(title),
                                  markdown=redact(markdown), data=redact_tree(data))
        self.artifacts.append(artifact)
        return artifact

    def artifact(self, artifact_id: str) -> StoredArtifact | None:
        return next((a for a in self.artifacts if a.id == artifact_id), None)
