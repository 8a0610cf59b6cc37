"""The OKR model: plain dataclasses, their validation and the progress rules.

Every ``from_dict`` validates its whole input and raises :class:`InvalidData`
naming the path of the first offending field, e.g.
``checkins[3].key_results[1].confidence: expected an integer 0-10``.
The dict shape is the interchange format of DESIGN.md (version 2: version 1 plus
``previous`` links, an objective's ``review`` once closed, the threshold kinds
``stay_below`` / ``stay_above``, an unknown ``start`` and a ``relative`` change).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from store import weeks
from store.errors import Msg, message_of

KINDS = ("number", "percent", "milestone", "stay_below", "stay_above")
THRESHOLDS = ("stay_below", "stay_above")  # a level to hold: met or not, week by week
STATUSES = ("not_started", "on_track", "at_risk", "off_track", "done", "dropped")
MAX_TEXT = 100_000  # characters in one title or note; a bound, not a style rule


class InvalidData(ValueError):
    """A document or field that does not fit the model; ``str()`` names the field.

    ``reason`` is a :class:`store.errors.Msg` (a key and fields, which the UI says in its
    language) or, from code without a key of its own, a plain English text. ``path`` is
    the field (``checkins[3].key_results[1].confidence``); ``reason`` and ``message``
    keep the English text and the Msg."""

    def __init__(self, path: str, reason: str | Msg):
        self.path = path
        self.message: Msg | None = reason if isinstance(reason, Msg) else message_of(reason)
        self.reason = str(reason)
        super().__init__(f"{path}: {self.reason}" if path else self.reason)


def new_id(prefix: str) -> str:
    """A short random id; unique across processes, unlike TinyDB's max+1 doc ids."""
    import secrets  # local: only writers make ids (``okr due`` never does)

    return f"{prefix}-{secrets.token_hex(4)}"


# -- field checks ---------------------------------------------------------------------------


def _require(d: Any, path: str) -> dict:
    if not isinstance(d, dict):
        raise InvalidData(path, Msg("expected_object"))
    return d


def _known_keys(d: dict, path: str, allowed: set[str]) -> None:
    extra = sorted(set(d) - allowed)
    if extra:
        raise InvalidData(f"{path}.{extra[0]}" if path else extra[0], Msg("unknown_field"))


