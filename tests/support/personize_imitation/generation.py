"""smart-guidelines selection and the deterministic `prompt` generator."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from tests.support.personize_imitation.common import (
    STRUCTURED_LABELS,
    expect,
    overlap_score,
    token_estimate,
    validation_error,
)
from tests.support.personize_imitation.state import Org


def select_guidelines(org: Org, body: Mapping[str, Any], mode: str) -> list[dict[str, Any]]:
    wanted_tags = set(body.get("tags") or [])
    excluded = set(body.get("excludeTags") or [])
    ids = set(body.get("guidelineIds") or body.get("variableIds") or [])
    names = set(body.get("guidelineNames") or [])
    floor = float(body.get("minScore", 0.4 if mode == "fast" else 0.01))
    selection = []
    for g in org.guidelines.values():
        tags = set(g["tags"])
        if (ids and g["id"] not in ids) or (names and g["name"] not in names) or tags & excluded:
            continue
        if wanted_tags and not wanted_tags & tags:
            continue
        text = f"{g['name']} {g['description']} {' '.join(g['tags'])} {g['value']}"
        score = 1.0 if "always-on" in tags else overlap_score(str(body["message"]), text)
        if score >= floor:
            selection.append(
                {
                    "guidelineId": g["id"],
                    "name": g["name"],
                    "score": score,
                    "reason": "word overlap",
                    "content": g["value"],
                    "contentLength": len(g["value"]),
                    "mode": mode,
                }
            )
    selection.sort(key=lambda item: (-item["score"], item["name"]))
    return selection


def validate_prompt(org: Org, body: Mapping[str, Any]) -> list[dict[str, Any]]:
    has_prompt, has_steps = body.get("prompt") is not None, body.get("instructions") is not None
    if has_prompt == has_steps:
        raise validation_error(
            "send exactly one of prompt or instructions", "prompt", "instructions"
        )
    if (body.get("model") or body.get("provider")) and not body.get("openrouterApiKey"):
        raise validation_error(
            "model/provider are BYOK only: also send openrouterApiKey (Pro/Enterprise)", "model"
        )
    if body.get("openrouterApiKey") and body.get("tier"):
        raise validation_error(
            "use either BYOK (model + openrouterApiKey) or tier, not both", "tier"
        )
    if body.get("tier") not in (None, "basic", "pro", "ultra"):
        raise validation_error("must be basic, pro or ultra", "tier")
    if has_prompt:
        expect(body, "prompt", str, "a string")
        return [{"prompt": body["prompt"], "maxSteps": 1}]
    expect(body, "instructions", list, "a list")
    steps = [normalize_instruction(item, i) for i, item in enumerate(body["instructions"])]
    if not steps or len(steps) > 20:
        raise validation_error("needs 1 to 20 instructions", "instructions")
    return steps


def normalize_instruction(item: Any, index: int) -> dict[str, Any]:
    if isinstance(item, str):
        return {"prompt": item, "maxSteps": 1}
    if isinstance(item, dict) and isinstance(item.get("prompt"), str):
        return {"prompt": item["prompt"], "maxSteps": int(item.get("maxSteps", 10))}
    raise validation_error("must be a string or {prompt, maxSteps?}", f"instructions[{index}]")


def requested_labels(texts: list[str]) -> list[str]:
    """Structured fields the prompt asks for (SUBJECT, BODY_HTML, ... or any `LABEL:` line)."""
    found: list[str] = []
    for text in texts:
        found += [label for label in STRUCTURED_LABELS if re.search(rf"\b{label}\b", text)]
        found += re.findall(r"^\s*([A-Z][A-Z0-9_]{2,}):", text, flags=re.MULTILINE)
    return list(dict.fromkeys(found))


def recipient_of(body: Mapping[str, Any]) -> str:
    target = body.get("memorize") or {}
    if isinstance(target, dict) and target.get("email"):
        return str(target["email"])
    haystack = f"{body.get('context') or ''}\n{body.get('prompt') or ''}"
    match = re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", haystack)
    return match.group(0) if match else "there"


def first_name(recipient: str) -> str:
    local = recipient.split("@")[0]
    return re.split(r"[._+-]", local)[0].capitalize() if "@" in recipient else recipient


def first_fact(context: str) -> str:
    for line in context.splitlines():
        if line.strip().startswith("- "):
            return line.strip()[2:].strip()[:80]
    return "here is an idea picked for you"


def field_value_for(label: str, name: str, fact: str) -> str:
    values = {
        "SUBJECT": f"A quick idea for {name}",
        "BODY_HTML": f"<p>Hi {name},</p><p>{fact}.</p>",
        "BODY_TEXT": f"Hi {name}, {fact}.",
        "CHANNEL_NOTES": "Written by the Personize imitation.",
        "BUTTON_LABEL": "Open now",
        "BUTTON_URL": "https://example.com/app",
    }
    return values.get(label, f"{label.lower().replace('_', ' ')} for {name}")


def compose_text(body: Mapping[str, Any], steps: list[dict[str, Any]]) -> str:
    recipient = recipient_of(body)
    name = first_name(recipient)
    fact = first_fact(str(body.get("context") or ""))
    summary = " ".join(steps[-1]["prompt"].split())[:100]
    lines = [f"Draft for {recipient}: {summary}"]
    lines += [
        f"{label}: {field_value_for(label, name, fact)}"
        for label in requested_labels([s["prompt"] for s in steps])
    ]
    for output in body.get("outputs") or []:
        if isinstance(output, dict) and output.get("name"):
            lines.append(f'<output name="{output["name"]}">{output["name"]} for {name}</output>')
    return "\n".join(lines)


def split_outputs(raw: str) -> tuple[str, dict[str, Any]]:
    outputs: dict[str, Any] = {}
    for match in re.finditer(r'<output name="([^"]+)">(.*?)</output>', raw, flags=re.DOTALL):
        value = match.group(2).strip()
        try:
            outputs[match.group(1)] = json.loads(value)
        except ValueError:
            outputs[match.group(1)] = value
    text = re.sub(r'<output name="[^"]+">.*?</output>\n?', "", raw, flags=re.DOTALL).strip()
    return text, outputs


def evaluation_of(body: Mapping[str, Any], score: int) -> dict[str, Any] | None:
    evaluate = body.get("evaluate")
    criteria_text = body.get("evaluationCriteria") or (
        evaluate.get("criteria") if isinstance(evaluate, dict) else None
    )
    if not evaluate and not criteria_text:
        return None
    names = [c.strip() for c in re.split(r"[\n;,]", str(criteria_text or "")) if c.strip()] or [
        "relevance",
        "clarity",
    ]
    scores = [
        {"name": n, "score": score, "maxScore": 10, "reason": f"imitation scored {n}"}
        for n in names
    ]
    return {
        "finalScore": score * 10,
        "criteriaScores": scores,
        "explanation": "Deterministic imitation evaluation.",
    }


def prompt_response(
    body: Mapping[str, Any], steps: list[dict[str, Any]], raw: str, score: int
) -> dict[str, Any]:
    text, outputs = split_outputs(raw)
    prompt_tokens = token_estimate(
        str(body.get("context") or "") + "".join(s["prompt"] for s in steps)
    )
    usage = {
        "promptTokens": prompt_tokens,
        "completionTokens": token_estimate(raw),
        "totalTokens": prompt_tokens + token_estimate(raw),
    }
    step_list = [
        {
            "instructionIndex": i,
            "prompt": s["prompt"],
            "text": text if i == len(steps) - 1 else f"Step {i + 1} done: {s['prompt'][:60]}",
            "toolCalls": [],
            "stepsExecuted": 1,
        }
        for i, s in enumerate(steps)
    ]
    data: dict[str, Any] = {
        "text": text,
        "outputs": outputs,
        "metadata": {
            "model": str(body.get("model") or f"imitation-{body.get('tier') or 'pro'}"),
            "provider": str(body.get("provider") or "personize"),
            "tier": body.get("tier") or "pro",
            "byok": bool(body.get("openrouterApiKey")),
            "creditsCharged": len(steps),
            "usage": usage,
            "toolCalls": [],
            "toolResults": [],
            "stepsExecuted": len(steps),
            "instructionsExecuted": len(steps),
        },
        "steps": step_list,
    }
    evaluation = evaluation_of(body, score)
    if evaluation:
        data["evaluation"] = evaluation
    return data
