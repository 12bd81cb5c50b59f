"""TypeScript templated sends: where the function hands a template its props or context.

Three forms are found with tree-sitter in the wired function: a React Email element
(`react: <Welcome name={name} />`, `render(<Welcome />)`, `element: <Welcome {...props} />`),
a component called as a function with an object (`react: Welcome({ name })`, the component
imported from the repo), and a mailer's named template (`template: 'welcome', context: {...}`).
"""

from __future__ import annotations

import re
from typing import Literal

from tree_sitter import Node

from personize_assistant.actions.wire import endings
from personize_assistant.actions.wire import typescript_edit as edit
from personize_assistant.actions.wire.context import WireContext, Wiring, unsupported
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.source_typescript import function_node, parse_typescript
from personize_assistant.actions.wire.template_files import mailer_change
from personize_assistant.actions.wire.templated import (
    TemplateSite,
    brief,
    splice,
    statement_of,
    template_rules,
)
from personize_assistant.actions.wire.templated_react import component_change, resolve_module
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.extract_common import (
    descendants_of_type,
    end_line_of,
    preorder,
    string_value,
)
from personize_assistant.scan.extract_common import text as _text
from personize_assistant.scan.js_nodes import FUNCTION_TYPES

_JSX = ("jsx_self_closing_element", "jsx_opening_element")
FUNCTION_NODES = frozenset({*FUNCTION_TYPES, "method_definition", "function_declaration"})


JSX_VALUE = "\0JSX\0"
OBJECT_VALUE = "\0OBJECT\0"
"""Placeholders in a site's insertions for the prop as a JSX attribute / an object member:
how it is written depends on whether the component's props type could be changed."""


def find_site(ctx: WireContext) -> tuple[TemplateSite, str | None] | None:
    """The template the function renders and where the new prop goes, with the component's
    import specifier (None when declared in this file or not a component)."""
    node = function_node(ctx.source.text, ctx.source.path, ctx.fn)
    if node is None:
        return None
    imports = imported_names(parse_typescript(ctx.source.text, ctx.source.path))
    for finder in (_jsx_site, _call_site, _context_site):
        found = finder(ctx, node, imports)
        if found is not None:
            return found
    return None


def imported_names(root: Node) -> dict[str, tuple[str, str]]:
    """Local name -> (module, imported name or `default`) for the file's imports."""
    found: dict[str, tuple[str, str]] = {}
    for statement in root.named_children:
        module = string_value(statement.child_by_field_name("source")) if statement.type == "import_statement" else None
        clause = next((c for c in statement.children if c.type == "import_clause"), None)
        if module is None or clause is None:
            continue
        for part in clause.named_children:
            if part.type == "identifier":
                found[_text(part)] = (module, "default")
            for spec in descendants_of_type(part, "import_specifier"):
                name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
                found[_text(alias or name)] = (module, _text(name))
    return found






def _in_callback(fn: Node, node: Node) -> bool:
    """Built inside a nested function (`items.map((i) => <Row />)`): a step placed there
    could not await, and one placed outside could not see the callback's values."""
    current = node.parent
    while current is not None and current != fn:
        if current.type in FUNCTION_NODES:
            return True
        current = current.parent
    return False


def _is_component(name: str) -> bool:
    return name[:1].isupper() and name.replace("_", "").isalnum()


def _jsx_site(
    ctx: WireContext, fn: Node, imports: dict[str, tuple[str, str]]
) -> tuple[TemplateSite, str | None] | None:
    element = next(
        (
            n
            for n in preorder(fn)
            if n.type in _JSX and _is_component(_text(n.child_by_field_name("name"))) and not _in_callback(fn, n)
        ),
        None,
    )
    if element is None:
        return None
    name_node = element.child_by_field_name("name")
    assert name_node is not None  # _is_component("") is False
    name = _text(name_node)
    site = _site(ctx, fn, element, f"the React Email component {name}", name, "component")
    site.insertions.append((name_node.end_point[0], name_node.end_point[1], f" {JSX_VALUE}"))
    return site, imports.get(name, (None, ""))[0]


