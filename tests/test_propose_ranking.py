"""PROPOSE's ranking rules on small hand-built scans: each rule is one test."""

from __future__ import annotations

from typing import Any

import pytest

from personize_assistant.actions.common.discovery import (
    Discovery,
    answers_from_mapping,
    prefill_from_scan,
)
from personize_assistant.actions.propose.action import ProposeOptions, build_proposal
from personize_assistant.actions.propose.rank import candidates, find_anchors, repo_context
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import RepoScan, Stack, Touchpoint
from tests.planning_support import field, model, planning_library, prisma_scan, tp

LIBRARY = planning_library()
META = LIBRARY.propose.meta
USER = model("User", "prisma/schema.prisma", 10, [field("id", "String", False, is_primary_key=True),
                                                  field("email", "String", False),
                                                  field("plan", "String", False)], "prisma")


def scan_of(*touchpoints: Touchpoint) -> RepoScan:
    return RepoScan(root="/repos/acme-app", stack=Stack(languages={"typescript": 10}),
                    touchpoints=[USER, *touchpoints])


def email(file: str, line: int, symbol: str, evidence: str = "await resend.emails.send({ to: user.email })",
          **extra: Any) -> Touchpoint:
    return tp("email_send", file, line, symbol, evidence, "notifications", channel="email", **extra)


def scores(scan: RepoScan, discovery: Discovery | None = None) -> dict[str, Any]:
    discovery = discovery or prefill_from_scan(scan, LIBRARY)
    found = candidates(scan, META, repo_context(scan, discovery, META))
    return {c.anchor.tp.id: c.score for c in found}


def test_a_wrapper_with_call_sites_beats_a_raw_call() -> None:
    wrapper = email("src/lib/mail.ts", 5, "sendReceipt", "export async function sendReceipt(user: User) {")
    inside = email("src/lib/mail.ts", 6, "sendReceipt")
    raw = email("app/api/orders/route.ts", 30, "POST")
    calls = [email(f"app/api/{name}/route.ts", 12, "POST", "await sendReceipt(user)", wraps=wrapper.id)
             for name in ("checkout", "refund")]
    scored = scores(scan_of(wrapper, inside, raw, *calls))
    assert scored[wrapper.id].wrapper and scored[wrapper.id].call_sites == 2
    assert not scored[raw.id].wrapper
    assert scored[wrapper.id].effort == "low" and scored[raw.id].effort == "medium"
    assert scored[wrapper.id].score > scored[raw.id].score
    # call sites are reach, not opportunities of their own
    assert {a.tp.id for a in find_anchors(scan_of(wrapper, inside, raw, *calls))} == {wrapper.id, raw.id}


def test_a_scheduled_send_beats_a_one_off_send() -> None:
    job = tp("scheduled_job", "app/api/cron/renewals/route.ts", 4, "GET", "export async function GET() {",
             "notifications", schedule="0 8 * * *")
    scheduled = email("app/api/cron/renewals/route.ts", 9, "GET")
    one_off = email("app/api/exports/route.ts", 9, "GET")
    scored = scores(scan_of(job, scheduled, one_off))
    assert scored[scheduled.id].runs_on_schedule and not scored[one_off.id].runs_on_schedule
    assert scored[scheduled.id].frequency_bonus > 0 == scored[one_off.id].frequency_bonus
    assert scored[scheduled.id].score > scored[one_off.id].score


def test_signup_paths_run_for_every_new_user() -> None:
    signup = email("app/api/signup/route.ts", 20, "POST")
    other = email("app/api/exports/route.ts", 20, "POST")
    scored = scores(scan_of(signup, other))
    assert scored[signup.id].signup_path and scored[signup.id].score > scored[other.id].score


def test_no_data_model_means_more_effort() -> None:
    send = email("src/lib/mail.ts", 6, "sendReceipt", "await resend.emails.send({ to })")
    with_model = scores(scan_of(send))[send.id]
    without = scores(RepoScan(root="/repos/acme-app", touchpoints=[send]))[send.id]
    assert with_model.data_modelled and with_model.entity == "User"
    assert not without.data_modelled and without.entity is None
    assert ("low", "medium", "high").index(without.effort) > ("low", "medium", "high").index(with_model.effort)


