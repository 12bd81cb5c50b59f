"""Golden files: SCHEMA and PLAN output for the example apps, byte for byte.

Regenerate after an intended change with::

    PERSONIZE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_plan_golden.py

then review the diff under tests/golden/. Outputs hold no absolute paths or times, so
they are the same on every machine.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.plan import artifact as plan_render
from personize_assistant.actions.plan.action import build_plan, check_plan
from personize_assistant.actions.schema import artifact as schema_render
from personize_assistant.actions.schema.action import design_schema
from personize_assistant.scan.models import RepoScan
from tests.planning_support import planning_library
from tests.support.golden import GOLDEN, assert_matches_golden

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("pulseboard-ts", "tallybook-py")


@cache
def example_scan(name: str) -> RepoScan:
    scan_module = pytest.importorskip("personize_assistant.scan")
    if not hasattr(scan_module, "scan_repo"):
        pytest.skip("the scanner is not available yet")
    path = ROOT / "examples" / name
    if not path.is_dir():
        pytest.skip(f"example {name} is missing")
    return scan_module.scan_repo(path, use_cache=False)  # type: ignore[no-any-return]


def outputs(name: str) -> dict[str, str]:
    library = planning_library()
    scan = example_scan(name)
    discovery = prefill_from_scan(scan, library)
    schema = design_schema(scan, discovery, library)
    plan = build_plan(scan, discovery, library)
    return {
        "schema.md": schema_render.render_markdown(schema),
        "schema.json": json.dumps(schema_render.to_json(schema), indent=2, ensure_ascii=False) + "\n",
        "plan.md": plan_render.render_markdown(plan),
        "plan-full.md": plan_render.render_markdown(plan, full=True),
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_outputs_match_the_golden_files(name: str) -> None:
    assert_matches_golden(GOLDEN / name, outputs(name))


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_outputs_hold_no_machine_specific_text(name: str) -> None:
    for filename, text in outputs(name).items():
        assert str(ROOT) not in text, filename
        assert "/tmp/" not in text and "/home/" not in text, filename


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_plans_are_complete(name: str) -> None:
    assert check_plan(outputs(name)["plan.md"], planning_library()) == []
    assert check_plan(outputs(name)["plan-full.md"], planning_library(), full=True) == []


# The concise plan names where to work (functions, files, providers, jobs); the full one also
# the code that does it.
REAL_NAMES = {
    "pulseboard-ts": {
        "plan.md": ["MailerService.sendInvite", "src/lib/email/mailer-service.ts", "sendWeeklyDigest",
                    "app/api/webhooks/stripe/route.ts", "@personize/sdk", "email via resend",
                    "app/api/cron/survey-reminders/route.ts (0 */6 * * *)", "scripts/personize-sync.ts"],
        "plan-full.md": ["sendWeeklyDigest", "src/lib/digest.ts", "prisma.user.findMany", "jobTitle",
                         "app/api/webhooks/stripe/route.ts", "@personize/sdk"],
    },
    "tallybook-py": {
        "plan.md": ["send_payment_reminder", "invoices/services.py", "python manage.py personize_sync",
                    "personize_client"],
        "plan-full.md": ["send_payment_reminder", "invoices/services.py", "Client.objects.values(",
                         "accounts/management/commands/personize_sync.py", "tallybook/personize_client.py",
                         "CELERY_BEAT_SCHEDULE"],
    },
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_plans_use_the_apps_real_names(name: str) -> None:
    texts = outputs(name)
    missing = {form: [n for n in names if n not in texts[form]] for form, names in REAL_NAMES[name].items()}
    assert missing == {"plan.md": [], "plan-full.md": []}


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_plans_are_about_five_pages(name: str) -> None:
    assert len(outputs(name)["plan.md"].splitlines()) <= 250
