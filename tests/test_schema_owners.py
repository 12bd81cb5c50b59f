"""Whose data it is: framework-provided users, organisations reached through a relation, the
person a record is about (not the staff acting on it), tenants' end customers, and what stays
out by default (issue 13, round 2 of the artifact review).

The Django shapes are scanned from `tests/fixtures/apps/django-owners` (the relation targets
come from the scanner); the Prisma shapes are written inline."""

from __future__ import annotations

from functools import cache

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.entities import collect_models
from personize_assistant.actions.schema import SchemaOptions, design_schema
from personize_assistant.actions.schema.artifact import RecordSpec, SchemaArtifact
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, ModelField, RepoScan, Stack, Touchpoint
from tests.planning_support import field, model, planning_library
from tests.support.apps import fixture_app


@cache
def _django_scan() -> RepoScan:
    return scan_repo(fixture_app("django-owners"))


@cache
def _django() -> SchemaArtifact:
    return design_schema(_django_scan(), Discovery(), planning_library(), SchemaOptions(full=True))


def _design(*models: Touchpoint) -> SchemaArtifact:
    scan = RepoScan(root="/srv/saas", stack=Stack(languages={"typescript": 10}), touchpoints=list(models))
    return design_schema(scan, Discovery(), planning_library(), SchemaOptions(full=True))


def _prisma(name: str, line: int, *fields: ModelField) -> Touchpoint:
    return model(name, "schema.prisma", line, [field("id", "String", False, is_primary_key=True), *fields], "prisma")


def _record(artifact: SchemaArtifact, entity: str) -> RecordSpec:
    return next(r for r in artifact.records if r.entity == entity)


def _names(artifact: SchemaArtifact, entity: str) -> set[str]:
    collection = artifact.collection(entity)
    assert collection is not None, entity
    return {p.system_name for p in collection.properties}


def _excluded(artifact: SchemaArtifact) -> dict[str, str]:
    return {f"{e.entity}.{e.field}": e.kind for e in artifact.excluded}


USER = _prisma("User", 1, field("email", "String"), field("name", "String?"), field("createdAt", "DateTime"))
WORKSPACE = _prisma("Workspace", 10, field("name", "String"), field("domain", "String?"))


# --- framework-provided users ---------------------------------------------------------------


def test_the_scan_says_which_model_a_django_relation_names() -> None:
    targets = {(t.entity, f.name): f.target for t in _django_scan().by_kind(Kind.DATA_MODEL)
               for f in t.fields or [] if f.target}
    assert targets[("Profile", "user")] == "django.contrib.auth.models.User"  # through the file's import
    assert targets[("Subscription", "customer")] == "django.conf.settings.AUTH_USER_MODEL"
    assert targets[("Event", "organiser")] == "Organiser"
    assert targets[("Submission", "speakers")] == "conf.Speaker"  # a many-to-many is reported too
    assert targets[("Submission", "assigned_reviewers")] == "conf.Speaker"  # `to=` after a keyword


def test_djangos_auth_user_is_the_contact_the_apps_records_belong_to() -> None:
    artifact = _django()
    user = artifact.collection("User")
    assert user is not None and user.entity_type == "Contact" and user.primary_key_field == "email"
    assert (_record(artifact, "Project").owner_entity, _record(artifact, "Project").owner_field) == ("User", "owner")
    assert _record(artifact, "Check").chain == ["Project"]
    assert _record(artifact, "Subscription").owner_entity == "User"  # settings.AUTH_USER_MODEL
    assert _record(artifact, "Note").owner_field == "author"  # get_user_model()
    assert (_record(artifact, "Invite").owner_entity, _record(artifact, "Invite").owner_field) == ("User", "inviter")
    assert {"project_count", "check_count"} <= _names(artifact, "User")
    models = {m.entity: m for m in collect_models(_django_scan().by_kind(Kind.DATA_MODEL))}
    assert models["User"].provided_by == "django.contrib.auth.models"
    assert models["User"].touchpoint.file == "monitor/models.py"  # it can be imported from there


def test_a_one_to_one_profile_is_its_users_own_properties_not_a_rollup() -> None:
    artifact = _django()
    user = _names(artifact, "User")
    assert {"timezone", "reports", "last_active_date"} <= user
    assert "profile_count" not in user
    assert artifact.collection("Profile") is None


def test_a_unique_foreign_key_extends_its_target_too() -> None:
    settings = _prisma("Profile", 30, field("userId", "String", is_unique=True), field("jobTitle", "String?"))
    names = _names(_design(USER, settings), "User")
    assert "job_title" in names and "profile_count" not in names


