"""SCHEMA on shapes found in real repos (django-helpdesk 1.2.0, umami 2.10.0, the examples).

Each test pins a problem a developer would have spotted in the generated spec: a mail
password synced into memory, examples that describe another kind of value, a survey title
treated as a job title, version numbers in collection names.
"""

from __future__ import annotations

import re

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.entities import plural
from personize_assistant.actions.common.fields import display_name, words
from personize_assistant.actions.schema.action import SchemaOptions, app_name_from, design_schema
from personize_assistant.actions.schema.artifact import SchemaArtifact
from personize_assistant.scan.models import RepoScan, Stack
from tests.planning_support import field, model, planning_library


def _design(*models: object, root: str = "/srv/helpdesk") -> SchemaArtifact:
    scan = RepoScan(root=root, stack=Stack(languages={"python": 10}), touchpoints=list(models))  # type: ignore[arg-type]
    return design_schema(scan, Discovery(), planning_library(), SchemaOptions(full=True))


def _descriptions(artifact: SchemaArtifact) -> dict[str, str]:
    return {f"{p.source.entity}.{p.source.field}": p.definition.description
            for c in artifact.collections for p in c.properties if p.source is not None}


def _kinds(artifact: SchemaArtifact) -> dict[str, str]:
    return {f"{e.entity}.{e.field}": e.kind for e in artifact.excluded}


QUEUE = model("Queue", "helpdesk/models.py", 10, [
    field("title", "CharField"), field("email_address", "EmailField"),
    field("email_box_host", "CharField"), field("email_box_port", "IntegerField"),
    field("email_box_ssl", "BooleanField"), field("email_box_user", "CharField"),
    field("email_box_pass", "CharField"), field("email_box_imap_folder", "CharField"),
    field("socks_proxy_host", "GenericIPAddressField"), field("logging_dir", "CharField"),
    field("escalate_days", "IntegerField"),
], "django")
TEAM = model("Team", "db/schema.prisma", 5, [
    field("id", "String", False, is_primary_key=True), field("name", "String"),
    field("accessCode", "String?"), field("createdAt", "DateTime"),
], "prisma")


def test_mailbox_passwords_and_access_codes_are_secrets() -> None:
    kinds = _kinds(_design(QUEUE, TEAM))
    assert kinds["Queue.email_box_pass"] == "secret"
    assert kinds["Team.accessCode"] == "secret"


def test_server_and_mailbox_settings_are_not_customer_facts() -> None:
    artifact = _design(QUEUE)
    kinds = _kinds(artifact)
    for name in ("email_box_host", "email_box_port", "email_box_ssl", "email_box_imap_folder",
                 "socks_proxy_host", "logging_dir", "email_box_user"):
        assert kinds[f"Queue.{name}"] == "configuration", name
    skipped = {s.entity: s.reason for s in artifact.skipped_models}
    assert "server or mailbox settings" in skipped["Queue"]  # an inbox's address is not a person
    assert artifact.collection("Queue") is None


def test_examples_match_the_kind_of_value() -> None:
    # a record keyed by a person's email keeps its own fields (record-style examples)
    survey = model("Survey", "prisma/schema.prisma", 1, [
        field("id", "String", False, is_primary_key=True), field("respondent_email", "String"),
        field("title", "String"), field("name", "String"), field("type", "String"),
        field("currency", "String"), field("vatNumber", "String?"), field("question", "String"),
    ], "prisma")
    workspace = model("Workspace", "prisma/schema.prisma", 30, [
        field("id", "String", False, is_primary_key=True), field("name", "String"),
        field("domain", "String?"), field("username", "String"),
    ], "prisma")
    client = model("Client", "invoices/models.py", 1, [
        field("email", "EmailField"), field("name", "CharField"), field("contact_name", "CharField"),
        field("profession", "CharField"),
    ], "django")
    text = _descriptions(_design(survey, workspace, client, root="/srv/pulseboard"))
    joined = "\n".join(text.values())
    assert "enterprise rollout" not in joined and "mid-market" not in joined
    assert "Head of Growth" not in text["Survey.title"]
    assert "Ana Ruiz" not in text["Survey.name"]
    assert "Ana Ruiz" in text["Client.contact_name"]
    assert "Northwind Analytics" not in text["Workspace.username"]
    assert "https://" not in text["Workspace.domain"]
    assert "'EUR'" in text["Survey.currency"] or "'USD'" in text["Survey.currency"]


def test_a_records_title_is_a_stored_label_not_a_job_title() -> None:
    survey = model("Survey", "prisma/schema.prisma", 1, [
        field("id", "String", False, is_primary_key=True), field("respondent_email", "String"),
        field("title", "String"),
    ], "prisma")
    workspace = model("Workspace", "prisma/schema.prisma", 30, [
        field("id", "String", False, is_primary_key=True), field("domain", "String?"),
    ], "prisma")
    user = model("User", "prisma/schema.prisma", 50, [
        field("email", "String"), field("jobTitle", "String?"),
    ], "prisma")
    artifact = _design(survey, workspace, user)
    by_source = {f"{p.source.entity}.{p.source.field}": p for c in artifact.collections
                 for p in c.properties if p.source is not None}
    assert by_source["Survey.title"].definition.auto_system is False
    assert by_source["User.jobTitle"].definition.auto_system is True


