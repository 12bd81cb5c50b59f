"""PLAN: coverage of the must-include items, the repo's real names, budget, code validity."""

from __future__ import annotations

import ast
import math
import re
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from personize_assistant.actions.common.discovery import (
    Discovery,
    Fact,
    answers_from_mapping,
    prefill_from_scan,
)
from personize_assistant.actions.plan.action import (
    PlanOptions,
    build_plan,
    check_plan,
    sustainable_volume,
)
from personize_assistant.actions.plan.artifact import PlanArtifact, render_markdown, to_json
from personize_assistant.cli import app
from personize_assistant.commands import planning_cmd
from personize_assistant.errors import UsageError
from personize_assistant.redact import contains_secret
from personize_assistant.scan.models import RepoScan, Stack
from tests.planning_support import django_scan, planning_library, prisma_scan, tp


def plan_for(scan: RepoScan, discovery: Discovery | None = None, **options: object) -> tuple[PlanArtifact, str]:
    library = planning_library()
    base = prefill_from_scan(scan, library)
    artifact = build_plan(scan, base.merged_with(discovery or Discovery()), library,
                          PlanOptions.model_validate(options))
    return artifact, render_markdown(artifact, full=True)


@cache
def default_plan(which: str) -> tuple[PlanArtifact, str]:
    return plan_for(prisma_scan() if which == "prisma" else django_scan())


def code_blocks(markdown: str, fence: str) -> list[str]:
    return re.findall(rf"```{fence}\n(.*?)```", markdown, re.S)


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("which", ["prisma", "django"])
def test_plan_covers_every_must_include_item(which: str, full: bool) -> None:
    artifact, _ = default_plan(which)
    assert check_plan(render_markdown(artifact, full), planning_library(), full) == []


@pytest.mark.parametrize("full", [False, True])
def test_the_check_notices_a_missing_item(full: bool) -> None:
    artifact, _ = default_plan("prisma")
    stripped = re.sub(r"memorizeBatch|memorize_batch", "bulk upload", render_markdown(artifact, full))
    assert [m.id for m in check_plan(stripped, planning_library(), full)] == ["memorize_batch_per_source"]


def test_each_form_is_checked_for_its_own_items() -> None:
    """The concise plan draws the loop as its diagram; the full plan writes the loop out."""
    artifact, full_text = default_plan("prisma")
    concise = render_markdown(artifact)
    no_diagram = concise.replace("```mermaid", "```text")
    assert [m.id for m in check_plan(no_diagram, planning_library())] == ["architecture_diagram"]
    assert "architecture_diagram" not in [m.id for m in check_plan(full_text, planning_library(), full=True)]
    assert len(concise.splitlines()) < len(full_text.splitlines()) / 4


@pytest.mark.parametrize("which", ["prisma", "django"])
def test_sections_follow_the_plan_reference(which: str) -> None:
    artifact, text = default_plan(which)
    meta = planning_library().plan.meta
    assert [s.id for s in artifact.sections] == [s.id for s in meta.sections]
    assert all(section.steps for section in artifact.sections)
    for phase in meta.phases:
        assert phase.title in text


def test_typescript_plan_uses_the_repos_real_names() -> None:
    _, text = default_plan("prisma")
    for name in ("src/lib/email.ts", "sendWelcomeEmail", "postWorkspaceAlert", "summarizeResponses",
                 "app/api/webhooks/stripe/route.ts", "app/api/cron/digest/route.ts",
                 "prisma.user.findMany", "prisma.workspace.findMany", "jobTitle: true", "sourceField: 'jobTitle'",
                 "npm install @personize/sdk"):
        assert name in text, name
    assert "personize_client" not in text
    sync = text.split("### 1.4")[1].split("### 1.5")[0]
    assert "passwordHash" not in sync and "tokenHash" not in sync
    assert "Never synced (credentials): `User.passwordHash`" in text


def test_python_plan_uses_the_repos_real_names() -> None:
    _, text = default_plan("django")
    for name in ("tallybook/accounts/emails.py", "send_invoice_reminder", "send_sms", "summarize_account",
                 "Customer.objects.values(", "\"lifecycle_stage\"",
                 "tallybook/accounts/management/commands/personize_sync.py", "python manage.py personize_sync",
                 "beat_schedule", "from tallybook.personize_client import Personize"):
        assert name in text, name
    assert "@personize/sdk" not in text


def test_secrets_never_reach_the_plan() -> None:
    for which in ("prisma", "django"):
        _, text = default_plan(which)
        assert not contains_secret(text)
    _, text = default_plan("django")
    sync = text.split("### 1.4")[1].split("### 1.5")[0]
    assert "api_key" not in sync


def test_generated_python_compiles() -> None:
    _, text = default_plan("django")
    blocks = code_blocks(text, "python")
    assert len(blocks) >= 6
    for block in blocks:
        try:
            ast.parse(block)
        except SyntaxError:
            # snippets meant for the inside of an existing function are indented there
            ast.parse("def _wrapper():\n" + "\n".join("    " + line for line in block.splitlines()))


def test_mixed_repo_gets_both_languages() -> None:
    scan = prisma_scan()
    scan.stack.languages["python"] = 30
    scan.touchpoints.append(tp("email_send", "worker/mailer.py", 5, "send_digest", "smtp.sendmail(...)",
                               "notifications", channel="email", language="python"))
    artifact, text = plan_for(scan)
    assert artifact.languages == ["ts", "py"]
    assert "@personize/sdk" in text and "personize_client" in text
    assert "worker/personize_wiring.py" in text and "src/lib/personize-wiring.ts" in text


