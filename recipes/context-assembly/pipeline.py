"""Assemble governed context for one person before generating anything for them.

    python pipeline.py <email> "<task>" [--website https://acme.com] [--budget 2000]

Three layers, fetched in parallel: guidelines (how we write), the entity digest (who this
is), and task-specific recall (what matters for this task). A layer that fails is left out
and logged; the caller still gets whatever context the other layers produced.
"""

import argparse
import json
import logging
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from personize_client import Personize, PersonizeError

log = logging.getLogger("context")


@dataclass
class AssembledContext:
    text: str
    layers: dict[str, Any] = field(default_factory=dict)


def recall_items(data: Any) -> list[dict[str, Any]]:
    """smart_recall data is documented both as {"results": [...]} and as a bare list."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        return list(data.get("results") or [])
    return []


def item_text(item: dict[str, Any]) -> str:
    return str(item.get("text") or item.get("content") or item.get("memory") or "")


def _safe(name: str, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except PersonizeError as error:
        log.warning("%s unavailable: %s", name, error)
        return None


def _compiled(data: Any) -> str:
    return str(data.get("compiledContext") or "") if isinstance(data, dict) else ""


def assemble_context(
    client: Personize, email: str, task: str, website_url: str | None = None, budget: int = 2000
) -> AssembledContext:
    calls: dict[str, Callable[[], Any]] = {
        "guidelines": lambda: client.ai.smart_guidelines(
            message=f"{task}: tone, rules and constraints", mode="fast"
        ),
        "contact": lambda: client.memory.smart_digest(
            email=email, type="Contact", token_budget=budget,
            include_properties=True, include_memories=True,
        ),
        "recall": lambda: client.memory.smart_recall(
            query=task, email=email, type="Contact", fast_mode=True, limit=10, minScore=0.3
        ),
    }
    if website_url:
        calls["company"] = lambda: client.memory.smart_digest(
            website_url=website_url, type="Company", token_budget=budget // 2
        )
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = {name: pool.submit(_safe, name, call) for name, call in calls.items()}
        results = {name: future.result() for name, future in futures.items()}

    rules, person = _compiled(results["guidelines"]), _compiled(results["contact"])
    account = _compiled(results.get("company"))
    facts = [t for t in map(item_text, recall_items(results["recall"])) if t]
    sections = []
    if rules:
        sections.append(f"## Guidelines\n{rules}")
    if person:
        sections.append(f"## Recipient\n{person}")
    if account:
        sections.append(f"## Company\n{account}")
    if facts:
        sections.append("## Relevant facts\n" + "\n".join(f"- {fact}" for fact in facts))
    layers = {"guidelines": bool(rules), "contact": bool(person), "company": bool(account),
              "facts": len(facts)}
    return AssembledContext("\n\n---\n\n".join(sections), layers)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    parser = argparse.ArgumentParser(description="Print the assembled context for one contact.")
    parser.add_argument("email")
    parser.add_argument("task")
    parser.add_argument("--website", help="company website for cross-entity context")
    parser.add_argument("--budget", type=int, default=2000, help="token budget for the digest")
    args = parser.parse_args(argv)
    try:
        with Personize() as client:
            if not client.has_key:  # every layer would fail; say why once instead
                log.error("set PERSONIZE_SECRET_KEY (sk_live_... or sk_test_...)")
                return 1
            context = assemble_context(client, args.email, args.task, args.website, args.budget)
    except PersonizeError as error:
        log.error("failed: %s", error)
        return 1
    log.info("layers: %s", json.dumps(context.layers))
    print(context.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
