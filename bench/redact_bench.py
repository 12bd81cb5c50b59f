"""How long `redact` takes on 1 MB of hostile text, per shape (run by hand, never a test).

    .venv/bin/python bench/redact_bench.py

Every line should take a second or two at most: the patterns are linear by construction,
so 2 MB takes twice as long as 1 MB (the quadratic pattern it replaced took 13 s on 16 kB).
"""

from __future__ import annotations

import time

from personize_assistant.redact import redact

SHAPES = ["a", "token", "a:", "password=", "x://", "eyJ", " ", "a-", "-----BEGIN PRIVATE KEY-----",
          'password = "hunter2hunter2" ']
SIZE = 1_000_000


def main() -> None:
    for unit in SHAPES:
        text = unit * (SIZE // len(unit))
        started = time.perf_counter()
        redact(text)
        print(f"{unit[:24]!r:28} {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main()
