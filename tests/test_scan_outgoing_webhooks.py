"""Outgoing webhooks sent by a repo function named for them (issue 12, batch 6 class 3).

`outgoing_webhooks` is a small app written for these tests: `sendWebhook(subscription, payload)`
POSTs to the subscription's URL through the project's own `fetch` helper (a wrapper of
node-fetch, so no library call and no host say what it is), a caller, and a GET of the app's
own webhook list from a function not named for delivery.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import by_line, touchpoint_at

APP = Path(__file__).parent / "fixtures" / "scan" / "outgoing_webhooks"


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return scan_repo(APP, use_cache=False)


def test_a_post_to_a_configured_url_by_a_function_named_for_webhooks_is_webhook_out(scan: RepoScan) -> None:
    post = touchpoint_at(scan, Kind.NOTIFICATION, "web/webhooks.ts", 6)
    assert (post.channel, post.symbol) == ("webhook_out", "sendWebhook")


def test_the_function_is_the_wrapper_and_its_callers_call_sites(scan: RepoScan) -> None:
    wrapper = touchpoint_at(scan, Kind.NOTIFICATION, "web/webhooks.ts", 5)
    assert touchpoint_at(scan, Kind.NOTIFICATION, "web/documents.ts", 5).wraps == wrapper.id


def test_reading_the_webhook_list_is_no_delivery(scan: RepoScan) -> None:
    assert set(by_line(scan, Kind.NOTIFICATION, "web/webhooks.ts")) == {5, 6}
