"""WIRE: connect Personize to the user's existing functions.

`wire(scan, options) -> WireArtifact` reads the touchpoint's real source, picks the
integration pattern for its kind (from the skill library), and returns new files plus a
minimal edit of the user's file as hunks. Nothing is written here (see `wire_write`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict

import personize_assistant.actions.wire.python as python_writer
import personize_assistant.actions.wire.typescript as typescript_writer
from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.wire.artifact import (
    ConstraintNote,
    FileEdit,
    Language,
    NewFile,
    Pattern,
    WireArtifact,
    WireCandidate,
    blob_sha,
)
from personize_assistant.actions.wire.audience import refuse_not_to_a_person
from personize_assistant.actions.wire.context import WireContext, Wiring
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.job_reach import refuse_no_delivery
from personize_assistant.actions.wire.language import LanguageWriter
from personize_assistant.actions.wire.library import KIND_PATTERN, LIBRARY_PATTERN, WireRules
from personize_assistant.actions.wire.parsed import declared_functions, identifiers, split_lines
from personize_assistant.actions.wire.patch import make_hunks
from personize_assistant.actions.wire.source import (
    FunctionInfo,
    SourceFile,
    find_function,
    language_of,
    read_source,
)
from personize_assistant.actions.wire.sync import sync_artifact, sync_language
from personize_assistant.codegen.placement import place_helpers
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

PATTERNS: tuple[Pattern, ...] = (
    "wrap",
    "webhook_pipeline",
    "middleware",
    "cron_generate_deliver",
    "event_mirror",
    "data_sync",
)


class WireOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str
    pattern: Pattern | None = None
    language: Language | None = None
    framework: str | None = None
    discovery: Discovery | None = None
    """The answers file: its `schema:` decisions decide what a data sync sends, as in SCHEMA."""


# Typed with the interface, so mypy checks that each language module provides all of it.
WRITERS: dict[Language, LanguageWriter] = {"py": python_writer, "ts": typescript_writer}

Builder = Callable[[WireContext], Wiring]


def builder(writer: LanguageWriter, pattern: Pattern) -> Builder | None:
    """The writer's code for `pattern` (data_sync has its own module: `sync.py`)."""
    builders: dict[Pattern, Builder] = {
        "wrap": writer.patterns.wrap,
        "webhook_pipeline": writer.patterns.webhook,
        "middleware": writer.patterns.middleware,
        "cron_generate_deliver": writer.patterns.scheduled,
        "event_mirror": writer.patterns.event,
    }
    return builders.get(pattern)


def load_rules() -> WireRules:
    from personize_assistant.content import load_library

    library = load_library()
    return WireRules(wire=library.wire.meta, generate=library.generate.meta, plan=library.plan.meta)


def _language(touchpoint: Touchpoint) -> Language | None:
    if touchpoint.kind == Kind.DATA_MODEL:
        return sync_language(touchpoint)
    try:
        return language_of(touchpoint.file)
    except UsageError:
        return None


def wireable(scan: RepoScan, rules: WireRules | None = None, discovery: Discovery | None = None) -> list[WireCandidate]:
    """Touchpoints WIRE can generate code for, with the pattern each would get.

    With `rules`, each one is also tried: `ready` says whether the code can be generated
    and `reason` why not (e.g. a call site whose content is built elsewhere)."""
    candidates = []
    for tp in scan.touchpoints:
        pattern = rules.pattern_for(tp.kind) if rules else KIND_PATTERN.get(tp.kind)
        language = _language(tp)
        if pattern is None or language is None:
            continue
        if pattern != "data_sync" and builder(WRITERS[language], pattern) is None:
            continue
        candidates.append(
            WireCandidate(
                touchpoint_id=tp.id,
                kind=tp.kind.value,
                pattern=pattern,
                language=language,
                location=tp.location(),
                symbol=tp.symbol,
                provider=tp.provider,
                framework=tp.framework,
            )
        )
    if rules is not None:
        candidates = [_tried(scan, c, rules, discovery) for c in candidates]
    return sorted(candidates, key=lambda c: (not c.ready, c.location.split(":")[0], _line(c.location)))


def _line(location: str) -> int:
    return int(location.rsplit(":", 1)[1])


def _tried(scan: RepoScan, candidate: WireCandidate, rules: WireRules, discovery: Discovery | None) -> WireCandidate:
    try:
        options = WireOptions(touchpoint_id=candidate.touchpoint_id, discovery=discovery)
        _wire(scan, options, rules, with_patch=False)
    except UsageError as exc:
        reason = str(exc).removeprefix(f"{candidate.touchpoint_id} ({candidate.location}): ")
        return candidate.model_copy(update={"ready": False, "reason": reason})
    except Exception as exc:  # one odd file must not take the whole list down
        reason = f"internal error while generating: {type(exc).__name__}: {exc}"
        return candidate.model_copy(update={"ready": False, "reason": reason})
    return candidate


