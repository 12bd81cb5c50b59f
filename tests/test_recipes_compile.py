"""Recipes are real code: every pipeline.ts type-checks against the documented SDK surface,
every pipeline.py compiles and passes ruff, the front matter is consistent with the code,
the SDK declaration rejects misuse, and the Python recipes work against the loopback
Personize imitation.
"""

# Pytest fixtures are imported by name and then requested as parameters of the same name.
# ruff: noqa: F811
from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from personize_assistant.scan.models import Kind
from tests.support.personize_fixtures import personize_server  # noqa: F401
from tests.support.personize_imitation import PersonizeImitation
from tests.typescript import typecheck as tc

RECIPES = tc.REPO / "recipes"
RECIPE_DIRS = sorted(
    p for p in RECIPES.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
)
CLIENT_SOURCE = tc.REPO / "personize_assistant" / "personize" / "client.py"
BODY_SECTIONS = ["When to use", "How it works", "How to run", "How to verify"]
EXPECTED = {
    "data-sync",
    "context-assembly",
    "generate-with-guardrails",
    "smart-notification",
    "cold-outreach",
    "meeting-prep",
    "product-usage-alert",
    "webhook-receiver",
    "batch-pipeline",
}


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert match, f"{path}: no YAML front matter"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path}: front matter is not a mapping"
    return meta, match.group(2)


def sdk_surface() -> set[str]:
    """`namespace.method` names (and top-level `me`, `test`) declared in personize-sdk.d.ts."""
    source = tc.DECLARATIONS[0].read_text(encoding="utf-8")
    names = {"me", "test"}
    for namespace, interface in [
        ("memory", "MemoryApi"),
        ("ai", "AiApi"),
        ("collections", "CollectionsApi"),
        ("guidelines", "GuidelinesApi"),
        ("agents", "AgentsApi"),
    ]:
        body = re.search(rf"interface {interface} \{{(.*?)\n  \}}", source, re.S)
        assert body, f"{interface} missing from the declaration"
        names |= {f"{namespace}.{m}" for m in re.findall(r"^\s{4}(\w+)\(", body.group(1), re.M)}
    return names


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# --------------------------------------------------------------------------- layout + front matter


def test_every_documented_recipe_exists() -> None:
    assert {d.name for d in RECIPE_DIRS} == EXPECTED


@pytest.mark.parametrize("folder", RECIPE_DIRS, ids=lambda p: p.name)
def test_recipe_front_matter_is_complete_and_consistent(folder: Path) -> None:
    meta, body = front_matter(folder / "recipe.md")
    assert meta["name"] == folder.name
    for key in ("title", "description"):
        assert isinstance(meta[key], str) and meta[key].strip(), key
    assert meta["languages"] == ["ts", "py"]
    assert (folder / "pipeline.ts").is_file() and (folder / "pipeline.py").is_file()
    assert meta["env"][0] == "PERSONIZE_SECRET_KEY"
    assert set(meta["kinds"]) <= {k.value for k in Kind}, meta["kinds"]
    headings = re.findall(r"^## (.+)$", body, re.M)
    assert headings == BODY_SECTIONS


@pytest.mark.parametrize("folder", RECIPE_DIRS, ids=lambda p: p.name)
def test_declared_sdk_methods_exist_and_are_used_in_both_languages(folder: Path) -> None:
    meta, _ = front_matter(folder / "recipe.md")
    methods = meta["sdk_methods"]
    assert set(methods) <= sdk_surface(), set(methods) - sdk_surface()
    ts = (folder / "pipeline.ts").read_text(encoding="utf-8")
    py = (folder / "pipeline.py").read_text(encoding="utf-8")
    for method in methods:
        *namespace, name = method.split(".")
        ts_pattern = r"\.me\(" if method == "me" else rf"\.{re.escape(method)}\b"
        py_name = ".".join([*namespace, snake(name)])
        py_pattern = r"\.me\(" if method == "me" else rf"\.{re.escape(py_name)}\b"
        assert re.search(ts_pattern, ts), f"{method} declared but not called in pipeline.ts"
        assert re.search(py_pattern, py), f"{py_name} declared but not called in pipeline.py"


@pytest.mark.parametrize("folder", RECIPE_DIRS, ids=lambda p: p.name)
def test_env_vars_in_front_matter_are_the_ones_the_code_reads(folder: Path) -> None:
    meta, _ = front_matter(folder / "recipe.md")
    for language, pattern in (
        ("ts", r"process\.env\.([A-Z0-9_]+)"),
        ("py", r"environ(?:\.get)?\(\s*\"([A-Z0-9_]+)\""),
    ):
        read = set(re.findall(pattern, (folder / f"pipeline.{language}").read_text("utf-8")))
        # The Python client reads PERSONIZE_SECRET_KEY itself.
        read |= {"PERSONIZE_SECRET_KEY"} if language == "py" else set()
        assert read <= set(meta["env"]), f"{language} reads undeclared {read - set(meta['env'])}"


# --------------------------------------------------------------------------- TypeScript

