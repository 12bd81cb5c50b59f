"""Batch-4 labels for the Full Stack FastAPI Template (fastapi/full-stack-fastapi-template).

Written by reading the code with grep before the scanner was ever run on this repository.
FastAPI + SQLModel backend (backend/app), React + TanStack frontend (frontend/src) with a
generated axios client (frontend/src/client, excluded as generated code).
"""

from bench.labels.resolve import no, tp

PACKAGE = "fastapi-template"
OUTPUT = "bench/labels/batch4/fastapi-template.json"
ROOT = "/tmp/fc/fastapi-template"
SOURCE = {
    "source": "github",
    "repo": "fastapi/full-stack-fastapi-template",
    "commit": "68adb40d37425f6f8668ec7e5a054500d045e43e",
    "subdir": "",
    "how": "git archive HEAD of the snapshot (commit 2026-08-21 '📝 Update release notes'), untarred at ROOT",
}

U = "backend/app/utils.py"
M = "backend/app/models.py"
LOGIN = "backend/app/api/routes/login.py"
USERS = "backend/app/api/routes/users.py"
UTILR = "backend/app/api/routes/utils.py"


def model(name, alt_base=None, note=None):
    extra = {"entity": name, "framework": "sqlmodel"}
    if alt_base:
        extra["alt"] = [{"at": f"class {alt_base}(SQLModel):"}]
    if note:
        extra["note"] = note
    return tp("data_model", M, f"class {name}(", name, **extra)


def schema(name, why):
    return no("data_model", M, f"class {name}(", why)


def email_call(file, symbol):
    return tp(
        "email_send",
        file,
        "send_email(",
        symbol,
        channel="email",
        note="call site of utils.send_email",
        nth=1 if file != U else 0,
    )


PERSON_SCHEMAS = [
    ("UserCreate", "API request schema (SQLModel, no table) for creating a User; a projection of the User row"),
    ("UserRegister", "API request schema for self sign-up; a projection of the User row"),
    ("UserUpdate", "API request schema for admin user update; a projection of the User row"),
    ("UserUpdateMe", "API request schema for updating one's own profile; a projection of the User row"),
    ("UserPublic", "API response schema of the User row"),
    ("ItemCreate", "API request schema for an Item; projection of the Item row"),
    ("ItemUpdate", "API request schema for an Item update; projection of the Item row"),
    ("ItemPublic", "API response schema of the Item row"),
]

TECH_SCHEMAS = [
    ("UsersPublic", "paginated list envelope (data + count), not an entity"),
    ("ItemsPublic", "paginated list envelope (data + count), not an entity"),
    ("UpdatePassword", "password-change request body"),
    ("Message", "generic API message response ({message: str}), not a chat/user message record"),
    ("Token", "JWT access-token response"),
    ("TokenPayload", "JWT claims"),
    ("NewPassword", "password-reset request body (token + new password)"),
]

