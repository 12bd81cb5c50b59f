"""Facts from JavaScript, JSX, TypeScript and TSX files (queries in queries/*.scm)."""

from __future__ import annotations

import re
from typing import NamedTuple

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
from personize_assistant.scan.extract_jobs import job_binding
from personize_assistant.scan.facts import (
    Binding,
    Branch,
    Call,
    Decorator,
    Def,
    Enum,
    Export,
    FieldFact,
    FileFacts,
    Import,
    SchemaCall,
    callee_name,
)
from personize_assistant.scan.js_nodes import (
    FUNCTION_TYPES,
    decorator,
    function_argument,
    object_argument,
    pair_key,
    returns,
    statement_count,
    type_chain,
    unwrap,
    value_chain,
)
from personize_assistant.scan.languages import captures_in_order, grammar
from personize_assistant.scan.rules import handlers

CLASS_TYPES = frozenset({"class_declaration", "abstract_class_declaration", "class"})
ROUTE_METHODS = frozenset({"get", "post", "put", "patch", "delete", "all", "head", "options"})
_HTTP_VERBS = frozenset(m.upper() for m in ROUTE_METHODS) - {"ALL"}
SEGMENT_WORDS = re.compile(
    r"\b(?:plan|plans|tier|role|roles|subscriptionStatus|subscription_status|subscriptionTier|"
    r"lifecycle|lifecycleStage|lifecycle_stage|locale|language|lang|isPro|is_pro|isPremium|is_premium|"
    r"isTrial|is_trial|trial|onTrial|on_trial|isTrialing|isFree|is_free|isPaid|is_paid|isPaying|"
    r"persona|segment|cohort|country|planId|plan_id|planName|plan_name|planType|plan_type|"
    r"userType|user_type|accountType|account_type|customerType|customer_type|seniority|industry)\b"
)
_STRINGS = re.compile(r"""'[^'\n]*'|"[^"\n]*"|`[^`]*`""")


def segment_condition(condition: str) -> bool:
    """Does a branch condition read a user attribute (outside string literals)?"""
    return bool(SEGMENT_WORDS.search(_STRINGS.sub("", condition)))


_ROUTE_PATH_LITERAL = re.compile(rb"""['"`][/*]""")
"""A string literal starting with `/` or `*`: a file without one registers no routes."""
_RPC_ROUTE_LITERAL = re.compile(rb"""[Rr]outer\.\w+\(\s*['"`][a-z][\w-]*\.""")
"""...or `router.post("documents.list", ...)`: a koa-router RPC-style method name."""
_H = handlers()

BINDABLE = frozenset(
    {"call_expression", "new_expression", "member_expression", "identifier", "subscript_expression",
     "string", "template_string", "binary_expression", "ternary_expression"}
)
"""Variable values worth remembering (literals, objects and functions are handled elsewhere)."""


class _Variable(NamedTuple):
    """A `variable_declarator` with its name and (unwrapped) value, looked up once."""

    node: Node
    name: Node | None
    value: Node | None

    @classmethod
    def of(cls, node: Node) -> _Variable:
        return cls(node, node.child_by_field_name("name"), unwrap(node.child_by_field_name("value")))


