"""The check-in form without the UI: its state, defaults, drafts and the CheckIn it makes.

Plain functions over the store's dataclasses; no Textual here, so the rules are
unit-tested directly (tests/test_checkin.py). The form keeps what the user typed
as text (a half-typed "2x" survives in a draft); :func:`problems` says which
fields do not parse, and :func:`build_checkin` turns a valid form into a
:class:`~store.model.CheckIn`.

Defaults, in order of precedence: a draft of this week (newer than anything
saved, since saving deletes it), else the saved check-in of this week, else the
last check-in before this week carried forward (values, confidences, statuses;
notes, progress and adjustments start empty).

A KR whose start or target is unknown (the seed's "XX") is asked for it in the
check-in (:func:`asks_start`, :func:`asks_target`); what is typed there lands on the
KR through :func:`updated_objective`, in the check-in's one store write. A KR with a
``relative`` change gets its target from the start (:func:`relative_target`).

When two copies of the app saved the same week, :func:`differences` lists the
values, confidences and statuses on which they disagree and :func:`settle` makes the
check-in of the user's picks (notes of both kept, as :func:`merge_conflict` does).
"""

from __future__ import annotations

import copy
import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from store import weeks
from store.model import STATUSES, CheckIn, Item, ItemCheck, KeyResult, KRCheck, Objective
from store.model import expected_progress as _expected_progress

DRAFT_VERSION = 1


@dataclass
class KRFields:
    value: str = ""  # as typed; a milestone holds "1" (done) or "0"
    confidence: str = ""
    note: str = ""
    start: str = ""  # asked only while the KR's start is unknown (asks_start)
    target: str = ""  # asked only while the KR's target / level is unknown (asks_target)


@dataclass
class ItemFields:
    status: str = "not_started"
    progress: str = ""  # what happened
    adjustment: str = ""  # what we adjust


@dataclass
class NewItem:
    """An E-item added during the check-in; it joins its KR when the check-in is saved."""

    id: str
    kr: str
    title: str


@dataclass
class Form:
    krs: dict[str, KRFields] = field(default_factory=dict)
    items: dict[str, ItemFields] = field(default_factory=dict)
    added: list[NewItem] = field(default_factory=list)
    note: str = ""
    page: str | None = None  # the page the user was on (drafts resume there)

    def to_draft(self, at: float | None = None) -> dict:
        """The form as a draft (JSON-able). ``at``: when it was taken (seconds since the
        epoch), so that a draft and a rescue file of the same week can be told apart by age."""
        return {
            "version": DRAFT_VERSION,
            "at": at,
            "krs": {k: vars(v).copy() for k, v in self.krs.items()},
            "items": {k: vars(v).copy() for k, v in self.items.items()},
            "added": [vars(a).copy() for a in self.added],
            "note": self.note,
            "page": self.page,
        }


# -- numbers as people type them ----------------------------------------------------------------


def parse_number(text: str) -> float | int | None:
    """A number as typed: ``store.numbers.parse_number``, the one parser (``21``, ``1,500``,
    ``2.5k``, ``10w`` / ``10万``, ``十万``, ``45%``, full-width digits). None for an empty
    field; ``store.numbers.NumberError`` (a ValueError whose ``reason`` is
    ``not_a_number`` or ``too_large``) when it is not one."""
    from store.numbers import parse_number as read_number

    return read_number(text)


def parse_confidence(text: str) -> int | None:
    """An integer 0-10, None when empty; ValueError otherwise."""
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    if not re.fullmatch(r"\d{1,2}", s) or int(s) > 10:
        raise ValueError(text)
    return int(s)


