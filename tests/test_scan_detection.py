"""Detection on small fixture repos: one per language family, plus data models."""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import touchpoint_at as at

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="session")
def ts_scan() -> RepoScan:
    return scan_repo(FIXTURES / "ts_app", use_cache=False)


@pytest.fixture(scope="session")
def py_scan() -> RepoScan:
    return scan_repo(FIXTURES / "py_app", use_cache=False)


@pytest.fixture(scope="session")
def models_scan() -> RepoScan:
    return scan_repo(FIXTURES / "models_app", use_cache=False)


def locations(scan: RepoScan, kind: Kind) -> set[str]:
    return {t.location() for t in scan.by_kind(kind)}


# ---------------------------------------------------------------- TypeScript


def test_provider_call_inside_wrapper(ts_scan: RepoScan) -> None:
    call = at(ts_scan, Kind.EMAIL_SEND, "src/lib/mail/send.ts", 4)
    assert (call.provider, call.channel, call.confidence) == ("resend", "email", "high")
    assert call.symbol == "sendEmail"


def test_wrapper_definition_and_calls_through_barrel(ts_scan: RepoScan) -> None:
    wrapper = at(ts_scan, Kind.EMAIL_SEND, "src/lib/mail/send.ts", 3)
    call_site = at(ts_scan, Kind.EMAIL_SEND, "src/routes/signup.ts", 10)
    assert call_site.wraps == wrapper.id


def test_class_method_wrapper_reached_through_typed_field(ts_scan: RepoScan) -> None:
    method = at(ts_scan, Kind.EMAIL_SEND, "src/lib/mail/service.ts", 4)
    assert method.symbol == "MailService.sendWelcome"
    assert method.confidence == "medium"  # a second-level wrapper
    call_site = at(ts_scan, Kind.EMAIL_SEND, "src/routes/signup.ts", 9)
    assert call_site.wraps == method.id


def test_send_named_function_that_only_renders_is_not_reported(ts_scan: RepoScan) -> None:
    reported = {t.location() for t in ts_scan.touchpoints}
    assert "src/lib/mail/preview.ts:2" not in reported
    assert "src/routes/signup.ts:8" not in reported


def test_test_files_are_not_scanned(ts_scan: RepoScan) -> None:
    assert not any("__tests__" in t.file for t in ts_scan.touchpoints)


def test_express_webhook_route_with_signature_check(ts_scan: RepoScan) -> None:
    hook = at(ts_scan, Kind.WEBHOOK_HANDLER, "src/server.ts", 12)
    assert (hook.route, hook.provider, hook.confidence) == ("/webhooks/stripe", "stripe", "high")
    assert at(ts_scan, Kind.EVENT_TRACKING, "src/server.ts", 14).provider == "posthog"


def test_search_route_cron_and_llm(ts_scan: RepoScan) -> None:
    assert at(ts_scan, Kind.SEARCH_ENDPOINT, "src/server.ts", 18).route == "/search"
    assert at(ts_scan, Kind.SCHEDULED_JOB, "src/server.ts", 23).schedule == "0 9 * * 1"
    assert at(ts_scan, Kind.LLM_CALL, "src/server.ts", 24).provider == "openai"


def test_component_surface_and_segmentation_but_not_denials(ts_scan: RepoScan) -> None:
    assert at(ts_scan, Kind.UI_SURFACE, "src/components/DashboardPanel.tsx", 1).confidence == "medium"
    assert locations(ts_scan, Kind.SEGMENTATION) == {"src/components/DashboardPanel.tsx:2"}


def test_github_actions_schedule(ts_scan: RepoScan) -> None:
    job = at(ts_scan, Kind.SCHEDULED_JOB, ".github/workflows/digest.yml", 4)
    assert (job.schedule, job.symbol) == ("0 8 * * 1", "weekly-digest")


def test_surfaces_and_languages(ts_scan: RepoScan) -> None:
    for touchpoint in ts_scan.touchpoints:
        if touchpoint.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION):
            assert touchpoint.surface.value in ("notifications", "mobile")
    assert at(ts_scan, Kind.EMAIL_SEND, "src/lib/mail/send.ts", 4).language == "typescript"


# ---------------------------------------------------------------- Python


def test_python_wrapper_through_relative_import(py_scan: RepoScan) -> None:
    wrapper = at(py_scan, Kind.EMAIL_SEND, "app/mail.py", 4)
    assert at(py_scan, Kind.EMAIL_SEND, "app/mail.py", 6).provider == "django"
    second = at(py_scan, Kind.EMAIL_SEND, "app/services/onboarding.py", 5)
    assert at(py_scan, Kind.EMAIL_SEND, "app/services/onboarding.py", 6).wraps == wrapper.id
    assert at(py_scan, Kind.EMAIL_SEND, "app/services/onboarding.py", 11).wraps == second.id


