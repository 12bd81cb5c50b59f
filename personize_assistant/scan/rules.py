"""Rule files beside the catalog (senders, people, handlers, models, secrets, conventions, jobs, outgoing), typed and loaded once.

Vocabularies, ORM tables and name patterns are data: each `*.yaml` file here is read
into a Pydantic model (unknown or missing keys and bad regexes are errors that name the
file) and cached for the process. Detectors read them as module-level constants.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from personize_assistant import rulefiles
from personize_assistant.rulefiles import RuleError as RuleError

Words = frozenset[str]
Pattern = re.Pattern[str]


class Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SenderRules(Rules):
    """senders.yaml: how the scanner recognises delivery code beyond the catalog."""

    http_modules: Words
    kind_words: dict[str, Words]
    kind_verbs: dict[str, Words]
    generic_verbs: Words
    job_words: Words
    entry_words: Words
    common_methods: Words
    hook_prefixes: Words
    handler_prefixes: Words
    view_methods: Words
    log_words: Words
    hook_events: Words
    conversion_prefixes: Words
    make_verbs: Words
    notification_nouns: Words
    prepositions: Words
    publisher_module: Pattern
    send_verbs: Words
    mail_nouns: Words
    note_nouns: Words
    not_sender_start: Words
    sender_channels: dict[str, str]
    delivery_methods: Words
    not_a_channel: Pattern
    bare_http: Words
    delivery_endpoint: Pattern
    enqueue_calls: Words
    auth_email_hooks: dict[str, Words]
    tag_generator_words: Words
    mail_sends: Words
    mail_receiver: Pattern
    row_create: Words
    row_managers: Words
    recipient_arg: Pattern
    notifier_dir: Pattern
    notifier_base: Pattern
    notifier_stems: Words
    sender_registry: Pattern
    ui_suffixes: tuple[str, ...]
    notify_words: Pattern
    dispatch_methods: Words
    notifier_channels: dict[str, Pattern]
    queue_calls: Words
    delivery_queue: Pattern
    task_calls: Words
    deferred_calls: Words
    actor_calls: Words
    actor_decorators: Words
    string_task_calls: Words
    argument_calls: Words
    in_app_row: Pattern
    publisher_roots: Words
    not_an_event: Pattern
    not_an_area: Words
    emitter_modules: Words
    repeat_option: Pattern
    interval: Pattern
    queue_libraries: tuple[str, ...]
    agenda_modules: Words
    step_folder: Pattern
    service_channels: dict[str, Pattern]
    not_a_runtime_url: Pattern
    post_calls: Words
    http_helper_name: Pattern
    settings_modules: Words
    service_names: dict[str, Pattern]
    payload_shapes: dict[str, Pattern]


class PeopleRules(Rules):
    """people.yaml: user context, segmentation and UI surfaces."""

    denial: Pattern
    segment_comparison: Pattern
    ui_name: Pattern
    user_words: Words
    render_calls: Words
    page_bases: Pattern


class HandlerRules(Rules):
    """handlers.yaml: routes, webhook and search handlers, scheduled jobs."""

    route_decorators: Words
    rpc_route: Pattern
    rpc_router: Pattern
    task_decorators: Words
    class_view: Pattern
    webhook_path: Pattern
    webhook_name: Pattern
    webhook_providers: tuple[str, ...]
    search_path: Pattern
    screen_views: Pattern
    crud_words: Words
    settings_nouns: Words
    cron_path: Pattern
    periodic_jobs: dict[str, str]
    command_path: Pattern
    periodic_signal: Pattern
    signal_sends: Words
    signal_receivers: Words
    schedule_tool: Pattern
    schedule_check: Pattern


class Orm(Rules):
    framework: str
    modules: tuple[str, ...]
    """Module prefixes the base class comes from."""
    bases: Words
    """Base names that make a class persistent."""


class ModelRules(Rules):
    """models.yaml: ORM tables and the words that tell what a model is about."""

    orms: tuple[Orm, ...]
    schemaless: Words
    prisma_scalars: Words
    relation_calls: Pattern
    fk_calls: Pattern
    orm_value: Pattern
    sequelize_type: Pattern
    collection: Pattern
    person_field: Pattern
    record_entity: Pattern
    content_head: Pattern
    audit_link: Pattern
    link_name: Pattern
    person_link_name: Pattern
    org_link: Pattern
    personal_field: Pattern
    technical_words: Words
    technical_heads: Words
    table_suffixes: Words
    secret_label_fields: Words
    person_words: Words
    organization_words: Words


class ConventionRules(Rules):
    """conventions.yaml: threads, interfaces, in-house trackers, job registries, raw SQL."""

    thread_bases: dict[str, Words]
    module_kinds: Words
    module_thin: int
    view_params: Words
    cli_modules: Words
    request_type: Pattern
    abstract_bases: Words
    abstract_decorators: Words
    structural_bases: Words
    tracker_verbs: Words
    tracker_nouns: Words
    not_tracker: Words
    tracker_forwards: Words
    collector_url: Pattern
    event_model: Pattern
    event_store: Words
    job_libraries: Words
    sql_table: Pattern
    sql_constraint: Pattern
    sql_skip_dirs: Pattern


class JobRules(Rules):
    """jobs.yaml: job definitions and the calls that trigger them by a string name."""

    handler_keys: Words
    name_keys: Words
    nested_keys: Words
    schedule_keys: Words
    trigger_calls: Words
    worker_calls: Words
    delivery_verbs: Words
    schedule_registrations: Pattern
    schedule_decorators: Words
    loop_sleeps: Words
    loop_not: Pattern
    loop_places: Pattern


class OutgoingRules(Rules):
    """outgoing.yaml: outgoing webhooks sent by a function named for them."""

    webhook_verbs: Words
    webhook_nouns: Words
    http_sends: Words
    send_method: Pattern


class SecretRules(Rules):
    """secrets.yaml: the one definition of a secret field name."""

    secret_names: tuple[Pattern, ...]
    credential_table_columns: Pattern


R = TypeVar("R", bound=Rules)


def parse_rules(name: str, text: str, model: type[R]) -> R:
    """Validate one rule file's text; every failure names the file."""
    return rulefiles.parse_rules(f"scan/{name}", text, model)


class BusRules(Rules):
    """buses.yaml: event buses and provider registries that fan a delivery out."""

    bus_owner: Pattern
    stream_receiver: Pattern
    stream_methods: Words
    notice_event: Pattern


def load_rules(name: str, model: type[R]) -> R:
    return rulefiles.load_rules("personize_assistant.scan", name, model)


@cache
def senders() -> SenderRules:
    return load_rules("senders.yaml", SenderRules)


@cache
def people() -> PeopleRules:
    return load_rules("people.yaml", PeopleRules)


@cache
def handlers() -> HandlerRules:
    return load_rules("handlers.yaml", HandlerRules)


@cache
def models() -> ModelRules:
    return load_rules("models.yaml", ModelRules)


@cache
def secrets() -> SecretRules:
    return load_rules("secrets.yaml", SecretRules)


@cache
def conventions() -> ConventionRules:
    return load_rules("conventions.yaml", ConventionRules)


@cache
def buses() -> BusRules:
    return load_rules("buses.yaml", BusRules)


@cache
def jobs() -> JobRules:
    return load_rules("jobs.yaml", JobRules)


@cache
def outgoing() -> OutgoingRules:
    return load_rules("outgoing.yaml", OutgoingRules)
