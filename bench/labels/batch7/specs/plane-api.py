"""Batch 7 first-contact labels for the Plane API (apps/api of the makeplane/plane monorepo).

Written by reading the code with grep before the scanner was ever run on this app.
Only the kinds email_send, notification, webhook_handler, event_tracking, data_model,
scheduled_job, llm_call and personize_call are labelled.
"""

from bench.labels.resolve import no, tp

PACKAGE = "plane-api"
OUTPUT = "bench/labels/batch7/plane-api.json"
ROOT = "/tmp/fc7/plane/apps/api"
SOURCE = {
    "source": "github",
    "repo": "makeplane/plane",
    "commit": "4ca6d6c7b807ad09bb571af2c43e85bf47c3ec6b",
    "subdir": "apps/api",
}

BG = "plane/bgtasks"
WT = f"{BG}/webhook_task.py"
ENT = f"{BG}/email_notification_task.py"
NT = f"{BG}/notification_task.py"
IAT = f"{BG}/issue_activities_task.py"
ETT = f"{BG}/event_tracking_task.py"
APE = f"{BG}/analytic_plot_export.py"
EXT = "plane/app/views/external/base.py"
CEL = "plane/celery.py"
MD = "plane/db/models"

# Celery email tasks, each building an EmailMultiAlternatives and calling msg.send():
# (file, def name, nth of "msg.send()" / "msg = EmailMultiAlternatives(" in the file, note)
EMAIL_TASKS = [
    ("forgot_password_task.py", "forgot_password", 0, "password reset email"),
    ("magic_link_code_task.py", "magic_link", 0, "magic sign-in code email"),
    ("workspace_invitation_task.py", "workspace_invitation", 0, "workspace invitation email"),
    ("project_invitation_task.py", "project_invitation", 0, "project invitation email (no caller in the repo)"),
    ("project_add_user_email_task.py", "project_add_user_email", 0, "added-to-project email"),
    ("user_activation_email_task.py", "user_activation_email", 0, "account (re)activation email"),
    ("user_deactivation_email_task.py", "user_deactivation_email", 0, "account deactivation email"),
    ("user_email_update_task.py", "send_email_update_magic_code", 1, "email-change verification code"),
    ("user_email_update_task.py", "send_email_update_confirmation", 2, "email-change confirmation"),
    ("webhook_task.py", "send_webhook_deactivation_email", 0, "webhook auto-disabled email"),
    ("email_notification_task.py", "send_email_notification", 0, "issue-update notification digest email"),
]

# (file, snippet, nth, symbol, wrapper)
EMAIL_CALLS = [
    ("plane/authentication/views/app/password_management.py", "forgot_password.delay(", 0, "ForgotPasswordEndpoint.post", "forgot_password"),
    ("plane/authentication/views/space/password_management.py", "forgot_password.delay(", 0, "ForgotPasswordSpaceEndpoint.post", "forgot_password"),
    ("plane/authentication/views/app/magic.py", "magic_link.delay(", 0, "MagicGenerateEndpoint.post", "magic_link"),
    ("plane/authentication/views/space/magic.py", "magic_link.delay(", 0, "MagicGenerateSpaceEndpoint.post", "magic_link"),
    ("plane/app/views/workspace/invite.py", "workspace_invitation.delay(", 0, "WorkspaceInvitationsViewset.create", "workspace_invitation"),
    ("plane/app/views/project/member.py", "project_add_user_email.delay(", 0, "ProjectMemberViewSet.create", "project_add_user_email"),
    ("plane/authentication/adapter/base.py", "user_activation_email.delay(", 0, "Adapter.save_user_data", "user_activation_email"),
    ("plane/app/views/user/base.py", "user_deactivation_email.delay(", 0, "UserEndpoint.deactivate", "user_deactivation_email"),
    ("plane/app/views/user/base.py", "send_email_update_magic_code.delay(", 0, "UserEndpoint.generate_email_verification_code", "send_email_update_magic_code"),
    ("plane/app/views/user/base.py", "send_email_update_confirmation.delay(new_email)", 0, "UserEndpoint.update_email", "send_email_update_confirmation"),
    ("plane/app/views/user/base.py", "send_email_update_confirmation.delay(old_email)", 0, "UserEndpoint.update_email", "send_email_update_confirmation"),
    (WT, "send_webhook_deactivation_email.delay(", 0, "webhook_send_task", "send_webhook_deactivation_email"),
    (ENT, "send_email_notification.delay(", 0, "stack_email_notification", "send_email_notification"),
    (APE, "        send_export_email(email, slug, csv_buffer, rows)", 0, "analytic_export_task", "send_export_email"),
    (APE, "send_export_email(email=email, slug=slug, csv_buffer=csv_buffer, rows=rows)", 0, "export_analytics_to_csv_email", "send_export_email"),
    ("plane/app/views/analytic/base.py", "analytic_export_task.delay(", 0, "ExportAnalyticsEndpoint.post", "analytic_export_task"),
]

