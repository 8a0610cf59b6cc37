"""``okr archive --before YYYY-MM``: old periods out of the store, into an export document.

The store is one JSON file, read and written whole by every save: past some size a save
costs more than a user should wait (README, Performance). Archiving moves the periods
that ended before a month into a file of their own, a normal export document (version
2, what ``okr export`` writes and ``okr restore`` reads), and leaves the store with the
rest. The rules, each a decision:

* Moved: every objective whose period ended before the first day of the month
  (archived or not, closed or not), with all of its check-ins; and the one-on-ones
  held before that day. Nothing else: an objective still running on that day stays
  with its whole history.
* Links: an objective (a KR, an E-item) kept that continues a moved one loses that
  link (``previous`` becomes null), as it would if that period had been deleted; the
  archive keeps every link between the periods it holds. So both files are whole:
  each restores, and the summary of every month that is left is what it was, byte for
  byte (a KR's weekly series in the JSON summary starts at the first period kept).
* A half-typed check-in (a draft) of an objective to move stops the archive: finish or
  drop it first (a draft is not part of an export document).
* Safety: the whole archive is checked as ``okr restore`` checks a document, then
  written (fsynced, 0600) before the store changes; the store is backed up (reason
  "archive") and changed in one write, all under the store's lock. A crash in between
  leaves the periods in both files, never in neither. An existing file is never
  overwritten.

The archive's own summaries: restore it into a data dir of its own (``okr --data DIR
restore FILE``), then ``okr --data DIR summary --month YYYY-MM`` of a month before the
cut says what the store said of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from store import weeks
from store.errors import Msg
from store.model import InvalidData, Objective
from store.repo import FORMAT_NAME, FORMAT_VERSION, Store, _query, parse_document
from store.storage import StoreError, dumps, write_file_atomic


class ArchiveError(StoreError):
    """An archive that cannot be made as asked; ``str()`` is one sentence."""


@dataclass
class Archived:
    """What an archive moved (or would move: ``dry_run``)."""

    path: Path
    before: str  # YYYY-MM
    objectives: int
    checkins: int
    meetings: int
    size_before: int  # the store file's size, bytes
    size_after: int


def default_path(store: Store, before: str) -> Path:
    """``<data dir>/archive/okr-before-YYYY-MM.json`` (private, beside the store)."""
    return store.data_dir / "archive" / f"okr-before-{before}.json"


def _cut(objective: Objective, gone: set[str]) -> Objective:
    """The objective without its ``previous`` links into ``gone`` objectives."""
    if objective.previous is None or objective.previous not in gone:
        return objective
    return replace(
        objective,
        previous=None,
        key_results=[
            replace(
                kr,
                previous=None,
                items=[replace(item, previous=None) for item in kr.items],
            )
            for kr in objective.key_results
        ],
    )


def archive(store: Store, before: str, path: Path | None = None, *, dry_run: bool = False):
    """Move the periods that ended before the month ``before`` (YYYY-MM) into the export
    document ``path`` (default: :func:`default_path`). Returns :class:`Archived`; None
    when nothing ended before that month. ArchiveError (nothing written) when ``path``
    exists or a draft of a period to move is open; InvalidData for a bad month."""
    try:
        first, _ = weeks.month_days(before)
    except ValueError:
        raise InvalidData("before", Msg("month")) from None
    cut = first.isoformat()
    path = path if path is not None else default_path(store, before)
    size_before = store.path.stat().st_size if store.path.exists() else 0
    with store._write():
        objectives = store.objectives(include_archived=True)
        moved = [o for o in objectives if o.end < cut]
        if not moved:
            return None
        gone = {o.id for o in moved}
        kept = [o for o in objectives if o.id not in gone]
        checkins = [c for c in store.checkins() if c.objective in gone]
        meetings = [m for m in store.meetings() if m.date < cut]
        drafts = [d for d in store.drafts() if d.get("objective") in gone]
        if drafts:
            title = next(o.title for o in moved if o.id == drafts[0]["objective"])
            raise ArchiveError(Msg("archive.draft_open", week=drafts[0]["week"], title=title))
        if not dry_run and path.exists():
            raise ArchiveError(Msg("archive.exists", path=path))
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "objectives": [_cut(o, {k.id for k in kept}).to_dict() for o in moved],
            "checkins": [c.to_dict() for c in checkins],
            "meetings": [m.to_dict() for m in meetings],
        }
        parse_document(document)  # the archive restores: checked as okr restore checks it
        result = Archived(path, before, len(moved), len(checkins), len(meetings), size_before, 0)
        if dry_run:
            raise _DryRun(result)
        if path.parent == default_path(store, before).parent:
            from store.storage import ensure_private_dir

            ensure_private_dir(path.parent)
        write_file_atomic(path, dumps(document))
        store._backup("archive")
        table = store._table("objectives")
        table.remove(_query().id.one_of(sorted(gone)))
        for o in kept:
            cut_o = _cut(o, gone)
            if cut_o is not o:
                table.upsert(cut_o.to_dict(), _query().id == o.id)
        store._table("checkins").remove(_query().objective.one_of(sorted(gone)))
        store._table("meetings").remove(_query().date < cut)
    result.size_after = store.path.stat().st_size
    return result


class _DryRun(Exception):
    def __init__(self, result: Archived) -> None:
        self.result = result


def plan(store: Store, before: str, path: Path | None = None) -> Archived | None:
    """What :func:`archive` would move (``--dry-run``): nothing is written."""
    try:
        return archive(store, before, path, dry_run=True)
    except _DryRun as done:  # raised inside the write: the transaction writes nothing
        return done.result