def _call_site(
    ctx: WireContext, fn: Node, imports: dict[str, tuple[str, str]]
) -> tuple[TemplateSite, str | None] | None:
    for node in preorder(fn):
        callee = node.child_by_field_name("function") if node.type == "call_expression" else None
        args = node.child_by_field_name("arguments") if callee is not None else None
        first = args.named_children[0] if args is not None and args.named_children else None
        if callee is None or callee.type != "identifier" or first is None or first.type != "object" or _in_callback(fn, node):
            continue
        name = _text(callee)
        module = imports.get(name, (None, ""))[0]
        # A component imported from the repo (relative or aliased), never a library's class.
        if _is_component(name) and module is not None and resolve_module(ctx, module) is not None:
            site = _site(ctx, fn, node, f"the React Email component {name}", name, "component")
            site.insertions.append(_object_insertion(ctx, first))
            return site, module
    return None


def _context_site(
    ctx: WireContext, fn: Node, imports: dict[str, tuple[str, str]]
) -> tuple[TemplateSite, str | None] | None:
    for obj in descendants_of_type(fn, "object"):
        pairs = {_text(p.child_by_field_name("key")): p for p in obj.named_children if p.type == "pair"}
        context, template = pairs.get("context"), pairs.get("template")
        shorthand = {_text(p) for p in obj.named_children if p.type == "shorthand_property_identifier"}
        if context is None or (template is None and "template" not in shorthand) or _in_callback(fn, obj):
            continue
        value = template.child_by_field_name("value") if template is not None else None
        name = string_value(value) if value is not None else None
        name = name or (_template_of_type(ctx, _text(value), imports) if value is not None else None)
        label = f"'{name}'" if name else _text(value) if value is not None else "template"
        site = _site(ctx, fn, obj, f"the mailer template {label}", label, "mailer")
        site.literal = name
        site.insertions.extend(_context_insertions(ctx, context.child_by_field_name("value")))
        return site, None
    return None


def _template_of_type(ctx: WireContext, expression: str, imports: dict[str, tuple[str, str]]) -> str | None:
    """`mailDesc.template` with `mailDesc: InviteMail` and `type InviteMail = { template:
    'user-invitation'; ... }`: the one template name the parameter's type allows."""
    owner, _, member = expression.partition(".")
    param = next((p for p in ctx.fn.params if p.name == owner), None)
    type_name = (param.annotation or "").strip() if param is not None else ""
    if member != "template" or not re.fullmatch(r"\w+", type_name):
        return None  # a union or an inline type: the template is chosen at run time
    module = imports.get(type_name, (None, None))[0]
    path = resolve_module(ctx, module) if module else ctx.source.path
    text = read_repo_file(ctx.root, path, MAX_REPO_FILE_BYTES) if path else None
    if text is None or isinstance(text, Refusal):
        return None
    declared = re.search(rf"(?:type|interface)\s+{type_name}\b[^{{]*\{{(?P<body>[^}}]*)", text)
    literal = re.search(r"""\btemplate\??\s*:\s*['"]([\w./-]+)['"]""", declared["body"]) if declared else None
    return literal.group(1) if literal else None


def _context_insertions(ctx: WireContext, node: Node | None) -> list[tuple[int, int, str]]:
    if node is None:
        return []
    if node.type == "object":
        return [_object_insertion(ctx, node)]
    # Any other expression: spread into a new object with the value added.
    return [(node.start_point[0], node.start_point[1], "{ ..."), (node.end_point[0], node.end_point[1], f", {OBJECT_VALUE} }}")]


def _object_insertion(ctx: WireContext, obj: Node) -> tuple[int, int, str]:
    """Add `value` as the first member of an object literal (on its own line when the
    object spans several)."""
    members = [c for c in obj.named_children if c.type != "comment"]
    row, col = obj.start_point[0], obj.start_point[1] + 1
    if members and members[0].start_point[0] > row:
        indent = " " * members[0].start_point[1]
        line = ctx.source.text.splitlines()[row].encode("utf-8")
        return row, len(line), f"\n{indent}{OBJECT_VALUE},"
    return row, col, f" {OBJECT_VALUE}," if members else f" {OBJECT_VALUE} "


