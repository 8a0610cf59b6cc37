"""Backups of the store file: before every restore and migration, and the first write of a day.

Backups live in ``<data dir>/backups/`` as ``okr-YYYYMMDD-HHMMSS-ffffff-<reason>.json``
(reasons: ``daily``, ``restore``, ``migrate-v<N>``), 0600 in a 0700 folder; the
newest :data:`KEEP` are kept (each new backup is written before the oldest are pruned,
so a copy killed between the two leaves one more until the next backup). A backup is a
byte copy of the store file, so it can be given straight to ``okr restore``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from store.storage import ensure_private_dir, write_file_atomic

KEEP = 10
_NAME = re.compile(r"^okr-(\d{8}-\d{6})-(\d{6})-([a-z0-9-]+)\.json$")


def now() -> datetime:
    """The clock of backup names and of "the first write of the day" (tests replace it)."""
    return datetime.now()


@dataclass(frozen=True)
class Backup:
    path: Path
    time: datetime
    reason: str
    size: int


def backup_dir(store_path: Path) -> Path:
    return store_path.parent / "backups"


def list_backups(store_path: Path) -> list[Path]:
    """Backups of this store, oldest first."""
    folder = backup_dir(store_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("okr-*.json") if _NAME.match(p.name))


def newest_backup(store_path: Path) -> Path | None:
    found = list_backups(store_path)
    return found[-1] if found else None


def backup_time(path: Path) -> datetime | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    return datetime.strptime(f"{m[1]}-{m[2]}", "%Y%m%d-%H%M%S-%f")


def describe_backups(store_path: Path) -> list[Backup]:
    """Backups of this store, newest first, with time, reason and size."""
    out = []
    for path in reversed(list_backups(store_path)):
        m = _NAME.match(path.name)
        try:
            size = path.stat().st_size
        except OSError:
            continue
        out.append(Backup(path, backup_time(path), m[3], size))  # type: ignore[arg-type,index]
    return out


def make_backup(store_path: Path, reason: str) -> Path | None:
    """Copy the store file into the backups folder; None when there is no file yet.

    The copy is written whole (temp file, fsync, rename) and 0600. OSError (a full
    disk...) passes up; no half backup is left behind.
    """
    try:
        data = store_path.read_bytes()
    except FileNotFoundError:
        return None
    folder = backup_dir(store_path)
    ensure_private_dir(folder)
    when = now()
    newest = newest_backup(store_path)
    last = backup_time(newest) if newest else None
    if last is not None and when <= last:  # same microsecond, or a clock set back:
        when = last + timedelta(microseconds=1)  # names stay in the order they were made
    target = folder / f"okr-{when:%Y%m%d-%H%M%S-%f}-{reason}.json"
    write_file_atomic(target, data)
    prune(store_path)
    return target


def prune(store_path: Path) -> None:
    """Keep the newest KEEP backups; remove older ones and temp files of killed copies."""
    for old in list_backups(store_path)[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
    for orphan in backup_dir(store_path).glob(".okr-*.json.tmp"):
        with contextlib.suppress(OSError):
            orphan.unlink()


def ensure_daily_backup(store_path: Path) -> bool:
    """Back the store up unless the newest backup is from today (the first write of a day).

    True when a backup from today exists now (False: there is no store file yet).
    """
    newest = newest_backup(store_path)
    when = backup_time(newest) if newest else None
    if when is not None and when.date() == now().date():
        return True
    return make_backup(store_path, "daily") is not None
