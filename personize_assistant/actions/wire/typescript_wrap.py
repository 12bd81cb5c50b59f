"""TypeScript WRAP: personalize a send's content, fall back to the original, memorize it.

Content passed as parameters gets a wrapper around the renamed original; content built
inside an async function gets a step right after it is built.
"""

from __future__ import annotations

from collections.abc import Mapping

from personize_assistant.actions.wire import endings
from personize_assistant.actions.wire import typescript_edit as edit
from personize_assistant.actions.wire.context import (
    WireContext,
    Wiring,
    no_content,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.mapping import MessageMapping
from personize_assistant.actions.wire.safety import body_recipient
from personize_assistant.actions.wire.source import LocalAssignment

HELPERS = ["personalizeMessage", "rememberDelivery"]


def _log(ctx: WireContext) -> str | None:
    return f"{ctx.style.logger}.warn" if ctx.style.logger else None


def wrap_parameters(ctx: WireContext, mapping: MessageMapping) -> Wiring:
    fn = ctx.fn
    original = edit.original_name(ctx)
    params, args = edit.param_texts(ctx, original)
    pairs = [(t.field, _target_expr(ctx, args, t.param_index, t.member)) for t in mapping.targets]
    # Locals of the new wrapper: they need only avoid what the wrapper itself uses.
    used = {original, *HELPERS, "this", ctx.style.logger or "", *args}
    result, outcome = ctx.fresh_local("personalized", used), ctx.fresh_local("outcome", used)
    header, terminator = edit.wrapper_header(ctx, params, edit.async_return_type(fn))
    code = edit.render_styled(
        ctx,
        "ts/wrap.ts.j2",
        fn.indent,
        name=ctx.qualified_name,
        original=original,
        header=header,
        terminator=terminator,
        fields=", ".join(f"'{t.field}'" for t in mapping.targets),
        draft=", ".join(f"{field}: {target}" for field, target in pairs),
        log=_log(ctx),
        call_original=edit.call_expr(ctx, original, args),
        call_personalized=edit.call_expr(ctx, original, _personalized_args(ctx, mapping, args, result)),
        mapping_text=endings.mapping_text(pairs),
        **endings.message_values(ctx, _recipient(ctx, mapping, args), result, outcome),
    )
    wiring = endings.wrap_original(ctx, FileEditor(ctx.source.text), original, code, HELPERS, endings.wrap_trigger(ctx))
    wiring.field_mapping = dict(pairs)
    wiring.notes.append(f"{ctx.qualified_name} keeps its signature; the original body is now {original}().")
    wiring.notes.extend(endings.recipient_notes(mapping))
    if not fn.is_async and fn.form != "inline":
        wiring.notes.append(f"{ctx.qualified_name} becomes async (it now returns a Promise); await it at call sites.")
    return wiring


def _target_expr(ctx: WireContext, args: list[str], index: int, member: str | None) -> str:
    base = edit.arg_for(ctx, args, index)
    return f"{base}.{member}" if member else base


def _recipient(ctx: WireContext, mapping: MessageMapping, args: list[str]) -> str:
    if mapping.recipient_param is None:
        return body_recipient(ctx) or "undefined"
    return _target_expr(ctx, args, mapping.recipient_param, mapping.recipient_member)


def _personalized_args(ctx: WireContext, mapping: MessageMapping, args: list[str], result: str) -> list[str]:
    replaced = list(args)
    for index in {t.param_index for t in mapping.targets}:
        position = index - sum(1 for p in ctx.fn.params[:index] if p.kind == "this")
        targets = [t for t in mapping.targets if t.param_index == index]
        if targets[0].member is None:
            replaced[position] = f"{result}.{targets[0].field}"
            continue
        members = ", ".join(f"{t.member}: {result}.{t.field}" for t in targets)
        replaced[position] = f"{{ ...{args[position]}, {members} }}"
    return replaced


def wrap_locals(ctx: WireContext) -> Wiring:
    """Content built inside the function: personalize right after it is computed."""
    chosen = endings.content_locals(ctx)
    if not chosen:
        raise no_content(ctx)
    if not ctx.fn.is_async:
        raise unsupported(ctx, f"{ctx.qualified_name} is not async, so it cannot await personalization")
    editor = FileEditor(ctx.source.text)
    values = endings.message_values(ctx, endings.local_recipient(ctx, body_recipient(ctx) or "undefined"), ctx.fresh("personalized"), ctx.fresh("outcome"))
    values["log"] = _log(ctx)
    assignments = [(field, name) for field, name, _ in chosen]
    step = edit.render_styled(
        ctx,
        "ts/inline_step.ts.j2",
        ctx.fn.body_indent,
        fields=", ".join(f"'{f}'" for f, _ in assignments),
        draft=", ".join(f"{f}: {n}" for f, n in assignments),
        assignments=assignments,
        mapping_text=endings.mapping_text(assignments),
        **values,
    )
    for declaration in {id(a): a for _, _, a in chosen}.values():
        _make_reassignable(ctx, editor, declaration)
    editor.insert_after(max(a.end_line for _, _, a in chosen), step)
    _remember_at_end(ctx, editor, values)
    wiring = endings.step_wiring(ctx, editor, HELPERS, endings.wrap_trigger(ctx))
    wiring.field_mapping = dict(assignments)
    wiring.notes.append(endings.inline_note(ctx))
    return wiring


def _make_reassignable(ctx: WireContext, editor: FileEditor, declaration: LocalAssignment) -> None:
    if declaration.keyword != "const":
        return
    line = ctx.source.text.splitlines()[declaration.line - 1]
    col = declaration.keyword_col
    editor.replace_line(declaration.line, line[:col] + "let" + line[col + len("const") :])


def _remember_at_end(ctx: WireContext, editor: FileEditor, values: Mapping[str, object]) -> None:
    body = ctx.body
    if body.return_line is not None and body.return_expression is not None:
        block = edit.render_styled(
            ctx, "ts/inline_remember.ts.j2", ctx.fn.body_indent, expression=body.return_expression, returns=True, **values
        )
        editor.replace_range(body.return_line, body.return_end_line or body.return_line, block)
        return
    block = edit.render_styled(ctx, "ts/inline_remember.ts.j2", ctx.fn.body_indent, expression="undefined", returns=False, **values)
    editor.insert_after(body.closing_line - 1, block)
