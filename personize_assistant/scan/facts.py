"""Per-file facts: the plain data a worker extracts from one file.

Everything here is a NamedTuple of str/int/bool/tuples so it crosses process
boundaries and the on-disk cache cheaply. Detection happens later, in the parent,
over the facts of the whole repository (see `resolve.py` and `detect.py`).
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Decorator(NamedTuple):
    chain: str
    """Normalised callee, e.g. `app.post`, `shared_task`, `Entity`."""
    args: str
    """Raw argument text (trimmed), `""` for a bare decorator."""
    line: int


class Def(NamedTuple):
    """A named code unit: function, method, class (or a route's inline handler)."""

    qualname: str
    """`send`, `Mailer.send`, `mailer.send` (object literal), `POST /webhooks/stripe`."""
    kind: str
    """`function`, `method`, `class` or `route`."""
    line: int
    end_line: int
    start: int
    end: int
    exported: bool
    decorators: tuple[Decorator, ...] = ()
    params: tuple[tuple[str, str], ...] = ()
    """(name, declared type) for each parameter."""
    bases: tuple[str, ...] = ()
    """Class bases/extends as normalised chains; keyword bases (`table=True`) as `k=v`."""
    statements: int = 0
    """Statements in the body: small bodies are thin wrappers."""
    returns: str = ""
    """What a call to it gives back, as a chain (`Resend()`), from a return-type annotation
    or a final `return` statement; `""` when unknown."""


class Call(NamedTuple):
    chain: str
    """Normalised callee: `this.mailer.send`, `resend.emails.send`, `new:SESClient`."""
    line: int
    end_line: int
    scope: str
    """Qualname of the innermost enclosing definition, `""` at module level."""
    arg0: str
    """First argument's raw text, trimmed to 200 characters."""
    args: str
    """All arguments' raw text, trimmed to 600 characters."""
    name: str = ""
    """The callee's last name (`send` for `resend.emails.send`), computed in the worker."""


def callee_name(chain: str) -> str:
    """`resend.emails.send` -> `send`; `getClient()` -> `getClient`."""
    last = chain.rpartition(".")[2]
    return last.replace("()", "") if last.endswith(")") else last


class Import(NamedTuple):
    local: str
    module: str
    name: str
    """Imported name; `*` for the module/namespace itself, `default` for a default import."""
    line: int


class Export(NamedTuple):
    name: str
    """Exported name (`default` for a default export, `*` for `export * from`)."""
    local: str
    """Local name it refers to, `""` when re-exported from `source`."""
    source: str


class Binding(NamedTuple):
    scope: str
    """Qualname of the defining scope; a class name for `this.x` / `self.x` fields."""
    name: str
    """`client`, or `this.mailer` / `self.client` for instance fields."""
    value: str
    """Normalised chain of the value: `Resend()`, `nodemailer.createTransport()`, `str:...`."""
    raw: str
    """The value's raw text, trimmed to 200 characters."""
    line: int


class FieldFact(NamedTuple):
    """A field of a class (ORM model candidate) or of an object-literal schema."""

    owner: str
    name: str
    type: str
    """Declared type/annotation text, if any."""
    value: str
    """Initializer raw text (trimmed), if any."""
    optional: bool
    decorators: str
    line: int


class SchemaCall(NamedTuple):
    """A call that defines a schema with an object literal (Mongoose, Drizzle, Sequelize)."""

    chain: str
    target: str
    """The variable it is assigned to, or the first string argument."""
    name_arg: str
    """The first string argument (table/model name), if any."""
    line: int
    end_line: int
    fields: tuple[FieldFact, ...]


class Branch(NamedTuple):
    scope: str
    line: int
    cond: str
    body: str
    """Start of the branch body (for telling content changes from access denials)."""


class Enum(NamedTuple):
    name: str
    values: tuple[str, ...]


class Marker(NamedTuple):
    """A regex hit on the raw source (header names, request-parameter reads, URLs)."""

    name: str
    line: int
    scope: str


class FileFacts(NamedTuple):
    path: str
    language: str
    defs: tuple[Def, ...] = ()
    calls: tuple[Call, ...] = ()
    imports: tuple[Import, ...] = ()
    exports: tuple[Export, ...] = ()
    bindings: tuple[Binding, ...] = ()
    fields: tuple[FieldFact, ...] = ()
    schemas: tuple[SchemaCall, ...] = ()
    branches: tuple[Branch, ...] = ()
    enums: tuple[Enum, ...] = ()
    markers: tuple[Marker, ...] = ()
    extra: tuple[tuple[str, str, int, int, str], ...] = ()
    """Ready-made findings from non-code files: (kind, symbol, line, end_line, detail)."""
    models: tuple[tuple[str, int, int, tuple[FieldFact, ...]], ...] = ()
    """Prisma-style models: (name, line, end_line, fields)."""
    error: bool = False
    """The parse tree had errors (facts are partial)."""


# Pickling NamedTuples rebuilds each one through Python-level `__new__`, which costs
# seconds on a big repo. Facts cross process and cache boundaries as plain tuples.
PackedFacts = tuple[Any, ...]


def pack(facts: FileFacts) -> PackedFacts:
    return (
        facts.path,
        facts.language,
        tuple((*d[:7], tuple(map(tuple, d.decorators)), *d[8:]) for d in facts.defs),
        tuple(map(tuple, facts.calls)),
        tuple(map(tuple, facts.imports)),
        tuple(map(tuple, facts.exports)),
        tuple(map(tuple, facts.bindings)),
        tuple(map(tuple, facts.fields)),
        tuple((*s[:5], tuple(map(tuple, s.fields))) for s in facts.schemas),
        tuple(map(tuple, facts.branches)),
        tuple(map(tuple, facts.enums)),
        tuple(map(tuple, facts.markers)),
        facts.extra,
        tuple((m[0], m[1], m[2], tuple(map(tuple, m[3]))) for m in facts.models),
        facts.error,
    )


def unpack(raw: PackedFacts) -> FileFacts:
    (path, language, defs, calls, imports, exports, bindings, fields, schemas, branches,
     enums, markers, extra, models, error) = raw
    return FileFacts(
        path,
        language,
        tuple(Def._make((*d[:7], tuple(map(Decorator._make, d[7])), *d[8:])) for d in defs),
        tuple(map(Call._make, calls)),
        tuple(map(Import._make, imports)),
        tuple(map(Export._make, exports)),
        tuple(map(Binding._make, bindings)),
        tuple(map(FieldFact._make, fields)),
        tuple(SchemaCall._make((*s[:5], tuple(map(FieldFact._make, s[5])))) for s in schemas),
        tuple(map(Branch._make, branches)),
        tuple(Enum(e[0], tuple(e[1])) for e in enums),
        tuple(map(Marker._make, markers)),
        extra,
        tuple((m[0], m[1], m[2], tuple(map(FieldFact._make, m[3]))) for m in models),
        error,
    )
