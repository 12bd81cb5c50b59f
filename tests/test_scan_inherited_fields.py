"""A model's columns include those it inherits from the repo's own base classes."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind

SQLMODEL = '''import uuid
from sqlmodel import Field, SQLModel


class UserBase(SQLModel):
    email: str = Field(unique=True, index=True, max_length=255)
    full_name: str | None = Field(default=None, max_length=255)


class UserCreate(UserBase):
    password: str


class User(UserBase, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    hashed_password: str
'''


def test_a_sqlmodel_table_has_its_base_columns(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("sqlmodel\n")
    (tmp_path / "models.py").write_text(SQLMODEL)
    scan = scan_repo(tmp_path, use_cache=False, jobs=1)
    (user,) = scan.by_kind(Kind.DATA_MODEL)  # the API shapes (UserBase, UserCreate) are not tables
    assert user.symbol == "User"
    assert {f.name for f in user.fields} >= {"id", "hashed_password", "email", "full_name"}
