"""The on-disk scan cache: per-file facts by content hash, plus the last whole result.

Versioned by the cache format, the package version and a hash of the rules files, so
editing the catalog or a query invalidates it. Any problem reading or writing it
(corruption, permissions, a full disk) falls back to an in-process cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from personize_assistant import __version__
from personize_assistant.locations import cache_dir
from personize_assistant.scan.extract import Wire

CACHE_FORMAT = 3
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
        self.index_path = self.folder / f"{key}.index.pkl"
        self.facts_path = self.folder / f"{key}.facts.pkl"
        self.disk_ok = enabled

    def load_state(self) -> CacheState:
        data = self._read(self.index_path, "index")
        if not isinstance(data, dict):
            return CacheState()
        return CacheState(data.get("files", {}), data.get("fingerprint", ""), data.get("result"))

    def load_facts(self) -> dict[str, Wire]:
        data = self._read(self.facts_path, "facts")
        return data.get("facts", {}) if isinstance(data, dict) else {}

    def save(self, state: CacheState, facts: dict[str, Wire] | None) -> None:
        if not self.enabled:
            return
        index = {"version": self.version, "files": state.files, "fingerprint": state.fingerprint, "result": state.result}
        memory = _MEMORY.setdefault(self.key, {})
        memory["index"] = index
        if facts is not None:
            memory["facts"] = {"version": self.version, "facts": facts}
        if not self.disk_ok:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if facts is not None:
                _write_atomic(self.facts_path, memory["facts"])
            _write_atomic(self.index_path, index)
        except (OSError, pickle.PicklingError):
            self.disk_ok = False

    def _read(self, path: Path, slot: str) -> Any:
        if not self.enabled:
            return None
        data: Any = None
        if self.disk_ok:
            try:
                with path.open("rb") as handle:
                    data = pickle.load(handle)
            except FileNotFoundError:
                data = None
            except Exception:  # a corrupt or foreign cache file must never break a scan
                data = None
                _discard(path)
        if not (isinstance(data, dict) and data.get("version") == self.version):
            data = _MEMORY.get(self.key, {}).get(slot)
        if isinstance(data, dict) and data.get("version") == self.version:
            return data
        return None


def _write_atomic(path: Path, payload: Any) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