def test_the_priority_channel_gets_its_bonus() -> None:
    sms = tp("notification", "src/lib/sms.ts", 3, "textUser", "await twilio.messages.create({ to: user.phone })",
             "notifications", channel="sms", provider="twilio")
    mail = email("src/lib/mail.ts", 6, "sendReceipt")
    discovery = prefill_from_scan(scan_of(sms, mail), LIBRARY).merged_with(
        answers_from_mapping({"priority_channel": "sms"}))
    scored = scores(scan_of(sms, mail), discovery)
    assert scored[sms.id].priority_channel and scored[sms.id].priority_bonus == META.ranking.priority_channel_bonus
    assert not scored[mail.id].priority_channel


def test_score_factors_add_up() -> None:
    for factors in scores(prisma_scan()).values():
        impact = (factors.base + factors.reach_bonus + factors.frequency_bonus + factors.priority_bonus
                  + factors.entity_bonus + factors.fit_bonus)
        assert factors.impact == pytest.approx(impact, abs=0.002)
        assert factors.score == pytest.approx(factors.impact - factors.effort_penalty, abs=0.002)


def test_quick_win_is_the_specific_scheduled_send_and_says_why() -> None:
    digest = email("src/lib/digest.ts", 20, "sendWeeklyDigest",
                   "export async function sendWeeklyDigest(userId: string) {")
    inner = email("src/lib/digest.ts", 25, "sendWeeklyDigest", "await sendEmail({ to: user.email })")
    job = tp("scheduled_job", "app/api/cron/weekly-digest/route.ts", 4, "GET", "export async function GET() {",
             "notifications", schedule="0 8 * * 1")
    call = email("app/api/cron/weekly-digest/route.ts", 9, "GET", "await sendWeeklyDigest(u.id)", wraps=digest.id)
    generic = email("src/lib/send.ts", 5, "sendEmail", "export async function sendEmail(e: Email) {")
    generic_inner = email("src/lib/send.ts", 6, "sendEmail")
    proposal = build_proposal(scan_of(digest, inner, job, call, generic, generic_inner),
                              Discovery(), LIBRARY)
    assert proposal.quick_win is not None
    chosen = proposal.find(proposal.quick_win.opportunity)
    assert chosen is not None and chosen.anchor.symbol == "sendWeeklyDigest"
    assert "one function to wrap" in proposal.quick_win.reason
    assert "runs on a schedule" in proposal.quick_win.reason
    assert "User data is already modelled" in proposal.quick_win.reason


def test_the_quick_win_the_developer_named_wins() -> None:
    scan = prisma_scan()
    discovery = answers_from_mapping({"quick_win": "personalise postWorkspaceAlert first"})
    proposal = build_proposal(scan, prefill_from_scan(scan, LIBRARY).merged_with(discovery), LIBRARY)
    chosen = proposal.find(proposal.quick_win.opportunity)  # type: ignore[union-attr]
    assert chosen is not None and chosen.anchor.symbol == "postWorkspaceAlert"
    assert proposal.quick_win.reason == "You named it as the first thing to ship."  # type: ignore[union-attr]


def test_only_surfaces_the_repo_has_and_no_mobile_without_mobile_code() -> None:
    proposal = build_proposal(prisma_scan(), Discovery(), LIBRARY)
    assert "mobile" not in {a.id for a in proposal.areas}
    push = tp("notification", "app/push.py", 3, "send_push", "messaging.send(message)", "mobile",
              channel="push", provider="fcm")
    with_push = build_proposal(scan_of(push), Discovery(), LIBRARY)
    assert "mobile" in {a.id for a in with_push.areas}


