"""The pages of the check-in: a KR page, an E-item page, the week note, the review.

Each page is a widget that owns its fields: it builds them from the form's values,
checks them as they change (the problem shown at its field), says so with a typed
message (:class:`CheckInPage.Edited`, for the screen's draft) and writes them back
into the form when asked (:meth:`CheckInPage.write_to`, read straight from the widgets,
so what was typed last is in). The screen knows the pages in reading order, never a
field's id. Styles are in each page's ``DEFAULT_CSS``.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from screens.checkin_form import (
    Form,
    ItemFields,
    KRFields,
    asks_start,
    asks_target,
    kr_problems,
    measured,
    pace,
    parse_confidence,
    parse_number,
    shown_items,
)
from screens.checkin_widgets import (
    FieldInput,
    MilestoneToggle,
    NoteArea,
    StatusPicker,
    status_text,
)
from store.model import CheckIn, Item, KeyResult, Objective, held, progress
from tui import format as fmt
from tui.i18n import t
from tui.text import cell_width, inert


def _plain(text: str) -> str:
    return inert(text.strip(), newlines=False)


def shown(line: Static, content: Text) -> None:
    """Show ``content`` on ``line`` unless it shows it already: every update of a Static
    asks the whole screen for a new layout, and a page checks its lines on every key
    (a key typed would otherwise cost a layout of the page per line it checks)."""
    if getattr(line, "_okr_shown", None) != content:
        line._okr_shown = content
        line.update(content)


class CheckInPage(VerticalScroll, can_focus=False):
    """One page of the walkthrough. ``key`` names it in a draft (``kr:ID``, ``item:ID``,
    ``note``, ``review``) so that a resumed draft opens where the user was."""

    DEFAULT_CSS = """
    CheckInPage {
        height: 1fr;
        padding: 0 1;
        .page-title { height: auto; margin-top: 1; }
        .facts, .label, .hint { text-wrap: nowrap; text-overflow: ellipsis; }
        .label { margin-top: 1; }
        .error {
            display: none;
            color: $error;
            text-style: bold;
            height: 1;
            padding-left: 2;
        }
    }
    """

    class Edited(Message):
        """What is typed on the page changed: the screen keeps a draft of it."""

        def __init__(self, page: CheckInPage) -> None:
            super().__init__()
            self.page = page

        @property
        def control(self) -> CheckInPage:
            return self.page

    key = ""

    def __init__(self) -> None:
        super().__init__()
        self._fields: dict[str, Widget] = {}  # name -> field, in reading order
        self._errors: dict[str, Static] = {}
        self._last_seen: object = None

    # -- what the screen asks of a page -------------------------------------------------------

    def fields(self) -> list[Widget]:
        """The page's fields, in reading order (the focus walks them)."""
        return list(self._fields.values())

    def field(self, name: str) -> Widget | None:
        return self._fields.get(name)

    def error_text(self, name: str) -> str:
        """The problem shown at a field ("" when there is none)."""
        error = self._errors.get(name)
        return str(error.render()) if error is not None and error.display else ""

    def next_field(self, widget: Widget, delta: int) -> Widget | None:
        """The field after (before) ``widget`` on this page; None past either end."""
        fields = self.fields()
        if widget not in fields:
            return None
        n = fields.index(widget) + delta
        return fields[n] if 0 <= n < len(fields) else None

    def write_to(self, form: Form) -> None:
        """Put what the fields hold now into ``form``."""

    def values(self) -> object:
        return None

    # -- helpers for the pages ----------------------------------------------------------------

    def _add(self, name: str, widget: Widget) -> Widget:
        self._fields[name] = widget
        return widget

    def _error(self, name: str) -> Static:
        self._errors[name] = Static("", classes="error", markup=False)
        return self._errors[name]

    def _show_error(self, name: str, message: str | None) -> None:
        field = self._fields.get(name)
        if isinstance(field, Input):
            field.set_class(bool(message), "-bad")
        error = self._errors.get(name)
        if error is not None:
            shown(error, Text("✗ " + message) if message else Text(""))
            error.display = bool(message)

    def _changed(self) -> None:
        """A field changed: check the page; tell the screen when the values moved."""
        self.check()
        now = self.values()
        if now != self._last_seen:
            self._last_seen = now
            self.post_message(self.Edited(self))

    def check(self) -> None:
        """Show each field's problem at the field."""

    def on_mount(self) -> None:
        self._last_seen = self.values()
        self.check()

    @on(Input.Changed)
    @on(StatusPicker.Changed)
    @on(MilestoneToggle.Changed)
    @on(TextArea.Changed)
    def _field_changed(self, event: Message) -> None:
        event.stop()
        self._changed()


