"""Map a model field's declared ORM type to a Personize property type.

The scanner reports each field's type as written in the source (`String?`,
`models.CharField`, `Mapped[Optional[str]]`, `DataTypes.ENUM('a','b')`, `[String]`…).
`classify_type` peels the wrappers every ORM uses (optional markers, module prefixes,
call arguments, list wrappers) and looks the bare name up in a per-ORM table, falling
back to a table of names common to all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PropertyType = Literal["text", "number", "date", "boolean", "options", "array"]
ValueShape = Literal["scalar", "long_text", "json", "relation", "binary"]


@dataclass(frozen=True)
class TypeInfo:
    """What a declared type means for SCHEMA."""

    property_type: PropertyType
    shape: ValueShape = "scalar"
    """`long_text` marks free-text columns (TextField, Text, @db.Text) — candidates for extraction."""
    is_list: bool = False


_TEXT: PropertyType = "text"
_NUMBER: PropertyType = "number"
_DATE: PropertyType = "date"
_BOOL: PropertyType = "boolean"
_Entry = tuple[PropertyType, ValueShape]

# Names shared by most ORMs and by plain language types (lower-cased, wrappers removed).
_COMMON: dict[str, _Entry] = {
    **dict.fromkeys(
        ("string", "str", "varchar", "char", "citext", "uuid", "email", "url", "slug",
         "ipaddress", "inet", "nvarchar", "cuid", "bigserial", "serial"),
        (_TEXT, "scalar"),
    ),
    **dict.fromkeys(("text", "mediumtext", "longtext", "clob", "unicodetext"), (_TEXT, "long_text")),
    **dict.fromkeys(
        ("int", "integer", "bigint", "smallint", "tinyint", "float", "double", "decimal",
         "numeric", "real", "number", "bigdecimal", "money", "positiveinteger", "int4", "int8",
         "doubleprecision", "mediumint"),
        (_NUMBER, "scalar"),
    ),
    **dict.fromkeys(
        ("date", "datetime", "timestamp", "timestamptz", "time", "dateonly", "datetimeoffset"),
        (_DATE, "scalar"),
    ),
    **dict.fromkeys(("bool", "boolean"), (_BOOL, "scalar")),
    **dict.fromkeys(("json", "jsonb", "dict", "mixed", "object", "record", "any", "hstore"), (_TEXT, "json")),
    **dict.fromkeys(("bytes", "blob", "binary", "bytea", "largebinary", "buffer", "uint8array"), (_TEXT, "binary")),
}

# ORM-specific names (the declared type as the ORM spells it, lower-cased, prefix removed).
_BY_ORM: dict[str, dict[str, _Entry]] = {
    "django": {
        **dict.fromkeys(("charfield", "emailfield", "urlfield", "slugfield", "uuidfield",
                         "genericipaddressfield", "ciemailfield", "cicharfield"), (_TEXT, "scalar")),
        # An upload column holds a storage path, not the file: nothing to extract or search.
        **dict.fromkeys(("filefield", "imagefield", "filepathfield"), (_TEXT, "binary")),
        "textfield": (_TEXT, "long_text"),
        **dict.fromkeys(("integerfield", "bigintegerfield", "smallintegerfield", "floatfield",
                         "decimalfield", "positiveintegerfield", "positivesmallintegerfield",
                         "positivebigintegerfield", "durationfield"), (_NUMBER, "scalar")),
        **dict.fromkeys(("datefield", "datetimefield", "timefield"), (_DATE, "scalar")),
        **dict.fromkeys(("booleanfield", "nullbooleanfield"), (_BOOL, "scalar")),
        "jsonfield": (_TEXT, "json"),
        "binaryfield": (_TEXT, "binary"),
        **dict.fromkeys(("foreignkey", "onetoonefield", "manytomanyfield", "genericforeignkey"),
                        (_TEXT, "relation")),
        **dict.fromkeys(("autofield", "bigautofield", "smallautofield"), (_NUMBER, "scalar")),
    },
    "sqlalchemy": {
        "relationship": (_TEXT, "relation"),
        "foreignkey": (_TEXT, "relation"),
        "enum": ("options", "scalar"),
    },
    "prisma": {"bytes": (_TEXT, "binary"), "decimal": (_NUMBER, "scalar")},
    "mongoose": {"objectid": (_TEXT, "relation")},
    "drizzle": {"pgenum": ("options", "scalar"), "mysqlenum": ("options", "scalar")},
    "sequelize": {"enum": ("options", "scalar")},
    "typeorm": {"simple-json": (_TEXT, "json"), "simple-array": ("array", "scalar")},
}
_BY_ORM["sqlmodel"] = _BY_ORM["sqlalchemy"]

_OPTIONAL_WRAPPERS = re.compile(r"^(?:optional|mapped|annotated|nullable|required)\[(.*)\]$", re.I)
_LIST_WRAPPERS = re.compile(r"^(?:list|set|tuple|sequence|array|arrayfield|frozenset)[\[(](.*)[\])]$", re.I)
_PREFIX = re.compile(r"^(?:models|sa|sqlalchemy|db|datatypes|sequelize|schema\.types|types|t|fields|"
                     r"mongoose\.schema\.types|pg|postgresql)\.", re.I)


def classify_type(declared: str, framework: str | None, enum_values: list[str] | None = None,
                  model_names: frozenset[str] = frozenset()) -> TypeInfo:
    """The Personize type for a field declared as `declared` under `framework`."""
    text, is_list = _unwrap(declared)
    if enum_values:
        return TypeInfo("array" if is_list else "options", "scalar", is_list)
    if text in model_names or _strip_generic(text) in model_names:
        return TypeInfo("text", "relation", is_list)
    if _unknown_prisma_type(text, framework):
        return TypeInfo("text", "relation", is_list)
    property_type, shape = _lookup(text, (framework or "").lower())
    if is_list and shape in ("scalar", "long_text"):
        return TypeInfo("array", "scalar", True)
    return TypeInfo(property_type, shape, is_list)


_PRISMA_SCALARS = {"string", "int", "bigint", "float", "decimal", "boolean", "datetime", "json", "bytes"}


def _unknown_prisma_type(text: str, framework: str | None) -> bool:
    """In Prisma every non-scalar, non-enum type is a model: the field is a relation."""
    bare = text.split()[0] if text.split() else text
    return framework == "prisma" and bare[:1].isupper() and bare.lower() not in _PRISMA_SCALARS \
        and not bare.startswith("Unsupported")


def _unwrap(declared: str) -> tuple[str, bool]:
    """Strip nullability, module prefixes and list wrappers; report whether it was a list."""
    text = declared.strip()
    is_list = False
    for _ in range(5):  # wrappers nest: Mapped[Optional[list[str]]]
        text = _NONE_UNION.sub("", text.rstrip("?!").strip())
        text = _PREFIX.sub("", text) if _LIST_WRAPPERS.match(_PREFIX.sub("", text)) else text
        if match := _OPTIONAL_WRAPPERS.match(text):
            text = match.group(1).strip()
        elif match := _LIST_WRAPPERS.match(text):
            text, is_list = match.group(1).strip() or "string", True
        elif text.endswith("[]"):
            text, is_list = text[:-2].strip(), True
        elif text.startswith("[") and text.endswith("]"):
            text, is_list = text[1:-1].strip() or "mixed", True
        else:
            break
    return text, is_list


_NONE_UNION = re.compile(r"\s*\|\s*None$|^None\s*\|\s*")


def _strip_generic(text: str) -> str:
    return re.sub(r"[\[(<].*$", "", text).strip()


def _lookup(text: str, framework: str) -> _Entry:
    bare = _PREFIX.sub("", _strip_generic(text)).lower()
    bare = bare.split(".")[-1] if bare not in _BY_ORM.get(framework, {}) else bare
    if bare.startswith("@db."):
        bare = bare[4:]
    for table in (_BY_ORM.get(framework, {}), *_BY_ORM.values(), _COMMON):
        if bare in table:
            return table[bare]
    if bare.endswith("field"):  # unknown Django-style field classes are still fields
        return _lookup(bare[: -len("field")], framework) if bare != "field" else (_TEXT, "scalar")
    return (_TEXT, "scalar")


def enum_values_in(declared: str) -> list[str]:
    """Values spelled inline, e.g. `DataTypes.ENUM('free', 'pro')` or `Literal["a", "b"]`."""
    match = re.search(r"(?:enum|literal)\s*[\[(](.*)[\])]", declared, re.I)
    if not match:
        return []
    return re.findall(r"""["']([^"']+)["']""", match.group(1))