def test_opportunities_are_few_and_ordered_by_score_within_an_area() -> None:
    proposal = build_proposal(prisma_scan(), Discovery(), LIBRARY)
    assert 1 <= len(proposal.opportunities()) <= 6
    for area in proposal.areas:
        assert len(area.opportunities) <= 2
        assert [o.score.score for o in area.opportunities] == sorted(
            (o.score.score for o in area.opportunities), reverse=True)


def test_stories_follow_the_persona_and_use_real_names() -> None:
    scan = prisma_scan()
    developer = build_proposal(scan, Discovery(), LIBRARY)
    win = developer.find(developer.quick_win.opportunity)  # type: ignore[union-attr]
    assert win is not None and any(f"`{win.anchor.symbol}`" in s.text for s in developer.stories)
    marketing = build_proposal(scan, Discovery(), LIBRARY, ProposeOptions(persona="marketing"))
    assert all(s.text.startswith("As a marketer") for s in marketing.stories)
    assert all("{" not in s.text for s in marketing.stories)
    with pytest.raises(UsageError, match="--persona"):
        build_proposal(scan, Discovery(), LIBRARY, ProposeOptions(persona="ceo"))


def test_unconfirmed_fields_are_listed_as_assumptions() -> None:
    proposal = build_proposal(prisma_scan(), Discovery(), LIBRARY)
    assert any(a.startswith("governance_needs:") for a in proposal.assumptions)
    answered = answers_from_mapping({"governance_needs": ["no medical claims"]})
    assert not any(a.startswith("governance_needs:")
                   for a in build_proposal(prisma_scan(), answered, LIBRARY).assumptions)


def test_an_empty_repo_proposes_nothing_without_crashing() -> None:
    proposal = build_proposal(RepoScan(root="/repos/empty"), Discovery(), LIBRARY)
    assert proposal.areas == [] and proposal.quick_win is None
    assert "discover" in proposal.next_step




def test_an_empty_repo_says_so_instead_of_inventing_a_send_path() -> None:
    from personize_assistant.actions.propose.artifact import render_markdown

    text = render_markdown(build_proposal(RepoScan(root="/repos/empty"), Discovery(), LIBRARY))
    assert "Found no place in the code where Empty reaches users yet" in text
    assert "the send function" not in text and "(from the quick win)" not in text
    assert "## User stories" not in text and "quick_win:" not in text


def test_machines_are_not_audiences_outgoing_webhooks_and_ci_chores_are_skipped() -> None:
    hook = tp("notification", "helpdesk/webhooks.py", 11, "notify_followup_webhooks",
              "requests.post(url, json=data)", "notifications", channel="webhook_out")
    stale = tp("scheduled_job", ".github/workflows/stale-issues.yml", 4, "Close stale issues",
               "schedule: cron", "notifications", schedule="30 1 * * *")
    digest = tp("scheduled_job", ".github/workflows/weekly-digest.yml", 4, "Send weekly digest",
                "schedule: cron", "notifications", schedule="0 8 * * 1")
    anchors = {a.tp.id for a in find_anchors(scan_of(hook, stale, digest))}
    assert anchors == {digest.id}
    proposal = build_proposal(scan_of(hook, stale), Discovery(), LIBRARY)
    assert proposal.quick_win is None and proposal.areas == []


def test_areas_are_listed_best_first() -> None:
    push = tp("notification", "app/push.py", 3, "send_push", "messaging.send(message)", "mobile",
              channel="push", provider="fcm")
    job = tp("scheduled_job", "app/api/cron/renewals/route.ts", 4, "GET", "export async function GET() {",
             "notifications", schedule="0 8 * * *")
    renewal = email("app/api/cron/renewals/route.ts", 9, "sendRenewalReminder")
    dashboard = tp("ui_surface", "src/components/Dashboard.tsx", 3, "Dashboard",
                   "export function Dashboard() {", "web_app")
    proposal = build_proposal(scan_of(dashboard, push, job, renewal), Discovery(), LIBRARY)
    best = [area.opportunities[0].score.score for area in proposal.areas]
    assert "web_app" in {a.id for a in proposal.areas} and proposal.areas[0].id != "web_app"
    assert best == sorted(best, reverse=True)


