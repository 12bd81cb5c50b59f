"""A decorated class is reported where it is declared, not at its first decorator."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind

SEQUELIZE_MODEL = '''import { Column, Model, Scopes, Table } from "sequelize-typescript";

@Scopes(() => ({
  withTeam: { include: [] },
}))
@Table({ tableName: "users", modelName: "user" })
class User extends Model {
  @Column
  email: string;
}

export default User;
'''


def test_a_decorated_model_is_reported_at_its_class_line(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"sequelize-typescript": "2"}}')
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "User.ts").write_text(SEQUELIZE_MODEL)
    scan = scan_repo(tmp_path, use_cache=False, jobs=1)
    (model,) = scan.by_kind(Kind.DATA_MODEL)
    assert (model.file, model.line, model.symbol) == ("models/User.ts", 7, "User")
