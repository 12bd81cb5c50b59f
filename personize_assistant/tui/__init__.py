"""The `chat` terminal UI (Textual).

Invariants for whoever works here next:
- The UI talks to the agent only through `port.ChatSession` (the agent `Session`) and the
  events it yields; it never calls actions.
- Workers (`screens/main.py`) open the session, scan and run turns; they only post the
  messages in `messages.py`. `@on` handlers are the only code that changes widgets.
- Every key binding has an id; main-screen actions are registered once in `keymap.py`,
  which feeds both the footer and the command palette (`commands.py`).
- Styles live in `app.tcss` only.
"""
