"""The conversation: a `Session` over one repo, driven by one of two engines.

    session.py      Session: open/resume, send(text) -> events, confirmations, export
    events.py       the events a turn yields (the whole contract with the TUI)
    engine.py       the Engine protocol, Turn (what an engine sees), EngineUnavailable
    claude.py       ClaudeEngine: streamed Messages API + tool loop (anthropic, lazy)
    offline.py      OfflineEngine: deterministic intent routing to the same tools
    intents.py      message -> Intent (offline); offline_text.py: its words
    tools*.py       the tools: typed args (pydantic) -> JSON schema; ToolError for the model
    runner.py       runs one tool call: validate, thread, confirm, truncate, redact, events
    workspace.py    the state tools share: scan, discovery answers, artifacts, questions
    files.py        read_file confinement (no `..`, absolute paths or symlinks out)
    store.py        SessionStore: SQLite (WAL), versioned, redacted, corrupt-file recovery

Invariants: the agent never imports the TUI or commands; artifacts come only from
actions; everything that leaves the process (model, DB, export) passes `redact`.
"""
