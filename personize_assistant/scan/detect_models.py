"""Data models: ORM classes, Prisma models and object-literal schemas, with their fields.

Secrets-only tables (tokens, sessions, API keys) and join tables are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from personize_assistant.scan.catalog import Catalog
from personize_assistant.scan.facts import Def, FieldFact, SchemaCall
from personize_assistant.scan.findings import Finding
from personize_assistant.scan.models import Kind, ModelField
from personize_assistant.scan.resolve import DefRef, Ext, RepoIndex
from personize_assistant.scan.rules import conventions, models
from personize_assistant.scan.secrets import is_credential_column

_M = models()

ORM_ROOTS = _M.orms
SCHEMALESS = _M.schemaless
"""ORMs whose columns live in migrations, not the class: fields come from `this.x` uses."""
PRISMA_SCALARS = _M.prisma_scalars
RELATION_CALLS = _M.relation_calls
FK_CALLS = _M.fk_calls
ORM_VALUE = _M.orm_value
_SEQUELIZE_TYPE = _M.sequelize_type
PERSON_FIELD = _M.person_field
_RECORD_ENTITY = _M.record_entity
"""Records a business keeps about someone: kept even when the link to the person is implicit.
Matched against each word of the name (`PreviewFile` is no review)."""
_CONTENT_HEAD = _M.content_head
"""The last word of a content model's name: its person link is its author, not its subject."""
_AUDIT_LINK = _M.audit_link
"""Bookkeeping links: who touched the row, not whom the row is about."""
_LINK_NAME = _M.link_name
_PERSON_LINK_NAME = _M.person_link_name
_ORG_LINK = _M.org_link
_PERSONAL_FIELD = _M.personal_field


@dataclass
class _Field:
    name: str
    type: str
    nullable: bool | None = None
    primary: bool = False
    unique: bool = False
    relation: bool = False
    foreign_key: bool = False
    enum_values: tuple[str, ...] = ()
    link: str = ""
    """For relations and foreign keys: the declaration text that names the target."""
    target: str = ""
    """The model a Django-style relation names (`ForeignKey(User)` -> the import it resolves to)."""


_LINK_TARGET = re.compile(r"""\b(?:ForeignKey|OneToOneField|ManyToManyField|ForeignKeyField)\(\s*(['"]?)([\w.]+(?:\(\))?)\1\s*(?:[,)]|$)|\bto\s*=\s*(['"]?)([\w.]+(?:\(\))?)\3""")
_MANY_TO_MANY = re.compile(r"(?:\w+\.)*(ManyToManyField)\(")
_SQL_SKIP_DIRS = conventions().sql_skip_dirs
_SQL_REFERENCE = re.compile(r"(?i)\breferences\s+([\w.\"]+)")


def _sql_field(fact: FieldFact) -> _Field:
    """A raw-SQL column; its constraints (`references auth.users not null primary key`) are
    in `decorators`, the table it points at is the link."""
    reference = _SQL_REFERENCE.search(fact.decorators)
    constraints = fact.decorators.lower()
    return _Field(
        name=fact.name,
        type=fact.type,
        nullable=fact.optional,
        primary="primary key" in constraints,
        unique="unique" in constraints.split(),
        relation=reference is not None,
        foreign_key=reference is not None or fact.name.endswith("_id"),
        link=reference.group(1).replace('"', "") if reference is not None else "",
    )


