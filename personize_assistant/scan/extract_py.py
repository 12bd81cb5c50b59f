"""Facts from Python files (queries in queries/python.scm)."""

from __future__ import annotations

import re

from tree_sitter import Node

from personize_assistant.scan.catalog import Catalog
from personize_assistant.scan.extract_common import (
    ScopeIndex,
    end_line_of,
    find_markers,
    line_of,
    named_children,
    normalize_chain,
    one_line,
    string_value,
    text,
)
from personize_assistant.scan.extract_js import segment_condition
from personize_assistant.scan.facts import (
    Binding,
    Branch,
    Call,
    Decorator,
    Def,
    Enum,
    FieldFact,
    FileFacts,
    Import,
    callee_name,
)
from personize_assistant.scan.languages import captures_in_order, grammar

ENUM_BASES = re.compile(r"(?:^|\.)(?:Enum|StrEnum|IntEnum|TextChoices|IntegerChoices|Choices|Flag)$")
_BEAT_TASK = re.compile(rb"""["']task["']\s*:\s*["']([\w.]+)["']""")
_CRON = re.compile(rb"(?i)\bcron(?:tab)?\b")
_MIDDLEWARE = re.compile(rb"\bMIDDLEWARE(?:_CLASSES)?\s*=\s*[\[(]")
_CONTEXT_PROCESSORS = re.compile(rb"""["']context_processors["']\s*:\s*[\[(]""")
_DOTTED_STRING = re.compile(rb"""["']([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+)["']""")
_BEAT_SCHEDULE = re.compile(rb"""["']schedule["']\s*:\s*([^\n]+)""")