def _get(d: dict, key: str, path: str, default: Any = ...) -> Any:
    if key not in d:
        if default is not ...:
            return default
        raise InvalidData(_join(path, key), Msg("missing_field"))
    return d[key]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def check_text(value: Any, path: str, *, required: bool = False, max_len: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise InvalidData(path, Msg("expected_text"))
    if required and not value.strip():
        raise InvalidData(path, Msg("empty"))
    if len(value) > max_len:
        raise InvalidData(path, Msg("too_long", n=max_len))
    return value


def check_number(value: Any, path: str, *, allow_none: bool = False) -> float | int | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidData(path, Msg("expected_number_or_null" if allow_none else "expected_number"))
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidData(path, Msg("not_finite"))
    if abs(value) > 1e15:
        raise InvalidData(path, Msg("number_too_large"))
    return value


def check_confidence(value: Any, path: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise InvalidData(path, Msg("confidence"))
    return value


def check_date(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidData(path, Msg("date"))
    try:
        weeks.parse_date(value)
    except ValueError:
        raise InvalidData(path, Msg("date")) from None
    return value


def check_week(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidData(path, Msg("week"))
    try:
        weeks.parse_week(value)
    except ValueError:
        raise InvalidData(path, Msg("week")) from None
    return value


def check_id(value: Any, path: str) -> str:
    """Ids are short printable texts (they are shown raw, e.g. by ``okr list``)."""
    if (
        not isinstance(value, str)
        or not value.strip()
        or len(value) > 64
        or not value.isprintable()
    ):
        raise InvalidData(path, Msg("id"))
    return value


def check_bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidData(path, Msg("bool"))
    return value


def _list(value: Any, path: str) -> list:
    if not isinstance(value, list):
        raise InvalidData(path, Msg("list"))
    return value


def _unique(ids: list[str], path: str, what: str) -> None:
    """``what``: ``item`` or ``kr`` (the key of the duplicate's message)."""
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            raise InvalidData(f"{path}[{i}].id", Msg(f"duplicate_{what}_id", id=repr(ident)))
        seen.add(ident)


# -- the OKR tree ------------------------------------------------------------------------------


@dataclass
class Item:
    """An E-item (execution item): a concrete plan that should move its KR."""

    id: str
    title: str
    active: bool = True
    added: str | None = None  # ISO week the item was added, e.g. "2026-W40"
    previous: str | None = None  # the item of the previous period it continues

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "active": self.active,
            "added": self.added,
            "previous": self.previous,
        }

    @classmethod
    def from_dict(cls, d: Any, path: str = "item") -> Item:
        d = _require(d, path)
        _known_keys(d, path, {"id", "title", "active", "added", "previous"})
        added = _get(d, "added", path, None)
        return cls(
            id=check_id(_get(d, "id", path), _join(path, "id")),
            title=check_text(_get(d, "title", path), _join(path, "title"), required=True),
            active=check_bool(_get(d, "active", path, True), _join(path, "active")),
            added=None if added is None else check_week(added, _join(path, "added")),
            previous=_link(d, path),
        )


@dataclass
class KeyResult:
    """A key result and how it is measured.

    ``kind``: ``number`` / ``percent`` move from ``start`` to ``target`` (either may be
    unknown, None: the app asks, never invents one); ``milestone`` is 0 -> 1;
    ``stay_below`` / ``stay_above`` hold a level (``target`` is the level, ``start`` is
    None): met or not each week. ``relative``: a change written relative to the start
    ("reduce by 25%": -0.25, "double": 1.0); while the start is unknown the target is
    too, and once the start is known the target is ``start * (1 + relative)``.
    """

    id: str
    title: str
    kind: str = "milestone"  # one of KINDS
    start: float | None = 0  # None: unknown yet (or a threshold, which has none)
    target: float | None = 1  # None: unknown yet (the seed writes "XX")
    unit: str = ""
    weight: float = 1
    items: list[Item] = field(default_factory=list)
    relative: float | None = None
    previous: str | None = None  # the KR of the previous period it continues

    @property
    def decreasing(self) -> bool:
        return self.target is not None and self.start is not None and self.target < self.start

    @property
    def threshold(self) -> bool:
        return self.kind in THRESHOLDS

    @property
    def measurable(self) -> bool:
        """Whether a value can be scored: the start and target (or the level) are known."""
        if self.kind == "milestone":
            return True
        if self.threshold:
            return self.target is not None
        return self.start is not None and self.target is not None

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "start": self.start,
            "target": self.target,
            "unit": self.unit,
            "weight": self.weight,
            "relative": self.relative,
            "previous": self.previous,
            "items": [i.to_dict() for i in self.items],
        }

    @classmethod
    def from_dict(cls, d: Any, path: str = "key_result") -> KeyResult:
        d = _require(d, path)
        _known_keys(d, path, _KR_KEYS)
        kind = _get(d, "kind", path)
        if kind not in KINDS:
            raise InvalidData(
                _join(path, "kind"),
                Msg("kind"),
            )
        start_path, target_path = _join(path, "start"), _join(path, "target")
        start = check_number(_get(d, "start", path, 0), start_path, allow_none=True)
        target = check_number(_get(d, "target", path), target_path, allow_none=True)
        relative = check_number(
            _get(d, "relative", path, None), _join(path, "relative"), allow_none=True
        )
        if kind == "milestone":
            if start != 0:
                raise InvalidData(start_path, Msg("milestone_start"))
            if target != 1:
                raise InvalidData(target_path, Msg("milestone_target"))
        elif kind in THRESHOLDS:
            if start is not None:
                raise InvalidData(start_path, Msg("threshold_start"))
        elif target is not None and start is not None and target == start:
            raise InvalidData(target_path, Msg("target_equals_start"))
        if relative is not None:
            if kind not in ("number", "percent"):
                raise InvalidData(_join(path, "relative"), Msg("relative_kind"))
            if relative == 0 or relative < -1:
                raise InvalidData(_join(path, "relative"), Msg("relative_range"))
            if start is None and target is not None:
                raise InvalidData(target_path, Msg("relative_target"))
        weight = check_number(_get(d, "weight", path, 1), _join(path, "weight"))
        if weight <= 0:
            raise InvalidData(_join(path, "weight"), Msg("weight"))
        items_path = _join(path, "items")
        items = [
            Item.from_dict(x, f"{items_path}[{i}]")
            for i, x in enumerate(_list(_get(d, "items", path, []), items_path))
        ]
        _unique([i.id for i in items], items_path, "item")
        return cls(
            id=check_id(_get(d, "id", path), _join(path, "id")),
            title=check_text(_get(d, "title", path), _join(path, "title"), required=True),
            kind=kind,
            start=start,
            target=target,
            unit=check_text(_get(d, "unit", path, ""), _join(path, "unit"), max_len=40),
            weight=weight,
            items=items,
            relative=relative,
            previous=_link(d, path),
        )


_KR_KEYS = {
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
}


def _link(d: dict, path: str) -> str | None:
    """The optional ``previous`` link of an objective, KR or item (an id, or null)."""
    value = _get(d, "previous", path, None)
    return None if value is None else check_id(value, _join(path, "previous"))


@dataclass
class Grade:
    """The lead's grade of one KR at the close of a period: 0.0-1.0 and why."""

    kr: str
    grade: float
    note: str = ""

    def to_dict(self) -> dict:
        return {"kr": self.kr, "grade": self.grade, "note": self.note}

    @classmethod
    def from_dict(cls, d: Any, path: str = "grade") -> Grade:
        d = _require(d, path)
        _known_keys(d, path, {"kr", "grade", "note"})
        grade = check_number(_get(d, "grade", path), _join(path, "grade"))
        if not 0 <= grade <= 1:
            raise InvalidData(_join(path, "grade"), Msg("grade"))
        return cls(
            kr=check_id(_get(d, "kr", path), _join(path, "kr")),
            grade=grade,
            note=check_text(_get(d, "note", path, ""), _join(path, "note")),
        )


@dataclass
class Review:
    """What closing a period kept: the grades and the retrospective. Scores and the
    confidence calibration are computed from the check-ins, never stored."""

    closed: str  # YYYY-MM-DD, the day it was closed
    grades: list[Grade] = field(default_factory=list)
    went_well: str = ""
    went_badly: str = ""
    learned: str = ""

    def grade(self, kr_id: str) -> Grade | None:
        return next((g for g in self.grades if g.kr == kr_id), None)

    def to_dict(self) -> dict:
        return {
            "closed": self.closed,
            "grades": [g.to_dict() for g in self.grades],
            "went_well": self.went_well,
            "went_badly": self.went_badly,
            "learned": self.learned,
        }

    @classmethod
    def from_dict(cls, d: Any, path: str = "review") -> Review:
        d = _require(d, path)
        _known_keys(d, path, {"closed", "grades", "went_well", "went_badly", "learned"})
        grades_path = _join(path, "grades")
        grades = [
            Grade.from_dict(x, f"{grades_path}[{i}]")
            for i, x in enumerate(_list(_get(d, "grades", path, []), grades_path))
        ]
        seen: set[str] = set()
        for i, g in enumerate(grades):
            if g.kr in seen:
                raise InvalidData(f"{grades_path}[{i}].kr", Msg("second_grade", kr=repr(g.kr)))
            seen.add(g.kr)
        return cls(
            closed=check_date(_get(d, "closed", path), _join(path, "closed")),
            grades=grades,
            went_well=check_text(_get(d, "went_well", path, ""), _join(path, "went_well")),
            went_badly=check_text(_get(d, "went_badly", path, ""), _join(path, "went_badly")),
            learned=check_text(_get(d, "learned", path, ""), _join(path, "learned")),
        )

    @classmethod
    def from_valid(cls, d: dict) -> Review:
        return cls(
            d["closed"],
            [Grade(g["kr"], g["grade"], g.get("note", "")) for g in d.get("grades", ())],
            d.get("went_well", ""),
            d.get("went_badly", ""),
            d.get("learned", ""),
        )


@dataclass
class Objective:
    id: str
    title: str
    start: str  # YYYY-MM-DD, first day of the period
    end: str  # YYYY-MM-DD, last day of the period
    owner: str | None = None
    archived: bool = False
    key_results: list[KeyResult] = field(default_factory=list)
    previous: str | None = None  # the objective of the period this one continues
    review: Review | None = None  # set when the period is closed

    @property
    def closed(self) -> bool:
        return self.review is not None

    def kr(self, kr_id: str) -> KeyResult | None:
        return next((k for k in self.key_results if k.id == kr_id), None)

    def find_item(self, item_id: str) -> tuple[KeyResult, Item] | None:
        for kr in self.key_results:
            item = kr.item(item_id)
            if item is not None:
                return kr, item
        return None

    def owns(self, week: str) -> bool:
        """Whether ``week`` belongs to this objective's period (its Thursday is in it)."""
        return weeks.in_period(week, self.start, self.end)

    def is_due(self, week: str) -> bool:
        """Whether a check-in is asked for ``week`` (see :func:`store.weeks.is_due`)."""
        return weeks.is_due(week, self.start, self.end, archived=self.archived, closed=self.closed)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "owner": self.owner,
            "start": self.start,
            "end": self.end,
            "archived": self.archived,
            "previous": self.previous,
            "review": None if self.review is None else self.review.to_dict(),
            "key_results": [k.to_dict() for k in self.key_results],
        }

    @classmethod
    def from_dict(cls, d: Any, path: str = "objective") -> Objective:
        d = _require(d, path)
        _known_keys(d, path, _OBJECTIVE_KEYS)
        owner = _get(d, "owner", path, None)
        start = check_date(_get(d, "start", path), _join(path, "start"))
        end = check_date(_get(d, "end", path), _join(path, "end"))
        if end < start:
            raise InvalidData(_join(path, "end"), Msg("end_before_start"))
        krs_path = _join(path, "key_results")
        krs = [
            KeyResult.from_dict(x, f"{krs_path}[{i}]")
            for i, x in enumerate(_list(_get(d, "key_results", path, []), krs_path))
        ]
        _unique([k.id for k in krs], krs_path, "kr")
        item_ids = [i.id for k in krs for i in k.items]
        if len(set(item_ids)) != len(item_ids):
            raise InvalidData(krs_path, Msg("item_id_twice"))
        review_doc = _get(d, "review", path, None)
        review = None if review_doc is None else Review.from_dict(review_doc, _join(path, "review"))
        if review is not None:
            kr_ids = {k.id for k in krs}
            for i, g in enumerate(review.grades):
                if g.kr not in kr_ids:
                    raise InvalidData(
                        f"{_join(path, 'review')}.grades[{i}].kr", Msg("unknown_kr", id=repr(g.kr))
                    )
        return cls(
            id=check_id(_get(d, "id", path), _join(path, "id")),
            title=check_text(_get(d, "title", path), _join(path, "title"), required=True),
            owner=None if owner is None else check_text(owner, _join(path, "owner")),
            start=start,
            end=end,
            archived=check_bool(_get(d, "archived", path, False), _join(path, "archived")),
            key_results=krs,
            previous=_link(d, path),
            review=review,
        )

    @classmethod
    def from_valid(cls, d: dict) -> Objective:
        """An objective from a dict that already passed :meth:`from_dict`'s checks (one of
        a validated store file): the same objective, five times faster, nothing checked."""
        review = d.get("review")
        return cls(
            id=d["id"],
            title=d["title"],
            owner=d.get("owner"),
            start=d["start"],
            end=d["end"],
            archived=d.get("archived", False),
            previous=d.get("previous"),
            review=None if review is None else Review.from_valid(review),
            key_results=[
                KeyResult(
                    id=k["id"],
                    title=k["title"],
                    kind=k["kind"],
                    start=k.get("start", 0),
                    target=k["target"],
                    unit=k.get("unit", ""),
                    weight=k.get("weight", 1),
                    relative=k.get("relative"),
                    previous=k.get("previous"),
                    items=[
                        Item(
                            i["id"],
                            i["title"],
                            i.get("active", True),
                            i.get("added"),
                            i.get("previous"),
                        )
                        for i in k.get("items", ())
                    ],
                )
                for k in d.get("key_results", ())
            ],
        )


_OBJECTIVE_KEYS = {
    "id",
    "title",
    "owner",
    "start",
    "end",
    "archived",
    "key_results",
    "previous",
    "review",
}


def check_links(objectives: list[Objective], path: str = "objectives") -> None:
    """Every ``previous`` link names something that exists: an objective's another
    objective (not itself, no loop); a KR's a KR of the objective its objective
    continues; an item's an item of that objective. InvalidData names the first
    link that does not (``objectives[2].key_results[0].previous``)."""
    by_id = {o.id: o for o in objectives}
    for i, o in enumerate(objectives):
        here = f"{path}[{i}]"
        before = by_id.get(o.previous) if o.previous is not None else None
        if o.previous is not None and (before is None or o.previous == o.id):
            raise InvalidData(f"{here}.previous", Msg("unknown_objective", id=repr(o.previous)))
        seen = {o.id}
        step = before
        while step is not None:
            if step.id in seen:
                raise InvalidData(f"{here}.previous", Msg("links_loop"))
            seen.add(step.id)
            step = by_id.get(step.previous) if step.previous is not None else None
        for j, kr in enumerate(o.key_results):
            kr_path = f"{here}.key_results[{j}]"
            if kr.previous is not None and (before is None or before.kr(kr.previous) is None):
                raise InvalidData(f"{kr_path}.previous", Msg("unknown_kr", id=repr(kr.previous)))
            for k, item in enumerate(kr.items):
                if item.previous is not None and (
                    before is None or before.find_item(item.previous) is None
                ):
                    raise InvalidData(
                        f"{kr_path}.items[{k}].previous",
                        Msg("unknown_item", id=repr(item.previous)),
                    )


def overlaps(objective: Objective, first: date, last: date) -> bool:
    """Whether the objective's period shares a day with ``first``..``last``."""
    return weeks.parse_date(objective.start) <= last and weeks.parse_date(objective.end) >= first


# -- check-ins -----------------------------------------------------------------------------------


@dataclass
class KRCheck:
    kr: str
    value: float | None = None  # None: not measured this week
    confidence: int | None = None  # 0-10
    note: str = ""

    def to_dict(self) -> dict:
        return {
            "kr": self.kr,
            "value": self.value,
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: Any, path: str = "key_result") -> KRCheck:
        d = _require(d, path)
        _known_keys(d, path, {"kr", "value", "confidence", "note"})
        return cls(
            kr=check_id(_get(d, "kr", path), _join(path, "kr")),
            value=check_number(_get(d, "value", path, None), _join(path, "value"), allow_none=True),
            confidence=check_confidence(
                _get(d, "confidence", path, None), _join(path, "confidence")
            ),
            note=check_text(_get(d, "note", path, ""), _join(path, "note")),
        )


@dataclass
class ItemCheck:
    item: str
    status: str = "not_started"
    progress: str = ""  # what happened
    adjustment: str = ""  # what changes

    def to_dict(self) -> dict:
        return {
            "item": self.item,
            "status": self.status,
            "progress": self.progress,
            "adjustment": self.adjustment,
        }

    @classmethod
    def from_dict(cls, d: Any, path: str = "item") -> ItemCheck:
        d = _require(d, path)
        _known_keys(d, path, {"item", "status", "progress", "adjustment"})
        status = _get(d, "status", path, "not_started")
        if status not in STATUSES:
            raise InvalidData(_join(path, "status"), Msg("status", statuses=", ".join(STATUSES)))
        return cls(
            item=check_id(_get(d, "item", path), _join(path, "item")),
            status=status,
            progress=check_text(_get(d, "progress", path, ""), _join(path, "progress")),
            adjustment=check_text(_get(d, "adjustment", path, ""), _join(path, "adjustment")),
        )


@dataclass
class CheckIn:
    """One objective's check-in for one ISO week."""

    objective: str
    week: str  # "2026-W41"
    date: str  # the day it was made, YYYY-MM-DD
    note: str = ""  # wins, problems, asks for the manager
    key_results: list[KRCheck] = field(default_factory=list)
    items: list[ItemCheck] = field(default_factory=list)

    def kr(self, kr_id: str) -> KRCheck | None:
        return next((k for k in self.key_results if k.kr == kr_id), None)

    def item(self, item_id: str) -> ItemCheck | None:
        return next((i for i in self.items if i.item == item_id), None)

    def to_dict(self) -> dict:
        return {
            "objective": self.objective,
            "week": self.week,
            "date": self.date,
            "note": self.note,
            "key_results": [k.to_dict() for k in self.key_results],
            "items": [i.to_dict() for i in self.items],
        }

    @classmethod
    def from_dict(cls, d: Any, path: str = "checkin") -> CheckIn:
        d = _require(d, path)
        _known_keys(d, path, {"objective", "week", "date", "note", "key_results", "items"})
        krs_path, items_path = _join(path, "key_results"), _join(path, "items")
        krs = [
            KRCheck.from_dict(x, f"{krs_path}[{i}]")
            for i, x in enumerate(_list(_get(d, "key_results", path, []), krs_path))
        ]
        items = [
            ItemCheck.from_dict(x, f"{items_path}[{i}]")
            for i, x in enumerate(_list(_get(d, "items", path, []), items_path))
        ]
        return cls(
            objective=check_id(_get(d, "objective", path), _join(path, "objective")),
            week=check_week(_get(d, "week", path), _join(path, "week")),
            date=check_date(_get(d, "date", path), _join(path, "date")),
            note=check_text(_get(d, "note", path, ""), _join(path, "note")),
            key_results=krs,
            items=items,
        )

    @classmethod
    def from_valid(cls, d: dict) -> CheckIn:
        """A check-in from a dict that already passed :meth:`from_dict`'s checks (one of a
        validated store file): the same check-in, five times faster, nothing checked."""
        return cls(
            objective=d["objective"],
            week=d["week"],
            date=d["date"],
            note=d.get("note", ""),
            key_results=[
                KRCheck(k["kr"], k.get("value"), k.get("confidence"), k.get("note", ""))
                for k in d.get("key_results", ())
            ],
            items=[
                ItemCheck(
                    i["item"],
                    i.get("status", "not_started"),
                    i.get("progress", ""),
                    i.get("adjustment", ""),
                )
                for i in d.get("items", ())
            ],
        )

    def check_against(self, objective: Objective, path: str = "checkin") -> None:
        """Refuse values that reference unknown KRs/items or do not fit their KR."""
        for i, k in enumerate(self.key_results):
            kr = objective.kr(k.kr)
            if kr is None:
                raise InvalidData(f"{path}.key_results[{i}].kr", Msg("unknown_kr", id=repr(k.kr)))
            if kr.kind == "milestone" and k.value not in (None, 0, 1):
                raise InvalidData(f"{path}.key_results[{i}].value", Msg("milestone_value"))
        for i, it in enumerate(self.items):
            if objective.find_item(it.item) is None:
                raise InvalidData(f"{path}.items[{i}].item", Msg("unknown_item", id=repr(it.item)))


@dataclass
class Meeting:
    """A one-on-one with the manager that happened."""

    date: str
    notes: str = ""

    def to_dict(self) -> dict:
        return {"date": self.date, "notes": self.notes}

    @classmethod
    def from_dict(cls, d: Any, path: str = "meeting") -> Meeting:
        d = _require(d, path)
        _known_keys(d, path, {"date", "notes"})
        return cls(
            date=check_date(_get(d, "date", path), _join(path, "date")),
            notes=check_text(_get(d, "notes", path, ""), _join(path, "notes")),
        )


# -- progress ----------------------------------------------------------------------------------


def progress(kr: KeyResult, value: float | None) -> float | None:
    """(value - start) / (target - start), uncapped; None when there is nothing to measure.

    None means "no progress yet": no value, or a start or target still unknown. A milestone
    is 0 or 1, and so is a level to hold (1 when the value holds it). Decreasing KRs
    (start > target) work by the same formula.
    """
    if value is None:
        return None
    if kr.kind == "milestone":
        return 1.0 if value >= 1 else 0.0
    if kr.kind in THRESHOLDS:
        ok = held(kr, value)
        return None if ok is None else float(ok)
    if kr.target is None or kr.start is None or kr.target == kr.start:
        return None
    return (value - kr.start) / (kr.target - kr.start)


def held(kr: KeyResult, value: float | None) -> bool | None:
    """Whether a value holds a threshold KR's level (at or below / at or above it);
    None without a value or a level."""
    if value is None or kr.target is None:
        return None
    return value <= kr.target if kr.kind == "stay_below" else value >= kr.target


def score(kr: KeyResult, value: float | None) -> float | None:
    """Progress capped to 0..1 for scoring."""
    p = progress(kr, value)
    return None if p is None else min(1.0, max(0.0, p))


def objective_score(objective: Objective, values: dict[str, float | None]) -> float | None:
    """Weight-averaged KR scores over the KRs that can be scored (see
    :func:`unscored`); a KR without a value yet counts 0. None when no KR can be scored.

    A KR whose start or target is still unknown is left out of the average rather than
    counted as 0: screens and reports say so beside the score."""
    krs = [k for k in objective.key_results if k.measurable]
    total = sum(k.weight for k in krs)
    if not krs or total <= 0:
        return None
    return sum(k.weight * (score(k, values.get(k.id)) or 0.0) for k in krs) / total


def unscored(objective: Objective) -> list[KeyResult]:
    """The KRs left out of the objective's score: a start or target still unknown."""
    return [k for k in objective.key_results if not k.measurable]


def expected_progress(objective: Objective, on: str) -> float:
    """Where a linear path from period start to end should be on date ``on`` (0..1)."""
    start, end, day = (weeks.parse_date(x) for x in (objective.start, objective.end, on))
    span = (end - start).days + 1
    done = (day - start).days + 1
    return min(1.0, max(0.0, done / span))
