"""The one-on-one prep: the talking points since the last recorded one-on-one, and recording one.

The text is what ``okr prep --lang L`` prints in Markdown (tui.report), shown
rendered by screens.preview; the rollup, the text and its rendering are made in
worker threads, so the screen answers at once whatever the history's length. ``r`` records that a one-on-one happened (its date and what was
agreed); the prep then starts from the day after it, as ``okr prep`` does
(store.rollup.prep_since). The language of the talking points is its own,
starting as the UI's; ``c`` copies the Markdown text.
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Header, Input, Label, Static, TextArea

from screens import saving
from screens.base import OkrModal, OkrScreen
from screens.preview import Preview
from store import weeks
from store.model import Meeting
from tui.i18n import LANGS, t
from tui.report import prep_report, render_prep
from tui.text import inert


def check_meeting_date(text: str, today) -> str:
    """A typed date as YYYY-MM-DD, not after today; ValueError with the message otherwise."""
    typed = text.strip()
    try:
        day = weeks.parse_date(typed)
    except ValueError:
        raise ValueError(t("prep.record.bad_date", text=inert(typed) or "“”")) from None
    if day > today:
        raise ValueError(t("prep.record.future", date=day.isoformat()))
    return day.isoformat()


class MeetingDialog(OkrModal[Meeting]):
    """The date and notes of a one-on-one; dismisses with a Meeting, or None (escape)."""

    CSS_PATH = "prep.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save"),
        Binding("escape", "cancel", "key.cancel"),
    ]

    def compose(self) -> ComposeResult:
        today = weeks.today().isoformat()
        with Vertical(id="pr-dialog"):
            yield Static(t("prep.record.title"), id="pr-dialog-title", markup=False)
            yield Label(t("prep.record.date"))
            yield Input(today, id="pr-date", compact=True)
            yield Label(t("prep.record.notes"))
            yield TextArea(id="pr-notes", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="pr-error", markup=False)
            with Horizontal(id="pr-buttons"):
                yield Button(
                    f"{t('key.save')} (ctrl+s)", id="pr-save", variant="primary", compact=True
                )
                yield Button(f"{t('key.cancel')} (esc)", id="pr-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#pr-date", Input).focus()

    @on(Input.Submitted, "#pr-date")
    def date_entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#pr-notes", TextArea).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "pr-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        error = self.query_one("#pr-error", Static)
        try:
            day = check_meeting_date(self.query_one("#pr-date", Input).value, weeks.today())
        except ValueError as exc:
            error.update(str(exc))
            error.display = True
            self.query_one("#pr-date", Input).focus()
            return
        meeting = Meeting(date=day, notes=self.query_one("#pr-notes", TextArea).text.strip())
        # Written here, through the one save path: if the store refuses it, the dialog
        # stays open with what was typed (and the notes are kept beside the store).
        if saving.write(self, lambda: self.app.store.add_meeting(meeting), rescue=self.rescue()):
            self.dismiss(meeting)

    def rescue(self) -> saving.Rescue:
        """The typed date and notes, kept beside the store if the store refuses them."""
        date = self.query_one("#pr-date", Input).value
        notes = self.query_one("#pr-notes", TextArea).text
        return saving.Rescue(
            "meeting", date.strip() or "undated", lambda: {"date": date, "notes": notes}
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class PrepScreen(OkrScreen):
    CSS_PATH = "prep.tcss"
    BINDINGS = [
        Binding("escape,q", "back", "key.back", key_display="esc"),
        Binding("r", "record", "prep.key.record"),
        Binding("l", "toggle_lang", "rollup.key.lang"),
        Binding("c", "copy", "rollup.key.copy"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lang = "en"
        self.text = ""  # the Markdown shown and copied
        self._asked = 0  # counts the requests: only the newest one's text is shown
        self.built_for: tuple[str, int] | None = None

    @property
    def ready(self) -> bool:
        return self.built_for == (self.lang, self._asked) and not self.preview.rendering

    def compose(self) -> ComposeResult:
        yield Header()
        yield Preview(id="pr-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("prep.sub")
        self.lang = self.app.lang
        self.preview.focus()
        self.show()

    @property
    def preview(self) -> Preview:
        return self.query_one("#pr-preview", Preview)

    def show(self) -> None:
        """The talking points from the day after the last one-on-one up to today, made in a
        worker and rendered by the preview."""
        self._asked += 1
        key = (self.lang, self._asked)
        self.preview.busy()
        self.run_worker(partial(self._build, key), exclusive=True, group="prep")

    async def _build(self, key: tuple[str, int]) -> None:
        """Make the talking points and hand them to the preview (an async worker: see
        SummaryScreen._build)."""
        from tui.errors import is_user_error, sentence

        try:
            rollup = prep_report(self.app.store, None, weeks.today())
            await asyncio.sleep(0)
            text = render_prep(rollup, "md", key[0])
        except Exception as e:
            if not is_user_error(e):
                raise
            self.preview.loading = False
            self.notify(sentence(e), severity="error", markup=False)
            return
        self.text = text
        self.built_for = key
        self.preview.show(text, "md")

    # -- actions ------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_record(self) -> None:
        self.app.push_screen(MeetingDialog(), self.recorded)

    def recorded(self, meeting: Meeting | None) -> None:
        """The dialog saved a one-on-one (or was closed: None)."""
        if meeting is None:
            return
        self.notify(t("prep.recorded", date=meeting.date))
        self.show()

    def action_toggle_lang(self) -> None:
        self.lang = LANGS[(LANGS.index(self.lang) + 1) % len(LANGS)]
        self.show()

    def action_copy(self) -> None:
        if self.built_for != (self.lang, self._asked):
            self.notify(t("rollup.not_ready"), severity="warning")
            return
        self.app.copy_to_clipboard(self.text)
        self.notify(t("rollup.copied", lines=len(self.text.splitlines())))
