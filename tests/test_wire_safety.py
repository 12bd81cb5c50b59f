""""Ready" means an engineer can ship the patch: a user-context wrapper keeps what the
accessor returns (never a Response turned into `{...response}`, a Promise is awaited), a
decorated cron method keeps running through the wrapper, security messages and the
dispatchers that send them are left alone, and a message or event needs a person."""

from __future__ import annotations

import pytest

from personize_assistant.actions.wire.action import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.artifact import WireCandidate, render_candidates
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.patch import apply_hunks
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint, touchpoint_id
from tests.support.apps import fixture_app

APP = "wire-safety-ts"


def _tp(
    kind: Kind, file: str, line: int, symbol: str, wraps: str | None = None, evidence: str = "(fixture)", end: int = 0
) -> Touchpoint:
    return Touchpoint(
        id=touchpoint_id(kind, file, symbol, str(line)),
        kind=kind,
        channel="email" if kind == Kind.EMAIL_SEND else None,
        file=file,
        line=line,
        end_line=max(line, end),
        symbol=symbol,
        evidence=evidence,
        confidence="high",
        surface="notifications",
        provider="resend" if kind == Kind.EMAIL_SEND else "posthog" if kind == Kind.EVENT_TRACKING else None,
        wraps=wraps,
    )


DISPATCHER = _tp(Kind.EMAIL_SEND, "src/mail.ts", 6, "sendEmail")
INVITE = _tp(Kind.EMAIL_SEND, "app/invites.py", 6, "send_invite")
DELIVER = _tp(Kind.EMAIL_SEND, "src/mail.ts", 44, "deliverViaSmtp")
TOUCHPOINTS = [
    _tp(Kind.USER_CONTEXT, "lib/auth.ts", 6, "getServerAuthSession"),
    _tp(Kind.USER_CONTEXT, "lib/auth.ts", 8, "loadSessionUser"),
    _tp(Kind.USER_CONTEXT, "lib/auth.ts", 13, "AppMiddleware"),
    _tp(Kind.USER_CONTEXT, "lib/auth.ts", 21, "isAdmin"),
    _tp(Kind.USER_CONTEXT, "lib/auth.ts", 25, "ensureSignedIn"),
    _tp(Kind.USER_CONTEXT, "lib/auth.ts", 32, "fetchProfile"),
    _tp(Kind.USER_CONTEXT, "app/api/views/route.ts", 5, "POST"),
    _tp(Kind.SCHEDULED_JOB, "src/digest.service.ts", 8, "DigestService.handleCron"),
    _tp(Kind.SCHEDULED_JOB, "src/digest.service.ts", 17, "DigestService.purgeExpired"),
    DISPATCHER,
    _tp(Kind.EMAIL_SEND, "src/mail.ts", 10, "sendLoginCode", wraps=DISPATCHER.id),
    _tp(Kind.EMAIL_SEND, "src/mail.ts", 14, "sendTrialEnding", wraps=DISPATCHER.id),
    _tp(Kind.EMAIL_SEND, "src/mail.ts", 18, "sendLoginLink"),
    _tp(Kind.EMAIL_SEND, "src/mail.ts", 22, "sendWeeklyTips"),
    _tp(Kind.EMAIL_SEND, "src/mail.ts", 27, "recordPayout"),
    _tp(Kind.EMAIL_SEND, "src/mail.ts", 37, "postSupportMessage"),
    DELIVER,
    _tp(Kind.EMAIL_SEND, "src/mail.ts", 48, "sendAnyEmail", wraps=DELIVER.id),
    _tp(
        Kind.EMAIL_SEND, "src/mail.ts", 52, "sendResetEmail",
        wraps=_tp(Kind.EMAIL_SEND, "src/mail.ts", 48, "sendAnyEmail").id,
        evidence='await sendAnyEmail(email, "Reset your password", "Follow the link");',
    ),
    INVITE,
    _tp(Kind.EMAIL_SEND, "app/invites.py", 11, "InviteForm.save", wraps=INVITE.id, end=15),
    _tp(Kind.EVENT_TRACKING, "src/track.ts", 6, "captureHeartbeat"),
    _tp(Kind.EVENT_TRACKING, "src/track.ts", 10, "trackUser"),
]


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return RepoScan(root=str(fixture_app(APP)), touchpoints=TOUCHPOINTS)


@pytest.fixture(scope="module")
def rules() -> WireRules:
    return load_rules()


@pytest.fixture(scope="module")
def listed(scan: RepoScan, rules: WireRules) -> dict[str, WireCandidate]:
    return {c.symbol or "": c for c in wireable(scan, rules)}


def _wired(scan: RepoScan, rules: WireRules, symbol: str) -> str:
    """The wired file's new text."""
    tp = next(t for t in scan.touchpoints if t.symbol == symbol)
    edit = wire(scan, WireOptions(touchpoint_id=tp.id), rules).edits[0]
    return apply_hunks((fixture_app(APP) / edit.path).read_text(encoding="utf-8"), edit.hunks, edit.path)


