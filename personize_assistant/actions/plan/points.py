"""PLAN section 2: personalization points — one step per touchpoint, with its SDK chain,
a prompt outline that names the repo's real properties, and the code at that location."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from personize_assistant.actions.common.touchpoints import (
    channel_of,
    is_named_function,
    language_of,
    task_name,
)
from personize_assistant.actions.plan import code_python as py
from personize_assistant.actions.plan import code_typescript as ts
from personize_assistant.actions.plan.artifact import CodeBlock, PlanStep
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.plan.readiness import WireAnswers
from personize_assistant.actions.wire.artifact import WireArtifact, render_diff
from personize_assistant.codegen.placement import runs_on_edge
from personize_assistant.content.library import Library
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import Kind, Touchpoint

_DEFAULT_CHAIN: dict[Kind, list[str]] = {
    Kind.EMAIL_SEND: ["ai.smartGuidelines", "memory.smartDigest", "ai.prompt", "memory.memorize"],
    Kind.NOTIFICATION: ["memory.smartDigest", "ai.smartGuidelines", "ai.prompt", "memory.memorize"],
    Kind.LLM_CALL: ["ai.smartGuidelines", "memory.smartDigest"],
    Kind.UI_SURFACE: ["memory.smartDigest", "ai.prompt"],
    Kind.USER_CONTEXT: ["memory.smartDigest"],
    Kind.SEGMENTATION: ["memory.smartDigest", "ai.prompt"],
    Kind.WEBHOOK_HANDLER: ["memory.memorize"],
    Kind.EVENT_TRACKING: ["memory.memorize"],
    Kind.SCHEDULED_JOB: ["memory.search", "memory.smartDigest", "ai.smartGuidelines", "ai.prompt"],
}


def output_fields(library: Library, channel: str) -> list[str]:
    """The structured fields GENERATE requires for the channel (SUBJECT, BODY_HTML…)."""
    limits = library.generate.meta.channel_limits
    spec = limits.get(channel) or limits.get("slack" if channel in ("chat", "webhook_out") else "in_app")  # type: ignore[call-overload]
    return [f.name for f in spec.fields if f.required] if spec else ["BODY_TEXT"]


def sdk_chain(library: Library, tp: Touchpoint) -> list[str]:
    """The SDK chain PROPOSE documents for this kind (first matching use case); read-only
    paths (LLM context, request enrichment) keep their shorter chain."""
    if tp.kind in (Kind.LLM_CALL, Kind.USER_CONTEXT):
        return _DEFAULT_CHAIN[tp.kind]
    for use_case in library.propose.meta.use_cases_for(tp.kind):
        return list(use_case.sdk_chain)
    return _DEFAULT_CHAIN.get(tp.kind, ["memory.smartDigest", "ai.prompt"])


MAX_LATER = 15


def point_steps(facts: RepoFacts, library: Library, answers: WireAnswers | None = None) -> list[PlanStep]:
    """One step per point; a send `wire` writes a ready patch for shows that patch (a templated
    send gets its field as a prop or context key, as `wire` passes it), the rest a snippet."""
    steps = [_point_step(tp, facts, library, answers) for tp in facts.points
             if tp.kind not in (Kind.WEBHOOK_HANDLER, Kind.SCHEDULED_JOB)]
    if facts.later_points:
        steps.append(_later_step(facts))
    return steps


def package_steps(facts: RepoFacts) -> list[PlanStep]:
    """One step per nested package (a worker service with its own package.json) that the
    plan edits: its code cannot import the root's modules, so it gets its own copies."""
    used = dict.fromkeys(p for tp in [*facts.points, *facts.webhooks] if (p := facts.package_of(tp.file)))
    steps = []
    for package in used:
        lib = facts.ts_packages[package]
        helper = ts.helper_placement(facts)
        files = [f"{lib}/{PurePosixPath(facts.ts_client).name}.ts", f"{lib}/{PurePosixPath(helper.helper_path).name}"]
        steps.append(PlanStep(
            title=f"Give `{package}` its own copy of the two modules",
            body=(f"`{package}` is a separate package (its own `package.json`), so its code cannot import "
                  f"`{facts.ts_lib_dir}` from {_home(facts)}. Install the SDK there and copy the client and the "
                  f"helper into `{lib}`; the snippets below for files in `{package}` import these copies."),
            files=files,
            commands=[facts.add_command("@personize/sdk", package=package),
                      f"mkdir -p {lib} && cp {facts.ts_client}.ts {helper.helper_path} {lib}/"],
            verify=f"`{package}` still builds on its own (its `tsc` or build script).",
        ))
    return steps


