"""The week's check-in as a plain-text form: ``okr checkin --editor | --print | --from``.

The form is pre-filled exactly as the app pre-fills its check-in, by the app's own rule
functions (:mod:`screens.checkin_form`, which imports no Textual): the saved week, else
last week carried forward (:func:`defaults`), with this week's draft laid over it
(:func:`resume`). Reading it back fills the same :class:`Form` the app fills, checks it
with the same :func:`problems`, and saves with the same single store write
(``Store.save_checkin(build_checkin(...), objective=updated_objective(...),
expected_stamp=...)``). Whatever is typed is kept as the week's draft
(``Store.save_draft(objective, week, form.to_draft())``, the draft the app resumes),
with the text itself beside it (``editor_text``, which the app ignores), until it is
saved.

The form, one block per KR with its E-items under it, reads and diffs well::

    [O o-1a2b3c4d 2026-W43] Build a successful customer-expansion team
    # period 2026-10-01 – 2026-10-31

    [KR2 kr-5e6f7a8b] Win 50 new customers in October
    # 0 → 50 new customers · on the linear path now: 29 · 2026-W42: 21, confidence 5
    value: 21
    confidence: 5
    note:

      [E e-9c0d1e2f] October special plan one
      # 2026-W42: on track · you planned: Start the November list early
      status: on track
      happened:
      adjust:

    [week note]
    # The week: wins, problems, asks for the manager (as many lines as you like).

Labels and statuses are written in the UI's language and read in either; ``#`` starts a
comment; ``#!`` marks the errors of the last try (removed on the next read). A week-note
line that itself starts with ``#`` is written ``\\#``. A KR is found by its id, or by its
number when the id is left out (``[KR2]``); an E-item by its id or its title; ``[E +]
title`` adds one. Fields left out keep their pre-filled value, so a script can send only
``value:`` lines.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import shlex
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from screens.checkin_form import (
    Form,
    ItemFields,
    NewItem,
    build_checkin,
    checkin_date,
    defaults,
    pace,
    problems,
    resume,
    shown_items,
    updated_objective,
    week_before,
)
from store import weeks
from store.model import STATUSES, CheckIn, Item, KeyResult, Objective, new_id
from tui import format as fmt
from tui.i18n import LANGS, t
from tui.text import inert

ERROR_MARK = "#!"
KR_FIELDS = ("value", "done", "confidence", "note")
ITEM_FIELDS = ("status", "happened", "adjust")
TEXT_FIELDS = ("note", "happened", "adjust")
_HEADER = re.compile(r"^\[([^\]]*)\]\s*(.*)$")
_FIELD = re.compile(r"^([^\s:：]+(?: [^\s:：]+)?)\s*[:：][ \t]?(.*)$")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace("_", " ")


def _labels() -> dict[str, str]:
    """Every spelling of a field label (both languages) -> the field."""
    out = {}
    for name in (*KR_FIELDS, *ITEM_FIELDS):
        for lang in LANGS:
            out[_norm(t(f"form.label.{name}", lang))] = name
    return out


def _statuses() -> dict[str, str]:
    """Every spelling of a status -> its key: the key, its words in both languages, and
    the app's one-key shortcuts (n o r x d -)."""
    out = {_norm(s): s for s in STATUSES}
    for s in STATUSES:
        for lang in LANGS:
            out[_norm(t(f"status.{s}", lang))] = s
    out |= {"n": "not_started", "o": "on_track", "r": "at_risk", "x": "off_track"}
    out |= {"d": "done", "-": "dropped"}
    # Earlier Chinese words for two statuses, still read (the form shows the current ones).
    out |= {_norm("偏离"): "off_track", _norm("已放弃"): "dropped"}
    return out


def _yes_no(text: str) -> str | None:
    """A milestone's answer as the form's "1" / "0"; None when it is neither."""
    s = _norm(text)
    yes = {"1", "y", "yes", "done", "x", "[x]", "true"}
    no = {"0", "n", "no", "not done", "open", "", "[ ]", "false"}
    for lang in LANGS:
        yes |= {_norm(t("form.yes", lang)), _norm(t("milestone.done", lang))}
        no |= {_norm(t("form.no", lang)), _norm(t("milestone.open", lang))}
    return "1" if s in yes else "0" if s in no else None


