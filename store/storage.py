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
* backs the file up (``store.backups``) before the first write of each day;
* re-reads the file when its (mtime, size, inode) changed on disk, so a second
  copy of the app sees what the first one saved;
* writes UTF-8 with sorted keys and an indent (readable, diffs cleanly) and
  creates the file 0600 in a 0700 directory; characters that could drive a
  terminal (C1 controls, bidi overrides) are written as ``\\uXXXX`` escapes, so
  ``cat okr.json`` or ``okr export`` is safe to show;
* refuses, never overwrites, a file it cannot read (:class:`DamagedStoreError`,
  whose sentence names the file and the newest backup to restore).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import math
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

_isfinite = math.isfinite

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


class DamagedStoreError(StoreError):
    """The store file is not a readable okr-checkin store; it was left untouched.

    Only ``okr restore`` (``Store(..., repair=True)``) may replace such a file, after
    copying it into the backups.
    """


class ConflictError(StoreError):
    """The check-in changed on disk since it was loaded (another copy saved it).

    Nothing was written. ``theirs`` is the check-in as it is stored now (None when
    it was deleted) and ``stamp`` its stamp: save again with
    ``expected_stamp=stamp`` once the user has chosen what to keep.
    """

    def __init__(self, message: str, theirs: Any = None, stamp: str | None = None):
        super().__init__(message)
        self.theirs = theirs
        self.stamp = stamp


# -- the text of the file -------------------------------------------------------------------

# Characters that are valid in JSON strings but could drive or fool a terminal when the
# file (or ``okr export``) is shown: DEL, C1 controls, bidi controls, line separators.
# JSON itself escapes C0 controls (ESC, BEL) already.
# U+007F-U+009F, U+061C, U+200E, U+200F, U+2028, U+2029, U+202A-U+202E, U+2066-U+2069, as
# UTF-8 bytes; and the bytes none of them starts with.
_UNSAFE_BYTES = re.compile(
    b"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]"
)
_NOT_UNSAFE_LEAD = bytes(b for b in range(256) if b not in b"\x7f\xc2\xd8\xe2")


def dumps(data: Any) -> str:
    """The on-disk text of the store: UTF-8 (Chinese stays readable), sorted, indented.

    Raises ValueError for NaN/Infinity (JSON has none) and TypeError for values JSON
    cannot hold.
    """
    return dump_bytes(data).decode("utf-8")


def dump_bytes(data: Any) -> bytes:
    """:func:`dumps` as UTF-8 bytes (what the store file holds).

    orjson writes it (about 1 ms for five years of history, where the standard
    library's indenting encoder, written in Python, takes about 50 ms; this is why the
    file is indented by 2, orjson's only indent). orjson writes
    NaN and Infinity as ``null`` and knows types JSON does not, so a plain-JSON check
    (:func:`_plain_json`, about 2 ms) comes first; anything else, and anything orjson
    refuses (an integer beyond 64 bits, a non-string key), goes through the standard
    library, which writes the very same format or raises as before.
    """
    orjson = _orjson()
    if orjson is not None and _plain_json(data):
        options = (
            orjson.OPT_INDENT_2
            | orjson.OPT_SORT_KEYS
            | orjson.OPT_PASSTHROUGH_DATACLASS
            | orjson.OPT_PASSTHROUGH_DATETIME
            | orjson.OPT_PASSTHROUGH_SUBCLASS
        )
        try:
            return _escape_unsafe(orjson.dumps(data, option=options)) + b"\n"
        except orjson.JSONEncodeError:
            pass
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    return _escape_unsafe(text.encode("utf-8")) + b"\n"


def _orjson():
    """orjson, imported on the first write (it costs a process 10 ms: ``okr due`` and the
    other readers never pay it); None without it (the standard library writes, slower)."""
    try:
        import orjson
    except ImportError:  # pragma: no cover
        return None
    return orjson


def _escape_unsafe(raw: bytes) -> bytes:
    # Outside strings JSON is ASCII, so these characters only occur inside strings,
    # where \uXXXX reads back as the very same character. Most files hold none of their
    # UTF-8 lead bytes at all: one pass of bytes.translate says so.
    if not raw.translate(None, _NOT_UNSAFE_LEAD):
        return raw
    return _UNSAFE_BYTES.sub(lambda m: b"\\u%04x" % ord(m.group().decode("utf-8")), raw)


def _plain_json(value: Any) -> bool:
    """Only dicts with str keys, lists, str, int, bool, None and finite floats."""
    kind = type(value)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                return False
            kind = type(item)
            if kind is str or kind is int or item is None or kind is bool:
                continue
            if not _plain_json(item):
                return False
        return True
    if kind is list:
        for item in value:
            kind = type(item)
            if kind is str or kind is int or item is None or kind is bool:
                continue
            if not _plain_json(item):
                return False
        return True
    if kind is float:
        return _isfinite(value)
    return kind is str or kind is int or kind is bool or value is None