def wire(scan: RepoScan, options: WireOptions, rules: WireRules | None = None) -> WireArtifact:
    return _wire(scan, options, rules or load_rules())


def _wire(scan: RepoScan, options: WireOptions, rules: WireRules, with_patch: bool = True) -> WireArtifact:
    """`with_patch=False` answers only whether the touchpoint can be wired (`wire --list`
    tries every one): the edit is made but not diffed, which is most of the cost."""
    touchpoint = scan.find(options.touchpoint_id)
    if touchpoint is None:
        raise UsageError(f"no touchpoint {options.touchpoint_id}; run `wire --list` to see the ids")
    if touchpoint.kind == Kind.DATA_MODEL:
        language = sync_language(touchpoint)
        if options.language is not None and language is not None and options.language != language:
            raise UsageError(
                f"{touchpoint.id}: a {touchpoint.framework} model syncs from "
                f"{'TypeScript' if language == 'ts' else 'Python'}, not --lang {options.language}"
            )
        return sync_artifact(scan, touchpoint, rules, options.discovery)
    writer = WRITERS[_check_language(touchpoint, options)]
    pattern = options.pattern or rules.pattern_for(touchpoint.kind)
    build = builder(writer, pattern) if pattern is not None else None
    if pattern is None or build is None:
        raise UsageError(
            f"{touchpoint.id} is a {touchpoint.kind.value} touchpoint; wire supports "
            f"{', '.join(sorted(k.value for k in KIND_PATTERN))}"
            + (f" (pattern {pattern} has no {writer.language} generator)" if pattern else "")
        )
    writer.refuse_file(touchpoint)
    ctx = _context(scan, touchpoint, rules, writer, pattern, options)
    writer.refuse(ctx)
    if pattern == "wrap":
        refuse_not_to_a_person(ctx)
    if pattern == "cron_generate_deliver":
        refuse_no_delivery(ctx)
    _refuse_rewire(ctx)
    return _artifact(ctx, rules, pattern, build(ctx), with_patch)


_HELPER_CALLS = re.compile(
    r"\b(personalizeMessage|personalize_message(_async)?|rememberWebhookOnSuccess|"
    r"rememberWebhookResponse|withPersonalization|attachPersonalization|LazyDigest|"
    r"personalizedRun|personalized_run|rememberEvent|remember_event|digest_for)\("
)


def _refuse_rewire(ctx: WireContext) -> None:
    """Wiring twice would wrap the wrapper: say so instead."""
    fn = ctx.fn
    lines = split_lines(ctx.source.text)[fn.start_line - 1 : fn.end_line]
    originals = (f"{fn.name}Original", f"_{fn.name.lstrip('_')}_original")
    found = next((name for name in originals if name in identifiers(ctx.source.text)), None)
    why = f"{found} is in {ctx.source.path}" if found else None
    if why is None and _HELPER_CALLS.search("\n".join(lines)):
        why = f"a Personize helper call is in {ctx.source.path}"
    wrapper = _wrapper_of(fn.name)
    if why is None and wrapper and wrapper in declared_functions(ctx.source.text):
        # The original body an earlier `wire` kept: wrapping it again would personalize twice.
        why = f"{fn.name} is the original behind the wired {wrapper}"
    if why:
        raise UsageError(
            f"{ctx.touchpoint.id} ({ctx.touchpoint.location()}): already wired ({why}); "
            "edit the generated code instead"
        )


def _wrapper_of(name: str) -> str | None:
    """`sendEmailOriginal` -> `sendEmail`, `_send_sms_original` -> `send_sms`."""
    match = re.fullmatch(r"(\w+?)Original\d*|_(\w+?)_original\d*", name)
    return (match.group(1) or match.group(2)) if match else None


def _check_language(touchpoint: Touchpoint, options: WireOptions) -> Language:
    language = language_of(touchpoint.file)
    if options.language is not None and options.language != language:
        raise UsageError(
            f"{touchpoint.file} is {'TypeScript' if language == 'ts' else 'Python'}; "
            f"--lang {options.language} cannot wire it (generated code joins the file it wires)"
        )
    return language


# Anonymous callbacks are found too, so the builder can say what to wire instead.
_FUNCTION_FORMS: dict[Pattern, tuple[str, ...]] = {
    "middleware": ("function", "arrow", "method", "def"),
}


def _function(writer: LanguageWriter, source: SourceFile, touchpoint: Touchpoint, pattern: Pattern) -> FunctionInfo:
    forms = _FUNCTION_FORMS.get(pattern)
    return find_function(source, writer.functions(source), touchpoint.line, touchpoint.symbol, forms)