def show_number(value: float | int | None) -> str:
    """The text a number is typed back as (``21``, ``2.5``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, int) else f"{value:.9g}"


# -- what the form shows -------------------------------------------------------------------------


def last_checkin(checkins: list[CheckIn], week: str) -> CheckIn | None:
    """The latest saved check-in of a week before ``week``."""
    earlier = [c for c in checkins if c.week < week]
    return max(earlier, key=lambda c: c.week) if earlier else None


def week_before(store, objective_id: str, week: str) -> CheckIn | None:
    """The check-in a week's form starts from (carried values and statuses, "you planned:
    ..."): the latest saved week before it; for the first week of a period that continues
    another, the E-items carried from that period (``store.cycle.previous_period_checkin``).
    The check-in screen and ``okr checkin --editor`` both start here."""
    last = last_checkin(store.checkins(objective_id), week)
    if last is not None:
        return last
    from store.cycle import previous_period_checkin

    return previous_period_checkin(
        store.objectives(include_archived=True), store.checkins(), objective_id, week
    )


def checkin_date(week: str, today: date) -> str:
    """The date a check-in of ``week`` carries: today in its own week, else its Monday."""
    if weeks.week_key(today) == week:
        return today.isoformat()
    return weeks.week_monday(week).isoformat()


def shown_items(
    kr: KeyResult, week: str, saved: CheckIn | None, form: Form | None = None
) -> list[Item]:
    """The E-items a check-in of ``week`` walks, in order: the KR's items that existed that
    week and are active (or that this week's saved check-in speaks of), then the items
    added in this check-in."""
    out = []
    for item in kr.items:
        if item.added is not None and item.added > week:
            continue
        if item.active or (saved is not None and saved.item(item.id) is not None):
            out.append(item)
    if form is not None:
        out += [Item(a.id, a.title, True, week) for a in form.added if a.kr == kr.id]
    return out


def pages(objective: Objective, week: str, saved: CheckIn | None, form: Form) -> list[str]:
    """Page keys in reading order: ``kr:ID``, its ``item:ID`` pages, ..., ``note``, ``review``."""
    out = []
    for kr in objective.key_results:
        out.append(f"kr:{kr.id}")
        out += [f"item:{i.id}" for i in shown_items(kr, week, saved, form)]
    return out + ["note", "review"]


def defaults(objective: Objective, week: str, saved: CheckIn | None, last: CheckIn | None) -> Form:
    """The form before anything is typed: the saved week, else last week carried forward."""
    form = Form()
    source = saved or last
    for kr in objective.key_results:
        k = source.kr(kr.id) if source else None
        value = k.value if k else None
        milestone = "1" if (value or 0) >= 1 else "0"
        text = milestone if kr.kind == "milestone" else show_number(value)
        form.krs[kr.id] = KRFields(
            value=text,
            confidence=show_number(k.confidence) if k and k.confidence is not None else "",
            note=k.note if saved and k else "",
        )
        for item in shown_items(kr, week, saved):
            i = source.item(item.id) if source else None
            status = i.status if i else "not_started"
            if saved is None and status == "dropped":  # dropped last week, active again
                status = "not_started"
            form.items[item.id] = ItemFields(
                status=status,
                progress=i.progress if saved and i else "",
                adjustment=i.adjustment if saved and i else "",
            )
    form.note = saved.note if saved else ""
    return form


def resume(objective: Objective, base: Form, data: object) -> Form:
    """``base`` with a draft's fields laid over it; whatever in the draft no longer fits the
    objective (a KR or item deleted since) or is malformed is ignored."""
    form = copy.deepcopy(base)
    if not isinstance(data, dict):
        return form

    def text(d: dict, key: str, default: str) -> str:
        value = d.get(key, default)
        return value if isinstance(value, str) else default

    kr_ids = {kr.id for kr in objective.key_results}
    for a in data.get("added") or []:
        if (
            isinstance(a, dict)
            and a.get("kr") in kr_ids
            and isinstance(a.get("id"), str)
            and isinstance(a.get("title"), str)
            and a["title"].strip()
            and objective.find_item(a["id"]) is None
        ):
            form.added.append(NewItem(a["id"], a["kr"], a["title"]))
            form.items.setdefault(a["id"], ItemFields())
    for kr_id, d in (data.get("krs") or {}).items():
        if kr_id in form.krs and isinstance(d, dict):
            old = form.krs[kr_id]
            form.krs[kr_id] = KRFields(
                text(d, "value", old.value),
                text(d, "confidence", old.confidence),
                text(d, "note", old.note),
                text(d, "start", old.start),
                text(d, "target", old.target),
            )
    for item_id, d in (data.get("items") or {}).items():
        if item_id in form.items and isinstance(d, dict):
            old = form.items[item_id]
            status = d.get("status")
            form.items[item_id] = ItemFields(
                status if status in STATUSES else old.status,
                text(d, "progress", old.progress),
                text(d, "adjustment", old.adjustment),
            )
    form.note = text(data, "note", form.note)
    page = data.get("page")
    form.page = page if isinstance(page, str) else None
    return form


# -- checking and building -----------------------------------------------------------------------


@dataclass
class Problem:
    field: str  # "value" | "confidence" | "start" | "target"
    kr: str  # the KR's id
    message: str  # a catalogue key


def asks_start(kr: KeyResult) -> bool:
    """Whether the check-in asks for the KR's start: a number or percent KR whose start is
    unknown (``reach 90%`` gives none). Asked until a start is saved."""
    return kr.kind in ("number", "percent") and kr.start is None


def asks_target(kr: KeyResult) -> bool:
    """Whether the check-in asks for the KR's target (a level to hold's level): it is
    unknown and does not follow from the start (``relative``)."""
    return kr.kind != "milestone" and kr.target is None and kr.relative is None


def relative_target(start: float | int, relative: float) -> float | int:
    """The target of a KR written relative to its start: ``start * (1 + relative)``
    (``reduce by 25%`` from 8: 6)."""
    value = round(start * (1 + relative), 9)
    return int(value) if float(value).is_integer() else value


def _typed(text: str) -> float | int | None:
    """A typed number, None when empty or not a number (problems() says which)."""
    try:
        return parse_number(text)
    except ValueError:
        return None


def measured(kr: KeyResult, fields: KRFields | None) -> KeyResult:
    """The KR as it will be once the check-in is saved: an unknown start or target filled
    in from what was typed there (when it is a number), a relative target following the
    start. The KR itself is untouched (a copy is returned)."""
    out = dataclasses.replace(kr)
    if fields is None:
        return out
    if asks_start(kr) and (start := _typed(fields.start)) is not None:
        out.start = start
        if kr.relative is not None:
            out.target = relative_target(start, kr.relative)
    if asks_target(kr) and (target := _typed(fields.target)) is not None:
        out.target = target
    return out


def _number_problem(text: str) -> str | None:
    """The catalogue key of what is wrong with a typed number, None when it is fine."""
    try:
        parse_number(text)
    except ValueError as e:
        if getattr(e, "reason", "") == "too_large":
            return "checkin.err.too_large"
        return "checkin.err.number"
    return None


def problems(objective: Objective, form: Form) -> list[Problem]:
    """Fields that do not parse (or a start and target that would be equal), in reading
    order: each KR's start, target, value, confidence (see :func:`kr_problems`)."""
    out = []
    for kr in objective.key_results:
        f = form.krs.get(kr.id)
        if f is not None:
            out += kr_problems(kr, f)
    return out


