"""Classes of misses and false positives found on Budibase (Koa/TypeScript) and zou (Flask).

`inhouse_ts` and `inhouse_py` are small repos written for these tests; each test names
the class of problem it guards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.detect_calls import _sender_kind
from personize_assistant.scan.extract_common import normalize_chain
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import touchpoint_at as at

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="session")
def ts_scan() -> RepoScan:
    return scan_repo(FIXTURES / "inhouse_ts", use_cache=False)


@pytest.fixture(scope="session")
def py_scan() -> RepoScan:
    return scan_repo(FIXTURES / "inhouse_py", use_cache=False)


@pytest.fixture(scope="session")
def mono_scan() -> RepoScan:
    return scan_repo(FIXTURES / "inhouse_mono", use_cache=False)


def lines(scan: RepoScan, kind: Kind, file: str) -> set[int]:
    return {t.line for t in scan.touchpoints if t.kind == kind and t.file == file}


# ---------------------------------------------------------------- 1: in-house analytics


def test_events_namespace_from_the_projects_own_package(ts_scan: RepoScan) -> None:
    """`events.screen.created(screen)` from `@acme/backend-core`; set-up (`processors.init`),
    flag checks (`analytics.enabled()`), a parameter named `events` and an EventEmitter's
    `emit` are not product events."""
    created = at(ts_scan, Kind.EVENT_TRACKING, "src/controllers/screen.ts", 8)
    assert (created.provider, created.confidence) == ("@acme/backend-core", "medium")
    assert lines(ts_scan, Kind.EVENT_TRACKING, "src/controllers/screen.ts") == {8, 16}


def test_events_namespace_from_a_local_module(ts_scan: RepoScan) -> None:
    """`analytics.user.signedUp(id)` is an event; `analytics.metrics.gauge(ms)` is a metric."""
    assert lines(ts_scan, Kind.EVENT_TRACKING, "src/controllers/signup.ts") == {5}


def test_event_publishers_are_not_wrappers(ts_scan: RepoScan) -> None:
    """The controller that publishes an event is a call site, not a tracking helper."""
    assert not [t for t in ts_scan.touchpoints if t.kind == Kind.EVENT_TRACKING and t.evidence.startswith("export")]


def test_workspace_package_and_its_event_publishers(mono_scan: RepoScan) -> None:
    """`import { events, publishEvent } from "@acme/telemetry"` resolves into
    `packages/telemetry/src`; `events.appCreated` (a function of the events module that calls
    the PostHog wrapper) is a publisher whatever its name, and its caller is a call site."""
    wrapper = at(mono_scan, Kind.EVENT_TRACKING, "packages/telemetry/src/publish.ts", 5)
    publisher = at(mono_scan, Kind.EVENT_TRACKING, "packages/telemetry/src/events.ts", 3)
    assert wrapper.provider == publisher.provider == "posthog"
    assert at(mono_scan, Kind.EVENT_TRACKING, "packages/server/src/apps.ts", 5).wraps == publisher.id
    assert at(mono_scan, Kind.EVENT_TRACKING, "packages/server/src/apps.ts", 6).wraps == wrapper.id


# ---------------------------------------------------------------- 2: repeatable queue jobs


def test_repeatable_add_on_a_wrapped_bull_queue(ts_scan: RepoScan) -> None:
    cron = at(ts_scan, Kind.SCHEDULED_JOB, "src/automations/queue.ts", 7)
    assert cron.provider == "bull"
    at(ts_scan, Kind.SCHEDULED_JOB, "src/automations/queue.ts", 11)
    assert 15 not in lines(ts_scan, Kind.SCHEDULED_JOB, "src/automations/queue.ts")  # a one-off job


def test_agenda_every_on_an_injected_instance(ts_scan: RepoScan) -> None:
    assert at(ts_scan, Kind.SCHEDULED_JOB, "src/jobs/digest.ts", 5).provider == "agenda"
    assert lines(ts_scan, Kind.SCHEDULED_JOB, "src/jobs/digest.ts") == {5}


# ---------------------------------------------------------------- 3: service-named steps


@pytest.mark.parametrize(("step", "channel"), [("slack", "slack"), ("zapier", "webhook_out")])
def test_step_named_for_a_service_posts_to_its_url(ts_scan: RepoScan, step: str, channel: str) -> None:
    post = at(ts_scan, Kind.NOTIFICATION, f"src/automations/steps/{step}.ts", 4)
    assert (post.channel, post.provider) == (channel, step)


def test_other_steps_posting_are_not_notifications(ts_scan: RepoScan) -> None:
    assert not lines(ts_scan, Kind.NOTIFICATION, "src/automations/steps/createRow.ts")
    assert not lines(ts_scan, Kind.NOTIFICATION, "src/automations/steps/utils.ts")
    assert not lines(ts_scan, Kind.NOTIFICATION, "src/actions/slack.ts")  # the app's own API
    assert lines(ts_scan, Kind.NOTIFICATION, "src/automations/steps/slack.ts") == {4}  # not the OAuth exchange


# ---------------------------------------------------------------- 4: sender names


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("sendSmtpEmail", "email_send"), ("sendTransactionalMail", "email_send"), ("deliverEmail", "email_send"),
        ("mailUser", "email_send"), ("send_welcome_emails", "email_send"), ("sendmail", "email_send"),
        ("notify_owner", "notification"), ("sendPushNotification", "notification"), ("send_sms", "notification"),
        ("get_send_email_status", None), ("sendMessage", None), ("email", None), ("render_email", None),
    ],
)
def test_sender_names_by_words(name: str, kind: str | None) -> None:
    assert _sender_kind(name) == kind


def test_camel_case_senders_with_an_unknown_client(ts_scan: RepoScan) -> None:
    assert lines(ts_scan, Kind.EMAIL_SEND, "src/notifications/mailer.ts") >= {5, 6, 9, 10, 14}


def test_wrapper_that_asks_another_service_to_send(ts_scan: RepoScan) -> None:
    """`sendSmtpEmail` POSTs to the worker's `/api/global/email/send`; its caller is a call site."""
    wrapper = at(ts_scan, Kind.EMAIL_SEND, "src/utilities/workerRequests.ts", 3)
    call = at(ts_scan, Kind.EMAIL_SEND, "src/automations/steps/sendSmtpEmail.ts", 4)
    assert call.wraps == wrapper.id


