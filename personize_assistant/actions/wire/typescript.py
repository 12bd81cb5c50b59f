"""TypeScript wiring: the edit to the user's file for each pattern.

The helper module (`personize-wiring.ts`) holds the Personize logic; the user's file
gets a minimal, readable change: the original renamed to `<name>Original` plus a wrapper
with the same signature, or a short step inserted into the function body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from personize_assistant.actions.wire.context import (
    WireContext,
    Wiring,
    no_content,
    refuse_request_handler,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.mapping import MessageMapping, map_message
from personize_assistant.actions.wire.source import FunctionInfo, LocalAssignment, Param
from personize_assistant.codegen.render import indent_block, reindent, render, wrap_comments

_TEMPLATE_UNIT = "  "
HTTP_VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE")


# --------------------------------------------------------------------------- shared pieces


def render_styled(ctx: WireContext, template: str, indent: str, **values: object) -> str:
    """Render a template in the file's quote style and indentation, at `indent`."""
    code = render(template, **values)
    if ctx.style.quote == '"':
        code = _double_quotes(code)
    if not ctx.style.semicolons:
        # None of the generated lines starts with `(` or `[`, so ASI cannot join them.
        code = "\n".join(
            line[:-1] if line.endswith(";") and not line.lstrip().startswith(("*", "/")) else line
            for line in code.splitlines()
        )
    return wrap_comments(indent_block(reindent(code, ctx.style.indent_unit, _TEMPLATE_UNIT), indent), 100)


def _double_quotes(code: str) -> str:
    lines = []
    for line in code.splitlines():
        if not line.lstrip().startswith(("*", "/")):
            line = re.sub(r"'([^'\"\\\n`$]*)'", r'"\1"', line)
        lines.append(line)
    return "\n".join(lines)


def add_import(ctx: WireContext, editor: FileEditor, names: list[str]) -> None:
    q, semi = ctx.style.quote, ";" if ctx.style.semicolons else ""
    module = ctx.helper_module + ctx.style.import_extension
    existing = re.compile(rf"""^import\s*\{{([^}}]*)\}}\s*from\s*['"]{re.escape(module)}['"];?[ \t]*$""", re.M)
    found = existing.search(ctx.source.text)
    if found:
        # Wiring a second function in the same file: extend the import, never repeat it.
        merged = sorted({*names, *(n.strip() for n in found.group(1).split(",") if n.strip())})
        line = ctx.source.text.count("\n", 0, found.start()) + 1
        editor.replace_line(line, f"import {{ {', '.join(merged)} }} from {q}{module}{q}{semi}")
        return
    statement = f"import {{ {', '.join(sorted(set(names)))} }} from {q}{module}{q}{semi}"
    editor.insert_after(ctx.style.last_import_line, statement + ("\n" if not ctx.style.last_import_line else ""))


def original_name(ctx: WireContext) -> str:
    return ctx.fresh(f"{ctx.fn.name}Original")


def rename_original(ctx: WireContext, editor: FileEditor, original: str) -> None:
    """`export async function send(` -> `async function sendOriginal(` (not exported)."""
    fn = ctx.fn
    lines = ctx.source.text.splitlines()
    header = lines[fn.header_line - 1]
    renamed = header[: fn.name_col] + original + header[fn.name_col + len(fn.name) :]
    if fn.form == "method" and not _method_modifiers(ctx):
        # Only the wrapper should be called from outside the class now.
        renamed = renamed[: len(fn.indent)] + "private " + renamed[len(fn.indent) :]
    if fn.is_exported and fn.start_line == fn.header_line:
        renamed = re.sub(r"^(\s*)export\s+(default\s+)?", r"\1", renamed, count=1)
    elif fn.is_exported:
        raise unsupported(ctx, "the `export` keyword is not on the declaration line; wire it by hand")
    editor.replace_line(fn.header_line, renamed)


