"""The scan renderers: terminal text, markdown report, SARIF for GitHub code scanning."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from personize_assistant.scan.models import (
    Kind,
    ModelField,
    RepoScan,
    ScanStats,
    SkippedFile,
    Stack,
    Surface,
    Touchpoint,
    touchpoint_id,
)
from personize_assistant.scan.report.render import (
    md_cell,
    md_code,
    render_markdown,
    render_sarif,
    render_text,
)

SECRET = "sk_live_abcdefghijklmnop1234"


def touchpoint(
    kind: Kind, file: str, line: int, symbol: str | None, text: str, **extra: Any
) -> Touchpoint:
    fields = {"confidence": "high", "surface": Surface.WEB_APP, **extra}
    return Touchpoint(
        id=touchpoint_id(kind.value, file, symbol),
        kind=kind,
        file=file,
        line=line,
        end_line=line + 2,
        symbol=symbol,
        evidence=text,
        **fields,
    )


def sample_scan(root: str = "/srv/app") -> RepoScan:
    return RepoScan(
        root=root,
        stack=Stack(
            languages={"typescript": 12, "python": 3},
            frameworks=["express", "prisma"],
            dependencies={"nodemailer": "^6.9.0", "twilio": "4.0.0"},
            package_managers=["npm"],
        ),
        touchpoints=[
            touchpoint(
                Kind.EMAIL_SEND,
                "src/mail.ts",
                4,
                "sendWelcome",
                "await transporter.sendMail({ to: user.email, subject: `Hi ${name}` })",
                provider="nodemailer",
                channel="email",
                surface=Surface.NOTIFICATIONS,
            ),
            touchpoint(
                Kind.NOTIFICATION,
                "src/sms.ts",
                9,
                "textUser",
                f"twilio('{SECRET}').messages.create({{ body }})",
                provider="twilio",
                channel="sms",
                surface=Surface.NOTIFICATIONS,
            ),
            touchpoint(
                Kind.DATA_MODEL,
                "prisma/schema.prisma",
                1,
                "User",
                "model User {",
                entity="User",
                fields=[ModelField(name="email", type="String", nullable=False)],
            ),
            touchpoint(
                Kind.SEGMENTATION,
                "src/pricing.ts",
                20,
                "PlanBadge",
                "if (user.plan === 'pro' || user.plan === 'team') [bold]x[/bold]",
                confidence="medium",
            ),
        ],
        skipped=[
            SkippedFile(file="public/app.min.js", reason="minified"),
            SkippedFile(file="logo.png", reason="binary"),
            SkippedFile(file="vendor.min.js", reason="minified"),
        ],
        stats=ScanStats(
            files_seen=20, files_parsed=15, bytes_parsed=52_000, seconds=0.42, cache_hits=3
        ),
    )


# --- text ------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 120])
def test_text_groups_by_surface_and_kind_within_the_width(width: int) -> None:
    text = render_text(sample_scan(), width=width)

    assert "Web app (web_app)" in text
    assert "Notifications (notifications)" in text
    for kind in ("email_send", "notification", "data_model", "segmentation"):
        assert kind in text
    assert "src/mail.ts:4" in text
    assert max(len(line) for line in text.splitlines()) <= width
    # Web app appears before Notifications: surfaces follow taxonomy order.
    assert text.index("Web app (web_app)") < text.index("Notifications (notifications)")


def test_text_header_and_footer_summarise_the_scan() -> None:
    text = render_text(sample_scan(), width=100)
    assert "/srv/app" in text
    assert "typescript 12, python 3" in text
    assert "express, prisma" in text
    assert "4 touchpoints" in text
    assert "Skipped 3 files: minified 2, binary 1" in text
    assert "20 files seen, 15 parsed" in text
    assert "3 cache hits" in text


def test_text_is_plain_without_color_and_styled_with_it() -> None:
    plain = render_text(sample_scan(), width=120)
    colored = render_text(sample_scan(), width=120, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in colored
    assert all(line == line.rstrip() for line in plain.splitlines())


def test_text_redacts_secrets_and_prints_markup_literally() -> None:
    for width in (80, 140):
        text = render_text(sample_scan(), width=width)
        assert SECRET not in text
        assert "[bold]x[/bold]" in text or "[bold]x" in text


def test_text_wide_layout_is_a_table_with_an_evidence_column() -> None:
    text = render_text(sample_scan(), width=140)
    header = next(line for line in text.splitlines() if line.startswith("kind"))
    assert re.findall(r"\w+", header) == ["kind", "location", "symbol", "via", "conf", "evidence"]
    assert "twilio/sms" in text


def test_text_says_so_when_nothing_was_found() -> None:
    empty = sample_scan().model_copy(update={"touchpoints": [], "skipped": []})
    text = render_text(empty)
    assert "No touchpoints found." in text
    assert "0 touchpoints" in text
    assert "Skipped" not in text


# --- markdown -----------------------------------------------------------------------


def table_cells(row: str) -> list[str]:
    """Split a GFM table row the way GitHub does: on pipes not escaped by a backslash."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_markdown_has_the_sections_a_design_doc_needs() -> None:
    md = render_markdown(sample_scan())
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Personize touchpoint scan",
        "## Stack",
        "## What each kind means for Personize",
        "## Web app (`web_app`)",
        "### Data model (1)",
        "### Segmentation (1)",
        "## Notifications (`notifications`)",
        "### Email send (1)",
        "### Notification (1)",
        "## Skipped files",
        "## Reproduce",
    ]
    assert "personize-assistant scan /srv/app --json" in md
    assert "- **Segmentation** (`segmentation`):" in md
    # Only kinds that were found get an explanation.
    assert "Webhook handler" not in md