# ---------------------------------------------------------------- 5: LLM calls


def test_ai_sdk_agent_stream(ts_scan: RepoScan) -> None:
    assert at(ts_scan, Kind.LLM_CALL, "src/automations/steps/ai/agent.ts", 5).provider == "vercel-ai"


def test_agent_used_from_a_closure(ts_scan: RepoScan) -> None:
    """`return { stream: () => runner.stream(...) }`: the closure sees `runner`."""
    at(ts_scan, Kind.LLM_CALL, "src/sdk/agentRuntime.ts", 7)


def test_raw_post_to_an_llm_gateway(ts_scan: RepoScan) -> None:
    assert at(ts_scan, Kind.LLM_CALL, "src/controllers/ai/gateway.ts", 4).provider == "llm-gateway"
    assert lines(ts_scan, Kind.LLM_CALL, "src/controllers/ai/gateway.ts") == {4}  # `/models` is not a call


# ---------------------------------------------------------------- 6: false positives


def test_handler_and_step_that_call_an_llm_are_not_wrappers(ts_scan: RepoScan) -> None:
    assert lines(ts_scan, Kind.LLM_CALL, "src/controllers/ai/cron.ts") == {5}
    assert lines(ts_scan, Kind.LLM_CALL, "src/automations/steps/ai/extract.ts") == {4}


def test_route_about_cron_syntax_is_not_a_scheduled_job(ts_scan: RepoScan) -> None:
    assert not lines(ts_scan, Kind.SCHEDULED_JOB, "src/controllers/ai/cron.ts")


def test_webhook_settings_crud_is_not_a_webhook_handler(ts_scan: RepoScan) -> None:
    assert lines(ts_scan, Kind.WEBHOOK_HANDLER, "src/controllers/webhook.ts") == {15}


def test_class_view_method_is_a_handler_not_a_wrapper(py_scan: RepoScan) -> None:
    """`class ...Resource(MethodView): def post(self)` that sends is a call site only."""
    assert lines(py_scan, Kind.EMAIL_SEND, "app/blueprints/playlists.py") == {10}


def test_discord_bot_dm_from_a_nested_callback(py_scan: RepoScan) -> None:
    """`await user.send(content=...)` inside `@client.event on_ready`, itself inside
    `send_to_discord`: the send is discord.py and the outer helper is its wrapper."""
    send = at(py_scan, Kind.NOTIFICATION, "app/utils/chats.py", 18)
    assert (send.provider, send.channel) == ("discord.py", "chat")
    assert at(py_scan, Kind.NOTIFICATION, "app/utils/chats.py", 8).symbol == "send_to_discord"
    assert 11 not in lines(py_scan, Kind.NOTIFICATION, "app/utils/chats.py")  # not the inner `deliver`


def test_enqueued_email_task_is_email_not_notification(py_scan: RepoScan) -> None:
    """`job_queue.enqueue(emails.send_email, ...)` inside `send_notification`."""
    assert at(py_scan, Kind.EMAIL_SEND, "app/services/emails_service.py", 6).channel == "email"
    assert 6 not in lines(py_scan, Kind.NOTIFICATION, "app/services/emails_service.py")
    at(py_scan, Kind.NOTIFICATION, "app/services/emails_service.py", 11)


# ---------------------------------------------------------------- callee chains


def test_chained_registrations_normalise_with_call_arguments() -> None:
    raw = 'router\n  .post("/a", validate(), ai.x)\n  /** @deprecated */\n  .get'
    assert normalize_chain(raw) == "router.post().get"