def param_texts(ctx: WireContext, original: str) -> tuple[list[str], list[str]]:
    """Wrapper parameters (as written) and the argument expressions that forward them."""
    texts, args = [], []
    for index, param in enumerate(ctx.fn.params):
        if param.kind == "this":
            texts.append(param.text)
            continue
        if param.kind == "destructured":
            name = _input_name(ctx, index)
            annotation = param.annotation or _parameters_type(ctx, original, index)
            texts.append(f"{name}{'?' if param.optional and not param.default else ''}: {annotation}")
            args.append(name)
            continue
        texts.append(_strip_accessibility(param.text))
        args.append(f"...{param.name}" if param.kind == "rest" else param.name)
    return texts, args


def _strip_accessibility(text: str) -> str:
    return re.sub(r"^(public|private|protected|readonly)\s+((readonly)\s+)?", "", text)


def _input_name(ctx: WireContext, index: int) -> str:
    return ctx.fresh("input") if index == 0 else ctx.fresh(f"input{index + 1}")


def _parameters_type(ctx: WireContext, original: str, index: int) -> str:
    target = f"{ctx.fn.class_name}['{original}']" if ctx.fn.class_name else f"typeof {original}"
    return f"Parameters<{target}>[{index}]"


def _arg_for(ctx: WireContext, args: list[str], index: int) -> str:
    """The expression naming parameter `index` inside the wrapper (skipping `this`)."""
    offset = sum(1 for p in ctx.fn.params[:index] if p.kind == "this")
    return args[index - offset]


def wrapper_header(ctx: WireContext, params: list[str], return_type: str | None, asynchronous: bool = True) -> tuple[str, str]:
    """The wrapper's declaration line and what follows its closing brace."""
    fn = ctx.fn
    ret = f": {return_type}" if return_type else ""
    maybe_async = "async " if asynchronous else ""
    joined = ", ".join(params)
    type_params = ""
    if fn.form == "method":
        modifiers = _method_modifiers(ctx)
        return f"{modifiers}{maybe_async}{fn.name}({joined}){ret}", ""
    export = "export default " if fn.is_default_export else "export " if fn.is_exported else ""
    if fn.form == "arrow":
        return f"{export}const {fn.name} = {maybe_async}({joined}){ret} =>", ";"
    return f"{export}{maybe_async}function {fn.name}{type_params}({joined}){ret}", ""


def _method_modifiers(ctx: WireContext) -> str:
    header = ctx.source.text.splitlines()[ctx.fn.header_line - 1][: ctx.fn.name_col]
    words = [w for w in header.split() if w in ("public", "private", "protected", "static", "override")]
    return " ".join(words) + (" " if words else "")


def async_return_type(fn: FunctionInfo) -> str | None:
    if fn.return_type is None:
        return None
    if fn.return_type.startswith("Promise<") or fn.is_async:
        return fn.return_type
    return f"Promise<{fn.return_type}>"


def call_expr(ctx: WireContext, original: str, args: list[str]) -> str:
    owner = "this." if ctx.fn.form == "method" else ""
    return f"{owner}{original}({', '.join(args)})"


def insert_wrapper(ctx: WireContext, editor: FileEditor, code: str) -> None:
    editor.insert_after(ctx.fn.end_line, "\n" + code)


def wrap_original(
    ctx: WireContext, editor: FileEditor, original: str, code: str, helpers: list[str], trigger: str
) -> Wiring:
    """Rename the original to `original`, put the wrapper `code` in its place and import the
    wiring `helpers` it calls: the edit every wrap-style pattern makes."""
    rename_original(ctx, editor, original)
    insert_wrapper(ctx, editor, code)
    add_import(ctx, editor, helpers)
    return Wiring(editor, helpers, trigger=trigger)


# --------------------------------------------------------------------------- wrap


def wrap(ctx: WireContext) -> Wiring:
    refuse_request_handler(ctx, ("email_send", "notification"))
    mapping = map_message(ctx.fn, ctx.channel_fields)
    if mapping.targets:
        return _wrap_parameters(ctx, mapping)
    return _wrap_locals(ctx)


