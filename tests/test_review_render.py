"""REVIEW renderers: markdown, JSON and SARIF 2.1.0 (GitHub's required subset)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from personize_assistant.actions.review import render
from personize_assistant.actions.review.model import ReviewArtifact
from personize_assistant.actions.review.rules import rules_from_meta
from personize_assistant.content import load_library
from tests.test_review_support import TS_HEAD, review_files
from tests.test_scan_render import GITHUB_REQUIRED

LEAKY = "sk_live_Zq81mPkw0XfT3vRb"

FLAWED = {
    "app/api/signup/route.ts": """import { remember } from '../../../src/lib/personize';
export async function POST(request: Request) {
  const body = await request.json();
  await remember(body.email);
  return Response.json({ ok: true });
}
""",
    "src/lib/personize.ts": """import { Personize } from '@personize/sdk';
const client = new Personize({ secretKey: '""" + LEAKY + """' });
export async function remember(email: string) {
  await client.memory.memorize({ email, content: 'signed up' });
}
export async function syncAll(users: { email: string }[]) {
  for (const u of users) {
    await client.memory.memorize({ email: u.email, content: 'x', enhanced: false });
  }
}
""",
}


@pytest.fixture(scope="module")
def flawed(tmp_path_factory: pytest.TempPathFactory) -> ReviewArtifact:
    return review_files(tmp_path_factory.mktemp("flawed"), FLAWED)


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> ReviewArtifact:
    return review_files(tmp_path_factory.mktemp("empty"), {"src/app.ts": "export const x = 1;\n"})


@pytest.fixture(scope="module")
def sarif(flawed: ReviewArtifact) -> dict[str, object]:
    return render.render_sarif(flawed, rules_from_meta(load_library().review.meta))


def test_no_rendering_leaks_the_key(flawed: ReviewArtifact, sarif: dict[str, object]) -> None:
    assert "hardcoded_key" in {f.rule for f in flawed.findings}
    outputs = [render.render_markdown(flawed), json.dumps(render.to_json(flawed)), json.dumps(sarif)]
    for text in outputs:
        assert LEAKY not in text
        assert "sk_live_" not in text or "[REDACTED]" in text


def test_sarif_meets_githubs_required_subset(sarif: dict[str, object]) -> None:
    jsonschema.validate(sarif, GITHUB_REQUIRED)
    assert sarif["version"] == "2.1.0"


def test_sarif_has_one_rule_per_check_with_levels_from_severity(sarif: dict[str, object]) -> None:
    run = sarif["runs"][0]  # type: ignore[index]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    known = rules_from_meta(load_library().review.meta)
    assert len(ids) == len(set(ids)) == len(known)
    levels = {r["id"].split("/")[-1]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["unhandled_error"] == "error"
    assert levels["blocking_request_path"] == "warning"
    assert levels["untouched_touchpoint"] == "note"
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}


def test_sarif_locations_are_repo_relative_with_related_callers(sarif: dict[str, object]) -> None:
    results = sarif["runs"][0]["results"]  # type: ignore[index]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"src/lib/personize.ts"}
    unhandled = next(r for r in results if r["ruleId"].endswith("/unhandled_error"))
    related = unhandled["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "app/api/signup/route.ts"
    assert related["region"]["startLine"] == 4


def test_sarif_fingerprints_ignore_the_line(flawed: ReviewArtifact) -> None:
    rules = rules_from_meta(load_library().review.meta)
    moved = flawed.model_copy(deep=True)
    for finding in moved.findings:
        finding.line += 3
        finding.end_line += 3
    before = [r["partialFingerprints"] for r in render.render_sarif(flawed, rules)["runs"][0]["results"]]
    after = [r["partialFingerprints"] for r in render.render_sarif(moved, rules)["runs"][0]["results"]]
    assert before == after


def test_markdown_has_summary_areas_and_fixes(flawed: ReviewArtifact) -> None:
    md = render.render_markdown(flawed)
    assert md.startswith("# Personize integration review")
    assert f"**Score:** {flawed.score}/100" in md
    assert "## Areas" in md and "| Graceful degradation | FAIL |" in md
    assert "### 1. high" in md
    assert "```ts" in md  # a fix in the file's language
    assert "`app/api/signup/route.ts:4` (unguarded caller)" in md


def test_json_round_trips_into_the_artifact(flawed: ReviewArtifact) -> None:
    data = render.to_json(flawed)
    assert data["summary"]["worst"] == "high"
    data.pop("summary")
    again = ReviewArtifact.model_validate(data)
    assert [f.rule for f in again.findings] == [f.rule for f in flawed.findings]


def test_no_integration_report(empty: ReviewArtifact, sarif: dict[str, object]) -> None:
    md = render.render_markdown(empty)
    assert "No Personize integration found" in md
    assert "personize-assistant plan" in md and "personize-assistant scan" in md  # nothing to propose yet
    log = render.render_sarif(empty, rules_from_meta(load_library().review.meta))
    jsonschema.validate(log, GITHUB_REQUIRED)
    assert log["runs"][0]["results"] == []


def test_wrapped_promises_and_callbacks_count_as_handled(tmp_path: Path) -> None:
    """The shapes WIRE generates: a timeout wrapper with .catch, Promise.all inside a
    callback whose result is awaited in a try, .then(...).catch(...)."""
    code = TS_HEAD + """
const withTimeout = <T,>(p: Promise<T>, ms: number) => p;
const limited = <T,>(fn: () => Promise<T>) => fn();
export function remember(email: string) {
  void withTimeout(client.memory.memorize({ email, content: 'x', enhanced: true }), 3000)
    .catch(() => undefined);
}
async function generate(email: string) {
  const [rules, digest] = await Promise.all([
    client.ai.smartGuidelines({ message: 'tone', mode: 'fast' }),
    client.memory.smartDigest({ email, token_budget: 1500 }),
  ]);
  return [rules, digest];
}
export async function personalize(email: string) {
  try {
    return await withTimeout(limited(() => generate(email)), 3000);
  } catch {
    return null;
  }
}
export function digestFor(email: string) {
  return withTimeout(client.memory.smartDigest({ email, token_budget: 500 }), 3000)
    .then((r) => r)
    .catch(() => null);
}
"""
    artifact = review_files(tmp_path, {"src/lib/wiring.ts": code})
    assert artifact.integration.calls == {"memorize": 1, "smartDigest": 2, "smartGuidelines": 1}
    assert "unhandled_error" not in {f.rule for f in artifact.findings}
