"""Whole-repo detection: facts of every file in, touchpoints out."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.redact import redact
from personize_assistant.scan.catalog import load_catalog
from personize_assistant.scan.detect_buses import broadcast_hits
from personize_assistant.scan.detect_calls import (
    VOCABULARY,
    CallMatcher,
    WrapperAnalysis,
    direct_findings,
)
from personize_assistant.scan.detect_cron_classes import (
    cron_class_findings,
    loop_findings,
    registration_findings,
)
from personize_assistant.scan.detect_declared import auth_hook_findings, snippet_findings
from personize_assistant.scan.detect_indirect import (
    Implementations,
    cli_command,
    request_view,
    thread_run,
    thread_seeds,
)
from personize_assistant.scan.detect_inhouse import inhouse_hits
from personize_assistant.scan.detect_models import ModelDetector
from personize_assistant.scan.detect_outgoing import outgoing_webhook_hits
from personize_assistant.scan.detect_people import (
    segmentation_findings,
    ui_surface_findings,
    user_context_findings,
)
from personize_assistant.scan.detect_registries import registry_findings
from personize_assistant.scan.detect_routes import HandlerDetector
from personize_assistant.scan.detect_schedule import ScheduleDetector
from personize_assistant.scan.detect_trackers import is_tracker_name, tracker_hits
from personize_assistant.scan.facts import FileFacts
from personize_assistant.scan.findings import LANGUAGE_BY_SUFFIX, Finding, name_words
from personize_assistant.scan.models import Touchpoint, touchpoint_id
from personize_assistant.scan.resolve import RepoIndex
from personize_assistant.scan.routes import RouteTable

_RANK = {"high": 0, "medium": 1, "low": 2}
_QUOTED = re.compile(r"""['"]([\w.-]+)['"]""")


def find_touchpoints(facts: dict[str, FileFacts]) -> list[Finding]:
    catalog = load_catalog()
    index = RepoIndex(facts)
    hits = CallMatcher(index, catalog).hits()
    hits += inhouse_hits(index, catalog)
    hits += broadcast_hits(index)
    hits += outgoing_webhook_hits(index, hits)
    tracked, seeds = tracker_hits(index, {(h.file, h.call.scope) for h in hits})
    hits += tracked
    seeds += thread_seeds(index, hits)
    table = RouteTable(index)

    def eligible(path: str, qualname: str, kind: str) -> bool:
        """Can this function be a wrapper of `kind`? Handlers and jobs are not, except a
        task that lives in a delivery module (`email.py`'s `@celery.task send_reset_token`)."""
        definition = index.defs.get(path, {}).get(qualname)
        if definition is None or definition.kind not in ("function", "method"):
            return False
        if qualname.endswith((".constructor", ".__init__")) or thread_run(index, path, qualname):
            return False
        if request_view(definition) or cli_command(index, path, definition):
            return False
        if (path, qualname) in table.tasks:
            # `emails/tasks.py` or `email.py`: the module (or its package) is about delivery;
            # so is a task put on a queue named for it (`@job("emails")`); a task named for
            # recording an event (`@job record_event`) is the tracker itself.
            module = path.rsplit(".", 1)[0].split("/")[-2:]
            queues = [name_words(q) for d in definition.decorators for q in _QUOTED.findall(d.args)] if kind == "email_send" else []
            tracker = kind == "event_tracking" and is_tracker_name(path, qualname)
            return tracker or any(words & VOCABULARY[kind] for words in [*map(name_words, module), *queues])
        return (path, qualname) not in table.entrypoints

    wrappers = WrapperAnalysis(index, hits + seeds, eligible, Implementations(index).targets)
    wrappers.run()
    findings = direct_findings(hits) + wrappers.findings() + wrappers.jobs.schedule_findings()
    findings += HandlerDetector(index, table, hits).findings()
    findings += user_context_findings(index, hits, table)
    findings += segmentation_findings(index)
    findings += ui_surface_findings(index, table)
    findings += ScheduleDetector(index, table, hits).findings()
    findings += registry_findings(index)
    findings += cron_class_findings(index) + registration_findings(index) + loop_findings(index)
    findings += ModelDetector(index, catalog).findings()
    findings += snippet_findings(index) + auth_hook_findings(index)
    return findings


def to_touchpoints(root: Path, findings: list[Finding]) -> list[Touchpoint]:
    """Dedupe (one per kind and line), give stable ids, attach evidence lines."""
    best: dict[tuple[str, str, int], Finding] = {}
    for finding in sorted(findings, key=lambda f: (_RANK.get(f.confidence, 3), f.wraps is not None)):
        best.setdefault((finding.kind.value, finding.file, finding.line), finding)
    kept = sorted(best.values(), key=lambda f: (f.file, f.line, f.kind.value))
    ids = _assign_ids(kept)
    wrapper_ids = {
        (f.kind.value, f.file, f.symbol or ""): ids[id(f)] for f in kept if f.discriminator == "wrapper"
    }
    lines = _EvidenceReader(root)
    touchpoints: list[Touchpoint] = []
    for finding in kept:
        touchpoints.append(
            Touchpoint(
                id=ids[id(finding)],
                kind=finding.kind,
                channel=finding.channel,
                file=finding.file,
                line=finding.line,
                end_line=max(finding.end_line, finding.line),
                symbol=finding.symbol,
                evidence=lines.line(finding.file, finding.line),
                confidence=finding.confidence,
                surface=finding.surface,
                provider=finding.provider,
                entity=finding.entity,
                fields=finding.fields,
                framework=finding.framework,
                route=finding.route,
                schedule=finding.schedule,
                wraps=wrapper_ids.get(finding.wraps) if finding.wraps else None,
                language=LANGUAGE_BY_SUFFIX.get(os.path.splitext(finding.file)[1]),
            )
        )
    return touchpoints


def _assign_ids(findings: list[Finding]) -> dict[int, str]:
    """Ids depend on kind, file, symbol and a discriminator; repeats get an ordinal
    (by order in the file, so moving code up or down keeps them)."""
    counts: dict[tuple[str, str, str, str], int] = defaultdict(int)
    ids: dict[int, str] = {}
    for finding in findings:
        key = (finding.kind.value, finding.file, finding.symbol or "", finding.discriminator)
        ordinal = counts[key]
        counts[key] += 1
        discriminator = finding.discriminator + (f"#{ordinal}" if ordinal else "")
        ids[id(finding)] = touchpoint_id(finding.kind.value, finding.file, finding.symbol, discriminator)
    return ids


class _EvidenceReader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        if path not in self.files:
            read = read_repo_file(self.root, path, MAX_REPO_FILE_BYTES)
            text = "" if isinstance(read, Refusal) else read
            self.files[path] = text.splitlines()
        lines = self.files[path]
        raw = lines[number - 1] if 0 < number <= len(lines) else ""
        # Redact the whole line before cutting it: a secret cut in half no longer looks
        # like one, and its first half would survive.
        evidence = " ".join(redact(raw).split())
        if len(evidence) > 160:
            evidence = evidence[:157] + "..."
        return evidence or "(empty line)"
