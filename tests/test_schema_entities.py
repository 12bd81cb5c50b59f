"""The entity model: entities vs records, whose record it is, what is left out and why,
sensitive data, the default view, and the expert's decisions (validated against the scan).

The model shapes are the ones seen in real apps (open-saas's Task/GptResponse/DailyStats,
a Prisma workspace app, a Django conference app), written small."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from personize_assistant.actions.common.discovery import (
    Discovery,
    answers_from_mapping,
    load_answers,
)
from personize_assistant.actions.common.schema_decisions import (
    EntityDecision,
    LeftOutDecision,
    PropertyChange,
    RecordDecision,
    SchemaDecisions,
)
from personize_assistant.actions.discover import answers_yaml
from personize_assistant.actions.schema import DecisionError, SchemaOptions, design_schema
from personize_assistant.actions.schema.action import property_json_schema
from personize_assistant.actions.schema.artifact import (
    SchemaArtifact,
    property_json,
    render_markdown,
    to_json,
)
from personize_assistant.actions.schema.vocabulary import vocabulary
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import ModelField, RepoScan, Stack, Touchpoint
from tests.planning_support import field, model, planning_library, prisma_scan
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo

SCHEMA = "schema.prisma"


def _scan(*models: Touchpoint, root: str = "/srv/saas") -> RepoScan:
    return RepoScan(root=root, stack=Stack(languages={"typescript": 10}), touchpoints=list(models))


def _design(*models: Touchpoint, decisions: SchemaDecisions | None = None, full: bool = True) -> SchemaArtifact:
    return design_schema(_scan(*models), Discovery(), planning_library(),
                         SchemaOptions(full=full, decisions=decisions))


def _prisma(name: str, line: int, *fields: ModelField) -> Touchpoint:
    return model(name, SCHEMA, line, [field("id", "String", False, is_primary_key=True), *fields], "prisma")


USER = _prisma("User", 1, field("email", "String"), field("username", "String?"),
               field("subscriptionStatus", "String?"), field("createdAt", "DateTime"))
WORKSPACE = _prisma("Workspace", 20, field("name", "String"), field("domain", "String?"))
TASK = _prisma("Task", 40, field("userId", "String"), field("description", "String"),
               field("isDone", "Boolean"), field("createdAt", "DateTime"))
GPT_RESPONSE = _prisma("GptResponse", 50, field("userId", "String"), field("content", "String"),
                       field("createdAt", "DateTime"))
DAILY_STATS = _prisma("DailyStats", 60, field("date", "DateTime"), field("totalViews", "Int"),
                      field("userCount", "Int"), field("paidUserCount", "Int"))


def _names(artifact: SchemaArtifact, entity: str) -> set[str]:
    collection = artifact.collection(entity)
    assert collection is not None, entity
    return {p.system_name for p in collection.properties}


def _left_out(artifact: SchemaArtifact) -> dict[str, str]:
    return {s.entity: s.category for s in artifact.skipped_models}


# --- entity / record split ---------------------------------------------------------------


def test_records_about_a_user_roll_up_onto_the_user_not_into_collections_of_their_own() -> None:
    artifact = _design(USER, TASK, GPT_RESPONSE)
    assert [c.source_entity for c in artifact.collections] == ["User"]
    assert {"task_count", "last_task_at", "gpt_response_count", "last_gpt_response_at"} <= _names(artifact, "User")
    task = next(r for r in artifact.records if r.entity == "Task")
    assert (task.owner_entity, task.owner_field) == ("User", "userId")
    assert task.memorized == ["description"]  # free text is memorized content, not a property


def test_a_workspace_is_a_company_and_people_are_contacts() -> None:
    space = _prisma("Space", 30, field("name", "String"), field("tier", "String"))
    artifact = _design(USER, space)
    kinds = {c.source_entity: c.entity_type for c in artifact.collections}
    assert kinds == {"User": "Contact", "Space": "Company"}


def test_a_membership_row_is_a_record_of_its_team_not_a_second_person() -> None:
    team = _prisma("Team", 10, field("name", "String"))
    member = _prisma("TeamMember", 30, field("userUid", "String"), field("teamID", "String"),
                     field("role", "TeamAccessRole", enum_values=["OWNER", "VIEWER", "EDITOR"]),
                     field("createdAt", "DateTime"))
    artifact = _design(USER, team, member)
    assert artifact.collection("TeamMember") is None
    assert "team_member_count" in _names(artifact, "Team")


def test_rollups_replace_except_lists_which_append() -> None:
    poll = _prisma("Poll", 40, field("workspaceId", "String"), field("title", "String"),
                   field("status", "PollStatus", enum_values=["live", "paused", "finalized"]),
                   field("createdAt", "DateTime"))
    artifact = _design(USER, WORKSPACE, poll)
    workspace = artifact.collection("Workspace")
    assert workspace is not None
    modes = {p.system_name: (p.definition.type, p.definition.update_mode) for p in workspace.properties
             if p.rollup is not None}
    assert modes == {"poll_count": ("number", "replace"), "last_poll_at": ("date", "replace"),
                     "latest_poll_status": ("options", "replace"), "poll_titles": ("array", "append")}


# --- whose record it is -------------------------------------------------------------------


def test_the_relation_decides_whose_record_it_is() -> None:
    by_user = _prisma("Note", 40, field("userId", "String"), field("createdAt", "DateTime"))
    by_workspace = _prisma("Document", 50, field("workspaceId", "String"), field("createdAt", "DateTime"))
    both = _prisma("Upload", 60, field("userId", "String"), field("workspaceId", "String"),
                   field("size", "Int"), field("createdAt", "DateTime"))
    owners = {r.entity: r.owner_entity for r in _design(USER, WORKSPACE, by_user, by_workspace, both).records}
    # with both relations, the workspace owns it (owner_preference in entity_model.yaml)
    assert owners == {"Note": "User", "Document": "Workspace", "Upload": "Workspace"}
    assert vocabulary().owner_preference[0] == "company"


def test_a_record_reached_through_another_record_rolls_up_onto_that_records_owner() -> None:
    invoice = _prisma("Invoice", 40, field("workspaceId", "String"), field("createdAt", "DateTime"))
    line = _prisma("LineItem", 50, field("invoiceId", "String"), field("quantity", "Int"))
    artifact = _design(USER, WORKSPACE, invoice, line)
    item = next(r for r in artifact.records if r.entity == "LineItem")
    assert (item.owner_entity, item.chain, item.owner_field) == ("Workspace", ["Invoice"], "invoiceId")
    assert "line_item_total_quantity" in _names(artifact, "Workspace")


def test_a_record_with_nobody_to_belong_to_is_left_out_with_the_reason() -> None:
    catalog = _prisma("Integration", 40, field("name", "String"), field("category", "String"))
    artifact = _design(USER, catalog)
    skipped = {s.entity: s for s in artifact.skipped_models}
    assert skipped["Integration"].category == "no_owner"
    assert "relation" in skipped["Integration"].reason


# --- left out -------------------------------------------------------------------------------


def test_aggregates_logs_technical_and_join_tables_are_left_out() -> None:
    log = _prisma("WorkflowStepLog", 70, field("userId", "String"), field("status", "String"))
    settings = _prisma("UserSettings", 80, field("userId", "String"), field("theme", "String"))
    link = _prisma("UserWorkspace", 90, field("userId", "String"), field("workspaceId", "String"),
                   field("role", "String"))
    categories = _left_out(_design(USER, WORKSPACE, DAILY_STATS, log, settings, link))
    assert categories == {"DailyStats": "aggregate", "WorkflowStepLog": "log", "UserSettings": "technical",
                          "UserWorkspace": "join"}


def test_the_left_out_words_are_data() -> None:
    aggregate = next(c for c in vocabulary().left_out if c.category == "aggregate")
    assert {"stats", "daily", "metrics"} <= set(aggregate.words)


def test_a_comment_linking_two_tables_is_content_not_a_join_table() -> None:
    submission = _prisma("Submission", 40, field("userId", "String"), field("title", "String"))
    comment = _prisma("SubmissionComment", 50, field("submissionId", "String"), field("userId", "String"),
                      field("text", "String @db.Text"))
    artifact = _design(USER, submission, comment)
    assert "SubmissionComment" not in _left_out(artifact)
    assert any(r.entity == "SubmissionComment" for r in artifact.records)


# --- sensitive data ---------------------------------------------------------------------------


def test_sensitive_fields_are_excluded_by_default_with_their_category() -> None:
    person = _prisma("Customer", 1, field("email", "String"), field("passportNumber", "String?"),
                     field("walletAddress", "String?"), field("kycStatus", "String?"),
                     field("cardLast4", "String?"), field("payoutEmail", "String?"),
                     field("diagnosis", "String?"), field("name", "String"))
    artifact = _design(person)
    kinds = {e.field: e.kind for e in artifact.excluded if e.entity == "Customer"}
    assert kinds["passportNumber"] == "sensitive:government_id"
    assert kinds["walletAddress"] == "sensitive:wallet"
    assert kinds["kycStatus"] == "sensitive:identity_verification"
    assert kinds["cardLast4"] == kinds["payoutEmail"] == "sensitive:payment_instrument"
    assert kinds["diagnosis"] == "sensitive:health"
    assert _names(artifact, "Customer") == {"email", "name"}


def test_a_payment_instrument_table_is_left_out_whole() -> None:
    method = _prisma("PaymentMethod", 40, field("userId", "String"), field("type", "String"),
                     field("createdAt", "DateTime"))
    artifact = _design(USER, method)
    assert _left_out(artifact)["PaymentMethod"] == "sensitive:payment_instrument"
    assert not any(n.startswith("payment_method") for n in _names(artifact, "User"))


def test_the_expert_can_keep_a_sensitive_field_with_a_reason() -> None:
    person = _prisma("Patient", 1, field("email", "String"), field("allergies", "String?"))
    decisions = SchemaDecisions(add_properties=[PropertyChange(model="Patient", field="allergies",
                                                               reason="the clinic's reminders must mention them")])
    assert "allergies" not in _names(_design(person), "Patient")
    assert "allergies" in _names(_design(person, decisions=decisions, full=False), "Patient")


# --- single-value enums ------------------------------------------------------------------------


def test_single_value_enums_never_become_options_on_entities_or_rollups() -> None:
    person = _prisma("Member", 1, field("email", "String"),
                     field("kind", "MemberKind", enum_values=["STANDARD"]))
    event = _prisma("Event", 30, field("memberId", "String"),
                    field("status", "EventStatus", enum_values=["SCHEDULED"]), field("createdAt", "DateTime"))
    artifact = _design(person, event)
    assert {e.field: e.kind for e in artifact.excluded}["kind"] == "constant"
    assert "latest_event_status" not in _names(artifact, "Member")
    assert "event_count" in _names(artifact, "Member")


# --- default view vs full ----------------------------------------------------------------------


def test_the_default_view_keeps_what_the_use_cases_need_and_lists_the_rest() -> None:
    scan = prisma_scan()
    # a second person table scoped to the workspace that no proposed use case relies on
    scan.touchpoints.append(model("Viewer", "prisma/schema.prisma", 400, [
        field("id", "String", False, is_primary_key=True), field("workspaceId", "String"),
        field("email", "String"), field("verified", "Boolean")], "prisma"))
    library = planning_library()
    default = design_schema(scan, Discovery(), library)
    full = design_schema(scan, Discovery(), library, SchemaOptions(full=True))
    assert full.collection("Viewer") is not None and default.collection("Viewer") is None
    assert default.not_shown and not full.not_shown and full.full and not default.full
    hidden = {(n.collection, n.property) for n in default.not_shown}
    for collection in full.collections:
        shown = default.collection(collection.source_entity)
        kept = {p.system_name for p in shown.properties} if shown else set()
        for prop in collection.properties:
            assert prop.system_name in kept or (collection.collection_name, prop.system_name) in hidden \
                or (collection.collection_name, None) in hidden, prop.system_name
    assert all(n.reason for n in default.not_shown)
    assert "## Not shown by default" in render_markdown(default)


def test_every_proposed_use_case_has_facets_in_the_data_file() -> None:
    ids = {u.id for u in planning_library().propose.meta.use_cases()}
    assert ids <= set(vocabulary().use_case_facets.by_use_case)


def test_rollups_validate_against_the_property_json_schema() -> None:
    validator = jsonschema.Draft202012Validator(property_json_schema(planning_library()))
    artifact = design_schema(prisma_scan(), Discovery(), planning_library(), SchemaOptions(full=True))
    rollups = [p for c in artifact.collections for p in c.properties if p.rollup is not None]
    assert rollups
    for prop in rollups:
        errors = list(validator.iter_errors(property_json(prop)))
        assert not errors, (prop.system_name, errors[0].message)
    data = to_json(artifact)
    assert json.loads(json.dumps(data))["records"] and data["view"] == "full"


# --- expert decisions ------------------------------------------------------------------------------


def test_decisions_override_the_heuristics() -> None:
    tenant = _prisma("Project", 20, field("name", "String"), field("website", "String?"))
    upload = _prisma("Upload", 40, field("userId", "String"), field("projectId", "String"),
                     field("size", "Int"), field("createdAt", "DateTime"))
    decisions = SchemaDecisions(
        entities=[EntityDecision(model="Project", type="company")],
        records=[RecordDecision(model="Upload", owner="User", rollups=["count"])],
        left_out=[LeftOutDecision(model="Task", reason="internal to-do list, not about the customer")],
        drop_properties=[PropertyChange(model="User", field="username", reason="not used in messages")],
    )
    artifact = _design(USER, tenant, upload, TASK, decisions=decisions)
    assert artifact.collection("Project") is not None and artifact.collection("Project").entity_type == "Company"  # type: ignore[union-attr]
    user = _names(artifact, "User")
    assert "upload_count" in user and "last_upload_at" not in user and "username" not in user
    assert _left_out(artifact)["Task"] == "expert"
    assert artifact.decisions == decisions
    assert {e.field: e.kind for e in artifact.excluded if e.entity == "User"}["username"] == "expert"


@pytest.mark.parametrize(("decisions", "message"), [
    (SchemaDecisions(entities=[EntityDecision(model="Usr", type="contact")]),
     r"entities\[0\]\.model: no data model named 'Usr' in the scan \(did you mean User\?\)"),
    (SchemaDecisions(drop_properties=[PropertyChange(model="User", field="emial", reason="typo")]),
     r"drop_properties\[0\]\.field: User has no field 'emial' \(did you mean email\?\)"),
    (SchemaDecisions(records=[RecordDecision(model="Task", owner="GptResponse")]),
     r"records\[0\]\.owner: GptResponse is not an entity"),
    (SchemaDecisions(entities=[EntityDecision(model="Task", type="contact")],
                     records=[RecordDecision(model="Task")]),
     r"Task is both in entities and in records"),
    (SchemaDecisions(add_properties=[PropertyChange(model="Task", field="isDone", reason="show it")]),
     r"Task\.isDone: Task has no collection of its own"),
])
def test_decisions_are_validated_against_the_scan(decisions: SchemaDecisions, message: str) -> None:
    with pytest.raises(DecisionError, match=message):
        _design(USER, TASK, GPT_RESPONSE, decisions=decisions)


def test_the_answers_file_takes_a_schema_section(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({
        "product": "Task manager with an AI planner",
        "schema": {"records": [{"model": "Task", "owner": "User", "rollups": ["count", "last_at"]}],
                   "left_out": [{"model": "GptResponse", "reason": "model outputs we do not trust"}]},
    }), encoding="utf-8")
    discovery = load_answers(answers)
    assert discovery.schema_decisions is not None
    artifact = design_schema(_scan(USER, TASK, GPT_RESPONSE), discovery, planning_library())
    assert _left_out(artifact)["GptResponse"] == "expert"
    assert "schema:" in answers_yaml(discovery)  # `discover --save-answers` keeps them


def test_a_bad_schema_section_is_a_usage_error_naming_the_field() -> None:
    with pytest.raises(UsageError, match=r"schema\.entities\.0\.type"):
        answers_from_mapping({"schema": {"entities": [{"model": "User", "type": "person"}]}})


def test_the_cli_names_a_bad_model_in_the_answers_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from personize_assistant.cli import app

    answers = tmp_path / "answers.yaml"
    answers.write_text("schema:\n  entities:\n    - {model: Wrkspace, type: company}\n", encoding="utf-8")
    repo = Path(__file__).resolve().parents[1] / "examples" / "pulseboard-ts"
    result = CliRunner().invoke(app, ["schema", str(repo), "--answers", str(answers)])
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == 2
    message = str(result.exception)
    assert str(answers) in message and "no data model named 'Wrkspace'" in message
    assert "did you mean Workspace?" in message


# --- the agent's design_schema tool --------------------------------------------------------------


async def test_the_agent_passes_decisions_and_the_session_keeps_them(agent_env: Path, demo_repo: Path) -> None:
    from personize_assistant.agent.runner import ToolRunner
    from personize_assistant.agent.workspace import Workspace
    from personize_assistant.content import load_library

    async def never(question: str) -> bool:
        raise AssertionError("designing a schema needs no confirmation")

    workspace = Workspace(demo_repo, load_library())
    runner = ToolRunner(workspace, lambda event: None, never)
    bad = await runner.run("c1", "design_schema", {"entities": [{"model": "Wrkspace", "type": "company"}]})
    assert bad.is_error and "no data model named 'Wrkspace'" in bad.text and "Workspace" in bad.text
    assert "schema" not in workspace.answers  # nothing invalid is kept

    decision = {"records": [{"model": "Survey", "owner": "Workspace", "rollups": ["count"]}],
                "drop_properties": [{"model": "Workspace", "field": "alertPhone", "reason": "ops-only number"}]}
    good = await runner.run("c2", "design_schema", decision)
    assert not good.is_error
    assert workspace.artifacts[-1].data["decisions"]["records"][0]["model"] == "Survey"
    # a resumed session rebuilds its Workspace from the stored answers (JSON), decisions included
    resumed = Workspace(demo_repo, load_library(), answers=json.loads(json.dumps(workspace.answers)))
    resumed.require_scan()
    kept = resumed.discovery.schema_decisions
    assert kept is not None and kept.records[0].model == "Survey"
    artifact = design_schema(resumed.require_scan(), resumed.discovery, resumed.library)
    workspace_collection = artifact.collection("Workspace")
    assert workspace_collection is not None
    names = {p.system_name for p in workspace_collection.properties}
    assert "survey_count" in names and "last_survey_at" not in names and "alert_phone" not in names


def test_a_foreign_key_named_uid_links_too() -> None:
    """hoppscotch's `userUid` (its relation field is not in the scan) says whose row it is."""
    request = _prisma("UserRequest", 40, field("userUid", "String"), field("title", "String"),
                      field("createdOn", "DateTime"))
    artifact = _design(USER, request)
    assert {"user_request_count", "last_user_request_at"} <= _names(artifact, "User")
    assert "user_uid" not in _names(artifact, "User")