def test_markdown_table_rows_keep_their_column_count_despite_pipes_and_backticks() -> None:
    md = render_markdown(sample_scan())
    lines = md.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("|---"):
            width = len(table_cells(lines[index - 1]))
            body = []
            for row in lines[index + 1 :]:
                if not row.startswith("|"):
                    break
                body.append(row)
            assert body, "a table without rows"
            assert all(len(table_cells(row)) == width for row in body), body


def test_markdown_escapes_pipes_and_fences_backticks_in_cells() -> None:
    md = render_markdown(sample_scan())
    assert r"user.plan === 'pro' \|\| user.plan" in md
    # The evidence holds single backticks, so its code span uses a double fence.
    assert "``await transporter.sendMail({ to: user.email, subject: `Hi ${name}` })``" in md
    assert SECRET not in md


def test_markdown_cell_helpers() -> None:
    assert md_cell("a|b *c* <d>") == r"a\|b \*c\* \<d\>"
    assert md_code("plain") == "`plain`"
    assert md_code("a ``b`` c") == "```a ``b`` c```"
    assert md_code("`edge`") == "`` `edge` ``"
    assert md_code("x | y") == r"`x \| y`"
    assert md_code("line\nbreak") == "`line break`"


def test_markdown_lists_data_model_fields() -> None:
    md = render_markdown(sample_scan())
    row = next(line for line in md.splitlines() if "prisma/schema.prisma:1" in line)
    assert table_cells(row)[2] == "email"


# --- SARIF --------------------------------------------------------------------------

# GitHub's required subset, from its "SARIF support for code scanning" reference.
GITHUB_REQUIRED = {
    "type": "object",
    "required": ["$schema", "version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}}
                                },
                            }
                        },
                    },
                    "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                },
            },
        },
    },
    "$defs": {
        "text": {
            "type": "object",
            "required": ["text"],
            "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 1024}},
        },
        "rule": {
            "type": "object",
            "required": ["id", "shortDescription", "fullDescription", "help"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "name": {"type": "string", "maxLength": 255},
                "shortDescription": {"$ref": "#/$defs/text"},
                "fullDescription": {"$ref": "#/$defs/text"},
                "help": {"$ref": "#/$defs/text"},
                "defaultConfiguration": {
                    "properties": {"level": {"enum": ["note", "warning", "error"]}}
                },
            },
        },
        "result": {
            "type": "object",
            "required": ["message", "locations", "partialFingerprints"],
            "properties": {
                "message": {"$ref": "#/$defs/text"},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "locations": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 10,
                    "items": {
                        "type": "object",
                        "required": ["physicalLocation"],
                        "properties": {
                            "physicalLocation": {
                                "type": "object",
                                "required": ["artifactLocation", "region"],
                                "properties": {
                                    "artifactLocation": {
                                        "type": "object",
                                        "required": ["uri"],
                                        "properties": {"uri": {"type": "string", "minLength": 1}},
                                    },
                                    "region": {
                                        "type": "object",
                                        "required": ["startLine"],
                                        "properties": {
                                            "startLine": {"type": "integer", "minimum": 1},
                                            "endLine": {"type": "integer", "minimum": 1},
                                            "startColumn": {"type": "integer", "minimum": 1},
                                            "endColumn": {"type": "integer", "minimum": 1},
                                        },
                                    },
                                },
                            }
                        },
                    },
                },
                "partialFingerprints": {
                    "type": "object",
                    "required": ["primaryLocationLineHash"],
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
            },
        },
    },
}


