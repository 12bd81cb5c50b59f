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
