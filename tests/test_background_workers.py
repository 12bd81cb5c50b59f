"""Workers started under the UI stay out of its way: quiet, and lower in CPU priority."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from personize_assistant.scan.engine import BACKGROUND_NICENESS, quiet_stdio


def _niceness() -> int:
    return os.nice(0)


@pytest.mark.toolchain
@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities on this platform")
def test_a_ui_worker_yields_the_cpu_to_the_ui() -> None:
    here = os.nice(0)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=quiet_stdio) as pool:
        there = pool.submit(_niceness).result(timeout=60)
    assert there == min(19, here + BACKGROUND_NICENESS)
    assert os.nice(0) == here  # the UI's own priority is untouched