TRACK_CALLS = [
    ("plane/app/views/workspace/invite.py", 1, "WorkspaceInvitationsViewset.create"),
    ("plane/app/views/workspace/invite.py", 2, "WorkspaceJoinEndpoint.post"),
    ("plane/app/views/workspace/invite.py", 3, "UserWorkspaceInvitationsViewSet.create"),
    ("plane/app/views/workspace/base.py", 1, "WorkSpaceViewSet.create"),
    ("plane/app/views/workspace/base.py", 2, "WorkSpaceViewSet.destroy"),
    ("plane/authentication/utils/workspace_project_join.py", 1, "process_workspace_project_invitations"),
]

# model_activity.delay( call sites (file, nth, symbol): ambiguous webhook_out
MODEL_ACTIVITY_CALLS = [
    ("plane/app/views/project/base.py", 1, "ProjectViewSet.create"),
    ("plane/app/views/project/base.py", 2, "ProjectViewSet.partial_update"),
    ("plane/app/views/module/base.py", 1, "ModuleViewSet.create"),
    ("plane/app/views/module/base.py", 2, "ModuleViewSet.partial_update"),
    ("plane/app/views/issue/base.py", 1, "IssueViewSet.create"),
    ("plane/app/views/issue/base.py", 2, "IssueViewSet.partial_update"),
    ("plane/app/views/issue/comment.py", 1, "IssueCommentViewSet.create"),
    ("plane/app/views/issue/comment.py", 2, "IssueCommentViewSet.partial_update"),
    ("plane/app/views/cycle/base.py", 1, "CycleViewSet.create"),
    ("plane/app/views/cycle/base.py", 2, "CycleViewSet.partial_update"),
    ("plane/api/views/cycle.py", 1, "CycleListCreateAPIEndpoint.post"),
    ("plane/api/views/cycle.py", 2, "CycleDetailAPIEndpoint.patch"),
    ("plane/api/views/module.py", 1, "ModuleListCreateAPIEndpoint.post"),
    ("plane/api/views/module.py", 2, "ModuleDetailAPIEndpoint.patch"),
    ("plane/api/views/issue.py", 1, "IssueListCreateAPIEndpoint.post"),
    ("plane/api/views/issue.py", 2, "IssueDetailAPIEndpoint.put"),
    ("plane/api/views/issue.py", 3, "IssueDetailAPIEndpoint.put"),
    ("plane/api/views/issue.py", 4, "IssueDetailAPIEndpoint.patch"),
    ("plane/api/views/issue.py", 5, "IssueCommentListCreateAPIEndpoint.post"),
    ("plane/api/views/issue.py", 6, "IssueCommentDetailAPIEndpoint.patch"),
    ("plane/api/views/project.py", 1, "ProjectListCreateAPIEndpoint._dispatch_model_activity"),
    ("plane/api/views/project.py", 2, "ProjectDetailAPIEndpoint.patch"),
]

