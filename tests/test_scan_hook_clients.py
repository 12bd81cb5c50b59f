"""Objects handed out by hooks and factories keep their type (issue 12, class 1).

`hook_clients` is a small Next.js app written for these tests: a `useAnalytics()` hook
returning closures around PostHog, a server analytics client chosen by a ternary, an
exported mailer singleton built by a factory, and a `useToast()` hook whose members send
nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import by_line as at

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return scan_repo(FIXTURES / "hook_clients", use_cache=False)


def test_member_of_the_object_a_hook_returns_is_a_call_site(scan: RepoScan) -> None:
    calls = at(scan, Kind.EVENT_TRACKING, "components/upload-zone.tsx")
    assert 9 in calls and calls[9].provider == "posthog"  # analytics = useAnalytics(); analytics.capture(...)


def test_destructured_member_of_a_hook_result_is_a_call_site(scan: RepoScan) -> None:
    assert 5 in at(scan, Kind.EVENT_TRACKING, "components/login.tsx")  # const { identify } = useAnalytics()


def test_the_hook_is_the_wrapper_not_its_closures(scan: RepoScan) -> None:
    wrappers = [t for t in scan.touchpoints if t.file == "lib/analytics.ts" and t.line in (4, 7, 12)]
    assert [(t.line, t.symbol) for t in wrappers] == [(4, "useAnalytics")]


def test_a_hook_whose_members_send_nothing_gives_no_touchpoint(scan: RepoScan) -> None:
    lines = {t.line for t in scan.touchpoints if t.file == "components/upload-zone.tsx"}
    assert 10 not in lines  # toast.show("uploaded")
    assert not [t for t in scan.touchpoints if t.file == "lib/toast.ts"]


def test_client_chosen_by_a_ternary_is_that_library(scan: RepoScan) -> None:
    calls = at(scan, Kind.EVENT_TRACKING, "lib/analytics.ts")
    assert 23 in calls and calls[23].provider == "jitsu"  # server.track(...) on jitsuAnalytics(...)
    assert 6 in at(scan, Kind.EVENT_TRACKING, "server/invite.ts")  # trackServerEvent(...): its call site


def test_singleton_built_by_a_factory_across_an_import(scan: RepoScan) -> None:
    sends = at(scan, Kind.EMAIL_SEND, "server/invite.ts")
    assert 5 in sends and sends[5].provider == "nodemailer"  # mailer = getTransport(); mailer.sendMail(...)
