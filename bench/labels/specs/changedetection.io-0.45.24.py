"""Hand-written labels for changedetection.io-0.45.24 (resolved to line numbers by ../resolve.py)."""

from bench.labels.resolve import no, tp

PACKAGE = "changedetection.io"
OUTPUT = "bench/labels/changedetection.io-0.45.24.json"

N = "changedetectionio/notification.py"
FA = "changedetectionio/flask_app.py"
UW = "changedetectionio/update_worker.py"

SPEC = {
    "notes": [
        "changedetection.io 0.45.24 sdist from PyPI; paths relative to the unpacked sdist root. Labelled by reading the code, not from scanner output.",
        "Notifications go through Apprise (one library for Discord, Slack, email, webhooks, ...), so channel is `other`. The path is: update_worker's send_*_notification methods and queue_notification_for_watch build a notification and put it on a queue; notification_runner (a thread) takes it off and calls notification.process_notification, which calls apprise's notify(). All of these are labelled as notification wrappers/call sites.",
        "apprise_custom_api_call_wrapper is a custom Apprise transport (post://, get://, ... URLs) that performs the HTTP call itself: labelled as an outgoing-webhook notification at its definition.",
        "Exhaustive kinds present: notification only. No email_send (email goes through Apprise mailto:// URLs configured at run time), event_tracking, webhook_handler, llm_call or personize_call code. data_model: the three `class model(dict)` classes are dict-backed records for watches/tags/app settings, not people: ambiguous. scheduled_job: the ticker thread and the daily version check are in-process loops: ambiguous.",
    ],
    "touchpoints": [
        tp(
            "notification",
            N,
            "def process_notification(",
            "process_notification",
            channel="other",
            provider="apprise",
            note="wrapper: renders and delivers one notification",
        ),
        tp(
            "notification",
            N,
            "apobj.notify(",
            "process_notification",
            channel="other",
            provider="apprise",
        ),
        tp(
            "notification",
            N,
            "def apprise_custom_api_call_wrapper(",
            "apprise_custom_api_call_wrapper",
            channel="webhook_out",
            note="custom transport performing the HTTP call",
            alt=[
                {"at": f'@notify(on="{verb}")'}
                for verb in ["delete", "deletes", "get", "gets", "post", "posts", "put", "puts"]
            ],
        ),
        tp(
            "notification",
            FA,
            "notification.process_notification(n_object, datastore)",
            "notification_runner",
            channel="other",
            note="call site",
        ),
        tp(
            "notification",
            UW,
            "def queue_notification_for_watch(",
            "queue_notification_for_watch",
            channel="other",
            note="wrapper: builds the change notification and queues it",
        ),
        tp(
            "notification",
            UW,
            "self.queue_notification_for_watch(notification_q=self.notification_q",
            "send_content_changed_notification",
            channel="other",
            note="call site",
        ),
        tp(
            "notification",
            FA,
            "new_worker.queue_notification_for_watch(",
            "ajax_callback_send_notification_test",
            channel="other",
            note="call site: 'send test notification' button",
        ),
        tp(
            "notification",
            UW,
            "def send_content_changed_notification(",
            "send_content_changed_notification",
            channel="other",
            note="wrapper",
        ),
        tp(
            "notification",
            UW,
            "def send_filter_failure_notification(",
            "send_filter_failure_notification",
            channel="other",
            note="wrapper (queues directly)",
        ),
        tp(
            "notification",
            UW,
            "def send_step_failure_notification(",
            "send_step_failure_notification",
            channel="other",
            note="wrapper (queues directly)",
        ),
        tp(
            "notification",
            UW,
            "self.send_filter_failure_notification(uuid)",
            "run",
            channel="other",
            note="call site",
        ),
        tp(
            "notification",
            UW,
            "self.send_step_failure_notification(watch_uuid=uuid",
            "run",
            channel="other",
            note="call site",
        ),
        tp(
            "notification",
            UW,
            "self.send_content_changed_notification(watch_uuid=uuid)",
            "run",
            channel="other",
            note="call site",
        ),
        # non-exhaustive kinds
        tp(
            "search_endpoint",
            FA,
            "    def index():",
            "index",
            alt=[{"at": "search_q = request.args.get('q')"}],
        ),
        tp(
            "file_upload",
            FA,
            "    def import_page():",
            "import_page",
            alt=[{"at": "file = request.files['xlsx_file']"}],
        ),
    ],
    "not_touchpoints": [
        no(
            "notification",
            FA,
            'requests.post("https://changedetection.io/check-ver.php"',
            "version check POST, not a message to anyone",
        ),
        no(
            "notification",
            "changedetectionio/forms.py",
            "apobj = apprise.Apprise()",
            "Apprise object used only to validate URLs",
        ),
        no(
            "notification",
            FA,
            "apobj = apprise.Apprise(asset=asset)",
            "constructs Apprise to validate URLs; nothing sent here",
        ),
        no("notification", FA, "if not apobj.add(n_url):", "URL validation"),
        no(
            "notification",
            N,
            "apobj.add(url)",
            "registers a target; the send is apobj.notify below",
        ),
    ],
    "ambiguous": [
        no(
            "notification",
            UW,
            "        notification_q.put(n_object)",
            "queue hand-off inside a labelled wrapper",
            nth=1,
        ),
        no(
            "notification",
            UW,
            "self.notification_q.put(n_object)",
            "queue hand-off inside a labelled wrapper",
            nth=1,
        ),
        no(
            "notification",
            UW,
            "self.notification_q.put(n_object)",
            "queue hand-off inside a labelled wrapper",
            nth=2,
        ),
        no(
            "notification",
            N,
            "r(results.get('url'),",
            "the HTTP call of the custom transport (callee chosen at run time)",
        ),
        no(
            "notification",
            FA,
            "def notification_runner(",
            "queue consumer thread that delivers notifications",
        ),
        no(
            "scheduled_job",
            FA,
            "def ticker_thread_check_time_launch_checks(",
            "in-process scheduler loop that queues rechecks",
        ),
        no("scheduled_job", FA, "def check_for_new_version(", "daily in-process loop"),
        no(
            "event_tracking",
            FA,
            'requests.post("https://changedetection.io/check-ver.php"',
            "version check that reports app_guid and watch count (install telemetry)",
        ),
        no(
            "data_model",
            "changedetectionio/model/Watch.py",
            "class model(dict):",
            "dict-backed record of a watched page",
        ),
        no(
            "data_model",
            "changedetectionio/model/Tag.py",
            "class model(dict):",
            "dict-backed tag/group",
        ),
        no(
            "data_model",
            "changedetectionio/model/App.py",
            "class model(dict):",
            "dict-backed app settings",
        ),
    ],
}