def test_sarif_meets_githubs_required_properties() -> None:
    sarif = render_sarif(sample_scan())
    jsonschema.validate(sarif, GITHUB_REQUIRED)
    json.dumps(sarif)  # serialisable as is
    assert sarif["$schema"].startswith("https://")
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "personize-assistant"
    assert driver["informationUri"].startswith("https://")
    assert driver["version"]


def test_sarif_has_one_note_rule_per_kind_and_results_point_at_them() -> None:
    run = render_sarif(sample_scan())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len(Kind)
    assert len({rule["id"] for rule in rules}) == len(Kind)
    assert {rule["id"].split("/")[-1] for rule in rules} == {kind.value for kind in Kind}
    assert all(rule["defaultConfiguration"]["level"] == "note" for rule in rules)
    assert len(run["results"]) == 4
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "note"


def test_sarif_locations_are_relative_to_srcroot() -> None:
    run = render_sarif(sample_scan())["runs"][0]
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    uris = []
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        uris.append(location["artifactLocation"]["uri"])
        assert location["region"]["endLine"] >= location["region"]["startLine"]
    assert sorted(uris) == ["prisma/schema.prisma", "src/mail.ts", "src/pricing.ts", "src/sms.ts"]


def test_sarif_uris_are_percent_encoded() -> None:
    scan = sample_scan()
    scan.touchpoints[0] = scan.touchpoints[0].model_copy(update={"file": "src/my mail#1.ts"})
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in render_sarif(scan)["runs"][0]["results"]
    ]
    assert "src/my%20mail%231.ts" in uris


def fingerprints(scan: RepoScan) -> dict[str, dict[str, str]]:
    results = render_sarif(scan)["runs"][0]["results"]
    return {r["properties"]["touchpointId"]: r["partialFingerprints"] for r in results}


def test_sarif_fingerprints_survive_the_code_moving() -> None:
    before = sample_scan()
    after = sample_scan()
    moved = after.touchpoints[0]
    after.touchpoints[0] = moved.model_copy(
        update={"line": moved.line + 7, "end_line": moved.end_line + 7}
    )

    assert fingerprints(before) == fingerprints(after)
    hashes = [f["primaryLocationLineHash"] for f in fingerprints(before).values()]
    assert len(set(hashes)) == len(hashes)


def test_sarif_redacts_evidence_in_messages() -> None:
    text = json.dumps(render_sarif(sample_scan()))
    assert SECRET not in text
    assert "[REDACTED]" in text


def test_sarif_end_column_comes_from_the_source_when_readable(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src/mail.ts").write_text("a\nb\nc\nd\ne\n  const x = 1;\n", encoding="utf-8")
    scan = sample_scan(root=str(tmp_path))
    results = render_sarif(scan)["runs"][0]["results"]
    regions = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0][
            "physicalLocation"
        ]["region"]
        for r in results
    }
    # sendWelcome spans lines 4-6; line 6 is "  const x = 1;" (14 characters).
    assert regions["src/mail.ts"] == {
        "startLine": 4,
        "startColumn": 1,
        "endLine": 6,
        "endColumn": 15,
    }
    assert "endColumn" not in regions["src/sms.ts"]  # not on disk


def test_text_falls_back_to_a_list_when_paths_leave_no_room_for_evidence() -> None:
    scan = sample_scan()
    long_path = "src/" + "very-long-directory-name/" * 2 + "mail.ts"
    scan.touchpoints[0] = scan.touchpoints[0].model_copy(update={"file": long_path})
    text = render_text(scan, width=120)
    assert f"{long_path}:4  sendWelcome  via nodemailer  high" in text
    assert "await transporter.sendMail" in text
    assert max(len(line) for line in text.splitlines()) <= 120
