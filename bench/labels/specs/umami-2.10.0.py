"""Hand-written labels for umami-2.10.0 (resolved to line numbers by ../resolve.py)."""

from bench.labels.resolve import no, tp

PACKAGE = "umami"
OUTPUT = "bench/labels/umami-2.10.0.json"

PG = "db/postgresql/schema.prisma"
MY = "db/mysql/schema.prisma"
TC = "src/app/(main)/console/TestConsole.tsx"
TR = "src/tracker/index.js"
ENT = ["User", "Session", "Website", "WebsiteEvent", "EventData", "SessionData", "Team", "Report"]

SPEC = {
    "notes": [
        "umami 2.10.0 from npm (`npm pack`); paths relative to the package root. Labelled by reading the code, not from scanner output.",
        "umami is itself an analytics product: a Next.js app with two Prisma schemas (PostgreSQL and MySQL, same models) plus a ClickHouse SQL schema. `Session` here is a visitor session with device/location fields, not a secrets table, so it is a data_model. TeamUser is the team/user join table.",
        "Exhaustive kinds present: data_model (both Prisma schemas) and event_tracking (the in-app test console calls the tracker). There is no email, notification, webhook_handler, scheduled_job, llm_call or personize_call code: anything reported for those kinds is a false positive, except the scheduled stale-issues GitHub workflow that ships in the package (ambiguous: housekeeping, not product code).",
        "The tracker script (src/tracker/index.js) is the analytics client itself; its internal track/identify/send definitions are ambiguous, as is the /api/send ingestion endpoint (it receives events from trackers on other sites) and scripts/telemetry.js (install telemetry POST).",
    ],
    "touchpoints": [
        *[tp("data_model", PG, f"model {e} {{", e, entity=e, framework="prisma") for e in ENT],
        *[tp("data_model", MY, f"model {e} {{", e, entity=e, framework="prisma") for e in ENT],
        tp(
            "event_tracking",
            TC,
            "window['umami'].track({ url: '/page-view'",
            "handleClick",
            provider="umami",
        ),
        tp(
            "event_tracking",
            TC,
            "window['umami'].track('track-event-no-data')",
            "handleClick",
            provider="umami",
        ),
        tp(
            "event_tracking",
            TC,
            "window['umami'].track('track-event-with-data'",
            "handleClick",
            provider="umami",
        ),
        tp(
            "event_tracking",
            TC,
            "window['umami'].identify({",
            "handleIdentifyClick",
            provider="umami",
        ),
        tp(
            "user_context",
            "src/lib/middleware.ts",
            "export const useAuth = createMiddleware(",
            "useAuth",
        ),
        tp(
            "ui_surface",
            "src/app/(main)/dashboard/Dashboard.tsx",
            "export function Dashboard()",
            "Dashboard",
        ),
    ],
    "not_touchpoints": [
        no("data_model", PG, "model TeamUser {", "join table"),
        no("data_model", MY, "model TeamUser {", "join table"),
        no(
            "event_tracking",
            "src/store/version.ts",
            "await fetch(`${UPDATES_URL}",
            "update check, not tracking",
        ),
    ],
    "ambiguous": [
        no(
            "scheduled_job",
            ".github/workflows/stale-issues.yml",
            "schedule:",
            "scheduled GitHub workflow, but repository housekeeping (closing stale issues), not product behaviour",
            alt=[{"at": "- cron:"}],
        ),
        no(
            "event_tracking",
            TR,
            "const track = (obj, data) => {",
            "the tracker library's own track()",
        ),
        no(
            "event_tracking", TR, "const identify = data =>", "the tracker library's own identify()"
        ),
        no(
            "event_tracking",
            TR,
            "const send = async (payload, type = 'event') => {",
            "the tracker library's sender",
        ),
        no("event_tracking", TR, "const trackElement = async el => {", "tracker internals"),
        no(
            "event_tracking", "scripts/telemetry.js", "await fetch(url, {", "install telemetry POST"
        ),
        *[
            no(
                "event_tracking",
                TC,
                'data-umami-event="',
                "declarative tracking attribute (HTML data attribute)",
                nth=i,
            )
            for i in range(1, 10)
        ],
        no(
            "webhook_handler",
            "src/pages/api/send.ts",
            "export default async (req: NextApiRequestCollect",
            "event ingestion endpoint called by trackers on other sites",
        ),
        no("data_model", "db/clickhouse/schema.sql", "CREATE TABLE umami.website_event", "SQL DDL"),
        no("data_model", "db/clickhouse/schema.sql", "CREATE TABLE umami.event_data", "SQL DDL"),
    ],
}