# issue_activity.delay( call sites that pass notification=True (file, nth, symbol): ambiguous in_app
ISSUE_ACTIVITY_NOTIFY_CALLS = [
    ("plane/api/views/cycle.py", 2, "CycleIssueListCreateAPIEndpoint.post"),
    ("plane/api/views/issue.py", 12, "IssueAttachmentDetailAPIEndpoint.delete"),
    ("plane/api/views/issue.py", 13, "IssueAttachmentDetailAPIEndpoint.patch"),
    ("plane/api/views/issue.py", 14, "IssueRelationListCreateAPIEndpoint.post"),
    ("plane/app/views/cycle/base.py", 1, "CycleViewSet.destroy"),
    ("plane/app/views/cycle/issue.py", 1, "CycleIssueViewSet.create"),
    ("plane/app/views/cycle/issue.py", 2, "CycleIssueViewSet.destroy"),
    ("plane/app/views/intake/base.py", 1, "IntakeIssueViewSet.create"),
    ("plane/app/views/intake/base.py", 2, "IntakeIssueViewSet.partial_update"),
    ("plane/app/views/issue/archive.py", 1, "IssueArchiveViewSet.archive"),
    ("plane/app/views/issue/archive.py", 2, "IssueArchiveViewSet.unarchive"),
    ("plane/app/views/issue/archive.py", 3, "BulkArchiveIssuesEndpoint.post"),
    ("plane/app/views/issue/attachment.py", 1, "IssueAttachmentEndpoint.post"),
    ("plane/app/views/issue/attachment.py", 2, "IssueAttachmentEndpoint.delete"),
    ("plane/app/views/issue/attachment.py", 3, "IssueAttachmentV2Endpoint.delete"),
    ("plane/app/views/issue/attachment.py", 4, "IssueAttachmentV2Endpoint.patch"),
    ("plane/app/views/issue/base.py", 1, "IssueViewSet.create"),
    ("plane/app/views/issue/base.py", 2, "IssueViewSet.partial_update"),
    ("plane/app/views/issue/base.py", 3, "IssueViewSet.destroy"),
    ("plane/app/views/issue/comment.py", 1, "IssueCommentViewSet.create"),
    ("plane/app/views/issue/comment.py", 2, "IssueCommentViewSet.partial_update"),
    ("plane/app/views/issue/comment.py", 3, "IssueCommentViewSet.destroy"),
    ("plane/app/views/issue/comment.py", 4, "CommentReactionViewSet.create"),
    ("plane/app/views/issue/comment.py", 5, "CommentReactionViewSet.destroy"),
    ("plane/app/views/issue/link.py", 1, "IssueLinkViewSet.create"),
    ("plane/app/views/issue/link.py", 2, "IssueLinkViewSet.partial_update"),
    ("plane/app/views/issue/link.py", 3, "IssueLinkViewSet.destroy"),
    ("plane/app/views/issue/reaction.py", 1, "IssueReactionViewSet.create"),
    ("plane/app/views/issue/reaction.py", 2, "IssueReactionViewSet.destroy"),
    ("plane/app/views/issue/relation.py", 1, "IssueRelationViewSet.create"),
    ("plane/app/views/issue/relation.py", 2, "IssueRelationViewSet.remove_relation"),
    ("plane/app/views/issue/sub_issue.py", 1, "SubIssuesEndpoint.post"),
    ("plane/app/views/module/base.py", 1, "ModuleViewSet.destroy"),
    ("plane/app/views/module/issue.py", 1, "ModuleIssueViewSet.create_module_issues"),
    ("plane/app/views/module/issue.py", 2, "ModuleIssueViewSet.create_issue_modules"),
    ("plane/app/views/module/issue.py", 3, "ModuleIssueViewSet.create_issue_modules"),
    ("plane/app/views/module/issue.py", 4, "ModuleIssueViewSet.destroy"),
    ("plane/app/views/workspace/draft.py", 1, "WorkspaceDraftIssueViewSet.create_draft_to_issue"),
    ("plane/app/views/workspace/draft.py", 2, "WorkspaceDraftIssueViewSet.create_draft_to_issue"),
    ("plane/app/views/workspace/draft.py", 3, "WorkspaceDraftIssueViewSet.create_draft_to_issue"),
    ("plane/bgtasks/issue_automation_task.py", 1, "archive_old_issues"),
    ("plane/bgtasks/issue_automation_task.py", 2, "close_old_issues"),
    ("plane/utils/cycle_transfer_issues.py", 1, "transfer_cycle_issues"),
]

