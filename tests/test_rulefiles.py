"""Every stage's rule files load the same way: a bad one is an error naming the file."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from personize_assistant.rulefiles import RuleError, load_rules, parse_rules


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]


def test_a_missing_rule_file_names_its_place() -> None:
    with pytest.raises(RuleError, match=r"^actions/wire/nope\.yaml: cannot be read"):
        load_rules("personize_assistant.actions.wire", "nope.yaml", _Words)


def test_a_bad_rule_file_names_the_key() -> None:
    with pytest.raises(RuleError, match=r"^agent/x\.yaml: wordz: Extra inputs"):
        parse_rules("agent/x.yaml", "words: [a]\nwordz: [b]\n", _Words)
    with pytest.raises(RuleError, match=r"^agent/x\.yaml: not valid YAML"):
        parse_rules("agent/x.yaml", "words: [a\n", _Words)
    assert parse_rules("agent/x.yaml", "words: [a, b]\n", _Words).words == ["a", "b"]