def label(key: str, was: str | None = None) -> Static:
    """A field's label, with what it was last week beside it (dim)."""
    text = Text(t(key), style="bold")
    if was is not None:
        text.append("  ")
        text.append(was, style="dim")
    return Static(text, classes="label")


def was_text(value: str | None) -> str:
    if not value or not value.strip():
        return t("checkin.was_none")
    return t("checkin.was", text=_plain(value))


# -- a KR ----------------------------------------------------------------------------------------


class KRPage(CheckInPage):
    """A KR: its measure and pace, last week's value, then (while unknown) its start and
    target, this week's value, confidence and a note."""

    def __init__(
        self,
        objective: Objective,
        kr: KeyResult,
        number: int,
        fields: KRFields,
        last: CheckIn | None,
        day: str,
    ) -> None:
        super().__init__()
        self.objective = objective
        self.kr = kr
        self.number = number
        self.initial = fields
        self.last = last
        self.day = day
        self.key = f"kr:{kr.id}"
        self._facts = Static("", classes="facts")
        self._follows = Static("", classes="facts")
        self._held = Static("", classes="facts")

    def compose(self) -> ComposeResult:
        kr, f = self.kr, self.initial
        before = self.last.kr(kr.id) if self.last else None
        title = Text(t("checkin.kr_label", n=self.number) + " · ", style="bold")
        title.append(_plain(kr.title), style="bold")
        yield Static(title, classes="page-title")
        yield self._facts
        yield Static(self._last_line(), classes="facts")
        if asks_start(kr):
            yield label("checkin.field.start", t("checkin.start_hint"))
            yield self._add("start", FieldInput(f.start, classes="short"))
            yield self._error("start")
        if asks_target(kr):
            key = "checkin.field.level" if kr.threshold else "checkin.field.target"
            yield label(key, t("checkin.target_hint"))
            yield self._add("target", FieldInput(f.target, classes="short"))
            yield self._error("target")
        if kr.relative is not None and kr.start is None:
            yield self._follows
        if kr.kind == "milestone":
            done = None
            if before is not None and before.value is not None:
                done = fmt.value_text(kr, before.value)
            yield label("checkin.field.milestone", was_text(done))
            yield self._add("value", MilestoneToggle(f.value == "1"))
        else:
            shown = None if before is None else fmt.value_text(kr, before.value)
            if shown == fmt.DASH:
                shown = None
            yield label("checkin.field.value", was_text(shown))
            yield self._add(
                "value", FieldInput(f.value, placeholder=t("checkin.ph.value"), classes="short")
            )
            yield self._error("value")
            if kr.threshold:
                yield self._held
        conf = None if before is None else before.confidence
        yield label(
            "checkin.field.confidence_range",
            was_text(None if conf is None else fmt.confidence_text(conf)),
        )
        yield self._add(
            "confidence",
            FieldInput(f.confidence, placeholder=t("checkin.ph.confidence"), classes="short"),
        )
        yield self._error("confidence")
        yield label("checkin.field.note", was_text(before.note if before else None))
        yield self._add("note", FieldInput(f.note, placeholder=t("checkin.ph.note")))

    def values(self) -> KRFields:
        out = KRFields(**vars(self.initial))
        for name, widget in self._fields.items():
            if isinstance(widget, MilestoneToggle):
                setattr(out, name, "1" if widget.done else "0")
            elif isinstance(widget, Input):
                setattr(out, name, widget.value)
        return out

    def write_to(self, form: Form) -> None:
        form.krs[self.kr.id] = self.values()

    def check(self) -> None:
        f = self.values()
        found = {p.field: t(p.message) for p in kr_problems(self.kr, f)}
        for name in ("start", "target", "value", "confidence"):
            self._show_error(name, found.get(name))
        now = measured(self.kr, f)
        shown(self._facts, self.facts(now))
        if self.kr.relative is not None and self.kr.start is None:
            shown(self._follows, self._follows_text(now))
        if self.kr.threshold:
            shown(self._held, self._held_text(now, f.value))

    # -- the lines of facts ----------------------------------------------------------------

    def facts(self, kr: KeyResult) -> Text:
        """What the KR aims at and where a linear path puts it today."""
        fraction, expected = pace(self.objective, kr, self.day)
        if kr.kind == "milestone":
            line = t("checkin.milestone") + " · "
            line += t("checkin.pace_milestone", end=self.objective.end, pct=fmt.percent(fraction))
        elif kr.threshold:
            line = t("checkin.level", measure=fmt.measure_text(kr))
        else:
            line = t("checkin.target", measure=fmt.measure_text(kr)) + " · "
            if expected is None:
                line += t("checkin.pace_unknown", pct=fmt.percent(fraction))
            else:
                digits = 0 if abs(kr.target - kr.start) >= 20 else 1
                line += t(
                    "checkin.pace",
                    value=fmt.amount(kr, round(expected, digits)),
                    pct=fmt.percent(fraction),
                )
        return Text(line)

    def _follows_text(self, kr: KeyResult) -> Text:
        change = fmt.signed(round(self.kr.relative * 100, 6)) + "%"
        if kr.start is None:
            return Text(t("checkin.follows_start", change=change), style="dim")
        return Text(t("checkin.follows", change=change, target=fmt.amount(kr, kr.target)))

    def _held_text(self, kr: KeyResult, raw: str) -> Text:
        try:
            value = parse_number(raw)
        except ValueError:
            value = None
        ok = held(kr, value)
        if ok is None:
            return Text("")
        if ok:
            return Text("✓ " + t("checkin.held", level=fmt.target_text(kr)), style="green")
        return Text("✗ " + t("checkin.not_held", level=fmt.target_text(kr)), style="red")

    def _last_line(self) -> Text:
        before = self.last.kr(self.kr.id) if self.last else None
        if before is None:
            return Text(t("checkin.no_last"), style="dim")
        return Text(
            t(
                "checkin.last",
                week=self.last.week,
                value=fmt.value_text(self.kr, before.value),
                confidence=fmt.confidence_text(before.confidence),
            ),
            style="dim",
        )


