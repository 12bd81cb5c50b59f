"""Batch 7 first-contact labels for paperless-ngx (src/ of the GitHub snapshot).

Written by reading the code with grep before the scanner was ever run on this app.
Only the kinds email_send, notification, webhook_handler, event_tracking, data_model,
scheduled_job, llm_call and personize_call are labelled.
"""

from bench.labels.resolve import no, tp

PACKAGE = "paperless-ngx"
OUTPUT = "bench/labels/batch7/paperless-ngx.json"
ROOT = "/tmp/fc7/paperless-ngx"
SOURCE = {
    "source": "github",
    "repo": "paperless-ngx/paperless-ngx",
    "commit": "b0e0e8a35373a5d9d588a507cb63c79e50a23403",
    "subdir": "src",
}

MAIL = "src/documents/mail.py"
ACT = "src/documents/workflows/actions.py"
WH = "src/documents/workflows/webhooks.py"
HND = "src/documents/signals/handlers.py"
VIEWS = "src/documents/views.py"
CLIENT = "src/paperless_ai/client.py"
CLS = "src/paperless_ai/ai_classifier.py"
CHAT = "src/paperless_ai/chat.py"
BEAT = "src/paperless/settings/custom.py"
TASKS = "src/documents/tasks.py"
DM = "src/documents/models.py"
MM = "src/paperless_mail/models.py"
PM = "src/paperless/models.py"

# Celery beat entries in parse_beat_schedule: (entry name, task file, task def snippet)
BEAT_ENTRIES = [
    ("Check all e-mail accounts", "src/paperless_mail/tasks.py", "def process_mail_accounts(", "process_mail_accounts"),
    ("Train the classifier", TASKS, "def train_classifier(", "train_classifier"),
    ("Optimize the index", TASKS, "def index_optimize()", "index_optimize"),
    ("Perform sanity check", TASKS, "def sanity_check(", "sanity_check"),
    ("Empty trash", TASKS, "def empty_trash(", "empty_trash"),
    ("Check and run scheduled workflows", TASKS, "def check_scheduled_workflows()", "check_scheduled_workflows"),
    ("Rebuild LLM index", TASKS, "def llmindex_index(", "llmindex_index"),
    ("Cleanup expired share link bundles", TASKS, "def cleanup_expired_share_link_bundles()", "cleanup_expired_share_link_bundles"),
]


def model(file, name, at=None, **kw):
    return tp("data_model", file, at or f"class {name}(", name, entity=name, framework="django", **kw)


def model_no(file, name, why, at=None):
    return no("data_model", file, at or f"class {name}(", why)


