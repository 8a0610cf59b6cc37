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
    """A number as typed (12, 12.5, 1,000, 10w, 10k, 十万: ``store.numbers``); ValueError
    with the message to show otherwise ("too large" for one over the model's bound)."""
    from store.numbers import NumberError, parse_number

    try:
        value = parse_number(text)
    except NumberError as e:
        raise ValueError(t(number_problem(e))) from None
    if value is None:
        raise ValueError(t("dialog.not_a_number"))
    return value


def number_problem(e: Exception) -> str:
    """The catalogue key of what is wrong with a typed number (a ``NumberError``):
    "Expected a number" or "Too large"."""
    return (
        "editor.err.too_large" if getattr(e, "reason", "") == "too_large" else "editor.err.number"
    )