# -- one objective's week, loaded as the app loads it ------------------------------------------


@dataclass
class Session:
    objective: Objective
    week: str
    saved: CheckIn | None
    stamp: str | None  # of the saved check-in as loaded (a save meanwhile is a conflict)
    last: CheckIn | None
    day: str
    base: Form  # the form before anything is typed here: defaults, with the draft over them
    draft_text: str | None = None  # the text of an earlier try, kept in the draft

    @property
    def key(self) -> tuple[str, str]:
        return self.objective.id, self.week


def open_session(store, objective_id: str, week: str) -> Session | None:
    """The week of an objective as the check-in screen loads it (None: no such objective)."""
    objective = store.objective(objective_id)
    if objective is None:
        return None
    saved, stamp = store.checkin_and_stamp(objective_id, week)
    last = week_before(store, objective_id, week)
    form = defaults(objective, week, saved, last)
    draft = store.draft(objective_id, week)
    text = None
    if draft is not None:
        form = resume(objective, form, draft)
        text = draft.get("editor_text") if isinstance(draft.get("editor_text"), str) else None
    day = checkin_date(week, weeks.today())
    return Session(objective, week, saved, stamp, last, day, form, text)


# -- writing the form ---------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return inert(text, newlines=False).strip()


def intro(week: str, lang: str | None = None) -> list[str]:
    monday, sunday = weeks.week_days(week)
    lines = t("form.intro", lang, week=week, monday=monday, sunday=sunday).splitlines()
    lines.append("")
    for key in ("value", "done", "confidence", "status", "texts", "new"):
        lines.append(t(f"form.help.{key}", lang))
    return ["# " + line if line else "#" for line in lines]


def _label(name: str, lang: str | None) -> str:
    colon = "：" if (lang or "en") == "zh" else ": "
    return t(f"form.label.{name}", lang) + colon


def _field(name: str, value: str, lang: str | None, indent: str = "") -> str:
    return f"{indent}{_label(name, lang)}{_one_line(value)}".rstrip()


def _kr_comment(s: Session, kr: KeyResult, lang: str | None) -> list[str]:
    parts = [fmt.measure_text(kr, lang)]
    if kr.kind not in ("milestone", "stay_below", "stay_above") and kr.start is not None:
        _, expected = pace(s.objective, kr, s.day)
        if expected is not None:
            digits = 0 if kr.target is not None and abs(kr.target - kr.start) >= 20 else 1
            shown = fmt.amount(kr, round(expected, digits), unit=False)
            parts.append(t("form.path", lang, value=shown))
    before = s.last.kr(kr.id) if s.last else None
    if before is None:
        return ["# " + " · ".join(parts), "# " + t("form.no_last", lang)]
    value = fmt.value_text(kr, before.value, lang)
    conf = "—" if before.confidence is None else str(before.confidence)
    last = [t("form.last_kr", lang, week=s.last.week, value=value, confidence=conf)]
    if before.note.strip():
        last.append(t("form.last_note", lang, text=_one_line(before.note)))
    return ["# " + " · ".join(parts), "# " + " · ".join(last)]


def _item_comment(s: Session, item: Item, form: Form, lang: str | None) -> str:
    parts = []
    if any(a.id == item.id for a in form.added):
        parts.append(t("form.item_new", lang))
    elif not item.active:
        parts.append(t("form.item_inactive", lang))
    before = s.last.item(item.id) if s.last else None
    if before is not None:
        status = fmt.status_text(before.status, lang)
        parts.append(t("form.last_item", lang, week=s.last.week, status=status))
    planned = before.adjustment.strip() if before else ""
    parts.append(
        t("form.planned", lang, text=_one_line(planned))
        if planned
        else t("form.planned_none", lang)
    )
    return "  # " + " · ".join(parts)


def _note_lines(note: str) -> list[str]:
    out = []
    for line in inert(note).strip("\n").splitlines():
        escape = line.lstrip()[:1] in ("#", "[", "\\")
        out.append("\\" + line.lstrip() if escape else line)
    return out


