"""Notifications pushed to connected browsers through the app's own event stream.

`current_app.events_manager.publish(data=..., type="notification")`: a server-sent-events or
pub/sub manager (a receiver named like one) publishing an event whose type names a
notification is an in-app notification, whoever the stream's listeners are. Receiver names,
methods and the event-type words are data (buses.yaml).
"""

from __future__ import annotations

from personize_assistant.scan.detect_calls import Hit
from personize_assistant.scan.resolve import RepoIndex
from personize_assistant.scan.rules import buses

_B = buses()


def broadcast_hits(index: RepoIndex) -> list[Hit]:
    found: list[Hit] = []
    for path, facts in index.facts.items():
        for call in facts.calls:
            if call.name in _B.stream_methods and _stream_receiver(call.chain) and _B.notice_event.search(call.args):
                found.append(Hit(path, call, "notification", "in-app", "in_app", "medium"))
    return found


def _stream_receiver(chain: str) -> bool:
    parts = chain.replace("()", "").replace("[]", "").split(".")
    return len(parts) >= 2 and _B.stream_receiver.search(parts[-2]) is not None