def _site(ctx: WireContext, fn: Node, node: Node, form: str, name: str, kind: Literal["component", "mailer"]) -> TemplateSite:
    statement = statement_of(fn, node, "statement_block")
    if statement.parent is None or statement.parent.type != "statement_block":
        # `async (…) => sendEmail({ react: <X/> })`: no statement to compute the value before
        # (inserting one would land inside the call's object).
        raise unsupported(ctx, f"{ctx.qualified_name} returns {form} from an arrow function without a "
                               "body block; give it a `{ … return … }` body to wire it")
    send = _send_statement(ctx, fn) or statement
    lines = ctx.source.text.splitlines()
    row = statement.start_point[0]
    send_row = send.start_point[0]
    # The reported line may be the header (a wrapper's call site): then any send in the function.
    recipient = _recipient_of(send) or _recipient_of(fn)
    return TemplateSite(
        recipient=_text(recipient) if recipient is not None else None,
        recipient_names=_names_read(recipient),
        form=form,
        kind=kind,
        template=name,
        statement_line=row + 1,
        indent=lines[row][: len(lines[row]) - len(lines[row].lstrip())],
        send_line=end_line_of(send),
        send_indent=lines[send_row][: len(lines[send_row]) - len(lines[send_row].lstrip())],
        send_returns=send.type == "return_statement",
    )


def _recipient_of(send: Node) -> Node | None:
    """The value of the send's `to:` (or another recipient key) property."""
    keys = template_rules().personalized.recipient_keys
    for obj in descendants_of_type(send, "object"):
        for member in obj.named_children:
            if member.type == "pair" and _text(member.child_by_field_name("key")) in keys:
                return member.child_by_field_name("value")
            if member.type == "shorthand_property_identifier" and _text(member) in keys:
                return member
    return None


def _names_read(expression: Node | None) -> tuple[str, ...]:
    if expression is None:
        return ()
    if expression.type == "shorthand_property_identifier":
        return (_text(expression),)
    return tuple(_text(n) for n in descendants_of_type(expression, "identifier"))


def _send_statement(ctx: WireContext, fn: Node) -> Node | None:
    """The statement holding the send the scanner reported (the touchpoint's line)."""
    row = ctx.touchpoint.line - 1
    body = fn.child_by_field_name("body")
    if body is None or not (body.start_point[0] < row <= body.end_point[0]):
        return None
    inner = [n for n in preorder(body) if n.parent is not None and n.parent.type == "statement_block"
             and n.start_point[0] <= row <= n.end_point[0] and n.type != "comment"]
    return inner[-1] if inner else None


# --------------------------------------------------------------------------- the wiring


def wrap_template(ctx: WireContext) -> Wiring | None:
    """Personalize a templated send: a step computes the value before the template is
    built and passes it as a prop; the component renders it (or the change is described)."""
    found = find_site(ctx)
    if found is None:
        return None
    site, module = found
    if not ctx.fn.is_async:
        raise unsupported(ctx, f"{ctx.qualified_name} is not async, so it cannot await personalization for {site.form}")
    rules = template_rules().personalized
    prop, editor = rules.prop["ts"], FileEditor(ctx.source.text)
    editors = {ctx.source.path: editor}
    change = (
        component_change(ctx, site.template, module, editors, prop)
        if site.kind == "component"
        else mailer_change(ctx, site.literal)
    )
    if site.kind == "mailer" and change.path is None:
        # A context value no template renders would be generated (and remembered) for nothing.
        raise unsupported(ctx, f"{site.form} cannot be given the new value: {change.described}")
    result = ctx.fresh("personalized")
    _pass_value(ctx, site, editor, prop, f"{result}?.{rules.field}", typed=change.path is not None or site.kind != "component")
    values = endings.message_values(ctx, endings.template_recipient(ctx, site, "undefined"), result, "")
    values |= {"log": f"{ctx.style.logger}.warn" if ctx.style.logger else None}
    step = edit.render_styled(
        ctx, "ts/template_step.ts.j2", site.indent,
        component=site.template, prop=prop, field=rules.field, brief=brief(site.template), **values,
    )  # fmt: skip
    remember = edit.render_styled(ctx, "ts/template_remember.ts.j2", site.send_indent, **values)
    target = f"{site.template} {prop}"
    return endings.template_wiring(ctx, site, change, editors, (step, remember), "personalizeMessage", "undefined", target)


def _pass_value(ctx: WireContext, site: TemplateSite, editor: FileEditor, prop: str, value: str, typed: bool) -> None:
    """Fill the placeholders: a plain prop when the component's type has it, else a spread
    (which TypeScript does not check for excess props, so the send still compiles)."""
    jsx = f"{prop}={{{value}}}" if typed else f"{{...{{ {prop}: {value} }}}}"
    member = f"{prop}: {value}" if typed else f"...{{ {prop}: {value} }}"
    filled = [(r, c, t.replace(JSX_VALUE, jsx).replace(OBJECT_VALUE, member)) for r, c, t in site.insertions]
    splice(editor, ctx.source.text.splitlines(), filled)
