"""Hand-written labels for flaskbb-2.0.2 (resolved to line numbers by ../resolve.py)."""

from bench.labels.resolve import no, tp

PACKAGE = "flaskbb"
OUTPUT = "bench/labels/flaskbb-2.0.2.json"

EM = "flaskbb/email.py"
FM = "flaskbb/forum/models.py"
UM = "flaskbb/user/models.py"


def model(file: str, name: str, **extra: object) -> dict[str, object]:
    return tp(
        "data_model", file, f"class {name}(", name, entity=name, framework="sqlalchemy", **extra
    )


SPEC = {
    "notes": [
        "FlaskBB 2.0.2 sdist from PyPI (the newest with an sdist); paths relative to the unpacked sdist root. Labelled by reading the code, not from scanner output.",
        "A Flask + Flask-SQLAlchemy forum. Email goes through flaskbb/email.py: send_email wraps Flask-Mail; send_reset_token / send_activation_token / send_async_email are Celery tasks that call it, queued with .delay() from the auth services. None of the Celery tasks is scheduled, so there is no scheduled_job.",
        "Exhaustive kinds present: email_send, data_model. No notification, event_tracking, webhook_handler, scheduled_job, llm_call or personize_call code. Private messaging lives in a separate plugin package in 2.x and is not here.",
        "data_model: users, groups and forum content/records are touchpoints; TopicsRead/ForumsRead (composite-key read tracking) are ambiguous; settings and plugin registry tables are configuration (not); db.Table association tables are join tables (not); Forum and Category are containers of content (ambiguous).",
    ],
    "touchpoints": [
        tp(
            "email_send",
            EM,
            "def send_email(",
            "send_email",
            channel="email",
            provider="flask-mail",
            note="the app's email wrapper",
        ),
        tp(
            "email_send",
            EM,
            "mail.send(msg)",
            "send_email",
            channel="email",
            provider="flask-mail",
            alt=[{"at": "msg = Message("}],
        ),
        tp(
            "email_send",
            EM,
            "def send_reset_token(",
            "send_reset_token",
            channel="email",
            note="wrapper (Celery task)",
            alt=[{"at": "@celery.task", "nth": 1}],
        ),
        tp("email_send", EM, "send_email(", "send_reset_token", channel="email", nth=1),
        tp(
            "email_send",
            EM,
            "def send_activation_token(",
            "send_activation_token",
            channel="email",
            note="wrapper (Celery task)",
            alt=[{"at": "@celery.task", "nth": 2}],
        ),
        tp("email_send", EM, "send_email(", "send_activation_token", channel="email", nth=2),
        tp(
            "email_send",
            EM,
            "def send_async_email(",
            "send_async_email",
            channel="email",
            note="wrapper (Celery task)",
            alt=[{"at": "@celery.task", "nth": 3}],
        ),
        tp(
            "email_send", EM, "    send_email(*args, **kwargs)", "send_async_email", channel="email"
        ),
        tp(
            "email_send",
            "flaskbb/auth/services/password.py",
            "send_reset_token.delay(",
            "initiate_password_reset",
            channel="email",
            note="call site",
        ),
        tp(
            "email_send",
            "flaskbb/auth/services/activation.py",
            "send_activation_token.delay(",
            "initiate_account_activation",
            channel="email",
            note="call site",
        ),
        model(UM, "User"),
        model(UM, "Group"),
        model(FM, "Report"),
        model(FM, "Post"),
        model(FM, "Topic"),
        tp(
            "user_context",
            "flaskbb/app.py",
            "def load_user(user_id):",
            "load_user",
            alt=[{"at": "@login_manager.user_loader"}],
        ),
        tp("search_endpoint", "flaskbb/forum/views.py", "class Search(MethodView):", "Search"),
        tp(
            "segmentation",
            "flaskbb/utils/helpers.py",
            "if current_user.is_authenticated and current_user.language is not None:",
            "format_timedelta",
            note="locale chosen from the user's language",
        ),
    ],
    "not_touchpoints": [
        no(
            "user_context",
            "flaskbb/configs/default.py",
            "class DefaultConfig(object):",
            "configuration defaults",
        ),
        no(
            "ui_surface",
            "flaskbb/forum/views.py",
            "class ReportView(MethodView):",
            "form to report a post to moderators, not a report screen",
        ),
        no("data_model", "flaskbb/management/models.py", "class SettingsGroup(", "configuration"),
        no("data_model", "flaskbb/management/models.py", "class Setting(", "configuration"),
        no("data_model", "flaskbb/plugins/models.py", "class PluginStore(", "plugin configuration"),
        no("data_model", "flaskbb/plugins/models.py", "class PluginRegistry(", "plugin registry"),
        no("data_model", UM, "groups_users = db.Table(", "association (join) table"),
        no("data_model", FM, "moderators = db.Table(", "association (join) table"),
        no("data_model", FM, "topictracker = db.Table(", "association (join) table"),
        no("data_model", FM, "forumgroups = db.Table(", "association (join) table"),
        no(
            "data_model",
            UM,
            "class Guest(AnonymousUserMixin):",
            "anonymous-user object, not a model",
        ),
        *[
            no(
                "scheduled_job",
                EM,
                f"def {task}(",
                "Celery task queued on demand, not scheduled",
                alt=[{"at": "@celery.task", "nth": nth}],
            )
            for nth, task in enumerate(
                ("send_reset_token", "send_activation_token", "send_async_email"), start=1
            )
        ],
    ],
    "ambiguous": [
        *[
            no(
                "data_model",
                FM,
                f"class {name}(",
                "per-user read tracking keyed by (user, topic/forum): a join table with a timestamp; the examples treat such tables as join tables",
            )
            for name in ("TopicsRead", "ForumsRead")
        ],
        no(
            "data_model",
            FM,
            "class Forum(db.Model, CRUDMixin):",
            "container of topics; content, not a person or record about one",
        ),
        no("data_model", FM, "class Category(db.Model, CRUDMixin):", "container of forums"),
    ],
}
