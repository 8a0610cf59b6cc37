"""Small widgets of the check-in: the status picker, the milestone toggle, the add-item
dialog and the review table."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer, Input, Label

from screens.base import OkrModal
from screens.checkin_form import Form, parse_confidence, parse_number, shown_items
from store.model import STATUSES, CheckIn, KeyResult, Objective, progress
from tui.i18n import t
from tui.text import inert, number, percent

# One key per status, shown in the picker itself.
STATUS_KEYS = {
    "not_started": "n",
    "on_track": "o",
    "at_risk": "r",
    "off_track": "x",
    "done": "d",
    "dropped": "-",
}
STATUS_STYLES = {
    "not_started": "dim",
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "red",
    "done": "cyan",
    "dropped": "dim strike",
}


def status_text(status: str) -> Text:
    return Text(t(f"status.{status}"), style=STATUS_STYLES[status])


class StatusPicker(Widget, can_focus=True):
    """The six statuses in one row; each is one key while the picker has focus."""

    BINDINGS = [
        *(
            Binding("minus" if key == "-" else key, f"pick('{status}')", show=False)
            for status, key in STATUS_KEYS.items()
        ),
        Binding("left", "step(-1)", show=False),
        Binding("right,space", "step(1)", show=False),
        Binding("enter", "accept", "key.ck_accept", show=False),
    ]

    status: reactive[str] = reactive("not_started")

    class Changed(Message):
        def __init__(self, picker: StatusPicker, status: str, picked: bool) -> None:
            super().__init__()
            self.picker = picker
            self.status = status
            self.picked = picked  # by its letter (the screen then moves on to the next field)

    class Accepted(Message):
        """Enter: keep the status and move on."""

        def __init__(self, picker: StatusPicker) -> None:
            super().__init__()
            self.picker = picker

    def __init__(self, status: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(StatusPicker.status, status)

    def render(self) -> Text:
        out = Text()
        for n, status in enumerate(STATUSES):
            if n:
                out.append("  ")
            chip = Text(f"{STATUS_KEYS[status]} ", style="bold")
            chip.append_text(status_text(status))
            if status == self.status:
                chip.stylize("reverse")
            out.append_text(chip)
        return out

    def action_pick(self, status: str) -> None:
        self.status = status
        self.post_message(self.Changed(self, status, picked=True))

    def action_step(self, delta: int) -> None:
        index = (STATUSES.index(self.status) + delta) % len(STATUSES)
        self.status = STATUSES[index]
        self.post_message(self.Changed(self, self.status, picked=False))

    def action_accept(self) -> None:
        self.post_message(self.Accepted(self))


class MilestoneToggle(Widget, can_focus=True):
    """Done / not done: space toggles, y and n set it and move on, enter moves on."""

    BINDINGS = [
        Binding("space", "toggle", "key.ck_toggle", show=False),
        Binding("y", "set(True)", show=False),
        Binding("n", "set(False)", show=False),
        Binding("enter", "advance", show=False),
    ]

    done: reactive[bool] = reactive(False)

    class Changed(Message):
        def __init__(self, toggle: MilestoneToggle, done: bool) -> None:
            super().__init__()
            self.toggle = toggle
            self.done = done

    class Advance(Message):
        def __init__(self, toggle: MilestoneToggle) -> None:
            super().__init__()
            self.toggle = toggle

    def __init__(self, done: bool, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(MilestoneToggle.done, done)

    def render(self) -> Text:
        out = Text(t("checkin.toggle_done") if self.done else t("checkin.toggle_open"))
        out.stylize("bold green" if self.done else "bold")
        out.append("   " + t("checkin.toggle_keys"), style="dim")
        return out

    def action_toggle(self) -> None:
        self.done = not self.done
        self.post_message(self.Changed(self, self.done))

    def action_set(self, done: bool) -> None:
        self.done = done
        self.post_message(self.Changed(self, done))
        self.post_message(self.Advance(self))

    def action_advance(self) -> None:
        self.post_message(self.Advance(self))


class AddItemModal(OkrModal[str | None]):
    """Asks the title of a new E-item; dismisses with the title, or None."""

    CSS_PATH = "checkin.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("enter", "add", "key.ck_add_ok", key_display="enter", show=True),
    ]

    def __init__(self, kr_title: str) -> None:
        super().__init__()
        self.kr_title = kr_title

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            yield Label(t("checkin.add.title", kr=inert(self.kr_title, newlines=False)))
            yield Input(placeholder=t("checkin.add.placeholder"), id="add-title")
            yield Label(t("checkin.add.hint"), classes="hint")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_add()

    def action_add(self) -> None:
        title = self.query_one("#add-title", Input).value.strip()
        if title:
            self.dismiss(title)

    def action_cancel(self) -> None:
        self.dismiss(None)


# -- the review page -----------------------------------------------------------------------------


def _value_text(kr: KeyResult, raw: str, last: float | None) -> Text:
    if kr.kind == "milestone":
        done = raw == "1"
        return Text(
            t("milestone.done") if done else t("milestone.open"),
            style="green" if done else "",
        )
    try:
        value = parse_number(raw)
    except ValueError:
        return Text(inert(raw, newlines=False), style="bold red")
    target = "?" if kr.target is None else number(kr.target)
    out = Text(t("checkin.review.value", value=number(value), target=target, unit=inert(kr.unit)))
    out.rstrip()
    p = progress(kr, value)
    if p is not None:
        out.append(f" {percent(p)}", style="bold")
    if value is not None and last is not None and value != last:
        delta = value - last
        out.append(f" ({'+' if delta > 0 else ''}{number(delta)})", style="dim")
    return out


def _confidence_text(raw: str) -> Text:
    try:
        c = parse_confidence(raw)
    except ValueError:
        return Text(inert(raw, newlines=False), style="bold red")
    if c is None:
        return Text("—", style="dim")
    style = "red" if c <= 3 else "yellow" if c <= 7 else "green"
    return Text(t("checkin.review.conf", n=c), style=style)


def review(
    objective: Objective,
    week: str,
    saved: CheckIn | None,
    last: CheckIn | None,
    form: Form,
    problems: list[str],
) -> Group:
    """The whole week at a glance: each KR with value, confidence and note, each of its
    items with status, what happened and what changes, then the week note."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(no_wrap=True)  # KR1 / ·
    table.add_column(ratio=1, overflow="fold")  # title, notes
    table.add_column(no_wrap=True)  # value / status
    table.add_column(no_wrap=True, justify="right")  # confidence
    added = {a.id for a in form.added}
    for n, kr in enumerate(objective.key_results, 1):
        f = form.krs[kr.id]
        before = last.kr(kr.id) if last else None
        table.add_row(
            Text(t("checkin.kr_label", n=n), style="bold"),
            Text(inert(kr.title, newlines=False), style="bold"),
            _value_text(kr, f.value, before.value if before else None),
            _confidence_text(f.confidence),
        )
        if f.note.strip():
            table.add_row("", Text(inert(f.note.strip(), newlines=False), style="italic"))
        for item in shown_items(kr, week, saved, form):
            i = form.items.get(item.id)
            if i is None:
                continue
            line = Text(inert(item.title, newlines=False))
            if item.id in added:
                line.append(" " + t("checkin.review.added"), style="magenta")
            table.add_row(Text("  ·"), line, status_text(i.status), "")
            for key, text in (
                ("checkin.review.happened", i.progress),
                ("checkin.review.adjust", i.adjustment),
            ):
                if text.strip():
                    said = t(key, text=inert(text.strip(), newlines=False))
                    table.add_row("", Text("  " + said, style="dim"))
    parts: list = [
        Text(t("checkin.review_title"), style="bold"),
        Text(t("checkin.review_hint"), style="dim"),
        Text(""),
    ]
    if problems:
        head = Text(t("checkin.review.problems"), style="bold red")
        parts += [head, *(Text("  " + p, style="red") for p in problems), Text("")]
    parts.append(table)
    parts.append(Text(""))
    parts.append(Text(t("checkin.review.note"), style="bold"))
    note = form.note.strip()
    parts.append(Text(inert(note), "") if note else Text(t("checkin.review.no_note"), "dim"))
    return Group(*parts)