# -- an E-item -----------------------------------------------------------------------------------


class ItemPage(CheckInPage):
    """An E-item: what was planned last week, its status (one key), what happened and
    what we adjust."""

    def __init__(
        self,
        kr_number: int,
        kr: KeyResult,
        item: Item,
        fields: ItemFields,
        last: CheckIn | None,
        *,
        new: bool = False,
    ) -> None:
        super().__init__()
        self.kr_number = kr_number
        self.kr = kr
        self.item = item
        self.initial = fields
        self.last = last
        self.new = new
        self.key = f"item:{item.id}"

    def compose(self) -> ComposeResult:
        item, f = self.item, self.initial
        before = self.last.item(item.id) if self.last else None
        title = Text(t("checkin.item_label", n=self.kr_number) + " · ", style="bold")
        title.append(_plain(item.title), style="bold")
        if self.new:
            title.append("  " + t("checkin.item_new"), style="magenta")
        elif not item.active:
            title.append("  " + t("checkin.item_inactive"), style="dim")
        yield Static(title, classes="page-title")
        planned = before.adjustment.strip() if before else ""
        yield Static(
            Text(t("checkin.planned", text=_plain(planned)), style="italic")
            if planned
            else Text(t("checkin.planned_none"), style="dim"),
            classes="facts",
        )
        was = Text(t("checkin.field.status"), style="bold")
        was.append("  ")
        if before is not None:
            was.append(t("checkin.was_status"), style="dim")
            was.append_text(status_text(before.status))
        else:
            was.append(t("checkin.was_none"), style="dim")
        yield Static(was, classes="label")
        yield self._add("status", StatusPicker(f.status))
        yield Static(Text(t("checkin.picker_keys"), style="dim"), classes="hint")
        yield label("checkin.field.progress", was_text(before.progress if before else None))
        yield self._add("progress", FieldInput(f.progress, placeholder=t("checkin.ph.progress")))
        yield label("checkin.field.adjustment")
        yield self._add(
            "adjustment", FieldInput(f.adjustment, placeholder=t("checkin.ph.adjustment"))
        )

    def values(self) -> ItemFields:
        picker = self._fields["status"]
        assert isinstance(picker, StatusPicker)
        progress_field, adjustment = self._fields["progress"], self._fields["adjustment"]
        assert isinstance(progress_field, Input) and isinstance(adjustment, Input)
        return ItemFields(picker.status, progress_field.value, adjustment.value)

    def write_to(self, form: Form) -> None:
        form.items[self.item.id] = self.values()


