"""Stack detection from manifests and the files the scanner walked."""

from __future__ import annotations

import json
from pathlib import Path

from personize_assistant.scan.stack import count_languages, detect_stack
from personize_assistant.scan.walk import walk_repo


def write(root: Path, rel: str, text: str) -> str:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return rel


def package_json(**sections: object) -> str:
    return json.dumps({"name": "app", **sections})


def test_languages_are_counted_by_extension_most_common_first() -> None:
    files = ["a.ts", "b.tsx", "c.js", "d.mjs", "e.cjs", "f.jsx", "g.py", "schema.prisma", "x.mts"]
    assert count_languages(files) == {
        "javascript": 4,
        "typescript": 3,
        "prisma": 1,
        "python": 1,
    }


def test_unknown_extensions_are_reported_under_their_own_name() -> None:
    assert count_languages(["main.go", "lib.go", "Makefile", "deploy/crontab"]) == {"go": 2}


def test_node_project_dependencies_frameworks_and_lockfile(tmp_path: Path) -> None:
    write(
        tmp_path,
        "package.json",
        package_json(
            dependencies={"next": "14.2.3", "nodemailer": "^6.9.0", "@prisma/client": "5.0.0"},
            devDependencies={"typescript": "5.4.0"},
        ),
    )
    write(tmp_path, "pnpm-lock.yaml", "lockfileVersion: 9\n")
    files = [write(tmp_path, "src/app/page.tsx", "export default function Page() {}\n")]

    stack = detect_stack(tmp_path, files)

    assert stack.dependencies == {
        "@prisma/client": "5.0.0",
        "next": "14.2.3",
        "nodemailer": "^6.9.0",
        "typescript": "5.4.0",
    }
    assert {"nextjs", "prisma"} <= set(stack.frameworks)
    assert stack.package_managers == ["pnpm"]
    assert stack.languages == {"typescript": 1}


def test_monorepo_reads_every_workspace_package_json(tmp_path: Path) -> None:
    write(tmp_path, "package.json", package_json(workspaces=["apps/*", "packages/*"]))
    write(tmp_path, "yarn.lock", "")
    write(tmp_path, "apps/api/package.json", package_json(dependencies={"express": "^4.19.0"}))
    write(tmp_path, "apps/web/package.json", package_json(dependencies={"react": "18.3.1"}))
    write(tmp_path, "packages/db/package.json", package_json(dependencies={"drizzle-orm": "0.30"}))
    files = [
        write(tmp_path, "apps/api/src/server.ts", ""),
        write(tmp_path, "apps/web/src/App.tsx", ""),
        write(tmp_path, "packages/db/src/schema.ts", ""),
    ]

    stack = detect_stack(tmp_path, files)

    assert {"express", "react", "drizzle"} <= set(stack.frameworks)
    assert stack.dependencies["express"] == "^4.19.0"
    assert stack.package_managers == ["yarn"]


def test_node_modules_manifests_are_never_read(tmp_path: Path) -> None:
    write(tmp_path, "package.json", package_json(dependencies={"express": "4.0.0"}))
    write(tmp_path, "node_modules/fastify/package.json", package_json(dependencies={"koa": "2"}))
    files = [write(tmp_path, "index.js", ""), "node_modules/fastify/index.js"]

    stack = detect_stack(tmp_path, files)

    assert "koa" not in stack.dependencies
    assert "koa" not in stack.frameworks


def test_malformed_manifests_are_skipped_not_fatal(tmp_path: Path) -> None:
    write(tmp_path, "package.json", "{ not json")
    write(tmp_path, "pyproject.toml", "[project\ndependencies = ")
    write(tmp_path, "Pipfile", "[[[")
    write(tmp_path, "setup.cfg", "[options\ninstall_requires = x")
    write(tmp_path, "svc/package.json", json.dumps(["a", "list", "not", "an", "object"]))
    write(tmp_path, "svc/requirements.txt", "flask==3.0.0\n")
    (tmp_path / "web").mkdir()
    (tmp_path / "web/package.json").write_bytes(b"\xff\xfe\x00garbage")
    files = [
        write(tmp_path, "svc/app.py", ""),
        write(tmp_path, "web/index.js", ""),
    ]

    stack = detect_stack(tmp_path, files)

    assert stack.dependencies == {"flask": "3.0.0"}
    assert "flask" in stack.frameworks


def test_wrongly_typed_manifest_values_are_ignored(tmp_path: Path) -> None:
    write(
        tmp_path,
        "package.json",
        json.dumps({"dependencies": ["express"], "devDependencies": {"jest": 29, "vitest": "1.0"}}),
    )
    write(tmp_path, "pyproject.toml", '[project]\ndependencies = "django"\n')

    stack = detect_stack(tmp_path, [write(tmp_path, "a.js", "")])

    assert stack.dependencies == {"vitest": "1.0"}


