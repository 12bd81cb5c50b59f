"""Python templated sends: a Django or Jinja template rendered with a context inside the
wired function (`render_to_string(name, ctx)`, `get_template(name).render(ctx)`,
`template.render(**ctx)`, `render_template(name, **ctx)`). The renders are data
(`templates.yaml`); the value joins the context and the template file, when found under a
`templates/` folder near the wired file, gets an `{% if %}` block that renders it.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from personize_assistant.actions.wire import endings
from personize_assistant.actions.wire.context import WireContext, Wiring
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.python_edit import render_code
from personize_assistant.actions.wire.source_python import function_node
from personize_assistant.actions.wire.template_files import django_change
from personize_assistant.actions.wire.templated import (
    PythonRender,
    TemplateSite,
    brief,
    splice,
    statement_of,
    template_rules,
)
from personize_assistant.scan.extract_common import end_line_of, preorder, string_value, text

_VALUE = "\0VALUE\0"


def wrap_template(ctx: WireContext) -> Wiring | None:
    """Personalize a templated send: a step computes the value before the render and adds
    it to the context; the template renders it (or the change needed is described)."""
    fn = function_node(ctx.source.text, ctx.fn)
    found = _find_render(fn) if fn is not None else None
    if fn is None or found is None:
        return None
    call, spec = found
    name = _template_name(fn, call, spec)
    site = _site(ctx, fn, call, name)
    rules = template_rules().personalized
    prop, editor = rules.prop["py"], FileEditor(ctx.source.text)
    awaited, personalize = ("await ", "personalize_message_async") if ctx.fn.is_async else ("", "personalize_message")
    result = ctx.fresh("personalized")
    value = f'{result}["{rules.field}"] if {result} else ""'
    splice(editor, ctx.source.text.splitlines(), [(r, c, t.replace(_VALUE, value)) for r, c, t in _context_insertions(ctx, call, spec, prop)])
    values = endings.message_values(ctx, endings.template_recipient(ctx, site, "None"), result, "")
    step = render_code(
        "py/template_step.py.j2", site.indent,
        prop=prop, field=rules.field, personalize=personalize, brief=brief(site.template), **{"await": awaited}, **values,
    )  # fmt: skip
    remember = render_code("py/template_remember.py.j2", site.send_indent, **values)
    editors = {ctx.source.path: editor}
    target = f"{site.template} context {prop}"
    return endings.template_wiring(ctx, site, django_change(ctx, name), editors, (step, remember), personalize, "empty", target)




def _callee_name(call: Node) -> str:
    callee = call.child_by_field_name("function")
    if callee is not None and callee.type == "attribute":
        return text(callee.child_by_field_name("attribute"))
    return text(callee) if callee is not None and callee.type == "identifier" else ""


def _find_render(fn: Node) -> tuple[Node, PythonRender] | None:
    specs = {r.name: r for r in template_rules().python_renders}
    for node in preorder(fn):
        spec = specs.get(_callee_name(node)) if node.type == "call" else None
        if spec is None or _in_nested(fn, node):
            continue
        if spec.template_from == "receiver" and not _renders_template(fn, node):
            continue  # `exporter.render(...)`: not a template
        return node, spec
    return None


def _in_nested(fn: Node, node: Node) -> bool:
    """Rendered inside a nested function or lambda: its values are not the send's."""
    current = node.parent
    while current is not None and current != fn:
        if current.type in ("function_definition", "lambda"):
            return True
        current = current.parent
    return False


def _receiver(call: Node) -> Node | None:
    callee = call.child_by_field_name("function")
    return callee.child_by_field_name("object") if callee is not None and callee.type == "attribute" else None


def _renders_template(fn: Node, call: Node) -> bool:
    source = _template_source(fn, call)
    return source is not None and re.search(r"template|from_string", text(source), re.IGNORECASE) is not None


def _template_source(fn: Node, call: Node) -> Node | None:
    """What `.render` is called on: the receiver, or the value a local receiver was given."""
    receiver = _receiver(call)
    if receiver is None or receiver.type != "identifier":
        return receiver
    name = text(receiver)
    assigned = [
        n.child_by_field_name("right")
        for n in preorder(fn)
        if n.type == "assignment" and text(n.child_by_field_name("left")) == name and n.start_point[0] < call.start_point[0]
    ]
    return assigned[-1] if assigned else receiver


def _args(call: Node) -> tuple[list[Node], dict[str, Node], Node | None]:
    """Positional arguments, keyword arguments, and the argument list node."""
    arguments = call.child_by_field_name("arguments")
    children = [c for c in arguments.named_children if c.type != "comment"] if arguments is not None else []
    positional = [c for c in children if c.type not in ("keyword_argument", "dictionary_splat", "list_splat")]
    keywords = {text(c.child_by_field_name("name")): c.child_by_field_name("value") for c in children if c.type == "keyword_argument"}
    return positional, {k: v for k, v in keywords.items() if v is not None}, arguments


