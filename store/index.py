"""A small index beside the store, ``okr.json.index``: what ``okr due`` needs, and no more.

``okr due`` runs before every shell prompt. It needs, of each objective: its id, title,
period, whether it is archived or closed, and (only for an objective that can be due at
all: neither archived nor closed) which weeks have a saved check-in. That is a few
hundred bytes where the store holds years of notes: this module keeps it in a file of
its own, so ``okr due`` reads it instead of the store, whatever the store's size, and
imports nothing for it but ``marshal`` and ``zlib`` (built in).

The key. The index holds the store file's stat stamp (inode, size, mtime_ns, ctime_ns)
and the CRC-32 of its bytes, as the parse cache does (store.storage), plus the CRC-32 of
the code that validates (a new okr-checkin: a new key), and it was made from that
file's validated data. A reader stats the store file, and uses the index only when the
stamp is the index's:

* A "settled" index is used on the stamp alone: it was checked at a moment when the
  store file's ctime was already in the past on the file system's own clock (the
  index file's ctime, taken before the store file was read, was later than the store
  file's ctime). Any change to the file after that moment, even one that keeps its
  size and restores its mtime (``cp -p``, ``touch -d``), sets its ctime to a later
  tick of that clock: another stamp. (Git's "racy" rule, on ctime, which no one can
  set.)
* Any other index (just written after a save, or after a full read of a file changed
  elsewhere) is used only after the reader read the store file and found the same
  CRC-32; that reader then writes the index again, settled when the clock allows.
  So the first ``okr due`` after a save reads the store once (1 to 3 ms), the next
  ones do not.

Anything else (no index, another stamp, another code, an index that cannot be read or
is cut short) means the ordinary way: the store is opened (its parse cache, or a full
read that validates everything), and the index is written again from what it holds.

It is written unfsynced (a torn index fails to load), atomically (temp file, rename),
0600: by the store after each of its own writes and after each full read that
validated the file (``Store`` sets ``AtomicJSONStorage.on_valid`` to :func:`write`), and
by ``okr due``. The store file stays the one source of truth: the index is never
required, deleting it is always safe (the next ``okr due`` opens the store and writes
it again), and it is never used without an exact stamp match. A file system whose
timestamps do not change when a file is written (some FUSE mounts) defeats the stamp
of the parse cache as well; there the index could answer ``okr due`` from an older
version of a file rewritten in place with the very same size: delete the index
there (``rm okr.json.index``) after editing the store by hand.
"""

import marshal
import os
import sys

INDEX_FORMAT = ("okr-index", 1, marshal.version, *sys.version_info[:2])
SUFFIX = ".index"
APP_DIR_NAME = "okr-checkin"  # store.repo.APP_DIR_NAME
CODE_FILES = ("repo.py", "integrity.py", "model.py", "weeks.py", "quickcheck.py", "index.py")


