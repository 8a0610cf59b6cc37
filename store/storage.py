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
* re-reads the file when its (inode, size, mtime, ctime) changed on disk, so a
  second copy of the app sees what the first one saved;
* keeps a parse cache beside it (``<file>.cache``, see "the parse cache" below): the
  data of the file as the last full read (or our own write) found it, already
  validated, keyed by that file's exact stamp and crc32; a read whose key matches
  loads the parts it needs from it (``marshal``: the objectives, and the check-ins of
  the objectives it is asked about) instead of parsing and validating the file again;
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
import gc
import marshal
import math
import os
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from store.errors import Msg
from store.index import write_unsynced

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
    """A store that cannot be read or written; ``str()`` is one sentence for the user.

    ``message`` is the :class:`store.errors.Msg` of that sentence (a key and its fields,
    said in the UI's language by ``tui.errors.sentence``); None for a plain text."""

    def __init__(self, message: str | Msg = "") -> None:
        super().__init__(str(message))
        self.message: Msg | None = message if isinstance(message, Msg) else None


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

    def __init__(self, message: str | Msg, theirs: Any = None, stamp: str | None = None):
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
    return _dump(data)[0]


def _dump(data: Any, checked: tuple[str, ...] = ()) -> tuple[bytes, bool]:
    """:func:`dump_bytes`, and whether orjson wrote it: then the data holds only plain
    JSON values (dict, list, str, int, float, bool, None), which parse back as they are.

    ``checked``: tables of ``data`` (a dict of tables) whose every document was checked
    already (AtomicJSONStorage.checked_tables): the plain-JSON walk skips them (20 ms
    at twenty years). orjson itself refuses what they could still hold that JSON does
    not (a subclass of str, int, dict or list: the passthrough options), so the output
    is the same; only NaN and Infinity, which orjson writes as null, need the walk, and
    such tables hold finite numbers only."""
    import json  # local: a read answered by the parse cache never needs it

    orjson = _orjson()
    if orjson is not None and _plain_tables(data, checked):
        options = (
            orjson.OPT_INDENT_2
            | orjson.OPT_SORT_KEYS
            | orjson.OPT_PASSTHROUGH_DATACLASS
            | orjson.OPT_PASSTHROUGH_DATETIME
            | orjson.OPT_PASSTHROUGH_SUBCLASS
        )
        try:
            return _escape_unsafe(orjson.dumps(data, option=options)) + b"\n", True
        except orjson.JSONEncodeError:
            pass
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    return _escape_unsafe(text.encode("utf-8")) + b"\n", False


def _orjson():
    """orjson, imported on the first write or full read (it costs a process 3 to 10 ms:
    readers answered by the parse cache never pay it); None without it (the standard
    library parses and writes, slower)."""
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


def _plain_tables(data: Any, checked: tuple[str, ...]) -> bool:
    """:func:`_plain_json` of ``data``, trusting the values of the ``checked`` tables."""
    if not checked or type(data) is not dict:
        return _plain_json(data)
    return all(
        type(name) is str and (type(table) is dict if name in checked else _plain_json(table))
        for name, table in data.items()
    )


def _plain_json(value: Any) -> bool:
    """Only dicts with str keys, lists, str, int, bool, None and finite floats."""
    kind = type(value)
    if kind is dict:
        if not all(type(key) is str for key in value):
            return False
        children = value.values()
    elif kind is list:
        children = value
    elif kind is float:
        return _isfinite(value)
    else:
        return kind is str or kind is int or kind is bool or value is None
    for item in children:
        kind = type(item)
        if kind is str or kind is int or item is None or kind is bool:
            continue  # the common leaves, without a call
        if not _plain_json(item):
            return False
    return True


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


# Bytes -> b"0" for an ASCII digit, b" " for any other byte: a run of 19 digits is then
# one bytes.find (1 ms for five years of history, where a regular expression takes 25).
_DIGITS = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
_LONG_NUMBER = b"0" * 19


