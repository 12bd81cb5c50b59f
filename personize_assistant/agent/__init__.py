"""The conversation: a `Session` over one repo, driven by one of two engines.

    session.py      Session: open/resume, send(text) -> events, confirmations, export
    events.py       the events a turn yields (the whole contract with the TUI)
    engine.py       the Engine protocol, Turn (what an engine sees), EngineUnavailable
    claude.py       ClaudeEngine: streamed Messages API + tool loop (anthropic, lazy);
                    claude_stream.py reads a reply's SSE events, claude_errors.py words failures
    history.py      keeps the history valid for the API (every tool_use answered) and in budget
    offline.py      OfflineEngine: deterministic intent routing to the same tools
    intents.py      message -> Intent (offline); offline_text.py: its words
    tools*.py       the tools: typed args (pydantic) -> JSON schema; ToolError for the model
    runner.py       runs one tool call: validate, thread, confirm, truncate, redact, events
    workspace.py    the state tools share: scan, discovery answers, artifacts, questions
    files.py        read_file confinement (no `..`, absolute paths or symlinks out)
    private_files   what read_file refuses unless the user names it (.env, keys, .git, ignored)
    untrusted.py    the <repo_file> wrapper repo content cannot break out of
    store.py        SessionStore: SQLite (WAL), versioned, redacted, corrupt-file recovery

Invariants: the agent never imports the TUI or commands; artifacts come only from
actions; everything that leaves the process (model, DB, export) passes `redact`.
"""