def render_section(s: Session, lang: str | None = None, form: Form | None = None) -> list[str]:
    """One objective's week as form lines (``form``: default the session's base)."""
    form = s.base if form is None else form
    o = s.objective
    lines = [f"[O {o.id} {s.week}] {_one_line(o.title)}"]
    lines.append("# " + t("form.objective", lang, start=o.start, end=o.end))
    for n, kr in enumerate(o.key_results, 1):
        f = form.krs[kr.id]
        lines += ["", f"[KR{n} {kr.id}] {_one_line(kr.title)}", *_kr_comment(s, kr, lang)]
        if kr.kind == "milestone":
            answer = t("form.yes" if f.value == "1" else "form.no", lang)
            lines.append(_field("done", answer, lang))
        else:
            lines.append(_field("value", f.value, lang))
        lines.append(_field("confidence", f.confidence, lang))
        lines.append(_field("note", f.note, lang))
        for item in shown_items(kr, s.week, s.saved, form):
            i = form.items.get(item.id) or ItemFields()
            lines += ["", f"  [E {item.id}] {_one_line(item.title)}"]
            lines.append(_item_comment(s, item, form, lang))
            lines.append(_field("status", fmt.status_text(i.status, lang), lang, "  "))
            lines.append(_field("happened", i.progress, lang, "  "))
            lines.append(_field("adjust", i.adjustment, lang, "  "))
    lines += ["", "[" + t("form.label.week_note", lang) + "]", "# " + t("form.note_help", lang)]
    lines += _note_lines(form.note)
    return lines


def render(sessions: list[Session], lang: str | None = None) -> str:
    """The form of one or more objectives' weeks, with the explanations on top."""
    lines = intro(sessions[0].week, lang) if sessions else []
    for s in sessions:
        lines += [""] + render_section(s, lang)
    return "\n".join(lines) + "\n"


def render_for_editor(s: Session, lang: str | None = None) -> str:
    """What the editor opens: the text of an earlier try when the draft keeps one
    (nothing typed is lost), else the pre-filled form."""
    if s.draft_text is not None and s.draft_text.strip():
        head = intro(s.week, lang) + [f"{ERROR_MARK} " + t("form.resumed", lang, week=s.week), ""]
        return "\n".join(head) + "\n" + s.draft_text.rstrip("\n") + "\n"
    return render([s], lang)


# -- reading it back ------------------------------------------------------------------------------


@dataclass
class Section:
    """One objective's part of a form as read: its session, the form filled from it, the
    problems found (0-based line, message) and the lines it spans."""

    session: Session | None  # None: an objective line that could not be used
    form: Form
    first: int
    last: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (kr id, field) -> line


@dataclass
class Reading:
    sections: list[Section]
    errors: list[tuple[int, str]]  # lines outside every section

    @property
    def all_errors(self) -> list[tuple[int, str]]:
        found = list(self.errors)
        for s in self.sections:
            found += s.errors
        return sorted(found, key=lambda e: e[0])


def strip_marks(text: str) -> str:
    """The text without the error comments of an earlier try."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(ERROR_MARK))


def is_empty(text: str) -> bool:
    """Nothing but blank lines and comments."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def same_text(a: str, b: str) -> bool:
    """Equal but for trailing blanks (an editor may add a final newline)."""

    def norm(text: str) -> list[str]:
        lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        return lines

    return norm(a) == norm(b)


def _restore(typed: str, original: str, *, newlines: bool = False) -> str:
    """The original text when what came back is only its inert rendering (control
    characters shown as placeholders): an untouched field keeps its exact text."""
    shown = inert(original, newlines=newlines)
    return (
        original if typed.strip() == (shown.strip() if newlines else _one_line(original)) else typed
    )