def loads(text: str | bytes) -> Any:
    """Strict JSON: NaN, Infinity and integers of more than 40 digits are refused with
    ValueError naming where they are (``objectives[0].key_results[1].target: NaN is not a
    number``). Bytes must be UTF-8 (UnicodeDecodeError otherwise).

    orjson parses bytes (5 ms for five years of history, where the standard library
    takes 13), and gives what the standard library gives for every document it accepts
    but one: an integer beyond 64 bits, which it turns into a float. So bytes holding a
    run of 19 digits or more anywhere, and anything orjson refuses (NaN, Infinity,
    1e400, a lone surrogate, invalid UTF-8, a syntax error), go to the standard
    library's parse, as does a str: one parse whose hooks stop at the first number JSON
    cannot hold; only then a second one finds where it is.
    """
    if isinstance(text, bytes) and text.translate(_DIGITS).find(_LONG_NUMBER) < 0:
        orjson = _orjson()
        if orjson is not None:
            try:
                return orjson.loads(text)
            except orjson.JSONDecodeError:
                pass
    import json  # local: a read answered by the parse cache never needs it

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


def write_file_atomic(path: Path, text: str | bytes, *, durable: bool = True) -> int:
    """Write ``text`` to ``path`` as a whole: temp file, fsync, rename, fsync dir. 0600.

    On any error the temp file is removed and ``path`` is left as it was; the OSError
    names ``path``, not the temp file. The folder must exist: a typo in a user's ``-o``
    path must not create folders (the store's own folder is made by its lock). Returns
    the inode of the new file. ``durable=False`` skips both fsyncs (the parse cache:
    losing it in a crash only costs a full read).
    """
    import tempfile  # local: readers never need it (tests patch storage.tempfile.mkstemp)

    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OSError(e.errno, e.strerror, str(path)) from None
    try:
        try:
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)
            write_all(fd, data)
            if durable:
                os.fsync(fd)
            inode = os.fstat(fd).st_ino
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_dir(path.parent)
    return inode


def os_error_advice(e: OSError, folder: Path) -> Msg:
    """What to do about a failed write, as the end of a sentence."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return Msg("advice.disk_full")
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Msg("advice.not_writable", folder=folder)
    return Msg("advice.check_disk")


# -- the storage ----------------------------------------------------------------------------

# The parse cache's format: its layout, and the marshal format and Python that wrote it.
CACHE_FORMAT = ("okr-parse-cache", 3, marshal.version, *sys.version_info[:2])


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic garbage collection while a whole store is built (it makes no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _stamp_of(st: os.stat_result) -> tuple:
    """What says a file changed: (inode, size, mtime_ns, ctime_ns)."""
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class _BrokenCache(Exception):
    """A part of the parse cache does not hold what its head says (its CRC-32 differs)."""


class _Parts:
    """The parse cache of one store file, loaded part by part.

    Every table but the check-ins is one part; the check-ins are one part per objective.
    The head holds, for each part, (offset, length, CRC-32): a part is loaded when first
    asked for, once, after its CRC-32 is checked (so a cache damaged on disk is never
    trusted, it only costs a full read). Home and ``okr summary`` thus load the
    objectives and the check-ins of the objectives they show, not those of every year.
    """

    def __init__(self, blob: memoryview | None, where: dict) -> None:
        self.blob = blob
        self.where = where  # {"tables": (offset, length, crc), "checkins": {id: (...)}, ...}
        self._tables: dict | None = None
        self._checkins: dict[str, dict] = {}

    @classmethod
    def of(cls, data: dict | None) -> _Parts:
        """Parts already loaded: the whole data (a full read after a broken part)."""
        data = data or {}
        parts = cls(None, {"checkins": {}, "has_checkins": "checkins" in data})
        parts._tables = data
        for doc_id, doc in data.get("checkins", {}).items():
            parts._checkins.setdefault(doc["objective"], {})[doc_id] = doc
        parts.where["checkins"] = dict.fromkeys(parts._checkins)
        return parts

    @staticmethod
    def dump(key: tuple, data: dict) -> bytes:
        import zlib

        groups: dict[str, dict] = {}
        for doc_id, doc in data.get("checkins", {}).items():
            groups.setdefault(doc["objective"], {})[doc_id] = doc
        blobs: list[bytes] = []
        offset = 0

        def part(value: Any) -> tuple[int, int, int]:
            nonlocal offset
            blob = marshal.dumps(value)
            blobs.append(blob)
            offset += len(blob)
            return offset - len(blob), len(blob), zlib.crc32(blob)

        where = {
            "tables": part({k: v for k, v in data.items() if k != "checkins"}),
            "checkins": {objective: part(docs) for objective, docs in groups.items()},
            "has_checkins": "checkins" in data,
        }
        head = marshal.dumps((key, where))
        return len(head).to_bytes(4, "little") + head + b"".join(blobs)

    def _load(self, where: Any) -> Any:
        import zlib

        try:
            offset, length, crc = where
            piece = self.blob[offset : offset + length]
            if len(piece) != length or zlib.crc32(piece) != crc:
                raise _BrokenCache
            with _no_gc():  # many new containers: the collector would only slow it down
                value = marshal.loads(piece)
        except (ValueError, EOFError, TypeError):
            raise _BrokenCache from None
        if type(value) is not dict:
            raise _BrokenCache
        return value

    def tables(self) -> dict:
        """Every table but the check-ins."""
        if self._tables is None:
            self._tables = self._load(self.where["tables"])
        return self._tables

    def checkins(self, objective_id: str) -> dict:
        """One objective's check-ins, {doc id: document} ({} when it has none)."""
        found = self._checkins.get(objective_id)
        if found is None:
            where = self.where["checkins"].get(objective_id)
            found = {} if where is None else self._load(where)
            self._checkins[objective_id] = found
        return found

    def everything(self) -> dict:
        """The whole data, made of the parts (those loaded already are used as they are)."""
        data = dict(self.tables())
        if self.where.get("has_checkins"):
            checkins: dict = {}
            for objective_id in self.where["checkins"]:
                checkins.update(self.checkins(objective_id))
            data["checkins"] = checkins
        return data


