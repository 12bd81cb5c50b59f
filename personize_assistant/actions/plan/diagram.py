"""The architecture as a flowchart: the app's data -> Personize memory -> generation -> channels.

Every label is a real name from the scan or the schema (models, collections, the functions
that send, their providers, the job that triggers them); node ids are made here, so no name
in the repo can reach the diagram's syntax. `brief.mermaid_text` escapes the labels.
"""

from __future__ import annotations

from personize_assistant.actions.common.touchpoints import HTTP_VERBS, language_of
from personize_assistant.actions.plan.brief import (
    BriefTouchpoint,
    Diagram,
    DiagramEdge,
    DiagramGroup,
    DiagramNode,
    UseCaseBrief,
    helper_call,
)
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.scan.models import Touchpoint

MAX_SOURCES = 5
MAX_COLLECTIONS = 4
MAX_POINTS = 4
MAX_WEBHOOKS = 2


def architecture(facts: RepoFacts, quick_win: Touchpoint | None, use_cases: list[UseCaseBrief],
                 fields: list[str], win: BriefTouchpoint | None) -> Diagram:
    points = _points(win, use_cases)
    channels = _channels(facts, points)
    groups = [_sources(facts), _memory(facts), _generation(facts, quick_win, points), _out(facts, channels)]
    return Diagram(groups=groups, edges=_edges(facts, quick_win, points, channels, fields))


def _points(quick_win: BriefTouchpoint | None, use_cases: list[UseCaseBrief]) -> list[tuple[str, str]]:
    """(name, channel) of the places that get personalised copy, the quick win first; code
    that only feeds memory (event tracking, webhooks) has no channel and is a source instead."""
    found = [(quick_win.name, quick_win.channel)] if quick_win and quick_win.channel else []
    found += [(t.name, t.channel) for u in use_cases for t in u.touchpoints[:1] if t.channel]
    return list(dict.fromkeys(found))[:MAX_POINTS]


def _channels(facts: RepoFacts, points: list[tuple[str, str]]) -> list[str]:
    return list(dict.fromkeys([*(c for _, c in points), *facts.senders]))


def _sources(facts: RepoFacts) -> DiagramGroup:
    models = list(dict.fromkeys(m.source_entity for m in facts.schema.mappings))
    nodes = [DiagramNode(id=f"src{i}", label=m, shape="store") for i, m in enumerate(models[:MAX_SOURCES], 1)]
    if len(models) > MAX_SOURCES:
        nodes.append(DiagramNode(id="src_more", label=f"+{len(models) - MAX_SOURCES} more models", shape="store"))
    nodes += [DiagramNode(id=f"hook{i}", label=f"{w.provider or 'incoming'} webhook: {w.file}")
              for i, w in enumerate(facts.webhooks[:MAX_WEBHOOKS], 1)]
    if not nodes:
        nodes = [DiagramNode(id="src_db", label=f"{facts.app} database", shape="store")]
    return DiagramGroup(id="sources", title=f"{facts.app} data", nodes=nodes)


def _memory(facts: RepoFacts) -> DiagramGroup:
    collections = facts.schema.collections
    nodes = [DiagramNode(id=f"mem{i}", label=f"{c.collection_name} ({c.entity_type})", shape="round")
             for i, c in enumerate(collections[:MAX_COLLECTIONS], 1)]
    if len(collections) > MAX_COLLECTIONS:
        nodes.append(DiagramNode(id="mem_more", label=f"+{len(collections) - MAX_COLLECTIONS} more collections",
                                 shape="round"))
    nodes.append(DiagramNode(id="rules", label="Guidelines: brand voice, compliance, channel rules", shape="round"))
    return DiagramGroup(id="memory", title="Personize memory", nodes=nodes)


def _generation(facts: RepoFacts, quick_win: Touchpoint | None, points: list[tuple[str, str]]) -> DiagramGroup:
    job = facts.loop_job(quick_win)
    nodes = [DiagramNode(id="job", label=f"{_job_name(job)} ({job.schedule or 'scheduled'})")] if job else []
    call = helper_call(language_of(quick_win, facts.languages[0]) if quick_win else facts.languages[0])[0]
    nodes.append(DiagramNode(id="helper", label=f"{call}()"))
    nodes += [DiagramNode(id=f"point{i}", label=name) for i, (name, _) in enumerate(points, 1)]
    return DiagramGroup(id="generation", title="Generation", nodes=nodes)


def _job_name(job: Touchpoint) -> str:
    """A route handler (`GET`) or a Django command (`Command`) is known by its file."""
    symbol = (job.symbol or "").split(" ")[0]
    return job.file if symbol in HTTP_VERBS or symbol.split(".")[0] in ("", "Command") else symbol


def _out(facts: RepoFacts, channels: list[str]) -> DiagramGroup:
    nodes = [DiagramNode(id=f"out{i}", label=_channel_label(facts, channel))
             for i, channel in enumerate(channels or ["email"], 1)]
    return DiagramGroup(id="channels", title="Channels", nodes=nodes)


def _channel_label(facts: RepoFacts, channel: str) -> str:
    sender = facts.senders.get(channel)
    if sender is None:  # a dispatcher that picks the channel per message is `other`
        return "other channels" if channel == "other" else channel
    return f"{channel} via {sender.provider or sender.symbol or sender.file}"


def _edges(facts: RepoFacts, quick_win: Touchpoint | None, points: list[tuple[str, str]], channels: list[str],
           fields: list[str]) -> list[DiagramEdge]:
    edges = [DiagramEdge(source="sources", target="memory", label="memorizeBatch sync")]
    edges += [DiagramEdge(source=f"hook{i}", target="memory", label="memorize")
              for i in range(1, min(len(facts.webhooks), MAX_WEBHOOKS) + 1)]
    edges += [DiagramEdge(source="memory", target="helper", label="smartDigest + smartGuidelines")]
    if facts.loop_job(quick_win) is not None:  # the job the full plan runs the loop from
        edges.append(DiagramEdge(source="job", target="helper", label="runs the loop"))
    wanted = ", ".join(fields)
    out_ids = {channel: f"out{i}" for i, channel in enumerate(channels or ["email"], 1)}
    for i, (_, channel) in enumerate(points, 1):
        edges.append(DiagramEdge(source="helper", target=f"point{i}", label=f"ai.prompt: {wanted}" if i == 1 else ""))
        edges.append(DiagramEdge(source=f"point{i}", target=out_ids.get(channel, "out1"), label="deliver"))
    edges.append(DiagramEdge(source="channels", target="memory", label="memorize what was sent", dotted=True))
    return edges
