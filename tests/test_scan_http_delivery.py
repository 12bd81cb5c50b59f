"""Delivery over plain HTTP is a sink (issue 12, class 2).

`http_delivery` is a small app written for these tests: POSTs whose host is a literal, a
template filled from a field or an imported constant, an f-string or a setting; a project
HTTP helper; posts to configured hosts named by their module or payload; outgoing webhooks
through a queue service. Requests that deliver nothing sit beside each of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return scan_repo(FIXTURES / "http_delivery", use_cache=False)


def notifications(scan: RepoScan, file: str) -> dict[int, Touchpoint]:
    return {t.line: t for t in scan.touchpoints if t.kind == Kind.NOTIFICATION and t.file == file}


@pytest.mark.parametrize(
    ("file", "line", "provider", "channel"),
    [
        ("src/integrations/slack/client.ts", 6, "slack", "slack"),  # `${this.baseUrl}/chat.postMessage`
        ("src/lib/discord.ts", 6, "discord", "chat"),  # an imported constant in a template
        ("alerts/paging.py", 7, "pagerduty", "other"),  # a constant of a settings module
        ("alerts/paging.py", 11, "ntfy", "push"),  # an f-string on a setting
        ("alerts/matrix.py", 6, "matrix", "chat"),  # the URL variable's f-string
        ("site/signups.py", 6, "slack-webhook", "slack"),  # a Django setting
    ],
)
def test_host_from_the_url_as_the_code_spells_it(scan: RepoScan, file: str, line: int, provider: str, channel: str) -> None:
    found = notifications(scan, file).get(line)
    assert found is not None and (found.provider, found.channel) == (provider, channel)


def test_requests_to_other_endpoints_of_the_same_service_are_not_deliveries(scan: RepoScan) -> None:
    assert 14 not in notifications(scan, "src/integrations/slack/client.ts")  # conversations.list
    assert 15 not in notifications(scan, "alerts/paging.py")  # a status check


def test_the_projects_http_helper_posts_where_its_caller_says(scan: RepoScan) -> None:
    calls = notifications(scan, "src/lib/alerts.ts")
    assert 4 in calls and calls[4].channel == "push"  # postJson("https://api.pushover.net/...")
    assert 8 not in calls  # postJson("/api/drafts", ...)
    assert not notifications(scan, "src/lib/http.ts")  # the helper itself is plumbing


def test_configured_host_channel_from_the_module_and_payload(scan: RepoScan) -> None:
    found = notifications(scan, "src/services/telegram.ts").get(3)
    assert found is not None and found.channel == "chat"  # fetch(botUrl, { body: { chat_id, text } })
    relayed = notifications(scan, "src/services/discord-relay.ts").get(2)
    assert relayed is not None and relayed.channel == "chat"  # fetch(`${baseUrl}/messages`, { embeds })


def test_queue_service_delivering_to_a_configured_url_is_an_outgoing_webhook(scan: RepoScan) -> None:
    calls = notifications(scan, "src/lib/webhooks.ts")
    assert 7 in calls and calls[7].channel == "webhook_out"
    assert 12 not in calls  # publishJSON to the app's own job endpoint


def test_a_logging_function_posting_to_slack_is_no_wrapper(scan: RepoScan) -> None:
    assert 5 in notifications(scan, "src/lib/log.ts")  # its post is the touchpoint
    assert 5 not in notifications(scan, "src/lib/billing.ts")  # log(...): operations logging, no message


def test_a_dispatcher_on_a_class_named_for_the_channel_carries_the_wrapper_chain(scan: RepoScan) -> None:
    assert 7 in notifications(scan, "src/integrations/slack/alerts.ts")  # SlackAlerts.processEvent
    calls = notifications(scan, "src/lib/billing.ts")
    assert 6 in calls and calls[6].channel == "slack"  # notifyReportReady(...) -> processEvent -> sendMessage