def _home(facts: RepoFacts) -> str:
    return f"`{facts.home_package}`" if facts.home_package else "the root"


def _later_step(facts: RepoFacts) -> PlanStep:
    rows = ["| Touchpoint | Kind | Where |", "|---|---|---|"]
    for tp in facts.later_points[:MAX_LATER]:
        name = f"`{tp.symbol}`" if tp.symbol else "(module scope)"
        rows.append(f"| {name} | {tp.kind.value} | `{tp.file}:{tp.line}` |")
    more = len(facts.later_points) - MAX_LATER
    tail = f"\n\n…and {more} more (`personize-assistant scan .` lists them all)." if more > 0 else ""
    return PlanStep(title="More touchpoints for the ongoing phase",
                    body=("The same helper and pattern apply to these; add them in this order once the "
                          "first ones are live:\n\n" + "\n".join(rows) + tail))


_WEAK_KEYS = re.compile(r"image|avatar|logo|photo|url|phone|slug|^name$|email|^domain$|website")


def key_properties(facts: RepoFacts, limit: int = 6) -> list[str]:
    """Synced properties a prompt can lean on: people's first, then organisations', leaving
    out identity columns and links that say nothing about what the person needs."""
    names: list[str] = []
    for collection in sorted(facts.schema.collections, key=lambda c: c.entity_type != "Contact"):
        if collection.system_entity:
            names += [p.system_name for p in collection.properties
                      if p.source is not None and p.rule != "identity" and not _WEAK_KEYS.search(p.system_name)]
    return list(dict.fromkeys(names))[:limit]


def _point_step(tp: Touchpoint, facts: RepoFacts, library: Library, answers: WireAnswers | None) -> PlanStep:
    chain = sdk_chain(library, tp)
    task = task_name(tp)
    lang = language_of(tp, facts.languages[0])
    patch = answers.patch(tp) if answers is not None and tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION) else None
    fields = list(patch.field_mapping) if patch is not None and patch.field_mapping else output_fields(library, channel_of(tp))
    body = (f"`{tp.file}:{tp.line}`, in `{tp.symbol or 'module scope'}`: `{tp.evidence.strip()[:100]}`\n\n"
            f"SDK chain: {' → '.join(f'`{c}`' for c in chain)}\n\n"
            f"Prompt outline:\n\n{_prompt_outline(tp, facts, task, fields)}{_edge_note(tp, facts)}")
    wired = _wired(tp, patch) if patch is not None else None
    if wired is not None:
        return PlanStep(title=_title(tp, task), body=body + wired[0], files=[tp.file], code=[wired[1]],
                        verify=_verify(tp, task))
    return PlanStep(title=_title(tp, task), body=body, files=[tp.file],
                    code=[_snippet(tp, facts, lang, fields, task)], verify=_verify(tp, task))


def _wired(tp: Touchpoint, patch: WireArtifact) -> tuple[str, CodeBlock] | None:
    """`wire`'s own patch of the function (and of its template), without the helper it adds."""
    try:
        diff = render_diff(patch.model_copy(update={"files_created": []}))
    except UsageError:  # the diff would print a secret: the snippet stays
        return None
    mapping = ", ".join(f"`{field}` -> {target}" for field, target in patch.field_mapping.items())
    notes = " ".join(n for n in patch.notes if n.startswith(("Personalization runs", "Template change")))
    text = (f"\n\n`personize-assistant wire . --touchpoint {tp.id}` writes this patch ({mapping}) and adds the "
            f"shared helper it imports when the repo has none.{' ' + notes if notes else ''}")
    return text, CodeBlock(language="diff", path=tp.file, code=diff.rstrip("\n"))


