"""The repository: objectives, check-ins, drafts and meetings in one TinyDB file.

Every public method that changes data is one store write (one transaction of
:class:`~store.storage.AtomicJSONStorage`), and checks what it writes: the storage
keeps what was written as validated (its parse cache). Reads come from the storage's
cache, re-read when the file changed on disk.

store.model (dataclasses and all, 12 ms) is imported by the first method that needs
it: ``okr due`` (:meth:`Store.due_rows`) reads the stored documents as they are.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from store import integrity, weeks
from store.errors import Msg
from store.storage import (
    AtomicJSONStorage,
    ConflictError,
    DamagedStoreError,
    StoreError,
    damaged_message,
    os_error_advice,
)

if TYPE_CHECKING:
    from store.model import CheckIn, Meeting, Objective

__all__ = ["ConflictError", "DamagedStoreError", "Store", "StoreError", "UNCHECKED"]

SCHEMA_VERSION = 2
FILE_NAME = "okr.json"
APP_DIR_NAME = "okr-checkin"
FORMAT_NAME = "okr-checkin"
FORMAT_VERSION = 2
FORMAT_VERSIONS = (1, 2)  # what ``okr restore`` reads; version 1 is 2 without the new fields
# Fields a version 1 document does not have (objective, key result, item).
_V2_FIELDS = ({"previous", "review"}, {"previous", "relative"}, {"previous"})


def _schema_1_to_2(data: dict) -> dict:
    """Schema 2 adds optional fields only (links, reviews, threshold kinds, an unknown
    start, a relative change): a schema 1 store is a valid schema 2 store as it is. The
    version says which okr-checkin may open the file: an older one refuses it."""
    return data


# Migrations: MIGRATIONS[n] turns a schema-n store (the whole dict) into schema n+1.
# Store() runs them after a backup (reason "migrate-v<n>").
MIGRATIONS: dict[int, Any] = {1: _schema_1_to_2}


def migrate(data: dict, version: int) -> dict:
    """A store's data of schema ``version`` brought to SCHEMA_VERSION (meta included)."""
    if version >= SCHEMA_VERSION:
        return data
    new = dict(data)
    while version < SCHEMA_VERSION:
        new = MIGRATIONS[version](new)
        version += 1
    new["meta"] = {"1": {"schema": SCHEMA_VERSION}}
    return new


class DueRow(NamedTuple):
    """What ``okr due`` needs of an objective (see :meth:`Store.due_rows`)."""

    id: str
    title: str
    start: str  # YYYY-MM-DD
    end: str
    checked_in: bool  # a check-in is saved for the week asked about (a draft does not count)
    closed: bool = False  # the period was closed (graded): never due again
    archived: bool = False  # never due (due_rows leaves archived objectives out)


class _Unchecked:
    def __repr__(self) -> str:
        return "UNCHECKED"


UNCHECKED: Any = _Unchecked()  # save_checkin(expected_stamp=...) default: no conflict check