def refuse_client_code(ctx: WireContext) -> None:
    """Personize keys must never reach a browser bundle (auth rule: server side only)."""
    head = ctx.source.text.lstrip()[:40]
    component = ctx.source.path.endswith(".tsx") and ctx.fn.name[:1].isupper()
    if head.startswith(("'use client'", '"use client"')) or component:
        raise unsupported(
            ctx,
            "this is client-side code; Personize is called only from server code "
            "(wire the server route or function it calls instead)",
        )


def _wrap_parameters(ctx: WireContext, mapping: MessageMapping) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    original = original_name(ctx)
    params, args = param_texts(ctx, original)
    recipient = _recipient(ctx, mapping, args)
    draft = ", ".join(f"{t.field}: {_target_expr(ctx, args, t.param_index, t.member)}" for t in mapping.targets)
    # Locals of the new wrapper: they need only avoid what the wrapper itself uses.
    used = {original, "personalizeMessage", "rememberDelivery", "this", ctx.style.logger or "", *args}
    result, outcome = ctx.fresh_local("personalized", used), ctx.fresh_local("outcome", used)
    header, terminator = wrapper_header(ctx, params, async_return_type(fn))
    code = render_styled(
        ctx,
        "ts/wrap.ts.j2",
        fn.indent,
        name=ctx.qualified_name,
        original=original,
        header=header,
        terminator=terminator,
        trigger=_wrap_trigger(ctx),
        trigger_id=ctx.trigger_id,
        channel=ctx.channel,
        recipient=recipient,
        fields=", ".join(f"'{t.field}'" for t in mapping.targets),
        draft=draft,
        log=f"{ctx.style.logger}.warn" if ctx.style.logger else None,
        result=result,
        outcome=outcome,
        provider=ctx.provider,
        call_original=call_expr(ctx, original, args),
        call_personalized=call_expr(ctx, original, _personalized_args(ctx, mapping, args, result)),
        mapping_text=_mapping_text(ctx, mapping, args),
    )
    rename_original(ctx, editor, original)
    insert_wrapper(ctx, editor, code)
    add_import(ctx, editor, ["personalizeMessage", "rememberDelivery"])
    wiring = Wiring(editor, ["personalizeMessage", "rememberDelivery"], trigger=_wrap_trigger(ctx))
    wiring.field_mapping = {t.field: _target_expr(ctx, args, t.param_index, t.member) for t in mapping.targets}
    wiring.notes.extend(_wrap_notes(ctx, mapping, original))
    return wiring


def _wrap_trigger(ctx: WireContext) -> str:
    return f"every call to {ctx.qualified_name}()"


def _target_expr(ctx: WireContext, args: list[str], index: int, member: str | None) -> str:
    base = _arg_for(ctx, args, index)
    return f"{base}.{member}" if member else base


def _recipient(ctx: WireContext, mapping: MessageMapping, args: list[str]) -> str:
    if mapping.recipient_param is None:
        return "undefined"
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


def _mapping_text(ctx: WireContext, mapping: MessageMapping, args: list[str]) -> str:
    return ", ".join(f"{t.field} -> {_target_expr(ctx, args, t.param_index, t.member)}" for t in mapping.targets)


def _wrap_notes(ctx: WireContext, mapping: MessageMapping, original: str) -> list[str]:
    notes = [f"{ctx.qualified_name} keeps its signature; the original body is now {original}()."]
    if mapping.recipient_param is None or mapping.recipient_is_phone:
        notes.append(
            "No email recipient among the parameters: generation uses the guidelines only and "
            "the delivery is not memorized (Personize identifies people by email)."
        )
    if not ctx.fn.is_async and ctx.fn.form != "inline":
        notes.append(f"{ctx.qualified_name} becomes async (it now returns a Promise); await it at call sites.")
    return notes