def test_a_record_about_a_person_inside_the_workspace_belongs_to_that_person() -> None:
    client = _prisma("Client", 30, field("workspaceId", "String"), field("email", "String"))
    invoice = _prisma("Invoice", 40, field("workspaceId", "String"), field("clientId", "String"),
                      field("total", "Int"), field("createdAt", "DateTime"))
    artifact = _design(USER, WORKSPACE, client, invoice)
    owner = next(r for r in artifact.records if r.entity == "Invoice")
    assert (owner.owner_entity, owner.owner_field) == ("Client", "clientId")
    assert "invoice_total_total" not in _names(artifact, "Client")  # no doubled words


def test_plural_table_names_are_entities_and_owners() -> None:
    """Drizzle and SQL name tables in the plural: `users` is the person, and `bookmarks`
    with a `userId` rolls up onto it (not "no owner")."""
    users = model("users", "packages/db/schema.ts", 1,
                  [field("id", "text", False, is_primary_key=True), field("email", "text"), field("name", "text")],
                  "drizzle")
    bookmarks = model("bookmarks", "packages/db/schema.ts", 20,
                      [field("id", "text", False, is_primary_key=True), field("userId", "text"),
                       field("title", "text"), field("createdAt", "integer")], "drizzle")
    artifact = _design(users, bookmarks)
    assert artifact.collection("users") is not None
    assert "bookmarks" not in _left_out(artifact)
    assert any(r.entity == "bookmarks" for r in artifact.records)