# -- the week note -------------------------------------------------------------------------------


class NotePage(CheckInPage):
    """The week's note: wins, problems, asks (enter is a new line here)."""

    DEFAULT_CSS = """
    NotePage NoteArea {
        height: 1fr;
        min-height: 5;
        margin-top: 1;
    }
    """

    key = "note"

    def __init__(self, note: str) -> None:
        super().__init__()
        self.initial = note

    def compose(self) -> ComposeResult:
        yield Static(Text(t("checkin.note_title"), style="bold"), classes="page-title")
        yield Static(Text(t("checkin.note_hint"), style="dim"), classes="facts")
        yield self._add(
            "note",
            NoteArea(
                self.initial,
                placeholder=t("checkin.note_placeholder"),
                soft_wrap=True,
                show_line_numbers=False,
            ),
        )

    def values(self) -> str:
        area = self._fields["note"]
        assert isinstance(area, TextArea)
        return area.text

    def write_to(self, form: Form) -> None:
        form.note = self.values()


# -- the review ----------------------------------------------------------------------------------


class ReviewPage(CheckInPage, can_focus=True):
    """The whole week at a glance before it is saved; enter saves, arrows scroll."""

    DEFAULT_CSS = """
    ReviewPage {
        scrollbar-size-vertical: 1;
        #review-body { padding: 1 0; }
    }
    """
    BINDINGS = [Binding("enter", "screen.save", "key.ck_save", show=False)]

    key = "review"

    def __init__(self) -> None:
        super().__init__()
        self._body = Static("", id="review-body")

    def compose(self) -> ComposeResult:
        yield self._body

    def show(self, renderable: RenderableType) -> None:
        self._body.update(renderable)

    @property
    def content(self) -> RenderableType:
        return self._body.content


def _review_value(kr: KeyResult, f: KRFields, last_value: float | None) -> Text:
    """This week's value beside the target, progress and the change since last week."""
    if kr.kind == "milestone":
        done = f.value == "1"
        return Text(fmt.value_text(kr, 1 if done else 0), style="green" if done else "")
    try:
        value = parse_number(f.value)
    except ValueError:
        return Text(_plain(f.value), style="bold red")
    if kr.threshold:
        out = Text(fmt.value_text(kr, value))
        ok = held(kr, value)
        if ok is not None:
            out.append(" ✓" if ok else " ✗", style="green" if ok else "red")
        return out
    if kr.target is None:  # "? customers", "?%"
        target = fmt.amount(kr, 0).replace("0", "?", 1)
    else:
        target = fmt.amount(kr, kr.target)
    shown = fmt.DASH if value is None else fmt.amount(kr, value, unit=False)
    out = Text(t("checkin.review.value", value=shown, target=target))
    p = progress(kr, value)
    if p is not None:
        out.append(f" {fmt.percent(p)}", style="bold")
    if value is not None and last_value is not None and value != last_value:
        out.append(f" ({fmt.signed(value - last_value)})", style="dim")
    return out


