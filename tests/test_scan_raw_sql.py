"""Tables declared in raw SQL (issue 12, batch 5 class 5).

`raw_sql` holds a hand-kept `schema.sql` (a person table, an order linked to it, a feature
flag table) and a migration that repeats one table: the schema counts, migrations do not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.extract_sql import extract_sql
from personize_assistant.scan.models import Kind, Touchpoint

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def tables() -> dict[str, Touchpoint]:
    scan = scan_repo(FIXTURES / "raw_sql", use_cache=False)
    return {t.entity or "": t for t in scan.touchpoints if t.kind == Kind.DATA_MODEL}


def test_tables_in_a_schema_file_are_data_models(tables: dict[str, Touchpoint]) -> None:
    assert set(tables) == {"members", "orders"}  # feature_flags is configuration
    members = tables["members"]
    assert (members.file, members.line, members.framework) == ("db/schema.sql", 2, "sql")


def test_columns_keep_their_types_and_nullability(tables: dict[str, Touchpoint]) -> None:
    fields = {f.name: (f.type, f.nullable) for f in tables["orders"].fields or []}
    assert fields["total"] == ("numeric(10, 2)", False)  # a comma inside the type's parentheses
    assert "positive_total" not in fields  # a constraint, not a column
    email = {f.name: f for f in tables["members"].fields or []}["email"]
    assert email.is_unique and not email.nullable


def test_migrations_are_not_scanned(tables: dict[str, Touchpoint]) -> None:
    assert all("migrations/" not in t.file for t in tables.values())


def test_a_comment_cannot_open_a_table_or_a_column() -> None:
    facts = extract_sql("schema.sql", "-- create table ghosts (id int);\ncreate table notes (\n  body text -- a, b\n);\n")
    assert [(name, line, [f.name for f in fields]) for name, line, _, fields in facts.models] == [("notes", 2, ["body"])]


def test_beside_an_orm_the_sql_repeats_it_and_does_not_count(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text("create table members (\n  id int primary key,\n  email text\n);\n")
    (tmp_path / "models.py").write_text(
        "from django.db import models\n\n\nclass Member(models.Model):\n    email = models.EmailField()\n"
    )
    scan = scan_repo(tmp_path, use_cache=False)
    assert [(t.file, t.entity) for t in scan.touchpoints if t.kind == Kind.DATA_MODEL] == [("models.py", "Member")]


def test_sql_in_seed_or_sample_folders_is_not_the_schema(tmp_path: Path) -> None:
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "people.sql").write_text("create table people (\n  id int primary key,\n  email text\n);\n")
    scan = scan_repo(tmp_path, use_cache=False)
    assert not [t for t in scan.touchpoints if t.kind == Kind.DATA_MODEL]
