"""Where a data-sync script lands and which client it uses: the owning project's folder
(never the Prisma schema folder or a Django models package), outside what .gitignore
ignores, with the repo's own Prisma client (an exported instance, a PrismaClient subclass
or the client generated to a custom output) instead of `new PrismaClient()` from
`@prisma/client`."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.actions.wire.action import WireOptions, load_rules, wire
from personize_assistant.actions.wire.artifact import WireArtifact
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind
from personize_assistant.scan.walk import git_ignored
from tests.test_wire_cases import write_app

USER_MODEL = """model User {
  id        String   @id @default(cuid())
  email     String   @unique
  name      String?
  createdAt DateTime @default(now())
}
"""
GENERATOR = """generator client {
  provider = "prisma-client"
  output   = "../generated/prisma"
}

datasource db {
  provider = "postgresql"
}
"""
MONOREPO = {
    "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
    "package.json": '{"name": "root", "private": true}\n',
    "packages/database/package.json": '{"name": "@acme/database"}\n',
    "packages/database/prisma/schema.prisma": GENERATOR,
    "packages/database/prisma/models/user.prisma": USER_MODEL,
}
CLIENT_MODULE = """import { PrismaClient } from "../generated/prisma/client";

export const prisma = new PrismaClient();
"""


def _sync(root: Path) -> WireArtifact:
    scan = scan_repo(root, use_cache=False)
    user = next(t for t in scan.by_kind(Kind.DATA_MODEL) if t.entity == "User")
    return wire(scan, WireOptions(touchpoint_id=user.id), load_rules())


def _script(artifact: WireArtifact) -> tuple[str, str]:
    script = next(f for f in artifact.files_created if "sync" in f.path)
    return script.path, script.content


def test_a_prisma_sync_lands_in_the_owning_package_and_imports_its_client(tmp_path: Path) -> None:
    root = write_app({**MONOREPO, "packages/database/src/client.ts": CLIENT_MODULE}, tmp_path)
    path, code = _script(_sync(root))
    assert path == "packages/database/scripts/personize-sync-user.ts"
    assert "import { prisma as repoPrisma } from '../src/client';" in code
    assert "@prisma/client" not in code and "new PrismaClient" not in code


def test_a_client_generated_elsewhere_is_imported_from_its_output(tmp_path: Path) -> None:
    path, code = _script(_sync(write_app(MONOREPO, tmp_path)))
    assert "import { PrismaClient } from '../generated/prisma/client';" in code
    assert "@prisma/client" not in code
    assert path.startswith("packages/database/scripts/")


def test_a_prisma_client_subclass_is_constructed_when_it_takes_no_arguments(tmp_path: Path) -> None:
    service = (
        "import { PrismaClient } from '../generated/prisma/client';\n\n"
        "export class PrismaService extends PrismaClient {\n"
        "  constructor() {\n    super({});\n  }\n}\n"
    )
    root = write_app({**MONOREPO, "packages/database/src/prisma.service.ts": service}, tmp_path)
    _, code = _script(_sync(root))
    assert "import { PrismaService } from '../src/prisma.service';" in code
    assert "const db = new PrismaService();" in code


def test_a_gitignored_scripts_folder_is_avoided(tmp_path: Path) -> None:
    root = write_app({**MONOREPO, ".gitignore": "node_modules\nscripts/\n"}, tmp_path)
    path, _ = _script(_sync(root))
    assert not git_ignored(root, path), path
    assert path == "packages/database/personize/personize-sync-user.ts"
    assert git_ignored(root, "packages/database/scripts/personize-sync-user.ts")


def test_a_nested_gitignore_counts_for_its_own_folder(tmp_path: Path) -> None:
    root = write_app({"app/.gitignore": "/scripts\n", "app/x.ts": "", "scripts/x.ts": ""}, tmp_path)
    assert git_ignored(root, "app/scripts/x.ts")
    assert not git_ignored(root, "scripts/x.ts")


DJANGO = {
    "manage.py": "import django\n",
    "person/__init__.py": "",
    "person/apps.py": "from django.apps import AppConfig\n\n\nclass PersonConfig(AppConfig):\n    name = 'person'\n",
    "person/models/__init__.py": "from .user import User\n",
    "person/models/user.py": """from django.db import models


class User(models.Model):
    email = models.EmailField(unique=True)
    name = models.CharField(max_length=120)
    locale = models.CharField(max_length=32)
""",
}


def test_a_django_sync_lands_in_the_app_not_its_models_package(tmp_path: Path) -> None:
    artifact = _sync(write_app(DJANGO, tmp_path))
    path, code = _script(artifact)
    assert path == "person/management/commands/personize_sync_user.py"
    assert "from ...models.user import User" in code
    assert not any("models/management" in f.path for f in artifact.files_created)
