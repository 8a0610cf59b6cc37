"""The month summary: choose the month, language and format; preview it; save it or copy it.

The text is exactly what ``okr summary --month M --lang L --format F`` prints
(the same tui.report functions make it), so a saved file and the command's
output are the same bytes. Markdown is previewed rendered; plain text and
JSON as they are, in a monospace pane that scrolls both ways.

The month starts as the command's default (tui.report.default_month: the
current month, or the previous one during days 1-7). The language of the
summary is its own (the manager may read another language than the lead's
UI); it starts as the UI's.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import ScrollableContainer, VerticalScroll
from textual.widgets import Footer, Header, Static

from screens.base import OkrScreen
from screens.dialogs import AskDialog, ConfirmDialog
from store import weeks
from tui.i18n import LANGS, t
from tui.report import FORMATS, default_month, render_summary, summary_rollups

EXTENSIONS = {"md": "md", "text": "txt", "json": "json"}
KEPT_VIEWS = 4  # Markdown renderings kept mounted (see SummaryScreen.show_markdown)
MONTH_KEYS = Binding.Group("summary.key.month", compact=True)


def next_in(options: tuple[str, ...], current: str) -> str:
    return options[(options.index(current) + 1) % len(options)]


def default_file_name(month: str, lang: str, fmt: str) -> str:
    """``okr-summary-2026-10-en.md``: the name offered when saving."""
    return f"okr-summary-{month}-{lang}.{EXTENSIONS[fmt]}"


def check_month(text: str) -> str:
    """A typed month as YYYY-MM; ValueError with the message to show otherwise."""
    try:
        year, month = weeks.parse_month(text.strip())
    except ValueError:
        raise ValueError(t("summary.bad_month", text=text.strip() or "“”")) from None
    return f"{year:04d}-{month:02d}"


def check_path(text: str) -> Path:
    """A typed file name as an absolute path (relative: in the working directory)."""
    name = text.strip()
    if not name:
        raise ValueError(t("summary.no_path"))
    path = Path(name).expanduser()
    if not path.is_absolute():
        path = Path.cwd() / path
    if path.is_dir():
        raise ValueError(t("summary.is_dir", path=path))
    return path


def translated_groups(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Binding groups whose description is a catalogue key, in the UI's language."""
    out = {}
    for key, active in bindings.items():
        group = active.binding.group
        if group is not None and group.description.startswith(("summary.", "rollup.")):
            group = Binding.Group(t(group.description), compact=group.compact)
            active = active._replace(binding=replace(active.binding, group=group))
        out[key] = active
    return out


class SummaryScreen(OkrScreen):
    CSS_PATH = "summary.tcss"
    BINDINGS = [
        Binding("escape,q", "back", "key.back", key_display="esc"),
        Binding(
            "left_square_bracket",
            "month(-1)",
            "summary.key.prev",
            key_display="[",
            group=MONTH_KEYS,
        ),
        Binding(
            "right_square_bracket",
            "month(1)",
            "summary.key.next",
            key_display="]",
            group=MONTH_KEYS,
        ),
        Binding("m", "ask_month", "summary.key.goto", show=False),
        Binding("l", "toggle_lang", "rollup.key.lang"),
        Binding("f", "toggle_format", "summary.key.format"),
        Binding("s", "save", "summary.key.save"),
        Binding("c", "copy", "rollup.key.copy"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.month = default_month(weeks.today())
        self.lang = "en"
        self.fmt = "md"
        self.text = ""  # what is previewed, saved and copied
        self.views: dict = {}  # Markdown text -> its mounted Markdown widget, oldest first

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated_groups(super().active_bindings)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="sm-bar", markup=False)
        yield VerticalScroll(id="sm-md-pane")
        with ScrollableContainer(id="sm-raw-pane"):
            yield Static("", id="sm-raw", markup=False)
        yield Static("", id="sm-status", markup=False)
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = t("summary.sub")
        self.lang = self.app.lang
        await self.show()

    async def show(self) -> None:
        """Render the summary for the current month, language and format, and preview it."""
        today = weeks.today()
        rollups = summary_rollups(self.app.store, self.month, today)
        self.text = render_summary(rollups, self.month, self.fmt, self.lang, today=today)
        self.query_one("#sm-bar", Static).update(
            t(
                "summary.bar",
                month=self.month,
                language=t(f"rollup.lang.{self.lang}"),
                fmt=t(f"summary.fmt.{self.fmt}"),
            )
        )
        md_pane = self.query_one("#sm-md-pane")
        raw_pane = self.query_one("#sm-raw-pane")
        is_md = self.fmt == "md"
        md_pane.display = is_md
        raw_pane.display = not is_md
        if is_md:
            await self.show_markdown()
            md_pane.scroll_home(animate=False)
            md_pane.focus()
        else:
            self.query_one("#sm-raw", Static).update(self.text)
            raw_pane.scroll_home(animate=False)
            raw_pane.focus()

    async def show_markdown(self) -> None:
        """Show ``self.text`` rendered, in a Markdown widget kept for the next time it is shown.

        Laying out a month's Markdown takes Textual most of a second (hundreds of
        widgets), so the last few renderings stay mounted (hidden): switching the
        language or the format back is then instant.
        """
        from textual.widgets import Markdown  # heavy: only when the screen needs it

        view = self.views.pop(self.text, None)
        if view is None:
            view = Markdown(open_links=False, classes="sm-md")
            await self.query_one("#sm-md-pane").mount(view)
            await view.update(self.text)
        self.views[self.text] = view  # the newest last
        for other in self.views.values():
            other.display = other is view
        while len(self.views) > KEPT_VIEWS:
            await self.views.pop(next(iter(self.views))).remove()

    @property
    def preview(self):
        """The Markdown widget on show (None when the format is not Markdown)."""
        if self.fmt != "md":
            return None
        return self.views.get(self.text)

    def say(self, message: str, *, error: bool = False) -> None:
        """A message in the status line (it stays) and as a notification."""
        status = self.query_one("#sm-status", Static)
        status.update(message)
        status.set_class(error, "error")
        status.display = True
        self.notify(message, severity="error" if error else "information")

    # -- actions ------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    async def action_month(self, step: int) -> None:
        self.month = weeks.shift_month(self.month, step)
        await self.show()

    def action_ask_month(self) -> None:
        async def chosen(month: str | None) -> None:
            if month is not None:
                self.month = month
                await self.show()

        self.app.push_screen(
            AskDialog(t("summary.ask_month"), self.month, check=check_month), chosen
        )

    async def action_toggle_lang(self) -> None:
        self.lang = next_in(LANGS, self.lang)
        await self.show()

    async def action_toggle_format(self) -> None:
        self.fmt = next_in(FORMATS, self.fmt)
        await self.show()

    def action_save(self) -> None:
        name = default_file_name(self.month, self.lang, self.fmt)
        question = t("summary.ask_path", cwd=Path.cwd())
        self.app.push_screen(AskDialog(question, name, check=check_path), self.save_to)

    def save_to(self, path: Path | None) -> None:
        if path is None:
            return
        if path.exists():

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write(path)

            self.app.push_screen(ConfirmDialog(t("summary.replace", path=path)), confirmed)
            return
        self.write(path)

    def write(self, path: Path) -> None:
        from store.storage import write_file_atomic

        try:
            write_file_atomic(path, self.text)
        except OSError as e:
            reason = e.strerror or str(e)
            self.say(t("summary.save_failed", path=path, reason=reason), error=True)
            return
        self.say(t("summary.saved", path=path))

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify(t("rollup.copied", lines=len(self.text.splitlines())))