class ModelDetector:
    def __init__(self, index: RepoIndex, catalog: Catalog) -> None:
        self.index = index
        self.catalog = catalog
        self.enums: dict[str, tuple[str, ...]] = {}
        self.prisma_models: set[str] = set()
        for facts in index.facts.values():
            for enum in facts.enums:
                self.enums.setdefault(enum.name, enum.values)
                self.enums.setdefault(enum.name.rsplit(".", 1)[-1], enum.values)
            self.prisma_models.update(model[0] for model in facts.models)
        self._frameworks: dict[tuple[str, str], str | None] = {}
        self._fields_of: dict[int, list[_Field]] = {}
        """Each emitted finding's parsed fields (links included), for the people filter."""

    def findings(self) -> list[Finding]:
        found: list[Finding] = []
        for path, facts in self.index.facts.items():
            if facts.language == "sql":
                continue
            for name, line, end_line, fields in facts.models:
                found.extend(self._emit(path, name, line, end_line, "prisma", [self._prisma_field(f) for f in fields]))
            by_owner: dict[str, list[FieldFact]] = {}
            for field_fact in facts.fields:
                by_owner.setdefault(field_fact.owner, []).append(field_fact)
            for definition in facts.defs:
                if definition.kind == "class":
                    found.extend(self._class(path, definition, by_owner))
            for schema in facts.schemas:
                found.extend(self._schema(path, schema, facts.calls))
        return self._about_people(found or self._sql_tables())

    def _sql_tables(self) -> list[Finding]:
        """Raw SQL is the schema of record only where no ORM declares the models (a Supabase
        starter); beside an ORM it repeats it, or seeds test data. Old-migration, seed and
        sample folders never hold the schema (conventions.yaml `sql_skip_dirs`)."""
        found: list[Finding] = []
        for path, facts in self.index.facts.items():
            if facts.language != "sql" or any(_SQL_SKIP_DIRS.search(d) for d in path.split("/")[:-1]):
                continue
            for name, line, end_line, fields in facts.models:
                found.extend(self._emit(path, name, line, end_line, "sql", [_sql_field(f) for f in fields]))
        return found

    def _about_people(self, found: list[Finding]) -> list[Finding]:
        """Keep entities about a person and records linked (directly or through other such
        records) to one; drop catalogue/content tables nothing links to a person."""
        tiers = {id(f): self._anchor(f.entity or "", self._fields_of[id(f)]) for f in found}
        kept = {_entity_key(f.entity or "") for f in found if tiers[id(f)] is not None}
        kept |= self._people_owners(found, tiers)
        # Only records about someone pass it on: a project with a team does not make its
        # milestones personal, and files or versions are never personal by association.
        spreading = {_entity_key(f.entity or "") for f in found if tiers[id(f)] in ("record", "link")}
        changed = True
        while changed:
            changed = False
            for finding in found:
                key = _entity_key(finding.entity or "")
                if key in spreading or _content_entity(finding.entity or ""):
                    continue
                if _link_keys(self._fields_of[id(finding)]) & spreading:
                    kept.add(key)
                    spreading.add(key)
                    changed = True
        return [
            f for f in found
            # A file or version is never about its uploader, however it links to one.
            if not _content_entity(f.entity or "") and (
                _entity_key(f.entity or "") in kept
                or any(_PERSONAL_FIELD.search(x.name) for x in self._fields_of[id(f)] if not (x.foreign_key or x.relation))
            )
        ]

    def _anchor(self, entity: str, fields: list[_Field]) -> str | None:
        """Why a model is about people: "record" (a person/organisation entity or business
        record by name), "link" (its purpose link points at one: `customer_id`, an assignee),
        "group" (people are its members), or None. Audit links (`created_by`) and links
        from files or versions (their author) do not count."""
        name = _pascal(entity.rsplit(".", 1)[-1])
        if self.catalog.person_entities.search(name) or _record_entity(name):
            return "record"
        if _content_entity(name):
            return None
        links = [f for f in fields if (f.link or f.foreign_key or f.relation) and not _AUDIT_LINK.match(f.name)]
        if any(self._to_person(f) and not _one_to_many(f) for f in links):
            return "link"
        if any(_one_to_many(f) and self.catalog.person_entities.search(f.link) for f in links):
            return "group"  # `team = relationship("Person", secondary=...)`
        return None

    def _to_person(self, f: _Field) -> bool:
        """The link targets a person or organisation, by its declaration or its name."""
        if f.link and (self.catalog.person_entities.search(f.link) or _ORG_LINK.search(f.link)):
            return True
        return (f.foreign_key or f.relation) and _PERSON_LINK_NAME.search(f.name) is not None

    def _people_owners(self, found: list[Finding], tiers: dict[int, str | None]) -> set[str]:
        """`Person.studio_id`, `User.team_id`: what a person belongs to is an organisation of
        people, whatever it is called."""
        owners: set[str] = set()
        for finding in found:
            words = _name_words(_pascal((finding.entity or "").rsplit(".", 1)[-1]))
            # The person itself (`User`, `Person`), not a record named after one (`UserSportPreference`).
            if tiers[id(finding)] != "record" or not words or not self.catalog.person_entities.fullmatch(re.sub(r"s$", "", words[-1])):
                continue
            for f in self._fields_of[id(finding)]:
                if f.foreign_key and not f.relation and not f.primary and not _AUDIT_LINK.match(f.name):
                    owners.add(_entity_key(re.sub(r"_?(?:id|Id|ID)$", "", f.name)))
        return owners

    # ---------------------------------------------------------------- classes
    def _class(self, path: str, definition: Def, by_owner: dict[str, list[FieldFact]]) -> list[Finding]:
        framework = self._framework(path, definition, 0)
        typeorm = any(d.chain.rsplit(".", 1)[-1] == "Entity" for d in definition.decorators)
        if typeorm:
            mikro = any(m.startswith("@mikro-orm") for m in self.index.file_modules.get(path, ()))
            framework = "mikro-orm" if mikro else "typeorm"
        if framework is None:
            return []
        if framework == "sqlmodel" and "table=True" not in definition.bases:
            return []
        own = by_owner.get(definition.qualname, [])
        if self._abstract(own, by_owner.get(definition.qualname + ".Meta", [])):
            return []
        own = own + self._inherited(path, definition, {f.name for f in own}, 0)
        fields = [f for f in (self._class_field(path, definition.qualname, fact, framework) for fact in own) if f is not None]
        if not fields and framework in SCHEMALESS:
            fields = self._used_fields(path, definition.qualname)
            if not self.catalog.person_entities.search(definition.qualname):
                return []  # nothing declared shows whether it is about a person
        if not fields:
            return []
        return self._emit(path, definition.qualname, definition.line, definition.end_line, framework, fields)

    def _inherited(self, path: str, definition: Def, seen: set[str], depth: int) -> list[FieldFact]:
        """Columns a model takes from the repo's own base classes (SQLModel `User(UserBase,
        table=True)`, abstract Django models, mixins); the model's own declaration wins."""
        found: list[FieldFact] = []
        for base in definition.bases:
            if "=" in base or depth > 4:
                continue
            target = self.index.resolve(path, "", base)
            if not isinstance(target, DefRef) or target.rest:
                continue
            parent = self.index.definition(target)
            if parent is None or parent.kind != "class":
                continue
            facts = self.index.facts.get(target.file)
            for fact in facts.fields if facts is not None else ():
                if fact.owner == parent.qualname and fact.name not in seen:
                    seen.add(fact.name)
                    found.append(fact)
            found += self._inherited(target.file, parent, seen, depth + 1)
        return found

    def _used_fields(self, path: str, owner: str) -> list[_Field]:
        names = sorted({b.name[5:] for b in self.index.facts[path].bindings if b.scope == owner and b.name.startswith("this.")})
        names = [name for name in names if not is_credential_column(name)]  # a password reset says little
        return [_Field(name, "unknown") for name in names] or [_Field("id", "unknown", primary=True)]

    def _framework(self, path: str, definition: Def, depth: int) -> str | None:
        key = (path, definition.qualname)
        if key in self._frameworks:
            return self._frameworks[key]
        self._frameworks[key] = None
        result = None
        for base in definition.bases:
            if "=" in base or depth > 6:
                continue
            target = self.index.resolve(path, "", base)
            if isinstance(target, Ext):
                result = _root_framework(target)
            elif isinstance(target, DefRef) and not target.rest:
                parent = self.index.definition(target)
                if parent is not None and parent.kind == "class":
                    result = self._framework(target.file, parent, depth + 1)
            if result:
                break
        self._frameworks[key] = result
        return result

    @staticmethod
    def _abstract(own: list[FieldFact], meta: list[FieldFact]) -> bool:
        return any(f.name == "abstract" and f.value == "True" for f in meta) or any(f.name == "__abstract__" and f.value == "True" for f in own)

    def _class_field(self, path: str, owner: str, fact: FieldFact, framework: str) -> _Field | None:
        name = fact.name
        if name.startswith("_") or name.isupper() or name in ("objects", "model_config", "Config", "Meta", "Settings"):
            return None
        value = fact.value
        annotation = fact.type
        if framework in ("typeorm", "mikro-orm"):
            return self._typeorm_field(fact)
        if not (ORM_VALUE.search(value) or annotation):
            return None
        if value.startswith(("lambda", "property")) or "ClassVar" in annotation:
            return None
        if RELATION_CALLS.search(value) or RELATION_CALLS.search(annotation):
            many = _MANY_TO_MANY.match(value)
            return _Field(name, many.group(1) if many else "relation", relation=True, link=f"{annotation} {value}",
                          target=self._link_target(path, value))
        declared = _python_type(annotation, value)
        nullable = _python_nullable(annotation, value, framework)
        enum_values = self._enum_for(owner, value, annotation)
        return _Field(
            name=name,
            type=declared,
            nullable=nullable,
            primary=bool(re.search(r"primary_key\s*=\s*True", value)) or (name == "id" and framework in ("sqlmodel", "beanie")),
            unique=bool(re.search(r"unique\s*=\s*True", value)),
            foreign_key=bool(FK_CALLS.search(value)) or name.endswith("_id"),
            enum_values=enum_values,
            link=value if FK_CALLS.search(value) else "",
            target=self._link_target(path, value) if FK_CALLS.search(value) else "",
        )

    def _link_target(self, path: str, value: str) -> str:
        """What `ForeignKey(User)`, `ForeignKey(to="auth.User")` or `ManyToManyField(
        settings.AUTH_USER_MODEL)` points at: a string as written, a name through the file's
        imports (`User` from django.contrib.auth.models is that module's User, not the repo's)."""
        named = _LINK_TARGET.search(value)
        if named is None:
            return ""
        quoted, name = (named.group(1), named.group(2)) if named.group(2) else (named.group(3), named.group(4))
        if quoted:
            return name
        head, _, rest = name.partition(".")
        resolved = self.index.resolve(path, "", head)
        if isinstance(resolved, Ext):
            return ".".join([resolved.module, *resolved.path, *filter(None, [rest])])
        return name

    def _enum_for(self, owner: str, value: str, annotation: str) -> tuple[str, ...]:
        choices = re.search(r"choices\s*=\s*([\w.]+?)(?:\.choices)?\b[,)]", value)
        candidates = [choices.group(1)] if choices else []
        candidates += re.findall(r"\b([A-Z]\w+)\b", annotation) + re.findall(r"\bEnum\(\s*([A-Z]\w+)", value)
        for candidate in candidates:
            for key in (f"{owner}.{candidate}", candidate, candidate.rsplit(".", 1)[-1]):
                if key in self.enums:
                    return self.enums[key]
        inline = re.search(r"choices\s*=\s*\[(.*?)\]\s*[,)]", value)
        if inline:
            return tuple(re.findall(r"\(\s*['\"]([^'\"]+)['\"]", inline.group(1)))
        return ()

    def _typeorm_field(self, fact: FieldFact) -> _Field | None:
        decorators = fact.decorators
        if not decorators:
            return None
        if re.search(r"@(?:OneToMany|ManyToMany|ManyToOne|OneToOne|JoinColumn|JoinTable)", decorators):
            return _Field(fact.name, "relation", relation=True, link=f"{fact.type} {decorators}")
        if "Column" not in decorators and "@Property" not in decorators and "@PrimaryKey" not in decorators:
            return None  # TypeORM `@Column`, MikroORM `@Property` / `@PrimaryKey`
        enum = re.search(r"enum\s*:\s*([A-Za-z_]\w*)", decorators)
        enum_values = self.enums.get(enum.group(1), ()) if enum else self.enums.get(fact.type, ())
        return _Field(
            name=fact.name,
            type=fact.type or "unknown",
            nullable=fact.optional or bool(re.search(r"nullable\s*:\s*true", decorators)) or "| null" in fact.type,
            primary="@Primary" in decorators,
            unique=bool(re.search(r"unique\s*:\s*true", decorators)),
            foreign_key=fact.name.endswith(("Id", "_id")),
            enum_values=enum_values,
        )

    # ---------------------------------------------------------------- prisma
    def _prisma_field(self, fact: FieldFact) -> _Field:
        base_type = fact.type.rstrip("[]")
        relation = "@relation" in fact.decorators or (base_type not in PRISMA_SCALARS and base_type in self.prisma_models)
        return _Field(
            name=fact.name,
            type=fact.type,
            nullable=fact.optional,
            primary="@id" in fact.decorators,
            unique="@unique" in fact.decorators,
            relation=relation,
            foreign_key=fact.name.endswith(("Id", "_id")),
            enum_values=self.enums.get(base_type, ()) if base_type not in PRISMA_SCALARS else (),
            link=base_type if relation else "",
        )

    # ---------------------------------------------------------------- object-literal schemas
    def _schema(self, path: str, schema: SchemaCall, calls: tuple[object, ...]) -> list[Finding]:
        last = schema.chain.rsplit(".", 1)[-1]
        if last in ("pgTable", "mysqlTable", "sqliteTable"):
            framework, entity = "drizzle", schema.target or schema.name_arg
            fields = [self._drizzle_field(path, f) for f in schema.fields]
        elif last == "Schema":
            framework, entity = "mongoose", self._mongoose_name(schema, calls)
            fields = [self._mongoose_field(f) for f in schema.fields]
        elif last in ("define", "init") and not any(_SEQUELIZE_TYPE.search(f.value) for f in schema.fields):
            return []
        elif last == "define" and schema.name_arg:
            framework, entity = "sequelize", schema.name_arg
            fields = [self._mongoose_field(f) for f in schema.fields]
        elif last == "init" and "." in schema.chain:
            framework, entity = "sequelize", schema.chain.rsplit(".", 1)[0]
            fields = [self._mongoose_field(f) for f in schema.fields]
        else:
            return []
        if not entity or not fields:
            return []
        return self._emit(path, entity, schema.line, schema.end_line, framework, fields, symbol=schema.target or entity)

    def _mongoose_name(self, schema: SchemaCall, calls: tuple[object, ...]) -> str:
        for call in calls:
            chain = getattr(call, "chain", "")
            args = getattr(call, "args", "")
            if chain.rsplit(".", 1)[-1] == "model" and schema.target and re.search(rf"\b{re.escape(schema.target)}\b", args):
                name = re.match(r"""^\(\s*['"`](\w+)['"`]""", args)
                if name:
                    return name.group(1)
        base = re.sub(r"(?i)schema$", "", schema.target or "")
        return base[:1].upper() + base[1:]

    def _drizzle_field(self, path: str, fact: FieldFact) -> _Field:
        value = fact.value
        kind = re.match(r"(?:[\w$]+\.)?([\w$]+)\(", value)
        type_name = kind.group(1) if kind else "unknown"
        enum_values: tuple[str, ...] = self.enums.get(type_name, ())
        binding = self.index.bindings.get((path, "", type_name))
        if binding is not None and "Enum(" in binding.raw:
            enum_values = tuple(re.findall(r"['\"]([^'\"]+)['\"]", binding.raw)[1:])
        return _Field(
            name=fact.name,
            type=type_name,
            nullable=not (".notNull()" in value or ".primaryKey()" in value),
            primary=".primaryKey()" in value,
            unique=".unique()" in value,
            foreign_key=".references(" in value,
            enum_values=enum_values,
            link=value if ".references(" in value else "",
        )

    def _mongoose_field(self, fact: FieldFact) -> _Field:
        value = fact.value
        declared = re.search(r"type\s*:\s*([\w.]+)", value)
        type_name = declared.group(1) if declared else value.strip("[]{} ").split(",")[0][:40]
        enum = re.search(r"(?:enum\s*:\s*\[|ENUM\()(.*?)[\])]", value)
        required = re.search(r"(?:required|allowNull)\s*:\s*(true|false)", value)
        nullable = None
        if required:
            nullable = (required.group(1) == "false") if "required" in required.group(0) else required.group(1) == "true"
        return _Field(
            name=fact.name,
            type=type_name,
            nullable=nullable,
            primary=bool(re.search(r"primaryKey\s*:\s*true", value)),
            unique=bool(re.search(r"unique\s*:\s*true", value)),
            relation="ref:" in value.replace(" ", "") or "references" in value,
            foreign_key="ObjectId" in value,
            link=value if "ref" in value else "",
            enum_values=tuple(re.findall(r"['\"]([^'\"]+)['\"]", enum.group(1))) if enum else (),
        )

    # ---------------------------------------------------------------- emit
    def _emit(self, path: str, entity: str, line: int, end_line: int, framework: str, fields: list[_Field], symbol: str | None = None) -> list[Finding]:
        if self._join_table(entity, fields) or self._secrets_only(entity, fields) or self._configuration(entity) or _technical(entity):
            return []
        reported = [
            ModelField(
                name=f.name,
                type=f.type,
                nullable=f.nullable,
                enum_values=list(f.enum_values) or None,
                is_primary_key=True if f.primary else None,
                is_unique=True if f.unique else None,
                target=f.target or None,
            )
            for f in fields
            # a many-to-many (`speakers`) says whose row it is as much as a foreign key does
            if not f.relation or (f.target and f.type == "ManyToManyField")
        ]
        finding = Finding(Kind.DATA_MODEL, path, line, end_line, symbol or entity, "high", discriminator="model", entity=entity.rsplit(".", 1)[-1], fields=reported, framework=framework)
        self._fields_of[id(finding)] = fields
        return [finding]

    def _configuration(self, entity: str) -> bool:
        name = "".join(w.capitalize() for w in _plain_words(entity))
        return bool(self.catalog.config_entities.search(name)) and not self.catalog.person_entities.search(name)

    def _join_table(self, entity: str, fields: list[_Field]) -> bool:
        """Two or three links and nothing else but link attributes (role, status, ...), or a
        model named as a link between two others (`ProjectTaskTypeLink`). A row with many
        links and no text of its own (a notification: recipient, author, task, comment) is
        a record, not a join."""
        # `teamId` and its `team @relation` are one link.
        links = len({
            _entity_key(re.sub(r"_?(?:id|Id|ID)$", "", f.name))
            for f in fields if f.relation or f.foreign_key or re.search(r"(?:Id|_id)$", f.name)
        })
        if links >= 2 and _LINK_NAME.search(_pascal(entity.rsplit(".", 1)[-1])):
            return True
        content = [f for f in fields if _is_content(f) and not self.catalog.link_attributes.match(f.name)]
        return 2 <= links <= 3 and not content

    def _secrets_only(self, entity: str, fields: list[_Field]) -> bool:
        content = [f for f in fields if _is_content(f)]
        # A lone `type` column says nothing secret: a notification row is links plus its type.
        if content and all(is_credential_column(f.name) for f in content) and any(f.name.lower() != "type" for f in content):
            return True
        named_secret = bool(self.catalog.skip_entities.match(_pascal(entity.rsplit(".", 1)[-1])))
        return named_secret and not any(PERSON_FIELD.search(f.name) for f in content if f.name.lower() not in _M.secret_label_fields)