class _PyExtractor:
    def __init__(self, path: str, source: bytes, catalog: Catalog) -> None:
        self.path = path
        self.source = source
        self.catalog = catalog
        self.defs: list[Def] = []
        self.calls: list[Call] = []
        self.imports: list[Import] = []
        self.bindings: list[Binding] = []
        self.fields: list[FieldFact] = []
        self.branches: list[Branch] = []
        self.enums: list[Enum] = []
        self.extra: list[tuple[str, str, int, int, str]] = []

    def run(self) -> FileFacts:
        tree = grammar("python").parser.parse(self.source)
        captures = captures_in_order(grammar("python").query, tree.root_node)
        for node in captures.get("def", ()):
            self._definition(node)
        self.scopes = ScopeIndex(self.defs)
        for node in captures.get("import", ()):
            self._import(node)
        for node in captures.get("assign", ()):
            self._assignment(node)
        for node in captures.get("call", ()):
            self._call(node)
        for node in captures.get("branch", ()):
            self._branch(node)
        for node in captures.get("aspattern", ()):
            self._with_alias(node)
        for node in captures.get("for", ()):
            self._loop_variable(node)
        self._beat_schedule()
        self._settings_lists()
        if "/management/commands/" in "/" + self.path and _CRON.search(self.source):
            self.extra.append(("cron_command", "Command", 1, 1, ""))
        return FileFacts(
            path=self.path,
            language="python",
            defs=tuple(self.scopes.defs),
            calls=tuple(self.calls),
            imports=tuple(self.imports),
            bindings=tuple(self.bindings),
            fields=tuple(self.fields),
            branches=tuple(self.branches),
            enums=tuple(self.enums),
            markers=find_markers(self.source, self.catalog, self.scopes),
            extra=tuple(self.extra),
            error=tree.root_node.has_error,
        )

    # ---------------------------------------------------------------- definitions
    def _definition(self, node: Node) -> None:
        name = text(node.child_by_field_name("name"), 120)
        if not name:
            return
        outer = node.parent if node.parent is not None and node.parent.type == "decorated_definition" else node
        container = outer.parent.parent if outer.parent is not None and outer.parent.type == "block" else None
        owner = ""
        if container is not None and container.type == "class_definition":
            owner = text(container.child_by_field_name("name"), 120)
        is_class = node.type == "class_definition"
        kind = "class" if is_class else ("method" if owner else "function")
        decorators: tuple[Decorator, ...] = ()
        if outer is not node:
            decorators = tuple(_decorator(d) for d in outer.named_children if d.type == "decorator")
        qualname = f"{owner}.{name}" if owner else name
        bases = _bases(node.child_by_field_name("superclasses")) if is_class else ()
        self.defs.append(
            Def(
                qualname=qualname,
                kind=kind,
                line=line_of(node),
                end_line=end_line_of(node),
                start=node.start_byte,
                end=node.end_byte,
                exported=not name.startswith("_"),
                decorators=decorators,
                params=_params(node.child_by_field_name("parameters")),
                bases=bases,
                statements=_statement_count(node.child_by_field_name("body")),
                returns="" if is_class else _returns(node),
            )
        )
        if is_class:
            self._class_body(node, qualname, bases)
        for decorator in decorators:
            if not decorator.args:  # `@login_manager.user_loader`: matched like a call
                self.calls.append(Call(decorator.chain, decorator.line, decorator.line, "", "", "", callee_name(decorator.chain)))

    def _class_body(self, node: Node, qualname: str, bases: tuple[str, ...]) -> None:
        values: list[str] = []
        for statement in named_children(node.child_by_field_name("body")):
            if statement.type != "expression_statement" or not statement.named_children:
                continue
            assignment = statement.named_children[0]
            if assignment.type != "assignment":
                continue
            left = assignment.child_by_field_name("left")
            if left is None or left.type != "identifier":
                continue
            name = text(left, 80)
            type_node = assignment.child_by_field_name("type")
            value = assignment.child_by_field_name("right")
            literal = string_value(value.named_children[0] if value is not None and value.type == "expression_list" and value.named_children else value)
            values.append(literal if literal is not None else name)
            self.fields.append(
                FieldFact(qualname, name, one_line(text(type_node, 200)), one_line(text(value, 400), 400), False, "", line_of(statement))
            )
        if any(ENUM_BASES.search(b) for b in bases):
            self.enums.append(Enum(qualname, tuple(v for v in values if not v.startswith("_"))))

    # ---------------------------------------------------------------- imports
    def _import(self, node: Node) -> None:
        line = line_of(node)
        if node.type == "import_statement":
            for name in node.named_children:
                if name.type == "aliased_import":
                    module = text(name.child_by_field_name("name"))
                    self.imports.append(Import(text(name.child_by_field_name("alias")), module, "*", line))
                else:
                    module = text(name)
                    self.imports.append(Import(module.split(".")[0], module, "*", line))
            return
        module_node = node.child_by_field_name("module_name")
        module = text(module_node).replace(" ", "")
        for child in node.named_children:
            if module_node is not None and child.start_byte == module_node.start_byte:
                continue
            if child.type == "wildcard_import":
                self.imports.append(Import("*", module, "*", line))
            elif child.type == "aliased_import":
                imported = text(child.child_by_field_name("name"))
                self.imports.append(Import(text(child.child_by_field_name("alias")), module, imported, line))
            elif child.type == "dotted_name":
                imported = text(child)
                self.imports.append(Import(imported.split(".")[-1], module, imported, line))

    # ---------------------------------------------------------------- bindings
    def _assignment(self, node: Node) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None:
            return
        scope_def = self.scopes.def_at(node.start_byte)
        if scope_def is not None and scope_def.kind == "class" and node.parent is not None and _in_class_body(node, scope_def):
            return
        scope = scope_def.qualname if scope_def else ""
        name = normalize_chain(text(left, 200))
        type_node = node.child_by_field_name("type")
        chain = _value_chain(right) if right is not None else ""
        if not chain and type_node is not None:
            chain = _type_chain(text(type_node, 120))
        if not chain:
            return
        raw = one_line(text(right, 200)) if right is not None else ""
        if name.startswith("self.") and name.count(".") == 1:
            owner = scope.split(".", 1)[0] if "." in scope else scope
            self.bindings.append(Binding(owner, name, chain, raw, line_of(node)))
        elif name.isidentifier():
            self.bindings.append(Binding(scope, name, chain, raw, line_of(node)))

    # ---------------------------------------------------------------- calls
    def _call(self, node: Node) -> None:
        function = node.child_by_field_name("function")
        if function is None:
            return
        chain = normalize_chain(text(function, 1000))
        if not chain:
            return
        arguments = node.child_by_field_name("arguments")
        arg0 = args = ""
        name = callee_name(chain)
        if self.catalog.keeps_arguments(name):
            arg0 = one_line(text(next(iter(named_children(arguments)), None), 200))
            args = one_line(text(arguments, 600), 600)
        self.calls.append(
            Call(chain, line_of(node), end_line_of(node), self.scopes.at(node.start_byte), arg0, args, name)
        )

    def _branch(self, node: Node) -> None:
        condition = text(node, 300)
        if not segment_condition(condition):
            return
        body = node.parent.child_by_field_name("consequence") if node.parent is not None else None
        self.branches.append(
            Branch(self.scopes.at(node.start_byte), line_of(node), one_line(condition, 300), one_line(text(body, 300), 300))
        )

    def _with_alias(self, node: Node) -> None:
        """`with smtplib.SMTP(host) as server:` binds `server`."""
        alias = node.child_by_field_name("alias")
        value = next(iter(node.named_children), None)
        if alias is None or value is None:
            return
        name = text(alias, 80).strip()
        chain = _value_chain(value)
        if name.isidentifier() and chain:
            scope = self.scopes.at(node.start_byte)
            self.bindings.append(Binding(scope, name, chain, one_line(text(value, 200)), line_of(node)))

    def _loop_variable(self, node: Node) -> None:
        name = text(node.child_by_field_name("left"), 80)
        chain = _value_chain(node.child_by_field_name("right"))
        if name.isidentifier() and chain and not chain.startswith(("str:", "expr:")):
            scope = self.scopes.at(node.start_byte)
            self.bindings.append(Binding(scope, name, "iter:" + chain, "", line_of(node)))

    def _settings_lists(self) -> None:
        """Django `MIDDLEWARE` / `context_processors` entries name classes and functions."""
        for marker, kind in ((_MIDDLEWARE, "django_middleware"), (_CONTEXT_PROCESSORS, "django_context_processor")):
            found = marker.search(self.source)
            if found is None:
                continue
            start = found.start()
            end = self.source.find(b"]", start)
            block = self.source[start:end]
            first_line = self.source.count(b"\n", 0, start) + 1
            for match in _DOTTED_STRING.finditer(block):
                line = first_line + block.count(b"\n", 0, match.start())
                self.extra.append((kind, match.group(1).decode(), line, line, ""))

    def _beat_schedule(self) -> None:
        """Celery beat entries: `'task': 'app.tasks.send_digest', 'schedule': crontab(...)`."""
        if b"beat_schedule" not in self.source and b"BEAT_SCHEDULE" not in self.source:
            return
        for match in _BEAT_TASK.finditer(self.source):
            line = self.source.count(b"\n", 0, match.start()) + 1
            after = _BEAT_SCHEDULE.search(self.source[match.end() : match.end() + 200])
            before = list(_BEAT_SCHEDULE.finditer(self.source[max(0, match.start() - 200) : match.start()]))
            schedule = after or (before[-1] if before else None)
            detail = schedule.group(1).decode("utf-8", "replace") if schedule else ""
            detail = _LINE_COMMENT.sub("", detail).strip().rstrip(",} ")  # `crontab(...),  # UTC 02:30`
            self.extra.append(("beat_task", match.group(1).decode(), line, line, detail[:120]))