def _review_confidence(raw: str) -> Text:
    try:
        c = parse_confidence(raw)
    except ValueError:
        return Text(_plain(raw), style="bold red")
    if c is None:
        return Text(fmt.DASH, style="dim")
    return Text(t("checkin.review.conf", n=c), style=fmt.confidence_style(c))


def review(
    objective: Objective,
    week: str,
    saved: CheckIn | None,
    last: CheckIn | None,
    form: Form,
    problems: list[str],
) -> Group:
    """The whole week at a glance: each KR with value, confidence and note, each of its
    items with status, what happened and what changes, then the week note.

    Every KR and item is one line (its title cut with "…" before the value column, never
    running into it); notes wrap indented under the title column."""
    rows: list[tuple[str, Text, Text, Text, list[tuple[int, Text]]]] = []
    added = {a.id for a in form.added}
    for n, kr0 in enumerate(objective.key_results, 1):
        f = form.krs[kr0.id]
        kr = measured(kr0, f)
        before = last.kr(kr.id) if last else None
        notes = []
        if f.note.strip():
            notes.append((0, Text(_plain(f.note), style="italic")))
        rows.append(
            (
                t("checkin.kr_label", n=n),
                Text(_plain(kr.title), style="bold"),
                _review_value(kr, f, before.value if before else None),
                _review_confidence(f.confidence),
                notes,
            )
        )
        for item in shown_items(kr0, week, saved, form):
            i = form.items.get(item.id)
            if i is None:
                continue
            line = Text("· " + _plain(item.title))
            if item.id in added:
                line.append(" " + t("checkin.review.added"), style="magenta")
            said = []
            for key, text in (
                ("checkin.review.happened", i.progress),
                ("checkin.review.adjust", i.adjustment),
            ):
                if text.strip():
                    said.append((2, Text(t(key, text=_plain(text)), style="dim")))
            rows.append(("", line, status_text(i.status), Text(""), said))

    label_w = max([cell_width(r[0]) for r in rows] + [1])
    value_w = min(max([r[2].cell_len for r in rows] + [1]), 34)
    conf_w = max([r[3].cell_len for r in rows] + [1])
    gap = 2

    parts: list[RenderableType] = [
        Text(t("checkin.review_title"), style="bold"),
        Text(t("checkin.review_hint"), style="dim"),
        Text(""),
    ]
    if problems:
        parts.append(Text(t("checkin.review.problems"), style="bold red"))
        parts += [Padding(Text(p, style="red"), (0, 0, 0, 2)) for p in problems]
        parts.append(Text(""))
    for head, title, value, conf, notes in rows:
        grid = Table.grid(padding=(0, gap), expand=True)
        grid.add_column(width=label_w, no_wrap=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(width=value_w, no_wrap=True, overflow="ellipsis")
        grid.add_column(width=conf_w, no_wrap=True, justify="right")
        grid.add_row(Text(head, style="bold"), title, value, conf)
        parts.append(grid)
        for extra, note in notes:
            parts.append(Padding(note, (0, 0, 0, label_w + gap + 2 + extra)))
    parts.append(Text(""))
    parts.append(Text(t("checkin.review.note"), style="bold"))
    note = form.note.strip()
    parts.append(
        Padding(Text(inert(note)), (0, 0, 0, 2))
        if note
        else Text(t("checkin.review.no_note"), style="dim")
    )
    return Group(*parts)
