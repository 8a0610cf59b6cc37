"""The quick, complete check of a store file's documents (store.integrity runs it first).

Validating five years of history through the model (``Objective.from_dict`` and
``CheckIn.from_dict`` of every document, each building the path of every field it
checks, and dataclasses to throw away) costs 30 to 60 ms, twice what parsing the file
costs. :func:`check` applies the very same rules to the parsed documents as they are,
without building anything: the same required and optional fields, types, bounds,
texts, ids, dates, weeks, kinds, statuses, KR and item ids unique, grades, and every
``previous`` link (``store.model.check_links``).

It is sound, never wrong the other way: True means every document fits the model as
``store.integrity.check_documents`` would find it; False (or any surprise) means "not
sure", and ``check_documents`` then runs the model's own checks, which accept the data
or name the first offending field. So a damaged or foreign file is refused exactly as
before, with the same message; a valid file just passes sooner. It is stricter than
the model in what JSON cannot hold anyway (exact ``str``/``int``/``float``/``dict``/
``list`` types, never a subclass). tests/test_quickcheck.py checks it against the model
on thousands of mutated documents, and that its constants are the model's.

As it walks every check-in it also makes equal short texts (ids, weeks, dates,
statuses, repeated notes) one object: the parse cache (``marshal``) then writes each
once and loads in half the time, and the data takes half the memory. (Equal texts are
equal: no reader can tell.)

Only the standard library and store.weeks (its own date and week parsing): a full read
imports no dataclasses.
"""

from __future__ import annotations

from math import isfinite

from store import weeks

# The model's constants (store.model; tests/test_quickcheck.py checks they are equal).
KINDS = ("number", "percent", "milestone", "stay_below", "stay_above")
THRESHOLDS = ("stay_below", "stay_above")
STATUSES = ("not_started", "on_track", "at_risk", "off_track", "done", "dropped")
MAX_TEXT = 100_000
MAX_UNIT = 40
MAX_ID = 64
MAX_NUMBER = 1e15
OBJECTIVE_KEYS = frozenset(
    ("id", "title", "owner", "start", "end", "archived", "key_results", "previous", "review")
)
KR_KEYS = frozenset(
    (
        "id",
        "title",
        "kind",
        "start",
        "target",
        "unit",
        "weight",
        "items",
        "relative",
        "previous",
    )
)
ITEM_KEYS = frozenset(("id", "title", "active", "added", "previous"))
REVIEW_KEYS = frozenset(("closed", "grades", "went_well", "went_badly", "learned"))
GRADE_KEYS = frozenset(("kr", "grade", "note"))
CHECKIN_KEYS = frozenset(("objective", "week", "date", "note", "key_results", "items"))
KR_CHECK_KEYS = frozenset(("kr", "value", "confidence", "note"))
ITEM_CHECK_KEYS = frozenset(("item", "status", "progress", "adjustment"))
MEETING_KEYS = frozenset(("date", "notes"))
SHARED_LEN = 64  # texts up to this length are made one object when equal

_STATUS = frozenset(STATUSES)
_KINDS = frozenset(KINDS)
_RELATIVE_KINDS = ("number", "percent")


class _Unsure(Exception):
    """Something the model might refuse: let it say."""


def check(data: dict) -> bool:
    """Whether every objective, check-in, meeting and draft of a store's data (its TinyDB
    tables, already through ``integrity.check_tables``) fits the model; False: not sure."""
    checker = _Checker()
    try:
        checker.objectives(data.get("objectives", {}))
        checker.checkins(data.get("checkins", {}))
        checker.meetings(data.get("meetings", {}))
        checker.drafts(data.get("drafts", {}))
    except (_Unsure, TypeError, ValueError, KeyError, AttributeError, RecursionError):
        return False
    return True