def kr_problems(kr: KeyResult, f: KRFields) -> list[Problem]:
    """What is wrong with one KR's fields, in reading order (its page shows each at its
    field)."""
    out = []
    if asks_start(kr) and (message := _number_problem(f.start)):
        out.append(Problem("start", kr.id, message))
    if asks_target(kr) and (message := _number_problem(f.target)):
        out.append(Problem("target", kr.id, message))
    after = measured(kr, f)
    if (
        (asks_start(kr) or asks_target(kr))
        and kr.kind in ("number", "percent")
        and after.start is not None
        and after.start == after.target
    ):
        # The target typed equals the start; or the start typed makes a relative
        # target equal to it (0 * 1.25), or equals the known target.
        typed_target = asks_target(kr) and _typed(f.target) is not None
        out.append(Problem("target" if typed_target else "start", kr.id, "checkin.err.same"))
    if kr.kind != "milestone" and (message := _number_problem(f.value)):
        out.append(Problem("value", kr.id, message))
    try:
        parse_confidence(f.confidence)
    except ValueError:
        out.append(Problem("confidence", kr.id, "checkin.err.confidence"))
    return out


def build_checkin(
    objective: Objective, week: str, saved: CheckIn | None, form: Form, day: str
) -> CheckIn:
    """The CheckIn of a valid form (see :func:`problems`)."""
    krs = []
    for kr in objective.key_results:
        f = form.krs[kr.id]
        if kr.kind == "milestone":
            value: float | int | None = 1 if f.value == "1" else 0
        else:
            value = parse_number(f.value)
        krs.append(KRCheck(kr.id, value, parse_confidence(f.confidence), f.note.strip()))
    items = [
        ItemCheck(item.id, f.status, f.progress.strip(), f.adjustment.strip())
        for kr in objective.key_results
        for item in shown_items(kr, week, saved, form)
        if (f := form.items.get(item.id)) is not None
    ]
    return CheckIn(objective.id, week, day, form.note.strip(), krs, items)


def updated_objective(
    objective: Objective, week: str, saved: CheckIn | None, form: Form
) -> Objective | None:
    """The objective with the check-in's added items and drops, and the starts and
    targets typed for KRs whose were unknown; None when unchanged.

    A dropped item becomes inactive (it stays in history). An item dropped in this very
    week (by an earlier save of it) is active again when its status is no longer dropped.
    A start or target is set only while the KR's is still unknown in ``objective`` (pass
    the objective as stored now: one edited meanwhile keeps what was set there).
    """
    changed = copy.deepcopy(objective)
    dirty = False
    for kr in changed.key_results:
        fields = form.krs.get(kr.id)
        if fields is not None and (asks_start(kr) or asks_target(kr)):
            after = measured(kr, fields)
            if (after.start, after.target) != (kr.start, kr.target):
                kr.start, kr.target, dirty = after.start, after.target, True
        for item in kr.items:
            f = form.items.get(item.id)
            if f is None:
                continue
            if f.status == "dropped" and item.active:
                item.active, dirty = False, True
            elif f.status != "dropped" and not item.active:
                before = saved.item(item.id) if saved else None
                if before is not None and before.status == "dropped":
                    item.active, dirty = True, True
        for a in form.added:
            if a.kr == kr.id:
                status = form.items.get(a.id, ItemFields()).status
                kr.items.append(Item(a.id, a.title.strip(), status != "dropped", week))
                dirty = True
    return changed if dirty else None


