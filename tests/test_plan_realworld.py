"""PLAN read as the developer receiving it: problems found running it on the examples.

A HubSpot webhook got Stripe's wording, a worker service with its own package.json was
told to import the web app's modules, a middleware snippet awaited inside a non-async
function, and seven sync sources were budgeted as one request a day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.common.schema_decisions import EntityDecision, SchemaDecisions
from personize_assistant.actions.plan.action import build_plan
from personize_assistant.actions.plan.artifact import PlanArtifact, render_markdown
from personize_assistant.scan.models import RepoScan
from tests.planning_support import planning_library, prisma_scan, tp
from tests.support.personize_fixtures import personize_server  # noqa: F401
from tests.support.personize_imitation import PersonizeImitation


def _plan(scan: RepoScan, decisions: SchemaDecisions | None = None) -> tuple[PlanArtifact, str]:
    library = planning_library()
    discovery = prefill_from_scan(scan, library)
    discovery.schema_decisions = decisions
    artifact = build_plan(scan, discovery, library)
    return artifact, render_markdown(artifact, full=True)


def _section_of(text: str, title_part: str) -> str:
    start = text.index(title_part)
    end = text.find("\n### ", start + 1)
    return text[start:end if end != -1 else None]


def test_each_webhook_provider_gets_its_own_wording() -> None:
    scan = prisma_scan()
    scan.touchpoints.append(tp("webhook_handler", "services/worker/src/routes/hooks.ts", 18, None,
                               "hooksRouter.post('/webhooks/hubspot', ...)", "customer_success",
                               provider="hubspot", route="/webhooks/hubspot", language="typescript"))
    _, text = _plan(scan)
    hubspot = _section_of(text, "Memorize HubSpot events")
    assert "stripe" not in hubspot.lower() and "payments" not in hubspot
    stripe = _section_of(text, "Memorize Stripe events")
    assert "stripe trigger" in stripe


def _worker_repo(root: Path) -> RepoScan:
    (root / "services" / "worker" / "src" / "lib").mkdir(parents=True)
    (root / "services" / "worker" / "package.json").write_text(json.dumps({"name": "worker"}))
    (root / "package.json").write_text(json.dumps({"name": "web"}))
    scan = prisma_scan(str(root))
    scan.touchpoints += [
        tp("notification", "services/worker/src/lib/alerts.ts", 15, "textAccountOwner",
           "await twilio.messages.create({ to: phone, body })", "notifications",
           channel="sms", provider="twilio", language="typescript"),
        tp("user_context", "services/worker/src/middleware/auth.ts", 16, "authenticate",
           "export function authenticate(req: Request, res: Response, next: NextFunction) {", "web_app",
           language="typescript"),
    ]
    return scan


def test_a_nested_package_imports_its_own_copies(tmp_path: Path) -> None:
    artifact, text = _plan(_worker_repo(tmp_path))
    alerts = _section_of(text, "`services/worker/src/lib/alerts.ts:15`")
    assert "from './personize-wiring'" in alerts and "src/lib/personize-wiring'" not in alerts
    setup = _section_of(text, "Give `services/worker` its own copy")
    assert "(cd services/worker && npm install @personize/sdk)" in setup
    assert "cp src/lib/personize.ts src/lib/personize-wiring.ts services/worker/src/lib/" in setup
    assert "services/worker/src/lib/personize-wiring.ts" in artifact.files_to_create


def test_the_middleware_snippet_never_awaits_in_the_auth_path(tmp_path: Path) -> None:
    _, text = _plan(_worker_repo(tmp_path))
    block = _section_of(text, "`services/worker/src/middleware/auth.ts:16`")
    code = block.split("```ts", 1)[1].split("```", 1)[0]
    assert "export async function userDigest(email: string)" in code
    assert "user.email" not in code and "const personalization = await" not in code


def test_touchpoints_without_a_symbol_say_module_scope() -> None:
    scan = prisma_scan()
    scan.touchpoints += [tp("user_context", f"middleware{i}.ts", 6, None, "export const config = {}",
                            "web_app", language="typescript") for i in range(4)]
    _, text = _plan(scan)
    assert "| `—` |" not in text


def test_every_sync_source_is_at_least_one_request_a_day() -> None:
    artifact, text = _plan(prisma_scan())
    sources = len(artifact.sections[0].steps) and len(
        [line for line in text.splitlines() if line.startswith("async function sync") and "Rows(" in line])
    assert sources >= 2
    assert artifact.budget.sync_calls_per_day >= sources
    assert "1 memorizeBatch requests" not in text


def test_planning_an_empty_folder_warns_on_stderr(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from personize_assistant.cli import app

    result = CliRunner().invoke(app, ["plan", str(tmp_path)])
    assert result.exit_code == 0
    assert "found no source files" in result.stderr and "found no source files" not in result.stdout
    assert result.stdout.startswith("# Personize implementation plan")


def test_sync_scripts_skip_rows_without_a_key() -> None:
    from tests.planning_support import django_scan

    _, ts_text = _plan(prisma_scan())
    assert "function keyedRows(" in ts_text
    assert "keyedRows('Pulseboard database (Workspace)', rows, 'domain')" in ts_text
    _, py_text = _plan(django_scan())
    assert 'keyed = [r for r in rows if r.get(key) not in (None, "")]' in py_text


def test_a_src_app_router_gets_its_cron_route_under_src_app() -> None:
    from personize_assistant.scan.models import Stack

    scan = RepoScan(root="/x/umami", stack=Stack(languages={"typescript": 50}, frameworks=["nextjs", "prisma"]),
                    touchpoints=[tp("ui_surface", "src/app/(main)/dashboard/Dashboard.tsx", 13, "Dashboard",
                                    "export function Dashboard() {", "web_app", language="typescript")])
    artifact, text = _plan(scan)
    assert "src/app/api/cron/personize-loop/route.ts" in artifact.files_to_create
    assert "`app/api/cron/personize-loop/route.ts`" not in text
    # a React component is browser code: no Personize call there (a server route feeds it)
    assert "shown in `Dashboard`" not in text and "sent by `Dashboard`" not in text


def test_static_javascript_in_a_django_app_gets_no_typescript_client() -> None:
    from tests.planning_support import django_scan

    scan = django_scan()
    scan.stack.languages["javascript"] = 5  # helpdesk/static/*.js: no touchpoints there
    artifact, text = _plan(scan)
    assert artifact.languages == ["py"] and "@personize/sdk" not in text


def test_sync_function_names_read_like_python() -> None:
    from tests.planning_support import django_scan, field, model

    scan = django_scan()
    scan.touchpoints.append(model("TicketCC", "helpdesk/models.py", 90,
                                  [field("email", "models.EmailField"), field("can_view", "models.BooleanField")],
                                  "django"))
    # the expert's call: these people get their own contact collection (shown in the plan)
    _, text = _plan(scan, SchemaDecisions(entities=[EntityDecision(model="TicketCC", type="contact")]))
    assert "def sync_ticket_cc(" in text and "sync_ticket_c_c" not in text


def _blocks(artifact: PlanArtifact) -> dict[str, str]:
    return {b.path: b.code for s in artifact.sections for step in s.steps for b in step.code if b.path}


@pytest.mark.toolchain
def test_python_scripts_run_from_the_repo_root_against_a_server(
        tmp_path: Path, personize_server: PersonizeImitation) -> None:  # noqa: F811
    """`python scripts/x.py` cannot import the project's package; `python -m scripts.x` can."""
    import os
    import subprocess
    import sys

    from personize_assistant.personize import client as client_module
    from tests.planning_support import django_scan

    artifact, text = _plan(django_scan())
    assert "python -m scripts.personize_check" in text and "python scripts/" not in text
    blocks = _blocks(artifact)
    (tmp_path / "tallybook").mkdir()
    (tmp_path / "tallybook" / "__init__.py").write_text("")
    (tmp_path / "tallybook" / "personize_client.py").write_text(Path(client_module.__file__ or "").read_text())
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "personize_check.py").write_text(blocks["scripts/personize_check.py"])
    env = {**os.environ, "PERSONIZE_SECRET_KEY": personize_server.key, "PERSONIZE_BASE_URL": personize_server.url}
    run = subprocess.run([sys.executable, "-m", "scripts.personize_check"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    assert "Org " in run.stdout and "Contacts" in run.stdout


def test_guideline_drafts_are_files_the_upload_script_reads() -> None:
    artifact, text = _plan(prisma_scan())
    blocks = _blocks(artifact)
    assert "guidelines/brand-voice.md" in blocks and "guidelines/brand-voice.md" in artifact.files_to_create
    script = blocks["scripts/personize-guidelines.ts"]
    assert "readFileSync(`guidelines/${name}.md`" in script
    assert all(f"'{name}'" in script for name in
               (p.removeprefix("guidelines/").removesuffix(".md") for p in blocks if p.startswith("guidelines/")))
    assert "npx tsx scripts/personize-guidelines.ts" in text


def test_a_single_value_enum_is_a_constant_not_an_options_property() -> None:
    # A Personize options property needs two values; rallly's `enum TimeFormat { hours24 }`-style
    # enums used to end schema and plan in a pydantic traceback.
    from personize_assistant.actions.schema.action import SchemaOptions, design_schema
    from tests.planning_support import field, model
    scan = prisma_scan()
    scan.touchpoints.append(model("Member", "prisma/schema.prisma", 300, [
        field("email", "String", False, is_unique=True),
        field("kind", "MemberKind", False, enum_values=["STANDARD"]),
        field("level", "Level", False, enum_values=["LOW", "HIGH"]),
    ], "prisma"))
    library = planning_library()
    schema = design_schema(scan, prefill_from_scan(scan, library), library, SchemaOptions(full=True))
    kinds = {f"{e.entity}.{e.field}": e.kind for e in schema.excluded}
    assert kinds["Member.kind"] == "constant"
    assert "Member.level" not in kinds
    member = schema.collection("Member")
    assert member is not None
    level = next(p.definition for p in member.properties if p.system_name == "level")
    assert level.options == ["LOW", "HIGH"]
    _, text = _plan(scan)  # the plan (default view) builds too, without the constant
    assert "MemberKind" not in text
