"""Batch-7 labels for LNbits (FastAPI Lightning wallet/accounts server), GitHub snapshot.

Written by reading the code with grep before the scanner was ever run on this repository.
"""

from bench.labels.resolve import no, tp

PACKAGE = "lnbits"
OUTPUT = "bench/labels/batch7/lnbits.json"
ROOT = "/tmp/fc7/lnbits"
SOURCE = {
    "source": "github",
    "repo": "lnbits/lnbits",
    "commit": "7d98c6b0808efab3edafc21310ec34d1c38c23df",
}

N = "lnbits/core/services/notifications.py"
NOSTR = "lnbits/core/services/nostr.py"
TASKS = "lnbits/core/tasks.py"
APP = "lnbits/app.py"
PAY = "lnbits/core/services/payments.py"
FS = "lnbits/core/services/funding_source.py"
ADMIN = "lnbits/core/views/admin_api.py"
USERAPI = "lnbits/core/views/user_api.py"
CB = "lnbits/core/views/callback_api.py"
UM = "lnbits/core/models/users.py"
WM = "lnbits/core/models/wallets.py"
PM = "lnbits/core/models/payments.py"
I18N = "tools/i18n-ai-tool.py"


def note(file, at, symbol, channel="other", nth=0, **kw):
    return tp("notification", file, at, symbol, channel=channel, nth=nth, **kw)


def email(file, at, symbol, nth=0, **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **kw)


def model(file, name, entity=None, **kw):
    return tp(
        "data_model", file, f"class {name}(", name, entity=entity or name, framework="pydantic", **kw
    )


def model_amb(file, name, why, **kw):
    return no("data_model", file, f"class {name}(", why, **kw)


ENQ = "call site of enqueue_admin_notification"