def _returns(function: Node) -> str:
    """`-> TwilioClient`, else the chain of a final `return client`."""
    declared = text(function.child_by_field_name("return_type"), 200).strip()
    items = _COLLECTION.match(declared)
    if items:  # `-> list[Listener]`: what a loop over the result holds (resolve.ITEMS_PREFIX)
        return "items:" + _type_chain(items.group(1))
    annotation = _unwrap_typing(declared)
    if annotation != declared:
        return _type_chain(annotation)
    if annotation:
        return _type_chain(annotation) if annotation[:1].isupper() and not annotation.startswith(("Optional", "Iterator", "Generator", "Any", "None")) else _optional_chain(annotation)
    body = function.child_by_field_name("body")
    last = body.named_children[-1] if body is not None and body.named_child_count else None
    if last is None or last.type != "return_statement" or not last.named_children:
        return ""
    chain = _value_chain(last.named_children[0])
    return "" if chain.startswith("str:") else chain


_LINE_COMMENT = re.compile(r"\s+#[^\n]*$")
_COLLECTION = re.compile(r"^(?:typing\.)?(?:list|List|Sequence|Iterable|Iterator|set|Set|tuple|Tuple)\[\s*([A-Z][\w.]*)\s*(?:,\s*\.\.\.\s*)?\]$")
_TYPING_WRAPPER = re.compile(r"^(?:typing\.)?(?:Type|type|Union|Awaitable|Coroutine\[[^\[\]]*,[^\[\]]*,)\[\s*")