class _JsExtractor:
    def __init__(self, path: str, language: str, source: bytes, catalog: Catalog) -> None:
        self.path = path
        self.language = language
        self.source = source
        self.catalog = catalog
        self.defs: list[Def] = []
        self.calls: list[Call] = []
        self.imports: list[Import] = []
        self.exports: list[Export] = []
        self.bindings: list[Binding] = []
        self.fields: list[FieldFact] = []
        self.schemas: list[SchemaCall] = []
        self.branches: list[Branch] = []
        self.enums: list[Enum] = []
        self.table_factories: set[str] = set()
        """Names bound to Drizzle `pgTableCreator(...)`: calls to them define tables."""
        self.scopes: ScopeIndex

    # ---------------------------------------------------------------- entry
    def run(self) -> FileFacts:
        tree = grammar(self.language).parser.parse(self.source)
        captures = captures_in_order(grammar(self.language).query, tree.root_node)
        # Both passes read the same fields of calls and declarators: look them up once
        # (field lookups are the extractor's most frequent tree-sitter call).
        calls = [(node, node.child_by_field_name("function")) for node in captures.get("call", ())]
        variables = [_Variable.of(node) for node in captures.get("var", ())]
        for node in captures.get("def", ()):
            self._definition(node)
        for node in captures.get("pair", ()):
            self._pair(node)
        for node in captures.get("field", ()):
            self._field_function(node)
        for variable in variables:
            self._function_variable(variable)
        for node in captures.get("assign", ()):
            self._function_assignment(node)
        if _ROUTE_PATH_LITERAL.search(self.source) or _RPC_ROUTE_LITERAL.search(self.source):
            for node, function in calls:
                self._route_handlers(node, function)
        self.scopes = ScopeIndex(self.defs)
        self._second_pass(captures, calls, variables)
        return FileFacts(
            path=self.path,
            language=self.language,
            defs=tuple(self.scopes.defs),
            calls=tuple(self.calls),
            imports=tuple(self.imports),
            exports=tuple(self.exports),
            bindings=tuple(self.bindings),
            fields=tuple(self.fields),
            schemas=tuple(self.schemas),
            branches=tuple(self.branches),
            enums=tuple(self.enums),
            markers=find_markers(self.source, self.catalog, self.scopes),
            error=tree.root_node.has_error,
        )

    def _second_pass(
        self,
        captures: dict[str, list[Node]],
        calls: list[tuple[Node, Node | None]],
        variables: list[_Variable],
    ) -> None:
        for node in captures.get("import", ()):
            self._import(node)
        for node in captures.get("export", ()):
            self._export(node)
        for variable in variables:
            self._variable(variable)
        for node in captures.get("assign", ()):
            self._assignment(node)
        for node, function in calls:
            self._call(node, function)
        for node in captures.get("new", ()):
            self._call(node, node.child_by_field_name("constructor"))
        for node in captures.get("field", ()):
            self._field(node)
        for node in captures.get("branch", ()):
            self._branch(node)
        for node in captures.get("enum", ()):
            self._enum(node)
        for node in captures.get("union", ()):
            self._union(node)

    # ---------------------------------------------------------------- definitions
    def _definition(self, node: Node) -> None:
        name = text(node.child_by_field_name("name"), 120)
        if not name:
            return
        kind = "class" if node.type in CLASS_TYPES else "function"
        owner = ""
        if node.type == "method_definition":
            kind = "method"
            owner = self._owner_name(node.parent)
        qualname = f"{owner}.{name}" if owner else name
        exported = node.parent is not None and node.parent.type == "export_statement"
        if (
            exported
            and node.parent is not None
            and node.parent.child_by_field_name("value") is None
            and any(c.type == "default" for c in node.parent.children)
        ):
            self.exports.append(Export("default", qualname, ""))
        self._add_def(
            qualname,
            kind,
            node,
            head=_past_decorators(node),
            span=node,
            exported=exported,
            tail=node,
            decorators=self._decorators(node),
            bases=self._bases(node) if kind == "class" else (),
            returns="" if kind == "class" else returns(node),
        )
        if kind == "method" and name == "constructor":
            self._parameter_properties(node, owner)

    def _add_def(
        self,
        qualname: str,
        kind: str,
        function: Node,
        *,
        head: Node,
        span: Node,
        exported: bool,
        tail: Node | None = None,
        decorators: tuple[Decorator, ...] = (),
        bases: tuple[str, ...] = (),
        returns: str = "",
    ) -> None:
        """Record a definition: parameters and body size come from `function`, the reported
        lines from `head` to `tail` (default: `head`), the byte range from `span`."""
        self.defs.append(
            Def(
                qualname=qualname,
                kind=kind,
                line=line_of(head),
                end_line=end_line_of(tail or head),
                start=span.start_byte,
                end=span.end_byte,
                exported=exported,
                decorators=decorators,
                params=self._params(function.child_by_field_name("parameters")),
                bases=bases,
                statements=statement_count(function.child_by_field_name("body")),
                returns=returns,
            )
        )

    def _owner_name(self, body: Node | None) -> str:
        """Class name for a method, variable/key name for an object-literal method."""
        if body is None or body.parent is None:
            return ""
        holder = body.parent
        if body.type == "class_body":
            return text(holder.child_by_field_name("name"), 120)
        if body.type == "object":
            return self._object_holder_name(body)
        return ""

    def _object_holder_name(self, obj: Node) -> str:
        holder = obj.parent
        while holder is not None and holder.type in ("parenthesized_expression", "as_expression", "satisfies_expression"):
            holder = holder.parent
        if holder is None:
            return ""
        if holder.type == "variable_declarator":
            return text(holder.child_by_field_name("name"), 120)
        if holder.type == "pair":
            return text(holder.child_by_field_name("key"), 120)
        if holder.type == "assignment_expression":
            return normalize_chain(text(holder.child_by_field_name("left"), 200))
        if holder.type == "export_statement":
            return "default"
        return ""

    def _pair(self, node: Node) -> None:
        key = text(node.child_by_field_name("key"), 120).strip("'\"")
        value = node.child_by_field_name("value")
        if not key or value is None:
            return
        owner = self._object_holder_name(node.parent) if node.parent is not None else ""
        qualname = f"{owner}.{key}" if owner else key
        self._add_def(qualname, "method", value, head=node, span=value, exported=False)
        job = job_binding(node, qualname)
        if job is not None:
            self.bindings.append(job)

    def _field_function(self, node: Node) -> None:
        """`sendMail = async (data) => {...}` in a class body: a method like any other (its
        calls belong to it, callers reach it through the class)."""
        value = unwrap(node.child_by_field_name("value"))
        if value is None or value.type not in FUNCTION_TYPES:
            return
        owner = self._owner_name(node.parent)
        name = text(node.child_by_field_name("name") or node.child_by_field_name("property"), 80)
        if owner and name:
            self._add_def(f"{owner}.{name}", "method", value, head=node, span=node, exported=False, returns=returns(value))

    def _function_variable(self, variable: _Variable) -> None:
        node, name_node, value = variable
        if name_node is None or name_node.type != "identifier" or value is None:
            return
        if value.type == "call_expression" and text(value.child_by_field_name("function"), 80).endswith("TableCreator"):
            self.table_factories.add(text(name_node))
            return
        function = value if value.type in FUNCTION_TYPES else function_argument(value)
        if function is None:
            return
        declaration = node.parent
        exported = bool(
            declaration is not None
            and declaration.parent is not None
            and declaration.parent.type == "export_statement"
        )
        self._add_def(
            text(name_node, 120),
            "function",
            function,
            head=node,
            span=node,
            exported=exported,
            returns=returns(function),
        )

    def _function_assignment(self, node: Node) -> None:
        """`module.exports.send = async () => {}` / `exports.handler = function () {}`."""
        left = normalize_chain(text(node.child_by_field_name("left"), 200))
        value = unwrap(node.child_by_field_name("right"))
        if value is None or value.type not in FUNCTION_TYPES:
            return
        if left.startswith(("module.exports.", "exports.")):
            name = left.rsplit(".", 1)[1]
            self.exports.append(Export(name, name, ""))
        elif left in ("module.exports", "exports"):
            name = "default"
            self.exports.append(Export("default", "default", ""))
        elif "." in left and not left.startswith("this."):
            name = left
        else:
            return
        self._add_def(name, "function", value, head=node, span=node, exported=True)

    def _route_handlers(self, node: Node, function: Node | None) -> None:
        """Inline handlers of `app.post('/path', async (req, res) => ...)` become definitions."""
        if function is not None and function.end_byte - function.start_byte == 3 and text(function) == "api":
            self._wasp_api(node)
            return
        if function is None or function.type != "member_expression":
            return
        method = text(function.child_by_field_name("property"), 20)
        if method not in ROUTE_METHODS:
            return
        arguments = node.child_by_field_name("arguments")
        first = next(iter(named_children(arguments)), None)
        path = string_value(first)
        rpc = path is not None and first is not None and self._rpc_route(function, path)
        if path is None or first is None or not (path.startswith(("/", "*")) or rpc):
            return
        for argument in named_children(arguments):
            if argument.type in FUNCTION_TYPES:
                qualname = f"{method.upper()} {path[:120]}"
                # The route is reported from its call's line (an RPC method from its name's
                # line: the name is what identifies it) to the end of its handler.
                self._add_def(
                    qualname, "route", argument, head=first if rpc else node, tail=argument, span=argument, exported=False
                )

    @staticmethod
    def _rpc_route(function: Node, path: str) -> bool:
        """`router.post("hooks.slack", ...)`: a method name on a router, not a URL path."""
        receiver = text(function.child_by_field_name("object"), 60).rsplit(".", 1)[-1]
        return _H.rpc_route.match(path) is not None and _H.rpc_router.match(receiver) is not None

    def _wasp_api(self, node: Node) -> None:
        """Wasp's spec `api("POST", "/payments-webhook", handler, {...})` declares a route; it
        is reported where it is declared (the handler is a reference the spec imports)."""
        arguments = list(named_children(node.child_by_field_name("arguments")))
        method = string_value(arguments[0]) if arguments else None
        path = string_value(arguments[1]) if len(arguments) > 1 else None
        if method is None or path is None or method.upper() not in _HTTP_VERBS or not path.startswith("/"):
            return
        self._add_def(f"{method.upper()} {path[:120]}", "route", node, head=node, span=node, exported=False)

    def _decorators(self, node: Node) -> tuple[Decorator, ...]:
        found = [c for c in node.children if c.type == "decorator"]
        sibling = node.prev_named_sibling
        while sibling is not None and sibling.type == "decorator":
            found.insert(0, sibling)
            sibling = sibling.prev_named_sibling
        if node.parent is not None and node.parent.type == "export_statement":
            found = [c for c in node.parent.children if c.type == "decorator"] + found
        unique = {d.start_byte: d for d in found}
        return tuple(decorator(unique[k]) for k in sorted(unique))

    def _params(self, params: Node | None) -> tuple[tuple[str, str], ...]:
        result: list[tuple[str, str]] = []
        for param in named_children(params):
            pattern = param.child_by_field_name("pattern") or param
            type_node = param.child_by_field_name("type")
            result.append(
                (text(pattern, 80), text(type_node, 120).lstrip(":").strip() if type_node else "")
            )
        return tuple(result)

    def _parameter_properties(self, node: Node, owner: str) -> None:
        """`constructor(private mailer: MailService)` gives `this.mailer` a type."""
        for param in named_children(node.child_by_field_name("parameters")):
            if not any(c.type in ("accessibility_modifier", "readonly") for c in param.children):
                continue
            name = text(param.child_by_field_name("pattern"), 80)
            type_text = text(param.child_by_field_name("type"), 120).lstrip(":").strip()
            if name and type_text:
                self.bindings.append(
                    Binding(owner, f"this.{name}", type_chain(type_text), type_text, line_of(param))
                )

    def _bases(self, node: Node) -> tuple[str, ...]:
        bases: list[str] = []
        for child in node.children:
            if child.type == "class_heritage":
                for clause in child.named_children:
                    if clause.type == "extends_clause":
                        bases.extend(normalize_chain(text(v, 200)) for v in clause.named_children)
                    elif clause.type == "implements_clause":
                        # `implements InferenceClient`: calls typed by the interface reach it.
                        bases.extend(normalize_chain(text(v, 200)) for v in clause.named_children)
                    elif child.named_child_count == 1:
                        # JavaScript: `class_heritage` holds the base expression itself.
                        bases.append(normalize_chain(text(clause, 200)))
        return tuple(b for b in bases if b)

    # ---------------------------------------------------------------- imports/exports
    def _import(self, node: Node) -> None:
        module = string_value(node.child_by_field_name("source"))
        if not module:
            return
        line = line_of(node)
        for clause in node.named_children:
            if clause.type != "import_clause":
                continue
            for part in clause.named_children:
                if part.type == "identifier":
                    self.imports.append(Import(text(part), module, "default", line))
                elif part.type == "namespace_import":
                    ident = next(iter(part.named_children), None)
                    self.imports.append(Import(text(ident), module, "*", line))
                elif part.type == "named_imports":
                    for spec in part.named_children:
                        name = text(spec.child_by_field_name("name"))
                        alias = text(spec.child_by_field_name("alias")) or name
                        self.imports.append(Import(alias, module, name, line))

    def _export(self, node: Node) -> None:
        source = string_value(node.child_by_field_name("source")) or ""
        value = node.child_by_field_name("value")
        if value is not None:
            self._default_export(node, value)
            return
        clause = next((c for c in node.named_children if c.type == "export_clause"), None)
        if clause is not None:
            for spec in clause.named_children:
                name = text(spec.child_by_field_name("name"))
                alias = text(spec.child_by_field_name("alias")) or name
                self.exports.append(Export(alias, name, source))
            return
        namespace = next((c for c in node.named_children if c.type == "namespace_export"), None)
        if namespace is not None:
            self.exports.append(Export(text(namespace.named_children[-1]), "*", source))
        elif source:
            self.exports.append(Export("*", "", source))

    def _default_export(self, node: Node, value: Node) -> None:
        value = unwrap(value) or value
        if value.type == "identifier":
            self.exports.append(Export("default", text(value), ""))
            return
        if value.type == "object":  # `export default { async send() {...} }`
            self.exports.append(Export("default", "default", ""))
            return
        function = value if value.type in FUNCTION_TYPES else function_argument(value)
        if function is not None:
            self.exports.append(Export("default", "default", ""))
            self._add_def("default", "function", function, head=node, span=value, exported=True)

    # ---------------------------------------------------------------- bindings
    def _variable(self, variable: _Variable) -> None:
        node, name_node, value = variable
        if name_node is None or value is None or value.type not in BINDABLE:
            return
        scope = self.scopes.at(node.start_byte)
        if self._require(name_node, value):
            return
        if name_node.type == "object_pattern":
            base = normalize_chain(text(value, 300))
            for prop in name_node.named_children:
                key = text(prop.child_by_field_name("key") or prop, 80)
                local = text(prop.child_by_field_name("value") or prop, 80)
                if key.isidentifier() and local.isidentifier():
                    self.bindings.append(Binding(scope, local, f"{base}.{key}", "", line_of(prop)))
            return
        if name_node.type != "identifier":
            return
        chain = value_chain(value)
        if chain:
            raw = one_line(text(value, 200))
            self.bindings.append(Binding(scope, text(name_node), chain, raw, line_of(node)))

    def _require(self, name_node: Node, value: Node) -> bool:
        call = value
        member = ""
        if call.type == "member_expression":
            member = text(call.child_by_field_name("property"))
            call = unwrap(call.child_by_field_name("object")) or call
        # `require("x")`, and `await import("x")` (a lazy import binds names the same way).
        if call.type != "call_expression" or text(call.child_by_field_name("function")) not in ("require", "import"):
            return False
        module = string_value(next(iter(named_children(call.child_by_field_name("arguments"))), None))
        if not module:
            return True
        line = line_of(value)
        if name_node.type == "identifier":
            self.imports.append(Import(text(name_node), module, member or "*", line))
        elif name_node.type == "object_pattern":
            for prop in name_node.named_children:
                key = text(prop.child_by_field_name("key") or prop, 80)
                local = text(prop.child_by_field_name("value") or prop, 80)
                if key.isidentifier() and local.isidentifier():
                    self.imports.append(Import(local, module, key, line))
        return True

    def _assignment(self, node: Node) -> None:
        left = normalize_chain(text(node.child_by_field_name("left"), 200))
        right = unwrap(node.child_by_field_name("right"))
        if right is None or right.type in FUNCTION_TYPES:
            return
        scope = self.scopes.at(node.start_byte)
        if left in ("module.exports", "exports"):
            self._module_exports(right)
            return
        if left.startswith(("module.exports.", "exports.")):
            name = left.rsplit(".", 1)[1]
            if right.type == "identifier":
                self.exports.append(Export(name, text(right), ""))
            else:
                self.bindings.append(Binding("", name, value_chain(right), one_line(text(right, 200)), line_of(node)))
            return
        chain = value_chain(right)
        if not chain:
            return
        if left.startswith("this.") and left.count(".") == 1:
            owner = scope.split(".", 1)[0] if "." in scope else scope
            self.bindings.append(Binding(owner, left, chain, one_line(text(right, 200)), line_of(node)))
        elif left.isidentifier():
            self.bindings.append(Binding(scope, left, chain, one_line(text(right, 200)), line_of(node)))

    def _module_exports(self, right: Node) -> None:
        if right.type == "identifier":
            self.exports.append(Export("default", text(right), ""))
            return
        if right.type == "object":
            for prop in right.named_children:
                if prop.type == "shorthand_property_identifier":
                    self.exports.append(Export(text(prop), text(prop), ""))
                elif prop.type == "pair":
                    value = prop.child_by_field_name("value")
                    if value is not None and value.type == "identifier":
                        key = text(prop.child_by_field_name("key")).strip("'\"")
                        self.exports.append(Export(key, text(value), ""))
            return
        chain = value_chain(right)
        if chain:
            self.bindings.append(Binding("", "module.exports", chain, one_line(text(right, 200)), line_of(right)))
            self.exports.append(Export("default", "module.exports", ""))

    def _field(self, node: Node) -> None:
        owner_body = node.parent
        owner = self._owner_name(owner_body)
        name = text(node.child_by_field_name("name") or node.child_by_field_name("property"), 80)
        if not owner or not name:
            return
        type_text = text(node.child_by_field_name("type"), 200).lstrip(":").strip()
        value = node.child_by_field_name("value")
        decorators = " ".join(text(d, 300) for d in node.children if d.type == "decorator")
        sibling = node.prev_named_sibling
        while sibling is not None and sibling.type == "decorator":
            decorators = text(sibling, 300) + " " + decorators
            sibling = sibling.prev_named_sibling
        optional = any(c.type == "?" for c in node.children)
        self.fields.append(
            FieldFact(owner, name, type_text, one_line(text(value, 200)), optional, one_line(decorators, 400), line_of(node))
        )
        chain = value_chain(unwrap(value)) if value is not None else type_chain(type_text) if type_text else ""
        if chain:
            self.bindings.append(Binding(owner, f"this.{name}", chain, one_line(text(value, 200)), line_of(node)))

    # ---------------------------------------------------------------- calls
    def _call(self, node: Node, function: Node | None) -> None:
        if function is None or function.type in ("import", "super"):
            return
        chain = normalize_chain(text(function, 1000))
        if not chain or chain == "require":
            return
        last = callee_name(chain)
        arg0 = args = ""
        wants_arguments = self.catalog.keeps_arguments(last)
        schema = last in self.catalog.schema_calls or last in self.table_factories
        # Most calls keep neither their arguments nor a schema: skip the lookup for them.
        arguments = node.child_by_field_name("arguments") if wants_arguments or schema else None
        if wants_arguments:
            arg0 = one_line(text(next(iter(named_children(arguments)), None), 200))
            args = one_line(text(arguments, 600), 600)
        self.calls.append(
            Call(chain, line_of(node), end_line_of(node), self.scopes.at(node.start_byte), arg0, args, last)
        )
        if last in self.catalog.schema_calls:
            self._schema(node, chain, arguments)
        elif last in self.table_factories:
            self._schema(node, "pgTable", arguments)

    def _schema(self, node: Node, chain: str, arguments: Node | None) -> None:
        objects = [a for a in map(object_argument, named_children(arguments)) if a is not None]
        if not objects:
            return
        name_arg = string_value(next(iter(named_children(arguments)), None)) or ""
        target = ""
        holder = node.parent
        while holder is not None and holder.type in ("await_expression", "parenthesized_expression", "as_expression"):
            holder = holder.parent
        if holder is not None and holder.type == "variable_declarator":
            target = text(holder.child_by_field_name("name"), 120)
        elif holder is not None and holder.type == "assignment_expression":
            target = normalize_chain(text(holder.child_by_field_name("left"), 120))
        fields = tuple(
            FieldFact(target or name_arg, pair_key(pair), "", one_line(text(pair.child_by_field_name("value"), 300), 300), False, "", line_of(pair))
            for pair in objects[0].named_children
            if pair.type == "pair"
        )
        self.schemas.append(SchemaCall(chain, target, name_arg, line_of(node), end_line_of(node), fields))

    def _branch(self, node: Node) -> None:
        condition = text(node, 300)
        if not segment_condition(condition):
            return
        parent = node.parent
        body = None
        if parent is not None:
            body = parent.child_by_field_name("consequence") or parent.child_by_field_name("body")
        self.branches.append(
            Branch(self.scopes.at(node.start_byte), line_of(node), one_line(condition, 300), one_line(text(body, 300), 300))
        )

    def _enum(self, node: Node) -> None:
        values: list[str] = []
        for member in named_children(node.child_by_field_name("body")):
            if member.type == "enum_assignment":
                literal = string_value(member.child_by_field_name("value"))
                values.append(literal if literal is not None else text(member.child_by_field_name("name")))
            elif member.type in ("property_identifier", "identifier"):
                values.append(text(member))
        self.enums.append(Enum(text(node.child_by_field_name("name"), 120), tuple(values)))

    def _union(self, node: Node) -> None:
        values = re.findall(r"['\"]([^'\"]+)['\"]", text(node.child_by_field_name("value"), 2000))
        if values:
            self.enums.append(Enum(text(node.child_by_field_name("name"), 120), tuple(values)))


def extract_js(path: str, language: str, source: bytes, catalog: Catalog) -> FileFacts:
    return _JsExtractor(path, language, source, catalog).run()


def _past_decorators(node: Node) -> Node:
    """Where a decorated class is declared: its `class` line, not the first of the decorators
    the grammar counts as part of it (`@Scopes(...)` twenty lines above `class User`)."""
    return next((child for child in node.children if child.type != "decorator"), node)