def test_pep621_pyproject_with_optional_and_group_dependencies(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        """
[project]
name = "svc"
dependencies = ["Django>=4.2,<5", "celery[redis]==5.3.6", "SQLAlchemy ; python_version > '3.8'"]

[project.optional-dependencies]
api = ["fastapi (>=0.110)"]

[dependency-groups]
dev = ["pytest>=8"]

[tool.uv]
dev-dependencies = []
""",
    )
    write(tmp_path, "uv.lock", "")
    stack = detect_stack(tmp_path, [write(tmp_path, "svc/app.py", "")])

    assert stack.dependencies == {
        "celery": "5.3.6",
        "django": ">=4.2,<5",
        "fastapi": ">=0.110",
        "pytest": ">=8",
        "sqlalchemy": "*",
    }
    assert {"django", "celery", "sqlalchemy", "fastapi"} <= set(stack.frameworks)
    assert stack.package_managers == ["uv"]


def test_poetry_pyproject_reads_main_dev_and_group_dependencies(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        """
[tool.poetry]
name = "svc"

[tool.poetry.dependencies]
python = "^3.11"
Flask = "^3.0"
SQLModel = { version = "0.0.16", extras = ["x"] }
local-lib = { path = "../lib" }

[tool.poetry.group.dev.dependencies]
pytest = "^8"
""",
    )
    stack = detect_stack(tmp_path, [write(tmp_path, "app.py", "")])

    assert stack.dependencies == {
        "flask": "^3.0",
        "sqlmodel": "0.0.16",
        "local-lib": "*",
        "pytest": "^8",
    }
    assert {"flask", "sqlmodel"} <= set(stack.frameworks)
    assert stack.package_managers == ["poetry"]


def test_requirements_includes_are_followed_once_and_stay_in_the_repo(tmp_path: Path) -> None:
    write(
        tmp_path,
        "requirements.txt",
        "-r requirements/base.txt\n--requirement=requirements/base.txt\n"
        "-r ../outside.txt\n-e .\n--index-url https://example.org\n"
        "gunicorn==22.0  # the server\n",
    )
    write(tmp_path, "requirements/base.txt", "Django==5.0.1\n-r common.txt\n")
    write(tmp_path, "requirements/common.txt", "-r base.txt\nrequests>=2\n")
    (tmp_path.parent / "outside.txt").write_text("evil==1\n")

    stack = detect_stack(tmp_path, [write(tmp_path, "manage.py", "")])

    assert stack.dependencies == {"django": "5.0.1", "gunicorn": "22.0", "requests": ">=2"}
    assert stack.frameworks == ["django"]
    assert stack.package_managers == ["pip"]


def test_requirements_directory_without_source_files_is_read(tmp_path: Path) -> None:
    write(tmp_path, "requirements/prod.txt", "celery==5.4.0\n")
    stack = detect_stack(tmp_path, [write(tmp_path, "tasks.py", "")])
    assert stack.dependencies == {"celery": "5.4.0"}


def test_pipfile_and_setup_cfg(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Pipfile",
        '[packages]\nflask = "*"\nrequests = {version = ">=2.31"}\n\n[dev-packages]\npytest = "==8.0"\n',
    )
    write(tmp_path, "lib/setup.cfg", "[options]\ninstall_requires =\n    pydantic>=2\n    # note\n")
    stack = detect_stack(tmp_path, [write(tmp_path, "lib/pkg/mod.py", "")])

    assert stack.dependencies == {
        "flask": "*",
        "pydantic": ">=2",
        "pytest": "8.0",
        "requests": ">=2.31",
    }
    assert stack.package_managers == ["pipenv"]


def test_root_manifest_wins_when_a_dependency_is_declared_twice(tmp_path: Path) -> None:
    write(tmp_path, "package.json", package_json(dependencies={"react": "18.3.1"}))
    write(tmp_path, "apps/legacy/package.json", package_json(dependencies={"react": "16.0.0"}))
    stack = detect_stack(tmp_path, [write(tmp_path, "apps/legacy/a.jsx", "")])
    assert stack.dependencies["react"] == "18.3.1"


def test_telltale_files_name_frameworks_without_dependencies(tmp_path: Path) -> None:
    write(tmp_path, "web/next.config.mjs", "export default {}\n")
    write(tmp_path, "prisma/schema.prisma", "model User { id Int @id }\n")
    files = [write(tmp_path, "web/app/page.tsx", ""), "prisma/schema.prisma"]

    stack = detect_stack(tmp_path, files)

    assert stack.frameworks == ["nextjs", "prisma"]
    assert stack.package_managers == []