def _unwrap_typing(annotation: str) -> str:
    """`Type[Union[smtplib.SMTP_SSL, smtplib.SMTP]]` -> `smtplib.SMTP_SSL, ...`: the first
    concrete class is what the caller ends up using."""
    while True:
        stripped = _TYPING_WRAPPER.sub("", annotation, count=1)
        if stripped == annotation:
            return annotation
        annotation = stripped


def _optional_chain(annotation: str) -> str:
    inner = re.match(r"Optional\[([\w.]+)\]", annotation)
    return f"{inner.group(1)}()" if inner else ""


def _statement_count(body: Node | None) -> int:
    return body.named_child_count if body is not None else 0


def _in_class_body(node: Node, scope_def: Def) -> bool:
    """True for `x = ...` directly in a class body (fields, handled separately)."""
    statement = node.parent
    block = statement.parent if statement is not None else None
    return block is not None and block.parent is not None and block.parent.start_byte == scope_def.start


def _bases(arguments: Node | None) -> tuple[str, ...]:
    bases: list[str] = []
    for argument in named_children(arguments):
        if argument.type == "keyword_argument":
            bases.append(one_line(text(argument, 120)).replace(" ", ""))
        else:
            bases.append(normalize_chain(text(argument, 200)))
    return tuple(bases)


def _params(params: Node | None) -> tuple[tuple[str, str], ...]:
    result: list[tuple[str, str]] = []
    for param in named_children(params):
        if param.type == "identifier":
            result.append((text(param), ""))
            continue
        name_node = param.child_by_field_name("name") or next(iter(param.named_children), None)
        type_text = text(param.child_by_field_name("type"), 200)
        default = text(param.child_by_field_name("value"), 200)
        detail = type_text + ("=" + default if default else "")
        result.append((text(name_node, 80), one_line(detail, 300)))
    return tuple(result)


def _value_chain(value: Node | None) -> str:
    if value is None:
        return ""
    if value.type == "await":
        value = next(iter(value.named_children), None)
        if value is None:
            return ""
    if value.type == "string":
        return "str:" + (string_value(value) or "")[:300]
    if value.type == "call":
        return normalize_chain(text(value.child_by_field_name("function"), 1000)) + "()"
    if value.type in ("attribute", "identifier", "subscript"):
        return normalize_chain(text(value, 1000))
    if value.type in ("binary_operator", "concatenated_string"):
        return "str:" + one_line(text(value, 300), 300)
    if value.type in ("none", "true", "false", "integer", "float"):
        return ""
    return "expr:"


def _type_chain(type_text: str) -> str:
    name = re.match(r"[\w.]+", type_text.strip())
    return f"{name.group(0)}()" if name else ""


def _decorator(node: Node) -> Decorator:
    inner = next(iter(node.named_children), None)
    if inner is not None and inner.type == "call":
        callee = normalize_chain(text(inner.child_by_field_name("function"), 200))
        return Decorator(callee, one_line(text(inner.child_by_field_name("arguments"), 300), 300), line_of(node))
    return Decorator(normalize_chain(text(inner, 200)), "", line_of(node))


def extract_py(path: str, source: bytes, catalog: Catalog) -> FileFacts:
    return _PyExtractor(path, source, catalog).run()