def _name_words(name: str) -> list[str]:
    return re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)


def _record_entity(name: str) -> bool:
    return any(_RECORD_ENTITY.match(word) for word in _name_words(name))


def _technical(entity: str) -> bool:
    """A webhook, integration, log, job row or reference table: it runs the app, whoever it links to."""
    words = _plain_words(entity)
    return bool(words) and (words[-1] in _M.technical_heads or not _M.technical_words.isdisjoint(words))


def _plain_words(entity: str) -> list[str]:
    """Lower-cased words of a model's name without a table suffix (`GroupOptionsModel` -> group, options)."""
    words = [w.lower() for w in _name_words(_pascal(entity.rsplit(".", 1)[-1]))]
    return words[:-1] if len(words) > 1 and words[-1] in _M.table_suffixes else words


def _content_entity(entity: str) -> bool:
    words = _name_words(_pascal(entity.rsplit(".", 1)[-1]))
    return bool(words) and _CONTENT_HEAD.match(words[-1]) is not None


def _entity_key(name: str) -> str:
    """`WebsiteEvent` / `website_events` / `users` -> `websiteevent` / `websiteevent` / `user`."""
    key = re.sub(r"[^a-z0-9]", "", name.rsplit(".", 1)[-1].lower())
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def _link_keys(fields: list[_Field]) -> set[str]:
    """Entity keys a model's links name: `website_id`, `ForeignKey("Invoice")`, `User @relation`."""
    keys: set[str] = set()
    for f in fields:
        if not (f.foreign_key or f.relation or f.link) or _one_to_many(f) or _AUDIT_LINK.match(f.name):
            continue
        keys.add(_entity_key(re.sub(r"_?(?:id|Id|ID)$", "", f.name)))
        keys.update(_entity_key(token) for token in re.findall(r"[A-Za-z]\w*", f.link))
    return keys


