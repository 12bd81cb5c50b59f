"""What every REVIEW check reads: the scan, the parsed Personize calls, the rules.

`build_context` parses the files the scanner found Personize calls in, turns each SDK
or REST call into an `SdkCall`, and links calls inside a repo wrapper (`memorizeSignup`)
to the places that call the wrapper, since that is where a failure or a wait lands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from personize_assistant.actions.review.frames import Frame, function_name
from personize_assistant.actions.review.model import Finding, Location, finding_id
from personize_assistant.actions.review.rules import RuleSpec
from personize_assistant.actions.review.source import (
    SdkCall,
    SourceFile,
    load_source,
    sdk_call,
    sdk_reference,
)
from personize_assistant.content.models.review import ReviewMeta
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_bytes, read_repo_file
from personize_assistant.redact import redact
from personize_assistant.scan.extract_common import normalize_chain, text
from personize_assistant.scan.languages import EXTENSIONS
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint
from personize_assistant.scan.walk import walk_repo

EVIDENCE_CHARS = 160


@dataclass
class ReviewContext:
    root: Path
    scan: RepoScan
    meta: ReviewMeta
    rules: dict[str, RuleSpec]
    calls: list[SdkCall] = field(default_factory=list)
    sources: dict[str, SourceFile] = field(default_factory=dict)
    client_files: list[str] = field(default_factory=list)
    """Files that use a Personize client (with or without calls): where it is configured."""
    key_files: list[str] = field(default_factory=list)
    """Files holding a Personize key literal (settings, config), whether or not they call it."""
    memo: dict[str, Any] = field(default_factory=dict)
    """Results several checks share (computed once per review)."""

    def source(self, relative: str) -> SourceFile | None:
        if relative not in self.sources:
            loaded = load_source(self.root, relative)
            if loaded is None:
                return None
            self.sources[relative] = loaded
        return self.sources[relative]

    @property
    def integration_files(self) -> list[str]:
        return sorted({c.file.path for c in self.calls})

    def integration_sources(self) -> list[SourceFile]:
        """The parsed files that call Personize."""
        return [s for path in self.integration_files if (s := self.source(path)) is not None]

    def calls_of(self, *methods: str) -> list[SdkCall]:
        return [c for c in self.calls if c.method in methods]

    def uses(self, *methods: str) -> bool:
        return any(c.method in methods for c in self.calls)

    def touchpoints(self, *kinds: Kind) -> list[Touchpoint]:
        return [t for t in self.scan.touchpoints if t.kind in kinds]

    # ------------------------------------------------------------------ findings

    def finding(
        self,
        rule_id: str,
        file: str,
        line: int,
        *,
        end_line: int | None = None,
        symbol: str | None = None,
        what: str | None = None,
        related: Iterable[Location] = (),
        severity: str | None = None,
        **snippet: str,
    ) -> Finding:
        rule = self.rules[rule_id]
        source = self.source(file)
        language = source.language if source is not None else None
        return Finding(
            id=finding_id(rule_id, file, symbol),
            area=rule.area,
            rule=rule.id,
            severity=severity or rule.severity,
            file=file,
            line=line,
            end_line=max(end_line or line, line),
            symbol=symbol,
            evidence=_evidence(source.line(line) if source is not None else self._raw_line(file, line)),
            what=redact(what or rule.title),
            why=rule.why,
            fix=rule.fix,
            suggestion=rule.suggestion(language, **snippet),
            language=language,
            related=list(related),
        )

    def _raw_line(self, file: str, line: int) -> str:
        """Evidence from files REVIEW does not parse (schema.prisma, workflows)."""
        text = read_repo_file(self.root, file, MAX_REPO_FILE_BYTES)
        lines = [] if isinstance(text, Refusal) else text.splitlines()
        return lines[line - 1] if 1 <= line <= len(lines) else ""

    def call_finding(self, rule_id: str, call: SdkCall, what: str | None = None,
                     related: Iterable[Location] = (), severity: str | None = None,
                     **snippet: str) -> Finding:
        values = {"call": call.callee, "method": call.method} | snippet
        return self.finding(rule_id, call.file.path, call.line, end_line=call.end_line,
                            symbol=call.symbol, what=what, related=related,
                            severity=severity, **values)


def _evidence(line: str) -> str:
    value = " ".join(redact(line).split())
    return value if len(value) <= EVIDENCE_CHARS else value[: EVIDENCE_CHARS - 1] + "…"


def frame_location(frame: Frame, note: str) -> Location:
    symbol = function_name(frame.function) if frame.function is not None else None
    return Location(file=frame.file.path, line=frame.line, symbol=symbol or None, note=note)


# --------------------------------------------------------------------------- building


def build_context(root: Path, scan: RepoScan, meta: ReviewMeta, rules: dict[str, RuleSpec]) -> ReviewContext:
    ctx = ReviewContext(root=root, scan=scan, meta=meta, rules=rules)
    personize = scan.by_kind(Kind.PERSONIZE_CALL)
    definitions = [t for t in personize if t.wraps is None]
    known = {t.file for t in definitions}
    importing, ctx.key_files = _probe_files(root, known)
    ctx.client_files = sorted(known | set(importing))
    for path in sorted(known | set(importing)):
        ctx.calls.extend(_calls_in_file(ctx, path, [t for t in definitions if t.file == path]))
    _link_callers(ctx, definitions, [t for t in personize if t.wraps is not None])
    return ctx


# Files that use a Personize client the scanner may not resolve (a vendored
# `personize_client.py` next to the caller, a client passed around untyped).
_IMPORTS_PERSONIZE = re.compile(
    rb"@personize/sdk|\bpersonize_client\b|from personize import|import personize\b"
)
_DEFINES_CLIENT = re.compile(rb"^class Personize\b|^export class Personize\b", re.MULTILINE)
_TEST_PATH = re.compile(r"(?:^|/)(?:tests?|__tests__|spec)/|(?:^|/)test_[^/]*$|\.(?:test|spec)\.[jt]sx?$")
MAX_IMPORT_PROBE = 64_000


# A Personize key written next to a Personize name, in any file the scanner walks
# (settings modules, YAML config) - not only in the files that call Personize.
_PERSONIZE_KEY_LINE = re.compile(rb"(?i)personize[^\n]*\b(?:sk_live_|sk_test_|pz_)[A-Za-z0-9_]{8,}")


def _probe_files(root: Path, known: set[str]) -> tuple[list[str], list[str]]:
    """(files that import a Personize client, files holding a Personize key literal)."""
    if not root.is_dir():
        return [], []
    importing: list[str] = []
    keys: list[str] = []
    for path in walk_repo(root).files:
        if _TEST_PATH.search(path):
            continue
        read = read_repo_bytes(root, path, MAX_REPO_FILE_BYTES)
        if isinstance(read, Refusal):
            continue
        data = read[:MAX_IMPORT_PROBE]
        if _PERSONIZE_KEY_LINE.search(data):
            keys.append(path)
        if (path not in known and Path(path).suffix.lower() in EXTENSIONS
                and _IMPORTS_PERSONIZE.search(data) and not _DEFINES_CLIENT.search(data)):
            importing.append(path)
    return importing, keys


def _calls_in_file(ctx: ReviewContext, path: str, touchpoints: list[Touchpoint]) -> list[SdkCall]:
    source = ctx.source(path)
    if source is None:
        return []
    direct_lines = {t.line for t in touchpoints}
    calls: list[SdkCall] = []
    for node in source.calls:
        call = (sdk_call(source, node, direct=node.start_point[0] + 1 in direct_lines)
                or sdk_reference(source, node))
        if call is None or any(c.node.start_byte == node.start_byte for c in calls):
            continue
        call.symbol = _symbol_for(call, touchpoints)
        calls.append(call)
    return calls + _account_calls(source, calls, touchpoints)


_ACCOUNT_METHODS = ("me", "test")


def _account_calls(source: SourceFile, calls: list[SdkCall], touchpoints: list[Touchpoint]) -> list[SdkCall]:
    """`client.me()` on a receiver this file already uses for Personize calls
    (`client.memory.memorize_batch`): top-level methods have no namespace to recognize."""
    receivers = {c.callee.split(".")[0] for c in calls if c.callee.count(".") >= 2}
    seen = {c.node.start_byte for c in calls}
    found: list[SdkCall] = []
    for node in source.calls:
        callee = normalize_chain(text(node.child_by_field_name("function")))
        receiver, _, method = callee.rpartition(".")
        if node.start_byte in seen or receiver not in receivers or method not in _ACCOUNT_METHODS:
            continue
        call = sdk_call(source, node, direct=True)
        if call is not None:
            call.symbol = _symbol_for(call, touchpoints)
            found.append(call)
    return found


def _symbol_for(call: SdkCall, touchpoints: list[Touchpoint]) -> str | None:
    containing = [t for t in touchpoints if t.line <= call.line <= t.end_line and t.symbol]
    if containing:
        return min(containing, key=lambda t: t.end_line - t.line).symbol
    fn = call.frame.function
    return (function_name(fn) or None) if fn is not None else None


def _link_callers(ctx: ReviewContext, definitions: list[Touchpoint], sites: list[Touchpoint]) -> None:
    """Attach the call sites of a repo wrapper to each SDK call inside that wrapper."""
    for call in ctx.calls:
        wrappers = [d for d in definitions if d.file == call.file.path
                    and d.line < call.line <= d.end_line and d.symbol]
        for wrapper in wrappers:
            name = (wrapper.symbol or "").split(".")[-1]
            for site in (s for s in sites if s.wraps == wrapper.id):
                frame = _site_frame(ctx, site, name)
                if frame is not None:
                    call.callers.append(frame)


def _site_frame(ctx: ReviewContext, site: Touchpoint, name: str) -> Frame | None:
    source = ctx.source(site.file)
    if source is None:
        return None
    for node in source.calls_between(site.line, site.end_line):
        callee = normalize_chain(text(node.child_by_field_name("function")))
        if callee.split(".")[-1] == name:
            return Frame(source, node)
    return None
