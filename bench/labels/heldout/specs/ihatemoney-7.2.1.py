"""Held-out labels for ihatemoney 7.2.1 (resolved to line numbers by ../build.py).

Written by reading the code with grep before the scanner was ever run on this package.
"""

from bench.labels.resolve import no, tp

PACKAGE = "ihatemoney"
OUTPUT = "bench/labels/heldout/ihatemoney-7.2.1.json"

U = "ihatemoney/utils.py"
EM = "ihatemoney/emails.py"
W = "ihatemoney/web.py"
API = "ihatemoney/api/common.py"
M = "ihatemoney/models.py"


def model(name, **kw):
    return tp(
        "data_model", M, f"class {name}(db.Model):", name, entity=name, framework="sqlalchemy", **kw
    )


SPEC = {
    "notes": [
        "ihatemoney 7.2.1 sdist from PyPI (Flask + Flask-SQLAlchemy + Flask-Mail); paths relative to the unpacked sdist root. Held out: labelled by hand before any scanner output was looked at.",
        "Exhaustive kinds present: email_send and data_model. There are no notifications, webhook handlers, analytics, schedules (manage.py CLI commands are run by hand), LLM or Personize calls.",
        "Email: utils.send_email wraps Flask-Mail's `current_app.mail.send`; emails.send_creation_email is a second wrapper. Call sites build a flask_mail Message( a few lines above the send_email(...) call; the Message( line is an alt.",
        "ihatemoney/tests/** and migrations are excluded by the rules.",
    ],
    "touchpoints": [
        # ---- email_send
        tp(
            "email_send",
            U,
            "def send_email(mail_message):",
            "send_email",
            channel="email",
            note="the app's email wrapper (Flask-Mail)",
        ),
        tp(
            "email_send",
            U,
            "current_app.mail.send(mail_message)",
            "send_email",
            channel="email",
            provider="flask_mail",
        ),
        tp(
            "email_send",
            EM,
            "def send_creation_email(project):",
            "send_creation_email",
            channel="email",
            note="wrapper: project-created reminder email",
        ),
        tp(
            "email_send",
            EM,
            "return send_email(msg)",
            "send_creation_email",
            channel="email",
            alt=[{"at": "msg = Message("}],
            note="call site of send_email",
        ),
        tp(
            "email_send",
            W,
            "success = send_creation_email(project)",
            "create_project",
            channel="email",
            note="call site",
        ),
        tp(
            "email_send",
            W,
            "success = send_email(remind_message)",
            "remind_password",
            channel="email",
            alt=[{"at": "remind_message = Message("}],
            note="call site: password reminder",
        ),
        tp(
            "email_send",
            W,
            "success = send_email(msg)",
            "invite",
            channel="email",
            alt=[{"at": "msg = Message("}],
            note="call site: invitations",
        ),
        tp(
            "email_send",
            API,
            "send_creation_email(project)",
            "post",
            channel="email",
            nth=1,
            note="call site (API project creation)",
        ),
        tp(
            "email_send",
            API,
            "send_creation_email(project)",
            "put",
            channel="email",
            nth=2,
            note="call site (API project update)",
        ),
        # ---- data_model
        model("Project", note="the account: name, contact_email, password, currency"),
        model("Person", note="a member of a project"),
        model("Bill", note="an expense record (payer, owers, amount)"),
    ],
    "not_touchpoints": [
        no("data_model", M, "billowers = db.Table(", "m2m join table"),
        no("email_send", W, "from flask_mail import Message", "import"),
    ],
    "ambiguous": [
        model("Archive", why="stub record grouping bills of a project; barely used"),
    ],
}