class _NotANumber:
    """What the parser puts where the text had NaN / Infinity or an absurd integer."""

    def __init__(self, token: str) -> None:
        self.token = token


MAX_INT_DIGITS = 40


def _parse_int(text: str) -> Any:
    return _NotANumber("a huge integer") if len(text) > MAX_INT_DIGITS else int(text)


class _Refused(Exception):
    """Raised by the fast parse at the first NaN, Infinity or absurd integer."""


def _refuse_constant(token: str) -> Any:
    raise _Refused


def _int_or_refuse(text: str) -> int:
    if len(text) > MAX_INT_DIGITS:
        raise _Refused
    return int(text)


def loads(text: str | bytes) -> Any:
    """Strict JSON: NaN, Infinity and integers of more than 40 digits are refused with
    ValueError naming where they are (``objectives[0].key_results[1].target: NaN is not a
    number``). Bytes must be UTF-8 (UnicodeDecodeError otherwise).

    One parse, whose hooks stop at the first such number (13 ms for five years of history);
    only then a second one finds where it is (the first walked the whole tree: 25 ms).
    The standard library, not orjson, parses: importing orjson costs a process 10 ms,
    which ``okr due`` cannot spare, for a parse 6 ms faster.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    try:
        try:
            return json.loads(text, parse_constant=_refuse_constant, parse_int=_int_or_refuse)
        except _Refused:
            pass
        data = json.loads(text, parse_constant=_NotANumber, parse_int=_parse_int)
        _refuse_not_numbers(data, "")
    except RecursionError:
        raise ValueError("nested too deeply") from None
    return data


def _refuse_not_numbers(value: Any, path: str) -> None:
    if isinstance(value, _NotANumber):
        where = f"{path}: " if path else ""
        raise ValueError(f"{where}{value.token} is not a number JSON can hold")
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_not_numbers(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _refuse_not_numbers(item, f"{path}[{i}]")


# -- files ----------------------------------------------------------------------------------


def ensure_private_dir(path: Path) -> None:
    """Create a directory 0700 (and its parents) if it is missing."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write fewer); OSError (ENOSPC, EIO...) passes up."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - a device that accepts nothing
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def write_file_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` as a whole: temp file, fsync, rename, fsync dir. 0600.

    On any error the temp file is removed and ``path`` is left as it was.
    """
    import tempfile  # local: readers never need it (tests patch storage.tempfile.mkstemp)

    data = text.encode("utf-8") if isinstance(text, str) else text
    ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def os_error_advice(e: OSError, folder: Path) -> str:
    """What to do about a failed write, as the end of a sentence."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full: free some space and try again"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{folder} is not writable: fix its permissions or use another --data directory"
    return "check the disk and try again"


# -- the storage ----------------------------------------------------------------------------


class AtomicJSONStorage:
    """See the module docstring. A TinyDB storage (read, write, close; TinyDB needs no
    base class, and not importing TinyDB keeps readers fast): ``TinyDB(path,
    storage=AtomicJSONStorage)`` works as well as the repository's own use."""

    def __init__(self, path: str | os.PathLike, **_: Any) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._data: dict | None = None
        self._stamp: tuple | None = None
        self._in_transaction = 0
        self._dirty = False
        self._lock_fd: int | None = None
        self.writes = 0  # how many times the file was written (tests count it)
        # Set by the repository: checks a freshly read file; raises StoreError (passed on)
        # or ValueError with a field path (-> DamagedStoreError).
        self.validate: Callable[[dict], None] | None = None
        # Names the rules ``validate`` checks; set: its verdicts are kept (see _known_valid).
        self.validate_key: str | None = None
        self.daily_backup = True
        self._backed_up_on: date | None = None

    # -- reading ---------------------------------------------------------------------------

    def _file_stamp(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except NotADirectoryError:
            raise StoreError(
                f"{self.path.parent} is not a directory; use another --data directory."
            ) from None
        except PermissionError:
            raise StoreError(
                f"{self.path} cannot be read (permission denied); "
                "fix its permissions or run with another --data directory."
            ) from None
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
        except IsADirectoryError:
            raise StoreError(
                f"{self.path} is a directory, not a store file; move it away or use "
                "another --data directory."
            ) from None
        except OSError as e:
            raise StoreError(f"{self.path} cannot be read ({e.strerror}).") from None
        if not raw.strip():
            raise DamagedStoreError(self._damaged("is empty"))
        try:
            data = loads(raw)
        except (UnicodeDecodeError, ValueError):
            # The parser's message is not shown: it may quote the file's content.
            raise DamagedStoreError(
                self._damaged("is not a valid okr-checkin store (not JSON, or cut short)")
            ) from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise DamagedStoreError(self._damaged("is not a valid okr-checkin store (wrong shape)"))
        if self.validate is not None:
            digest = self._digest(raw)
            if digest is not None and self._known_valid(digest):
                return data
            try:
                self.validate(data)
            except StoreError:
                raise
            except ValueError as e:
                where = _safe_path(getattr(e, "path", ""), getattr(e, "reason", ""))
                raise DamagedStoreError(
                    self._damaged(f"holds data okr-checkin cannot read (at {where})")
                ) from None
            if digest is not None:
                self._remember_valid(digest)
        return data

    # -- the validation memo ---------------------------------------------------------------
    #
    # Validating every document of five years of history takes about 25 ms, more than
    # parsing it. Validation is a pure function of the file's bytes and of the rules
    # (``validate_key``: a hash of the code that validates), so its verdict is kept: the
    # lock file (``<file>.lock``: private, never read for anything else, no lock is
    # taken on its content) holds one line ``validated <rules> <sha256 of the bytes>``.
    # A file whose bytes hash to it passed these very rules and is not validated again;
    # any other file (changed by anyone, in any way, or new rules) is validated in full
    # before it is used, exactly as without the memo. Only a full validation that
    # passed writes the line; a memo that is missing, torn or unwritable only costs the
    # validation.

    def _digest(self, raw: bytes) -> str | None:
        if not self.validate_key or not hasattr(os, "pwrite"):
            return None
        return f"validated {self.validate_key} {hashlib.sha256(raw).hexdigest()}\n"

    def _known_valid(self, digest: str) -> bool:
        try:
            with open(self.lock_path, "rb") as f:
                return f.read(len(digest) + 1) == digest.encode("ascii")
        except OSError:
            return False

    def _remember_valid(self, digest: str) -> None:
        line = digest.encode("ascii")
        with contextlib.suppress(OSError):
            fd = os.open(self.lock_path, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                os.pwrite(fd, line, 0)
                os.ftruncate(fd, len(line))
            finally:
                os.close(fd)

    def _damaged(self, what: str) -> str:
        return damaged_message(self.path, what)

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
    def transaction(self, *, replace: bool = False) -> Iterator[dict]:
        """Hold the lock, read the current file, batch every write, write once at the end.

        If the block raises, nothing is written and the in-memory copy is dropped.
        Re-entrant within one process. ``replace=True`` starts from an empty store
        without reading the file (``okr restore`` over a damaged file).
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
            if replace:
                data, self._stamp = None, None
            else:
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
            text = dumps(self._data)
        except (ValueError, TypeError):
            raise StoreError(
                f"{self.path} was not saved: the data holds a value JSON cannot store "
                "(NaN, Infinity or an object); the file was left as it was."
            ) from None
        try:
            self._backup_first_write_of_day()
            write_file_atomic(self.path, text)
        except OSError as e:
            reason = e.strerror or str(e)
            raise StoreError(
                f"{self.path} could not be saved ({reason}); the file was left as it was: "
                f"{os_error_advice(e, self.path.parent)}."
            ) from None
        self._stamp = self._file_stamp()
        self.writes += 1

    def _backup_first_write_of_day(self) -> None:
        if not self.daily_backup:
            return
        from store import backups  # local: backups imports this module

        today = backups.now().date()
        if self._backed_up_on == today:
            return
        if backups.ensure_daily_backup(self.path):
            self._backed_up_on = today

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
        self._remove_orphans()

    def _remove_orphans(self) -> None:
        """Temp files left by a process killed mid-write (we hold the lock: none is live)."""
        with contextlib.suppress(OSError):
            for orphan in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    orphan.unlink()

    def _release(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                _unlock(self._lock_fd)
            os.close(self._lock_fd)
            self._lock_fd = None

    def close(self) -> None:
        self._release()


def __getattr__(name: str) -> Any:
    """``store.storage.tempfile``: imported by the first write, not by every reader."""
    if name == "tempfile":
        import tempfile

        return tempfile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_PATH_PART = re.compile(r"[a-z_]{1,20}(?:#\d{1,12})?(?:\[\d{1,9}\])?")


def _safe_path(path: str, reason: str) -> str:
    """A field path without anything taken from the file (a foreign key is user data)."""
    parts = path.split(".") if path else []
    if reason == "unknown field" and parts:
        parts = parts[:-1] + ["(an unknown field)"]
    safe = []
    for part in parts:
        if part != "(an unknown field)" and not _PATH_PART.fullmatch(part):
            safe.append("(an unknown name)")
            break
        safe.append(part)
    return ".".join(safe) or "the top level"


def damaged_message(path: Path, what: str) -> str:
    """``<path> <what>; it was left untouched: restore the newest backup with `okr restore B`.``"""
    from store.backups import newest_backup  # local: only needed on this rare path

    newest = newest_backup(path)
    advice = (
        f"restore the newest backup with `okr restore {newest}` (`okr backups` lists them all)"
        if newest
        else "restore it from your own copy with `okr restore FILE`"
    )
    return f"{path} {what}; it was left untouched: {advice}."