class _Checker:
    def __init__(self) -> None:
        self.memo: dict[str, str] = {}  # equal short texts -> one object
        self.ids: set[str] = set()  # texts known to be valid ids
        self.dates: set[str] = set()
        self.weeks: set[str] = set()

    # -- fields ----------------------------------------------------------------------------

    def id(self, value) -> str:
        if type(value) is str and value in self.ids:
            return value
        if (
            type(value) is not str
            or len(value) > MAX_ID
            or not value.strip()
            or not value.isprintable()
        ):
            raise _Unsure
        self.ids.add(value)
        return value

    def date(self, value) -> str:
        if type(value) is not str:
            raise _Unsure
        if value not in self.dates:
            weeks.parse_date(value)  # ValueError: unsure
            self.dates.add(value)
        return value

    def week(self, value) -> str:
        if type(value) is not str:
            raise _Unsure
        if value not in self.weeks:
            weeks.parse_week(value)
            self.weeks.add(value)
        return value

    def share(self, doc: dict, key: str) -> None:
        value = doc[key]
        if len(value) <= SHARED_LEN:
            doc[key] = self.memo.setdefault(value, value)

    # -- objectives ------------------------------------------------------------------------

    def objectives(self, table: dict) -> None:
        infos = [self.objective(table[k]) for k in sorted(table, key=int)]
        by_id = {info[0]: info for info in infos}
        for ident, previous, _, _, kr_links, item_links in infos:
            before = by_id.get(previous) if previous is not None else None
            if previous is not None and (before is None or previous == ident):
                raise _Unsure
            seen = {ident}
            step = before
            while step is not None:
                if step[0] in seen:
                    raise _Unsure
                seen.add(step[0])
                step = by_id.get(step[1]) if step[1] is not None else None
            for link in kr_links:
                if before is None or link not in before[2]:
                    raise _Unsure
            for link in item_links:
                if before is None or link not in before[3]:
                    raise _Unsure

    def objective(self, d) -> tuple:
        """(id, previous, KR ids, item ids, KRs' previous links, items' previous links)."""
        if type(d) is not dict or not d.keys() <= OBJECTIVE_KEYS:
            raise _Unsure
        owner = d.get("owner")
        if owner is not None:
            _text(owner)
        start, end = self.date(d["start"]), self.date(d["end"])
        if end < start:
            raise _Unsure
        krs = _list(d.get("key_results", []))
        kr_ids: set[str] = set()
        item_ids: set[str] = set()
        kr_links: list[str] = []
        item_links: list[str] = []
        for kr in krs:
            ident = self.key_result(kr, item_ids, item_links)
            if ident in kr_ids:
                raise _Unsure
            kr_ids.add(ident)
            if kr.get("previous") is not None:
                kr_links.append(kr["previous"])
        review = d.get("review")
        if review is not None:
            self.review(review, kr_ids)
        ident = self.id(d["id"])
        _required_text(d["title"])
        if type(d.get("archived", False)) is not bool:
            raise _Unsure
        previous = d.get("previous")
        if previous is not None:
            self.id(previous)
        return ident, previous, kr_ids, item_ids, kr_links, item_links

    def key_result(self, k, item_ids: set[str], item_links: list[str]) -> str:
        if type(k) is not dict or not k.keys() <= KR_KEYS:
            raise _Unsure
        kind = k["kind"]
        if type(kind) is not str or kind not in _KINDS:
            raise _Unsure
        start = _number(k.get("start", 0), none=True)
        target = _number(k["target"], none=True)
        relative = _number(k.get("relative"), none=True)
        if kind == "milestone":
            if start != 0 or target != 1:
                raise _Unsure
        elif kind in THRESHOLDS:
            if start is not None:
                raise _Unsure
        elif target is not None and start is not None and target == start:
            raise _Unsure
        if relative is not None and (
            kind not in _RELATIVE_KINDS
            or relative == 0
            or relative < -1
            or start is None
            and target is not None
        ):
            raise _Unsure
        weight = _number(k.get("weight", 1), none=False)
        if weight <= 0:
            raise _Unsure
        own: set[str] = set()
        for item in _list(k.get("items", [])):
            ident = self.item(item)
            if ident in own or ident in item_ids:
                raise _Unsure
            own.add(ident)
            item_ids.add(ident)
            if item.get("previous") is not None:
                item_links.append(item["previous"])
        ident = self.id(k["id"])
        _required_text(k["title"])
        unit = k.get("unit", "")
        if type(unit) is not str or len(unit) > MAX_UNIT:
            raise _Unsure
        previous = k.get("previous")
        if previous is not None:
            self.id(previous)
        return ident

    def item(self, i) -> str:
        if type(i) is not dict or not i.keys() <= ITEM_KEYS:
            raise _Unsure
        added = i.get("added")
        if added is not None:
            self.week(added)
        ident = self.id(i["id"])
        _required_text(i["title"])
        if type(i.get("active", True)) is not bool:
            raise _Unsure
        previous = i.get("previous")
        if previous is not None:
            self.id(previous)
        return ident

    def review(self, r, kr_ids: set[str]) -> None:
        if type(r) is not dict or not r.keys() <= REVIEW_KEYS:
            raise _Unsure
        graded: set[str] = set()
        for g in _list(r.get("grades", [])):
            if type(g) is not dict or not g.keys() <= GRADE_KEYS:
                raise _Unsure
            grade = _number(g["grade"], none=False)
            if not 0 <= grade <= 1:
                raise _Unsure
            kr = self.id(g["kr"])
            _text(g.get("note", ""))
            if kr in graded or kr not in kr_ids:
                raise _Unsure
            graded.add(kr)
        self.date(r["closed"])
        for name in ("went_well", "went_badly", "learned"):
            _text(r.get(name, ""))

    # -- check-ins, meetings, drafts ------------------------------------------------------------

    def checkins(self, table: dict) -> None:
        share = self.share
        for c in table.values():
            if type(c) is not dict or not c.keys() <= CHECKIN_KEYS:
                raise _Unsure
            for k in _list(c.get("key_results", [])):
                if type(k) is not dict or not k.keys() <= KR_CHECK_KEYS:
                    raise _Unsure
                self.id(k["kr"])
                share(k, "kr")
                _number(k.get("value"), none=True)
                confidence = k.get("confidence")
                if confidence is not None and (
                    type(confidence) is not int or not 0 <= confidence <= 10
                ):
                    raise _Unsure
                if "note" in k:
                    _text(k["note"])
                    share(k, "note")
            for i in _list(c.get("items", [])):
                if type(i) is not dict or not i.keys() <= ITEM_CHECK_KEYS:
                    raise _Unsure
                status = i.get("status", "not_started")
                if type(status) is not str or status not in _STATUS:
                    raise _Unsure
                self.id(i["item"])
                share(i, "item")
                if "status" in i:
                    share(i, "status")
                for name in ("progress", "adjustment"):
                    if name in i:
                        _text(i[name])
                        share(i, name)
            self.id(c["objective"])
            share(c, "objective")
            self.week(c["week"])
            share(c, "week")
            self.date(c["date"])
            share(c, "date")
            if "note" in c:
                _text(c["note"])
                share(c, "note")

    def meetings(self, table: dict) -> None:
        for m in table.values():
            if type(m) is not dict or not m.keys() <= MEETING_KEYS:
                raise _Unsure
            self.date(m["date"])
            _text(m.get("notes", ""))

    def drafts(self, table: dict) -> None:
        for d in table.values():
            self.id(d.get("objective"))
            self.week(d.get("week"))
            if type(d.get("data")) is not dict:
                raise _Unsure


def _text(value) -> None:
    if type(value) is not str or len(value) > MAX_TEXT:
        raise _Unsure


def _required_text(value) -> None:
    if type(value) is not str or len(value) > MAX_TEXT or not value.strip():
        raise _Unsure


def _number(value, *, none: bool):
    if value is None:
        if none:
            return None
        raise _Unsure
    kind = type(value)
    if kind is float:
        if not isfinite(value):
            raise _Unsure
    elif kind is not int:
        raise _Unsure
    if abs(value) > MAX_NUMBER:
        raise _Unsure
    return value


def _list(value) -> list:
    if type(value) is not list:
        raise _Unsure
    return value
