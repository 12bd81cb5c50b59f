"""The on-disk scan cache: per-file facts by content hash, plus the last whole result.

JSON, never pickle: a cache file planted by someone else (a shared home, a restored
backup) is data that fails to validate, never code that runs. Versioned by the cache
format, the package version and a hash of the rules files, so editing the catalog or a
query invalidates it. Any problem reading or writing it (corruption, a foreign file,
permissions, a full disk) falls back to an in-process cache. Files are 0600 in a 0700
folder, and string values in facts are redacted before they are written: the cache holds
what the code says, not the credentials it holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from personize_assistant import __version__
from personize_assistant.locations import cache_dir
from personize_assistant.redact import redact

if TYPE_CHECKING:
    from personize_assistant.scan.extract import Wire

CACHE_FORMAT = 4
SECRET_MIN_CHARS = 8  # shorter strings are names and punctuation, never a credential
_MEMORY: dict[str, dict[str, Any]] = {}


@dataclass
class CacheState:
    files: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    """Repo-relative path -> (size, mtime_ns, content digest) at the last scan."""
    fingerprint: str = ""
    result: dict[str, Any] | None = None
    """The last scan's touchpoints and skipped files, valid for `fingerprint`."""


class ScanCache:
    def __init__(self, root: Path, rules_digest: str, enabled: bool = True) -> None:
        self.enabled = enabled
        self.version = f"{CACHE_FORMAT}-{__version__}-{rules_digest}"
        key = hashlib.sha1(str(root).encode()).hexdigest()[:16]
        self.key = key
        self.folder = cache_dir() / "scan"
        self.index_path = self.folder / f"{key}.index.json"
        self.facts_path = self.folder / f"{key}.facts.json"
        self.disk_ok = enabled
        self.stored: set[str] = set()
        """Digests whose facts came from the cache file: already redacted, written as they are."""

    def load_state(self) -> CacheState:
        data = self._read(self.index_path, "index")
        try:
            files = {str(path): (int(size), int(mtime), str(digest))
                     for path, (size, mtime, digest) in data["files"].items()}
            result = data["result"]
            return CacheState(files, str(data["fingerprint"]), result if isinstance(result, dict) else None)
        except (KeyError, TypeError, ValueError, AttributeError):  # absent, or not our shape
            return CacheState()

    def load_facts(self) -> dict[str, Wire]:
        data = self._read(self.facts_path, "facts")
        facts = data.get("facts") if isinstance(data, dict) else None
        if not isinstance(facts, dict):
            return {}
        loaded = {str(digest): _tuples(wire) for digest, wire in facts.items() if _is_wire(wire)}
        self.stored = set(loaded)
        return loaded

    def save(self, state: CacheState, facts: dict[str, Wire] | None) -> None:
        if not self.enabled:
            return
        index = {"version": self.version, "files": state.files, "fingerprint": state.fingerprint, "result": state.result}
        memory = _MEMORY.setdefault(self.key, {})
        memory["index"] = index
        if facts is not None:
            memory["facts"] = {"version": self.version, "facts": {
                digest: wire if digest in self.stored else _redacted(wire) for digest, wire in facts.items()}}
        if not self.disk_ok:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if facts is not None:
                _write_atomic(self.facts_path, memory["facts"])
            _write_atomic(self.index_path, index)
            for legacy in ("index.pkl", "facts.pkl"):  # format 3 kept facts, secrets included, as pickle
                _discard(self.folder / f"{self.key}.{legacy}")
        except (OSError, TypeError, ValueError):
            self.disk_ok = False

    def _read(self, path: Path, slot: str) -> Any:
        if not self.enabled:
            return None
        data: Any = None
        if self.disk_ok:
            try:
                data = json.loads(path.read_bytes())
            except FileNotFoundError:
                data = None
            except (OSError, ValueError, RecursionError):  # corrupt or foreign: never break a scan
                data = None
                _discard(path)
        if not (isinstance(data, dict) and data.get("version") == self.version):
            data = _MEMORY.get(self.key, {}).get(slot)
        if isinstance(data, dict) and data.get("version") == self.version:
            return data
        return None


def _tuples(value: Any) -> Any:
    """JSON arrays back to the tuples facts are made of (NamedTuples are rebuilt from them)."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    return value


def _is_wire(value: Any) -> bool:
    """(path, digest, size, packed facts or None, skip or None): what `extract.to_wire` gives."""
    return isinstance(value, list) and len(value) == 5 and isinstance(value[0], str) and isinstance(value[2], int)


def _redacted(value: Any) -> Any:
    """The facts with every string long enough to hold a credential passed through `redact`."""
    if isinstance(value, str):
        return redact(value) if len(value) >= SECRET_MIN_CHARS else value
    if isinstance(value, tuple | list):
        return tuple(_redacted(item) for item in value)
    return value


def _write_atomic(path: Path, payload: Any) -> None:
    # mkstemp creates the file 0600: the cache holds facts about the user's code.
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