class _Reader:
    """Reads form lines into sections; ``session_for(objective_id, week)`` opens them."""

    def __init__(
        self,
        text: str,
        session_for: Callable[[str, str], Session | None],
        default: Session | None,
        lang: str | None,
    ) -> None:
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.session_for = session_for
        self.default = default
        self.lang = lang
        self.labels = _labels()
        self.statuses = _statuses()
        self.note_headers = {_norm(t("form.label.week_note", lg)) for lg in LANGS} | {"note"}
        self.sections: list[Section] = []
        self.errors: list[tuple[int, str]] = []
        self.section: Section | None = None
        self.block: tuple = ()  # ("kr", kr) | ("item", kr, item_id) | ("note",)
        self.last_field: tuple | None = None  # (target fields object, attribute)
        self.note: list[str] = []

    def error(self, n: int, message: str) -> None:
        (self.section.errors if self.section else self.errors).append((n, message))

    # -- sections ---------------------------------------------------------------------------

    def start(self, session: Session, n: int) -> None:
        self.finish(n)
        self.section = Section(session, copy.deepcopy(session.base), n)
        self.sections.append(self.section)
        self.block, self.last_field, self.note = (), None, []

    def finish(self, n: int) -> None:
        section = self.section
        if section is None:
            return
        section.last = n
        if section.session is None or self.block != ("note",):
            return
        while self.note and not self.note[-1].strip():
            self.note.pop()
        while self.note and not self.note[0].strip():
            self.note.pop(0)
        typed = "\n".join(self.note)
        section.form.note = _restore(typed, section.session.base.note, newlines=True)

    def skip(self, n: int, message: str) -> None:
        """An objective line that cannot be used: report it, and skip what follows it
        up to the next objective line."""
        self.finish(n)
        self.section = Section(None, Form(), n, errors=[(n, message)])
        self.sections.append(self.section)
        self.block, self.last_field, self.note = (), None, []

    def read(self) -> Reading:
        for n, raw in enumerate(self.lines):
            self.line(n, raw)
        self.finish(len(self.lines))
        for section in self.sections:
            self.check(section)
        return Reading(self.sections, self.errors)

    def line(self, n: int, raw: str) -> None:
        stripped = raw.strip()
        if stripped.startswith("#"):
            return
        header = _HEADER.match(stripped)
        if header and header.group(1).split()[:1] == ["O"]:
            self.objective_header(n, header.group(1).split(), stripped)
            return
        if self.block == ("note",):
            if stripped[:2] in ("\\#", "\\[", "\\\\"):
                raw = raw.replace("\\", "", 1)  # a note line starting with # or [ itself
            self.note.append(raw)
            return
        if not stripped:
            return
        if self.section is None:
            if self.default is None:
                self.skip(n, t("form.err.no_objective", self.lang))
                return
            self.start(self.default, n)
        if self.section.session is None:
            return
        if header:
            self.block_header(n, header.group(1).strip(), header.group(2).strip(), stripped)
            return
        self.field(n, stripped)

    def objective_header(self, n: int, words: list[str], text: str) -> None:
        if len(words) not in (2, 3):
            self.skip(n, t("form.err.header", self.lang, text=text))
            return
        objective_id = words[1]
        week = words[2] if len(words) == 3 else (self.default.week if self.default else "")
        try:
            weeks.parse_week(week)
        except ValueError:
            self.skip(n, t("form.err.week", self.lang, week=week))
            return
        session = self.session_for(objective_id, week)
        if session is None:
            self.skip(n, t("form.err.objective", self.lang, id=repr(objective_id)))
            return
        self.start(session, n)

    # -- blocks -----------------------------------------------------------------------------

    def block_header(self, n: int, inside: str, title: str, text: str) -> None:
        objective = self.section.session.objective
        words = inside.split()
        head = words[0] if words else ""
        self.last_field = None
        if _norm(inside) in self.note_headers:
            self.block = ("note",)
            self.note = []
            return
        m = re.fullmatch(r"(?i)kr\s*(\d+)", head)
        if m:
            if len(words) > 1:
                kr = objective.kr(words[1])
            else:
                number = int(m.group(1))
                kr = (
                    objective.key_results[number - 1]
                    if 0 < number <= len(objective.key_results)
                    else None
                )
            if kr is None:
                self.block = ("bad",)
                self.error(n, t("form.err.kr", self.lang, kr=inside))
                return
            self.block = ("kr", kr)
            self.section.lines[(kr.id, "header")] = n
            return
        if head.upper() == "E":
            self.item_header(n, words[1:], title)
            return
        self.block = ("bad",)
        self.error(n, t("form.err.header", self.lang, text=text))

    def item_header(self, n: int, words: list[str], title: str) -> None:
        section = self.section
        s, form = section.session, section.form
        kr = self.block[1] if self.block and self.block[0] in ("kr", "item") else None
        if words == ["+"]:
            if kr is None:
                self.block = ("bad",)
                self.error(n, t("form.err.outside", self.lang))
                return
            if not title:
                self.block = ("bad",)
                self.error(n, t("form.err.new_title", self.lang))
                return
            new = NewItem(new_id("e"), kr.id, title)
            section.lines[(new.id, "new")] = n
            form.added.append(new)
            form.items[new.id] = ItemFields()
            self.block = ("item", kr, new.id)
            return
        candidates: list[tuple[KeyResult, Item]] = []
        for k in s.objective.key_results:
            for item in shown_items(k, s.week, s.saved, form):
                candidates.append((k, item))
        found = None
        if words:
            found = next(((k, i) for k, i in candidates if i.id == words[0]), None)
        elif title:
            pool = [(k, i) for k, i in candidates if kr is None or k.id == kr.id]
            found = next(((k, i) for k, i in pool if _one_line(i.title) == title), None)
        if found is None:
            number = s.objective.key_results.index(kr) + 1 if kr is not None else "?"
            self.block = ("bad",)
            self.error(n, t("form.err.item", self.lang, n=number, item=" ".join(words) or title))
            return
        k, item = found
        form.items.setdefault(item.id, ItemFields())
        self.block = ("item", k, item.id)

    # -- fields -----------------------------------------------------------------------------

    def field(self, n: int, text: str) -> None:
        kind = self.block[0] if self.block else None
        if kind == "bad":
            return  # the block's header was reported already
        m = _FIELD.match(text)
        name = self.labels.get(_norm(m.group(1))) if m else None
        allowed = KR_FIELDS if kind == "kr" else ITEM_FIELDS if kind == "item" else ()
        if name is not None and name in allowed:
            self.set(n, name, m.group(2).strip())
            return
        if self.last_field is not None:  # a text field going on over several lines
            target, attribute = self.last_field
            setattr(target, attribute, (getattr(target, attribute) + " " + text).strip())
            return
        if kind is None:
            self.error(n, t("form.err.outside", self.lang))
        elif name is not None:
            where = "KR" if kind == "kr" else "E"
            label = t(f"form.label.{name}", self.lang)
            self.error(n, t("form.err.field_here", self.lang, field=label, where=where))
        else:
            self.error(n, t("form.err.unknown_line", self.lang))

    def set(self, n: int, name: str, value: str) -> None:
        section = self.section
        form, base = section.form, section.session.base
        self.last_field = None
        if self.block[0] == "kr":
            kr = self.block[1]
            f, before = form.krs[kr.id], base.krs[kr.id]
            if name in ("value", "done"):
                section.lines[(kr.id, "value")] = n
                if kr.kind == "milestone":
                    answer = _yes_no(value)
                    if answer is None:
                        self.error(n, t("form.err.done", self.lang, kr=self._kr_label(kr)))
                    else:
                        f.value = answer
                elif name == "done":
                    label = t("form.label.done", self.lang)
                    self.error(n, t("form.err.field_here", self.lang, field=label, where="KR"))
                else:
                    f.value = _restore(value, before.value)
            elif name == "confidence":
                section.lines[(kr.id, "confidence")] = n
                f.confidence = _restore(value, before.confidence)
            else:
                f.note = _restore(value, before.note)
                self.last_field = (f, "note")
            return
        _, kr, item_id = self.block
        f = form.items[item_id]
        before = base.items.get(item_id) or ItemFields()
        if name == "status":
            status = self.statuses.get(_norm(value))
            if status is None:
                self.error(n, t("form.err.status", self.lang, text=value))
            else:
                f.status = status
        elif name == "happened":
            f.progress = _restore(value, before.progress)
            self.last_field = (f, "progress")
        else:
            f.adjustment = _restore(value, before.adjustment)
            self.last_field = (f, "adjustment")

    def _kr_label(self, kr: KeyResult) -> str:
        return f"KR{self.section.session.objective.key_results.index(kr) + 1}"

    def check(self, section: Section) -> None:
        """The app's own checks (:func:`problems`), reported at the offending line."""
        s = section.session
        if s is None:
            return
        for p in problems(s.objective, section.form):
            kr = s.objective.kr(p.kr)
            line = section.lines.get((p.kr, p.field), section.lines.get((p.kr, "header")))
            label = t(f"form.label.{p.field}", self.lang)
            message = t(
                "form.err.field",
                self.lang,
                kr=self._kr_of(s, kr),
                field=label,
                problem=t(p.message, self.lang),
            )
            section.errors.append((section.first if line is None else line, message))

    @staticmethod
    def _kr_of(s: Session, kr: KeyResult) -> str:
        return f"KR{s.objective.key_results.index(kr) + 1}"