# Celery beat entries in plane/celery.py: (entry key, task file, task def snippet, task symbol)
BEAT = [
    ("check-every-five-minutes-to-send-email-notifications", ENT, "def stack_email_notification():", "stack_email_notification"),
    ("run-every-6-hours-for-instance-trace", "plane/license/bgtasks/tracer.py", "def instance_traces():", "instance_traces"),
    ("check-every-day-to-delete-hard-delete", f"{BG}/deletion_task.py", "def hard_delete():", "hard_delete"),
    ("check-every-day-to-archive-and-close", f"{BG}/issue_automation_task.py", "def archive_and_close_old_issues():", "archive_and_close_old_issues"),
    ("check-every-day-to-delete_exporter_history", f"{BG}/exporter_expired_task.py", "def delete_old_s3_link():", "delete_old_s3_link"),
    ("check-every-day-to-delete-file-asset", f"{BG}/file_asset_task.py", "def delete_unuploaded_file_asset():", "delete_unuploaded_file_asset"),
    ("check-every-day-to-delete-api-logs", f"{BG}/cleanup_task.py", "def delete_api_logs():", "delete_api_logs"),
    ("check-every-day-to-delete-email-notification-logs", f"{BG}/cleanup_task.py", "def delete_email_notification_logs():", "delete_email_notification_logs"),
    ("check-every-day-to-delete-page-versions", f"{BG}/cleanup_task.py", "def delete_page_versions():", "delete_page_versions"),
    ("check-every-day-to-delete-issue-description-versions", f"{BG}/cleanup_task.py", "def delete_issue_description_versions():", "delete_issue_description_versions"),
    ("check-every-day-to-delete-webhook-logs", f"{BG}/cleanup_task.py", "def delete_webhook_logs():", "delete_webhook_logs"),
    ("check-every-day-to-delete-exporter-history", f"{BG}/exporter_expired_task.py", "def delete_old_s3_link():", "delete_old_s3_link"),
]

# data models: (file, class)
MODELS_TP = [
    ("user.py", "User"),
    ("user.py", "Profile"),
    ("user.py", "Account"),
    ("workspace.py", "Workspace"),
    ("workspace.py", "WorkspaceMember"),
    ("workspace.py", "WorkspaceMemberInvite"),
    ("project.py", "ProjectMember"),
    ("project.py", "ProjectMemberInvite"),
    ("issue.py", "Issue"),
    ("issue.py", "IssueComment"),
    ("intake.py", "IntakeIssue"),
    ("notification.py", "Notification"),
]
MODELS_AMB = [
    ("project.py", "Project", "workspace project: organisation-like container or content?"),
    ("workspace.py", "Team", "group of workspace members"),
    ("notification.py", "UserNotificationPreference", "per-user notification channel preferences"),
    ("notification.py", "EmailNotificationLog", "queue/log of notification emails per receiver"),
    ("device.py", "Device", "user's device with push_token (no push sending code in the API)"),
    ("device.py", "DeviceSession", "user device session record"),
    ("social_connection.py", "SocialLoginConnection", "user's social login link"),
    ("cycle.py", "Cycle", "planning entity (sprint) with owner"),
    ("module.py", "Module", "planning entity with lead/members"),
    ("page.py", "Page", "user-authored document"),
    ("sticky.py", "Sticky", "user's personal sticky note"),
    ("draft.py", "DraftIssue", "user's draft work item"),
    ("issue.py", "IssueActivity", "per-user activity history (behavioural record)"),
    ("issue.py", "IssueReaction", "user's reaction on an issue"),
    ("issue.py", "CommentReaction", "user's reaction on a comment"),
    ("issue.py", "IssueVote", "user's vote on an issue"),
    ("favorite.py", "UserFavorite", "user's favourites (behavioural)"),
    ("recent_visit.py", "UserRecentVisit", "user's recent visits (behavioural)"),
    ("project.py", "ProjectPublicMember", "member of a published project"),
    ("view.py", "IssueView", "saved view per user/workspace"),
    ("analytic.py", "AnalyticView", "saved analytics view"),
    ("exporter.py", "ExporterHistory", "export job row with initiator"),
    ("importer.py", "Importer", "import job row with initiator"),
    ("workspace.py", "WorkspaceUserPreference", "per-user workspace preference"),
]
MODELS_NO = [
    ("base.py", "BaseModel", "abstract base"),
    ("project.py", "ProjectBaseModel", "abstract base"),
    ("workspace.py", "WorkspaceBaseModel", "abstract base"),
    ("api.py", "APIToken", "credential"),
    ("api.py", "APIActivityLog", "request log"),
    ("asset.py", "FileAsset", "file"),
    ("cycle.py", "CycleIssue", "join table"),
    ("cycle.py", "CycleUserProperties", "per-user display filters (settings)"),
    ("deploy_board.py", "DeployBoard", "publish configuration"),
    ("description.py", "Description", "content storage"),
    ("description.py", "DescriptionVersion", "content history"),
    ("draft.py", "DraftIssueAssignee", "join table"),
    ("draft.py", "DraftIssueLabel", "join table"),
    ("draft.py", "DraftIssueModule", "join table"),
    ("draft.py", "DraftIssueCycle", "join table"),
    ("estimate.py", "Estimate", "configuration"),
    ("estimate.py", "EstimatePoint", "configuration"),
    ("intake.py", "Intake", "configuration (intake inbox of a project)"),
    ("issue.py", "IssueBlocker", "join table"),
    ("issue.py", "IssueRelation", "join table"),
    ("issue.py", "IssueMention", "join table"),
    ("issue.py", "IssueAssignee", "join table"),
    ("issue.py", "IssueLink", "link attachment"),
    ("issue.py", "IssueAttachment", "file"),
    ("issue.py", "IssueLabel", "join table"),
    ("issue.py", "IssueSequence", "technical sequence"),
    ("issue.py", "IssueSubscriber", "join table"),
    ("issue.py", "IssueVersion", "content history"),
    ("issue.py", "IssueDescriptionVersion", "content history"),
    ("issue_type.py", "IssueType", "configuration"),
    ("issue_type.py", "ProjectIssueType", "join table"),
    ("label.py", "Label", "configuration"),
    ("module.py", "ModuleMember", "join table"),
    ("module.py", "ModuleIssue", "join table"),
    ("module.py", "ModuleLink", "link"),
    ("module.py", "ModuleUserProperties", "per-user display filters (settings)"),
    ("page.py", "PageLog", "content transaction log"),
    ("page.py", "PageLabel", "join table"),
    ("page.py", "ProjectPage", "join table"),
    ("page.py", "PageVersion", "content history"),
    ("project.py", "ProjectIdentifier", "technical identifier"),
    ("project.py", "ProjectDeployBoard", "publish configuration"),
    ("project.py", "ProjectUserProperty", "per-user display filters (settings)"),
    ("session.py", "Session", "auth session storage"),
    ("state.py", "State", "configuration (workflow states)"),
    ("webhook.py", "Webhook", "outgoing webhook configuration"),
    ("webhook.py", "WebhookLog", "delivery log"),
    ("webhook.py", "ProjectWebhook", "configuration"),
    ("workspace.py", "WorkspaceTheme", "settings"),
    ("workspace.py", "WorkspaceUserProperties", "per-user display filters (settings)"),
    ("workspace.py", "WorkspaceUserLink", "user's quick links"),
    ("workspace.py", "WorkspaceHomePreference", "settings"),
    ("integration/base.py", "Integration", "integration configuration"),
    ("integration/base.py", "WorkspaceIntegration", "integration configuration"),
    ("integration/slack.py", "SlackProjectSync", "integration configuration (no Slack sending code)"),
    ("integration/github.py", "GithubRepository", "integration sync mapping"),
    ("integration/github.py", "GithubRepositorySync", "integration sync mapping"),
    ("integration/github.py", "GithubIssueSync", "integration sync mapping"),
    ("integration/github.py", "GithubCommentSync", "integration sync mapping"),
]
LICENSE_NO = [
    ("Instance", "the installation itself (settings)"),
    ("InstanceAdmin", "join table"),
    ("InstanceConfiguration", "settings"),
    ("ChangeLog", "release notes"),
]