SPEC = {
    "notes": [
        "LNbits at commit 7d98c6b0 (GitHub snapshot). Paths relative to the repo root; tests/ and docs/ excluded. Labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: lnbits/core/migrations.py (raw SQL schema), lnbits/static/vendor/** and *.min.js bundles, generated gRPC stubs (lnbits/wallets/*_grpc_files/*_pb2*.py).",
        "notification: everything lives in core/services/notifications.py. enqueue_admin_notification / enqueue_user_notification put NotificationMessage on an asyncio queue; process_next_notification (drained by core/tasks.wait_notification_messages) formats the text and calls send_admin_notification / send_user_notification, which both call the multi-channel dispatcher send_notification (Telegram Bot API via raw httpx POST = chat, Nostr encrypted DM over relay websockets = chat, SMTP email = email_send). Each def is a wrapper/dispatcher touchpoint; every enqueue_admin_notification call (app startup/shutdown, funding-source watchdog, admin settings, balance update, server status) is a call site.",
        "Payment notifications: send_payment_notification is a per-payment dispatcher (websocket update + chat notification + Web Push via pywebpush + outgoing payment webhook via httpx POST to the user-configured payment.webhook URL = webhook_out). Its wrapper send_payment_notification_in_background and payments._send_payment_notification_in_background are wrappers with call sites in _pay_internal_invoice/_pay_external_invoice; core/tasks.wait_for_paid_invoices calls it for incoming payments.",
        "email_send: send_email (smtplib SMTP starttls + sendmail) wrapped by send_email_notification; call sites are send_notification and admin_api.api_test_email. No other email path (no password-reset mail).",
        "Ambiguous: send_ws_payment_notification / websocket_manager.send (realtime JSON state push to the wallet UI over websockets, named 'notification' but a data sync), the service-worker push display (client side of Web Push), the /api/v1/ws/{item_id} POST/GET relay endpoints (anyone can push data to websocket listeners).",
        "webhook_handler: callback_api.api_generic_webhook_handler (POST /api/v1/callback/{provider}) receives Stripe and PayPal events (signature checked); handle_stripe_event / handle_paypal_event are its dispatchers: ambiguous. OAuth /{provider}/token callback and LNURL endpoints are user-driven protocol flows: not.",
        "scheduled_job: no cron library; periodic work is asyncio loops started by app.register_async_tasks via create_permanent_task: run_by_the_minute_tasks (watchdog/balance delta/server status notification/extension refresh, every minute), purge_audit_data (hourly), collect_exchange_rates_data (interval), check_pending_payments via run_interval(30*60). Labelled at the def, with the create_permanent_task line as alt. run_interval (the generic interval helper) and cache.invalidate_forever are ambiguous; queue consumers (wait_for_audit_data, wait_notification_messages, invoice listeners) are not schedules. CLI cleanup commands (db cleanup-wallets, users cleanup-accounts) could be run by cron but nothing says so: ambiguous. .github/workflows/codeql.yml weekly CodeQL scan is repo maintenance: ambiguous.",
        "llm_call: only tools/i18n-ai-tool.py (dev translation script, OpenAI chat.completions with gpt-4o); the single-use translate_string helper and its call are ambiguous. openai is a dev dependency only.",
        "event_tracking: none (no analytics snippet in templates or static js). personize_call: none.",
        "data_model: pydantic models in lnbits/core/models (tables created by raw SQL in migrations.py). Account, User, Wallet, Payment are touchpoints; UserExtra, UserNotifications, AccountOverview, BaseWallet, WalletExtra, WalletSharePermission, WebPushSubscription, AuditEntry, Asset, UserExtension, StoredPayLink, TinyURL are ambiguous; request bodies, filters, stats, extension catalogue and settings models are not (a sample is listed as not_touchpoints). lnbits/wallets/base.Wallet is the funding-source ABC, not a user wallet: not.",
    ],
    "touchpoints": [
        # ---- notification dispatch chain (notifications.py)
        note(N, "def enqueue_admin_notification(", "enqueue_admin_notification",
             note="wrapper: queues an admin notification (Telegram/Nostr/email)"),
        note(N, "def enqueue_user_notification(", "enqueue_user_notification",
             note="wrapper: queues a per-user notification (Telegram/Nostr/email)"),
        note(N, "async def process_next_notification(", "process_next_notification",
             note="dispatcher: dequeues a notification and sends it"),
        note(N, "await send_user_notification(user_notifications, text, message_type)",
             "process_next_notification", note="call site of send_user_notification"),
        note(N, "await send_admin_notification(text, message_type)", "process_next_notification",
             note="call site of send_admin_notification"),
        note(N, "async def send_admin_notification(", "send_admin_notification",
             note="wrapper: admin notification to configured Telegram/Nostr/email"),
        note(N, "return await send_notification(", "send_admin_notification", nth=1,
             note="call site of send_notification"),
        note(N, "async def send_user_notification(", "send_user_notification",
             note="wrapper: user notification to the user's Telegram/Nostr/email"),
        note(N, "return await send_notification(", "send_user_notification", nth=2,
             note="call site of send_notification"),
        note(N, "async def send_notification(", "send_notification",
             note="dispatcher: multi-channel send (Telegram, Nostr, email)"),
        note(N, "await send_telegram_notification(telegram_chat_id, message)", "send_notification",
             channel="chat", provider="telegram", note="call site of send_telegram_notification"),
        note(N, "await send_nostr_notifications(nostr_identifiers, message)", "send_notification",
             channel="chat", provider="nostr", note="call site of send_nostr_notifications"),
        email(N, "await send_email_notification(email_addresses, message)", "send_notification",
              note="call site of send_email_notification"),
        note(N, "async def send_nostr_notifications(", "send_nostr_notifications", channel="chat",
             provider="nostr", note="wrapper: Nostr DMs to several identifiers"),
        note(N, "await send_nostr_notification(identifier, message)", "send_nostr_notifications",
             channel="chat", provider="nostr", note="call site of send_nostr_notification"),
        note(N, "async def send_nostr_notification(", "send_nostr_notification", channel="chat",
             provider="nostr", note="wrapper: Nostr DM to one NIP-05 identifier"),
        note(N, "    await send_nostr_dm(", "send_nostr_notification", channel="chat", provider="nostr",
             note="call site of nostr.send_nostr_dm"),
        note(NOSTR, "async def send_nostr_dm(", "send_nostr_dm", channel="chat", provider="nostr",
             note="wrapper: encrypted Nostr DM published to relays"),
        note(NOSTR, "ws.send(notification)", "send_nostr_dm", channel="chat", provider="nostr",
             alt=[{"at": "ws = create_connection(relay, timeout=2)"}]),
        note(N, "async def send_telegram_notification(", "send_telegram_notification", channel="chat",
             provider="telegram", note="wrapper: Telegram message with the configured bot token"),
        note(N, "return await send_telegram_message(", "send_telegram_notification", channel="chat",
             provider="telegram", note="call site of send_telegram_message"),
        note(N, "async def send_telegram_message(", "send_telegram_message", channel="chat",
             provider="telegram", note="wrapper: Telegram Bot API sendMessage"),
        note(N, "response = await client.post(url, data=payload)", "send_telegram_message",
             channel="chat", provider="telegram",
             alt=[{"at": 'url = f"https://api.telegram.org/bot{token}/sendMessage"'}]),
        # ---- email
        email(N, "async def send_email_notification(", "send_email_notification",
              note="wrapper: email with the configured SMTP settings"),
        email(N, "await send_email(", "send_email_notification", note="call site of send_email"),
        email(N, "async def send_email(", "send_email", note="wrapper: smtplib SMTP send"),
        email(N, "smtp_server.sendmail(from_email, to_emails, msg.as_string())", "send_email",
              provider="smtplib", alt=[{"at": "with smtplib.SMTP(server, port) as smtp_server:"}]),
        email(ADMIN, "return await send_email_notification(", "api_test_email",
              note="call site of send_email_notification (admin test email)"),
        # ---- payment notifications
        note(N, "async def dispatch_webhook(", "dispatch_webhook", channel="webhook_out",
             note="wrapper: POSTs the payment to the user-configured webhook URL"),
        note(N, "r = await client.post(payment.webhook, json=payment.json(), timeout=40)",
             "dispatch_webhook", channel="webhook_out", provider="httpx"),
        note(N, "async def send_payment_notification(", "send_payment_notification",
             note="dispatcher: websocket + chat + push + webhook per payment"),
        note(N, "await send_chat_payment_notification(wallet, payment)", "send_payment_notification",
             note="call site of send_chat_payment_notification"),
        note(N, "await send_payment_push_notification(wallet, payment)", "send_payment_notification",
             channel="push", note="call site of send_payment_push_notification"),
        note(N, "await dispatch_webhook(payment)", "send_payment_notification", channel="webhook_out",
             note="call site of dispatch_webhook"),
        note(N, "def send_payment_notification_in_background(", "send_payment_notification_in_background",
             note="wrapper: schedules send_payment_notification as a task"),
        note(N, "create_task(send_payment_notification(wallet, payment))",
             "send_payment_notification_in_background", note="call site of send_payment_notification"),
        note(N, "async def send_chat_payment_notification(", "send_chat_payment_notification",
             note="wrapper: payment notification to admin and user chat channels"),
        note(N, "enqueue_admin_notification(NotificationType.outgoing_payment, values)",
             "send_chat_payment_notification", note=ENQ),
        note(N, "enqueue_admin_notification(NotificationType.incoming_payment, values)",
             "send_chat_payment_notification", note=ENQ),
        note(N, "enqueue_user_notification(", "send_chat_payment_notification", nth=2,
             note="call site of enqueue_user_notification"),
        note(N, "enqueue_user_notification(", "send_chat_payment_notification", nth=3,
             note="call site of enqueue_user_notification"),
        note(N, "async def send_payment_push_notification(", "send_payment_push_notification",
             channel="push", note="wrapper: Web Push to the wallet owner's subscriptions"),
        note(N, "await send_push_notification(subscription, title, body, url)",
             "send_payment_push_notification", channel="push", note="call site of send_push_notification"),
        note(N, "async def send_push_notification(", "send_push_notification", channel="push",
             note="wrapper: pywebpush send"),
        note(N, "        webpush(", "send_push_notification", channel="push", provider="pywebpush"),
        note(PAY, "async def _send_payment_notification_in_background(",
             "_send_payment_notification_in_background",
             note="wrapper: reloads the wallet and sends the payment notification"),
        note(PAY, "send_payment_notification_in_background(wallet, payment)",
             "_send_payment_notification_in_background",
             note="call site of send_payment_notification_in_background"),
        note(PAY, "await _send_payment_notification_in_background(wallet.id, payment, conn=conn)",
             "_pay_internal_invoice", nth=1, note="call site of _send_payment_notification_in_background"),
        note(PAY, "await _send_payment_notification_in_background(wallet.id, payment, conn=conn)",
             "_pay_external_invoice", nth=2, note="call site of _send_payment_notification_in_background"),
        note(TASKS, "await send_payment_notification(wallet, payment)", "wait_for_paid_invoices",
             note="call site of send_payment_notification"),
        note(TASKS, "await process_next_notification()", "wait_notification_messages",
             note="call site of process_next_notification"),
        # ---- enqueue_admin_notification call sites
        note(TASKS, "enqueue_admin_notification(NotificationType.server_status, values)",
             "_notify_server_status", note=ENQ),
        note(APP, "    enqueue_admin_notification(", "startup", nth=1, note=ENQ),
        note(APP, "    enqueue_admin_notification(", "shutdown", nth=2, note=ENQ),
        note(FS, "    enqueue_admin_notification(", "check_server_balance_against_node", nth=1, note=ENQ),
        note(FS, "        enqueue_admin_notification(", "check_balance_delta_changed", note=ENQ),
        note(ADMIN, "    enqueue_admin_notification(", "api_update_settings", nth=1, note=ENQ),
        note(ADMIN, "    enqueue_admin_notification(", "api_delete_settings", nth=2, note=ENQ),
        note(USERAPI, "    enqueue_admin_notification(", "api_update_balance", note=ENQ),
        # ---- webhook handler
        tp("webhook_handler", CB, "async def api_generic_webhook_handler(", "api_generic_webhook_handler",
           provider="stripe/paypal", alt=[{"at": '@callback_router.post("/{provider_name}")'}]),
        # ---- scheduled jobs
        tp("scheduled_job", TASKS, "async def run_by_the_minute_tasks(", "run_by_the_minute_tasks",
           note="asyncio loop every 60s",
           alt=[{"file": APP, "at": "create_permanent_task(run_by_the_minute_tasks)"}]),
        tp("scheduled_job", TASKS, "async def purge_audit_data(", "purge_audit_data",
           note="asyncio loop every hour",
           alt=[{"file": APP, "at": "create_permanent_task(purge_audit_data)"}]),
        tp("scheduled_job", TASKS, "async def collect_exchange_rates_data(", "collect_exchange_rates_data",
           note="asyncio loop every refresh interval",
           alt=[{"file": APP, "at": "create_permanent_task(collect_exchange_rates_data)"}]),
        tp("scheduled_job", APP, "create_permanent_task(run_interval(30 * 60, check_pending_payments))",
           "register_async_tasks", note="check_pending_payments every 30 minutes",
           alt=[{"file": PAY, "at": "async def check_pending_payments("}]),
        # ---- llm
        tp("llm_call", I18N, "chat_completion = client.chat.completions.create(", "translate_string",
           provider="openai", alt=[{"at": "client = OpenAI()"}]),
        # ---- data models
        model(UM, "Account", entity="Account"),
        model(UM, "User"),
        model(WM, "Wallet"),
        model(PM, "Payment"),
    ],
    "not_touchpoints": [
        no("notification", "lnbits/utils/logger.py", "await websocket_updater(super_user_hash, msg)",
           "streams server log lines to the admin UI websocket"),
        no("notification", "lnbits/static/js/components.js", "Quasar.Notify.create({",
           "UI toast", nth=1),
        no("notification", "lnbits/core/views/webpush_api.py", "async def api_create_webpush_subscription(",
           "stores a push subscription; delivers nothing"),
        no("notification", N, "await mark_webhook_sent(payment.payment_hash, str(r.status_code))",
           "records webhook delivery status in the DB"),
        no("webhook_handler", "lnbits/core/views/auth_api.py", '@auth_router.get("/{provider}/token", description="Handle OAuth callback")',
           "OAuth redirect of the user's browser, not an event from another system"),
        no("webhook_handler", "lnbits/core/views/lnurl_api.py", '@lnurl_router.post("/api/v1/lnurlauth")',
           "LNURL-auth protocol call made on the user's behalf"),
        no("webhook_handler", "lnbits/core/services/fiat_providers.py", "def check_stripe_signature(",
           "signature verification helper used by the handler"),
        no("scheduled_job", TASKS, "async def wait_for_audit_data(", "queue consumer, not a schedule"),
        no("scheduled_job", TASKS, "async def wait_notification_messages(", "queue consumer, not a schedule"),
        no("scheduled_job", "lnbits/tasks.py", "async def invoice_listener(", "payment stream listener"),
        no("scheduled_job", "lnbits/tasks.py", "await asyncio.sleep(5)",
           "restart back-off of a crashed task"),
        no("data_model", "lnbits/wallets/base.py", "class Wallet(ABC):", "funding-source backend interface"),
        no("data_model", "lnbits/core/models/misc.py", "class DbVersion(", "migration version row"),
        no("data_model", UM, "class CreateUser(", "request body"),
        no("data_model", UM, "class UpdateUser(", "request body"),
        no("data_model", UM, "class RegisterUser(", "request body"),
        no("data_model", UM, "class AccountFilters(", "list filter"),
        no("data_model", UM, "class AccessTokenPayload(", "JWT payload"),
        no("data_model", WM, "class CreateWallet(", "request body"),
        no("data_model", PM, "class CreateInvoice(", "request body"),
        no("data_model", PM, "class PaymentFilters(", "list filter"),
        no("data_model", PM, "class PaymentDailyStats(", "aggregated statistics"),
        no("data_model", "lnbits/core/models/extensions.py", "class InstallableExtension(", "extension catalogue entry"),
        no("data_model", "lnbits/core/models/extensions.py", "class Extension(", "extension metadata"),
        no("data_model", "lnbits/core/models/notifications.py", "class NotificationMessage(",
           "in-memory queue item"),
        no("data_model", "lnbits/core/models/misc.py", "class BalanceDelta(", "node balance status"),
        no("email_send", "lnbits/helpers.py", "def is_valid_email_address(", "email validation only"),
    ],
    "ambiguous": [
        no("notification", N, "async def send_ws_payment_notification(",
           "realtime payment/balance JSON to the wallet UI websocket: data sync named 'notification'"),
        no("notification", N, "await send_ws_payment_notification(wallet, payment)",
           "call of the websocket payment update", nth=1),
        no("notification", "lnbits/core/services/websockets.py", "async def send(self, item_id: str, data: str)",
           "generic websocket broadcast to clients subscribed to an id"),
        no("notification", "lnbits/core/templates/service-worker.js", "self.registration.showNotification(title, {",
           "client-side display of a Web Push message"),
        no("webhook_handler", "lnbits/core/views/websocket_api.py", "async def websocket_update_post(",
           "HTTP relay that lets any system push data to websocket listeners"),
        no("webhook_handler", "lnbits/core/views/websocket_api.py", "async def websocket_update_get(",
           "HTTP GET relay that lets any system push data to websocket listeners"),
        no("webhook_handler", CB, "async def handle_stripe_event(", "Stripe event dispatcher behind the handler"),
        no("webhook_handler", CB, "async def handle_paypal_event(", "PayPal event dispatcher behind the handler"),
        no("scheduled_job", "lnbits/tasks.py", "def run_interval(", "generic interval-loop helper"),
        no("scheduled_job", "lnbits/utils/cache.py", "async def invalidate_forever(self):",
           "cache expiry loop (technical)"),
        no("scheduled_job", "lnbits/commands.py", '@db.command("cleanup-wallets")',
           "maintenance CLI that could be run by cron; nothing schedules it"),
        no("scheduled_job", "lnbits/commands.py", '@users.command("cleanup-accounts")',
           "maintenance CLI that could be run by cron; nothing schedules it"),
        no("scheduled_job", ".github/workflows/codeql.yml", "- cron: '0 12 * * 5'",
           "weekly CodeQL scan: repo maintenance, not the app"),
        no("llm_call", I18N, "def translate_string(", "single-use helper around the OpenAI call in a dev tool"),
        no("llm_call", I18N, 'translated = translate_string("en", lang, data_en[k])',
           "call of the single-use helper"),
        model_amb(UM, "UserExtra", "JSON extra attributes of an account"),
        model_amb(UM, "UserNotifications", "per-user notification preferences (part of UserExtra)"),
        model_amb(UM, "AccountOverview", "account plus aggregates for the admin list"),
        model_amb(UM, "AccountId", "base with only the id"),
        model_amb(WM, "BaseWallet", "minimal wallet base class"),
        model_amb(WM, "WalletExtra", "JSON extra attributes of a wallet"),
        model_amb(WM, "WalletSharePermission", "wallet sharing grant between users"),
        model_amb("lnbits/core/models/webpush.py", "WebPushSubscription", "a user's push subscription"),
        model_amb("lnbits/core/models/audit.py", "AuditEntry", "request audit log row with user id"),
        model_amb("lnbits/core/models/assets.py", "Asset", "user-uploaded file record"),
        model_amb("lnbits/core/models/extensions.py", "UserExtension", "per-user extension enablement"),
        model_amb("lnbits/core/models/lnurl.py", "StoredPayLink", "saved LNURL pay link of a user"),
        model_amb("lnbits/core/models/tinyurl.py", "TinyURL", "short URL owned by a wallet"),
        model_amb("lnbits/core/models/extensions.py", "ExtensionReview", "review of an extension by a user (remote)"),
    ],
}
