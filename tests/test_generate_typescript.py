"""Generated TypeScript type-checks with `tsc --noEmit --strict` against the SDK declaration.

Every channel's function is generated into one folder and checked by a single tsc run; a
deliberately broken copy in the same run proves the check can fail. The email function is
also compiled and run under Node against the loopback imitation (through the SDK shim).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.personize_fixtures import personize_server as personize_server
from tests.support.personize_imitation import PersonizeImitation
from tests.test_generate_cases import CASES, generate_case, make_scan
from tests.typescript.typecheck import SDK_SHIM, TscResult, compile_to_js, tsc_available, typecheck

pytestmark = pytest.mark.toolchain  # tsc checks and compiles the generated code; node runs it


@dataclass
class Batch:
    files: dict[str, Path]
    broken: Path
    result: TscResult


@pytest.fixture(scope="session")
def ts_batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    if not tsc_available():
        pytest.fail("TypeScript is missing: run `npm ci --prefix tests/typescript`")
    base = tmp_path_factory.mktemp("generate-ts")
    scan = make_scan(base / "app", "ts")
    out = base / "out"
    out.mkdir()
    files = {}
    for case in CASES:
        artifact = generate_case(scan, case, "ts")
        files[case.name] = out / f"{case.name}.ts"
        files[case.name].write_text(artifact.code, encoding="utf-8")
        for helper in artifact.helper_files:  # the runtime helper, beside the function
            (out / Path(helper.path).name).write_text(helper.content, encoding="utf-8")
    assert (out / "personize-wiring.ts").is_file()
    broken = out / "broken.ts"
    # A misspelt SDK option must fail: the declaration has no index signatures.
    broken.write_text(files["email"].read_text().replace("token_budget:", "tokenBudgett:"), encoding="utf-8")
    return Batch(files, broken, typecheck([*files.values(), broken, out / "personize-wiring.ts"], base))


@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_generated_typescript_type_checks(ts_batch: Batch, name: str) -> None:
    assert ts_batch.result.errors_in(ts_batch.files[name]) == [], ts_batch.result.output


def test_the_check_catches_a_wrong_sdk_option(ts_batch: Batch) -> None:
    errors = ts_batch.result.errors_in(ts_batch.broken)
    assert errors and any("tokenBudgett" in e for e in errors)


def test_typescript_uses_the_sdk_and_the_documented_call_order(ts_batch: Batch) -> None:
    code = ts_batch.files["email"].read_text()
    assert "from '@personize/sdk'" in code
    order = [code.index(call) for call in ("ai.smartGuidelines(", "await assembleContext(", "ai.prompt(")]
    assert order == sorted(order)
    assert "token_budget: DIGEST_TOKEN_BUDGET" in code and "minScore: RECALL_MIN_SCORE" in code
    assert "evaluate: true" in code and "evaluationCriteria: EVALUATION_CRITERIA" in code
    assert "export interface CustomerFacts" in code and "full_name?: string | null;" in code


DRIVER = """
const { Personize } = require('@personize/sdk');
const generated = require(process.argv[2]);
const client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY });
generated[process.argv[3]](client, JSON.parse(process.argv[4]), process.argv[5]).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => { console.error(error.message); process.exit(1); },
);
"""


@pytest.fixture(scope="session")
def compiled_email(ts_batch: Batch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated email function as CommonJS; `@personize/sdk` resolves to the test shim."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is missing: install Node 18+")
    base = tmp_path_factory.mktemp("generate-js")
    source = base / "src" / "email.ts"
    source.parent.mkdir()
    source.write_text(ts_batch.files["email"].read_text(), encoding="utf-8")
    helper = source.with_name("personize-wiring.ts")
    helper.write_text(ts_batch.files["email"].with_name("personize-wiring.ts").read_text(), encoding="utf-8")
    result = compile_to_js([source, helper], base / "src", base / "js")
    assert result.returncode == 0, result.stdout + result.stderr
    (base / "js" / "driver.js").write_text(DRIVER, encoding="utf-8")
    return base / "js"


def test_generated_typescript_runs_against_the_imitation(
    compiled_email: Path, personize_server: PersonizeImitation
) -> None:
    personize_server.controls.script_prompt(
        '<output name="subject">Seats for Berlin</output>\n'
        "body_html: <p>Hi Ana, 12 seats renew Friday. Take 20% off.</p>\n"
        "BODY_TEXT:   Hi Ana, 12 seats renew Friday.  "
    )
    recipient = {"email": "ana@acme.io", "full_name": "Ana Ruiz", "seats": 12}
    env = {"PERSONIZE_SECRET_KEY": personize_server.key, "PERSONIZE_BASE_URL": personize_server.url,
           "NODE_PATH": str(SDK_SHIM), "PATH": "/usr/local/bin:/usr/bin:/bin"}
    done = subprocess.run(
        ["node", str(compiled_email / "driver.js"), str(compiled_email / "email.js"), "generateRenewalEmail",
         json.dumps(recipient), "renewal reminder"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["subject"], result["bodyText"]) == ("Seats for Berlin", "Hi Ana, 12 seats renew Friday.")
    assert result["problems"] == []
    assert "REVIEW SUGGESTED: pricing content (% off)" in result["review"]
    assert 'REVIEW SUGGESTED: possible invention: "20%" is not in the context' in result["review"]
    assert result["sendable"] is False and result["score"] == pytest.approx(0.8)
    paths = [r.path.rsplit("/", 1)[1] for r in personize_server.requests]
    assert paths[0] == "smart-guidelines" and paths[-1] == "prompt"
    digest = personize_server.requests_for("/api/v1/smart-memory-digest", "POST")[0].body
    assert digest["token_budget"] == 2000 and digest["type"] == "Contact"
