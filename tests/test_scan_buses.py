"""Deliveries behind event buses, provider registries and in-app rows (issue 12, batch 6).

`buses_ts` and `buses_py` are small apps written for these tests: koa-router RPC-style routes
(`router.post("hooks.slack", ...)`) receiving other services' events; an in-app notification row
created on a model imported through a tsconfig-style folder alias (`@server/models`); an
event bus whose listeners hold a publisher typed by a `Protocol` (Apprise, an HTTP POST to
the subscriber's URL), found through a loop over `-> list[ListenerBase]` and a class-body
annotation (`event_bus: EventBusService = Depends(...)`); a mail package (`mail/__init__.py`)
whose thin functions call the provider registry's `sendmail`; an event stream publishing a
notification to the browser; and tables about people beside technical ones (a credential
with a `name`, webhook configuration, a log, an avatar file, a `...OptionsModel`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, Touchpoint

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def ts_points() -> list[Touchpoint]:
    return scan_repo(FIXTURES / "buses_ts", use_cache=False).touchpoints


def test_a_row_on_a_model_imported_through_a_folder_alias_is_an_in_app_notification(ts_points: list[Touchpoint]) -> None:
    rows = [(t.file, t.line, t.channel) for t in ts_points if t.kind == Kind.NOTIFICATION]
    assert ("server/tasks/InviteAlertsTask.ts", 6, "in_app") in rows


@pytest.fixture(scope="module")
def py_points() -> list[Touchpoint]:
    return scan_repo(FIXTURES / "buses_py", use_cache=False).touchpoints


def _notifications(points: list[Touchpoint], file: str) -> set[tuple[int, str]]:
    return {(t.line, t.symbol) for t in points if t.kind == Kind.NOTIFICATION and t.file == file}


def test_a_call_on_a_protocol_typed_field_reaches_every_class_with_the_method(py_points: list[Touchpoint]) -> None:
    # `self.publisher` is set in the base's `__init__(..., publisher: PublisherLike)`.
    assert _notifications(py_points, "app/bus/listeners.py") == {
        (20, "AppriseListener.publish_to_subscribers"), (21, "AppriseListener.publish_to_subscribers"),
        (28, "WebhookListener.publish_to_subscribers"), (30, "WebhookListener.publish_to_subscribers"),
    }


def test_the_bus_dispatch_and_its_callers_are_wrappers_and_call_sites(py_points: list[Touchpoint]) -> None:
    # The loop over `_listeners() -> list[ListenerBase]` reaches each listener; `dispatch` on a
    # class named for an event bus is no class-based view's `dispatch`.
    assert _notifications(py_points, "app/bus/service.py") == {
        (8, "EventBusService._publish"), (10, "EventBusService._publish"),
        (12, "EventBusService.dispatch"), (14, "EventBusService.dispatch"),
    }
    assert _notifications(py_points, "app/routes.py") == {(11, "BaseController.publish_event"), (12, "BaseController.publish_event")}


def test_thin_functions_of_a_mail_package_are_email_wrappers(py_points: list[Touchpoint]) -> None:
    # `mail/__init__.py` is the module named for the channel, as `mail.py` would be.
    emails = {(t.line, t.symbol) for t in py_points if t.kind == Kind.EMAIL_SEND and t.file == "app/mail/__init__.py"}
    assert {(11, "password_reset"), (14, "password_reset")} <= emails


def test_an_event_stream_publishing_a_notification_is_in_app(py_points: list[Touchpoint]) -> None:
    published = [(t.line, t.channel) for t in py_points if t.kind == Kind.NOTIFICATION and t.file == "app/announce.py"]
    assert (5, "in_app") in published
    assert not [t for t in py_points if t.file == "app/announce.py" and t.symbol == "sync_tabs"]  # `type="state"`


def test_only_tables_about_people_are_data_models(py_points: list[Touchpoint]) -> None:
    tables = {t.symbol for t in py_points if t.kind == Kind.DATA_MODEL}
    assert tables == {"User", "Order"}


def test_rpc_style_routes_named_for_hooks_are_webhook_handlers(ts_points: list[Touchpoint]) -> None:
    handlers = {(t.line, t.provider) for t in ts_points if t.kind == Kind.WEBHOOK_HANDLER and t.file == "server/api/hooks.ts"}
    # `router.post("hooks.slack")`, `"github.webhooks"`, `"hooks.interactive"`; `"documents.list"` is the app's own API.
    assert handlers == {(6, "slack"), (11, "github"), (16, None)}


def test_publishing_on_an_internal_pubsub_notifies_nobody(ts_points: list[Touchpoint]) -> None:
    assert not [t for t in ts_points if t.file == "server/collab.ts"]