def pace(objective: Objective, kr: KeyResult, day: str) -> tuple[float, float | None]:
    """Where a linear path puts the KR on ``day``: (fraction of the period, value).

    The value is None when the start or target is unknown, and for a level to hold
    (it has no path); a milestone's value is 0 or 1 (done only at the period's end)."""
    fraction = _expected_progress(objective, day)
    if kr.kind == "milestone":
        return fraction, 1 if fraction >= 1 else 0
    if kr.threshold or kr.target is None or kr.start is None:
        return fraction, None
    return fraction, kr.start + fraction * (kr.target - kr.start)


def merge_conflict(mine: CheckIn, theirs: CheckIn | None) -> CheckIn:
    """My check-in with the texts of another copy's save of the same week kept too.

    When two copies of the app saved the same week, nothing either person wrote may
    be lost: numbers and statuses are mine (:func:`settle` takes the ones the user
    picked of theirs), and every note of theirs that mine does not already hold is
    appended to mine, marked. Items or KRs only they filled in are taken whole.
    """
    if theirs is None:
        return copy.deepcopy(mine)
    merged = copy.deepcopy(mine)

    def join(my_text: str, their_text: str) -> str:
        their_text = their_text.strip()
        if not their_text or their_text in my_text:
            return my_text
        return f"{my_text} {CONFLICT_MARK} {their_text}" if my_text.strip() else their_text

    merged.note = join(merged.note, theirs.note)
    for t_kr in theirs.key_results:
        m_kr = merged.kr(t_kr.kr)
        if m_kr is None:
            merged.key_results.append(copy.deepcopy(t_kr))
        else:
            m_kr.note = join(m_kr.note, t_kr.note)
    for t_item in theirs.items:
        m_item = merged.item(t_item.item)
        if m_item is None:
            merged.items.append(copy.deepcopy(t_item))
        else:
            m_item.progress = join(m_item.progress, t_item.progress)
            m_item.adjustment = join(m_item.adjustment, t_item.adjustment)
    return merged


CONFLICT_MARK = "‖"  # between my text and the other copy's in a merged note


@dataclass(frozen=True)
class Difference:
    """One value on which two saves of the same week disagree."""

    field: str  # "value" | "confidence" (of a KR) | "status" (of an E-item)
    ident: str  # the KR's id, or the E-item's
    mine: Any
    theirs: Any

    @property
    def key(self) -> tuple[str, str]:
        return (self.field, self.ident)


def differences(mine: CheckIn, theirs: CheckIn | None) -> list[Difference]:
    """The values, confidences and statuses that differ between my save and theirs, in
    my check-in's order (KRs, then E-items). Notes are not here: both are kept."""
    if theirs is None:
        return []
    out = []
    for k in mine.key_results:
        other = theirs.kr(k.kr)
        if other is None:
            continue
        if k.value != other.value:
            out.append(Difference("value", k.kr, k.value, other.value))
        if k.confidence != other.confidence:
            out.append(Difference("confidence", k.kr, k.confidence, other.confidence))
    for i in mine.items:
        other_item = theirs.item(i.item)
        if other_item is not None and i.status != other_item.status:
            out.append(Difference("status", i.item, i.status, other_item.status))
    return out


def settle(
    mine: CheckIn, theirs: CheckIn | None, take_theirs: Iterable[tuple[str, str]] = ()
) -> CheckIn:
    """The check-in to save after a conflict: :func:`merge_conflict` (mine, with their
    notes kept), then theirs for every :attr:`Difference.key` in ``take_theirs``."""
    merged = merge_conflict(mine, theirs)
    if theirs is None:
        return merged
    for field_name, ident in take_theirs:
        if field_name in ("value", "confidence"):
            source, target = theirs.kr(ident), merged.kr(ident)
        else:
            source, target = theirs.item(ident), merged.item(ident)
        if source is not None and target is not None:
            setattr(target, field_name, getattr(source, field_name))
    return merged


def with_statuses(form: Form, checkin: CheckIn) -> Form:
    """A copy of ``form`` whose E-item statuses are the check-in's (after :func:`settle`),
    for :func:`updated_objective` to drop or revive items accordingly."""
    out = copy.deepcopy(form)
    for i in checkin.items:
        if i.item in out.items:
            out.items[i.item].status = i.status
    return out