def _context(
    scan: RepoScan,
    touchpoint: Touchpoint,
    rules: WireRules,
    writer: LanguageWriter,
    pattern: Pattern,
    options: WireOptions,
) -> WireContext:
    from personize_assistant.actions.wire.frameworks import detect_framework

    root = Path(scan.root)
    source = read_source(root, touchpoint.file)
    fn = _function(writer, source, touchpoint, pattern)
    placement = place_helpers(root, touchpoint.file, writer.language)
    channel = touchpoint.channel or ("email" if touchpoint.kind == Kind.EMAIL_SEND else "other")
    return WireContext(
        root=root,
        scan=scan,
        touchpoint=touchpoint,
        source=source,
        fn=fn,
        style=writer.style(root, source),
        body=writer.body(source, fn),
        settings=rules.helper_settings(),
        framework=options.framework or detect_framework(scan, touchpoint, source),
        channel=channel,
        channel_fields=rules.channel_fields(channel),
        helper_module=placement.import_from(touchpoint.file),
        writer=writer,
    )


def _artifact(ctx: WireContext, rules: WireRules, pattern: Pattern, wiring: Wiring,
              with_patch: bool = True) -> WireArtifact:
    summary = f"wire {ctx.qualified_name or ctx.touchpoint.id} ({pattern})"
    edits = [_file_edit(ctx.source.path, wiring.editor, summary, with_patch)]
    edits += [
        _file_edit(path, editor, f"render the personalized value ({summary})", with_patch)
        for path, editor in sorted(wiring.other_files.items())
    ]
    placement = place_helpers(ctx.root, ctx.source.path, ctx.writer.language)
    helpers, notes = placement.new_files(ctx.settings)
    new_files = [NewFile(path=f.path, content=f.content, summary=f.summary) for f in helpers]
    return WireArtifact(
        touchpoint_id=ctx.touchpoint.id,
        pattern=pattern,
        language=ctx.source.language,
        framework=ctx.framework,
        trigger=wiring.trigger,
        field_mapping=wiring.field_mapping,
        files_created=new_files,
        edits=edits,
        notes=[*wiring.notes, *notes, *_rate_notes(ctx, rules)],
        constraints=_constraints(ctx, rules, pattern, wiring),
    )


def _file_edit(path: str, editor: FileEditor, summary: str, with_patch: bool) -> FileEdit:
    updated = editor.result()
    return FileEdit(
        path=path,
        hunks=make_hunks(editor.text, updated) if with_patch else [],
        summary=summary,
        base_sha=blob_sha(editor.text) if with_patch else None,
        result_sha=blob_sha(updated) if with_patch else None,
    )


def _rate_notes(ctx: WireContext, rules: WireRules) -> list[str]:
    provider = (ctx.provider or "").lower()
    matching = [r for r in rules.wire.rate_alignment if provider and provider.split("-")[0] in r.provider.lower()]
    # Limits are written as sentences ("About 1 request per second", "Up to 1,000 ...").
    return [f"Rate alignment: {r.provider}: {r.limit[:1].lower()}{r.limit[1:]}." for r in matching]


def _constraints(ctx: WireContext, rules: WireRules, pattern: Pattern, wiring: Wiring) -> list[ConstraintNote]:
    how = _constraint_evidence(ctx, pattern, wiring)
    notes = [ConstraintNote(id=c.id, rule=c.rule, how=how.get(c.id, "not applicable to this pattern")) for c in rules.wire.constraints]
    library_id = LIBRARY_PATTERN[pattern]
    if library_id is not None:
        chain = " -> ".join(rules.wire.pattern(library_id).sdk_chain)
        notes.append(ConstraintNote(id="sdk_chain", rule=f"{library_id} pattern", how=chain))
    return notes


def _constraint_evidence(ctx: WireContext, pattern: Pattern, wiring: Wiring) -> dict[str, str]:
    helper, remember = ctx.writer.helper_file, ctx.writer.remember_delivery
    mapping = ", ".join(f"{k} -> {v}" for k, v in wiring.field_mapping.items())
    return {
        "define_trigger": f"Trigger named in the generated code: {wiring.trigger}.",
        "map_fields": f"Explicit mapping: {mapping}." if mapping else "No generated fields to map.",
        "store_outcome": (
            f"{remember} memorizes what was sent and the provider's answer, tagged with the trigger."
            if pattern == "wrap" and remember in wiring.helper_names
            else "Not wired: call remember_delivery after the send (see the note)."
            if pattern == "wrap"
            else "The event or run is memorized (feedback for later generations)."
            if pattern in ("webhook_pipeline", "event_mirror")
            else "Deliveries inside are memorized by the wired delivery functions."
        ),
        "degrade_gracefully": (
            f"Every Personize call is bounded by a {ctx.settings.timeout_seconds:g} s timeout in {helper}; "
            "any error or timeout logs the reason and keeps the original behaviour."
        ),
        "align_rates": (
            f"At most {ctx.settings.max_in_flight} generations in flight (Personize allows "
            f"{ctx.settings.org_concurrency} concurrent requests per org); scheduled runs pace to "
            "PERSONIZE_RUN_MESSAGES_PER_MINUTE."
        ),
        "separate_auth": (
            f"{helper} reads only PERSONIZE_SECRET_KEY; the provider's credentials stay where they are."
        ),
    }