def default_data_dir() -> Path:
    """``OKR_DATA_DIR``, else the platform's user data dir (without importing platformdirs
    where store.index can tell it)."""
    env = os.environ.get("OKR_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from store.index import default_data_dir as plain

    folder = plain()
    if folder is not None:
        return Path(folder)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


class Store:
    """All stored data of one data dir."""

    def __init__(self, data_dir: str | os.PathLike | None = None, *, repair: bool = False) -> None:
        """Open (not create) the store of a data dir.

        Raises StoreError when the file cannot be used (DamagedStoreError when it is not
        a readable store). ``repair=True`` (``okr restore``) opens a damaged store
        anyway: only :meth:`restore` can then be used, and it backs the damaged file up
        before replacing it.
        """
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.path = self.data_dir / FILE_NAME
        self.storage = AtomicJSONStorage(self.path)
        self.storage.validate = self._validate
        self.storage.validate_key = _rules_key()
        self.storage.on_valid = self._keep_index
        # Every document of these is checked by the model when read and before written
        # (a draft's data is free: it is walked at every write).
        self.storage.checked_tables = ("objectives", "checkins", "meetings")
        self.damaged: DamagedStoreError | None = None
        # Lookups made once per version of a table (see _by_id, _by_objective).
        self._objectives_seen: dict | None = None
        self._objectives_by_id: dict[str, dict] = {}
        self._checkins_seen: dict | None = None
        self._checkins_by_objective: dict[str, list[dict]] = {}
        self._parts_sorted: dict[str, tuple[dict, list[dict]]] = {}
        try:
            data = self.storage.read_tables()
        except DamagedStoreError as e:
            if not repair:
                raise
            self.damaged = e
            return
        self._check_schema(data)
        version = integrity.schema_version(data) if data else SCHEMA_VERSION
        if version is not None and version < SCHEMA_VERSION:
            self._migrate(version)

    # -- plumbing ------------------------------------------------------------------------

    def _table(self, name: str):
        """A TinyDB Table, for writing (readers use ``_docs``). TinyDB is imported by the
        first write: a process that only reads (``okr due``) never imports it."""
        from tinydb.table import Table

        # A fresh Table each time: TinyDB caches query results and the next doc id per
        # Table object, which goes stale when another process writes the file.
        return Table(self.storage, name, cache_size=0)

    def _docs(self, name: str) -> Iterable[dict]:
        """The stored documents of a table, for reading only (no copies, no TinyDB Table:
        what it would give, without copying every document twice). They were validated
        when the file was read (``_validate``) or are what a validated save wrote, so the
        readers build models with ``from_valid``.

        In document id order, whatever the order of the dict (the file's is sorted as
        text, "10" before "2"; a write appends; the storage's parse cache may hold
        either): except check-ins, whose readers all sort them or look one up by
        (objective, week), which is unique."""
        if name == "checkins":
            data = self.storage.read()  # all of them
            return data.get(name, {}).values() if data else ()
        data = self.storage.read_tables()
        table = data.get(name, {}) if data else {}
        return [table[k] for k in sorted(table, key=int)]

    def _check_schema(self, data: dict | None) -> None:
        if not data:
            return
        version = integrity.schema_version(data)
        if version is None:
            raise DamagedStoreError(damaged_message(self.path, Msg("damaged.no_schema")))
        if version > SCHEMA_VERSION:
            raise StoreError(
                Msg("newer_schema", path=self.path, version=version, reads=SCHEMA_VERSION)
            )

    def _validate(self, data: dict) -> None:
        """Called by the storage on every fresh read of the file (see store.integrity)."""
        integrity.check_tables(data)
        self._check_schema(data)
        version = integrity.schema_version(data)
        if version is not None:
            # An older file is checked as it will be once migrated (Store() migrates it).
            integrity.check_documents(migrate(data, version))

    def _migrate(self, version: int) -> None:
        """Bring an older store to SCHEMA_VERSION, after a backup (one write)."""
        with self.storage.transaction() as data:
            version = integrity.schema_version(data) or SCHEMA_VERSION
            if version >= SCHEMA_VERSION:
                return  # another copy migrated it meanwhile
            self._backup(f"migrate-v{version}")
            new = migrate(data, version)
            integrity.check_tables(new)
            integrity.check_documents(new)
            self.storage.write(new)

    def _backup(self, reason: str) -> Path | None:
        """A backup before a restore or a migration; StoreError if it cannot be made."""
        from store import backups  # local: readers (``okr due``) never need it

        try:
            return backups.make_backup(self.path, reason)
        except OSError as e:
            raise StoreError(
                Msg(
                    "backup_failed",
                    path=self.path,
                    reason=e.strerror or e,
                    advice=os_error_advice(e, backups.backup_dir(self.path)),
                )
            ) from None

    @contextlib.contextmanager
    def _write(self, *, replace: bool = False) -> Iterator[None]:
        """One write transaction; it also stamps the schema version into ``meta``."""
        if self.damaged is not None and not replace:
            raise self.damaged
        with self.storage.transaction(replace=replace) as data:
            self._check_schema(data)
            if not data.get("meta"):
                self._table("meta").insert({"schema": SCHEMA_VERSION})
            yield

    def _keep_index(self, stamp: tuple, crc: int, data: dict) -> None:
        from store import index

        index.write(self.path, stamp, crc, data)

    def keep_index(self) -> None:
        """Write the small index beside the store (store.index) of the file as it is now
        (``okr due`` after it had to open the store); nothing when there is no file."""
        tables = self.storage.read_tables()
        stamp, crc = self.storage._stamp, self.storage.crc
        if tables is None or stamp is None or crc is None:
            return
        objectives = tables.get("objectives", {})
        checkins = {  # those of the objectives that can be due, read objective by objective
            f"{d['id']}#{n}": c
            for d in objectives.values()
            if not d.get("archived", False) and d.get("review") is None
            for n, c in enumerate(self._checkin_docs(d["id"]))
        }
        self._keep_index(stamp, crc, {"objectives": objectives, "checkins": checkins})

    def changed_on_disk(self) -> bool:
        return self.storage.changed_on_disk()

    def close(self) -> None:
        self.storage.close()

    # -- objectives ----------------------------------------------------------------------

    def objectives(self, include_archived: bool = False) -> list[Objective]:
        from store.model import Objective

        return [
            Objective.from_valid(d)
            for d in self._docs("objectives")
            if include_archived or not d.get("archived", False)
        ]

    def objective(self, objective_id: str) -> Objective | None:
        from store.model import Objective

        d = self._by_id().get(objective_id)
        return None if d is None else Objective.from_valid(d)

    def kr_links(self, objective_id: str, kr_id: str) -> list[tuple[str, str, Any]]:
        """(objective id, KR id, the KR's start) of the KR and of every earlier KR it
        continues, oldest first: ``store.chain.kr_chain`` read from the stored documents,
        without building the objectives of every period (home's sparklines)."""
        by_id = self._by_id()
        out: list[tuple[str, str, Any]] = []
        d = by_id.get(objective_id)
        kr = _kr_doc(d, kr_id) if d is not None else None
        while d is not None and kr is not None and len(out) < len(by_id):
            out.append((d["id"], kr["id"], kr.get("start", 0)))
            if kr.get("previous") is None or d.get("previous") is None:
                break
            d = by_id.get(d["previous"])
            kr = _kr_doc(d, kr["previous"]) if d is not None else None
        return out[::-1]

    def _by_id(self) -> dict[str, dict]:
        """Objective id -> its stored document (the first in id order), made once per
        version of the table (TinyDB makes a new table dict whenever it changes one)."""
        data = self.storage.read_tables()
        table = data.get("objectives", {}) if data else {}
        if self._objectives_seen is not table:
            by_id: dict[str, dict] = {}
            for d in self._docs("objectives"):
                by_id.setdefault(d["id"], d)
            self._objectives_seen, self._objectives_by_id = table, by_id
        return self._objectives_by_id

    def due_rows(self, week: str) -> list[DueRow]:
        """The non-archived objectives, each with whether ``week`` has a saved check-in:
        what ``okr due`` (tui.cli.missing) needs, read from the stored documents
        without building a model (nor importing store.model)."""
        return [
            DueRow(
                d["id"],
                d["title"],
                d["start"],
                d["end"],
                any(c["week"] == week for c in self._checkin_docs(d["id"])),
                d.get("review") is not None,
            )
            for d in self._docs("objectives")
            if not d.get("archived", False)
        ]

    def save_objective(self, objective: Objective) -> None:
        """Insert or replace one objective (its KRs and items with it).

        Its saved check-ins must still fit it (a KR they measure kept, a milestone's
        value 0 or 1...): else InvalidData names the first check-in that does not, and
        nothing is written."""
        from store.model import Objective

        Objective.from_dict(objective.to_dict())  # validate before anything is written
        with self._write():
            self._check_own_checkins(objective)
            self._upsert_linked([objective])

    def _check_own_checkins(self, objective: Objective) -> None:
        """InvalidData unless every saved check-in of ``objective`` (that objective's
        only: cheap) fits it as it is about to be saved. Call inside the write."""
        from store.model import CheckIn

        for d in self._checkin_docs(objective.id):
            CheckIn.from_valid(d).check_against(objective, f"checkins[{d['week']}]")

    def save_objectives(self, objectives: Iterable[Objective]) -> None:
        """Insert or replace several objectives in one write (the import)."""
        from store.model import Objective

        objectives = list(objectives)
        for o in objectives:
            Objective.from_dict(o.to_dict())
        with self._write():
            for o in objectives:
                self._check_own_checkins(o)
            self._upsert_linked(objectives)

    def _upsert_linked(self, objectives: list[Objective]) -> None:
        """Insert or replace ``objectives`` keeping every ``previous`` link whole: their
        own links must name what exists (InvalidData otherwise), and a KR or item that
        a later period continued and that is now gone (deleted in the editor) leaves
        that later one without its link rather than with a dangling one. Inside a write."""
        from store.model import Objective, check_links

        saved = {o.id: o for o in objectives}
        current = [Objective.from_valid(d) for d in self._docs("objectives")]
        merged = [saved.pop(o.id, o) for o in current] + list(saved.values())
        by_id = {o.id: o for o in merged}
        table = self._table("objectives")
        for o in merged:
            before = by_id.get(o.previous) if o.previous is not None else None
            if before is None or before.id not in {x.id for x in objectives}:
                continue
            cut = False
            for kr in o.key_results:
                if kr.previous is not None and before.kr(kr.previous) is None:
                    kr.previous, cut = None, True
                for item in kr.items:
                    if item.previous is not None and before.find_item(item.previous) is None:
                        item.previous, cut = None, True
            if cut and o.id not in {x.id for x in objectives}:
                table.upsert(o.to_dict(), _query().id == o.id)
        check_links(merged, "objectives")
        for o in objectives:
            table.upsert(o.to_dict(), _query().id == o.id)

    # -- check-ins -----------------------------------------------------------------------

    def checkins(self, objective_id: str | None = None) -> list[CheckIn]:
        """Saved check-ins, oldest week first."""
        from store.model import CheckIn

        if objective_id is not None:
            return [CheckIn.from_valid(d) for d in self._checkin_docs(objective_id)]
        out = [CheckIn.from_valid(d) for d in self._docs("checkins")]
        out.sort(key=lambda c: (c.week, c.objective))
        return out

    def _checkin_docs(self, objective_id: str) -> list[dict]:
        """The objective's stored check-ins, oldest week first (do not change the list):
        from the parse cache's part of that objective when the store was not loaded
        whole, else from all of them grouped by objective."""
        part = self.storage.checkins_of(objective_id)
        if part is None:
            return self._by_objective().get(objective_id, [])
        seen = self._parts_sorted.get(objective_id)
        if seen is None or seen[0] is not part:
            seen = (part, sorted(part.values(), key=lambda d: d["week"]))
            self._parts_sorted[objective_id] = seen
        return seen[1]

    def _by_objective(self) -> dict[str, list[dict]]:
        """Objective id -> its stored check-ins, oldest week first, made once per version
        of the table (as :meth:`_by_id`): a screen reads one objective's weeks without
        going through every check-in of every year."""
        data = self.storage.read()
        table = data.get("checkins", {}) if data else {}
        if self._checkins_seen is not table:
            groups: dict[str, list[dict]] = {}
            for d in table.values():
                groups.setdefault(d["objective"], []).append(d)
            for docs in groups.values():
                docs.sort(key=lambda d: d["week"])
            self._checkins_seen, self._checkins_by_objective = table, groups
        return self._checkins_by_objective

    def recent_checkins(self, objective_id: str, last: int) -> list[CheckIn]:
        """The objective's ``last`` newest saved check-ins, oldest week first: ``checkins(
        objective_id)[-last:]`` without building the older ones (the home cards)."""
        from store.model import CheckIn

        return [CheckIn.from_valid(d) for d in self._checkin_docs(objective_id)[-last:]]

    def latest_kr_values(self, objective_id: str) -> dict[str, tuple[Any, int | None]]:
        """KR id -> (its latest measured value, its latest confidence) over all of the
        objective's saved check-ins, each None when none was ever given (read from the
        stored documents, without building a check-in: the home cards)."""
        value: dict[str, Any] = {}
        confidence: dict[str, int | None] = {}
        for d in self._checkin_docs(objective_id):
            for k in d.get("key_results", ()):
                if k.get("value") is not None:
                    value[k["kr"]] = k["value"]
                if k.get("confidence") is not None:
                    confidence[k["kr"]] = k["confidence"]
        return {kr: (value.get(kr), confidence.get(kr)) for kr in value.keys() | confidence}

    def checkin(self, objective_id: str, week: str) -> CheckIn | None:
        return self.checkin_and_stamp(objective_id, week)[0]

    def _checkin_doc(self, objective_id: str, week: str) -> dict | None:
        for d in self._checkin_docs(objective_id):
            if d.get("week") == week:
                return _strip(d)
        return None

    def has_checkin(self, objective_id: str, week: str) -> bool:
        """Whether the week's check-in is saved (a draft does not count)."""
        return self._checkin_doc(objective_id, week) is not None

    def checkin_stamp(self, objective_id: str, week: str) -> str | None:
        """A hash of the saved check-in (None when there is none); it changes whenever
        anyone saves that check-in. Keep it when loading a check-in for editing and
        pass it to ``save_checkin(..., expected_stamp=...)``."""
        return integrity.stamp(self._checkin_doc(objective_id, week))

    def checkin_and_stamp(self, objective_id: str, week: str) -> tuple[CheckIn | None, str | None]:
        """The saved check-in and its stamp, read together (one read of the file)."""
        from store.model import CheckIn

        doc = self._checkin_doc(objective_id, week)
        if doc is None:
            return None, None
        return CheckIn.from_valid(doc), integrity.stamp(doc)

    def save_checkin(
        self,
        checkin: CheckIn,
        objective: Objective | None = None,
        *,
        expected_stamp: str | None = UNCHECKED,
    ) -> str:
        """Save a week's check-in, and the objective if the check-in changed it
        (an E-item added or dropped), and drop the week's draft: one write.

        ``expected_stamp``: the stamp of the check-in as it was loaded (None: there was
        none). If the stored check-in has another stamp now (another copy saved or
        deleted it), nothing is written and ConflictError is raised, holding the stored
        check-in (``theirs``) and its stamp. Without it, the save overwrites.
        Returns the stamp of the saved check-in.

        A check-in of a week that does not belong to the objective's period (its Thursday
        outside it: ``Objective.owns``) is refused (InvalidData at ``checkin.week``); a
        store file that holds one from before this rule still opens.
        """
        from store.model import CheckIn, InvalidData, Objective

        CheckIn.from_dict(checkin.to_dict())
        if objective is not None:
            Objective.from_dict(objective.to_dict())
        with self._write():
            if expected_stamp is not UNCHECKED:
                doc = self._checkin_doc(checkin.objective, checkin.week)
                current = integrity.stamp(doc)
                if current != expected_stamp:
                    raise ConflictError(
                        Msg(
                            "conflict.deleted" if doc is None else "conflict.saved",
                            week=checkin.week,
                        ),
                        theirs=None if doc is None else CheckIn.from_dict(doc, "checkin"),
                        stamp=current,
                    )
            if objective is not None:
                self._table("objectives").upsert(objective.to_dict(), _query().id == objective.id)
            current = objective or self.objective(checkin.objective)
            if current is None:
                raise InvalidData(
                    "checkin.objective", Msg("unknown_objective", id=repr(checkin.objective))
                )
            if not current.owns(checkin.week):
                raise InvalidData(
                    "checkin.week",
                    Msg(
                        "week_outside_period",
                        week=checkin.week,
                        start=current.start,
                        end=current.end,
                    ),
                )
            checkin.check_against(current)
            q = (_query().objective == checkin.objective) & (_query().week == checkin.week)
            self._table("checkins").upsert(checkin.to_dict(), q)
            self._table("drafts").remove(q)
        return integrity.stamp(checkin.to_dict())

    def delete_checkin(self, objective_id: str, week: str) -> None:
        with self._write():
            q = (_query().objective == objective_id) & (_query().week == week)
            self._table("checkins").remove(q)

    # -- drafts (a half-typed check-in) ----------------------------------------------------

    def draft(self, objective_id: str, week: str) -> dict | None:
        for d in self._docs("drafts"):
            if d.get("objective") == objective_id and d.get("week") == week:
                return d.get("data")
        return None

    def drafts(self) -> list[dict]:
        return [dict(d) for d in self._docs("drafts")]

    def save_draft(self, objective_id: str, week: str, data: dict[str, Any]) -> None:
        from store.model import InvalidData, check_id, check_week

        check_id(objective_id, "draft.objective")  # what store.integrity checks of a draft
        check_week(week, "draft.week")
        if not isinstance(data, dict):
            raise InvalidData("draft.data", Msg("expected_object"))
        with self._write():
            q = (_query().objective == objective_id) & (_query().week == week)
            doc = {"objective": objective_id, "week": week, "data": data}
            self._table("drafts").upsert(doc, q)

    # -- meetings (one-on-ones) -------------------------------------------------------------

    def meetings(self) -> list[Meeting]:
        from store.model import Meeting

        out = [Meeting(d["date"], d.get("notes", "")) for d in self._docs("meetings")]
        out.sort(key=lambda m: m.date)
        return out

    def add_meeting(self, meeting: Meeting) -> None:
        from store.model import Meeting

        Meeting.from_dict(meeting.to_dict())
        with self._write():
            self._table("meetings").insert(meeting.to_dict())

    # -- the interchange document (okr export / okr restore) -----------------------------------

    def export(self) -> dict:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "objectives": [o.to_dict() for o in self.objectives(include_archived=True)],
            "checkins": [c.to_dict() for c in self.checkins()],
            "meetings": [m.to_dict() for m in self.meetings()],
        }

    def restore(self, document: Any) -> Path | None:
        """Validate a whole export document, back up the store, then replace it (one write).

        ``document`` may also be a store file (a backup from ``okr backups``); its
        drafts come back too. Returns the backup's path (None if there was no store
        yet). Raises InvalidData naming the first offending field; nothing is written
        then. Works on a damaged store opened with ``repair=True``: the damaged file
        is what gets backed up.
        """
        drafts: list[dict] = []
        if integrity.is_store_data(document):
            objectives, checkins, meetings, drafts = integrity.store_parts(document)
        else:
            objectives, checkins, meetings = parse_document(document)
        with self._write(replace=self.damaged is not None):
            # Under the lock: no other copy writes between the backup and the restore.
            backup = self._backup("restore")
            for name in ("objectives", "checkins", "drafts", "meetings"):
                self._table(name).truncate()
            self._table("objectives").insert_multiple(o.to_dict() for o in objectives)
            self._table("checkins").insert_multiple(c.to_dict() for c in checkins)
            self._table("meetings").insert_multiple(m.to_dict() for m in meetings)
            self._table("drafts").insert_multiple(drafts)
        self.damaged = None
        return backup


