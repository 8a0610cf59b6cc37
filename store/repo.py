"""The repository: objectives, check-ins, drafts and meetings in one TinyDB file.

Every public method that changes data is one store write (one transaction of
:class:`~store.storage.AtomicJSONStorage`). Reads come from the storage's
cache, re-read when the file changed on disk.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Table

from store import backups, weeks
from store.model import CheckIn, InvalidData, Meeting, Objective
from store.storage import AtomicJSONStorage, StoreError

SCHEMA_VERSION = 1
FILE_NAME = "okr.json"
APP_DIR_NAME = "okr-checkin"
FORMAT_NAME = "okr-checkin"
FORMAT_VERSION = 1


def default_data_dir() -> Path:
    """``OKR_DATA_DIR``, else the platform's user data dir."""
    env = os.environ.get("OKR_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


class Store:
    """All stored data of one data dir."""

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.path = self.data_dir / FILE_NAME
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self.storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        self._check_schema(self.storage.read())

    # -- plumbing ------------------------------------------------------------------------

    def _table(self, name: str) -> Table:
        # A fresh Table each time: TinyDB caches query results and the next doc id per
        # Table object, which goes stale when another process writes the file.
        return Table(self.storage, name, cache_size=0)

    def _check_schema(self, data: dict | None) -> None:
        if not data:
            return
        meta = list((data.get("meta") or {}).values())
        version = meta[0].get("schema") if meta and isinstance(meta[0], dict) else None
        if not isinstance(version, int):
            raise StoreError(
                f"{self.path} has no okr-checkin schema version; it was left untouched."
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer okr-checkin (schema {version}, this one "
                f"reads {SCHEMA_VERSION}); upgrade okr-checkin to open it."
            )

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction; it also stamps the schema version into ``meta``."""
        with self.storage.transaction() as data:
            self._check_schema(data)
            if not data.get("meta"):
                self._table("meta").insert({"schema": SCHEMA_VERSION})
            yield

    def changed_on_disk(self) -> bool:
        return self.storage.changed_on_disk()

    def close(self) -> None:
        self._db.close()

    # -- objectives ----------------------------------------------------------------------

    def objectives(self, include_archived: bool = False) -> list[Objective]:
        out = [Objective.from_dict(_strip(d), "objective") for d in self._table("objectives")]
        return [o for o in out if include_archived or not o.archived]

    def objective(self, objective_id: str) -> Objective | None:
        for d in self._table("objectives"):
            if d.get("id") == objective_id:
                return Objective.from_dict(_strip(d), "objective")
        return None

    def save_objective(self, objective: Objective) -> None:
        """Insert or replace one objective (its KRs and items with it)."""
        Objective.from_dict(objective.to_dict())  # validate before anything is written
        with self._write():
            self._table("objectives").upsert(objective.to_dict(), Query().id == objective.id)

    def save_objectives(self, objectives: Iterable[Objective]) -> None:
        """Insert or replace several objectives in one write (the import)."""
        objectives = list(objectives)
        for o in objectives:
            Objective.from_dict(o.to_dict())
        with self._write():
            table = self._table("objectives")
            for o in objectives:
                table.upsert(o.to_dict(), Query().id == o.id)

    def delete_objective(self, objective_id: str) -> None:
        """Remove an objective with its check-ins and drafts (one write)."""
        with self._write():
            self._table("objectives").remove(Query().id == objective_id)
            self._table("checkins").remove(Query().objective == objective_id)
            self._table("drafts").remove(Query().objective == objective_id)

    # -- check-ins -----------------------------------------------------------------------

    def checkins(self, objective_id: str | None = None) -> list[CheckIn]:
        """Saved check-ins, oldest week first."""
        out = [
            CheckIn.from_dict(_strip(d), "checkin")
            for d in self._table("checkins")
            if objective_id is None or d.get("objective") == objective_id
        ]
        out.sort(key=lambda c: (c.week, c.objective))
        return out

    def checkin(self, objective_id: str, week: str) -> CheckIn | None:
        for d in self._table("checkins"):
            if d.get("objective") == objective_id and d.get("week") == week:
                return CheckIn.from_dict(_strip(d), "checkin")
        return None

    def save_checkin(self, checkin: CheckIn, objective: Objective | None = None) -> None:
        """Save a week's check-in, and the objective if the check-in changed it
        (an E-item added or dropped), and drop the week's draft: one write."""
        CheckIn.from_dict(checkin.to_dict())
        if objective is not None:
            Objective.from_dict(objective.to_dict())
        with self._write():
            if objective is not None:
                self._table("objectives").upsert(objective.to_dict(), Query().id == objective.id)
            current = objective or self.objective(checkin.objective)
            if current is None:
                raise InvalidData("checkin.objective", f"unknown objective {checkin.objective!r}")
            checkin.check_against(current)
            q = (Query().objective == checkin.objective) & (Query().week == checkin.week)
            self._table("checkins").upsert(checkin.to_dict(), q)
            self._table("drafts").remove(q)

    def delete_checkin(self, objective_id: str, week: str) -> None:
        with self._write():
            q = (Query().objective == objective_id) & (Query().week == week)
            self._table("checkins").remove(q)

    # -- drafts (a half-typed check-in) ----------------------------------------------------

    def draft(self, objective_id: str, week: str) -> dict | None:
        for d in self._table("drafts"):
            if d.get("objective") == objective_id and d.get("week") == week:
                return d.get("data")
        return None

    def drafts(self) -> list[dict]:
        return [dict(d) for d in self._table("drafts")]

    def save_draft(self, objective_id: str, week: str, data: dict[str, Any]) -> None:
        with self._write():
            q = (Query().objective == objective_id) & (Query().week == week)
            doc = {"objective": objective_id, "week": week, "data": data}
            self._table("drafts").upsert(doc, q)

    def delete_draft(self, objective_id: str, week: str) -> None:
        with self._write():
            q = (Query().objective == objective_id) & (Query().week == week)
            self._table("drafts").remove(q)

    # -- meetings (one-on-ones) -------------------------------------------------------------

    def meetings(self) -> list[Meeting]:
        out = [Meeting.from_dict(_strip(d), "meeting") for d in self._table("meetings")]
        out.sort(key=lambda m: m.date)
        return out

    def add_meeting(self, meeting: Meeting) -> None:
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

        Returns the backup's path (None if there was no store yet). Raises InvalidData
        naming the first offending field; nothing is written then.
        """
        objectives, checkins, meetings = parse_document(document)
        backup = backups.make_backup(self.path, "restore")
        with self._write():
            for name in ("objectives", "checkins", "drafts", "meetings"):
                self._table(name).truncate()
            self._table("objectives").insert_multiple(o.to_dict() for o in objectives)
            self._table("checkins").insert_multiple(c.to_dict() for c in checkins)
            self._table("meetings").insert_multiple(m.to_dict() for m in meetings)
        return backup


def _strip(doc: dict) -> dict:
    """A TinyDB Document as a plain dict."""
    return dict(doc)


def parse_document(document: Any) -> tuple[list[Objective], list[CheckIn], list]:
    """Validate an export document completely; InvalidData names the first bad field."""
    if not isinstance(document, dict):
        raise InvalidData("", "expected a JSON object (an okr-checkin export)")
    if document.get("format") != FORMAT_NAME:
        raise InvalidData("format", f'expected "{FORMAT_NAME}"')
    version = document.get("version")
    if version != FORMAT_VERSION:
        raise InvalidData("version", f"unknown version {version!r}; this okr-checkin reads 1")
    extra = sorted(set(document) - {"format", "version", "objectives", "checkins", "meetings"})
    if extra:
        raise InvalidData(extra[0], "unknown field")

    def items(key: str) -> list:
        value = document.get(key, [])
        if not isinstance(value, list):
            raise InvalidData(key, "expected a list")
        return value

    objectives = [
        Objective.from_dict(d, f"objectives[{i}]") for i, d in enumerate(items("objectives"))
    ]
    by_id: dict[str, Objective] = {}
    for i, o in enumerate(objectives):
        if o.id in by_id:
            raise InvalidData(f"objectives[{i}].id", f"duplicate objective id {o.id!r}")
        by_id[o.id] = o
    checkins = [CheckIn.from_dict(d, f"checkins[{i}]") for i, d in enumerate(items("checkins"))]
    seen: set[tuple[str, str]] = set()
    for i, c in enumerate(checkins):
        path = f"checkins[{i}]"
        objective = by_id.get(c.objective)
        if objective is None:
            raise InvalidData(f"{path}.objective", f"unknown objective {c.objective!r}")
        if (c.objective, c.week) in seen:
            raise InvalidData(f"{path}.week", f"a second check-in for {c.week}")
        seen.add((c.objective, c.week))
        c.check_against(objective, path)
    meetings = [Meeting.from_dict(d, f"meetings[{i}]") for i, d in enumerate(items("meetings"))]
    return objectives, checkins, meetings


def current_week() -> str:
    return weeks.week_key(weeks.today())
