"""SCHEMA rules: exclusions, extraction decisions, descriptions, JSON validity, mappings."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.schema.action import (
    PROPERTY_SCHEMA_FILE,
    SchemaOptions,
    app_name_from,
    property_json_schema,
)
from personize_assistant.actions.schema.action import design_schema as _design_schema
from personize_assistant.actions.schema.artifact import SchemaArtifact, render_markdown, to_json
from personize_assistant.actions.schema.rules import description_problems
from personize_assistant.content.library import Library
from personize_assistant.redact import contains_secret
from personize_assistant.scan.models import RepoScan
from tests.planning_support import django_scan, field, model, planning_library, prisma_scan

REFERENCE_SCHEMA = Path("/work/shared/reference-data/property-definition-schema.json")


def design_schema(scan: RepoScan, discovery: Discovery, library: Library) -> SchemaArtifact:
    """The full view: these tests pin per-field rules, not what the proposal focuses on."""
    return _design_schema(scan, discovery, library, SchemaOptions(full=True))


@cache
def designed(which: str) -> SchemaArtifact:
    scan = prisma_scan() if which == "prisma" else django_scan()
    return design_schema(scan, Discovery(), planning_library())


def props(artifact: SchemaArtifact) -> dict[str, dict[str, object]]:
    return {f"{c.source_entity}.{p.source.field if p.source else p.system_name}": p.definition.model_dump(by_alias=True)
            for c in artifact.collections for p in c.properties}


def excluded(artifact: SchemaArtifact) -> dict[str, str]:
    return {f"{e.entity}.{e.field}": e.kind for e in artifact.excluded}


# --- exclusions -----------------------------------------------------------------------


@pytest.mark.parametrize(("which", "name"), [("prisma", "User.passwordHash"), ("django", "Customer.api_key")])
def test_secrets_are_excluded_with_a_reason(which: str, name: str) -> None:
    artifact = designed(which)
    assert excluded(artifact)[name] == "secret"
    assert name not in props(artifact)
    reason = next(e.reason for e in artifact.excluded if f"{e.entity}.{e.field}" == name)
    assert "secret" in reason or "credential" in reason


def test_credential_only_models_are_skipped_entirely() -> None:
    artifact = designed("prisma")
    assert [s.entity for s in artifact.skipped_models] == ["ApiToken"]
    assert artifact.collection("ApiToken") is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [("User.id", "primary_key"), ("Workspace.slackChannelId", "foreign_key"),
     ("User.memberships", "relation"), ("User.updatedAt", "bookkeeping")],
)
def test_ids_foreign_keys_relations_and_bookkeeping_are_excluded(name: str, kind: str) -> None:
    assert excluded(designed("prisma"))[name] == kind


def test_django_foreign_keys_decide_whose_record_it_is() -> None:
    artifact = designed("django")
    note = next(r for r in artifact.records if r.entity == "SupportNote")
    assert (note.owner_entity, note.owner_field) == ("Customer", "customer")
    assert "body" in note.memorized  # free text is memorized about the customer, not a property
    assert excluded(artifact)["Customer.updated_at"] == "bookkeeping"


def test_more_secret_shapes_never_become_properties() -> None:
    secret_fields = ["password", "hashed_password", "resetToken", "refresh_token", "stripeSecretKey",
                     "apiKey", "otp_secret", "mfaSecret", "client_secret", "accessToken", "salt"]
    scan = prisma_scan()
    scan.touchpoints.append(model("Member", "prisma/schema.prisma", 300,
                                  [field("email", "String"), field("nickname", "String?"),
                                   *[field(n, "String?") for n in secret_fields]], "prisma"))
    artifact = design_schema(scan, Discovery(), planning_library())
    kinds = excluded(artifact)
    assert {kinds[f"Member.{n}"] for n in secret_fields} == {"secret"}
    member = artifact.collection("Member")
    assert member is not None and [p.system_name for p in member.properties] == ["email", "nickname"]


# --- extraction decisions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "name", "auto_system", "update"),
    [
        ("prisma", "User.email", False, "replace"),            # identity
        ("prisma", "Workspace.plan", False, "replace"),        # structured enum
        ("prisma", "User.onboardedAt", False, "replace"),      # date
        ("prisma", "User.digestOptIn", False, "replace"),      # boolean
        ("prisma", "Workspace.notes", True, "append"),         # accumulating free text
        ("prisma", "User.jobTitle", True, "replace"),          # current-state free text
        ("django", "Customer.bio", True, "replace"),
        ("django", "Customer.monthly_spend", False, "replace"),
        ("django", "Customer.preferences", False, "replace"),  # JSON stays structured
    ],
)
def test_extraction_and_update_follow_the_rules(which: str, name: str, auto_system: bool, update: str) -> None:
    prop = props(designed(which))[name]
    assert (prop["autoSystem"], prop["updateSemantics"]) == (auto_system, update)


def test_enum_values_become_options() -> None:
    plan = props(designed("prisma"))["Workspace.plan"]
    assert plan["type"] == "options" and plan["options"] == ["FREE", "STARTER", "PRO", "ENTERPRISE"]
    stage = props(designed("django"))["Customer.lifecycle_stage"]
    assert stage["options"] == ["lead", "trial", "customer", "churned"]


def test_a_records_rows_roll_up_onto_its_owner_instead_of_a_collection() -> None:
    artifact = designed("prisma")
    assert artifact.collection("Subscription") is None and artifact.collection("Response") is None
    workspace = artifact.collection("Workspace")
    assert workspace is not None
    rollups = {p.system_name: p.definition for p in workspace.properties if p.rollup is not None}
    assert {"subscription_count", "subscription_total_seats", "latest_subscription_status"} <= set(rollups)
    assert rollups["subscription_count"].type == "number"
    assert rollups["latest_subscription_status"].options == ["TRIALING", "ACTIVE", "PAST_DUE", "CANCELED"]
    # counts and latest values replace; lists accumulate
    assert {rollups[n].update_mode for n in ("subscription_count", "latest_subscription_status")} == {"replace"}
    user = artifact.collection("User")
    assert user is not None
    tags = next(p.definition for p in user.properties if p.system_name == "response_tags")
    assert (tags.type, tags.update_mode) == ("array", "append")
    response = next(r for r in artifact.records if r.entity == "Response")
    assert response.owner_entity == "User" and response.memorized == ["comment"]


# --- collections ------------------------------------------------------------------------


def test_people_and_organisations_map_onto_the_system_entity_types() -> None:
    artifact = designed("prisma")
    user, workspace = artifact.collection("User"), artifact.collection("Workspace")
    assert user is not None and workspace is not None
    assert (user.entity_type, user.identifier_column, user.primary_key_field) == ("Contact", "email", "email")
    assert (workspace.entity_type, workspace.identifier_column, workspace.primary_key_field) == (
        "Company", "websiteUrl", "domain")
    assert user.collection_name == "Pulseboard Users" and user.slug == "user" and user.plural_label == "Users"
    assert user.icon == "User" and workspace.icon == "Building2"
    assert len({c.color for c in artifact.collections}) == len(artifact.collections)


def test_starter_schema_properties_fit_the_product_type() -> None:
    artifact = designed("prisma")
    assert artifact.product_type == "b2b_saas"
    recommended = [p for c in artifact.collections for p in c.properties if p.origin.startswith("starter:")]
    assert recommended and all(p.definition.auto_system for p in recommended)
    assert all(p.source is None for p in recommended)


def test_app_name_comes_from_the_directory() -> None:
    assert app_name_from("/home/me/code/pulseboard-ts") == "Pulseboard"
    assert app_name_from("/srv/tallybook-py/") == "Tallybook"
    assert app_name_from("C:\\\\work\\\\acme_crm") == "Acme Crm"


# --- descriptions -----------------------------------------------------------------------


@pytest.mark.parametrize("which", ["prisma", "django"])
def test_every_description_guides_extraction(which: str) -> None:
    rules = planning_library().schema.meta.description_rules
    for collection in designed(which).collections:
        for prop in collection.properties:
            if prop.source is None:
                continue  # starter-schema text is the library's, checked there
            assert description_problems(prop.definition.name, prop.definition.description, rules) == [], prop.system_name


def test_the_description_check_catches_bad_descriptions() -> None:
    rules = planning_library().schema.meta.description_rules
    assert "only restates the property name" in description_problems("Job Title", "The job title of the user.", rules)
    assert "has no example" in description_problems("Plan", "The plan the workspace pays for; not trials.", rules)
    assert "does not say what is out of scope" in description_problems(
        "Plan", "The plan the workspace pays for, e.g. 'PRO'.", rules)
    assert "shorter than 20 characters" in description_problems("Plan", "Plan e.g. PRO, not", rules)


# --- JSON output -------------------------------------------------------------------------


def shipped_schema() -> dict[str, object]:
    library = planning_library()
    return json.loads((library.root / PROPERTY_SCHEMA_FILE).read_text())


def test_the_shipped_json_schema_is_the_reference_copy() -> None:
    if REFERENCE_SCHEMA.exists():
        assert shipped_schema() == json.loads(REFERENCE_SCHEMA.read_text())


@pytest.mark.parametrize("which", ["prisma", "django"])
def test_every_property_validates_against_the_design_json_schema(which: str) -> None:
    library = planning_library()
    extras = library.schema.meta.extra_property_keys
    plain = jsonschema.Draft202012Validator(shipped_schema())
    extended = jsonschema.Draft202012Validator(property_json_schema(library))
    data = to_json(designed(which))
    for collection in data["collections"]:
        for prop in collection["properties"]:
            assert [e.message for e in extended.iter_errors(prop)] == [], prop["systemName"]
            core = {k: v for k, v in prop.items() if k not in extras}
            assert [e.message for e in plain.iter_errors(core)] == [], prop["systemName"]


def test_the_extended_schema_still_rejects_undocumented_keys() -> None:
    extended = jsonschema.Draft202012Validator(property_json_schema(planning_library()))
    prop = to_json(designed("prisma"))["collections"][0]["properties"][0]
    assert not extended.is_valid({**prop, "propertyName": "Email"})
    assert not extended.is_valid({**prop, "autoSystem": "yes"})


def test_create_bodies_are_the_documented_request_shape() -> None:
    bodies = designed("prisma").create_bodies()
    assert sorted(b["collectionName"] for b in bodies) == ["Pulseboard Users", "Pulseboard Workspaces"]
    for body in bodies:
        assert set(body) == {"collectionName", "definition", "entityType", "properties"}
        for prop in body["properties"]:
            assert {"propertyName", "type", "description", "autoSystem", "update"} <= set(prop)
            assert set(prop) <= {"propertyName", "type", "description", "autoSystem", "update", "options", "tags"}
    workspace = next(b for b in bodies if b["collectionName"] == "Pulseboard Workspaces")
    notes = next(p for p in workspace["properties"] if p["propertyName"] == "Notes")
    assert notes["autoSystem"] is True and notes["update"] is False  # append-only


# --- memorizeBatch mappings ------------------------------------------------------------


def test_mappings_use_real_column_names_and_decide_extraction_per_field() -> None:
    artifact = designed("prisma")
    by_entity = {m.source_entity: m for m in artifact.mappings}
    user = by_entity["User"].request()
    assert user["mapping"]["entityType"] == "contact" and user["mapping"]["email"] == "email"
    props_ = user["mapping"]["properties"]
    assert props_["job_title"]["sourceField"] == "jobTitle" and props_["job_title"]["extractMemories"] is True
    assert "extractMemories" not in props_["onboarded_at"]
    assert by_entity["Workspace"].request()["mapping"]["website"] == "domain"
    assert "Response" not in by_entity  # a record is synced as rollups on its owner
    computed = props_["response_count"]
    assert computed["sourceField"] == "response_count" and "extractMemories" not in computed
    assert any(p.target == "response_count" and "COUNT(Response)" in p.why for p in by_entity["User"].computed)


def test_mappings_take_collection_ids_from_collections_list() -> None:
    mapping = designed("prisma").mappings[0]
    request = mapping.request({"Pulseboard Users": "col_123"})
    assert {p["collectionId"] for p in request["mapping"]["properties"].values()} == {"col_123"}
    assert all(p["collectionId"].startswith("<") for p in mapping.request()["mapping"]["properties"].values())


# --- rendering ----------------------------------------------------------------------------


def test_markdown_spec_follows_the_spec_format_and_explains_exclusions() -> None:
    text = render_markdown(designed("prisma"))
    spec = planning_library().schema.meta.spec_format
    for label in [f.label for f in spec.collection] + [f.label for f in spec.property]:
        assert label in text
    assert "`User.passwordHash` | secret" in text
    assert "`ApiToken`" in text and "memorizeBatch mappings" in text
    assert not contains_secret(text)
