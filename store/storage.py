"""A TinyDB storage that never corrupts or loses the file.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write
corrupts it and two processes lose each other's updates. This storage:

* writes a temporary file beside the store, fsyncs it, ``os.replace``s it over
  the store and fsyncs the directory: a reader (or a crash) sees the old file
  or the new one, never half of one;
* makes every change inside :meth:`AtomicJSONStorage.transaction`, which holds
  a cross-process lock (``<file>.lock``), re-reads the file under the lock,
  lets any number of TinyDB operations change the data in memory and writes
  the result once at the end: one write per user action;
* re-reads the file when its (mtime, size, inode) changed on disk, so a second
  copy of the app sees what the first one saved;
* writes UTF-8 with sorted keys and an indent (readable, diffs cleanly) and
  creates the file 0600 in a 0700 directory;
* refuses, never overwrites, a file it cannot read.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

try:  # POSIX
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


class StoreError(Exception):
    """A store that cannot be read or written; ``str()`` is one sentence for the user."""


def dumps(data: Any) -> str:
    """The on-disk text of the store: UTF-8 (Chinese stays readable), sorted, indented."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def loads(text: str) -> Any:
    return json.loads(text, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def ensure_private_dir(path: Path) -> None:
    """Create a directory 0700 (and its parents) if it is missing."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)


def write_file_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as a whole: temp file, fsync, rename, fsync dir. 0600."""
    ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


class AtomicJSONStorage(Storage):
    """See the module docstring. TinyDB constructs it as ``TinyDB(path, storage=...)``."""

    def __init__(self, path: str | os.PathLike, **_: Any) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._data: dict | None = None
        self._stamp: tuple | None = None
        self._in_transaction = 0
        self._dirty = False
        self._lock_fd: int | None = None
        self.writes = 0  # how many times the file was written (tests count it)

    # -- reading ---------------------------------------------------------------------------

    def _file_stamp(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def changed_on_disk(self) -> bool:
        return self._file_stamp() != self._stamp

    def read(self) -> dict | None:
        if self._in_transaction:
            return self._data
        stamp = self._file_stamp()
        if stamp != self._stamp or self._data is None and stamp is not None:
            self._data = self._load() if stamp is not None else None
            self._stamp = stamp
        return self._data

    def _load(self) -> dict:
        try:
            raw = self.path.read_bytes()
        except PermissionError:
            raise StoreError(
                f"{self.path} cannot be read (permission denied); "
                "fix its permissions or run with another --data directory."
            ) from None
        except OSError as e:
            raise StoreError(f"{self.path} cannot be read ({e.strerror}).") from None
        try:
            data = loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise StoreError(self._damaged("is not a valid okr-checkin store (not JSON)")) from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise StoreError(self._damaged("is not a valid okr-checkin store (wrong shape)"))
        return data

    def _damaged(self, what: str) -> str:
        from store.backups import newest_backup  # local: only needed on this rare path

        newest = newest_backup(self.path)
        advice = (
            f"restore the newest backup with `okr restore {newest}`"
            if newest
            else "restore it from your own copy with `okr restore FILE`"
        )
        return f"{self.path} {what}; it was left untouched: {advice}."

    # -- writing ---------------------------------------------------------------------------

    def write(self, data: dict) -> None:
        if not self._in_transaction:
            with self.transaction():
                self._data = data
                self._dirty = True
            return
        self._data = data
        self._dirty = True

    @contextlib.contextmanager
    def transaction(self) -> Iterator[dict]:
        """Hold the lock, read the current file, batch every write, write once at the end.

        If the block raises, nothing is written and the in-memory copy is dropped.
        Re-entrant within one process.
        """
        if self._in_transaction:
            self._in_transaction += 1
            try:
                yield self._data
            finally:
                self._in_transaction -= 1
            return
        self._acquire()
        try:
            self._in_transaction = 0
            data = self.read()  # fresh: re-read if another process wrote since
            self._data = {} if data is None else data
            self._dirty = False
            self._in_transaction = 1
            try:
                yield self._data
                if self._dirty:
                    self._flush()
            except BaseException:
                self._data, self._stamp = None, None  # drop the changed copy; re-read next time
                raise
            finally:
                self._in_transaction = 0
                self._dirty = False
        finally:
            self._release()

    def _flush(self) -> None:
        try:
            write_file_atomic(self.path, dumps(self._data))
        except OSError as e:
            reason = e.strerror or str(e)
            raise StoreError(
                f"{self.path} could not be saved ({reason}); the file was left as it was."
            ) from None
        self._stamp = self._file_stamp()
        self.writes += 1

    def _acquire(self) -> None:
        try:
            ensure_private_dir(self.path.parent)
            self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise StoreError(
                f"{self.path.parent} is not writable ({e.strerror}); "
                "fix its permissions or run with another --data directory."
            ) from None
        _lock(self._lock_fd)

    def _release(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                _unlock(self._lock_fd)
            os.close(self._lock_fd)
            self._lock_fd = None

    def close(self) -> None:
        self._release()
