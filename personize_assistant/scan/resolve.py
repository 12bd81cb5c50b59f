"""Cross-file name resolution over the facts of a whole repository.

A callee chain such as `this.mailer.send` or `resend.emails.send` is resolved, through
local variables, typed parameters, instance fields, imports, re-exports (barrels),
`module.exports` and Python packages, to either an external module plus a member
path (`Ext`) or a definition in the repo (`DefRef`).
"""

from __future__ import annotations

import posixpath
import re
from typing import NamedTuple

from personize_assistant.scan.facts import Binding, Def, Export, FileFacts, Import

ORM_MANAGERS = frozenset({"objects", "query"})
ORM_SINGLE = frozenset({"get", "first", "last", "latest", "earliest", "create", "one", "one_or_none", "first_or_404", "get_or_404"})
ORM_QUERY = ORM_MANAGERS | ORM_SINGLE | frozenset(
    {"filter", "exclude", "all", "select_related", "prefetch_related", "order_by", "distinct", "only", "defer", "annotate", "filter_by", "options", "join", "limit", "offset", "using", "iterator"}
)
"""Django/SQLAlchemy query chains on a model class (`Ticket.objects.filter(...)`)."""
JS_SUFFIXES = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
MAX_DEPTH = 10
OBJECT_PREFIX = "obj:"
ITEMS_PREFIX = "items:"
_PLAIN_TYPE = re.compile(r"^[A-Z]\w*(?:\.[A-Z]\w*)*$")
"""A return typed as a collection (`-> list[Listener]`): the element type, for loops over it."""
"""A def's `returns` when it returns an object literal (see `js_nodes.returned_value`)."""
RETURNED = "()"
"""`DefRef(file, qualname, ("()",))`: the object literal a call of that function returns."""


class Ext(NamedTuple):
    module: str
    path: tuple[str, ...]


class DefRef(NamedTuple):
    file: str
    qualname: str
    rest: tuple[str, ...]


class ModRef(NamedTuple):
    file: str


class Value(NamedTuple):
    """A variable holding a literal or an expression we do not follow (URLs, env reads)."""

    raw: str


Resolved = Ext | DefRef | ModRef | Value


def split_chain(chain: str) -> list[tuple[str, bool]]:
    """`getClient().emails.send` -> [("getClient", True), ("emails", False), ("send", False)]."""
    parts: list[tuple[str, bool]] = []
    for raw in chain.split("."):
        called = raw.endswith("()")
        name = raw.replace("()", "").replace("[]", "")
        if name:
            parts.append((name, called))
    return parts


