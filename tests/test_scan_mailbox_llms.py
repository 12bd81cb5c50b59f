"""Library APIs added for issue 12, class 2: Gmail API sends and llama_index LLM classes.

`mailbox_llms` is a small app written for these tests: a Python module calling llama_index
LLMs and a TypeScript module sending mail and saving drafts through the Gmail API.
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
    return scan_repo(FIXTURES / "mailbox_llms", use_cache=False)


def test_llama_index_llm_methods_are_llm_calls(scan: RepoScan) -> None:
    calls = at(scan, Kind.LLM_CALL, "app/summarize.py")
    assert {7, 12} <= set(calls)  # llm.complete(...) on Ollama, await llm.achat(...) on OpenAILike
    assert {calls[7].provider, calls[12].provider} == {"llama-index"}


def test_gmail_api_sends_and_drafts_are_email_sends(scan: RepoScan) -> None:
    sends = at(scan, Kind.EMAIL_SEND, "web/send.ts")
    assert {5, 10} <= set(sends)  # users.messages.send, users.drafts.create
    assert sends[5].provider == "gmail"


def test_chat_with_tools_on_an_injected_llm_is_an_llm_call(scan: RepoScan) -> None:
    calls = at(scan, Kind.LLM_CALL, "app/summarize.py")
    assert 21 in calls and calls[21].provider == "llama-index"  # self.llm.chat_with_tools(...)