def _query():
    from tinydb import Query

    return Query()


_CODE: list[str | None] = []


def _rules_key() -> str | None:
    """Names the rules a store file is validated by: the schema version and a hash of the
    code that validates (this module, store.integrity, store.model, store.weeks,
    store.quickcheck). The
    storage's parse cache holds data validated by these rules only (None: unknown, no
    cache). The files are hashed, not imported: a read from the cache imports none.
    The hash is a CRC-32 of each file (zlib; hashlib would cost every process 1.3 ms):
    it tells versions of our own code apart, it does not guard against an attacker (who
    could write the store file itself)."""
    if not _CODE:
        import zlib

        try:
            folder = Path(__file__).parent
            crcs = [
                zlib.crc32((folder / name).read_bytes())
                for name in ("repo.py", "integrity.py", "model.py", "weeks.py", "quickcheck.py")
            ]
            _CODE.append("-".join(f"{crc:08x}" for crc in crcs))
        except OSError:
            _CODE.append(None)
    return None if _CODE[0] is None else f"{_CODE[0]} schema {SCHEMA_VERSION}"


def _kr_doc(objective: dict, kr_id: str) -> dict | None:
    """The stored KR ``kr_id`` of a stored objective (Objective.kr of the document)."""
    return next((k for k in objective.get("key_results", ()) if k["id"] == kr_id), None)


