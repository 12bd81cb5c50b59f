"""Wiring several touchpoints of one repo, one after another, as a developer would.

Each test wires through the real scanner and `write_artifact` into a committed checkout,
then reads the result the way the repo's owner would: one import per helper module, one
helper copy per import root, the project's own import aliases, readable local names.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from personize_assistant.actions.wire.action import WireOptions, wire
from personize_assistant.actions.wire.artifact import (
    WireArtifact,
    WireCandidate,
    render_candidates,
    render_diff,
)
from personize_assistant.actions.wire.context import _call_pattern
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.write import write_artifact
from personize_assistant.codegen.placement import place_helpers
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan
from tests.test_wire_cases import EXAMPLE_PY_CASES, EXAMPLES, materialize, wire_case, write_app
from tests.test_wire_cases import rules as rules  # the session fixture
from tests.test_wire_write import checkout, git
from tests.typescript.typecheck import RUFF_ARGS


def _wire_symbol(root: Path, rules: WireRules, file: str, symbol: str | None) -> list[str]:
    """Scan, wire the first ready touchpoint of `symbol` in `file`, write and commit it."""
    scan = scan_repo(root, use_cache=False)
    touchpoints = [t for t in scan.touchpoints if t.file == file and t.symbol == symbol]
    # A function can hold several touchpoints (a send and a schedule): wire the one that wires.
    for touchpoint in sorted(touchpoints, key=lambda t: t.kind.value != "scheduled_job"):
        try:
            artifact = wire(scan, WireOptions(touchpoint_id=touchpoint.id), rules)
        except UsageError:
            continue
        break
    else:
        raise AssertionError(f"nothing wireable for {symbol} in {file}")
    written = write_artifact(root, artifact)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"wire {symbol}")
    return written


def _ruff_in(root: Path, files: list[str]) -> set[str]:
    """Lint as the project would, from its root (so its packages count as first party);
    findings without line numbers, so a copy before and after wiring compare."""
    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run(
        [str(ruff), *RUFF_ARGS, "--output-format", "concise", *files],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    return {re.sub(r":\d+:\d+:", ":", line) for line in done.stdout.splitlines() if ": " in line}


@pytest.fixture(scope="module")
def tallybook_wired(tmp_path_factory: pytest.TempPathFactory, rules: WireRules) -> Path:
    """tallybook-py with a send of transports.py, a billing job and two invoice jobs wired."""
    root = checkout("tallybook-py", tmp_path_factory.mktemp("tallybook"))
    _wire_symbol(root, rules, "notifications/transports.py", "send_sms")
    _wire_symbol(root, rules, "billing/tasks.py", "nudge_trials_ending")
    _wire_symbol(root, rules, "invoices/tasks.py", "send_overdue_reminders")
    _wire_symbol(root, rules, "invoices/tasks.py", "issue_recurring_invoices")
    _wire_symbol(root, rules, "invoices/management/commands/send_weekly_summary.py", "Command")
    _wire_symbol(root, rules, "accounts/models.py", "User")  # a sync management command
    # Renaming to `_receive_bank_event_original` pushes a 96-column header past 100.
    _wire_symbol(root, rules, "services/bankfeed/app/routes/webhooks.py", "receive_bank_event")
    return root


@pytest.mark.toolchain
def test_a_second_wired_function_extends_the_helper_import(tallybook_wired: Path) -> None:
    text = (tallybook_wired / "invoices/tasks.py").read_text()
    assert text.count("from notifications.personize_wiring import personalized_run") == 1
    assert text.count("return personalized_run(") == 2


@pytest.mark.toolchain
def test_django_apps_share_one_helper_copy(tallybook_wired: Path) -> None:
    assert (tallybook_wired / "notifications/personize_wiring.py").is_file()
    assert not (tallybook_wired / "billing/personize_wiring.py").exists()
    assert not (tallybook_wired / "invoices/personize_wiring.py").exists()
    tasks = (tallybook_wired / "billing/tasks.py").read_text()
    assert "from notifications.personize_wiring import personalized_run" in tasks
    assert not (tallybook_wired / "accounts/personize_client.py").exists()
    command = (tallybook_wired / "accounts/management/commands/personize_sync_user.py").read_text()
    assert "from notifications.personize_client import Personize, PersonizeError" in command


@pytest.mark.toolchain
def test_wired_django_files_pass_isort_and_line_length(tallybook_wired: Path) -> None:
    files = [
        "notifications/transports.py",
        "billing/tasks.py",
        "invoices/tasks.py",
        "invoices/management/commands/send_weekly_summary.py",
        "services/bankfeed/app/routes/webhooks.py",
        "accounts/management/commands/personize_sync_user.py",
    ]
    # The example has long lines of its own; wiring must add no finding.
    assert _ruff_in(tallybook_wired, files) <= _ruff_in(EXAMPLES / "tallybook-py", files)


@pytest.mark.toolchain
def test_the_kept_original_is_not_offered_for_wiring_again(tallybook_wired: Path, rules: WireRules) -> None:
    scan = scan_repo(tallybook_wired, use_cache=False)
    original = next(t for t in scan.touchpoints if t.symbol == "_send_sms_original")
    with pytest.raises(UsageError, match="original behind the wired send_sms"):
        wire(scan, WireOptions(touchpoint_id=original.id), rules)


@pytest.mark.toolchain
def test_typescript_second_wiring_in_one_file_merges_the_import(tmp_path: Path, rules: WireRules) -> None:
    root = checkout("pulseboard-ts", tmp_path)
    _wire_symbol(root, rules, "src/lib/email/mailer-service.ts", "MailerService.sendInvite")
    _wire_symbol(root, rules, "src/lib/email/mailer-service.ts", "MailerService.sendSurveyReminder")
    text = (root / "src/lib/email/mailer-service.ts").read_text()
    assert text.count("personize-wiring'") == 1


@pytest.mark.toolchain
def test_a_multi_line_helper_import_is_extended_whole(tmp_path: Path, rules: WireRules) -> None:
    """A formatter may have spread the helper import over lines: the next wiring replaces
    the whole statement (read with tree-sitter), not just its first line."""
    root = checkout("pulseboard-ts", tmp_path)
    _wire_symbol(root, rules, "src/lib/email/mailer-service.ts", "MailerService.sendInvite")
    path = root / "src/lib/email/mailer-service.ts"
    one_line = re.search(r"^import \{ ([^}]*) \} from '([^']*personize-wiring)';$", path.read_text(), re.M)
    assert one_line is not None
    spread = "import {\n" + "".join(f"  {n},\n" for n in one_line.group(1).split(", ")) + f"}} from '{one_line.group(2)}';"
    path.write_text(path.read_text().replace(one_line.group(0), spread))
    git(root, "commit", "-qam", "formatted")
    _wire_symbol(root, rules, "src/lib/email/mailer-service.ts", "MailerService.sendSurveyReminder")
    text = path.read_text()
    assert text.count("personize-wiring'") == 1
    assert re.search(r"^import \{ personalizeMessage, rememberDelivery \} from '[^']*personize-wiring';$", text, re.M)
    assert "\n  personalizeMessage,\n" not in text


@pytest.mark.toolchain
def test_typescript_imports_use_the_projects_path_alias(tmp_path: Path, rules: WireRules) -> None:
    root = checkout("pulseboard-ts", tmp_path)
    _wire_symbol(root, rules, "app/api/cron/weekly-digest/route.ts", "GET")
    route = (root / "app/api/cron/weekly-digest/route.ts").read_text()
    assert "import { personalizedRun } from '@/lib/personize-wiring';" in route
    # A file that imports relatively keeps relative imports.
    _wire_symbol(root, rules, "src/lib/notify/sms.ts", "sendSms")
    assert "from '../personize-wiring'" in (root / "src/lib/notify/sms.ts").read_text()


def test_alias_comes_from_a_commented_tsconfig_with_base_url(tmp_path: Path) -> None:
    (tmp_path / "web/src/lib").mkdir(parents=True)
    (tmp_path / "web/tsconfig.json").write_text(
        '{\n  // editor comments are allowed in tsconfig\n  "compilerOptions": {\n'
        '    "baseUrl": "src",\n    "paths": { "~/*": ["*"], },\n  },\n}\n'
    )
    (tmp_path / "web/src/pages").mkdir()
    (tmp_path / "web/src/pages/api.ts").write_text("import { db } from '~/lib/db';\n")
    (tmp_path / "web/src/pages/plain.ts").write_text("import { db } from '../lib/db';\n")
    placement = place_helpers(tmp_path, "web/src/pages/api.ts", "ts")
    assert placement.import_from("web/src/pages/api.ts") == "~/lib/personize-wiring"
    assert placement.import_from("web/src/pages/plain.ts") == "../lib/personize-wiring"


@pytest.mark.toolchain
def test_user_context_wrapper_keeps_the_plain_local_name(tmp_path: Path, rules: WireRules) -> None:
    root = checkout("pulseboard-ts", tmp_path)
    _wire_symbol(root, rules, "src/lib/auth.ts", "getCurrentUser")
    text = (root / "src/lib/auth.ts").read_text()
    assert "const user = await getCurrentUserOriginal();" in text
    assert "user2" not in text


@pytest.mark.toolchain
def test_rate_notes_read_as_sentences(tmp_path: Path, rules: WireRules) -> None:
    root = checkout("tallybook-py", tmp_path)
    scan: RepoScan = scan_repo(root, use_cache=False)
    sms = next(t for t in scan.touchpoints if t.symbol == "send_sms")
    notes = wire(scan, WireOptions(touchpoint_id=sms.id), rules).notes
    rate = [n for n in notes if n.startswith("Rate alignment")]
    assert rate and all(" allows " not in n for n in rate)
    assert "Rate alignment: Twilio long code: 1 message per second." in rate


# --------------------------------------------------------------------------- code found in the wild

TEMPLATED_MAIL = '''import logging
from smtplib import SMTPException

from django.core.mail import EmailMultiAlternatives
from django.template import engines

logger = logging.getLogger(__name__)


def send_templated_mail(template, context, recipients, fail_silently=False):
    """Render a stored template (subject, text, html) and send it."""
    from_string = engines["django"].from_string
    subject_part = from_string(template.subject).render(context).replace("\\n", "")
    text_part = from_string(template.plain_text).render(context)
    html_part = from_string(template.html).render(context)
    msg = EmailMultiAlternatives(subject_part, text_part, None, recipients)
    msg.attach_alternative(html_part, "text/html")
    try:
        return msg.send()
    except SMTPException:
        logger.exception("could not send to %s", recipients)
        if not fail_silently:
            raise
        return 0


class Ticket:
    def send(self, roles):
        """Mail everyone with a role on this ticket."""
        for template, context, recipients in roles:
            send_templated_mail(template, context, recipients)
'''


def _wire_file(root: Path, rules: WireRules, file: str, symbol: str) -> WireArtifact:
    scan = scan_repo(root, use_cache=False)
    touchpoint = next(t for t in scan.touchpoints if t.file == file and t.symbol == symbol)
    return wire(scan, WireOptions(touchpoint_id=touchpoint.id), rules)


@pytest.mark.toolchain
def test_rendered_message_parts_are_personalized_without_dead_code(tmp_path: Path, rules: WireRules) -> None:
    write_app({"helpdesk/__init__.py": "", "helpdesk/templated_email.py": TEMPLATED_MAIL}, tmp_path)
    artifact = _wire_file(tmp_path, rules, "helpdesk/templated_email.py", "send_templated_mail")
    assert artifact.field_mapping == {"SUBJECT": "subject_part", "BODY_HTML": "html_part", "BODY_TEXT": "text_part"}
    wired = _apply(tmp_path, artifact)
    compile(wired, "templated_email.py", "exec")
    # Everything after `try: return msg.send()` is unreachable: nothing may be appended there.
    function = wired.split("def send_templated_mail", 1)[1].split("class Ticket", 1)[0]
    assert function.rstrip().endswith("return 0")
    assert "remember_delivery(" not in wired
    assert any("remember_delivery" in note for note in artifact.notes)
    store = next(c for c in artifact.constraints if c.id == "store_outcome")
    assert store.how.startswith("Not wired")


def test_a_method_call_on_another_object_is_not_a_delegate() -> None:
    """`msg.send()` is not a call to `Ticket.send`, nor `mailer.send_mail()` to `send_mail`
    (django-helpdesk's send_templated_mail and Ticket.send pointed at each other)."""
    method, function = _call_pattern("Ticket.send"), _call_pattern("send_mail")
    assert not re.search(method, "    return msg.send()")
    assert re.search(method, "        self.send(roles)") and re.search(method, "ticket.send(roles)")
    assert not re.search(function, "mailer.send_mail(to)")
    assert re.search(function, "    send_mail(to)")


def test_a_job_without_a_known_schedule_says_so_plainly(tmp_path: Path, rules: WireRules) -> None:
    case = next(c for c in EXAMPLE_PY_CASES if c.file.endswith("send_weekly_summary.py"))
    assert case.touchpoint().schedule is None
    artifact = wire_case(case, materialize(case.app, tmp_path), rules)
    assert "the schedule schedule" not in render_diff(artifact)
    assert artifact.trigger.startswith("your scheduler runs Command.handle")
    assert '"unscheduled"' in render_diff(artifact)


def test_list_explains_javascript_touchpoints() -> None:
    candidate = WireCandidate(
        touchpoint_id="tp_00000001", kind="email_send", pattern="wrap", language="ts",
        location="src/mail.ts:3", ready=False, reason="no content",
    )
    text = render_candidates([candidate], javascript=12)
    assert text.startswith("no wireable touchpoints found: 1 cannot be wired")
    assert "12 touchpoints are in JavaScript files" in text


def _apply(root: Path, artifact: WireArtifact) -> str:
    """The edited file's text after the artifact's hunks (no git needed)."""
    edit = artifact.edits[0]
    checkout_root = root
    git_init = subprocess.run(["git", "-C", str(checkout_root), "init", "-q"], capture_output=True, check=False)
    assert git_init.returncode == 0
    git(checkout_root, "add", "-A")
    git(checkout_root, "commit", "-q", "-m", "initial")
    write_artifact(checkout_root, artifact)
    return (root / edit.path).read_text()


def test_a_job_points_at_the_delivery_function_that_can_be_wired(tmp_path: Path, rules: WireRules) -> None:
    """The weekly-digest route calls sendWeeklyDigest, which builds its email inline and
    hands it to sendEmail: the note must name sendEmail, the one that can be wired."""
    root = materialize("pulseboard-ts", tmp_path)
    scan = scan_repo(root, use_cache=False)
    job = next(
        t for t in scan.touchpoints if t.kind.value == "scheduled_job" and t.file.endswith("weekly-digest/route.ts")
    )
    notes = wire(scan, WireOptions(touchpoint_id=job.id), rules).notes
    pointer = next(n for n in notes if n.startswith("Wire its deliveries too"))
    assert "sendEmail (" in pointer and "src/lib/email/send.ts:22" in pointer
    send_email = next(t for t in scan.touchpoints if t.symbol == "sendEmail" and t.file == "src/lib/email/send.ts")
    assert wire(scan, WireOptions(touchpoint_id=send_email.id), rules).edits