# (valid, invalid) statement pairs: the valid one must compile, the invalid one must not.
# Each pair differs only in the misuse, so the error is known to come from the declaration.
MISUSE: dict[str, tuple[str, str]] = {
    "digest_option_name_and_type": (
        "return client.memory.smartDigest({ email: 'a@b.co', token_budget: 500 });",
        "return client.memory.smartDigest({ email: 'a@b.co', tokenBudget: 'x' });",
    ),
    "digest_unknown_response_field": (
        "return (await client.memory.smartDigest({ email: 'a@b.co' })).data?.compiledContext;",
        "return (await client.memory.smartDigest({ email: 'a@b.co' })).data?.nope;",
    ),
    "digest_needs_an_identifier": (
        "return client.memory.smartDigest({ recordId: 'REC#1', token_budget: 500 });",
        "return client.memory.smartDigest({ type: 'Contact', token_budget: 500 });",
    ),
    "memorize_needs_an_identifier": (
        "return client.memory.memorize({ content: 'c', email: 'a@b.co', tags: ['t'] });",
        "return client.memory.memorize({ content: 'c', tags: ['t'] });",
    ),
    "prompt_or_instructions_not_both": (
        "return client.ai.prompt({ instructions: ['write', { prompt: 'check', maxSteps: 2 }] });",
        "return client.ai.prompt({ prompt: 'p', instructions: ['write'] });",
    ),
    "byok_model_needs_openrouter_key": (
        "return client.ai.prompt({ prompt: 'p', model: 'm', openrouterApiKey: 'k' });",
        "return client.ai.prompt({ prompt: 'p', model: 'm' });",
    ),
    "tier_and_byok_are_exclusive": (
        "return client.ai.prompt({ prompt: 'p', tier: 'pro', evaluate: true });",
        "return client.ai.prompt({ prompt: 'p', tier: 'pro', openrouterApiKey: 'k' });",
    ),
    "direct_recall_needs_type_and_has_no_limit": (
        "return client.memory.recall({ query: 'q', type: 'Contact', email: 'a@b.co' });",
        "return client.memory.recall({ query: 'q', limit: 5 });",
    ),
    "smart_recall_data_may_be_an_array": (
        "const d = (await client.memory.smartRecall({ query: 'q' })).data;\n"
        "  return d && !Array.isArray(d) ? d.results : d;",
        "return (await client.memory.smartRecall({ query: 'q' })).data?.results;",
    ),
    "batch_mapping_needs_real_collection_id": (
        "return client.memory.memorizeBatch({ source: 's', rows: [], mapping: { entityType: "
        "'contact', email: 'email', properties: { n: { sourceField: 'n', collectionId: 'c', "
        "collectionName: 'C', extractMemories: true } } } });",
        "return client.memory.memorizeBatch({ source: 's', rows: [], mapping: { entityType: "
        "'contact', email: 'email', properties: { n: { sourceField: 'n', collectionName: 'C' "
        "} } } });",
    ),
    "collection_list_field_names": (
        "return (await client.collections.list()).data?.actions[0]?.payload.collectionId;",
        "return (await client.collections.list()).data?.actions[0]?.payload.collectionID;",
    ),
    "plan_limits_live_under_plan": (
        "return (await client.me()).data?.plan.limits.maxApiCallsPerMinute;",
        "return (await client.me()).data?.rateLimits;",
    ),
    "search_operator_names": (
        "return client.memory.search({ groups: [{ conditions: [{ field: 'plan', operator: "
        "'EQ', value: 'pro' }] }] });",
        "return client.memory.search({ groups: [{ conditions: [{ field: 'plan', operator: "
        "'equals', value: 'pro' }] }] });",
    ),
    "guideline_section_update_needs_header": (
        "return client.guidelines.update('g1', { value: 'v', updateMode: 'section', "
        "sectionHeader: '## Tone' });",
        "return client.guidelines.update('g1', { value: 'v', updateMode: 'section' });",
    ),
    "smart_guidelines_modes": (
        "return client.ai.smartGuidelines({ message: 'tone', mode: 'deep' });",
        "return client.ai.smartGuidelines({ message: 'tone', mode: 'thorough' });",
    ),
    "retry_after_is_optional": (
        "const wait: number = rateLimit.retryAfterSeconds ?? 60;\n  return wait;",
        "const wait: number = rateLimit.retryAfterSeconds;\n  return wait;",
    ),
    "constructor_needs_secret_key": (
        "return new Personize({ secretKey: 'sk_test_x', maxRetries: 2, timeout: 1000 });",
        "return new Personize({ apiKey: 'sk_test_x' });",
    ),
}

PROBE = """import {{ Personize, RateLimitExceededError }} from '@personize/sdk';
declare const client: Personize;
declare const rateLimit: RateLimitExceededError;
export async function probe(): Promise<unknown> {{
  {statement}
}}
"""


@pytest.fixture(scope="module")
def ts_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("recipes-ts")


