"""Python WRAP: personalize a send's content, fall back to the original, memorize it.

Content passed as parameters gets a wrapper around the renamed original; content built
inside the function gets a step right after it is built.
"""

from __future__ import annotations

from personize_assistant.actions.wire import endings
from personize_assistant.actions.wire.context import (
    WireContext,
    Wiring,
    no_content,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.mapping import MessageMapping
from personize_assistant.actions.wire.python_edit import (
    call_expr,
    forward,
    original_name,
    render_code,
    wrapper_decorators,
    wrapper_header,
)
from personize_assistant.actions.wire.safety import body_recipient
from personize_assistant.actions.wire.source_python import returns_below

REMEMBER = "remember_delivery"


def _quoted(fields: list[str]) -> str:
    return ", ".join(f'"{f}"' for f in fields) + ("," if len(fields) == 1 else "")


def _personalize(ctx: WireContext) -> tuple[str, str]:
    return ("await ", "personalize_message_async") if ctx.fn.is_async else ("", "personalize_message")


def wrap_parameters(ctx: WireContext, mapping: MessageMapping) -> Wiring:
    fn = ctx.fn
    if any(t.member for t in mapping.targets):
        raise unsupported(ctx, "content inside an object parameter is not mapped for Python yet")
    original = original_name(ctx)
    awaited, personalize = _personalize(ctx)
    # Locals of the new wrapper: they need only avoid what the wrapper itself uses.
    used = {original, personalize, REMEMBER, "self", "cls"}
    result, outcome = ctx.fresh_local("personalized", used), ctx.fresh_local("outcome", used)
    replacements = {t.param_index: f'{result}["{t.field}"]' for t in mapping.targets}
    pairs = [(t.field, fn.params[t.param_index].name) for t in mapping.targets]
    code = render_code(
        "py/wrap.py.j2",
        fn.indent,
        decorators=wrapper_decorators(fn),
        header=wrapper_header(ctx),
        name=ctx.qualified_name,
        fields=_quoted(mapping.fields()),
        draft=", ".join(f'"{field}": {name}' for field, name in pairs),
        personalize=personalize,
        call_original=call_expr(ctx, original, forward(fn), f"        return {awaited}"),
        call_personalized=call_expr(ctx, original, forward(fn, replacements), f"    {outcome} = {awaited}"),
        mapping_text=endings.mapping_text(pairs),
        **endings.message_values(ctx, endings.parameter_recipient(fn, mapping, body_recipient(ctx) or "None"), result, outcome),
        **{"await": awaited},
    )
    wiring = endings.wrap_original(ctx, FileEditor(ctx.source.text), original, code, [personalize, REMEMBER], endings.wrap_trigger(ctx))
    wiring.field_mapping = dict(pairs)
    wiring.notes.append(f"{ctx.qualified_name} keeps its signature and decorators; the original is {original}().")
    wiring.notes.extend(endings.recipient_notes(mapping))
    return wiring


def wrap_locals(ctx: WireContext) -> Wiring:
    fn, body, editor = ctx.fn, ctx.body, FileEditor(ctx.source.text)
    chosen = endings.content_locals(ctx)
    if not chosen:
        raise no_content(ctx)
    assignments = [(field, name) for field, name, _ in chosen]
    after = max(declaration.end_line for _, _, declaration in chosen)
    awaited, personalize = _personalize(ctx)
    values = endings.message_values(ctx, endings.local_recipient(ctx, body_recipient(ctx) or "None"), ctx.fresh("personalized"), ctx.fresh("outcome"))
    step = render_code(
        "py/inline_step.py.j2",
        fn.body_indent,
        personalize=personalize,
        fields=_quoted([f for f, _ in assignments]),
        draft=", ".join(f'"{f}": {n}' for f, n in assignments),
        assignments=assignments,
        mapping_text=endings.mapping_text(assignments),
        **{"await": awaited},
        **values,
    )
    editor.insert_after(after, step)
    helpers = [personalize, REMEMBER]
    if body.return_line is not None and body.return_expression is not None:
        block = render_code("py/inline_remember.py.j2", fn.body_indent, expression=body.return_expression, **values)
        editor.replace_range(body.return_line, body.return_end_line or body.return_line, block)
    elif returns_below(ctx.source.text, fn, after):
        # Code appended after a `try: return send()` would never run: leave the memorize
        # to the developer rather than add dead code.
        helpers = [personalize]
    else:
        block = render_code("py/inline_remember.py.j2", fn.body_indent, expression=None, **values)
        editor.insert_after(body.closing_line, block)
    wiring = endings.step_wiring(ctx, editor, helpers, endings.wrap_trigger(ctx))
    wiring.field_mapping = dict(assignments)
    wiring.notes.append(
        endings.inline_note(ctx)
        if REMEMBER in helpers
        else f"{ctx.qualified_name} returns from inside a block after sending, so nothing runs after it: "
        f"call {REMEMBER}(...) next to that return to close the feedback loop."
    )
    return wiring