SPEC = {
    "notes": [
        "Full Stack FastAPI Template at commit 68adb40d37425f6f8668ec7e5a054500d045e43e (GitHub snapshot, git archive HEAD). Paths relative to the repo root. Labelled by hand before any scanner output was looked at. Scope: backend/ and frontend/.",
        "Not touchpoints by the rules: backend/tests/**, frontend/tests/** (incl. tests/utils/mailpit.ts, which reads the Mailpit API in e2e tests), backend/app/alembic/** (migrations), frontend/src/client/** (generated @hey-api axios client), frontend/src/routeTree.gen.ts (generated), frontend/src/components/ui/** (shadcn primitives), .agents/ and .claude/ skill files, docs (*.md).",
        "email_send: utils.send_email is the project's only email wrapper, built on the `emails` library (emails.message.Message(...).send(to=..., smtp=...)) over SMTP; the provider call message.send(...) is a separate touchpoint with the Message( construction as an alt. Three call sites: recover_password (login.py, password-recovery email), create_user (users.py, new-account email when emails_enabled), test_email (routes/utils.py, admin test email). The generate_*_email helpers render Jinja templates into subject+HTML for send_email but send nothing: ambiguous (content builders; the natural place for GENERATE). render_email_template, the /password-recovery-html-content preview route, token helpers and crud.get_user_by_email are not touchpoints.",
        "data_model: SQLModel table models User and Item (table=True) are touchpoints; UserBase / ItemBase carry their shared columns and are alts. Item is the template's placeholder record but is owned by a user (owner_id FK), so it counts. The non-table SQLModel API schemas that project User/Item (UserCreate, UserRegister, UserUpdate, UserUpdateMe, UserPublic, Item*), PrivateUserCreate (dev-only pydantic body) and the frontend UserTableData type are ambiguous; list envelopes, token/password bodies, the generic Message response, pydantic Settings, the EmailData dataclass and the sidebar menu `Item` type are not touchpoints.",
        "notification: none. The sonner toasts (useCustomToast, <Toaster/>) are ephemeral UI feedback: not touchpoints, including showSuccessToast('Password recovery email sent successfully'). The frontend's LoginService.recoverPassword call is a browser call of the app's own API that makes the backend send the recovery email: ambiguous.",
        "event_tracking: none. sentry_sdk.init(enable_tracing=True) in backend/app/main.py is error/performance monitoring, not product analytics: not a touchpoint.",
        "scheduled_job: none in the app (no Celery/APScheduler/cron; prestart.sh and backend_pre_start.py run once at container start: not touchpoints). The repository's own GitHub Actions schedules (.github/workflows/issue-manager.yml daily, bump-pre-commit-hooks.yml monthly) maintain the template repo, not the app: ambiguous.",
        "webhook_handler, llm_call, personize_call: none (httpx is a declared dependency but unused outside tests).",
    ],
    "touchpoints": [
        # email_send
        tp("email_send", U, "def send_email(", "send_email", channel="email",
           note="wrapper: `emails` library SMTP send"),
        tp("email_send", U, "response = message.send(to=email_to, smtp=smtp_options)", "send_email",
           channel="email", provider="emails", alt=[{"at": "message = emails.message.Message("}]),
        email_call(LOGIN, "recover_password"),
        email_call(USERS, "create_user"),
        email_call(UTILR, "test_email"),
        # data_model
        model("User", alt_base="UserBase", note="SQLModel table=True; columns from UserBase"),
        model("Item", alt_base="ItemBase", note="SQLModel table=True; user-owned record (owner_id)"),
    ],
    "not_touchpoints": [
        no("email_send", U, "def render_email_template(", "renders a Jinja template to HTML; sends nothing"),
        no("email_send", LOGIN, "def recover_password_html_content(", "superuser preview route returning the reset email's HTML; sends nothing"),
        no("email_send", U, "def generate_password_reset_token(", "JWT for the reset link"),
        no("email_send", U, "def verify_password_reset_token(", "JWT decode"),
        no("email_send", "backend/app/crud.py", "def get_user_by_email(", "DB lookup by email"),
        no("email_send", "backend/app/core/config.py", "def emails_enabled(self) -> bool:", "config flag"),
        no("email_send", "frontend/tests/utils/mailpit.ts", "export async function waitForEmailHtml({", "e2e test helper reading Mailpit; tests excluded"),
        no("email_send", "frontend/src/client/sdk.gen.ts", "public static testEmail<", "generated API client method"),
        no("notification", "frontend/src/hooks/useCustomToast.ts", "const useCustomToast = () => {", "ephemeral UI toast wrapper (sonner), not a delivered message"),
        no("notification", "frontend/src/hooks/useCustomToast.ts", 'toast.success("Success!", {', "UI toast"),
        no("notification", "frontend/src/hooks/useCustomToast.ts", 'toast.error("Something went wrong!", {', "UI toast"),
        no("notification", "frontend/src/components/ui/sonner.tsx", "const Toaster = ({ ...props }: ToasterProps) => {", "toast container component"),
        no("notification", "frontend/src/routes/recover-password.tsx", 'showSuccessToast("Password recovery email sent successfully")', "UI toast whose text mentions an email"),
        no("event_tracking", "backend/app/main.py", "sentry_sdk.init(dsn=str(settings.SENTRY_DSN), enable_tracing=True)", "Sentry error/performance monitoring, not product analytics"),
        no("scheduled_job", "backend/app/backend_pre_start.py", "def main() -> None:", "waits for the DB once at container start (prestart.sh), not scheduled"),
        no("scheduled_job", "backend/app/initial_data.py", "def main() -> None:", "seeds the first superuser once at start, not scheduled"),
        no("webhook_handler", UTILR, "async def health_check() -> bool:", "health check"),
        *[schema(name, why) for name, why in TECH_SCHEMAS],
        no("data_model", "backend/app/core/config.py", "class Settings(BaseSettings):", "pydantic-settings configuration"),
        no("data_model", U, "class EmailData:", "subject+HTML pair for an outgoing email"),
        no("data_model", "frontend/src/components/Sidebar/Main.tsx", "export type Item = {", "sidebar menu entry (icon/title/path), unrelated to the Item model"),
    ],
    "ambiguous": [
        no("email_send", U, "def generate_test_email(", "builds subject+HTML of the test email from a Jinja template; the send is in send_email"),
        no("email_send", U, "def generate_reset_password_email(", "builds subject+HTML of the password-recovery email; the send is in send_email"),
        no("email_send", U, "def generate_new_account_email(", "builds subject+HTML of the new-account email (contains the password); the send is in send_email"),
        no("email_send", "frontend/src/routes/recover-password.tsx", "await LoginService.recoverPassword({", "browser call of the app's own /password-recovery endpoint, which sends the email server-side"),
        *[no("data_model", M, f"class {name}(", why) for name, why in PERSON_SCHEMAS],
        no("data_model", "backend/app/api/routes/private.py", "class PrivateUserCreate(BaseModel):", "dev-only pydantic request body projecting a User"),
        no("data_model", "frontend/src/components/Admin/columns.tsx", "export type UserTableData = UserPublic & {", "frontend table row type extending the generated UserPublic"),
        no("scheduled_job", ".github/workflows/issue-manager.yml", 'cron: "21 17 * * *"', "GitHub Actions daily schedule maintaining the template repo's issues, not the app"),
        no("scheduled_job", ".github/workflows/bump-pre-commit-hooks.yml", 'cron: "0 12 1 * *"', "GitHub Actions monthly schedule bumping pre-commit hooks, repo maintenance"),
    ],
}
