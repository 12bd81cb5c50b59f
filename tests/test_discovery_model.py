"""The Discovery model: provenance, completeness, answers files, prefill from a scan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import (
    OUTPUT_FIELDS,
    Discovery,
    Fact,
    answers_from_mapping,
    load_answers,
    prefill_from_scan,
)
from personize_assistant.errors import UsageError
from tests.planning_support import django_scan, planning_library, prisma_scan


def test_output_fields_match_the_discover_reference() -> None:
    meta = planning_library().discover.meta
    assert tuple(f.id for f in meta.fields) == OUTPUT_FIELDS


def test_assumed_facts_never_count_as_known() -> None:
    discovery = Discovery(
        product=Fact(value="Survey tool", source="user"),
        surfaces=Fact(value=["web_app"], source="scan"),
        quick_win=Fact(value="welcome email", source="assumed"),
        data_sources=Fact(value=[], source="scan"),
    )
    assert discovery.known_fields() == ["product", "surfaces"]
    assert "quick_win" in discovery.missing_fields()
    assert "data_sources" in discovery.missing_fields()  # an empty value is not knowledge
    assert discovery.assumed_fields() == ["quick_win"]


def test_completeness_uses_the_threshold() -> None:
    facts = {name: {"value": "x" if name in ("product", "priority_channel", "quick_win") else ["x"],
                    "source": "user"} for name in OUTPUT_FIELDS[:6]}
    discovery = Discovery.model_validate(facts)
    assert discovery.is_complete(min_known_fields=6)
    assert not discovery.is_complete(min_known_fields=7)


def test_user_answers_win_over_scan_and_assumptions() -> None:
    scanned = Discovery(surfaces=Fact(value=["web_app"], source="scan"),
                        priority_channel=Fact(value="email", source="assumed"))
    answers = Discovery(surfaces=Fact(value=["mobile"], source="user"),
                        priority_channel=Fact(value="sms", source="user"))
    merged = scanned.merged_with(answers)
    assert merged.value("surfaces") == ["mobile"]
    assert merged.value("priority_channel") == "sms"
    # ...and an assumption never overwrites what the scan found
    assert answers.merged_with(Discovery(surfaces=Fact(value=["x"], source="assumed"))).value("surfaces") == ["mobile"]


def test_load_answers_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = tmp_path / "answers.yaml"
    yaml_file.write_text("product: NPS surveys for B2B teams\nsurfaces: web_app, notifications\n"
                         "plan_tier: Pro\ndaily_volume: 1200\nquick_win:\n  value: weekly digest\n")
    discovery = load_answers(yaml_file)
    assert discovery.value("surfaces") == ["web_app", "notifications"]
    assert discovery.value("plan_tier") == "pro"
    assert discovery.value("daily_volume") == 1200
    assert discovery.fact("quick_win") == Fact(value="weekly digest", source="user")

    json_file = tmp_path / "answers.json"
    json_file.write_text(json.dumps({"priority_channel": "email"}))
    merged = load_answers(json_file, base=discovery)
    assert merged.value("priority_channel") == "email"
    assert merged.value("product") == "NPS surveys for B2B teams"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("prodcut: typo\n", r"unknown discovery field prodcut \(did you mean product\?\)$"),
        ("prodct: typo\nchanel: sms\n", r"fields chanel, prodct \(did you mean product\?\); expected some of product"),
        ("1: odd\n", r"unknown discovery field 1; expected some of"),
        ("- a list\n", "expected a mapping"),
        ("product: [unclosed\n", "not valid YAML"),
        ("plan_tier: platinum\n", "plan_tier"),
        ("daily_volume: lots\n", "daily_volume"),
    ],
)
def test_bad_answers_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(content)
    with pytest.raises(UsageError, match=message) as info:
        load_answers(path)
    assert "\n" not in str(info.value)


def test_missing_answers_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read answers file"):
        load_answers(tmp_path / "nope.yaml")


def test_answers_from_mapping_accepts_empty_values() -> None:
    assert answers_from_mapping({"product": None}).known_fields() == []


def test_prefill_reads_what_the_code_says() -> None:
    discovery = prefill_from_scan(prisma_scan(), planning_library())
    assert discovery.value("entity_types") == ["User", "Workspace", "Subscription", "Response", "ApiToken"]
    assert set(discovery.value("surfaces")) == {"notifications", "customer_success", "web_app"}
    assert "Stripe webhooks" in discovery.value("data_sources")
    assert any("Prisma" in s or "prisma" in s for s in discovery.value("data_sources"))
    assert any("summarizeResponses" in p for p in discovery.value("current_personalization"))
    assert "nextjs" in discovery.value("tech_stack")
    for name in ("entity_types", "surfaces", "data_sources", "key_properties"):
        fact = discovery.fact(name)
        assert fact is not None and fact.source == "scan" and fact.evidence


def test_prefill_key_properties_skip_secrets_and_ids() -> None:
    keys = prefill_from_scan(prisma_scan(), planning_library()).value("key_properties")
    assert "User.email" in keys and "Workspace.plan" in keys
    assert not [k for k in keys if k.endswith((".id", ".passwordHash", "Id"))]
    django_keys = prefill_from_scan(django_scan(), planning_library()).value("key_properties")
    assert "Customer.api_key" not in django_keys
    assert "Customer.lifecycle_stage" in django_keys


def test_prefill_leaves_judgement_fields_to_the_user() -> None:
    discovery = prefill_from_scan(django_scan(), planning_library())
    assert {"product", "governance_needs", "priority_channel", "quick_win"} <= set(discovery.missing_fields())
    assert not discovery.is_complete(planning_library().discover.meta.min_known_fields)


def test_discovery_renders_with_provenance_and_open_questions() -> None:
    from personize_assistant.actions.discover.render import render_markdown, to_json

    library = planning_library()
    discovery = prefill_from_scan(prisma_scan(), library).merged_with(
        answers_from_mapping({"product": "NPS surveys"}))
    text = render_markdown(discovery, library.discover.meta)
    assert "| product | NPS surveys | answered |" in text
    assert "| entity_types | User, Workspace, Subscription, Response, ApiToken | from the code |" in text
    assert "- **quick_win**:" in text and "- **product**" not in text
    data = to_json(discovery)
    assert "quick_win" in data["missing"] and data["fields"]["product"]["source"] == "user"


@pytest.mark.parametrize(
    ("content", "expected"),
    [("priority_channel: 5\n", "priority_channel: Input should be a valid string (got 5)"),
     ("surfaces: 5\n", "surfaces: Input should be a valid list (got 5)")],
)
def test_wrong_types_name_the_field_as_the_user_wrote_it(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(content)
    with pytest.raises(UsageError) as info:
        load_answers(path)
    assert str(info.value) == f"{path}: {expected}"
