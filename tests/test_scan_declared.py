"""Touchpoints a framework declares rather than calls (issue 12, class 3).

`declared` is a small app written for these tests: Wasp `api` routes and a job in the DSL
(`main.wasp`) and in a `*.wasp.ts` spec, analytics tags in a page, an Astro page, a
Next.js `<Script>` and a head config, and auth-library email hooks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import by_line as found

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return scan_repo(FIXTURES / "declared", use_cache=False)


def test_wasp_api_route_to_a_webhook_is_a_webhook_handler(scan: RepoScan) -> None:
    assert 8 in found(scan, Kind.WEBHOOK_HANDLER, "src/payment/payment.wasp.ts")  # api("POST", "/payments-webhook", ...)
    assert 6 in found(scan, Kind.WEBHOOK_HANDLER, "main.wasp")  # api paddleWebhook { httpRoute: (POST, ...) }


def test_wasp_api_routes_that_receive_nothing_are_not_webhooks(scan: RepoScan) -> None:
    assert 11 not in found(scan, Kind.WEBHOOK_HANDLER, "src/payment/payment.wasp.ts")
    assert 12 not in found(scan, Kind.WEBHOOK_HANDLER, "main.wasp")


def test_wasp_dsl_job_with_a_schedule(scan: RepoScan) -> None:
    job = found(scan, Kind.SCHEDULED_JOB, "main.wasp").get(17)
    assert job is not None and (job.provider, job.schedule) == ("wasp", "0 2 * * *")


@pytest.mark.parametrize(
    ("file", "line", "provider"),
    [
        ("public/index.html", 5, "gtag"),
        ("src/pages/index.astro", 7, "umami"),
        ("app/layout.tsx", 8, "plausible"),  # Next.js <Script>
        ("app/layout.tsx", 12, "vercel-analytics"),  # <Analytics /> from @vercel/analytics
        ("app/posthog.ts", 4, "posthog"),  # the browser client's init starts page-view capture
        ("src/client/head.wasp.ts", 3, "plausible"),  # a head config's string
    ],
)
def test_analytics_tags_outside_code_calls(scan: RepoScan, file: str, line: int, provider: str) -> None:
    tag = found(scan, Kind.EVENT_TRACKING, file).get(line)
    assert tag is not None and tag.provider == provider


def test_markup_without_an_analytics_tag_gives_nothing(scan: RepoScan) -> None:
    assert set(found(scan, Kind.EVENT_TRACKING, "public/index.html")) == {5}


def test_a_component_tag_counts_only_when_imported_from_the_analytics_library(scan: RepoScan) -> None:
    assert not found(scan, Kind.EVENT_TRACKING, "components/stats.tsx")  # the app's own <Analytics views={3} />


def test_auth_library_email_hook_is_an_email_wrapper(scan: RepoScan) -> None:
    hook = found(scan, Kind.EMAIL_SEND, "lib/auth.ts").get(8)
    assert hook is not None and hook.provider == "better-auth"  # its body sends through an unknown helper


def test_auth_server_api_running_an_email_hook_is_a_send(scan: RepoScan) -> None:
    assert 4 in found(scan, Kind.EMAIL_SEND, "server/signup.ts")  # auth.api.sendVerificationEmail(...)


def test_handler_named_for_webhooks_that_verifies_a_signature_without_a_route(scan: RepoScan) -> None:
    handlers = found(scan, Kind.WEBHOOK_HANDLER, "src/payment/webhook.ts")
    assert 6 in handlers and handlers[6].provider == "stripe"  # verifies through its helper
    assert 15 not in handlers  # named for webhooks, verifies nothing


def test_a_tag_generated_for_another_site_is_not_tracking(scan: RepoScan) -> None:
    assert not found(scan, Kind.EVENT_TRACKING, "components/install-guide.tsx")  # TrackingCode's embed code
