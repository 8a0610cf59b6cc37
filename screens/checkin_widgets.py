"""The check-in's fields: a text field, the status picker, the milestone toggle, and the
add-item dialog. Each keeps its styles in its ``DEFAULT_CSS``.

Keys typed ahead (a fast typist, tmux ``send-keys``, a terminal paste) must each land on
the field that has the focus at that point. Textual hands a key to the widget focused
when the key arrives, so every key that moves the focus does it at once, in its
binding (``priority=True``: run when the key arrives, in order) and by a direct call
(:func:`move_on`), never by a message that would be handled after the keys behind it
were already handed to the old field. What a field holds is told by messages
(``Changed``), which may come later: the pages read their fields when asked.

Within a text field, Textual inserts a character when the field takes the key, but
runs the field's own bindings (backspace, arrows, delete...) only once the key has
bubbled up to the app: in a burst, "backspace backspace 1 2" would insert "12" and
then delete it. :class:`KeysInOrder` runs those bindings as the field takes the key.
"""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, TextArea

from screens.base import OkrModal
from store.model import STATUSES
from tui import format as fmt
from tui.i18n import t
from tui.text import inert

# One key per status, shown in the picker itself.
STATUS_KEYS = {
    "not_started": "n",
    "on_track": "o",
    "at_risk": "r",
    "off_track": "x",
    "done": "d",
    "dropped": "-",
}


class Walker(Protocol):
    """What the screen around the fields does: move the focus from a field, now."""

    def move_focus(self, widget: Widget, delta: int, *, page: bool = False) -> None: ...


def move_on(widget: Widget, delta: int = 1, *, page: bool = False) -> None:
    """Move the focus from ``widget`` to the next (``delta`` 1) or previous (-1) field, or
    with ``page`` to the next page, within this call. The screen (a :class:`Walker`) knows
    the pages; in a bare test app the focus chain is used."""
    screen = widget.screen
    move = getattr(screen, "move_focus", None)
    if callable(move):
        move(widget, delta, page=page)
    elif delta > 0:
        screen.focus_next()
    else:
        screen.focus_previous()


class KeysInOrder:
    """Mixin for a text widget: its own key bindings run when it takes the key, in order
    with the characters it inserts (not after the key bubbled up to the app)."""

    async def _on_key(self, event: events.Key) -> None:
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority:
                event.stop()
                event.prevent_default()  # not the widget's own _on_key as well
                await self.run_action(binding.action)
                return


def status_text(status: str) -> Text:
    return Text(fmt.status_text(status), style=fmt.status_style(status))


class FieldInput(KeysInOrder, Input):
    """A one-line field of the check-in: enter moves on to the next field at once."""

    DEFAULT_CSS = """
    FieldInput {
        width: 1fr;
        &.short { max-width: 40; }
        &.-bad { border: tall $error; }
    }
    """
    BINDINGS = [Binding("enter", "next_field", show=False, priority=True)]

    def _watch_value(self, value: str) -> None:
        # Input keeps its virtual width equal to its text's on every key, and a change of
        # virtual size asks the whole screen for a new layout: a page of some thirty
        # widgets arranged again per key (the check-in's key-to-frame cost). A field's own
        # size never changes with its text, so the new width is set quietly and only the
        # field repaints; Input's own watcher then finds it set and asks nothing more.
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        self.refresh()
        super()._watch_value(value)

    def action_next_field(self) -> None:
        move_on(self, 1)


class NoteArea(KeysInOrder, TextArea):
    """The week note: enter is a new line; tab moves on (the screen's binding)."""


class StatusPicker(Widget, can_focus=True):
    """The six statuses in one row; each is one key while the picker has focus. A status
    key sets it and moves on to the next field (what happened); enter keeps it and moves
    on to the next page (an unchanged item costs one key); left / right / space step."""

    DEFAULT_CSS = """
    StatusPicker {
        height: auto;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
        }
    }
    """

    BINDINGS = [
        *(
            Binding("minus" if key == "-" else key, f"pick('{status}')", show=False, priority=True)
            for status, key in STATUS_KEYS.items()
        ),
        Binding("left", "step(-1)", show=False, priority=True),
        Binding("right,space", "step(1)", show=False, priority=True),
        Binding("enter", "accept", "key.ck_accept", show=False, priority=True),
    ]

    status: reactive[str] = reactive("not_started")

    class Changed(Message):
        """The status changed (by a key)."""

        def __init__(self, picker: StatusPicker, status: str) -> None:
            super().__init__()
            self.picker = picker
            self.status = status

        @property
        def control(self) -> StatusPicker:
            return self.picker

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

    def _set(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.post_message(self.Changed(self, status))

    def action_pick(self, status: str) -> None:
        self._set(status)
        move_on(self, 1)

    def action_step(self, delta: int) -> None:
        self._set(STATUSES[(STATUSES.index(self.status) + delta) % len(STATUSES)])

    def action_accept(self) -> None:
        move_on(self, 1, page=True)


class MilestoneToggle(Widget, can_focus=True):
    """Done / not done: space toggles, y and n set it and move on, enter moves on."""

    DEFAULT_CSS = """
    MilestoneToggle {
        height: 3;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        max-width: 60;
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
        }
    }
    """

    BINDINGS = [
        Binding("space", "toggle", "key.ck_toggle", show=False, priority=True),
        Binding("y", "set(True)", show=False, priority=True),
        Binding("n", "set(False)", show=False, priority=True),
        Binding("enter", "advance", show=False, priority=True),
    ]

    done: reactive[bool] = reactive(False)

    class Changed(Message):
        def __init__(self, toggle: MilestoneToggle, done: bool) -> None:
            super().__init__()
            self.toggle = toggle
            self.done = done

        @property
        def control(self) -> MilestoneToggle:
            return self.toggle

    def __init__(self, done: bool, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(MilestoneToggle.done, done)

    def render(self) -> Text:
        out = Text(t("checkin.toggle_done") if self.done else t("checkin.toggle_open"))
        out.stylize("bold green" if self.done else "bold")
        out.append("   " + t("checkin.toggle_keys"), style="dim")
        return out

    def _set(self, done: bool) -> None:
        if done != self.done:
            self.done = done
            self.post_message(self.Changed(self, done))

    def action_toggle(self) -> None:
        self._set(not self.done)

    def action_set(self, done: bool) -> None:
        self._set(done)
        move_on(self, 1)

    def action_advance(self) -> None:
        move_on(self, 1)


class AddItemModal(OkrModal[str | None]):
    """Asks the title of a new E-item; dismisses with the title, or None."""

    DEFAULT_CSS = """
    AddItemModal {
        align: center middle;
        #add-box {
            width: 70;
            max-width: 90%;
            height: auto;
            padding: 1 2;
            border: thick $primary;
            background: $panel;
        }
        .hint { color: $text-muted; }
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("enter", "add", "key.ck_add_ok", key_display="enter", show=True),
    ]

    def __init__(self, kr_title: str) -> None:
        super().__init__()
        self.kr_title = kr_title

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            yield Label(
                t("checkin.add.title", kr=inert(self.kr_title, newlines=False)), markup=False
            )
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