SPEC = {
    "notes": [
        "paperless-ngx at GitHub commit b0e0e8a35373a5d9d588a507cb63c79e50a23403; only src/ (plus pyproject.toml, README, docker/) was extracted. Paths relative to ROOT. Labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: src/*/tests/**, src/*/migrations/**, src/paperless_ai/migrations/**, test sample files, docker/ s6 service scripts (svc-scheduler only starts celery beat).",
        "email_send: documents.mail.send_email is the only email wrapper (Django EmailMessage(...).send(); the EmailMessage( line is an alt). Call sites: workflow email action (execute_email_action, itself a wrapper called from run_workflows) and the /documents/email API action (email_documents). Allauth's own password-reset/verification emails are sent by the library; the template override account/email/base_message.txt is ambiguous.",
        "notification: workflow webhook action. documents.workflows.webhooks.send_webhook is a Celery shared_task POSTing (httpx) to a user-configured URL (webhook_out); execute_webhook_action builds the payload and enqueues it; run_workflows calls it. The websocket status channel (BaseStatusManager.send via channels group_send, send_document_updated/send_documents_deleted, send_websocket_document_updated) is realtime UI sync, not a message to a person: not_touchpoints; ProgressManager.send_progress carries user-visible consumption status toasts: ambiguous in_app.",
        "scheduled_job: the Celery beat schedule is built in paperless/settings/custom.py parse_beat_schedule from a list of dicts; each entry is labelled at its \"name\" line with the task def as alt. CELERY_BEAT_SCHEDULE = parse_beat_schedule() in settings is ambiguous (the registration of the whole list).",
        "llm_call: paperless_ai.client.AIClient (llama_index Ollama / OpenAILike) — run_llm_query is the wrapper (llm.chat for Ollama, llm.chat_with_tools for OpenAI-like); ai_classifier.get_ai_document_classification and chat.stream_chat_with_documents (RetrieverQueryEngine.query with client.llm, streaming) are wrappers with call sites in documents/views.py. AIClient.get_llm (client construction) and embedding.get_embedding_model (embeddings, not generation) are ambiguous.",
        "webhook_handler: none. The mail OAuth callback (paperless_mail OauthCallbackView) is an OAuth redirect, not an event webhook: not a touchpoint. event_tracking, personize_call: none (no analytics SDK or snippet; no Personize code). RemoteVersionView's httpx.get to GitHub releases is an update check, not a notification.",
        "data_model: Correspondent (the people/organisations documents come from), Document (user-owned record), Note (user-authored note on a document) are touchpoints; MailAccount, ProcessedMail, SavedView, UiSettings, ShareLink, ShareLinkBundle, CustomFieldInstance, Tag, PaperlessTask are ambiguous; configuration (DocumentType, StoragePath, CustomField, Workflow*, MailRule, ApplicationConfiguration), abstract bases, TextChoices enums and WorkflowRun (run log) are not. Django's auth User/Group are not defined in the repo.",
    ],
    "touchpoints": [
        # ---- email_send
        tp("email_send", MAIL, "def send_email(", "send_email", channel="email",
           note="wrapper: Django EmailMessage send with attachments"),
        tp("email_send", MAIL, "return email.send()", "send_email", channel="email", provider="django",
           alt=[{"at": "email = EmailMessage("}]),
        tp("email_send", ACT, "def execute_email_action(", "execute_email_action", channel="email",
           note="wrapper: workflow email action"),
        tp("email_send", ACT, "n_messages = send_email(", "execute_email_action", channel="email",
           note="call site of documents.mail.send_email"),
        tp("email_send", HND, "execute_email_action(", "run_workflows", channel="email",
           note="call site of execute_email_action"),
        tp("email_send", VIEWS, "            send_email(", "email_documents", channel="email",
           note="call site of documents.mail.send_email (POST /api/documents/email/)"),
        # ---- notification: workflow webhooks (user-configured URL)
        tp("notification", WH, "def send_webhook(", "send_webhook", channel="webhook_out",
           note="wrapper: Celery task POSTing to the workflow's webhook URL",
           alt=[{"at": "@shared_task("}]),
        tp("notification", WH, "client.post(", "send_webhook", channel="webhook_out", provider="httpx"),
        tp("notification", ACT, "def execute_webhook_action(", "execute_webhook_action", channel="webhook_out",
           note="wrapper: workflow webhook action"),
        tp("notification", ACT, "send_webhook.apply_async(", "execute_webhook_action", channel="webhook_out",
           note="call site of send_webhook (enqueued)"),
        tp("notification", HND, "execute_webhook_action(", "run_workflows", channel="webhook_out",
           note="call site of execute_webhook_action"),
        # ---- llm_call
        tp("llm_call", CLIENT, "def run_llm_query(", "AIClient.run_llm_query",
           note="wrapper: llama_index chat / chat_with_tools"),
        tp("llm_call", CLIENT, "result = self.llm.chat(", "AIClient.run_llm_query", provider="ollama"),
        tp("llm_call", CLIENT, "result = self.llm.chat_with_tools(", "AIClient.run_llm_query", provider="openai"),
        tp("llm_call", CLS, "def get_ai_document_classification(", "get_ai_document_classification",
           note="wrapper: AI document classification suggestions"),
        tp("llm_call", CLS, "result = client.run_llm_query(prompt)", "get_ai_document_classification",
           note="call site of AIClient.run_llm_query"),
        tp("llm_call", CLS, "localized = client.run_llm_query(", "get_ai_document_classification",
           note="call site of AIClient.run_llm_query"),
        tp("llm_call", CHAT, "def stream_chat_with_documents(", "stream_chat_with_documents",
           note="wrapper: RAG chat over documents (streaming)"),
        tp("llm_call", CHAT, "response_stream = query_engine.query(query_str)", "_stream_chat_with_documents",
           provider="llama_index"),
        tp("llm_call", VIEWS, "llm_suggestions = get_ai_document_classification(", "ai_suggestions",
           note="call site of get_ai_document_classification"),
        tp("llm_call", VIEWS, "stream_chat_with_documents(", "post",
           note="call site of stream_chat_with_documents"),
        # ---- scheduled_job: Celery beat entries
        *[
            tp("scheduled_job", BEAT, f'"name": "{name}"', sym, framework="celery_beat",
               alt=[{"file": f, "at": d}])
            for name, f, d, sym in BEAT_ENTRIES
        ],
        # ---- data_model
        model(DM, "Correspondent"),
        model(DM, "Document", at="class Document(SoftDeleteModel"),
        model(DM, "Note"),
    ],
    "not_touchpoints": [
        no("notification", "src/documents/plugins/helpers.py",
           'async_to_sync(self._channel.group_send)("status_updates", payload)',
           "websocket status channel for UI refresh (data sync), not a message to a person"),
        no("notification", "src/documents/plugins/helpers.py", "def send_document_updated(",
           "websocket data-sync event"),
        no("notification", "src/documents/plugins/helpers.py", "def send_documents_deleted(",
           "websocket data-sync event"),
        no("notification", HND, "def send_websocket_document_updated(",
           "signal receiver that pushes a document-updated sync event to open browser tabs"),
        no("notification", "src/paperless/consumers.py", "class StatusConsumer(",
           "websocket consumer relaying status events to the browser"),
        no("notification", VIEWS, "document_updated.send(", "Django signal dispatch, not a delivery", nth=1),
        no("notification", "src/paperless/views.py", "signals.authenticator_added.send(",
           "Django signal dispatch (MFA authenticator added)"),
        no("notification", VIEWS, "resp = httpx.get(",
           "RemoteVersionView: update check against GitHub releases API"),
        no("email_send", "src/paperless_mail/mail.py", "def mailbox_login(",
           "IMAP login for mail consumption (receiving), not sending"),
        no("email_send", "src/paperless_mail/tasks.py", "def process_mail_accounts(",
           "fetches mail over IMAP to consume attachments; sends nothing"),
        no("email_send", "src/paperless_mail/mail.py", "def apply_mail_action(",
           "IMAP post-consume action (move/flag/delete), sends nothing"),
        no("webhook_handler", "src/paperless_mail/views.py", "class OauthCallbackView(",
           "OAuth redirect callback for Gmail/Outlook mail accounts, not an event webhook"),
        no("webhook_handler", "src/paperless/urls.py", 'r"^oauth/callback/"',
           "OAuth redirect route"),
        model_no(DM, "ModelWithOwner", "abstract base"),
        model_no(DM, "MatchingModel", "abstract base (matching config)"),
        model_no(DM, "DocumentType", "configuration (classification)"),
        model_no(DM, "StoragePath", "configuration (file path template)"),
        model_no(DM, "SavedViewFilterRule", "filter rule rows of a saved view"),
        model_no(DM, "CustomField", "configuration (field definition)"),
        model_no(DM, "WorkflowTrigger", "configuration"),
        model_no(DM, "WorkflowActionEmail", "configuration of an email action (a look-alike for email_send)"),
        model_no(DM, "WorkflowActionWebhook", "configuration of a webhook action"),
        model_no(DM, "WorkflowAction", "configuration"),
        model_no(DM, "Workflow", "configuration"),
        model_no(DM, "WorkflowRun", "run log"),
        model_no(MM, "MailRule", "configuration"),
        model_no(PM, "AbstractSingletonModel", "abstract base"),
        model_no(PM, "ApplicationConfiguration", "settings singleton"),
        model_no(PM, "LLMBackend", "TextChoices enum"),
    ],
    "ambiguous": [
        no("email_send", "src/documents/templates/account/email/base_message.txt", "Hello from {{ site_name }}",
           "allauth email template override; the sending is done inside django-allauth"),
        no("notification", "src/documents/plugins/helpers.py", "    def send_progress(",
           "consumption progress/status messages shown to the user as toasts over websocket (in_app?)"),
        no("scheduled_job", "src/paperless/settings/__init__.py", "CELERY_BEAT_SCHEDULE = parse_beat_schedule()",
           "registers the whole beat schedule; the entries are labelled individually"),
        no("scheduled_job", BEAT, "def parse_beat_schedule()", "builder of the beat schedule"),
        no("llm_call", CLIENT, "def get_llm(", "LLM client construction (Ollama / OpenAILike), no generation"),
        no("llm_call", "src/paperless_ai/embedding.py", "def get_embedding_model(",
           "embedding model construction (OpenAI-like / Ollama / HuggingFace), not generation"),
        no("llm_call", "src/paperless_ai/indexing.py", "def update_llm_index(",
           "builds the vector index with embedding calls"),
        model_no(DM, "Tag", "user-owned classification label (configuration-like)"),
        model_no(DM, "SavedView", "per-user saved document view"),
        model_no(DM, "UiSettings", "per-user UI settings"),
        model_no(DM, "PaperlessTask", "background task record with owner"),
        model_no(DM, "ShareLink", "share token for a document"),
        model_no(DM, "ShareLinkBundle", "share token for a bundle of documents"),
        model_no(DM, "CustomFieldInstance", "custom field value on a document"),
        model_no(MM, "MailAccount", "a user's IMAP mailbox configuration (account-like, credentials)"),
        model_no(MM, "ProcessedMail", "record of a received mail message processed for a user"),
    ],
}
