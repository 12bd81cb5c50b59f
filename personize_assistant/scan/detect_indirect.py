"""Deliveries reached through threads and interfaces rather than a plain call.

- A `Thread` subclass whose `run()` sends: the framework calls `run()`, so the code that
  builds the thread (`EmailThread(message).start()`) is what a caller uses to deliver.
  Building it seeds that function as a wrapper; `run()` itself never is one.
- A call through an interface or an abstract base (`client.inferFromText(...)` with
  `client: InferenceClient`): it reaches every implementation's method of that name, so
  it is a call site of each implementation that delivers.

Rules (thread bases, abstract markers) are data: conventions.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict

from personize_assistant.scan.detect_calls import SENDER_KINDS, Hit
from personize_assistant.scan.facts import Call, Def
from personize_assistant.scan.resolve import ITEMS_PREFIX, DefRef, Ext, RepoIndex, split_chain
from personize_assistant.scan.rules import conventions

_C = conventions()
_LEADING_NAME = re.compile(r"[\w.]+")
Key = tuple[str, str]


def is_thread(index: RepoIndex, path: str, definition: Def) -> bool:
    """`class EmailThread(Thread)` with `Thread` from `threading` (or a process class)."""
    for base in definition.bases:
        if "=" in base:
            continue
        resolved = index.resolve(path, "", base)
        if isinstance(resolved, Ext) and resolved.path[-1:] and resolved.path[-1] in _C.thread_bases.get(resolved.module, ()):
            return True
    return False


def thread_run(index: RepoIndex, path: str, qualname: str) -> bool:
    """`EmailThread.run`: the thread's body, called by `start()`, never a delivery helper."""
    owner, _, method = qualname.rpartition(".")
    definition = index.defs.get(path, {}).get(owner)
    return method == "run" and definition is not None and definition.kind == "class" and is_thread(index, path, definition)


def request_view(definition: Def) -> bool:
    """`def email_form(request: HttpRequest, channel)`: a view the framework (or another view)
    calls with the request; the sends inside are touchpoints, the view is no delivery helper."""
    params = [(name, declared) for name, declared in definition.params if name not in ("self", "cls")]
    return bool(params) and params[0][0] in _C.view_params and _C.request_type.search(params[0][1]) is not None


def cli_command(index: RepoIndex, path: str, definition: Def) -> bool:
    """`@click.option(...) def invite(email, ...)`: a command-line entry point a person runs;
    the sends inside are touchpoints, the command is no delivery helper."""
    for decorator in definition.decorators:
        resolved = index.resolve(path, "", decorator.chain)
        if isinstance(resolved, Ext) and resolved.module.split(".", 1)[0] in _C.cli_modules:
            return True
    return False


def thread_seeds(index: RepoIndex, hits: list[Hit]) -> list[Hit]:
    """One seed per place that builds a thread whose `run()` sends (not reported itself:
    the send inside `run()` is the touchpoint; the builder becomes the wrapper)."""
    sends: dict[Key, Hit] = {}
    for hit in hits:
        if hit.kind in SENDER_KINDS and hit.seeds_wrapper:
            sends.setdefault((hit.file, hit.call.scope), hit)
    threads: dict[Key, Hit] = {}
    for path, defs in index.defs.items():
        for definition in defs.values():
            run = sends.get((path, f"{definition.qualname}.run"))
            if run is not None and definition.kind == "class" and is_thread(index, path, definition):
                threads[(path, definition.qualname)] = run
    if not threads:
        return []
    names = {qualname.rsplit(".", 1)[-1] for _, qualname in threads}
    seeds: list[Hit] = []
    for path, facts in index.facts.items():
        for call in facts.calls:
            if call.scope and call.name in names:
                resolved = index.resolve(path, call.scope, call.chain.replace("new:", ""))
                sent = threads.get((resolved.file, resolved.qualname)) if isinstance(resolved, DefRef) and not resolved.rest else None
                if sent is not None:
                    seeds.append(Hit(path, call, sent.kind, sent.provider, sent.channel, sent.confidence, sent.rule))
    return seeds