def test_package_json_without_lockfile_defaults_to_npm_or_its_package_manager_field(
    tmp_path: Path,
) -> None:
    write(tmp_path, "package.json", package_json())
    assert detect_stack(tmp_path, []).package_managers == ["npm"]
    write(tmp_path, "package.json", package_json(packageManager="bun@1.1.0"))
    assert detect_stack(tmp_path, []).package_managers == ["bun"]


def test_symlinked_manifest_pointing_outside_the_repo_is_ignored(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    outside = tmp_path / "secret-package.json"
    outside.write_text(package_json(dependencies={"leaked": "1.0.0"}))
    (repo / "package.json").symlink_to(outside)
    stack = detect_stack(repo, [write(repo, "a.js", "")])
    assert "leaked" not in stack.dependencies


def test_config_files_the_scanner_reads_are_not_languages() -> None:
    files = [".github/workflows/cron.yml", "vercel.json", "app.py"]
    assert count_languages(files) == {"python": 1}


def test_the_main_languages_package_manager_comes_first(tmp_path: Path) -> None:
    write(tmp_path, "package.json", package_json())
    write(tmp_path, "yarn.lock", "")
    write(tmp_path, "requirements.txt", "flask\n")
    python_repo = [write(tmp_path, f"svc/m{i}.py", "") for i in range(3)] + ["web/a.ts"]
    assert detect_stack(tmp_path, python_repo).package_managers == ["pip", "yarn"]
    node_repo = [f"web/c{i}.ts" for i in range(3)] + ["svc/m0.py"]
    assert detect_stack(tmp_path, node_repo).package_managers == ["yarn", "pip"]


def test_the_top_level_lockfile_names_the_install_tool(tmp_path: Path) -> None:
    """A pnpm monorepo with one sub-project that keeps its own package-lock.json is pnpm."""
    (tmp_path / "package.json").write_text(json.dumps({"name": "mono", "private": True}))
    (tmp_path / "pnpm-lock.yaml").write_text("lockfileVersion: '9.0'\n")
    (tmp_path / "pnpm-workspace.yaml").write_text("packages: ['apps/*', 'packages/*']\n")
    app = tmp_path / "packages" / "stripe-app"
    app.mkdir(parents=True)
    (app / "package.json").write_text(json.dumps({"name": "stripe-app"}))
    (app / "package-lock.json").write_text("{}")
    (app / "index.ts").write_text("export {}\n")
    files = ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "packages/stripe-app/package.json",
             "packages/stripe-app/package-lock.json", "packages/stripe-app/index.ts"]
    assert detect_stack(tmp_path, files).package_managers == ["pnpm", "npm"]


def test_the_walks_listings_describe_the_same_stack_as_listing_the_tree_again(tmp_path: Path) -> None:
    # A monorepo: the root lockfile names the manager, a package's manifest its deps.
    write(tmp_path, "package.json", package_json(workspaces=["apps/*"]))
    write(tmp_path, "pnpm-lock.yaml", "lockfileVersion: 9\n")
    write(tmp_path, "apps/web/package.json", package_json(dependencies={"next": "14.2.3"}))
    write(tmp_path, "apps/web/next.config.js", "module.exports = {}\n")
    write(tmp_path, "apps/web/src/send.ts", "export const x = 1\n")
    write(tmp_path, "svc/requirements.txt", "django==5.0\n")
    write(tmp_path, "svc/app/views.py", "x = 1\n")
    walked = walk_repo(tmp_path)

    from_listings = detect_stack(tmp_path, walked.files, walked.listings)

    assert set(walked.listings) >= {"", "apps", "apps/web", "apps/web/src", "svc", "svc/app"}
    assert from_listings == detect_stack(tmp_path, walked.files)
    assert from_listings.package_managers[0] == "pnpm"
    assert {"nextjs", "django"} <= set(from_listings.frameworks)


def test_the_walks_ignore_matcher_agrees_with_pathspec() -> None:
    from pathspec import GitIgnoreSpec

    from personize_assistant.scan.walk import IgnoreMatcher

    paths = ["a.log", "src/a.log", "build/", "build/x.ts", "src/build/", "docs/x/tmp/", "docs/tmp",
             "node_modules/", "keep.log", "src/keep.log", "app/.env", ".env.local", "x/y/z.ts", "out"]
    for lines in (["node_modules/", "*.log", "/build", "docs/**/tmp", ".env*", "out"],  # one expression
                  ["*.log", "!keep.log", "/build", "build/x.ts"],                     # negation: pathspec
                  []):
        spec = GitIgnoreSpec.from_lines(lines)
        matcher = IgnoreMatcher(spec)
        assert (matcher.combined is not None) == (bool(lines) and not any(line.startswith("!") for line in lines))
        assert [matcher.match_file(p) for p in paths] == [bool(spec.match_file(p)) for p in paths], lines
