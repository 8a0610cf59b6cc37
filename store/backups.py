"""Backups of the store file: before every restore and migration, and the first write of a day.

Backups live in ``<data dir>/backups/`` as ``okr-YYYYMMDD-HHMMSS-<reason>.json``,
0600; the newest :data:`KEEP` are kept.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime
from pathlib import Path

from store.storage import ensure_private_dir

KEEP = 10


def backup_dir(store_path: Path) -> Path:
    return store_path.parent / "backups"


def list_backups(store_path: Path) -> list[Path]:
    """Backups of this store, oldest first."""
    folder = backup_dir(store_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("okr-*.json"))


def newest_backup(store_path: Path) -> Path | None:
    found = list_backups(store_path)
    return found[-1] if found else None


def make_backup(store_path: Path, reason: str) -> Path | None:
    """Copy the store file into the backups folder; None when there is no file yet."""
    if not store_path.exists():
        return None
    folder = backup_dir(store_path)
    ensure_private_dir(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"okr-{stamp}-{reason}.json"
    tmp = target.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, open(store_path, "rb") as src:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    for old in list_backups(store_path)[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target
