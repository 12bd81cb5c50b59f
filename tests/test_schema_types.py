"""ORM field types -> Personize property types, per ORM."""

from __future__ import annotations

import pytest

from personize_assistant.actions.common.type_map import classify_type, enum_values_in

CASES = [
    # (framework, declared type, property type, shape)
    ("prisma", "String", "text", "scalar"),
    ("prisma", "String?", "text", "scalar"),
    ("prisma", "Int", "number", "scalar"),
    ("prisma", "Float?", "number", "scalar"),
    ("prisma", "Decimal", "number", "scalar"),
    ("prisma", "DateTime", "date", "scalar"),
    ("prisma", "Boolean", "boolean", "scalar"),
    ("prisma", "Json", "text", "json"),
    ("prisma", "String[]", "array", "scalar"),
    ("prisma", "Bytes", "text", "binary"),
    ("prisma", "Workspace", "text", "relation"),
    ("prisma", "Response[]", "text", "relation"),
    ("django", "models.CharField", "text", "scalar"),
    ("django", "models.CharField(max_length=120)", "text", "scalar"),
    ("django", "TextField", "text", "long_text"),
    ("django", "models.EmailField", "text", "scalar"),
    ("django", "models.DecimalField(max_digits=9, decimal_places=2)", "number", "scalar"),
    ("django", "models.PositiveIntegerField", "number", "scalar"),
    ("django", "models.DateTimeField(auto_now_add=True)", "date", "scalar"),
    ("django", "models.BooleanField", "boolean", "scalar"),
    ("django", "models.JSONField", "text", "json"),
    ("django", "ArrayField(models.CharField(max_length=20))", "array", "scalar"),
    ("django", "models.ForeignKey(Company, on_delete=models.CASCADE)", "text", "relation"),
    ("django", "models.ManyToManyField('Tag')", "text", "relation"),
    ("sqlalchemy", "Mapped[str]", "text", "scalar"),
    ("sqlalchemy", "Mapped[Optional[datetime]]", "date", "scalar"),
    ("sqlalchemy", "Mapped[int | None]", "number", "scalar"),
    ("sqlalchemy", "Text", "text", "long_text"),
    ("sqlalchemy", "sa.Boolean", "boolean", "scalar"),
    ("sqlalchemy", "JSONB", "text", "json"),
    ("sqlalchemy", "Mapped[list[str]]", "array", "scalar"),
    ("sqlalchemy", "relationship('Account')", "text", "relation"),
    ("sqlmodel", "Optional[str]", "text", "scalar"),
    ("sqlmodel", "float", "number", "scalar"),
    ("sqlmodel", "bool", "boolean", "scalar"),
    ("sqlmodel", "date", "date", "scalar"),
    ("typeorm", "varchar", "text", "scalar"),
    ("typeorm", "timestamptz", "date", "scalar"),
    ("typeorm", "simple-json", "text", "json"),
    ("typeorm", "number", "number", "scalar"),
    ("drizzle", "integer", "number", "scalar"),
    ("drizzle", "timestamp", "date", "scalar"),
    ("drizzle", "jsonb", "text", "json"),
    ("drizzle", "text", "text", "long_text"),
    ("mongoose", "String", "text", "scalar"),
    ("mongoose", "[String]", "array", "scalar"),
    ("mongoose", "Schema.Types.Mixed", "text", "json"),
    ("mongoose", "Schema.Types.ObjectId", "text", "relation"),
    ("mongoose", "Date", "date", "scalar"),
    ("sequelize", "DataTypes.STRING", "text", "scalar"),
    ("sequelize", "DataTypes.TEXT", "text", "long_text"),
    ("sequelize", "DataTypes.INTEGER", "number", "scalar"),
    ("sequelize", "DataTypes.DATE", "date", "scalar"),
    ("sequelize", "DataTypes.BOOLEAN", "boolean", "scalar"),
    ("sequelize", "DataTypes.JSONB", "text", "json"),
    ("sequelize", "DataTypes.ARRAY(DataTypes.STRING)", "array", "scalar"),
    (None, "unknown_custom_type", "text", "scalar"),
]


@pytest.mark.parametrize(("framework", "declared", "expected", "shape"), CASES)
def test_declared_types_map_per_orm(framework: str | None, declared: str, expected: str, shape: str) -> None:
    info = classify_type(declared, framework, model_names=frozenset({"Company", "Account"}))
    assert (info.property_type, info.shape) == (expected, shape)


def test_enums_become_options_with_their_values() -> None:
    assert classify_type("Plan", "prisma", ["FREE", "PRO"]).property_type == "options"
    assert classify_type("Role[]", "prisma", ["OWNER", "MEMBER"]).property_type == "array"


def test_inline_enum_values_are_read_from_the_declaration() -> None:
    assert enum_values_in("DataTypes.ENUM('free', 'pro', 'team')") == ["free", "pro", "team"]
    assert enum_values_in('Literal["draft", "live"]') == ["draft", "live"]
    assert enum_values_in("models.CharField") == []
    info = classify_type("DataTypes.ENUM('free', 'pro')", "sequelize", enum_values_in("DataTypes.ENUM('free', 'pro')"))
    assert info.property_type == "options"


def test_a_known_model_name_is_a_relation_in_any_orm() -> None:
    assert classify_type("Company", "typeorm", model_names=frozenset({"Company"})).shape == "relation"
    assert classify_type("Optional[Company]", "sqlmodel", model_names=frozenset({"Company"})).shape == "relation"