@pytest.fixture(scope="module")
def misuse_files(ts_workdir: Path) -> dict[str, tuple[Path, Path]]:
    files = {}
    for name, (good, bad) in MISUSE.items():
        pair = []
        for label, statement in (("ok", good), ("bad", bad)):
            path = ts_workdir / f"probe_{name}_{label}.ts"
            path.write_text(PROBE.format(statement=statement), encoding="utf-8")
            pair.append(path)
        files[name] = (pair[0], pair[1])
    return files


@pytest.fixture(scope="module")
def fenced_ts(ts_workdir: Path) -> list[Path]:
    out = ts_workdir / "fenced"
    out.mkdir()
    return tc.write_fenced(RECIPES.glob("*/recipe.md"), tc.TS_FENCES, ".ts", out)


@pytest.fixture(scope="module")
def tsc_result(
    ts_workdir: Path, misuse_files: dict[str, tuple[Path, Path]], fenced_ts: list[Path]
) -> tc.TscResult:
    """One tsc process for every recipe, every fenced block and every misuse probe."""
    if not tc.tsc_available():
        pytest.fail(tc.INSTALL_HINT)
    probes = [p for pair in misuse_files.values() for p in pair]
    files = [d / "pipeline.ts" for d in RECIPE_DIRS] + fenced_ts + probes
    return tc.typecheck(files, ts_workdir)


@pytest.mark.toolchain
def test_declaration_files_are_valid_typescript(ts_workdir: Path) -> None:
    if not tc.tsc_available():
        pytest.fail(tc.INSTALL_HINT)
    result = tc.check_declarations(ts_workdir)
    assert result.returncode == 0, result.output


@pytest.mark.toolchain
@pytest.mark.parametrize("folder", RECIPE_DIRS, ids=lambda p: p.name)
def test_pipeline_ts_type_checks_strictly(folder: Path, tsc_result: tc.TscResult) -> None:
    assert tc.tsc_available(), tc.INSTALL_HINT
    errors = tsc_result.errors_in(folder / "pipeline.ts")
    assert not errors, "\n".join(errors)


@pytest.mark.toolchain
def test_no_errors_outside_the_misuse_probes(tsc_result: tc.TscResult) -> None:
    stray = {p: e for p, e in tsc_result.errors.items() if not p.name.endswith("_bad.ts")}
    assert not stray, tsc_result.output
    # Errors tsc reports without a file (bad config, missing declaration) also fail the suite.
    unattributed = [line for line in tsc_result.output.splitlines() if line.startswith("error TS")]
    assert not unattributed, tsc_result.output


@pytest.mark.toolchain
def test_fenced_typescript_blocks_in_recipe_docs_compile(
    fenced_ts: list[Path], tsc_result: tc.TscResult
) -> None:
    for path in fenced_ts:
        assert not tsc_result.errors_in(path), tsc_result.output


@pytest.mark.toolchain
@pytest.mark.parametrize("name", sorted(MISUSE))
def test_declaration_rejects_sdk_misuse(
    name: str, misuse_files: dict[str, tuple[Path, Path]], tsc_result: tc.TscResult
) -> None:
    good, bad = misuse_files[name]
    assert not tsc_result.errors_in(good), "\n".join(tsc_result.errors_in(good))
    assert tsc_result.errors_in(bad), f"{bad.name} compiled, but it misuses the SDK"


# --------------------------------------------------------------------------- Python


@pytest.fixture(scope="module")
def python_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("recipes-py")
    fenced = tc.write_fenced(RECIPES.glob("*/recipe.md"), tc.PY_FENCES, ".py", out)
    return [d / "pipeline.py" for d in RECIPE_DIRS] + fenced


def test_python_recipes_compile(python_files: list[Path]) -> None:
    assert tc.python_compile_errors(python_files) == []


@pytest.mark.toolchain
def test_python_recipes_pass_ruff(python_files: list[Path]) -> None:
    result = tc.ruff_check(python_files)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- Python behaviour


@pytest.fixture
def recipe_env(personize_server: PersonizeImitation, tmp_path: Path) -> dict[str, str]:
    """A working directory holding the client as users copy it, and an env pointing at the
    imitation."""
    shutil.copy(CLIENT_SOURCE, tmp_path / "personize_client.py")
    return {
        "PERSONIZE_SECRET_KEY": personize_server.key,
        "PERSONIZE_BASE_URL": personize_server.url,
        "PATH": "/usr/bin:/bin",
    }


