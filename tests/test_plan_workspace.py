"""PLAN on a pnpm workspace: installs go through pnpm into the app that owns the code, and
the shared modules are created once, in that app (never at the root plus a copy)."""

from __future__ import annotations

import re

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.plan.action import build_plan
from personize_assistant.actions.plan.artifact import PlanArtifact, render_markdown
from personize_assistant.codegen.placement import add_command
from personize_assistant.scan.engine import scan_repo
from tests.planning_support import planning_library
from tests.support.apps import fixture_app


def _plan() -> tuple[PlanArtifact, str]:
    scan = scan_repo(fixture_app("pnpm-workspace-ts"), use_cache=False)
    library = planning_library()
    artifact = build_plan(scan, prefill_from_scan(scan, library), library)
    return artifact, render_markdown(artifact, full=True)


def _commands(text: str) -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_installs_use_pnpm_filtered_to_the_owning_app() -> None:
    _, text = _plan()
    commands = _commands(text)
    assert "pnpm --filter @acme/web add @personize/sdk" in commands
    assert "pnpm --filter @acme/worker add @personize/sdk" in commands
    assert not [c for c in commands if re.match(r"(npm|npx|yarn) ", c)]
    assert "npm ci" not in text


def test_the_shared_modules_live_in_the_owning_app_once() -> None:
    artifact, _ = _plan()
    created = artifact.files_to_create
    assert "apps/web/src/lib/personize.ts" in created
    assert not [f for f in created if f.startswith("src/")], created
    assert len(created) == len(set(created))
    assert [f for f in created if f.endswith("/api/cron/personize-loop/route.ts")] == [
        "apps/web/app/api/cron/personize-loop/route.ts"]


def test_add_commands_follow_each_manager() -> None:
    assert add_command("pnpm", "x", workspace=True, dev=True) == "pnpm add -D x -w"
    assert add_command("yarn", "x", package_dir="apps/a", package_name="@a/a") == "yarn workspace @a/a add x"
    assert add_command("bun", "x", package_dir="apps/a") == "(cd apps/a && bun add x)"
    assert add_command("uv", "x") == "npm install x"


def test_generate_says_how_to_install_in_the_owning_app() -> None:
    from personize_assistant.actions.generate.action import GenerateOptions, generate
    scan = scan_repo(fixture_app("pnpm-workspace-ts"), use_cache=False)
    send = next(t for t in scan.touchpoints if t.symbol == "sendWeeklyDigest" and t.kind.value == "email_send")
    notes = " ".join(generate(scan, GenerateOptions(touchpoint_id=send.id)).notes)
    assert "pnpm --filter @acme/worker add @personize/sdk" in notes and "npm install" not in notes


def test_ci_installs_from_the_lockfile_with_its_own_manager() -> None:
    _, text = _plan()
    assert "- run: corepack enable && pnpm install --frozen-lockfile" in text


def test_an_edge_route_is_told_the_client_cannot_run_there() -> None:
    artifact, _ = _plan()
    steps = {s.title: s.body for section in artifact.sections for s in section.steps}
    edge = [body for body in steps.values() if "apps/web/app/api/invite/route.ts:" in body]
    node = [body for body in steps.values() if "apps/worker/src/digest.ts:" in body]
    assert edge and all("Edge runtime" in body for body in edge)
    assert node and not any("Edge runtime" in body for body in node)
