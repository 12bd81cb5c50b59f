"""The quick loop (`pytest -m "not toolchain"`) starts no process: conftest refuses one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def test_an_unmarked_test_cannot_start_a_process() -> None:
    with pytest.raises(RuntimeError, match=r"without @pytest\.mark\.toolchain") as refused:
        subprocess.run([sys.executable, "--version"], capture_output=True, check=False)
    assert "test_an_unmarked_test_cannot_start_a_process" in str(refused.value)
    with pytest.raises(RuntimeError, match="started a process"):
        os.system("true")


@pytest.mark.toolchain
def test_a_marked_test_can() -> None:
    done = subprocess.run([sys.executable, "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("Python 3")