def run_recipe(
    name: str, args: list[str], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    script = cwd / f"{name.replace('-', '_')}.py"
    shutil.copy(RECIPES / name / "pipeline.py", script)
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def load_recipe(name: str, directory: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    shutil.copy(CLIENT_SOURCE, directory / "personize_client.py")
    monkeypatch.syspath_prepend(str(directory))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # keep recipes/ and channels/ clean
    monkeypatch.delitem(sys.modules, "personize_client", raising=False)
    spec = importlib.util.spec_from_file_location(
        name.replace("-", "_"), RECIPES / name / "pipeline.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def posts(server: PersonizeImitation, suffix: str) -> list[Any]:
    return [r.body for r in server.requests if r.method == "POST" and r.path.endswith(suffix)]


@pytest.mark.toolchain
def test_data_sync_dry_run_resolves_real_collection_ids(
    personize_server: PersonizeImitation, recipe_env: dict[str, str], tmp_path: Path
) -> None:
    example = RECIPES / "data-sync"
    args = [
        str(example / "rows.example.csv"),
        str(example / "mapping.example.json"),
        "--dry-run",
        "--wait",
        "0",
    ]
    result = run_recipe("data-sync", args, recipe_env, tmp_path)
    assert result.returncode == 0, result.stderr
    paths = [r.path for r in personize_server.requests]
    assert paths.index(next(p for p in paths if p.endswith("/me"))) == 0, "me() must come first"
    (batch,) = posts(personize_server, "/batch-memorize")
    contacts = next(
        a["payload"]["collectionId"]
        for a in personize_server_collections(personize_server)
        if a["payload"]["collectionName"] == "Contacts"
    )
    properties = batch["mapping"]["properties"]
    assert batch["dryRun"] is True and len(batch["rows"]) == 2
    assert {p["collectionId"] for p in properties.values()} == {contacts}
    assert properties["account_notes"]["extractMemories"] is True
    assert properties["job_title"]["extractMemories"] is False
    assert "nothing was written" in result.stderr


def personize_server_collections(server: PersonizeImitation) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{server.url}/api/v1/collections", headers={"Authorization": f"Bearer {server.key}"}
    )
    return list(response.json()["data"]["actions"])


@pytest.mark.toolchain
def test_data_sync_queues_the_rows_for_real(
    personize_server: PersonizeImitation, recipe_env: dict[str, str], tmp_path: Path
) -> None:
    example = RECIPES / "data-sync"
    args = [str(example / "rows.example.csv"), str(example / "mapping.example.json")]
    result = run_recipe("data-sync", args, recipe_env, tmp_path)
    assert result.returncode == 0, result.stderr
    (batch,) = posts(personize_server, "/batch-memorize")
    assert "dryRun" not in batch and batch["chunkSize"] == 1
    assert re.search(r"event evt_\w+", result.stderr), result.stderr


@pytest.mark.toolchain
@pytest.mark.parametrize(
    ("mapping_change", "message"),
    [
        (
            {"properties": {"x": {"sourceField": "title", "collection": "Nope"}}},
            'no collection named "Nope"',
        ),
        (
            {"properties": {"x": {"sourceField": "job", "collection": "Contacts"}}},
            "columns not found",
        ),
    ],
)
def test_data_sync_stops_with_one_line_before_writing(
    personize_server: PersonizeImitation,
    recipe_env: dict[str, str],
    tmp_path: Path,
    mapping_change: dict[str, Any],
    message: str,
) -> None:
    mapping = json.loads((RECIPES / "data-sync" / "mapping.example.json").read_text())
    mapping.update(mapping_change)
    mapping_path = tmp_path / "mapping.json"
    mapping_path.write_text(json.dumps(mapping))
    rows = str(RECIPES / "data-sync" / "rows.example.csv")
    result = run_recipe("data-sync", [rows, str(mapping_path)], recipe_env, tmp_path)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert posts(personize_server, "/batch-memorize") == []


@pytest.mark.toolchain
def test_data_sync_outlasts_a_long_rate_limit_and_retries_the_same_chunk(
    personize_server: PersonizeImitation, recipe_env: dict[str, str], tmp_path: Path
) -> None:
    # Five 429s: the client's own retries (3) run out, the recipe waits and resends the chunk.
    personize_server.controls.rate_limit(5, retry_after=0, path="/api/v1/batch-memorize")
    example = RECIPES / "data-sync"
    args = [str(example / "rows.example.csv"), str(example / "mapping.example.json")]
    result = run_recipe("data-sync", args, recipe_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "rate limited; waiting 0s before retrying this chunk" in result.stderr
    batches = posts(personize_server, "/batch-memorize")
    assert len(batches) == 6 and all(b["rows"] == batches[0]["rows"] for b in batches)


@pytest.mark.toolchain
def test_data_sync_stops_when_the_monthly_quota_is_used(
    personize_server: PersonizeImitation, recipe_env: dict[str, str], tmp_path: Path
) -> None:
    personize_server.controls.rate_limit(None, window="per_month", path="/api/v1/batch-memorize")
    example = RECIPES / "data-sync"
    args = [str(example / "rows.example.csv"), str(example / "mapping.example.json")]
    result = run_recipe("data-sync", args, recipe_env, tmp_path)
    assert result.returncode == 1
    assert "Monthly limit reached" in result.stderr and "Traceback" not in result.stderr
    assert len(posts(personize_server, "/batch-memorize")) == 1


def test_generate_with_guardrails_checks_fields_and_flags_review(
    personize_server: PersonizeImitation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = load_recipe("generate-with-guardrails", tmp_path, monkeypatch)
    personize_server.controls.script_prompt(
        "SUBJECT: " + "A very long subject line " * 4 + "\n"
        "BODY_HTML: <p>Hi Ana,</p><div>Our pricing changed.</div>\n"
        "BODY_TEXT: Hi Ana, our pricing changed.\n"
        "CHANNEL_NOTES: none"
    )
    with recipe.Personize(personize_server.key, base_url=personize_server.url) as client:
        message = recipe.generate_with_guardrails(
            client, "ana@example.com", "email", "announce the new plan"
        )
    assert any("max 80" in p for p in message.problems)
    assert any("disallowed tags: div" in p for p in message.problems)
    assert any("pricing" in r for r in message.review)
    assert "no guidelines matched this task" in message.review
    (prompt,) = posts(personize_server, "/prompt")
    assert prompt["evaluate"] is True and len(prompt["instructions"]) == 3


@pytest.mark.parametrize(
    ("channel", "fields", "expected"),
    [
        ("sms", {"BODY_TEXT": "Your report is ready 🎉"}, "outside GSM-7"),
        ("sms", {"BODY_TEXT": "x" * 161}, "max 160"),
        (
            "push",
            {
                "SUBJECT": "T",
                "BODY_TEXT": "B",
                "BUTTON_LABEL": "Open now please ok",
                "BUTTON_URL": "myapp://reports/1",
            },
            "longer than 3 words",
        ),
        (
            "email",
            {
                "SUBJECT": "Hi",
                "BODY_HTML": '<p><a href="http://acme.io">x</a></p>',
                "BODY_TEXT": "x",
            },
            "link is not https",
        ),
        ("slack", {"BODY_TEXT": "<p>hi</p>"}, "contains HTML"),
    ],
)
def test_channel_rules_catch_violations(
    channel: str,
    fields: dict[str, str],
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recipe = load_recipe("generate-with-guardrails", tmp_path, monkeypatch)
    assert any(expected in p for p in recipe.check_channel(channel, fields))


def test_push_deep_link_and_clean_email_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = load_recipe("generate-with-guardrails", tmp_path, monkeypatch)
    push = {
        "SUBJECT": "Report ready",
        "BODY_TEXT": "3 dashboards changed.",
        "BUTTON_LABEL": "View report",
        "BUTTON_URL": "myapp://reports/1",
    }
    email = {
        "SUBJECT": "Your SSO setup",
        "BODY_TEXT": "SSO is live.",
        "BODY_HTML": '<p>SSO is <b>live</b>: <a href="https://app.acme.io/sso">open</a></p>',
    }
    assert recipe.check_channel("push", push) == []
    assert recipe.check_channel("email", email) == []


@pytest.fixture
def receiver(
    personize_server: PersonizeImitation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ModuleType, str]]:
    recipe = load_recipe("webhook-receiver", tmp_path, monkeypatch)
    client = recipe.Personize(personize_server.key, base_url=personize_server.url)
    server = recipe.Receiver(("127.0.0.1", 0), client, "whsec-test", set())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield recipe, f"http://127.0.0.1:{server.server_address[1]}/events"
    server.shutdown()
    server.server_close()
    client.close()


def signed(body: bytes, secret: str = "whsec-test", timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"X-Timestamp": ts, "X-Signature": f"sha256={digest}"}


def test_webhook_receiver_verifies_memorizes_and_deduplicates(
    receiver: tuple[ModuleType, str], personize_server: PersonizeImitation
) -> None:
    _, url = receiver
    body = json.dumps(
        {"id": "evt_1", "email": "ana@example.com", "event": "renewal_due", "data": {"days": 30}}
    ).encode()
    first = httpx.post(url, content=body, headers=signed(body))
    again = httpx.post(url, content=body, headers=signed(body))
    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json() == {"status": "duplicate"}
    (memorized,) = posts(personize_server, "/memorize")
    assert memorized["email"] == "ana@example.com"
    assert {"webhook", "event:renewal_due"} <= set(memorized["tags"])


@pytest.mark.parametrize("tamper", ["body", "secret", "stale"])
def test_webhook_receiver_rejects_bad_signatures(
    receiver: tuple[ModuleType, str], personize_server: PersonizeImitation, tamper: str
) -> None:
    _, url = receiver
    body = b'{"email": "ana@example.com", "event": "deal_closed"}'
    headers = signed(
        body,
        secret="other" if tamper == "secret" else "whsec-test",
        timestamp=int(time.time()) - 3600 if tamper == "stale" else None,
    )
    sent = body.replace(b"deal", b"meal") if tamper == "body" else body
    assert httpx.post(url, content=sent, headers=headers).status_code == 401
    assert posts(personize_server, "/memorize") == []


def test_webhook_receiver_asks_for_a_retry_when_memory_is_down(
    receiver: tuple[ModuleType, str], personize_server: PersonizeImitation
) -> None:
    _, url = receiver
    personize_server.controls.fail_auth()
    body = b'{"email": "ana@example.com", "event": "deal_closed"}'
    response = httpx.post(url, content=body, headers=signed(body))
    assert response.status_code == 503 and response.headers["Retry-After"] == "60"


# --------------------------------------------------------------------------- TypeScript behaviour

RUNNABLE_TS = [
    "data-sync",
    "context-assembly",
    "generate-with-guardrails",
    "webhook-receiver",
    "smart-notification",
    "cold-outreach",
    "meeting-prep",
    "product-usage-alert",
    "batch-pipeline",
]


@pytest.fixture(scope="module")
def compiled_recipes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runnable TS recipes compiled to JS once; `@personize/sdk` resolves to the shim."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is missing: install Node 18+ to run the TypeScript recipes")
    out = tmp_path_factory.mktemp("recipes-js") / "out"
    files = [RECIPES / name / "pipeline.ts" for name in RUNNABLE_TS]
    files.append(tc.REPO / "channels" / "webhook" / "deliver.ts")
    result = tc.compile_to_js(files, tc.REPO, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def run_js(
    compiled: Path,
    name: str,
    args: list[str],
    server: PersonizeImitation,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {
        "PERSONIZE_SECRET_KEY": server.key,
        "PERSONIZE_BASE_URL": server.url,
        "NODE_PATH": str(tc.SDK_SHIM),
        "PATH": "/usr/local/bin:/usr/bin:/bin",
    }
    return subprocess.run(
        ["node", str(compiled / "recipes" / name / "pipeline.js"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


@pytest.mark.toolchain
def test_ts_data_sync_dry_run_against_the_imitation(
    compiled_recipes: Path, personize_server: PersonizeImitation
) -> None:
    example = RECIPES / "data-sync"
    args = [str(example / "rows.example.csv"), str(example / "mapping.example.json")]
    result = run_js(
        compiled_recipes, "data-sync", [*args, "--dry-run", "--wait", "0"], personize_server
    )
    assert result.returncode == 0, result.stderr
    assert personize_server.requests[0].path.endswith("/me")
    (batch,) = posts(personize_server, "/batch-memorize")
    assert batch["dryRun"] is True and len(batch["rows"]) == 2
    # The CSV reader kept the quoted comma and the doubled quote inside one cell.
    notes = [row["notes"] for row in batch["rows"]]
    assert 'Migrating off a homegrown ETL, wants "fewer moving parts".' in notes
    assert batch["mapping"]["properties"]["account_notes"]["extractMemories"] is True


@pytest.mark.toolchain
def test_ts_data_sync_reports_a_missing_key_in_one_line(
    compiled_recipes: Path, personize_server: PersonizeImitation
) -> None:
    example = RECIPES / "data-sync"
    args = [str(example / "rows.example.csv"), str(example / "mapping.example.json")]
    env = {"NODE_PATH": str(tc.SDK_SHIM), "PATH": "/usr/local/bin:/usr/bin:/bin"}
    result = subprocess.run(
        ["node", str(compiled_recipes / "recipes" / "data-sync" / "pipeline.js"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "[data-sync] failed: set PERSONIZE_SECRET_KEY (sk_live_... or sk_test_...)"
    )


@pytest.mark.toolchain
def test_ts_context_assembly_prints_the_layers(
    compiled_recipes: Path, personize_server: PersonizeImitation
) -> None:
    memorize = {"content": "Ana asked about SSO for 40 seats.", "email": "ana@example.com"}
    httpx.post(
        f"{personize_server.url}/api/v1/memorize",
        json={**memorize, "tags": ["source:test"], "enhanced": True},
        headers={"Authorization": f"Bearer {personize_server.key}"},
    ).raise_for_status()
    result = run_js(
        compiled_recipes, "context-assembly", ["ana@example.com", "SSO follow-up"], personize_server
    )
    assert result.returncode == 0, result.stderr
    assert "## Recipient" in result.stdout
    layers = json.loads(result.stderr.split("layers: ", 1)[1])
    assert layers["contact"] is True and layers["company"] is False


@pytest.mark.toolchain
def test_ts_generate_flags_a_rule_violation_with_exit_code_2(
    compiled_recipes: Path, personize_server: PersonizeImitation
) -> None:
    personize_server.controls.script_prompt(
        "SUBJECT: Hello\nBODY_TEXT: Visit http://acme.io now\nCHANNEL_NOTES: none"
    )
    args = ["li@example.org", "sms", "remind about the trial"]
    result = run_js(compiled_recipes, "generate-with-guardrails", args, personize_server)
    assert result.returncode == 2, result.stderr
    message = json.loads(result.stdout)
    assert message["fields"]["BODY_TEXT"] == "Visit http://acme.io now"
    assert "link is not https: http://acme.io" in message["problems"]


# --------------------------------------------------------------------------- more Python recipes


def api(server: PersonizeImitation, method: str, path: str, **body: Any) -> Any:
    response = httpx.request(
        method,
        f"{server.url}/api/v1{path}",
        json=body or None,
        headers={"Authorization": f"Bearer {server.key}"},
    )
    response.raise_for_status()
    return response.json()["data"]


def seed_usage(server: PersonizeImitation, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Contacts with a `days_since_login` property; returns email -> recordId."""
    contacts = next(
        a["payload"]
        for a in personize_server_collections(server)
        if a["payload"]["collectionName"] == "Contacts"
    )
    mapping = {
        "entityType": "contact",
        "email": "email",
        "properties": {
            "days_since_login": {
                "sourceField": "days",
                "collectionId": contacts["collectionId"],
                "collectionName": "Contacts",
            }
        },
    }
    api(server, "POST", "/batch-memorize", source="test", mapping=mapping, rows=rows)
    server.controls.complete_batches()
    found = api(server, "POST", "/search", type="Contact", returnRecords=True, pageSize=50)
    return {
        found["records"][rid]["email"]["value"]: rid
        for rid in found["recordIds"]
        if "email" in found["records"][rid]
    }


def memorized(server: PersonizeImitation) -> list[dict[str, Any]]:
    return [b for b in posts(server, "/memorize") if isinstance(b, dict)]


Runner = Callable[[str, str, list[str]], "subprocess.CompletedProcess[str]"]
LANGS = pytest.mark.parametrize("lang", ["py", "ts"])


@pytest.fixture
def run(
    request: pytest.FixtureRequest,
    personize_server: PersonizeImitation,
    recipe_env: dict[str, str],
    tmp_path: Path,
) -> Runner:
    """Runs a recipe in either language against the imitation, from the test's directory."""

    def run_in(lang: str, name: str, args: list[str]) -> subprocess.CompletedProcess[str]:
        if lang == "py":
            return run_recipe(name, args, recipe_env, tmp_path)
        compiled: Path = request.getfixturevalue("compiled_recipes")
        return run_js(compiled, name, args, personize_server, cwd=tmp_path)

    return run_in


@pytest.mark.toolchain
@LANGS
def test_smart_notification_sends_and_remembers(
    personize_server: PersonizeImitation, run: Runner, lang: str, tmp_path: Path
) -> None:
    personize_server.controls.script_prompt(
        "SCORE: 75\nREASON: the report covers dashboards she owns\nTITLE: Your report is ready"
        "\nBODY: 3 of your dashboards changed this week.\nURL: https://app.acme.io/reports/1"
    )
    args = ["ana@example.com", "Weekly report ready", "--channel", "push", "--event-type", "report"]
    result = run(lang, "smart-notification", args)
    assert result.returncode == 0, result.stderr
    assert "SEND (score 75)" in result.stderr and "would send" in result.stderr
    (note,) = memorized(personize_server)
    assert note["tags"] == ["notification", "notification:sent", "channel:push", "event:report"]
    assert "Title: Your report is ready" in note["content"]


@pytest.mark.toolchain
@LANGS
def test_smart_notification_defers_a_middling_score_without_sending(
    personize_server: PersonizeImitation, run: Runner, lang: str, tmp_path: Path
) -> None:
    personize_server.controls.script_prompt("SCORE: 45\nREASON: useful but not urgent\nTITLE: NONE")
    result = run(lang, "smart-notification", ["ana@example.com", "New tip"])
    assert result.returncode == 0, result.stderr
    assert "would send" not in result.stderr
    (note,) = memorized(personize_server)
    assert "notification:deferred" in note["tags"]


@pytest.mark.toolchain
@LANGS
def test_cold_outreach_writes_a_checked_draft_and_holds_step_one_for_review(
    personize_server: PersonizeImitation, run: Runner, lang: str, tmp_path: Path
) -> None:
    prospects = tmp_path / "prospects.json"
    prospects.write_text(
        json.dumps([{"email": "li@example.org", "website": "https://example.org"}])
    )
    personize_server.controls.script_prompt(
        "SUBJECT: Fewer moving parts for your ETL\n"
        "BODY_HTML: <p>Hi Li,</p><p>You mentioned wanting fewer moving parts.</p>\n"
        "BODY_TEXT: Hi Li, you mentioned wanting fewer moving parts."
    )
    args = [str(prospects), "--step", "1", "--sequence", "q3", "--out", str(tmp_path / "out.jsonl")]
    result = run(lang, "cold-outreach", [*args, "--deliver"])
    assert result.returncode == 0, result.stderr
    (draft,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert draft["subject"] == "Fewer moving parts for your ETL" and draft["problems"] == []
    assert "first touch: approve the first batch by hand" in draft["review"]
    assert memorized(personize_server) == [], "a draft held for review must not be sent"


@pytest.mark.toolchain
@LANGS
def test_meeting_prep_prints_the_brief_and_notes_each_attendee(
    personize_server: PersonizeImitation, run: Runner, lang: str, tmp_path: Path
) -> None:
    personize_server.controls.script_prompt("*Who*\n- Ana: Head of Data, cares about SSO")
    args = ["--attendee", "ana@example.com", "--attendee", "li@example.org", "--topic", "Renewal"]
    result = run(lang, "meeting-prep", args)
    assert result.returncode == 0, result.stderr
    assert "*Who*" in result.stdout
    notes = memorized(personize_server)
    assert sorted(n["email"] for n in notes) == ["ana@example.com", "li@example.org"]
    assert all(n["tags"] == ["meeting-prep", "meeting:renewal"] for n in notes)


@pytest.mark.toolchain
@LANGS
def test_product_usage_alert_alerts_only_matching_records(
    personize_server: PersonizeImitation, run: Runner, lang: str, tmp_path: Path
) -> None:
    ids = seed_usage(
        personize_server,
        [{"email": "idle@example.com", "days": 20}, {"email": "busy@example.com", "days": 2}],
    )
    personize_server.controls.script_prompt("*what changed*: no login for 20 days")
    args = ["--property", "days_since_login", "--operator", "gt", "--value", "14"]
    result = run(lang, "product-usage-alert", args)
    assert result.returncode == 0, result.stderr
    assert "1 records match days_since_login GT 14" in result.stderr
    assert "*Usage alert* - idle@example.com" in result.stdout
    (alert,) = memorized(personize_server)
    assert alert["recordId"] == ids["idle@example.com"]
    assert alert["tags"] == ["alert", "delivery", "channel:slack", "alert:days_since_login"]


@pytest.mark.toolchain
@LANGS
def test_batch_pipeline_sends_records_once_and_resumes(
    personize_server: PersonizeImitation, run: Runner, lang: str, tmp_path: Path
) -> None:
    ids = seed_usage(
        personize_server,
        [{"email": "idle@example.com", "days": 20}, {"email": "busy@example.com", "days": 2}],
    )
    segment = tmp_path / "segment.json"
    condition = {"field": "days_since_login", "operator": "GT", "value": 14}
    segment.write_text(json.dumps({"type": "Contact", "groups": [{"conditions": [condition]}]}))
    personize_server.controls.script_prompt(
        "SCORE: 80\nDECISION: SEND\nREASON: inactive for 20 days\nSUBJECT: Picking up where you "
        "left off\nBODY_HTML: <p>Your workspace is ready.</p>\nBODY_TEXT: Your workspace is ready."
    )
    state, outbox = tmp_path / "state.json", tmp_path / "outbox.jsonl"
    args = [str(segment), "--goal", "re-engage", "--state", str(state), "--outbox", str(outbox)]
    first = run(lang, "batch-pipeline", args)
    assert first.returncode == 0, first.stderr
    (message,) = [json.loads(line) for line in outbox.read_text().splitlines()]
    assert message["recordId"] == ids["idle@example.com"]
    assert json.loads(state.read_text())["processed"] == [ids["idle@example.com"]]
    (update,) = memorized(personize_server)
    assert update["tags"] == ["delivery", "channel:email", "campaign:re-engage"]
    again = run(lang, "batch-pipeline", args)
    assert again.returncode == 0 and "0 records to process" in again.stderr


SIGNING_CHECK = """
const channel = require(process.argv[1]);
const receiver = require(process.argv[2]);
const [secret, timestamp, body, pythonSignature] = process.argv.slice(3);
const signature = channel.signature(secret, timestamp, body);
console.log(JSON.stringify({
  same: signature === pythonSignature,
  accepted: receiver.verify(secret, timestamp, signature, body),
  tampered: receiver.verify(secret, timestamp, signature, body + ' '),
}));
"""


@pytest.mark.toolchain
def test_webhook_signing_matches_across_languages(
    compiled_recipes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TS channel, the TS receiver and the Python receiver agree on one signature."""
    receiver = load_recipe("webhook-receiver", tmp_path, monkeypatch)
    timestamp, body = str(int(time.time())), '{"email": "ana@example.com", "event": "x"}'
    python_signature = receiver.sign("shared", timestamp, body.encode())
    script = [
        str(compiled_recipes / "channels" / "webhook" / "deliver.js"),
        str(compiled_recipes / "recipes" / "webhook-receiver" / "pipeline.js"),
        "shared",
        timestamp,
        body,
        python_signature,
    ]
    result = subprocess.run(
        ["node", "-e", SIGNING_CHECK, *script],
        capture_output=True,
        text=True,
        env={"NODE_PATH": str(tc.SDK_SHIM), "PATH": "/usr/local/bin:/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"same": True, "accepted": True, "tampered": False}


@pytest.mark.toolchain
def test_ts_data_sync_waits_out_429s_and_resends_the_chunk(
    compiled_recipes: Path, personize_server: PersonizeImitation, tmp_path: Path
) -> None:
    # The stand-in SDK does not retry, so every 429 reaches the recipe's own handling.
    personize_server.controls.rate_limit(2, retry_after=0, path="/api/v1/batch-memorize")
    example = RECIPES / "data-sync"
    args = [str(example / "rows.example.csv"), str(example / "mapping.example.json")]
    result = run_js(compiled_recipes, "data-sync", args, personize_server, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("rate limited; waiting 0s") == 2
    assert len(posts(personize_server, "/batch-memorize")) == 3