def test_schedule_fits_the_deploy_setup() -> None:
    _, next_text = default_plan("prisma")
    assert ".github/workflows/personize-sync.yml" in next_text  # long paced sync off serverless
    assert "the repo's existing scheduled job" in next_text
    _, celery_text = default_plan("django")
    assert "crontab(hour=3" in celery_text
    plain = RepoScan(root="/x/plainapp", stack=Stack(languages={"typescript": 5}, package_managers=["pnpm"]),
                     touchpoints=[t for t in prisma_scan().touchpoints if t.kind.value != "scheduled_job"])
    _, text = plan_for(plain)
    assert ".github/workflows/personize-loop.yml" in text and "pnpm add @personize/sdk" in text


def test_budget_is_computed_from_the_plan_limits() -> None:
    meta = planning_library().plan.meta
    artifact, text = plan_for(prisma_scan(), plan_tier="pro", daily_volume=2000)
    limit = meta.limit_for("pro")
    assert limit is not None
    budget = artifact.budget
    rows = meta.rows_per_batch(limit.per_minute)
    expected_monthly = (2000 * meta.calls_per_record + math.ceil(2000 / rows)) * 30
    assert budget.records_per_minute == limit.per_minute // meta.calls_per_record
    assert budget.monthly_calls == expected_monthly
    assert budget.fits is (expected_monthly <= limit.per_month)
    assert f"{expected_monthly:,}" in text
    if not budget.fits:
        assert budget.suggested_tier is not None and "Over budget" in text


def test_assumed_volume_fits_the_assumed_tier() -> None:
    artifact, text = default_plan("prisma")
    meta = planning_library().plan.meta
    assert artifact.budget.daily_volume == sustainable_volume(meta, "free")
    assert artifact.budget.fits
    assert "Assumptions to confirm" in text and "Volume (records/day)" in text


def test_answers_replace_assumptions() -> None:
    answers = answers_from_mapping({
        "product": "Pulseboard runs NPS surveys for B2B SaaS teams",
        "users": "Customer-success leads at 50-500 person SaaS companies",
        "priority_channel": "slack", "quick_win": "Slack alert when a detractor responds",
        "governance_needs": ["Never quote NPS benchmarks we cannot source"],
        "plan_tier": "starter", "daily_volume": 300,
    })
    artifact, text = plan_for(prisma_scan(), answers)
    assert artifact.assumptions == []
    assert "Pulseboard runs NPS surveys" in text and "Customer-success leads" in text
    assert "Never quote NPS benchmarks" in text
    points = artifact.section("personalization_points")
    assert points is not None and "postWorkspaceAlert" in points.steps[1].title  # priority channel first
    assert artifact.budget.tier == "Starter" and artifact.budget.daily_volume == 300


def test_options_override_answers() -> None:
    answers = Discovery(plan_tier=Fact(value="free", source="user"))
    artifact, _ = plan_for(prisma_scan(), answers, plan_tier="enterprise", daily_volume=10)
    assert artifact.budget.tier == "Enterprise"


def test_json_output_carries_the_plan_and_markdown() -> None:
    artifact, text = default_plan("prisma")
    data = to_json(artifact, full=True)
    assert data["markdown"] == text and data["budget"]["tier"] == "Free"
    assert to_json(artifact)["markdown"] == render_markdown(artifact)
    assert next(s["id"] for s in data["sections"]) == "data_ingestion"


# --- CLI --------------------------------------------------------------------------------


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planning_cmd, "scan_with_progress", lambda root: prisma_scan(str(root)))


def test_cli_plan_writes_the_file(scanned: None, tmp_path: Path) -> None:
    repo = tmp_path / "pulseboard-ts"
    repo.mkdir()
    answers = tmp_path / "answers.yaml"
    answers.write_text("priority_channel: slack\n")
    out = tmp_path / "plan.md"
    result = CliRunner().invoke(app, ["plan", str(repo), "-o", str(out), "--answers", str(answers),
                                      "--plan-tier", "Pro", "--volume", "1,500/day", "--check"])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("# Personize implementation plan: Pulseboard")
    assert "1,500 records per day" in text and "Pro: 300 calls per minute" in text


@pytest.mark.parametrize(("args", "message"), [
    (["--plan-tier", "gold"], "--plan-tier must be one of"),
    (["--volume", "lots"], "--volume takes a whole number"),
])
def test_cli_plan_rejects_bad_options(scanned: None, tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["plan", str(tmp_path), *args])
    assert isinstance(result.exception, UsageError) and message in str(result.exception)


def test_cli_plan_rejects_a_missing_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["plan", str(tmp_path / "nope")])
    assert isinstance(result.exception, UsageError) and "no such directory" in str(result.exception)


def test_an_empty_repo_still_gets_a_complete_plan_of_assumptions() -> None:
    artifact, text = plan_for(RepoScan(root="/x/newapp"))
    assert check_plan(text, planning_library(), full=True) == []
    assert check_plan(render_markdown(artifact), planning_library()) == []
    assert artifact.languages == ["ts"] and "Quick win" in text
    assert artifact.section("personalization_points") is not None