def email_tp(file, at, symbol, note=None, nth=0, **kw):
    if note:
        kw["note"] = note
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **kw)


SPEC = {
    "notes": [
        "Plane API (apps/api of makeplane/plane) at commit 4ca6d6c7b807ad09bb571af2c43e85bf47c3ec6b: Django + DRF + Celery. Paths relative to apps/api. Labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: plane/tests/**, plane/db/migrations/**, plane/license/migrations/**, plane/seeds/** (seed data), templates (email HTML templates are rendered by the labelled tasks).",
        "email_send: there is no shared mail helper; each Celery task in plane/bgtasks/*_task.py builds its own get_connection + EmailMultiAlternatives and calls msg.send(). Each task def is a wrapper (named for the email it sends) and msg.send() is the provider call (EmailMultiAlternatives( is an alt); every .delay( call of these tasks is a call site. analytic_plot_export.send_export_email is a plain helper wrapper called by the analytic_export_task/export_analytics_to_csv_email tasks. stack_email_notification (beat, every 5 min) batches EmailNotificationLog rows and enqueues send_email_notification: email dispatcher. The SMTP test endpoint (license EmailCredentialCheckEndpoint) and the test_email management command also send real mail: touchpoints. The notifications task writes EmailNotificationLog rows that later become emails: ambiguous email_send.",
        "notification in_app: bgtasks.notification_task.notifications creates Notification rows (bulk_create) for subscribers/assignees/mentions; create_mention_notification builds one. It is enqueued only by issue_activities_task.issue_activity when notification=True: that def is ambiguous (its job is activity history) and its 43 .delay( call sites that pass notification=True are ambiguous; the ~35 calls without it are not labelled. NotificationViewSet etc. (read/unread API) are not deliveries.",
        "notification webhook_out: outgoing workspace webhooks. webhook_send_task POSTs (requests.post) to the user's webhook URL with an HMAC signature; webhook_activity is the dispatcher that enqueues it for each active webhook; its call sites (in model_activity and the project destroy/delete views) are touchpoints. model_activity (diffs a model change and enqueues webhook_activity) is not named for webhooks: its def and its 22 call sites in views are ambiguous.",
        "event_tracking: bgtasks.event_tracking_task.track_event is a PostHog wrapper (posthog.capture) with 6 .delay( call sites. license.bgtasks.tracer.instance_traces sends instance/workspace counts as OpenTelemetry spans (anonymous instance telemetry): ambiguous. recent_visited_task records UserRecentVisit rows: ambiguous. issue_activities_task.track_* functions (activity diffing), RequestLoggerMiddleware/logger_task (request logs) are not analytics.",
        "scheduled_job: the 12 entries of app.conf.beat_schedule in plane/celery.py, labelled at their key with the task def as alt (delete_old_s3_link is scheduled twice). app.conf.beat_scheduler = DatabaseScheduler (django_celery_beat; tasks could also be defined in the DB) is ambiguous. schedule_issue_version / schedule_issue_description_version are one-off backfills with countdowns, not schedules.",
        "llm_call: app.views.external.base.get_llm_response wraps openai client.chat.completions.create (OpenAI( construction is an alt); called by GPTIntegrationEndpoint.post and WorkspaceGPTIntegrationEndpoint.post.",
        "webhook_handler, personize_call: none. /webhooks/ routes (WebhookEndpoint) manage outgoing webhook configuration; the OAuth */callback/ endpoints are auth redirects: not touchpoints.",
        "data_model: people/accounts/orgs and records about them (User, Profile, Account, Workspace, WorkspaceMember, WorkspaceMemberInvite, ProjectMember, ProjectMemberInvite, Issue, IssueComment, IntakeIssue, Notification) are touchpoints; Project, planning/content entities, per-user behavioural records and preferences are ambiguous; configuration, join tables, history/versions, logs and abstract bases are not.",
    ],
    "touchpoints": [
        # ---- email_send: per-task wrappers and their provider call
        *[
            x
            for f, name, nth, note in EMAIL_TASKS
            for x in (
                email_tp(f"{BG}/{f}", f"def {name}(", name, note=f"wrapper: {note}"),
                email_tp(f"{BG}/{f}", "msg.send()", name, nth=nth, provider="django",
                         alt=[{"at": "msg = EmailMultiAlternatives(", "nth": nth}]),
            )
        ],
        email_tp(APE, "def send_export_email(", "send_export_email", note="wrapper: analytics export email"),
        email_tp(APE, "msg.send(fail_silently=False)", "send_export_email", provider="django",
                 alt=[{"at": "msg = EmailMultiAlternatives("}]),
        email_tp(APE, "def analytic_export_task(", "analytic_export_task", note="wrapper: task that emails the analytics CSV"),
        email_tp(APE, "def export_analytics_to_csv_email(", "export_analytics_to_csv_email",
                 note="wrapper: task that emails the analytics CSV (no caller in the repo)"),
        email_tp(ENT, "def stack_email_notification():", "stack_email_notification",
                 note="dispatcher: batches pending EmailNotificationLog rows into send_email_notification tasks"),
        *[email_tp(f, at, sym, nth=nth, note=f"call site of {w}") for f, at, nth, sym, w in EMAIL_CALLS],
        email_tp("plane/license/api/views/configuration.py", "msg.send(fail_silently=False)",
                 "EmailCredentialCheckEndpoint.post", provider="django",
                 note="SMTP credential check: sends a test email", alt=[{"at": "msg = EmailMultiAlternatives("}]),
        email_tp("plane/db/management/commands/test_email.py", "msg.send()", "Command.handle", provider="django",
                 note="test_email management command", alt=[{"at": "msg = EmailMultiAlternatives("}]),
        # ---- notification: in-app
        tp("notification", NT, "def notifications(", "notifications", channel="in_app",
           note="dispatcher: creates in-app Notification rows and EmailNotificationLog rows for an issue activity"),
        tp("notification", NT, "Notification.objects.bulk_create(bulk_notifications", "notifications", channel="in_app",
           provider="django_orm"),
        tp("notification", NT, "def create_mention_notification(", "create_mention_notification", channel="in_app",
           note="wrapper: builds a mention Notification"),
        tp("notification", NT, "notification = create_mention_notification(", "notifications", channel="in_app", nth=1,
           note="call site of create_mention_notification"),
        tp("notification", NT, "notification = create_mention_notification(", "notifications", channel="in_app", nth=2,
           note="call site of create_mention_notification"),
        tp("notification", IAT, "notifications.delay(", "issue_activity", channel="in_app",
           note="call site of notifications"),
        # ---- notification: outgoing webhooks
        tp("notification", WT, "def webhook_send_task(", "webhook_send_task", channel="webhook_out",
           note="wrapper: signed POST of an event to the workspace webhook URL"),
        tp("notification", WT, "response = requests.post(webhook.url", "webhook_send_task", channel="webhook_out",
           provider="requests"),
        tp("notification", WT, "def webhook_activity(", "webhook_activity", channel="webhook_out",
           note="dispatcher: enqueues webhook_send_task for each active webhook"),
        tp("notification", WT, "webhook_send_task.delay(", "webhook_activity", channel="webhook_out",
           note="call site of webhook_send_task"),
        tp("notification", WT, "webhook_activity.delay(", "model_activity", channel="webhook_out", nth=1,
           note="call site of webhook_activity"),
        tp("notification", WT, "webhook_activity.delay(", "model_activity", channel="webhook_out", nth=2,
           note="call site of webhook_activity"),
        tp("notification", "plane/app/views/project/base.py", "webhook_activity.delay(", "ProjectViewSet.destroy",
           channel="webhook_out", note="call site of webhook_activity"),
        tp("notification", "plane/api/views/project.py", "webhook_activity.delay(", "ProjectDetailAPIEndpoint.delete",
           channel="webhook_out", note="call site of webhook_activity"),
        # ---- event_tracking
        tp("event_tracking", ETT, "def track_event(", "track_event", provider="posthog",
           note="wrapper: PostHog capture task"),
        tp("event_tracking", ETT, "posthog.capture(", "track_event", provider="posthog",
           alt=[{"at": "posthog = Posthog(POSTHOG_API_KEY, host=POSTHOG_HOST)"}]),
        *[tp("event_tracking", f, "track_event.delay(", sym, nth=n, note="call site of track_event")
          for f, n, sym in TRACK_CALLS],
        # ---- llm_call
        tp("llm_call", EXT, "def get_llm_response(", "get_llm_response", provider="openai",
           note="wrapper: OpenAI chat completion"),
        tp("llm_call", EXT, "chat_completion = client.chat.completions.create(", "get_llm_response", provider="openai",
           alt=[{"at": "client = OpenAI(api_key=api_key)"}]),
        tp("llm_call", EXT, "text, error = get_llm_response(", "GPTIntegrationEndpoint.post", nth=1,
           note="call site of get_llm_response"),
        tp("llm_call", EXT, "text, error = get_llm_response(", "WorkspaceGPTIntegrationEndpoint.post", nth=2,
           note="call site of get_llm_response"),
        # ---- scheduled_job: Celery beat
        *[tp("scheduled_job", CEL, f'"{key}": {{', sym, framework="celery_beat", alt=[{"file": f, "at": d}])
          for key, f, d, sym in BEAT],
        # ---- data_model
        *[tp("data_model", f"{MD}/{f}", f"class {name}(", name, entity=name, framework="django")
          for f, name in MODELS_TP],
    ],
    "not_touchpoints": [
        no("email_send", "plane/license/utils/instance_value.py", "def get_email_configuration(",
           "reads SMTP settings, sends nothing"),
        no("email_send", "plane/app/views/user/base.py", "def _validate_new_email(", "validation only"),
        no("email_send", "plane/authentication/adapter/base.py", "def sanitize_email(", "string normalisation"),
        no("notification", "plane/db/models/user.py", "def create_user_notification(",
           "post_save receiver that creates default notification preferences, delivers nothing"),
        no("notification", "plane/app/views/notification/base.py", "class NotificationViewSet(",
           "API to list/read in-app notifications, not a delivery"),
        no("notification", "plane/app/views/notification/base.py", "class MarkAllReadNotificationViewSet(",
           "marks notifications read"),
        no("notification", "plane/bgtasks/copy_s3_object.py", "response = requests.post(url, json=data, headers=None)",
           "internal call to the live (collaboration) server to convert a document"),
        no("notification", "plane/app/views/external/base.py", "resp = requests.get(url=url, headers=headers)",
           "Unsplash image search proxy"),
        no("notification", "plane/bgtasks/work_item_link_task.py", "def crawl_work_item_link_title(",
           "fetches a link's title/favicon"),
        no("notification", "plane/license/management/commands/register_instance.py", "response = requests.get(",
           "instance registration lookup"),
        no("webhook_handler", "plane/app/views/webhook/base.py", "class WebhookEndpoint(",
           "CRUD for outgoing webhook configuration, receives no events"),
        no("webhook_handler", "plane/app/views/webhook/base.py", "class WebhookLogsEndpoint(",
           "lists outgoing webhook delivery logs"),
        no("webhook_handler", "plane/authentication/views/app/google.py", "class GoogleCallbackEndpoint(",
           "OAuth redirect callback"),
        no("webhook_handler", "plane/authentication/views/app/github.py", "class GitHubCallbackEndpoint(",
           "OAuth redirect callback"),
        no("event_tracking", IAT, "def track_name(", "issue activity diffing, not analytics"),
        no("event_tracking", IAT, "def track_assignees(", "issue activity diffing, not analytics"),
        no("event_tracking", "plane/bgtasks/page_version_task.py", "def track_page_version(",
           "page version history"),
        no("event_tracking", "plane/middleware/logger.py", "class RequestLoggerMiddleware:", "request logging"),
        no("event_tracking", "plane/bgtasks/logger_task.py", "def process_logs(", "API request log storage"),
        no("event_tracking", "plane/utils/telemetry.py", "def init_tracer():", "OpenTelemetry tracer setup"),
        no("scheduled_job", "plane/bgtasks/issue_version_sync.py", "def schedule_issue_version(",
           "one-off backfill enqueued by a management command, not periodic"),
        no("scheduled_job", "plane/bgtasks/issue_description_version_sync.py", "def schedule_issue_description_version(",
           "one-off backfill enqueued by a management command, not periodic"),
        no("llm_call", EXT, "class OpenAIProvider(LLMProvider):", "model list configuration"),
        no("llm_call", EXT, "def get_llm_config(", "reads LLM settings, no call"),
        *[no("data_model", f"{MD}/{f}", f"class {name}(", why) for f, name, why in MODELS_NO],
        no("data_model", f"{MD}/issue.py", "class IssueManager(", "model manager, not a model"),
        *[no("data_model", "plane/license/models/instance.py", f"class {name}(", why) for name, why in LICENSE_NO],
    ],
    "ambiguous": [
        no("email_send", NT, "EmailNotificationLog.objects.bulk_create(",
           "queues notification emails as rows; the send happens later in send_email_notification"),
        no("notification", IAT, "def issue_activity(",
           "activity-history task that enqueues notifications when notification=True"),
        *[no("notification", f, "issue_activity.delay(", "call site of issue_activity with notification=True (in-app + queued email)",
             nth=n, symbol=sym, channel="in_app")
          for f, n, sym in ISSUE_ACTIVITY_NOTIFY_CALLS],
        no("notification", WT, "def model_activity(",
           "diffs a model change and enqueues webhook_activity; not named for webhooks", channel="webhook_out"),
        *[no("notification", f, "model_activity.delay(", "call site of model_activity (outgoing webhooks)",
             nth=n, symbol=sym, channel="webhook_out")
          for f, n, sym in MODEL_ACTIVITY_CALLS],
        no("event_tracking", "plane/license/bgtasks/tracer.py", "def instance_traces():",
           "anonymous instance/workspace counts exported as OpenTelemetry spans (telemetry, not user behaviour)"),
        no("event_tracking", f"{BG}/recent_visited_task.py", "def recent_visited_task(",
           "records a user's recently visited entities (behavioural, in-app)"),
        no("scheduled_job", CEL, "app.conf.beat_schedule = {", "the beat schedule dict as a whole; entries are labelled"),
        no("scheduled_job", CEL, "app.conf.beat_scheduler =",
           "django_celery_beat DatabaseScheduler: periodic tasks may also live in the DB"),
        *[no("data_model", f"{MD}/{f}", f"class {name}(", why) for f, name, why in MODELS_AMB],
    ],
}