def _strip(doc: dict) -> dict:
    """A TinyDB Document as a plain dict."""
    return dict(doc)


def parse_document(document: Any) -> tuple[list[Objective], list[CheckIn], list]:
    """Validate an export document completely; InvalidData names the first bad field."""
    from store.model import CheckIn, InvalidData, Meeting, Objective, check_links

    if not isinstance(document, dict):
        raise InvalidData("", Msg("not_export"))
    if document.get("format") != FORMAT_NAME:
        raise InvalidData("format", Msg("format_name", name=FORMAT_NAME))
    version = document.get("version")
    if isinstance(version, bool) or version not in FORMAT_VERSIONS:
        raise InvalidData("version", Msg("unknown_version", version=repr(version)))
    extra = sorted(set(document) - {"format", "version", "objectives", "checkins", "meetings"})
    if extra:
        raise InvalidData(extra[0], Msg("unknown_field"))

    def items(key: str) -> list:
        value = document.get(key, [])
        if not isinstance(value, list):
            raise InvalidData(key, Msg("list"))
        return value

    if version == 1:
        _refuse_v2_fields(items("objectives"))
    objectives = [
        Objective.from_dict(d, f"objectives[{i}]") for i, d in enumerate(items("objectives"))
    ]
    by_id: dict[str, Objective] = {}
    for i, o in enumerate(objectives):
        if o.id in by_id:
            raise InvalidData(f"objectives[{i}].id", Msg("duplicate_objective_id", id=repr(o.id)))
        by_id[o.id] = o
    check_links(objectives, "objectives")
    checkins = [CheckIn.from_dict(d, f"checkins[{i}]") for i, d in enumerate(items("checkins"))]
    seen: set[tuple[str, str]] = set()
    for i, c in enumerate(checkins):
        path = f"checkins[{i}]"
        objective = by_id.get(c.objective)
        if objective is None:
            raise InvalidData(f"{path}.objective", Msg("unknown_objective", id=repr(c.objective)))
        if (c.objective, c.week) in seen:
            raise InvalidData(f"{path}.week", Msg("second_checkin", week=c.week))
        seen.add((c.objective, c.week))
        c.check_against(objective, path)
    meetings = [Meeting.from_dict(d, f"meetings[{i}]") for i, d in enumerate(items("meetings"))]
    return objectives, checkins, meetings