class RepoIndex:
    def __init__(self, facts: dict[str, FileFacts]) -> None:
        self.facts = facts
        self.defs: dict[str, dict[str, Def]] = {}
        self.bindings: dict[tuple[str, str, str], Binding] = {}
        self.imports: dict[str, dict[str, Import]] = {}
        self.star_imports: dict[str, list[Import]] = {}
        self.exports: dict[str, dict[str, list[Export]]] = {}
        self.file_modules: dict[str, set[str]] = {}
        self.py_modules: dict[str, str] = {}
        self.js_stems: dict[str, str] = {}
        self.js_suffixes: dict[str, list[str]] = {}
        self.holders: dict[str, set[str]] = {}
        self._memo: dict[tuple[str, str, str], Resolved | None] = {}
        self._parents: dict[str, dict[str, str]] = {}
        for path, file_facts in facts.items():
            self._index_file(path, file_facts)
        self.repo_modules: set[str] = set().union(*self.file_modules.values()) if self.file_modules else set()

    # ---------------------------------------------------------------- indexing
    def _index_file(self, path: str, facts: FileFacts) -> None:
        self.defs[path] = {d.qualname: d for d in facts.defs}
        self.holders[path] = {d.qualname.split(".", 1)[0] for d in facts.defs if "." in d.qualname}
        for binding in facts.bindings:
            self.bindings.setdefault((path, binding.scope, binding.name), binding)
        imports: dict[str, Import] = {}
        for imp in facts.imports:
            if imp.local == "*":
                self.star_imports.setdefault(path, []).append(imp)
            else:
                imports.setdefault(imp.local, imp)
        self.imports[path] = imports
        self.file_modules[path] = {
            imp.module for imp in facts.imports if not imp.module.startswith((".", "@/", "~/", "#"))
        }
        exports: dict[str, list[Export]] = {}
        for export in facts.exports:
            exports.setdefault(export.name, []).append(export)
        self.exports[path] = exports
        if facts.language == "python":
            self._index_python_module(path)
        elif facts.language in ("javascript", "typescript", "tsx"):
            self._index_js_module(path)

    def _index_python_module(self, path: str) -> None:
        parts = path[:-3].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        for start in range(len(parts)):
            self.py_modules.setdefault(".".join(parts[start:]), path)

    def _index_js_module(self, path: str) -> None:
        stem = path.rsplit(".", 1)[0]
        self.js_stems.setdefault(stem, path)
        if stem.endswith("/index"):
            self.js_stems.setdefault(stem[: -len("/index")], path)
            stem = stem[: -len("/index")]
        parts = stem.split("/")
        for start in range(1, len(parts)):
            self.js_suffixes.setdefault("/".join(parts[start:]), []).append(path)

    # ---------------------------------------------------------------- modules
    def module_file(self, importer: str, module: str) -> str | None:
        """The repo file an import specifier refers to, or None for a package."""
        if importer.endswith(".py"):
            return self._python_module(importer, module)
        return self._js_module(importer, module)

    def _python_module(self, importer: str, module: str) -> str | None:
        if not module.startswith("."):
            return self.py_modules.get(module)
        level = len(module) - len(module.lstrip("."))
        base = importer.split("/")[:-1]
        if level > 1:
            base = base[: len(base) - (level - 1)]
        rest = module.lstrip(".")
        candidate = "/".join([*base, *rest.split(".")]) if rest else "/".join(base)
        for option in (candidate + ".py", candidate + "/__init__.py"):
            if option.lstrip("/") in self.facts:
                return option.lstrip("/")
        return None

    def _js_module(self, importer: str, module: str) -> str | None:
        if module.startswith("."):
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(importer), module))
            return self._js_stem(joined)
        for alias in ("@/", "~/", "#/", "$lib/", "@src/", "@app/", "src/"):
            if module.startswith(alias):
                rest = module[len(alias) :]
                found = self._js_stem("src/" + rest) or self._js_stem(rest)
                if found is None:
                    candidates = self.js_suffixes.get(rest.rsplit(".", 1)[0] if rest.endswith(JS_SUFFIXES) else rest, [])
                    found = min(candidates, key=len) if candidates else None
                return found
        return self._workspace_package(module) or self._folder_alias(module)

    def _folder_alias(self, module: str) -> str | None:
        """`@server/models` where the repo has a top-level `server/` folder: the tsconfig
        `paths` convention `"@server/*": ["./server/*"]` (tsconfig is not read, so only a
        folder at the root, or under `src/`, that holds the module counts)."""
        if not module.startswith("@") or module.count("/") < 1:
            return None
        folder = module[1:]
        return self._js_stem(folder) or self._js_stem("src/" + folder)

    def _workspace_package(self, module: str) -> str | None:
        """`@acme/telemetry` (or `@acme/telemetry/events`) in a monorepo: the package's own
        source under `packages/telemetry/src/`. Only scoped names: a bare `ai` or `bull` may
        share a folder name with repo code that is not that package."""
        if not module.startswith("@") or module.count("/") < 1:
            return None
        _, name, *sub = module.split("/")
        inner = "/".join(["", *sub]) if sub else ""  # index files are indexed by their folder
        # A subpath may also sit at the package's root (`@acme/shared/inference` ->
        # `packages/shared/inference.ts`); a bare `@acme/client` there is too loose a match.
        layouts = (f"{name}/src{inner}", f"{name}/lib{inner}") + ((f"{name}{inner}",) if inner else ())
        for layout in layouts:
            candidates = [c for c in self.js_suffixes.get(layout, []) if "node_modules/" not in c]
            if len(candidates) == 1:
                return candidates[0]
        return None

    def _js_stem(self, joined: str) -> str | None:
        if joined in self.facts:
            return joined
        stem = joined
        for suffix in (".js", ".jsx", ".mjs", ".cjs"):
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        return self.js_stems.get(stem)

    # ---------------------------------------------------------------- chains
    def resolve(self, path: str, scope: str, chain: str) -> Resolved | None:
        key = (path, scope, chain)
        if key not in self._memo:
            self._memo[key] = None  # guards recursion through self-referencing values
            self._memo[key] = self._resolve(path, scope, chain, 0)
        return self._memo[key]

    def _resolve(self, path: str, scope: str, chain: str, depth: int) -> Resolved | None:
        if depth > MAX_DEPTH or chain.startswith(("str:", "expr:")):
            return Value(chain.split(":", 1)[1]) if chain.startswith(("str:", "expr:")) else None
        parts = split_chain(chain)
        if not parts:
            return None
        (root, called), rest = parts[0], parts[1:]
        if root in ("this", "self") and rest:
            member, member_called = rest[0]
            found = self._instance_member(path, scope, member, depth)
            return self.apply(found, rest[1:], depth, member_called) if found is not None else None
        imp = self.imports.get(path, {}).get(root)
        if imp is not None and imp.name == "*" and imp.module.startswith(root + "."):
            # `import google.generativeai` binds `google`; skip the segments it names.
            module_parts = imp.module.split(".")[1:]
            if [name for name, _ in rest[: len(module_parts)]] == module_parts:
                rest = rest[len(module_parts) :]
        found = self.lookup(path, scope, root, depth)
        if found is None:
            return None
        return self.apply(found, rest, depth, called)

    def _instance_member(self, path: str, scope: str, member: str, depth: int) -> Resolved | None:
        owner = scope.split(".", 1)[0]
        for prefix in ("this.", "self."):
            binding = self.bindings.get((path, owner, prefix + member))
            if binding is not None:
                return self._binding_value(path, binding, depth) or self._field_from_method(path, binding, depth)
        qualname = f"{owner}.{member}"
        if qualname in self.defs.get(path, {}):
            return DefRef(path, qualname, ())
        declared = self._declared_field(path, owner, member)
        if declared:  # `event_bus: EventBusService = Depends(...)` in the class body
            return self._resolve(path, "", declared + "()", depth + 1)
        owner_def = self.defs.get(path, {}).get(owner)
        if owner_def is not None and owner_def.kind == "class":
            return self._inherited(path, owner_def, [(member, False)], depth)
        return None

    def _declared_field(self, path: str, owner: str, member: str) -> str:
        """The plain class named by a class-body annotation of `member`, if any."""
        facts = self.facts.get(path)
        for field in facts.fields if facts is not None else ():
            if field.owner == owner and field.name == member and _PLAIN_TYPE.match(field.type):
                return field.type
        return ""

    def _field_from_method(self, path: str, binding: Binding, depth: int) -> Resolved | None:
        """`self.message = message` in `__init__(self, message: Message)`: the field holds
        what the method's parameter (or local) held, so resolve it where it was assigned."""
        method = next(
            (d for q, d in self.defs.get(path, {}).items()
             if q.startswith(binding.scope + ".") and d.kind == "method" and d.line <= binding.line <= d.end_line),
            None,
        )
        if method is None or binding.value.startswith(("str:", "expr:", "iter:")):
            return None
        return self._resolve(path, method.qualname, binding.value, depth + 1)

    def _binding_value(self, path: str, binding: Binding, depth: int) -> Resolved | None:
        if binding.value.startswith(("str:", "expr:")):
            return Value(binding.raw or binding.value.split(":", 1)[1])
        if binding.value.startswith("iter:"):  # `for t in Ticket.objects.filter(...)`
            return self._element(self._resolve(path, binding.scope, binding.value[5:], depth + 1))
        return self._resolve(path, binding.scope, binding.value, depth + 1)

    def _element(self, iterable: Resolved | None) -> Resolved | None:
        """An item of a query over a repo model class is an instance of that class."""
        if isinstance(iterable, DefRef) and iterable.rest and all(name in ORM_QUERY for name in iterable.rest):
            return DefRef(iterable.file, iterable.qualname, ())
        return None

    def lookup(self, path: str, scope: str, name: str, depth: int) -> Resolved | None:
        """What `name` means at `scope` in `path`: a local, a parameter, an import or a def."""
        if scope:
            binding = self.bindings.get((path, scope, name))
            if binding is not None:
                return self._binding_value(path, binding, depth)
            typed = self._typed_param(path, scope, name, depth)
            if typed is not None:
                return typed
            outer = self.enclosing(path).get(scope)
            if outer is not None and depth < MAX_DEPTH:
                # A closure sees its enclosing function's locals (`return { stream: () => runner.stream() }`).
                return self.lookup(path, outer, name, depth + 1)
        binding = self.bindings.get((path, "", name))
        if binding is not None:
            return self._binding_value(path, binding, depth)
        imp = self.imports.get(path, {}).get(name)
        if imp is not None:
            return self.resolve_import(path, imp, depth)
        defs = self.defs.get(path, {})
        if name in defs or name in self.holders.get(path, ()):
            return DefRef(path, name, ())
        for star in self.star_imports.get(path, ()):
            target = self.module_file(path, star.module)
            if target is not None:
                found = self.export(target, name, depth + 1)
                if found is not None:
                    return found
        return None

    def enclosing(self, path: str) -> dict[str, str]:
        """Function -> the innermost function around it (classes are not lexical scopes)."""
        parents = self._parents.get(path)
        if parents is not None:
            return parents
        parents = self._parents[path] = {}
        open_defs: list[Def] = []
        for definition in sorted(self.defs.get(path, {}).values(), key=lambda d: (d.start, -d.end)):
            while open_defs and open_defs[-1].end <= definition.start:
                open_defs.pop()
            outer = next((d for d in reversed(open_defs) if d.kind in ("function", "method", "route")), None)
            if outer is not None and definition.kind != "class":
                parents[definition.qualname] = outer.qualname
            open_defs.append(definition)
        return parents

    def _typed_param(self, path: str, scope: str, name: str, depth: int) -> Resolved | None:
        definition = self.defs.get(path, {}).get(scope)
        if definition is None:
            return None
        for param, declared in definition.params:
            if param == name and declared:
                type_name = declared.split("=", 1)[0].strip().split("|", 1)[0].strip()
                if type_name[:1].isupper() and type_name.replace(".", "").replace("_", "").isalnum():
                    return self._resolve(path, "", type_name + "()", depth + 1)
        return None

    def resolve_import(self, path: str, imp: Import, depth: int) -> Resolved | None:
        target = self.module_file(path, imp.module)
        if path.endswith(".py"):
            return self._python_import(path, imp, target, depth)
        if target is None:
            return Ext(imp.module, () if imp.name in ("*", "default") else (imp.name,))
        if imp.name == "*":
            return ModRef(target)
        return self.export(target, imp.name, depth + 1)

    def _python_import(self, path: str, imp: Import, target: str | None, depth: int) -> Resolved | None:
        if imp.name == "*":
            return ModRef(target) if target is not None else Ext(imp.module, ())
        if target is not None:
            found = self.export(target, imp.name, depth + 1)
            if found is not None:
                return found
        submodule = self.module_file(path, f"{imp.module}.{imp.name}" if not imp.module.endswith(".") else imp.module + imp.name)
        if submodule is not None:
            return ModRef(submodule)
        return Ext(imp.module, (imp.name,)) if target is None else None

    def export(self, path: str, name: str, depth: int) -> Resolved | None:
        """What module `path` exports as `name` (following re-exports and barrels)."""
        if depth > MAX_DEPTH:
            return None
        for entry in self.exports.get(path, {}).get(name, ()):
            if entry.source:
                target = self.module_file(path, entry.source)
                if target is None:
                    return Ext(entry.source, () if entry.local in ("*", "default") else (entry.local,))
                return ModRef(target) if entry.local == "*" else self.export(target, entry.local, depth + 1)
            found = self.lookup(path, "", entry.local, depth + 1)
            if found is not None:
                return found
        found = self.lookup(path, "", name, depth + 1) if name != "default" else None
        if found is not None:
            return found
        for entry in self.exports.get(path, {}).get("*", ()):
            target = self.module_file(path, entry.source)
            if target is not None:
                found = self.export(target, name, depth + 1)
                if found is not None:
                    return found
        return None

    def apply(self, found: Resolved, rest: list[tuple[str, bool]], depth: int, called: bool = False) -> Resolved | None:
        """Follow the remaining members of a chain from what its root resolved to."""
        if isinstance(found, Value):
            return found
        if isinstance(found, Ext):
            return Ext(found.module, found.path + tuple(name for name, _ in rest))
        if isinstance(found, ModRef):
            if not rest:
                return found
            member = self.export(found.file, rest[0][0], depth + 1)
            return self.apply(member, rest[1:], depth + 1, rest[0][1]) if member is not None else None
        return self._apply_def(found, rest, depth, called)

    def _apply_def(self, found: DefRef, rest: list[tuple[str, bool]], depth: int, called: bool) -> Resolved | None:
        defs = self.defs.get(found.file, {})
        qualname = found.qualname
        definition = defs.get(qualname)
        if found.rest == (RETURNED,) and definition is not None:
            return self._returned(found.file, definition, rest, depth)
        if called and definition is not None and definition.kind != "class" and _returns_value(definition):
            return self._returned(found.file, definition, rest, depth)
        remaining = list(rest)
        if definition is not None and definition.kind == "class" and remaining and remaining[0][0] in ORM_MANAGERS:
            # `Ticket.objects.get(...).send()`: a query that yields one instance.
            query = [name for name, _ in remaining]
            single = next((i for i, name in enumerate(query) if name in ORM_SINGLE), -1)
            if single > 0 and all(name in ORM_QUERY for name in query[:single]):
                remaining = remaining[single + 1 :]
        while remaining:
            candidate = f"{qualname}.{remaining[0][0]}"
            if candidate not in defs:
                break
            qualname = candidate
            called_member = remaining[0][1]
            remaining = remaining[1:]
            member = defs[candidate]
            if called_member and _returns_value(member) and remaining:
                return self._returned(found.file, member, remaining, depth)
        if remaining and definition is not None and definition.kind == "class":
            inherited = self._inherited(found.file, definition, remaining, depth)
            if inherited is not None:
                return inherited
        return DefRef(found.file, qualname, tuple(name for name, _ in remaining))

    def _returned(self, path: str, definition: Def, rest: list[tuple[str, bool]], depth: int) -> Resolved | None:
        """What a call of `definition` gives back, then the rest of the chain on it. A hook or
        factory returning `{ capture, identify }` hands out its own closures (or whatever
        those members hold): `useAnalytics().capture` is the `capture` defined inside it."""
        if not definition.returns.startswith(OBJECT_PREFIX):
            returned = self._resolve(path, definition.qualname, definition.returns, depth + 1)
            return self.apply(returned, rest, depth + 1) if returned is not None else None
        if not rest:
            return DefRef(path, definition.qualname, (RETURNED,))
        members = dict(m.split("=", 1) for m in definition.returns[len(OBJECT_PREFIX) :].split(";"))
        chain = members.get(rest[0][0])
        if chain is None:
            return None
        member = self._resolve(path, definition.qualname, chain, depth + 1)
        return self.apply(member, rest[1:], depth + 1, rest[0][1]) if member is not None else None

    def _inherited(self, path: str, definition: Def, rest: list[tuple[str, bool]], depth: int) -> Resolved | None:
        for base in definition.bases:
            if "=" in base:
                continue
            parent = self._resolve(path, "", base, depth + 1)
            if isinstance(parent, DefRef) and not parent.rest:
                result = self._apply_def(parent, rest, depth + 1, False)
                if isinstance(result, DefRef) and len(result.rest) < len(rest):
                    return result
        return None

    def definition(self, ref: DefRef) -> Def | None:
        return self.defs.get(ref.file, {}).get(ref.qualname)


def _returns_value(definition: Def) -> bool:
    """A declared or inferred single value to resolve the rest of a chain on (a collection's
    element type serves loops over it, never `f().member`)."""
    return bool(definition.returns) and not definition.returns.startswith(ITEMS_PREFIX)