class Implementations:
    """Classes by the interfaces and bases they name, for calls typed by an abstract type."""

    def __init__(self, index: RepoIndex) -> None:
        self.index = index
        self.by_base: dict[str, list[Key]] = defaultdict(list)
        self.classes: dict[str, list[tuple[str, Def]]] = defaultdict(list)
        self._abstract_memo: dict[tuple[str, str], bool] = {}
        for path, defs in index.defs.items():
            for definition in defs.values():
                if definition.kind == "class":
                    self.classes[definition.qualname].append((path, definition))
                    for base in definition.bases:
                        if "=" not in base:
                            self.by_base[base.rsplit(".", 1)[-1]].append((path, definition.qualname))

    def targets(self, path: str, call: Call, method: str) -> list[Key]:
        """The implementations' `method` a call on an abstractly typed receiver may run."""
        type_name = self._declared_type(path, call)
        if not type_name or not self._abstract(type_name, method):
            return []
        owners = self.by_base.get(type_name, []) or self._structural(type_name, method)
        return [
            (file, f"{owner}.{method}") for file, owner in owners
            if f"{owner}.{method}" in self.index.defs.get(file, {})
        ]

    def _structural(self, type_name: str, method: str) -> list[Key]:
        """A `Protocol` names no implementations: every other class with the method is one."""
        if not any(self._bases_named(type_name, _C.structural_bases)):
            return []
        return [
            (file, definition.qualname)
            for name, classes in self.classes.items() if name != type_name
            for file, definition in classes if f"{definition.qualname}.{method}" in self.index.defs.get(file, {})
        ]

    def _bases_named(self, type_name: str, names: frozenset[str]) -> list[str]:
        return [
            base for _, definition in self.classes.get(type_name, [])
            for base in definition.bases if base.rsplit(".", 1)[-1] in names
        ]

    def _declared_type(self, path: str, call: Call) -> str:
        """The declared type of the receiver: a typed parameter (`client: InferenceClient`)
        of the calling function or one around it, or a typed field (`this.client`)."""
        parts = [name for name, _ in split_chain(call.chain)]
        if len(parts) == 2:
            return self._param_type(path, call.scope, parts[0])
        if len(parts) == 3 and parts[0] in ("this", "self"):
            return self._field_type(path, call.scope.split(".", 1)[0], f"{parts[0]}.{parts[1]}", 0)
        return ""

    def _field_type(self, path: str, owner: str, field: str, depth: int) -> str:
        """A typed field (`this.client: Client`), or one set from a typed parameter of a method
        (`self.publisher = publisher` in `__init__(self, publisher: PublisherLike)`), on the
        class or a repo base class it inherits the field from."""
        binding = self.index.bindings.get((path, owner, field))
        if binding is not None and not binding.raw:
            return _type_name(binding.value)
        if binding is not None and binding.value.isidentifier():
            method = next((d for q, d in self.index.defs.get(path, {}).items() if q.startswith(owner + ".")
                           and d.kind == "method" and d.line <= binding.line <= d.end_line), None)
            return self._param_type(path, method.qualname, binding.value) if method is not None else ""
        definition = self.index.defs.get(path, {}).get(owner)
        for base in definition.bases if definition is not None and depth < 3 else ():
            resolved = self.index.resolve(path, "", base)
            if isinstance(resolved, DefRef) and not resolved.rest:
                found = self._field_type(resolved.file, resolved.qualname, field, depth + 1)
                if found:
                    return found
        return ""

    def _param_type(self, path: str, scope: str, name: str) -> str:
        parents = self.index.enclosing(path)
        while scope:
            definition = self.index.defs.get(path, {}).get(scope)
            for param, declared in definition.params if definition is not None else ():
                if param == name:
                    match = _LEADING_NAME.match(declared.strip())
                    return _type_name(match.group(0)) if match else ""
            binding = self.index.bindings.get((path, scope, name))
            if binding is not None:
                return self._returned_type(path, scope, binding.value)
            scope = parents.get(scope, "")
        return ""

    def _returned_type(self, path: str, scope: str, value: str) -> str:
        """`const client = InferenceClientFactory.build()` with `build(): InferenceClient | null`,
        or `for listener in self.listeners()` with `listeners(self) -> list[Listener]`."""
        looped = value.startswith("iter:")
        value = value.removeprefix("iter:")
        if not value.endswith("()"):
            return ""
        factory = self.index.resolve(path, scope, value[:-2])
        definition = self.index.definition(factory) if isinstance(factory, DefRef) and not factory.rest else None
        if definition is None or definition.kind == "class" or definition.returns.startswith(ITEMS_PREFIX) != looped:
            return ""
        return _type_name(definition.returns.removeprefix(ITEMS_PREFIX))

    def _abstract(self, type_name: str, method: str) -> bool:
        key = (type_name, method)
        if key not in self._abstract_memo:
            self._abstract_memo[key] = self._is_abstract(type_name, method)
        return self._abstract_memo[key]

    def _is_abstract(self, type_name: str, method: str) -> bool:
        """An interface (no class of that name in the repo) or an abstract base whose
        `method` is abstract: the call says nothing about which implementation runs."""
        classes = self.classes.get(type_name, [])
        if not classes:
            return True
        for path, definition in classes:
            own = self.index.defs[path].get(f"{type_name}.{method}")
            if own is None:
                continue
            marked = any(d.chain.rsplit(".", 1)[-1] in _C.abstract_decorators for d in own.decorators)
            based = any(b.rsplit(".", 1)[-1] in _C.abstract_bases for b in definition.bases)
            if marked or (based and own.statements <= 1):
                return True
        return False


def _type_name(chain: str) -> str:
    """`InferenceClient()` -> `InferenceClient`; generics and unions were cut by the extractor."""
    name = chain.removesuffix("()").rsplit(".", 1)[-1]
    return name if name[:1].isupper() and name.isidentifier() else ""
