"""The one-on-one prep: the talking points since the last recorded one-on-one, and recording one.

The text is what ``okr prep --lang L`` prints in Markdown (tui.report), shown
rendered. ``r`` records that a one-on-one happened (its date and what was
agreed); the prep then starts from the day after it, as ``okr prep`` does
(store.rollup.prep_since). The language of the talking points is its own,
starting as the UI's; ``c`` copies the Markdown text.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Label, Static, TextArea

from screens.base import OkrModal, OkrScreen
from store import weeks
from store.model import InvalidData, Meeting
from store.storage import StoreError
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
            yield Input(today, id="pr-date")
            yield Label(t("prep.record.notes"))
            yield TextArea(id="pr-notes", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="pr-error", markup=False)
            with Horizontal(id="pr-buttons"):
                yield Button(f"{t('key.save')} (ctrl+s)", id="pr-save", variant="primary")
                yield Button(f"{t('key.cancel')} (esc)", id="pr-cancel")

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
        notes = self.query_one("#pr-notes", TextArea).text.strip()
        self.dismiss(Meeting(date=day, notes=notes))

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

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # heavy: only when the screen opens

        yield Header()
        with VerticalScroll(id="pr-pane"):
            yield Markdown(id="pr-md", open_links=False)
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = t("prep.sub")
        self.lang = self.app.lang
        await self.show()

    async def show(self) -> None:
        """Render the talking points from the day after the last one-on-one up to today."""
        from textual.widgets import Markdown

        rollup = prep_report(self.app.store, None, weeks.today())
        self.text = render_prep(rollup, "md", self.lang)
        await self.query_one("#pr-md", Markdown).update(self.text)
        pane = self.query_one("#pr-pane")
        pane.scroll_home(animate=False)
        pane.focus()

    # -- actions ------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_record(self) -> None:
        self.app.push_screen(MeetingDialog(), self.recorded)

    async def recorded(self, meeting: Meeting | None) -> None:
        if meeting is None:
            return
        try:
            self.app.store.add_meeting(meeting)
        except (StoreError, InvalidData, OSError) as e:
            self.notify(str(e), severity="error")
            return
        self.notify(t("prep.recorded", date=meeting.date))
        await self.show()

    async def action_toggle_lang(self) -> None:
        self.lang = LANGS[(LANGS.index(self.lang) + 1) % len(LANGS)]
        await self.show()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify(t("rollup.copied", lines=len(self.text.splitlines())))