def test_an_invite_is_a_record_of_its_workspace_not_a_second_contact() -> None:
    """An invite's email is the invitee's, but the row is the workspace's: it rolls up there."""
    user = model("User", "prisma/schema.prisma", 1, [field("email", "String"), field("name", "String?")], "prisma")
    workspace = model("Workspace", "prisma/schema.prisma", 10, [
        field("id", "String", False, is_primary_key=True), field("domain", "String?")], "prisma")
    invite = model("Invite", "prisma/schema.prisma", 20, [
        field("email", "String"), field("workspaceId", "String"),
        field("role", "Role", enum_values=["OWNER", "MEMBER"]), field("createdAt", "DateTime"),
    ], "prisma")
    artifact = _design(user, workspace, invite)
    assert artifact.collection("Invite") is None
    workspace_collection = artifact.collection("Workspace")
    assert workspace_collection is not None
    names = {p.system_name for p in workspace_collection.properties}
    assert {"invite_count", "last_invite_at"} <= names
    user_collection = artifact.collection("User")
    assert user_collection is not None and "invite_role" not in {p.system_name for p in user_collection.properties}


def test_a_submitter_email_keys_a_ticket_to_the_person() -> None:
    ticket = model("Ticket", "helpdesk/models.py", 40, [
        field("queue", "ForeignKey(Queue)"), field("submitter_email", "EmailField"),
        field("status", "IntegerField"), field("description", "TextField"),
    ], "django")
    collection = _design(QUEUE, ticket).collection("Ticket")
    assert collection is not None
    assert collection.entity_type == "Contact" and collection.primary_key_field == "submitter_email"


def test_a_person_without_an_email_column_is_not_described_as_keyed_by_email() -> None:
    user = model("User", "db/schema.prisma", 1, [
        field("id", "String", False, is_primary_key=True), field("username", "String"),
        field("role", "String"),
    ], "prisma")
    artifact = _design(user, root="/srv/umami")
    collection = artifact.collection("User")
    assert collection is not None
    assert "keyed by email" not in collection.description
    assert any("User" in note and "email" in note for note in artifact.notes)


def test_collection_names_hold_no_version_numbers() -> None:
    assert app_name_from("/tmp/umami-2.10.0") == "Umami"
    assert app_name_from("/tmp/django_helpdesk-1.2.0") == "Django Helpdesk"


def test_names_read_naturally() -> None:
    assert words("KBItem") == ["kb", "item"]
    assert display_name("KBItem") == "Kb Item"
    assert plural("User Settings") == "User Settings"
    assert plural("Status") == "Statuses" and plural("Address") == "Addresses"
    assert plural("Company") == "Companies" and plural("Invoice") == "Invoices"


def test_no_description_names_a_placeholder_example() -> None:
    """A generic fallback example is honest: it names the column, never a made-up value."""
    thing = model("Widget", "app/models.py", 1, [
        field("owner_email", "EmailField"), field("frobnication", "CharField"),
    ], "django")
    text = _descriptions(_design(thing))["Widget.frobnication"]
    assert re.search(r"e\.g\.", text)
    assert "enterprise rollout" not in text


def test_upload_columns_hold_a_path_not_customer_facts() -> None:
    account = model("Account", "accounts/models.py", 1, [
        field("name", "CharField"), field("website", "URLField"),
        field("receipt", "FileField"), field("scan", "ImageField"),
    ], "django")
    kinds = _kinds(_design(account))
    assert kinds["Account.receipt"] == "binary" and kinds["Account.scan"] == "binary"


def test_free_text_on_records_accumulates_per_person() -> None:
    ticket = model("Ticket", "helpdesk/models.py", 40, [
        field("submitter_email", "EmailField"), field("description", "TextField"),
        field("title", "CharField"),
    ], "django")
    collection = _design(ticket).collection("Ticket")
    assert collection is not None
    description = next(p for p in collection.properties if p.system_name == "ticket_description")
    assert (description.definition.auto_system, description.definition.update_semantics) == (True, "append")
    assert "People from" not in collection.description and "submitter_email" in collection.description


def test_people_scoped_to_a_tenant_get_a_cross_tenant_warning() -> None:
    workspace = model("Workspace", "prisma/schema.prisma", 1, [
        field("id", "String", False, is_primary_key=True), field("domain", "String?")], "prisma")
    contact = model("Contact", "prisma/schema.prisma", 10, [
        field("workspaceId", "String"), field("email", "String"), field("firstName", "String?")], "prisma")
    user = model("User", "prisma/schema.prisma", 20, [field("email", "String"), field("name", "String?")], "prisma")
    notes = _design(workspace, contact, user).notes
    tenant_notes = [n for n in notes if "tenant" in n]
    assert len(tenant_notes) == 1 and tenant_notes[0].startswith("Contact rows belong to a tenant (via workspaceId)")


def test_each_note_is_its_own_paragraph_in_markdown() -> None:
    from personize_assistant.actions.schema.artifact import render_markdown

    artifact = _design(model("Team", "db/schema.prisma", 1, [field("name", "String")], "prisma"),
                       model("User", "db/schema.prisma", 9, [field("username", "String")], "prisma"))
    assert len(artifact.notes) >= 2
    lines = render_markdown(artifact).splitlines()
    quoted = [i for i, line in enumerate(lines) if line.startswith("> ")]
    assert all(lines[i + 1] == "" for i in quoted)