def test_records_are_not_customers_and_commands_are_named_by_their_file() -> None:
    queue = model("Queue", "helpdesk/models.py", 10, [field("title", "String", False)], "django")
    job = tp("scheduled_job", "helpdesk/management/commands/escalate_tickets.py", 24, "Command",
             "class Command(BaseCommand):", "notifications", schedule="*/10 * * * *")
    send = email("helpdesk/email.py", 40, "send_ticket_mail", "send_ticket_mail(queue.email_address)")
    scan = RepoScan(root="/repos/helpdesk", stack=Stack(languages={"python": 10}), touchpoints=[queue, job, send])
    proposal = build_proposal(scan, Discovery(), LIBRARY)
    assert all(o.score.entity != "Queue" for o in proposal.opportunities())
    assert "No person or company model was found" in proposal.summary and "`Queue`" not in proposal.summary
    befores = " ".join(o.before for o in proposal.opportunities())
    assert "escalate_tickets.py" in befores and "`Command`" not in befores


def test_a_priority_answer_with_reasons_names_one_channel() -> None:
    sms = tp("notification", "src/lib/sms.ts", 3, "textUser", "await twilio.messages.create({ to: user.phone })",
             "notifications", channel="sms", provider="twilio")
    mail = email("src/lib/mail.ts", 6, "sendReceipt")
    discovery = prefill_from_scan(scan_of(sms, mail), LIBRARY).merged_with(
        answers_from_mapping({"priority_channel": "SMS - our clients ignore email"}))
    scored = scores(scan_of(sms, mail), discovery)
    assert scored[sms.id].priority_channel and not scored[mail.id].priority_channel
    proposal = build_proposal(scan_of(sms, mail), discovery, LIBRARY)
    assert "; sms is the channel to personalise first (from your answer)" in proposal.summary


def test_naming_the_job_that_calls_a_send_picks_that_send() -> None:
    reminder = email("src/lib/reminders.ts", 5, "sendPaymentReminder",
                     "export async function sendPaymentReminder(user: User) {")
    inner = email("src/lib/reminders.ts", 6, "sendPaymentReminder")
    job_call = email("src/jobs/overdue.ts", 12, "sendOverdueReminders", "await sendPaymentReminder(user)",
                     wraps=reminder.id)
    other = email("src/lib/welcome.ts", 5, "sendWelcome", "export async function sendWelcome(user: User) {")
    other_inner = email("src/lib/welcome.ts", 6, "sendWelcome")
    scan = scan_of(reminder, inner, job_call, other, other_inner)
    named = answers_from_mapping({"quick_win": "personalise sendOverdueReminders"})
    proposal = build_proposal(scan, prefill_from_scan(scan, LIBRARY).merged_with(named), LIBRARY)
    chosen = proposal.find(proposal.quick_win.opportunity)  # type: ignore[union-attr]
    assert chosen is not None and chosen.anchor.symbol == "sendPaymentReminder"
    assert "You named `sendOverdueReminders`" in proposal.quick_win.reason  # type: ignore[union-attr]


def test_an_unpacked_npm_tarball_is_named_from_its_manifest(tmp_path: Any) -> None:
    root = tmp_path / "package"
    root.mkdir()
    (root / "package.json").write_text('{"name": "@acme/umami", "version": "2.10.0"}', encoding="utf-8")
    proposal = build_proposal(RepoScan(root=str(root)), Discovery(), LIBRARY)
    assert proposal.app_name == "Umami"
    assert build_proposal(RepoScan(root=str(tmp_path / "package-x")), Discovery(), LIBRARY).app_name != "Umami"


def test_the_after_line_continues_the_sentence_in_lower_case() -> None:
    push = tp("notification", "app/push.py", 3, "send_push", "messaging.send(message)", "mobile",
              channel="push", provider="fcm")
    proposal = build_proposal(scan_of(push), Discovery(), LIBRARY)
    after = next(o.after for o in proposal.opportunities() if o.surface == "mobile")
    assert ": a push of at most 100 characters" in after
