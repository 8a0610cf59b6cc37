"""The data layer's sentences, as keys and fields: English here, translated by the UI.

An error of the store (``StoreError``, ``InvalidData``) carries a :class:`Msg`: a key
of :data:`ENGLISH` and the fields that fill it. ``str(msg)`` (and so ``str(error)``) is
the English sentence, for logs and tests; ``tui.errors.sentence`` says the same in the
UI's language through ``tui/words/errors.py``, which has a Chinese text for every key
here (a test checks). A field may itself be a :class:`Msg` (a part of a sentence, such
as what to do about a full disk). Paths (``checkins[3].key_results[1].confidence``),
file names and commands are fields, never translated: they are names of the format.

Stdlib only, and small: ``okr due`` imports it from a shell prompt.
"""

from __future__ import annotations

from typing import Any

ENGLISH: dict[str, str] = {
    # -- a field that does not fit the model (InvalidData's reason) --------------------------
    "expected_object": "expected an object",
    "unknown_field": "unknown field",
    "missing_field": "missing field",
    "expected_text": "expected a text",
    "empty": "must not be empty",
    "too_long": "longer than {n} characters",
    "expected_number": "expected a number",
    "expected_number_or_null": "expected a number or null",
    "not_finite": "expected a finite number",
    "number_too_large": "number too large",
    "confidence": "expected an integer 0-10",
    "date": "expected a date YYYY-MM-DD",
    "week": "expected an ISO week like 2026-W41",
    "id": "expected an id (a short printable text)",
    "bool": "expected true or false",
    "list": "expected a list",
    "duplicate_item_id": "duplicate item id {id}",
    "duplicate_kr_id": "duplicate key result id {id}",
    "duplicate_objective_id": "duplicate objective id {id}",
    "kind": "expected number, percent, milestone, stay_below or stay_above",
    "milestone_start": "a milestone starts at 0",
    "milestone_target": "a milestone's target is 1",
    "threshold_start": "a level to hold has no start (null)",
    "target_equals_start": "must differ from start",
    "relative_kind": "only a number or percent KR has one",
    "relative_range": "expected a change above -1, not 0",
    "relative_target": "follows from the start: null while it is",
    "weight": "expected a number above 0",
    "grade": "expected a grade 0.0-1.0",
    "second_grade": "a second grade for {kr}",
    "end_before_start": "the period ends before it starts",
    "item_id_twice": "an item id is used twice",
    "unknown_objective": "unknown objective {id}",
    "unknown_kr": "unknown key result {id}",
    "unknown_item": "unknown item {id}",
    "links_loop": "the links go round in a loop",
    "status": "expected one of {statuses}",
    "milestone_value": "a milestone is 0 or 1",
    "week_outside_period": "{week} is not a week of this objective's period ({start} to {end})",
    # the store file's tables (store.integrity)
    "unknown_table": "a table okr-checkin does not know",
    "document_ids": "expected numeric document ids",
    "no_schema": "no okr-checkin schema version",
    "schema_newer": "schema {version}; this okr-checkin reads {reads}",
    # an export document (okr restore)
    "not_export": "expected a JSON object (an okr-checkin export)",
    "format_name": 'expected "{name}"',
    "unknown_version": "unknown version {version}; this okr-checkin reads 1 and 2",
    "second_checkin": "a second check-in for {week}",
    "not_in_v1": "not in version 1 (write version 2)",
    # -- a store file that cannot be used (StoreError) -----------------------------------------
    "not_a_directory": "{folder} is not a directory; use another --data directory.",
    "read_denied": (
        "{path} cannot be read (permission denied); "
        "fix its permissions or run with another --data directory."
    ),
    "is_a_directory": (
        "{path} is a directory, not a store file; move it away or use another --data directory."
    ),
    "cannot_read": "{path} cannot be read ({reason}).",
    "damaged": "{path} {what}; it was left untouched: {advice}.",
    "damaged.empty": "is empty",
    "damaged.not_json": "is not a valid okr-checkin store (not JSON, or cut short)",
    "damaged.shape": "is not a valid okr-checkin store (wrong shape)",
    "damaged.data": "holds data okr-checkin cannot read (at {where})",
    "damaged.no_schema": "has no okr-checkin schema version",
    "advice.backup": (
        "restore the newest backup with `okr restore {backup}` (`okr backups` lists them all)"
    ),
    "advice.own_copy": "restore it from your own copy with `okr restore FILE`",
    "advice.disk_full": "the disk is full: free some space and try again",
    "advice.not_writable": (
        "{folder} is not writable: fix its permissions or use another --data directory"
    ),
    "advice.check_disk": "check the disk and try again",
    "not_json_value": (
        "{path} was not saved: the data holds a value JSON cannot store "
        "(NaN, Infinity or an object); the file was left as it was."
    ),
    "not_saved": "{path} could not be saved ({reason}); the file was left as it was: {advice}.",
    "folder_not_writable": (
        "{folder} is not writable ({reason}); "
        "fix its permissions or run with another --data directory."
    ),
    "newer_schema": (
        "{path} was written by a newer okr-checkin (schema {version}, this one reads {reads}); "
        "upgrade okr-checkin to open it."
    ),
    "backup_failed": (
        "{path} was left as it was: its backup could not be written ({reason}); {advice}."
    ),
    "conflict.saved": (
        "the check-in of {week} was saved by another copy of okr-checkin since it was "
        "opened; yours was not saved, so neither is lost"
    ),
    "conflict.deleted": (
        "the check-in of {week} was deleted by another copy of okr-checkin since it was "
        "opened; yours was not saved, so neither is lost"
    ),
    # -- a number as typed (store.numbers.NumberError) ----------------------------------------
    "number.not_a_number": "{text} is not a number",
    "number.too_large": "{text} is too large (at most 10^15)",
    # okr archive (store.archive)
    "month": "expected a month YYYY-MM",
    "archive.draft_open": (
        "the check-in of {week} of “{title}” is a draft: finish or drop it before archiving "
        "its period; nothing was archived."
    ),
    "archive.exists": "{path} exists already; nothing was archived (name another file with -o).",
}


class Msg:
    """A sentence (or part of one) of the data layer: ``key`` of :data:`ENGLISH` and its
    fields; ``str()`` is the English text."""

    __slots__ = ("fields", "key")

    def __init__(self, key: str, **fields: Any) -> None:
        if key not in ENGLISH:
            raise KeyError(f"no store message {key!r}")
        self.key = key
        self.fields = fields

    def __str__(self) -> str:
        return ENGLISH[self.key].format(**{k: str(v) for k, v in self.fields.items()})

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.fields) == (other.key, other.fields)

    def __hash__(self) -> int:
        return hash(self.key)


def message_of(text: str) -> Msg | None:
    """The :class:`Msg` whose English is exactly ``text`` among those without fields (a
    reason raised as plain text by code that has no key of its own); None otherwise."""
    for key, english in ENGLISH.items():
        if english == text and "{" not in english:
            return Msg(key)
    return None
