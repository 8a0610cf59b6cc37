"""What a store file must hold, checked whenever the file is read from disk.

The storage (``store.storage``) knows JSON; this module knows the okr-checkin tables.
A file that fails these checks is refused, never overwritten (DamagedStoreError with
the field path, never the field's content: the message is about the file, not its
private notes). Also: reading a store file (a backup) as the parts ``okr restore``
writes.

store.model is imported by the checks that need it, not by this module: a read that the
storage's parse cache answers validates nothing and never imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.errors import Msg

if TYPE_CHECKING:
    from store.model import CheckIn, Meeting, Objective

TABLES = ("meta", "objectives", "checkins", "drafts", "meetings")


def schema_version(data: dict) -> int | None:
    """The schema version in ``meta``; None when there is none (or it is not an integer)."""
    meta = data.get("meta")
    if not isinstance(meta, dict):
        return None
    for doc in meta.values():
        if isinstance(doc, dict):
            version = doc.get("schema")
            if isinstance(version, int) and not isinstance(version, bool):
                return version
    return None


def check_tables(data: dict) -> None:
    """Only okr-checkin tables, each a TinyDB table: {"<int id>": {...}}."""
    for name, table in data.items():
        if name not in TABLES:
            _refuse("", Msg("unknown_table"))  # its name is theirs
        if not isinstance(table, dict):
            _refuse(name, Msg("expected_object"))
        for doc_id, doc in table.items():
            if not doc_id.isdigit():
                _refuse(name, Msg("document_ids"))
            if not isinstance(doc, dict):
                _refuse(f"{name}#{doc_id}", Msg("expected_object"))


def _refuse(path: str, reason) -> None:
    """Raise InvalidData (store.model is imported only then: a valid file's read does not
    need the model)."""
    from store.model import InvalidData

    raise InvalidData(path, reason)


def check_documents(data: dict) -> None:
    """Every objective, check-in, draft and meeting fits the model (InvalidData otherwise).

    store.quickcheck first: the same rules on the documents as they are, 10 times
    faster; only when it is not sure do the model's own checks run (and name the field).
    """
    from store import quickcheck

    if not quickcheck.check(data):
        check_with_model(data)


def check_with_model(data: dict) -> None:
    """:func:`check_documents` by the model's own checks (``from_dict`` of every document,
    ``check_links``): InvalidData names the first offending field."""
    from store.model import (
        CheckIn,
        InvalidData,
        Meeting,
        Objective,
        check_id,
        check_links,
        check_week,
    )

    table = data.get("objectives", {})
    ids = sorted(table, key=int)
    check_links([Objective.from_dict(table[k], f"objectives#{k}") for k in ids], "objectives")
    for doc_id, d in data.get("checkins", {}).items():
        CheckIn.from_dict(d, f"checkins#{doc_id}")
    for doc_id, d in data.get("meetings", {}).items():
        Meeting.from_dict(d, f"meetings#{doc_id}")
    for doc_id, d in data.get("drafts", {}).items():
        path = f"drafts#{doc_id}"
        check_id(d.get("objective"), f"{path}.objective")
        check_week(d.get("week"), f"{path}.week")
        if not isinstance(d.get("data"), dict):
            raise InvalidData(f"{path}.data", Msg("expected_object"))


def is_store_data(document: Any) -> bool:
    """Whether a JSON document is a store file (a backup) rather than an export document."""
    return (
        isinstance(document, dict)
        and "format" not in document
        and isinstance(document.get("meta"), dict)
    )


def store_parts(data: dict) -> tuple[list[Objective], list[CheckIn], list[Meeting], list[dict]]:
    """A store file (a backup) as (objectives, check-ins, meetings, drafts), validated.

    InvalidData names the first offending field.
    """
    from store.model import CheckIn, InvalidData, Meeting, Objective
    from store.repo import SCHEMA_VERSION, migrate

    check_tables(data)
    version = schema_version(data)
    if version is None:
        raise InvalidData("meta", Msg("no_schema"))
    if version > SCHEMA_VERSION:
        raise InvalidData("meta.schema", Msg("schema_newer", version=version, reads=SCHEMA_VERSION))
    data = migrate(data, version)
    check_documents(data)

    def docs(name: str) -> list[dict]:
        table = data.get(name, {})
        return [table[k] for k in sorted(table, key=int)]

    return (
        [Objective.from_dict(d) for d in docs("objectives")],
        [CheckIn.from_dict(d) for d in docs("checkins")],
        [Meeting.from_dict(d) for d in docs("meetings")],
        [dict(d) for d in docs("drafts")],
    )


def stamp(doc: dict | None) -> str | None:
    """A short hash of a stored document (a check-in): equal stamps, equal content."""
    if doc is None:
        return None
    import hashlib  # local: ``okr due`` never stamps
    import json

    text = json.dumps(dict(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