def _wrap_locals(ctx: WireContext) -> Wiring:
    """Content built inside the function: personalize right after it is computed."""
    chosen = _content_locals(ctx)
    if not chosen:
        raise no_content(ctx)
    if not ctx.fn.is_async:
        raise unsupported(ctx, f"{ctx.qualified_name} is not async, so it cannot await personalization")
    editor = FileEditor(ctx.source.text)
    result, outcome = ctx.fresh("personalized"), ctx.fresh("outcome")
    assignments = [(field, name) for field, name, _ in chosen]
    recipient = _local_recipient(ctx)
    values = dict(
        trigger=_wrap_trigger(ctx),
        trigger_id=ctx.trigger_id,
        channel=ctx.channel,
        recipient=recipient,
        result=result,
        outcome=outcome,
        provider=ctx.provider,
        log=f"{ctx.style.logger}.warn" if ctx.style.logger else None,
    )
    step = render_styled(
        ctx,
        "ts/inline_step.ts.j2",
        ctx.fn.body_indent,
        fields=", ".join(f"'{f}'" for f, _ in assignments),
        draft=", ".join(f"{f}: {n}" for f, n in assignments),
        assignments=assignments,
        mapping_text=", ".join(f"{f} -> {n}" for f, n in assignments),
        **values,
    )
    for declaration in {id(a): a for _, _, a in chosen}.values():
        _make_reassignable(ctx, editor, declaration)
    editor.insert_after(max(a.end_line for _, _, a in chosen), step)
    _remember_at_end(ctx, editor, values)
    add_import(ctx, editor, ["personalizeMessage", "rememberDelivery"])
    wiring = Wiring(editor, ["personalizeMessage", "rememberDelivery"], trigger=_wrap_trigger(ctx))
    wiring.field_mapping = {f: n for f, n in assignments}
    wiring.notes.append(f"Personalization runs inside {ctx.qualified_name}, right after its content is built.")
    return wiring


def _content_locals(ctx: WireContext) -> list[tuple[str, str, LocalAssignment]]:
    """(field, local name, declaration) for the first declarations that carry content."""
    content = [a for a in ctx.body.assignments if a.value != "other"]
    fake_params = [Param(name=n, text=n) for a in content for n in a.names]
    mapping = map_message(ctx.fn.model_copy(update={"params": fake_params}), ctx.channel_fields)
    by_name = {n: a for a in content for n in a.names}
    chosen = [(t.field, fake_params[t.param_index].name) for t in mapping.targets]
    return [(field, name, by_name[name]) for field, name in chosen]


def _local_recipient(ctx: WireContext) -> str:
    mapping = map_message(ctx.fn, ["SUBJECT"])
    if mapping.recipient_param is None:
        return "undefined"
    param = ctx.fn.params[mapping.recipient_param]
    return f"{param.name}.{mapping.recipient_member}" if mapping.recipient_member else param.name


def _make_reassignable(ctx: WireContext, editor: FileEditor, declaration: LocalAssignment) -> None:
    if declaration.keyword != "const":
        return
    line = ctx.source.text.splitlines()[declaration.line - 1]
    col = declaration.keyword_col
    editor.replace_line(declaration.line, line[:col] + "let" + line[col + len("const") :])


def _remember_at_end(ctx: WireContext, editor: FileEditor, values: Mapping[str, object]) -> None:
    body = ctx.body
    if body.return_line is not None and body.return_expression is not None:
        block = render_styled(
            ctx, "ts/inline_remember.ts.j2", ctx.fn.body_indent, expression=body.return_expression, returns=True, **values
        )
        editor.replace_range(body.return_line, body.return_end_line or body.return_line, block)
        return
    block = render_styled(ctx, "ts/inline_remember.ts.j2", ctx.fn.body_indent, expression="undefined", returns=False, **values)
    editor.insert_after(body.closing_line - 1, block)