class AtomicJSONStorage:
    """See the module docstring. A TinyDB storage (read, write, close; TinyDB needs no
    base class, and not importing TinyDB keeps readers fast): ``TinyDB(path,
    storage=AtomicJSONStorage)`` works as well as the repository's own use."""

    def __init__(self, path: str | os.PathLike, **_: Any) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.cache_path = self.path.with_name(self.path.name + ".cache")
        self._data: dict | None = None
        self._stamp: tuple | None = None
        self._in_transaction = 0
        self._dirty = False
        self._lock_fd: int | None = None
        self.writes = 0  # how many times the file was written (tests count it)
        # Set by the repository: checks a freshly read file; raises StoreError (passed on)
        # or ValueError with a field path (-> DamagedStoreError).
        self.validate: Callable[[dict], None] | None = None
        # Names the rules ``validate`` checks; set: the parse cache is used (see _cached),
        # and every write must hold data that passes ``validate`` (the repository checks
        # what it writes), since the cache keeps what was written as validated.
        self.validate_key: str | None = None
        self.daily_backup = True
        self._backed_up_on: date | None = None
        # Set by the repository: called with (stat stamp, CRC-32, data) whenever the data
        # is known valid and current: after a full read validated the file, after our own
        # write (store.index keeps its small index of it). Must not raise.
        self.on_valid: Callable[[tuple, int, dict], None] | None = None
        self.crc: int | None = None  # CRC-32 of the file as last read or written (with a key)
        # Set by the repository: the tables whose every document ``validate`` checks in
        # full and into which it writes only documents it checked (plain JSON values,
        # finite numbers): a write does not walk them again (see _dump).
        self.checked_tables: tuple[str, ...] = ()
        # The parse cache of the current file, not loaded yet but for the parts asked for
        # (read_tables, checkins_of); read() loads the rest. None once _data holds it all.
        self._parts: _Parts | None = None
        self._skip_cache = False  # a part of the cache could not be loaded: parse the file

    # -- reading ---------------------------------------------------------------------------

    def _file_stamp(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except NotADirectoryError:
            raise StoreError(Msg("not_a_directory", folder=self.path.parent)) from None
        except PermissionError:
            raise StoreError(Msg("read_denied", path=self.path)) from None
        return _stamp_of(st)

    def changed_on_disk(self) -> bool:
        return self._file_stamp() != self._stamp

    def read(self) -> dict | None:
        """The whole data of the file (None: there is none), re-read when it changed on
        disk; in a transaction, the data being changed."""
        if self._in_transaction:
            return self._data
        self._fresh()
        if self._data is None and self._parts is not None:
            self._data = self._from_parts(lambda parts: parts.everything())
            self._parts = None
        return self._data

    def read_tables(self) -> dict | None:
        """The file's tables, re-read when it changed on disk, except that the check-ins
        may be missing (they are then loaded objective by objective: :meth:`checkins_of`,
        or all of them with :meth:`read`). None: there is no file."""
        if self._in_transaction:
            return self._data
        self._fresh()
        if self._data is None and self._parts is not None:
            return self._from_parts(lambda parts: parts.tables())
        return self._data

    def checkins_of(self, objective_id: str) -> dict | None:
        """The stored check-ins of one objective ({doc id: document}), from the parse cache
        without loading the others'; None when the whole data is loaded (or there is no
        file): then look in :meth:`read`'s."""
        if self._in_transaction:
            return None
        self._fresh()
        if self._data is None and self._parts is not None:
            return self._from_parts(lambda parts: parts.checkins(objective_id))
        return None

    def _fresh(self) -> None:
        """Take the file in again when its stamp changed (or nothing of it is loaded)."""
        stamp = self._file_stamp()
        if stamp != self._stamp or (
            self._data is None and self._parts is None and stamp is not None
        ):
            self._data, self._parts = None, None
            if stamp is not None:
                self._load(stamp)
            self._stamp = stamp

    def _from_parts(self, take: Callable[[_Parts], Any]) -> Any:
        """``take(parts)``; a part of the cache that cannot be loaded (it was damaged after
        it was written: its CRC-32 says so) costs a full read of the file instead."""
        try:
            return take(self._parts)
        except _BrokenCache:
            self._data, self._parts, self._stamp = None, None, None
            self._skip_cache = True
            try:
                self._fresh()
            finally:
                self._skip_cache = False
            if self._data is None and self._parts is None:  # the file is gone meanwhile
                return None
            return take(_Parts.of(self._data))

    def _load(self, stamp: tuple) -> None:
        """Take in the file of this stamp: from the parse cache when it holds this very
        file (this stamp, these bytes), part by part (``_parts``); else read, parsed and
        validated in full (``_data``). The file's bytes are not even read when the index
        beside it (store.index) is settled for this stamp: it names their CRC-32."""
        key = None
        if self.validate_key and not self._skip_cache:
            from store.index import settled_crc

            crc = settled_crc(self.path, stamp)
            if crc is not None:
                parts = self._cached((CACHE_FORMAT, self.validate_key, *stamp, crc))
                if parts is not None:
                    self.crc, self._parts = crc, parts
                    return
        try:
            raw = self.path.read_bytes()
        except PermissionError:
            raise StoreError(Msg("read_denied", path=self.path)) from None
        except IsADirectoryError:
            raise StoreError(Msg("is_a_directory", path=self.path)) from None
        except OSError as e:
            raise StoreError(Msg("cannot_read", path=self.path, reason=e.strerror)) from None
        if not raw.strip():
            raise DamagedStoreError(self._damaged(Msg("damaged.empty")))
        if self.validate_key:
            key = self._cache_key(stamp, raw)
            self.crc = key[-1]
            parts = None if self._skip_cache else self._cached(key)
            if parts is not None:
                self._parts = parts
                return
        try:
            with _no_gc():
                data = loads(raw)
        except (UnicodeDecodeError, ValueError):
            # The parser's message is not shown: it may quote the file's content.
            raise DamagedStoreError(self._damaged(Msg("damaged.not_json"))) from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise DamagedStoreError(self._damaged(Msg("damaged.shape")))
        if self.validate is not None:
            try:
                with _no_gc():
                    self.validate(data)
            except StoreError:
                raise
            except ValueError as e:
                where = _safe_path(getattr(e, "path", ""), getattr(e, "reason", ""))
                raise DamagedStoreError(self._damaged(Msg("damaged.data", where=where))) from None
            if key is not None:
                self._write_cache(key, data)
                if self.on_valid is not None:
                    self.on_valid(stamp, key[-1], data)
        self._data = data

    # -- the parse cache -------------------------------------------------------------------
    #
    # Parsing five years of history takes about 5 ms (orjson) and validating every
    # document 8 ms (store.quickcheck), more than the rest of ``okr due``, and it grows
    # with the years. Both are pure functions of the file's bytes and of the rules
    # (``validate_key``: a hash of the code that validates), so their result is kept:
    # ``<file>.cache`` (0600, written atomically beside the file) holds the data in
    # parts (:class:`_Parts`) under a key: (CACHE_FORMAT, validate_key, inode, size,
    # mtime_ns, ctime_ns, crc32 of the bytes) of the store file whose data it is, as it
    # was when it was read in full and validated, or just after our own write (whose
    # data the repository validated before writing it).
    #
    # A fresh read takes the file's stat; the CRC-32 of its bytes comes from the index
    # beside it (store.index) when that index is settled for this very stat (its first
    # reader after a change checked the bytes at a moment when the file's ctime was
    # already in the past: any later change, even in place with the mtime put back, has
    # another ctime), else from reading the file (an unreadable file is refused as
    # before). When stat and CRC-32 give exactly the cache's key, the parts are loaded
    # as they are asked for, each checked by its own CRC-32, and the bytes are neither
    # parsed nor validated. A reader's key is the stat taken before it read and the
    # CRC-32 of the bytes it read: if the file was replaced in between, no file has
    # both, and the entry is never used. On any other key (the file changed, by anyone,
    # in any way: ``cp -p`` can restore an old mtime but not a ctime, and the crc32 sees
    # an edit in place within one clock tick; new rules; another Python), or any error
    # reading the cache or one of its parts, the bytes are parsed and validated in full
    # as without it, and the cache rewritten. The store file stays the one source of
    # truth: the cache is never required (deleting it is always safe) and never trusted
    # without an exact key match. Readers write it too, without the lock: each write is
    # one self-consistent file, and the last one wins.

    def _cache_key(self, stamp: tuple, raw: bytes) -> tuple:
        import zlib  # 0.2 ms; local: only readers with a validator use it

        return (CACHE_FORMAT, self.validate_key, *stamp, zlib.crc32(raw))

    def _cached(self, key: tuple) -> _Parts | None:
        """The cache as :class:`_Parts` when its key is ``key`` (None otherwise, or when it
        cannot be read). Its file is the head's length (4 bytes), the head (the key and
        where each part is), then the parts, each marshalled: a cache of another key is
        not loaded to find out, and a reader loads the parts it needs only."""
        try:
            with open(self.cache_path, "rb") as f:
                blob = f.read()
            size = int.from_bytes(blob[:4], "little")
            found, where = marshal.loads(blob[4 : 4 + size])
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if found != key or type(where) is not dict:
            return None
        return _Parts(memoryview(blob)[4 + size :], where)

    def _write_cache(self, key: tuple, data: dict) -> None:
        """Keep the validated data of the file of this key (see :class:`_Parts`); any
        failure only costs the next read a full parse (so neither the cache nor its
        directory is fsynced: a cache torn by a crash fails to load, or its key does not
        match)."""
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
            write_unsynced(self.cache_path, _Parts.dump(key, data))

    def _damaged(self, what: Msg) -> Msg:
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
                data, self._stamp, self._parts = None, None, None
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
                # Drop the changed copy; re-read next time.
                self._data, self._stamp, self._parts = None, None, None
                raise
            finally:
                self._in_transaction = 0
                self._dirty = False
        finally:
            self._release()

    def _flush(self) -> None:
        try:
            raw, plain = _dump(self._data, self.checked_tables)
        except (ValueError, TypeError):
            raise StoreError(Msg("not_json_value", path=self.path)) from None
        try:
            self._backup_first_write_of_day()
            inode = write_file_atomic(self.path, raw)
        except OSError as e:
            reason = e.strerror or str(e)
            raise StoreError(
                Msg(
                    "not_saved",
                    path=self.path,
                    reason=reason,
                    advice=os_error_advice(e, self.path.parent),
                )
            ) from None
        self._stamp = self._file_stamp()
        self.writes += 1
        # Our own write goes into the parse cache (the repository validated what it
        # wrote), so the next read, in any process, neither parses nor validates it.
        # The copy in memory is what the file's bytes parse to when orjson wrote them
        # (plain JSON values only), but for the order of dict keys (the file's are
        # sorted): no reader depends on it (store.repo reads documents in id order).
        if plain and self.validate_key and self._stamp and self._stamp[0] == inode:
            key = self._cache_key(self._stamp, raw)
            self.crc = key[-1]
            self._write_cache(key, self._data)
            if self.on_valid is not None:
                self.on_valid(self._stamp, key[-1], self._data)

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
                Msg("folder_not_writable", folder=self.path.parent, reason=e.strerror)
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


def damaged_message(path: Path, what: Msg) -> Msg:
    """``<path> <what>; it was left untouched: restore the newest backup with `okr restore B`.``"""
    from store.backups import newest_backup  # local: only needed on this rare path

    newest = newest_backup(path)
    advice = Msg("advice.backup", backup=newest) if newest else Msg("advice.own_copy")
    return Msg("damaged", path=path, what=what, advice=advice)