def _one_to_many(f: _Field) -> bool:
    """`workouts: Mapped[List["Workout"]] = relationship(...)`, `posts Post[]`: the other side
    points here; being referenced by people's records does not make a catalogue personal."""
    if f.foreign_key or not f.relation:
        return False
    if _COLLECTION.search(f.link):
        return True
    return "relationship(" in f.link and "Mapped[" not in f.link  # direction unknown: do not guess


_COLLECTION = _M.collection


def _pascal(name: str) -> str:
    """`verification_tokens` / `session` -> `VerificationTokens` / `Session`."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\-]", name) if part)


def _is_content(f: _Field) -> bool:
    if f.relation or f.foreign_key or f.primary or f.name == "id" or f.enum_values:
        return False
    lowered = f.type.lower()
    if any(word in lowered for word in ("date", "time", "bool")):
        return False
    return not re.search(r"(?:At|_at|_on|Id|_id|ID)$", f.name)


def _root_framework(target: Ext) -> str | None:
    names = set(target.path)
    for orm in ORM_ROOTS:
        if any(target.module == m or target.module.startswith((m + ".", m + "/")) for m in orm.modules) and names & orm.bases:
            return orm.framework
    return None


def _python_type(annotation: str, value: str) -> str:
    if annotation:
        inner = re.match(r"Mapped\[(.*)\]$", annotation.strip())
        text = inner.group(1) if inner else annotation
        text = re.sub(r"Optional\[(.*)\]", r"\1", text)
        text = re.sub(r"\s*\|\s*None", "", text)
        return text.strip() or "unknown"
    call = re.match(r"(?:models\.|fields\.|db\.)?(\w+)\(\s*(?:(?:sa\.|db\.)?([A-Z]\w*))?", value)
    if call is None:
        return "unknown"
    if call.group(1) in ("Column", "mapped_column") and call.group(2):
        return call.group(2)
    return call.group(1)


def _python_nullable(annotation: str, value: str, framework: str) -> bool | None:
    explicit = re.search(r"\b(?:null|nullable)\s*=\s*(True|False)", value)
    if explicit:
        return explicit.group(1) == "True"
    if annotation:
        return "None" in annotation or "Optional[" in annotation
    if framework == "django":
        return False
    if "Column(" in value:
        return "primary_key=True" not in value
    return None