def read(
    text: str,
    session_for: Callable[[str, str], Session | None],
    default: Session | None = None,
    lang: str | None = None,
) -> Reading:
    """Read a form. ``session_for(objective_id, week)`` opens the week a ``[O ...]`` line
    names; ``default``: the session of a text without such a line."""
    return _Reader(strip_marks(text), session_for, default, lang).read()


def annotate(text: str, errors: list[tuple[int, str]], lang: str | None = None) -> str:
    """The text (without earlier marks) with each error as a ``#!`` comment above its line,
    and one at the top, for the editor to reopen (as ``crontab -e`` does)."""
    lines = strip_marks(text).split("\n")
    by_line: dict[int, list[str]] = {}
    for n, message in errors:
        by_line.setdefault(n, []).append(message)
    out = [f"{ERROR_MARK} " + t("form.errors_head", lang)]
    for n, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip())]
        out += [f"{indent}{ERROR_MARK} {message}" for message in by_line.get(n, [])]
        out.append(line)
    if len(lines) in by_line:
        out += [f"{ERROR_MARK} {message}" for message in by_line[len(lines)]]
    return "\n".join(out).rstrip("\n") + "\n"


def section_text(text: str, section: Section) -> str:
    """The lines of the text that belong to one section (kept in its draft), each new
    E-item's ``[E +]`` written with the id it has in the draft's form (so the text and
    the form resumed with it name the same item, and it is not added twice)."""
    lines = strip_marks(text).split("\n")
    for (item_id, kind), n in section.lines.items():
        if kind == "new":
            lines[n] = lines[n].replace("[E +]", f"[E {item_id}]", 1)
    return "\n".join(lines[section.first : section.last or len(lines)]).strip("\n") + "\n"