def default_data_dir() -> "str | None":
    """The platform's user data dir of okr-checkin where it is plain to tell without
    platformdirs (which costs a process 10 to 40 ms): on Linux, ``$XDG_DATA_HOME`` when
    it is an absolute path, else ``$HOME/.local/share`` when ``$HOME`` is; with
    ``okr-checkin`` appended: what platformdirs answers there (tests/test_perf_hygiene.py
    checks it). None anywhere else (another system, Android, no usable variable):
    platformdirs decides then (store.repo.default_data_dir)."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg:
        return os.path.join(xdg, APP_DIR_NAME) if xdg.startswith("/") else None
    home = os.environ.get("HOME", "")
    if not home.startswith("/"):
        return None
    return os.path.join(home.rstrip("/") + "/.local/share", APP_DIR_NAME)


def code_key() -> "int | None":
    """The CRC-32 of the code that validates a store and makes this index (the files'
    bytes, not their stat: two installed copies of the same okr-checkin, as a venv and
    a checkout, share one index; another okr-checkin, another key). About 0.2 ms. None
    when a file is missing."""
    import zlib

    folder = os.path.dirname(os.path.abspath(__file__))
    crc = 0
    try:
        for name in CODE_FILES:
            with open(os.path.join(folder, name), "rb") as f:
                crc = zlib.crc32(f.read(), crc)
    except OSError:
        return None
    return crc


class Row:
    """What ``okr due`` needs of one objective (store.repo.DueRow has the same fields)."""

    __slots__ = ("id", "title", "start", "end", "checked_in", "closed", "archived")

    def __init__(self, ident, title, start, end, checked_in, closed, archived):
        self.id = ident
        self.title = title
        self.start = start
        self.end = end
        self.checked_in = checked_in
        self.closed = closed
        self.archived = archived


def index_path(store_path: "str | os.PathLike") -> str:
    return os.fspath(store_path) + SUFFIX


def entries(data: dict) -> tuple:
    """The index of a store's data (its TinyDB tables): per objective, in document id
    order, (id, title, start, end, archived, closed, the weeks with a saved check-in:
    only for an objective that can be due, else none)."""
    objectives = data.get("objectives") or {}
    checked: dict = {
        d["id"]: set()
        for d in objectives.values()
        if not d.get("archived", False) and d.get("review") is None
    }
    for d in (data.get("checkins") or {}).values():
        found = checked.get(d["objective"])
        if found is not None:
            found.add(d["week"])
    out = []
    for key in sorted(objectives, key=int):
        d = objectives[key]
        out.append(
            (
                d["id"],
                d["title"],
                d["start"],
                d["end"],
                d.get("archived", False),
                d.get("review") is not None,
                frozenset(checked.get(d["id"], ())),
            )
        )
    return tuple(out)


def write(store_path: "str | os.PathLike", stamp: tuple, crc: int, data: dict) -> None:
    """Keep the index of ``data``, the validated data of the store file of this stat
    ``stamp`` (inode, size, mtime_ns, ctime_ns) and CRC-32 (not settled: its first reader
    checks the CRC-32). Never raises: any failure only costs ``okr due`` a read."""
    code = code_key()
    if code is None:
        return
    import contextlib  # local, as every import here: not on the path of a settled index

    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
        _write(index_path(store_path), (code, tuple(stamp), crc, False, entries(data)))


def _write(path: str, body: tuple, fd: "int | None" = None, tmp: "str | None" = None) -> None:
    """marshal ``(INDEX_FORMAT, *body)`` into ``path`` (see :func:`write_unsynced`)."""
    write_unsynced(path, marshal.dumps((INDEX_FORMAT, *body)), fd, tmp)


def write_unsynced(
    path: "str | os.PathLike", blob: bytes, fd: "int | None" = None, tmp: "str | None" = None
) -> None:
    """Write ``blob`` as the whole of ``path`` through a temp file beside it (``fd`` and
    ``tmp`` when the caller made it, see :func:`_temp`), 0600, renamed over it; no fsync
    (the index and the parse cache: a torn one fails to load). Without tempfile, which
    costs a process 3 ms to import."""
    path = os.fspath(path)
    if fd is None:
        fd, tmp = _temp(path)
    try:
        try:
            view = memoryview(blob)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: str) -> None:
    try:  # noqa: SIM105 - contextlib is not imported on the fast path
        os.unlink(path)
    except OSError:
        pass


def _temp(path: str) -> tuple[int, str]:
    """A new 0600 file ``.<name>.<random>.tmp`` beside ``path`` (the store's writers sweep
    such files up when a process died before renaming one)."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), tmp


def settled_crc(store_path: "str | os.PathLike", stamp: tuple) -> "int | None":
    """The CRC-32 of the store file's bytes when the index is settled for this very stat
    ``stamp`` (see the module's docstring): the parse cache (store.storage) can then be
    checked without reading the store file. None otherwise."""
    try:
        with open(index_path(store_path), "rb") as f:
            found, code, stamped, crc, settled, _ = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if found != INDEX_FORMAT or not settled or stamped != tuple(stamp) or code != code_key():
        return None
    return crc if type(crc) is int else None


def due_rows(store_path: str, week: str) -> "list[Row] | None":
    """Every objective as a :class:`Row` for ``week``, from the index; None when the index
    does not hold the store file as it is now (then open the store)."""
    try:
        st = os.stat(store_path)
        with open(store_path + SUFFIX, "rb") as f:
            found, code, stamp, crc, settled, rows = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (
        found != INDEX_FORMAT
        or stamp != (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        or type(rows) is not tuple
        or code != code_key()
    ):
        return None
    if not settled and not _settle(store_path, (code, stamp, crc, rows)):
        return None
    return [
        Row(ident, title, start, end, week in weeks, closed, archived)
        for ident, title, start, end, archived, closed, weeks in rows
    ]


def _settle(store_path: str, body: tuple) -> bool:
    """Whether the store file's bytes are still the ones the index was made from (same
    CRC-32); if so the index is written again, settled when the store file's ctime is
    before this moment on the file system's clock (a temp file made before the read)."""
    import zlib

    code, stamp, crc, rows = body
    path = store_path + SUFFIX
    try:
        fd, tmp = _temp(path)
    except OSError:
        fd = tmp = None
    try:
        before = os.fstat(fd).st_ctime_ns if fd is not None else None
        st = os.stat(store_path)
        with open(store_path, "rb") as f:
            same = zlib.crc32(f.read()) == crc
        same = same and (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns) == stamp
    except OSError:
        same = False
    if fd is None:
        return same
    if not same:
        os.close(fd)
        _unlink(tmp)
        return False
    try:  # noqa: SIM105 - contextlib is not imported on the fast path
        _write(path, (code, stamp, crc, st.st_ctime_ns < before, rows), fd, tmp)
    except OSError:
        pass
    return True
