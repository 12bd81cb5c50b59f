"""Secret redaction for anything that leaves the process: exports, logs, session files,
model requests.

Repo content is untrusted and often holds live credentials (`sk_live_...`, API keys,
passwords in settings and URLs). Every renderer, store and logger passes text through
`redact()`. What counts as a secret is data (`redact_rules.yaml`); this module only knows
how to find it in linear time, because repo text can be a 1 MB single line: every
pattern starts at a literal or a word boundary and uses possessive runs, so no input
makes the regex engine backtrack.

The replacement never eats a quote or a backslash, so redacting JSON text keeps it JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

REDACTED = "[REDACTED]"

# A run of characters that can be a bare (unquoted) value: stops at quotes, backslashes,
# whitespace and the punctuation that ends a value in code.
_BARE = r"""[^\s"'`\\,;()\[\]{}<>]{4,}+"""
_QUOTED = r"""(?P<quote>\\?["'`])(?P<qvalue>[^"'`\\\n]{4,}+)(?P=quote)"""
# `os.environ["X"]`-like chains, `None`, `getPassword`: code that names a value.
_IDENTIFIER_CHAIN = re.compile(r"[A-Za-z_$][\w$]*+(?:\.[A-Za-z_$][\w$]*+)*+(?:\(\))?")
_ENV_NAME = re.compile(r"[A-Z][A-Z0-9]*+(?:_[A-Z0-9]++)++")
_SHELL_VAR = re.compile(r"\$(?:\{[^}]*+\}|[A-Z_][A-Z0-9_]*+)")
# `"jsonwebtoken": "^9.0.2"` in a dependency list is a version range, not a token.
_VERSION = re.compile(r"[\^~<>=]*+\d++(?:\.[\dx*]++)++(?:-[\w.]++)?")
_NUMBER_OR_WORD = re.compile(r"\d{1,6}|true|false|null|none|nil|undefined", re.IGNORECASE)
# A PEM body line or another long base64 blob (a key in a string): 40+ base64 characters
# that read as random (see `_random_base64`), wherever they stand.
_BASE64_RUN = re.compile(r"(?<![A-Za-z0-9+/_\-])[A-Za-z0-9+/]{40,}+={0,2}(?![A-Za-z0-9+/_\-])")
_PATH_SEGMENT_MAX = 24  # longest part between slashes in a file path; base64 runs longer
_PEM_BEGIN = re.compile(r"-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----")
_PEM_END = re.compile(r"-----END [A-Z ]{0,40}PRIVATE KEY-----")


@dataclass(frozen=True)
class _Rules:
    tokens: re.Pattern[str]
    auth: re.Pattern[str]
    url_password: re.Pattern[str]
    assignment: re.Pattern[str]
    env_line: re.Pattern[str]
    env_default: re.Pattern[str]
    env_suffixes: tuple[str, ...]
    reference_prefixes: tuple[str, ...]
    placeholders: tuple[str, ...]


@cache
def _rules() -> _Rules:
    from personize_assistant.rulefiles import load_yaml

    data = load_yaml(files("personize_assistant").joinpath("redact_rules.yaml").read_text(encoding="utf-8"))
    schemes = "|".join(re.escape(s) for s in data["auth_schemes"])
    return _Rules(
        tokens=_alternation(data["tokens"]),
        auth=re.compile(rf"\b(?P<scheme>(?i:{schemes}))[ \t]++(?P<cred>[A-Za-z0-9._~+/\-]{{16,}}+=*+)"),
        url_password=re.compile(
            r"""(?<![\w+.\-])(?P<head>[A-Za-z][\w+.\-]*+://[^\s:/@"'`\\]*+:)(?P<pw>[^\s/@"'`\\]++)@"""),
        # A name is tried once, from its first character (the lookbehind skips the rest of
        # a word); whether it names a secret is decided in `_assignment`.
        assignment=re.compile(
            rf"""(?<![\w\-])(?=[\w\-])(?P<name>[\w\-]++)(?P<close>\\?["'`]?)"""
            rf"""(?P<sep>[ \t]*+(?::=|=>|[:=])[ \t]*+)(?:{_QUOTED}|(?P<bare>{_BARE}))"""),
        env_line=re.compile(r"""(?m)^(?P<head>[ \t]*+(?:export[ \t]++|-[ \t]*+)?[A-Z][A-Z0-9_]*+=)(?P<value>[^\s"'`#]++)"""),
        env_default=re.compile(
            r"""(?:getenv|environ\.get|env\.get|env)\([ \t]*+(?P<q1>\\?["'])(?P<var>[\w.\-]++)(?P=q1)[ \t]*+,[ \t]*+"""
            rf"""(?:default[ \t]*+=[ \t]*+)?{_QUOTED.replace("{4,}+", "+")}"""
            r"""|process\.env\.(?P<jsvar>\w++)[ \t]*+(?:\?\?|\|\|)[ \t]*+(?P<jsquote>\\?["'`])(?P<jsvalue>[^"'`\\\n]++)(?P=jsquote)"""),
        env_suffixes=tuple(data["env_name_suffixes"]),
        reference_prefixes=tuple(data["reference_prefixes"]),
        placeholders=tuple(data["placeholder_markers"]),
    )


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    """One pattern for all token shapes; the `\\b` they share is tested once per position,
    which keeps a 1 MB line to one fast pass instead of one slow try per shape."""
    bounded = [p[2:] for p in patterns if p.startswith(r"\b")]
    other = [p for p in patterns if not p.startswith(r"\b")]
    return re.compile("|".join([rf"\b(?:{'|'.join(bounded)})", *other]))


def redact(text: str) -> str:
    """Replace every secret-looking value in `text` with `[REDACTED]`, keeping the names
    and punctuation around it."""
    if not text:
        return text
    rules = _rules()
    text = _private_keys(text)
    text = rules.tokens.sub(REDACTED, text)
    text = rules.auth.sub(lambda m: f"{m['scheme']} {REDACTED}", text)
    text = rules.url_password.sub(_url_password, text)
    text = rules.env_default.sub(_env_default, text)
    text = rules.env_line.sub(_env_line, text)
    text = rules.assignment.sub(_assignment, text)
    return _BASE64_RUN.sub(_base64_run, text)


def contains_secret(text: str) -> bool:
    return redact(text) != text


def redact_tree(value: Any) -> Any:
    """`redact` applied to every string inside a JSON-like value (keys included)."""
    # Keys, kinds and file paths repeat in every item of a report: each distinct string
    # is redacted once (half the start-up cost of a warm `scan --json`).
    return _redact_tree(value, {})


def _redact_tree(value: Any, seen: dict[str, str]) -> Any:
    if isinstance(value, str):
        return _redact_once(value, seen)
    if isinstance(value, dict):
        return {_redact_once(str(k), seen): _redact_tree(v, seen) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_tree(v, seen) for v in value]
    return value


def _redact_once(text: str, seen: dict[str, str]) -> str:
    clean = seen.get(text)
    if clean is None:
        clean = seen[text] = redact(text)
    return clean


def _private_keys(text: str) -> str:
    """PEM blocks, BEGIN to END; a block cut short (evidence, a diff) loses the rest of
    its line. One forward pass: once no END is left, none is searched for again."""
    parts: list[str] = []
    position = 0
    ends_left = True
    while (begin := _PEM_BEGIN.search(text, position)) is not None:
        parts.append(text[position:begin.start()])
        end = _PEM_END.search(text, begin.end()) if ends_left else None
        if end is None:
            ends_left = False
            stop = _line_end(text, begin.end())
        else:
            stop = end.end()
        parts.append(REDACTED)
        position = stop
    parts.append(text[position:])
    return "".join(parts)


def _line_end(text: str, start: int) -> int:
    """Where the line (or the JSON string) holding `start` ends."""
    ends = [i for i in (text.find("\n", start), text.find('"', start), text.find("\\n", start)) if i >= 0]
    return min(ends, default=len(text))


def _url_password(match: re.Match[str]) -> str:
    if _is_reference(match["pw"]):
        return match.group(0)
    return f"{match['head']}{REDACTED}@"


def _env_default(match: re.Match[str]) -> str:
    """The fallback in `os.getenv("STRIPE_KEY", "sk_...")` / `process.env.X ?? "..."`."""
    var, value = (match["var"], match["qvalue"]) if match["var"] else (match["jsvar"], match["jsvalue"])
    if not _names_secret(var) or _is_reference(value):
        return match.group(0)
    start, end = match.span("qvalue") if match["var"] else match.span("jsvalue")
    whole = match.group(0)
    offset = match.start()
    return whole[: start - offset] + REDACTED + whole[end - offset:]


def _env_line(match: re.Match[str]) -> str:
    """`.env` lines: `STRIPE_KEY=sk_...`, `DB_PASSWORD=hunter2` (unquoted)."""
    name = match["head"].rstrip("=").split()[-1].lstrip("-")
    if not _names_secret(name) or _is_reference(match["value"]):
        return match.group(0)
    return f"{match['head']}{REDACTED}"


def _assignment(match: re.Match[str]) -> str:
    """`password = "hunter2"`, `API_KEY: 'abc'`, `"secret": "..."`, `token=abc123/xyz`."""
    value = match["qvalue"] if match["qvalue"] is not None else match["bare"]
    if not _names_secret(match["name"]):
        return match.group(0)
    if _is_reference(value) or (match["bare"] is not None and _is_code(value)):
        return match.group(0)
    head = f"{match['name']}{match['close']}{match['sep']}"
    return f"{head}{match['quote']}{REDACTED}{match['quote']}" if match["quote"] else head + REDACTED


def _base64_run(match: re.Match[str]) -> str:
    return REDACTED if _random_base64(match.group(0)) else match.group(0)


def _random_base64(run: str) -> bool:
    """Key material mixes cases and digits throughout; hex digests (one case), long
    identifiers (few digits) and file paths (short parts between slashes) do not."""
    classes = (sum(c.isupper() for c in run), sum(c.islower() for c in run), sum(c.isdigit() for c in run))
    return min(classes) >= 3 and max(len(part) for part in run.split("/")) >= _PATH_SEGMENT_MAX


def _secret_name(name: str) -> bool:
    """Which names are secret is scan/secrets.yaml's one definition."""
    # Imported here: the scanner redacts its evidence, so `scan` imports this module.
    from personize_assistant.scan.secrets import is_secret_name

    return is_secret_name(name.strip("'\"`-"))


def _names_secret(name: str) -> bool:
    return _secret_name(name) or _env_secret_name(name)


def _env_secret_name(name: str) -> bool:
    return name.upper() == name and name.endswith(_rules().env_suffixes)


def _is_reference(value: str) -> bool:
    """Env lookups, placeholders and version ranges name or describe a value; they are not one."""
    return (
        REDACTED in value
        or value.startswith(_rules().reference_prefixes)
        or _SHELL_VAR.fullmatch(value) is not None
        or _ENV_NAME.fullmatch(value) is not None
        or _VERSION.fullmatch(value) is not None
        or "${" in value
        or any(marker in value for marker in _rules().placeholders)
    )


def _is_code(value: str) -> bool:
    """An unquoted value that is an expression (`user.password`, `None`, `1500`), not a literal."""
    return _IDENTIFIER_CHAIN.fullmatch(value) is not None or _NUMBER_OR_WORD.fullmatch(value) is not None