# -- saving ------------------------------------------------------------------------------------


def keep_draft(store, section: Section, text: str) -> None:
    """Keep what was typed as the week's draft: the form (the app resumes it) and the text."""
    s = section.session
    data = section.form.to_draft()
    data["editor_text"] = section_text(text, section)
    store.save_draft(s.objective.id, s.week, data)


def save(store, section: Section) -> CheckIn:
    """The app's save: one store write of the check-in and the objective it changed.
    Raises ConflictError when another copy saved the week since it was loaded."""
    s = section.session
    form = section.form
    checkin = build_checkin(s.objective, s.week, s.saved, form, s.saved.date if s.saved else s.day)
    fresh = store.objective(s.objective.id) or s.objective
    changed = updated_objective(fresh, s.week, s.saved, form)
    store.save_checkin(checkin, objective=changed, expected_stamp=s.stamp)
    return checkin


# -- the editor -----------------------------------------------------------------------------------


class EditorError(Exception):
    """The editor could not be run: one sentence for the user."""


def editor_command(environ=None) -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else ``vi``, split as a shell would split it."""
    env = os.environ if environ is None else environ
    raw = env.get("VISUAL") or env.get("EDITOR") or "vi"
    try:
        words = shlex.split(raw)
    except ValueError as e:
        raise EditorError(t("form.bad_editor", reason=str(e))) from None
    if not words:
        raise EditorError(t("form.bad_editor", reason=repr(raw)))
    return words


def run_editor(text: str, command: list[str]) -> tuple[str, int]:
    """Open ``text`` in the editor (a private temporary file, removed afterwards); the
    text it left, and its exit status."""
    fd, path = tempfile.mkstemp(prefix="okr-checkin-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            status = subprocess.run([*command, path], check=False).returncode
        except OSError as e:
            reason = e.strerror or str(e)
            raise EditorError(t("form.no_editor", editor=command[0], reason=reason)) from None
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read(), status
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
