"""Small shared modals: a yes/no question and a one-line answer (text or number).

Both are typed by what they dismiss with (harlequin's way): push them with a
callback, ``self.app.push_screen(ConfirmDialog(question), on_answer)``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from screens.base import OkrModal
from screens.checkin_form import parse_number as typed_number
from tui.i18n import t
from tui.text import inert


class ConfirmDialog(OkrModal[bool]):
    """A yes/no question; dismisses with True (yes) or False (no, escape)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "dialog.key.yes"),
        Binding("n,escape", "answer(False)", "dialog.key.no", key_display="n/esc"),
    ]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes or t("yes")
        self.no_label = no or t("no")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(inert(self.question), id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="error")
                yield Button(f"{self.no_label} (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def leave_after_asking(screen, question: str, *, yes: str, no: str) -> None:
    """Dismiss ``screen`` (None) once the user confirms ``question``; stay on no or escape."""

    def answered(leave: bool | None) -> None:
        if leave:
            screen.dismiss(None)

    screen.app.push_screen(ConfirmDialog(question, yes=yes, no=no), answered)


class AskDialog(OkrModal[object]):
    """One line of input; dismisses with the checked value, or None on escape.

    ``check`` turns the typed text into the value or raises ValueError with the
    message to show under the field; :func:`number_check` is one.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(
        self,
        question: str,
        value: str = "",
        *,
        check: Callable[[str], object] | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.check = check
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(inert(self.question), id="question", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="answer")
            yield Static("", id="error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    @on(Input.Submitted, "#answer")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value
        error = self.query_one("#error", Static)
        if self.check is None:
            self.dismiss(text)
            return
        try:
            value = self.check(text)
        except ValueError as exc:
            error.update(str(exc))
            error.display = True
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def number_check(text: str) -> float | int:
    """A number as typed (12, 12.5, 1,000, 10w, 10k); ValueError with a message otherwise."""
    value = parse_number(text)
    if value is None:
        raise ValueError(t("dialog.not_a_number"))
    return value


def parse_number(text: str) -> float | int | None:
    """``text`` as a number (the check-in's rules: 1,000, 10k, 10w / 10万, 1m, full-width
    digits), or None if it is empty or not a number."""
    try:
        return typed_number(text)
    except ValueError:
        return None