def _refuse_v2_fields(objectives: list) -> None:
    """A version 1 document holds none of version 2's fields (nor its KR kinds)."""
    from store.model import THRESHOLDS, InvalidData

    objective_fields, kr_fields, item_fields = _V2_FIELDS
    for i, o in enumerate(objectives):
        if not isinstance(o, dict):
            continue  # Objective.from_dict says what is wrong with it
        for name in sorted(objective_fields & set(o)):
            raise InvalidData(f"objectives[{i}].{name}", Msg("not_in_v1"))
        krs = o.get("key_results")
        for j, kr in enumerate(krs if isinstance(krs, list) else []):
            if not isinstance(kr, dict):
                continue
            path = f"objectives[{i}].key_results[{j}]"
            for name in sorted(kr_fields & set(kr)):
                raise InvalidData(f"{path}.{name}", Msg("not_in_v1"))
            if kr.get("kind") in THRESHOLDS or ("start" in kr and kr["start"] is None):
                field = "kind" if kr.get("kind") in THRESHOLDS else "start"
                raise InvalidData(f"{path}.{field}", Msg("not_in_v1"))
            its = kr.get("items")
            for k, item in enumerate(its if isinstance(its, list) else []):
                if isinstance(item, dict):
                    for name in sorted(item_fields & set(item)):
                        raise InvalidData(f"{path}.items[{k}].{name}", Msg("not_in_v1"))


def current_week() -> str:
    return weeks.week_key(weeks.today())
