"""The shipped skill library loads, is typed, and its cross-references resolve."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from personize_assistant.content import Library, load_library, loader, models
from personize_assistant.content.models import (
    DISCOVERY_FIELDS,
    LOOP_ORDER,
    DiscoverMeta,
    GenerateMeta,
    PlanMeta,
    ProposeMeta,
    ReviewMeta,
    SchemaMeta,
    WireMeta,
)
from personize_assistant.scan.models import Confidence, Kind, Surface

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_checkout_content_is_found_first(library: Library) -> None:
    assert library.root == REPO


def test_load_is_cached(library: Library) -> None:
    assert load_library() is library


def test_typed_accessors_return_typed_meta(library: Library) -> None:
    assert isinstance(library.discover.meta, DiscoverMeta)
    assert isinstance(library.propose.meta, ProposeMeta)
    assert isinstance(library.plan.meta, PlanMeta)
    assert isinstance(library.schema.meta, SchemaMeta)
    assert isinstance(library.generate.meta, GenerateMeta)
    assert isinstance(library.wire.meta, WireMeta)
    assert isinstance(library.review.meta, ReviewMeta)


def test_every_reference_doc_has_a_real_body(library: Library) -> None:
    for action, doc in library.references.items():
        assert len(doc.body.split()) > 150, f"{action}.md body is too thin"
        assert "Body in progress" not in doc.body


def test_every_skill_has_a_body_and_resolving_actions(library: Library) -> None:
    assert set(library.skills) == {"personalization", "data-sync", "entity-memory"}
    for skill in library.skills.values():
        assert len(skill.body.split()) > 80, skill.name
        for action in skill.meta.actions:
            assert action.reference in library.references


def test_personalization_skill_offers_the_seven_actions(library: Library) -> None:
    actions = {a.id: a.reference for a in library.skills["personalization"].meta.actions}
    assert actions == {name: name for name in loader.REFERENCE_META_TYPES}


def test_every_cross_reference_resolves(library: Library) -> None:
    for doc in library.references.values():
        assert set(doc.meta.recipes) <= set(library.recipes)
        assert set(doc.meta.channels) <= set(library.channels)
        assert set(doc.meta.schemas) <= set(library.starter_schemas)
        assert set(doc.meta.prompt_writing) <= set(library.prompt_writing)
    for recipe in library.recipes.values():
        assert set(recipe.channels) <= set(library.channels)


def test_every_recipe_folder_is_a_loaded_recipe(library: Library) -> None:
    folders = {
        p.name
        for p in (REPO / "recipes").iterdir()
        if p.is_dir() and not p.name.startswith(("_", "."))
    }
    assert folders == set(library.recipes)
    for recipe in library.recipes.values():
        assert recipe.variants, recipe.name
        assert all(v.code.strip() for v in recipe.variants.values())


def test_discover_covers_all_eight_fields(library: Library) -> None:
    meta = library.discover.meta
    informed = {field for q in meta.questions() for field in q.informs}
    assert informed == set(DISCOVERY_FIELDS)
    assert meta.min_known_fields == 6
    assert meta.questions_per_turn == 3
    assert any(q.scan_answerable for q in meta.questions())
    assert any(not q.scan_answerable for q in meta.questions())


def test_every_discover_question_stands_on_its_own(library: Library) -> None:
    """Any question may be skipped (the scan answered it), so none may point back at
    another ("those channels", "the above")."""
    back_reference = re.compile(r"\b(those|these|the above|above|that one|same)\b", re.IGNORECASE)
    for question in library.discover.meta.questions():
        assert not back_reference.search(question.text), question.id


def test_content_vocabularies_match_the_scan_contract() -> None:
    assert set(get_args(models.Kind)) == {k.value for k in Kind}
    assert set(get_args(models.Surface)) == {s.value for s in Surface} == set(models.SURFACES)
    assert set(get_args(models.Confidence)) == set(get_args(Confidence))


def test_propose_surfaces_match_scan_surfaces(library: Library) -> None:
    meta = library.propose.meta
    assert [s.id for s in meta.surfaces] == [s.value for s in Surface]
    assert meta.ranking.kind_weight(Kind.EMAIL_SEND) == 1.0
    assert meta.ranking.kind_weight("unknown_kind") == meta.ranking.default_kind_weight
    assert {p.id for p in meta.personas} == {"developer", "product", "sales", "marketing", "cs"}
    assert meta.use_cases_for(Kind.EMAIL_SEND)
    for case in meta.use_cases():
        assert case.before != case.after


def test_plan_budget_arithmetic(library: Library) -> None:
    meta = library.plan.meta
    free = meta.limit_for("free")
    assert free is not None and (free.per_minute, free.per_month) == (60, 10_000)
    assert meta.records_per_minute(1000) == 166
    assert meta.rows_per_batch(60) == 54
    assert meta.rows_per_batch(1000) == 500
    assert meta.rows_per_batch(1000, enterprise=True) == 900
    assert meta.batch.wait_seconds == 62
    assert tuple(step.id for step in meta.loop) == LOOP_ORDER


def test_plan_must_include_patterns_detect_their_item(library: Library) -> None:
    meta = library.plan.meta
    sample = (
        "npm install @personize/sdk, call client.me() and collections.list(), then a "
        "memorizeBatch script; smartGuidelines before prompt. Loop: observe, remember, "
        "recall, reason, plan, decide, generate, act, update, repeat. Run it on a cron "
        "schedule and deliver through SendGrid within the per-minute rate limit.\n"
        "```mermaid\nflowchart LR\n```"
    )
    assert [m.id for m in meta.must_include if not m.satisfied_by(sample)] == []
    assert [m.id for m in meta.must_include if m.satisfied_by("Hello world.")] == []


def test_generate_channel_limits_are_machine_readable(library: Library) -> None:
    meta = library.generate.meta
    email = meta.channel("email")
    subject = email.field("SUBJECT")
    assert subject is not None and subject.max_chars == 80
    assert {"BODY_HTML", "BODY_TEXT"} <= {f.name for f in email.fields if f.required}
    sms_body = meta.channel("sms").field("BODY")
    assert sms_body is not None and sms_body.max_chars == 160
    push = meta.channel("push")
    assert (push.field("TITLE").max_chars, push.field("BODY").max_chars) == (50, 100)  # type: ignore[union-attr]
    slack_body = meta.channel("slack").field("BODY")
    assert slack_body is not None
    assert (slack_body.max_words, slack_body.max_words_by_context["channel_post"]) == (150, 300)
    assert meta.channel("slack").markup == "mrkdwn"
    with pytest.raises(KeyError):
        meta.channel("fax")


def test_generate_placeholders_and_claims_are_detected(library: Library) -> None:
    meta = library.generate.meta

    def flagged(text: str) -> bool:
        return any(re.search(p, text) for p in meta.links.placeholder_patterns)

    assert flagged("https://example.com/start")
    assert flagged("Click {{cta_url}}")
    assert flagged("Read more [link]")
    assert not flagged("https://app.acme.io/reports/42")
    claims = meta.unsupported_claim_patterns
    assert any(re.search(p, "cut churn by 37%") for p in claims)
    assert not any(re.search(p, "Your report for March is ready.") for p in claims)
    assert any(o.lower().startswith("i hope this email") for o in meta.banned_openers)
    assert {t.id for t in meta.review_triggers} >= {"pricing", "legal", "medical", "financial"}
    topics = meta.sensitive_topics("Get 20% off your renewal; ask your doctor about the dosage.")
    assert [t.id for t in topics] == ["pricing", "medical"]
    assert meta.sensitive_topics("Your weekly report is ready.") == []
    assert meta.sensitive_topics("We taxed the cache.") == []  # whole words only


def test_wire_patterns_cover_the_five_integrations(library: Library) -> None:
    meta = library.wire.meta
    assert {p.id for p in meta.patterns} == {
        "wrap",
        "webhook_pipeline",
        "middleware",
        "cron_generate_deliver",
        "queue",
    }
    assert next(p.id for p in meta.patterns_for(Kind.WEBHOOK_HANDLER)) == "webhook_pipeline"
    assert meta.auth.personize_env_var == "PERSONIZE_SECRET_KEY"


def test_review_anti_patterns_fire_on_bad_code_only(library: Library) -> None:
    meta = library.review.meta
    by_id = {p.id: p for area in meta.areas for p in area.anti_patterns}
    bad = "const text = String(result.data || '');"
    good = "const text = result.data?.text ?? '';"
    assert re.search(by_id["string_cast_result"].pattern, bad)
    assert not re.search(by_id["string_cast_result"].pattern, good)
    assert re.search(
        by_id["memorize_without_identifier"].pattern, "memorize({ content: note, tags: ['x'] })"
    )
    assert not re.search(
        by_id["memorize_without_identifier"].pattern, "memorize({ content: note, email })"
    )
    assert re.search(by_id["byok_without_key"].pattern, "ai.prompt({ model: 'x', prompt: p })")
    assert not re.search(by_id["byok_without_key"].pattern, "ai.prompt({ tier: 'pro', prompt: p })")


def test_schema_rules_classify_fields(library: Library) -> None:
    meta = library.schema.meta
    assert meta.rule_for("email").auto_system is False
    notes = meta.rule_for("call_notes")
    assert (notes.auto_system, notes.update) == (True, "append")
    assert meta.rule_for("bio").update == "replace"
    assert meta.rule_for("seats", "Int").id == "structured_fact"


def test_schema_description_rules(library: Library) -> None:
    meta = library.schema.meta
    assert meta.description_problems("job_title", "Job title") != []
    good = "Current role as the person states it, e.g. 'Head of Ops'. Do not infer it from seniority words."
    assert meta.description_problems("job_title", good) == []
    assert "gives no example (e.g. ...)" in meta.description_problems(
        "x", "A long description without any illustration, not useful."
    )


def test_prompt_writing_docs_load(library: Library) -> None:
    assert set(library.prompt_writing) >= {"token-efficiency", "prompt-checklist"}
    for doc in library.prompt_writing.values():
        assert doc.meta.checks and doc.body.strip()


def test_generate_doc_example_passes_its_own_rules(library: Library) -> None:
    meta = library.generate.meta
    block = library.generate.body.split("## A passing email, field by field")[1].split("```")[1]
    fields = dict(re.findall(r"^([A-Z_]+): (.*)$", block, re.MULTILINE))
    email = meta.channel("email")
    assert {f.name for f in email.fields if f.required} <= set(fields)
    subject = email.field("SUBJECT")
    assert subject is not None and subject.max_chars is not None
    assert len(fields["SUBJECT"]) <= subject.max_chars
    assert set(re.findall(r"</?(\w+)", fields["BODY_HTML"])) <= set(email.allowed_html_tags)
    assert not any(re.search(p, block) for p in meta.links.placeholder_patterns)
    assert not any(re.search(p, block) for p in meta.unsupported_claim_patterns)
    assert meta.sensitive_topics(block) == []
    assert not any(fields["BODY_TEXT"].lower().startswith(o.lower()) for o in meta.banned_openers)
