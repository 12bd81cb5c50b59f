"""TypeScript edits of the user's file: the import in the file's style, the renamed
original, the wrapper's header and parameters, templates rendered in the file's quotes,
semicolons and indentation."""

from __future__ import annotations

import re

from personize_assistant.actions.wire.context import (
    WireContext,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.source import FunctionInfo
from personize_assistant.actions.wire.source_typescript import typescript_imports
from personize_assistant.codegen.render import indent_block, reindent, wrap_comments
from personize_assistant.codegen.render import render as render_template

_TEMPLATE_UNIT = "  "


def render_styled(ctx: WireContext, template: str, indent: str, **values: object) -> str:
    """Render a template in the file's quote style and indentation, at `indent`."""
    code = render_template(template, **values)
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
    imports = typescript_imports(ctx.source.text, ctx.source.path)
    found = next((i for i in imports if i.module == module and i.names is not None), None)
    if found is not None and found.names is not None:
        # Wiring a second function in the same file: extend the import, never repeat it.
        merged = sorted({*names, *found.names})
        editor.replace_range(found.line, found.end_line, f"import {{ {', '.join(merged)} }} from {q}{module}{q}{semi}")
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
    # The decorators (`@Cron(...)`, route decorators) move to the wrapper: they must keep
    # calling the public name, or the scheduler would run the original and skip the wrapper.
    first = fn.start_line if fn.decorators else fn.header_line
    editor.replace_range(first, fn.header_line, renamed)


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


def arg_for(ctx: WireContext, args: list[str], index: int) -> str:
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
        decorators = "".join(f"{d}\n" for d in fn.decorators)
        return f"{decorators}{modifiers}{maybe_async}{fn.name}({joined}){ret}", ""
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


def render(ctx: WireContext, template: str, indent: str, **values: object) -> str:
    return render_styled(ctx, f"ts/{template}.ts.j2", indent, **values)
