"""`personize-assistant client`: the standalone client a Python plan tells users to vendor.

The plan used to copy it with `python -c "import personize_assistant..."`, which fails
whenever the tool is installed with pipx/uv outside the project's environment.
"""

from __future__ import annotations

import py_compile
from pathlib import Path

from typer.testing import CliRunner

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.plan.action import build_plan
from personize_assistant.actions.plan.artifact import render_markdown
from personize_assistant.cli import app
from personize_assistant.personize import client as client_module
from tests.planning_support import django_scan, planning_library


def test_client_command_writes_the_standalone_module(tmp_path: Path) -> None:
    target = tmp_path / "pkg" / "personize_client.py"
    result = CliRunner().invoke(app, ["client", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == Path(client_module.__file__ or "").read_text(encoding="utf-8")
    py_compile.compile(str(target), doraise=True)


def test_python_plans_vendor_the_client_with_the_cli() -> None:
    library = planning_library()
    scan = django_scan()
    text = render_markdown(build_plan(scan, prefill_from_scan(scan, library), library))
    assert "personize-assistant client -o tallybook/personize_client.py" in text
    assert "import personize_assistant" not in text