def _edge_note(tp: Touchpoint, facts: RepoFacts) -> str:
    if not facts.root or not runs_on_edge(Path(facts.root), tp.file):
        return ""
    return (f"\n\n`{tp.file}` runs on the Edge runtime (`export const runtime = 'edge'`), where the Node-only "
            "Personize client cannot run: call the snippet from a Node route, server action or job that this "
            "route hands the work to, or switch the route to `runtime = 'nodejs'`.")


def _title(tp: Touchpoint, task: str) -> str:
    where = f"`{tp.symbol}`" if is_named_function(tp) else f"`{tp.file}`"
    titles = {
        Kind.LLM_CALL: f"Govern the existing LLM call in {where}",
        Kind.USER_CONTEXT: f"Enrich the request context in {where}",
        Kind.SEGMENTATION: f"Replace the static rule in {where}",
        Kind.EVENT_TRACKING: f"Memorize behaviour tracked in {where}",
        Kind.UI_SURFACE: f"Add a personalised {task} to {where}",
    }
    return titles.get(tp.kind, f"Personalise the {task} in {where}")


def _prompt_outline(tp: Touchpoint, facts: RepoFacts, task: str, fields: list[str]) -> str:
    props = ", ".join(f"`{p}`" for p in key_properties(facts)) or "the synced properties"
    if tp.kind == Kind.LLM_CALL:
        return "\n".join([
            f"1. Context: `smartGuidelines` for what `{tp.symbol}` writes + `smartDigest` of the user it writes "
            f"for (token_budget 1500), which carries {props}.",
            "2. Prepend both as the system message of the existing call; keep its model and parameters.",
            "3. Add \"use only facts from the context\" to the system message; log calls that had no digest.",
        ])
    if tp.kind == Kind.USER_CONTEXT:
        return (f"1. `smartDigest` of the signed-in user (token_budget 500), cached per user for 15 minutes; "
                f"it carries {props}. No generation on this path.")
    provider = f" via {tp.provider}" if tp.provider else ""
    channel = channel_of(tp)
    return "\n".join([
        f"1. Context: `smartGuidelines` for \"{channel} {task}\" + `smartDigest` of the recipient "
        f"(token_budget 2000), which carries {props}.",
        f"2. Decide: the one goal of this {task} for this person; skip it when nothing new applies.",
        f"3. Generate: the {task} for {channel}{provider}, output fields {', '.join(f'`{f}`' for f in fields)}, "
        "within the channel's limits, inventing no facts.",
        "4. Evaluate: `evaluate: true` with criteria for facts, format and guidelines; flag pricing, legal "
        "or financial content for review.",
    ])


def _snippet(tp: Touchpoint, facts: RepoFacts, lang: str, fields: list[str], task: str) -> CodeBlock:
    if tp.kind == Kind.LLM_CALL:
        return py.llm_snippet(tp, facts) if lang == "py" else ts.llm_snippet(tp, facts)
    if tp.kind == Kind.USER_CONTEXT:
        return py.context_snippet(tp, facts) if lang == "py" else ts.context_snippet(tp, facts)
    if lang == "py":
        return py.point_snippet(tp, facts, fields, task)
    return ts.point_snippet(tp, facts, fields, task)


def _verify(tp: Touchpoint, task: str) -> str:
    if tp.kind == Kind.LLM_CALL:
        return "log the assembled system prompt once: it contains your guidelines and the user's properties."
    if tp.kind == Kind.USER_CONTEXT:
        return "a request as a synced user gets a digest; with PERSONIZE_SECRET_KEY unset the request is still served."
    return (f"trigger the {task} for a test user: the output uses their real properties; with "
            "PERSONIZE_SECRET_KEY unset the original copy goes out unchanged.")
