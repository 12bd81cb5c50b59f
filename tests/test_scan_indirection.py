"""Deliveries hidden behind threads, interfaces, higher-order functions and in-house
trackers (issue 12, batch 5 classes).

`indirection_py` and `indirection_ts` are small apps written for these tests: a `Thread`
subclass whose `run()` sends, an abstract base and a TypeScript interface with one
delivering implementation, a sender built by a higher-order function and imported lazily,
and usage trackers next to a logger and an audit trail that must not count as analytics.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.detect_trackers import is_tracker_name
from personize_assistant.scan.models import Kind, RepoScan

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def py_scan() -> RepoScan:
    return scan_repo(FIXTURES / "indirection_py", use_cache=False)


@pytest.fixture(scope="module")
def ts_scan() -> RepoScan:
    return scan_repo(FIXTURES / "indirection_ts", use_cache=False)


def lines(scan: RepoScan, kind: Kind, file: str) -> set[int]:
    return {t.line for t in scan.touchpoints if t.kind == kind and t.file == file}


def wrappers(scan: RepoScan, kind: Kind) -> set[str]:
    called = {t.wraps for t in scan.touchpoints if t.wraps}
    return {t.symbol or "" for t in scan.touchpoints if t.kind == kind and t.id in called}


# --- threads ----------------------------------------------------------------------------


def test_the_code_that_starts_a_sending_thread_is_the_wrapper(py_scan: RepoScan) -> None:
    mail = lines(py_scan, Kind.EMAIL_SEND, "desk/mailer.py")
    assert 13 in mail  # self.letter.send() in LetterThread.run (field typed in __init__)
    assert 16 in mail and 12 not in mail  # `deliver` wraps; `run` is the thread's body, not a helper
    assert 17 not in mail  # building the thread is how `deliver` sends, not a call site
    assert 7 in lines(py_scan, Kind.EMAIL_SEND, "desk/views.py")  # mailer.welcome(...) -> deliver


def test_a_sender_handed_to_a_thread_or_an_executor_is_called_there(py_scan: RepoScan) -> None:
    assert {25, 31} <= lines(py_scan, Kind.EMAIL_SEND, "desk/mailer.py")  # Thread(target=welcome), pool.submit(welcome, ...)


# --- interfaces and abstract bases ------------------------------------------------------------


def test_a_call_through_an_abstract_base_reaches_the_delivering_implementation(py_scan: RepoScan) -> None:
    assert 12 in lines(py_scan, Kind.LLM_CALL, "desk/views.py")  # summarizer: Summarizer
    assert wrappers(py_scan, Kind.LLM_CALL) == {"OpenAISummarizer.summarize"}  # EchoSummarizer sends nothing


def test_a_call_through_an_interface_or_a_factorys_declared_type_is_a_call_site(ts_scan: RepoScan) -> None:
    llm = lines(ts_scan, Kind.LLM_CALL, "src/digest.ts")
    assert 5 in llm  # completer: Completer (a parameter typed by the interface)
    assert 11 in llm  # const completer = CompleterFactory.build() returning Completer | null
    assert "OpenAICompleter.complete" in wrappers(ts_scan, Kind.LLM_CALL)


# --- higher-order functions and lazy imports --------------------------------------------------


def test_a_sender_built_by_a_higher_order_function_and_imported_lazily(ts_scan: RepoScan) -> None:
    assert "sendDigestEmail" in wrappers(ts_scan, Kind.EMAIL_SEND)
    assert 13 in lines(ts_scan, Kind.EMAIL_SEND, "src/digest.ts")  # `await import("./mail")` then the call


# --- in-house trackers -------------------------------------------------------------------------


def test_a_tracker_that_stores_or_forwards_an_event_is_a_wrapper(py_scan: RepoScan) -> None:
    tracked = lines(py_scan, Kind.EVENT_TRACKING, "desk/usage.py")
    assert {11, 15, 16} <= tracked  # record_event (stores a UsageEvent), track_event and its POST
    assert 12 not in tracked  # the row insert is the tracker's body, not a touchpoint of its own
    assert {8, 9} <= lines(py_scan, Kind.EVENT_TRACKING, "desk/views.py")


def test_logging_and_audit_trails_are_not_product_analytics(py_scan: RepoScan) -> None:
    assert not lines(py_scan, Kind.EVENT_TRACKING, "desk/usage.py") & {19, 20, 23, 24}  # log_event, record_audit_event
    assert not lines(py_scan, Kind.EVENT_TRACKING, "desk/views.py") & {10, 11}  # their calls


def test_a_tracker_forwarding_through_a_debounced_helper(ts_scan: RepoScan) -> None:
    tracked = lines(ts_scan, Kind.EVENT_TRACKING, "src/recordEvent.ts")
    assert {9, 12} <= tracked  # axios.post inside the debounced flush; recordEvent the wrapper
    assert 6 not in tracked and 14 not in tracked  # the helper is plumbing, not a wrapper
    assert 14 in lines(ts_scan, Kind.EVENT_TRACKING, "src/digest.ts")


@pytest.mark.parametrize("name", ["record_event", "trackEvent", "captureUsageEvent", "Resource.record_event"])
def test_tracker_names(name: str) -> None:
    assert is_tracker_name("app/usage.py", name)


@pytest.mark.parametrize(("path", "name"), [
    ("app/usage.py", "logEvent"), ("app/usage.py", "record_audit_event"), ("app/audit.py", "record_event"),
    ("app/usage.py", "recorder"), ("app/usage.py", "track"), ("app/tracing.ts", "recordEvent"),
])
def test_names_that_are_not_trackers(path: str, name: str) -> None:
    assert not is_tracker_name(path, name)


def test_a_task_on_a_mail_queue_is_a_wrapper_and_other_tasks_are_not(py_scan: RepoScan) -> None:
    mail = wrappers(py_scan, Kind.EMAIL_SEND)
    assert "send_digest" in mail and "send_report" not in mail  # @shared_task(queue="emails") vs "default"
    assert 17 in lines(py_scan, Kind.EMAIL_SEND, "desk/tasks.py")  # send_digest.delay(...) is a call site


def test_a_command_line_command_is_no_wrapper(py_scan: RepoScan) -> None:
    assert "invite" not in wrappers(py_scan, Kind.EMAIL_SEND)  # @click.command: a person runs it
    assert lines(py_scan, Kind.EMAIL_SEND, "desk/cli.py") == {8}  # the send inside is the touchpoint