def test_python_llm_wrapper_through_absolute_import(py_scan: RepoScan) -> None:
    wrapper = at(py_scan, Kind.LLM_CALL, "app/llm.py", 6)
    assert at(py_scan, Kind.LLM_CALL, "app/llm.py", 7).provider == "anthropic"
    assert at(py_scan, Kind.LLM_CALL, "app/services/onboarding.py", 6).wraps == wrapper.id


def test_render_only_sender_and_queued_task_are_not_reported(py_scan: RepoScan) -> None:
    assert "app/mail.py:9" not in {t.location() for t in py_scan.touchpoints}
    scheduled = locations(py_scan, Kind.SCHEDULED_JOB)
    assert "app/tasks.py:7" in scheduled  # on CELERY_BEAT_SCHEDULE
    assert "app/tasks.py:12" not in scheduled  # a task nobody schedules
    assert "app/tasks.py:12" not in locations(py_scan, Kind.EMAIL_SEND)  # tasks are not wrappers


def test_management_command_run_by_crontab(py_scan: RepoScan) -> None:
    job = at(py_scan, Kind.SCHEDULED_JOB, "app/management/commands/send_report.py", 4)
    assert job.schedule == "0 6 * * *"


def test_fastapi_routes(py_scan: RepoScan) -> None:
    hook = at(py_scan, Kind.WEBHOOK_HANDLER, "app/api.py", 11)
    assert hook.route == "/api/webhooks/stripe"
    assert at(py_scan, Kind.FILE_UPLOAD, "app/api.py", 16).route == "/api/files"
    assert "app/api.py:16" not in locations(py_scan, Kind.WEBHOOK_HANDLER)
    assert at(py_scan, Kind.USER_CONTEXT, "app/api.py", 6).symbol == "get_current_user"


def test_django_model_fields_enum_and_skips(py_scan: RepoScan) -> None:
    customer = at(py_scan, Kind.DATA_MODEL, "app/models.py", 9)
    fields = {f.name: f for f in customer.fields or []}
    assert fields["email"].is_unique and fields["email"].nullable is False
    assert fields["name"].nullable is True
    assert fields["plan"].enum_values == ["free", "pro"]
    assert locations(py_scan, Kind.DATA_MODEL) == {"app/models.py:9"}  # join table, api keys, enums skipped


# ---------------------------------------------------------------- data models


def test_prisma_models_skip_join_and_secret_tables(models_scan: RepoScan) -> None:
    prisma = {t.entity for t in models_scan.by_kind(Kind.DATA_MODEL) if t.file.endswith(".prisma")}
    assert prisma == {"User", "Post"}
    user = at(models_scan, Kind.DATA_MODEL, "prisma/schema.prisma", 6)
    fields = {f.name: f for f in user.fields or []}
    assert fields["id"].is_primary_key and fields["email"].is_unique
    assert fields["name"].nullable is True and fields["email"].nullable is False
    assert fields["role"].enum_values == ["ADMIN", "MEMBER"]
    assert "posts" not in fields  # relation lists are not columns


def test_sqlalchemy_both_styles(models_scan: RepoScan) -> None:
    member = at(models_scan, Kind.DATA_MODEL, "src/sa.py", 9)
    fields = {f.name: f for f in member.fields or []}
    assert fields["email"].type == "str" and fields["email"].is_unique
    assert fields["nickname"].nullable is True
    legacy = at(models_scan, Kind.DATA_MODEL, "src/sa.py", 17)
    assert {f.name: f.nullable for f in legacy.fields or []} == {"id": False, "label": False}
    assert "src/sa.py:5" not in locations(models_scan, Kind.DATA_MODEL)  # the declarative base


def test_drizzle_mongoose_typeorm(models_scan: RepoScan) -> None:
    table = at(models_scan, Kind.DATA_MODEL, "src/schema.ts", 7)
    fields = {f.name: f for f in table.fields or []}
    assert fields["email"].nullable is False and fields["email"].is_unique
    assert fields["tier"].enum_values == ["free", "pro"]
    ticket = at(models_scan, Kind.DATA_MODEL, "src/schema.ts", 13)
    assert ticket.entity == "Ticket"
    assert {f.name: f.enum_values for f in ticket.fields or []}["status"] == ["open", "closed"]
    order = at(models_scan, Kind.DATA_MODEL, "src/schema.ts", 20)
    order_fields = {f.name: f for f in order.fields or []}
    assert order_fields["note"].nullable is True and order_fields["reference"].is_unique
    assert order.framework == "typeorm"


def test_contract_output_omits_missing_keys(models_scan: RepoScan) -> None:
    contract = models_scan.to_contract()
    first = contract["touchpoints"][0]
    assert "channel" not in first and "wraps" not in first
    assert set(contract) == {"root", "stack", "touchpoints", "skipped", "stats"}