def _template_name(fn: Node, call: Node, spec: PythonRender) -> str | None:
    if spec.template_from == "receiver":
        source = _template_source(fn, call)
        inner = source.child_by_field_name("arguments") if source is not None and source.type == "call" else None
        first = inner.named_children[0] if inner is not None and inner.named_children else None
        return string_value(first)
    positional, keywords, _ = _args(call)
    node = keywords.get(spec.template_keyword or "")
    if node is None and spec.template_arg is not None and len(positional) > spec.template_arg:
        node = positional[spec.template_arg]
    return string_value(node)


def _context_insertions(ctx: WireContext, call: Node, spec: PythonRender, prop: str) -> list[tuple[int, int, str]]:
    positional, keywords, arguments = _args(call)
    assert arguments is not None  # a call always has its argument list
    children = [c for c in arguments.named_children if c.type != "comment"]
    as_keyword = spec.context == "kwargs" or (spec.template_from == "receiver" and len(children) > len(positional))
    if as_keyword:
        return [_append(arguments, children, f"{prop}={_VALUE}")]
    context = keywords.get(spec.context_keyword or "")
    if context is None and spec.context_arg is not None and len(positional) > spec.context_arg:
        context = positional[spec.context_arg]
    if context is None:
        entry = f'{{"{prop}": {_VALUE}}}'
        keyword = len(children) > len(positional) and spec.context_keyword
        return [_append(arguments, children, f"{spec.context_keyword}={entry}" if keyword else entry)]
    if context.type == "dictionary":
        return [_first_entry(ctx, context, f'"{prop}": {_VALUE}')]
    return [(context.start_point[0], context.start_point[1], "{**"), (context.end_point[0], context.end_point[1], f', "{prop}": {_VALUE}}}')]


def _append(arguments: Node, children: list[Node], argument: str) -> tuple[int, int, str]:
    if not children:
        return arguments.start_point[0], arguments.start_point[1] + 1, argument
    last = children[-1]
    return last.end_point[0], last.end_point[1], f", {argument}"


def _first_entry(ctx: WireContext, dictionary: Node, entry: str) -> tuple[int, int, str]:
    members = [c for c in dictionary.named_children if c.type != "comment"]
    row = dictionary.start_point[0]
    if members and members[0].start_point[0] > row:
        line = ctx.source.text.splitlines()[row].encode("utf-8")
        return row, len(line), "\n" + " " * members[0].start_point[1] + entry + ","
    return row, dictionary.start_point[1] + 1, f"{entry}, " if members else entry


def _site(ctx: WireContext, fn: Node, call: Node, name: str | None) -> TemplateSite:
    statement = statement_of(fn, call, "block")
    row = ctx.touchpoint.line - 1
    body = fn.child_by_field_name("body")
    inner = [
        n for n in preorder(body) if n.parent is not None and n.parent.type == "block" and n.start_point[0] <= row <= n.end_point[0]
    ] if body is not None else []
    send = inner[-1] if inner else statement
    lines = ctx.source.text.splitlines()
    # The reported line may be the header (a wrapper's call site): then any send in the function.
    recipient = _recipient_of(send) or _recipient_of(fn)
    return TemplateSite(
        recipient=text(recipient) if recipient is not None else None,
        recipient_names=tuple(text(n) for n in preorder(recipient) if n.type == "identifier" and _is_variable(n)) if recipient else (),
        form=f"the template {name}" if name else "its template",
        kind="context",
        template=name or "the template",
        statement_line=statement.start_point[0] + 1,
        indent=_indent(lines[statement.start_point[0]]),
        send_line=end_line_of(send),
        send_indent=_indent(lines[send.start_point[0]]),
        send_returns=send.type == "return_statement" or statement.type == "return_statement",
    )


def _recipient_of(send: Node) -> Node | None:
    """The value of the send's `to=` / `recipient_list=` keyword."""
    keys = template_rules().personalized.recipient_keys
    for node in preorder(send):
        if node.type == "keyword_argument" and text(node.child_by_field_name("name")) in keys:
            return node.child_by_field_name("value")
    return None


def _is_variable(identifier: Node) -> bool:
    """`user` in `user.email`, not `email` (an attribute) or a keyword's name."""
    parent = identifier.parent
    if parent is not None and parent.type == "attribute":
        return parent.child_by_field_name("attribute") != identifier
    return parent is None or parent.type != "keyword_argument" or parent.child_by_field_name("name") != identifier


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]