@pytest.mark.parametrize(
    ("symbol", "why"),
    [
        ("AppMiddleware", "answers the request"),
        ("POST", "answers the request"),
        ("isAdmin", "returns boolean"),
        ("getServerAuthSession", "may be a Promise"),
        ("ensureSignedIn", "returns nothing"),
    ],
)
def test_a_user_context_wrapper_never_replaces_what_the_function_returns(
    listed: dict[str, WireCandidate], symbol: str, why: str
) -> None:
    candidate = listed[symbol]
    assert not candidate.ready
    assert candidate.reason is not None and why in candidate.reason


def test_an_accessor_that_reads_a_fetch_response_stays_ready(listed: dict[str, WireCandidate]) -> None:
    # `response.json()` reads what another service answered; it does not answer the request.
    assert listed["fetchProfile"].ready, listed["fetchProfile"].reason


def test_a_promise_of_the_user_is_awaited_before_the_digest_is_attached(scan: RepoScan, rules: WireRules) -> None:
    added = _wired(scan, rules, "loadSessionUser")
    assert "export async function loadSessionUser()" in added
    assert "const user = await loadSessionUserOriginal();" in added


def test_a_decorated_cron_method_keeps_its_decorator_on_the_wrapper(scan: RepoScan, rules: WireRules) -> None:
    text = _wired(scan, rules, "DigestService.handleCron")
    lines = text.splitlines()
    decorated = lines[lines.index("  @Cron(CronExpression.EVERY_WEEK)") + 1]
    assert decorated.strip() == "handleCron() {"
    assert text.count("@Cron(CronExpression.EVERY_WEEK)") == 1
    assert "private async handleCronOriginal()" in text


def test_a_job_is_ready_only_when_it_reaches_a_send(listed: dict[str, WireCandidate]) -> None:
    # handleCron -> this.sendDigests() -> sendWeeklyTips(...): a delivery, two calls away.
    assert listed["DigestService.handleCron"].ready, listed["DigestService.handleCron"].reason
    purge = listed["DigestService.purgeExpired"]
    assert not purge.ready
    assert purge.reason is not None and "delivers nothing" in purge.reason


@pytest.mark.parametrize(
    ("symbol", "why"),
    [
        ("sendLoginLink", "security or transactional message ('login link' in its name)"),
        ("sendLoginCode", "security or transactional message ('login code' in its name)"),
        ("sendEmail", "security ones included (sendLoginCode)"),
        # Reached through another helper: sendResetEmail -> sendAnyEmail -> deliverViaSmtp.
        ("deliverViaSmtp", "security ones included (sendResetEmail)"),
    ],
)
def test_security_messages_and_their_dispatcher_are_left_alone(
    listed: dict[str, WireCandidate], symbol: str, why: str
) -> None:
    candidate = listed[symbol]
    assert not candidate.ready
    assert candidate.reason is not None and why in candidate.reason


def test_the_dispatcher_points_at_the_lifecycle_call_sites(listed: dict[str, WireCandidate]) -> None:
    reason = listed["sendEmail"].reason or ""
    trial = next(t for t in TOUCHPOINTS if t.symbol == "sendTrialEnding")
    assert f"sendTrialEnding ({trial.id}, src/mail.ts:14)" in reason
    assert "sendLoginCode (" not in reason.split("instead")[-1]


def test_a_lifecycle_send_to_a_person_stays_ready(listed: dict[str, WireCandidate]) -> None:
    assert listed["sendWeeklyTips"].ready, listed["sendWeeklyTips"].reason


@pytest.mark.parametrize(
    ("symbol", "why"),
    [
        # Its only text goes to console.log and to log() inside waitUntil(): not a message.
        ("recordPayout", "passes no SUBJECT/BODY_HTML/BODY_TEXT content"),
        ("postSupportMessage", "has no recipient among its parameters"),
        ("captureHeartbeat", "no parameter naming the person the event is about"),
        # Its callers fill subject and text from a form the person filled in.
        ("send_invite", "InviteForm.save (app/invites.py:11) passes what a person typed (cleaned_data)"),
    ],
)
def test_content_and_events_need_a_person(listed: dict[str, WireCandidate], symbol: str, why: str) -> None:
    candidate = listed[symbol]
    assert not candidate.ready
    assert candidate.reason is not None and why in candidate.reason


def test_an_event_about_a_user_is_mirrored_against_them(scan: RepoScan, rules: WireRules) -> None:
    added = _wired(scan, rules, "trackUser")
    assert "recipient: userId" in added
    assert "recipient: undefined" not in added


def test_the_wire_list_counts_from_the_scan_total(listed: dict[str, WireCandidate]) -> None:
    candidates = list(listed.values())
    ready = sum(c.ready for c in candidates)
    text = render_candidates(candidates, javascript=2, total=len(candidates) + 5)
    first = text.splitlines()[0]
    assert first.startswith(f"{len(candidates) + 5} touchpoints in the scan; {len(candidates)} have a wire pattern")
    assert f"{ready} of them ready; 2 are in JavaScript; 3 are kinds or languages" in first
    assert f"{len(candidates) - ready} more touchpoints cannot be wired" in text