# --- organisations reached through a relation -----------------------------------------------


def test_an_organiser_named_by_a_foreign_key_is_the_company_that_owns_the_event() -> None:
    artifact = _django()
    organiser = artifact.collection("Organiser")
    assert organiser is not None and organiser.entity_type == "Company"
    assert _record(artifact, "Event").owner_entity == "Organiser"
    assert "event_count" in _names(artifact, "Organiser")


def test_a_project_people_are_members_of_is_the_workspace() -> None:
    project = _prisma("Project", 20, field("name", "String"), field("plan", "String"))
    members = _prisma("ProjectUsers", 30, field("userId", "String"), field("projectId", "String"),
                      field("role", "String"), field("createdAt", "DateTime"))
    link = _prisma("Link", 40, field("projectId", "String"), field("url", "String"), field("createdAt", "DateTime"))
    with_members = _design(USER, project, members, link)
    assert with_members.collection("Project") is not None
    assert with_members.collection("Project").entity_type == "Company"  # type: ignore[union-attr]
    assert _record(with_members, "Link").owner_entity == "Project"
    alone = _design(USER, project, link)  # a project nobody is a member of is not an organisation
    assert alone.collection("Project") is None


# --- the person a record is about -------------------------------------------------------------


def test_the_speakers_own_a_submission_not_its_assigned_reviewers() -> None:
    artifact = _django()
    assert _record(artifact, "Submission").owner_field == "speakers"
    assert _record(artifact, "Answer").owner_field == "person"  # not the review it was given in


# --- tenants' end customers -------------------------------------------------------------------


def test_a_workspaces_customers_are_its_end_customers_and_what_they_wrote_stays_out() -> None:
    customer = _prisma("Customer", 20, field("workspaceId", "String"), field("email", "String"),
                       field("name", "String?"), field("note", "String? @db.Text"))
    message = _prisma("Message", 30, field("customerId", "String"), field("content", "String @db.Text"),
                      field("createdAt", "DateTime"))
    artifact = _design(USER, WORKSPACE, customer, message)
    described = artifact.collection("Customer")
    assert described is not None and described.description.startswith("End customers of each Workspace")
    assert "not" in described.description and "own users" in described.description
    user = artifact.collection("User")
    assert user is not None and not user.description.startswith("End customers")
    kinds = _excluded(artifact)
    assert kinds["Customer.note"] == kinds["Message.content"] == "end_customer_content"
    assert _record(artifact, "Message").memorized == []
    assert "note" not in _names(artifact, "Customer")


# --- sensitive by default ---------------------------------------------------------------------


def test_internal_notes_license_keys_and_payment_terms_stay_out_by_default() -> None:
    license_ = _prisma("License", 20, field("licenseeEmail", "String"), field("licenseKey", "String"),
                       field("idempotencyKey", "String?"), field("tier", "String"))
    subscription = _prisma("Subscription", 30, field("userId", "String"), field("amount", "Int"),
                           field("discountAmountOff", "Int?"), field("status", "String"),
                           field("createdAt", "DateTime"))
    order = _prisma("Order", 40, field("userId", "String"), field("amount", "Int"), field("createdAt", "DateTime"))
    kinds = _excluded(_design(USER, license_, subscription, order))
    assert kinds["License.licenseKey"] == kinds["License.idempotencyKey"] == "sensitive:license_key"
    assert kinds["Subscription.amount"] == kinds["Subscription.discountAmountOff"] == "sensitive:payment_terms"
    assert "Order.amount" not in kinds  # what was bought is not payment terms
    assert _excluded(_django())["Submission.internal_notes"] == "sensitive:internal_notes"


def test_guests_of_a_workspaces_poll_are_its_end_customers_and_their_email_key_is_flagged() -> None:
    poll = _prisma("Poll", 20, field("workspaceId", "String"), field("title", "String"), field("createdAt", "DateTime"))
    participant = _prisma("Participant", 30, field("pollId", "String"), field("email", "String?"),
                          field("name", "String"), field("note", "String? @db.Text"))
    artifact = _design(USER, WORKSPACE, poll, participant)
    guests = artifact.collection("Participant")
    assert guests is not None and guests.description.startswith("End customers of each Workspace")
    assert any(n.startswith("Participant rows belong to a tenant (via pollId)") for n in artifact.notes)
    assert _excluded(artifact)["Participant.note"] == "end_customer_content"
