"""Typed text kept beside the store when the store cannot take it.

When the store file cannot be written (damaged by a sync tool, a full disk, a
read-only folder), what the user typed must not be lost: the app keeps it in memory
while it runs and, if it has to stop before the store is usable again, writes it
here, one small JSON file per piece of work, 0600 in a 0700 folder ``rescue/`` beside
the store. The next time the same work is opened (a week's check-in, say) the app
offers what was kept; once saved into the store, the rescue file is removed.

A rescue file is ``{"kind": ..., "key": ..., "saved": "YYYY-MM-DD HH:MM:SS",
"data": {...}}``; ``kind`` names the screen (``checkin``, ``editor``, ``paste``,
``meeting``), ``key`` the piece of work (``o1 2026-W41``).
"""

from __future__ import annotations

import contextlib
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from store.storage import ensure_private_dir, write_file_atomic

FOLDER = "rescue"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def rescue_dir(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def _file_name(kind: str, key: str) -> str:
    return f"{_SAFE.sub('_', kind)}-{_SAFE.sub('_', key)}.json"[:200]


def keep(data_dir: Path, kind: str, key: str, data: Any) -> Path:
    """Write (or replace) the rescue file of this piece of work; OSError if even that
    fails. Returns its path, for the message that says where the text is."""
    folder = rescue_dir(data_dir)
    ensure_private_dir(Path(data_dir))
    ensure_private_dir(folder)
    path = folder / _file_name(kind, key)
    document = {
        "kind": kind,
        "key": key,
        "saved": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        "data": data,
    }
    import json  # local: the app imports this module at start, and needs json only here

    write_file_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return path


def find(data_dir: Path, kind: str, key: str) -> Any | None:
    """The kept data of this piece of work, None when there is none (or it is unreadable)."""
    path = rescue_dir(data_dir) / _file_name(kind, key)
    try:
        import json

        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("kind") != kind:
        return None
    return document.get("data")


def forget(data_dir: Path, kind: str, key: str) -> None:
    """Remove the rescue file once its text is safely in the store."""
    with contextlib.suppress(OSError):
        (rescue_dir(data_dir) / _file_name(kind, key)).unlink()


def kept_files(data_dir: Path) -> list[Path]:
    """Every rescue file, oldest first."""
    folder = rescue_dir(data_dir)
    try:
        files = [p for p in folder.iterdir() if p.suffix == ".json"]
    except OSError:
        return []
    return sorted(files, key=lambda p: p.stat().st_mtime)
