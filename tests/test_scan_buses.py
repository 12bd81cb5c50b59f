"""Deliveries behind event buses, provider registries and in-app rows (issue 12, batch 6).

`buses_ts` and `buses_py` are small apps written for these tests: an in-app notification row
created on a model imported through a tsconfig-style folder alias (`@server/models`), and
more classes added below with their own cases.
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
