"""A broken config file is one line naming the file and the problem in every command that
loads settings; doctor warns about unknown keys and about a key others can read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_doctor import Run, new_user_env, run_in_process, run_subprocess

EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "pulseboard-ts")
COMMANDS = [("doctor",), ("collections",), ("ask", EXAMPLE, "propose"), ("schema", EXAMPLE, "--create")]
BROKEN = {
    "not UTF-8": (b"personize_secret_key = \"sk_test_\xff\xfe\"\n", "is not UTF-8 text"),
    "not TOML": (b"personize_base_url = [unterminated\n", "is not valid TOML"),
}


def one_line_naming(run: Run, config: Path, problem: str) -> bool:
    lines = [line for line in run.text.splitlines() if str(config) in line and problem in line]
    return "Traceback" not in run.text and len(lines) == 1


@pytest.mark.parametrize("broken", sorted(BROKEN))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_broken_config_is_one_line_naming_the_file(
    broken: str, command: tuple[str, ...], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    content, problem = BROKEN[broken]
    config = tmp_path / "config.toml"
    config.write_bytes(content)
    for name in [k for k in os.environ if k.startswith(("PERSONIZE", "ANTHROPIC"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CONFIG", str(config))
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PERSONIZE_ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    run = run_in_process(monkeypatch, capsys, *command)
    assert run.code in (1, 2)
    assert one_line_naming(run, config, problem), run.text


@pytest.mark.toolchain
def test_unknown_keys_are_named_in_a_warning(tmp_path: Path) -> None:
    env = new_user_env(tmp_path)
    Path(env["PERSONIZE_ASSISTANT_CONFIG"]).write_text('personize_secret_kee = "x"\nmodle = "y"\n')
    doctor = run_subprocess(env, "doctor")
    warned = [line for line in doctor.out.splitlines() if line.startswith("warn")]
    assert len(warned) == 1 and "unknown settings ignored: modle, personize_secret_kee" in warned[0]
    assert "unknown settings" not in doctor.err  # said once, as the check, not again on stderr
    collections = run_subprocess(env, "collections")
    assert "unknown settings ignored: modle, personize_secret_kee" in collections.err


@pytest.mark.toolchain
def test_doctor_warns_about_a_readable_config_holding_a_key(tmp_path: Path) -> None:
    env = new_user_env(tmp_path, PERSONIZE_BASE_URL="http://127.0.0.1:9")
    config = Path(env["PERSONIZE_ASSISTANT_CONFIG"])
    config.write_text('personize_secret_key = "sk_test_Readable123"\n')
    config.chmod(0o644)
    readable = run_subprocess(env, "doctor")
    assert any(line.startswith("warn") and "others can read it" in line for line in readable.out.splitlines())
    assert "sk_test_Readable123" not in readable.text
    config.chmod(0o600)
    private = run_subprocess(env, "doctor")
    assert "others can read it" not in private.text
