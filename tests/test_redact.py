import pytest

from personize_assistant.redact import REDACTED, contains_secret, redact


@pytest.mark.parametrize(
    "secret",
    [
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "sk_test_51HxYzAbCdEfGhIjKlMn",
        "sk-ant-api03-abcdefghijklmnop",
        "SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz012345",
        "xoxb-123456789012-abcdefghijkl",
        "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
        "AKIAIOSFODNN7EXAMPLE",
        "whsec_abcdefghijklmnopqrst",
    ],
)
def test_known_token_shapes_are_redacted(secret: str) -> None:
    text = f"key = {secret} # prod"
    out = redact(text)
    assert secret not in out
    assert REDACTED in out


def test_password_assignment_keeps_name_drops_value() -> None:
    out = redact('DATABASE_PASSWORD = "hunter2hunter2"')
    assert out == f'DATABASE_PASSWORD = "{REDACTED}"'


def test_env_lookups_and_plain_code_are_left_alone() -> None:
    for text in (
        'secret_key = os.environ["PERSONIZE_SECRET_KEY"]',
        "const apiKey = process.env.SENDGRID_API_KEY;",
        'token_budget = "1500 tokens max"'.replace('"1500 tokens max"', "1500"),
        "await sendEmail({ to: user.email, subject })",
    ):
        assert redact(text) == text
        assert not contains_secret(text)


# Each format the hardening probe (issue 10) got through: (text, the secret inside it).
LEAKED_FORMATS = [
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlX2hlcmU",
     "eyJhbGciOiJIUzI1NiJ9"),
    ('fetch(url, { headers: { Authorization: "Bearer abcdef0123456789abcdef" } })', "abcdef0123456789abcdef"),
    ('url = "https://admin:Sup3rS3cret@db.example.com/x"', "Sup3rS3cret"),
    ("DATABASE_URL=postgres://app:pw12345@localhost:5432/app", "pw12345"),
    ('key = os.getenv("STRIPE_KEY", "sk_x_abcdef1234567890")', "sk_x_abcdef1234567890"),
    ('pw = os.environ.get("DB_PASSWORD", "hunter2hunter2")', "hunter2hunter2"),
    ('const k = process.env.API_SECRET ?? "fallback-secret-123";', "fallback-secret-123"),
    ('password = "HUNTERHUNTER"', "HUNTERHUNTER"),
    ('password = "$ecretPa55"', "$ecretPa55"),
    ("const password = `s3cr3t-value`;", "s3cr3t-value"),
    ("SECRET_KEY=abcdefghijkl", "abcdefghijkl"),
    ("export STRIPE_KEY=sk_x_abcdefgh", "sk_x_abcdefgh"),
    ("token = github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_11ABCDEFG"),
    ('x = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"', "ghp_abcdefghijklmnop"),
    ("GITLAB = glpat-abcdefghijklmnopqrst12", "glpat-abcdefghijklmnopqrst12"),
    ("maps(AIzaSyA1234567890abcdefghijklmnopqrstuv)", "AIzaSyA1234567890"),
    ("//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789", "npm_abcdefghijklmnop"),
    ("SLACK = xoxp-1234567890-abcdef", "xoxp-1234567890-abcdef"),
    ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"),
    ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1234567890abcdefghijklmnopqrstuvwxyzAB\n-----END RSA PRIVATE KEY-----",
     "MIIEowIBAAKCAQEA1234567890"),
    ("+MIIEowIBAAKCAQEA1234567890abcdefghijklmnopqrstuvwxyzAB", "MIIEowIBAAKCAQEA1234567890"),
    ('{"evidence": "password = \\"hunter2x\\""}', "hunter2x"),
]


@pytest.mark.parametrize(("text", "secret"), LEAKED_FORMATS)
def test_formats_that_leaked_are_redacted(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert REDACTED in out


def test_redacted_json_stays_json() -> None:
    import json

    data = {"evidence": 'password = "hunter2x"; url = "https://u:pw1234@h/x"', "n": 1}
    assert json.loads(redact(json.dumps(data)))["n"] == 1


@pytest.mark.parametrize(
    "text",
    [
        'port = os.getenv("PORT", "8000")',
        "headers: { Authorization: `Bearer ${token}` }",
        "password = user.password",
        "api_key: SENDGRID_API_KEY",
        "max_tokens = 1000",
        '"jsonwebtoken": "^9.0.2"',
        "token: string",
        'DATABASE_URL = "postgres://${DB_USER}:${DB_PASS}@db/app"',
    ],
)
def test_code_that_names_a_secret_is_left_alone(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize("unit", ["a", "token", "a:", "password=", "x://", "eyJ", " ", "a-", "-----BEGIN PRIVATE KEY-----"])
def test_megabyte_of_hostile_text_returns_whole(unit: str) -> None:
    """A 1 MB single line (a minified bundle, a hostile repo) is redacted, not hung on;
    the timing lives in bench/redact_bench.py."""
    text = unit * (1_000_000 // len(unit))
    out = redact(text)
    assert out == text or REDACTED in out
    assert len(out) <= len(text) + len(REDACTED)


def test_megabyte_line_with_a_secret_at_the_end() -> None:
    text = "a" * 1_000_000 + ' password = "hunter2hunter2"'
    assert redact(text) == "a" * 1_000_000 + f' password = "{REDACTED}"'
