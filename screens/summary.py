"""The month summary: choose the month, language and format; preview it; save it or copy it.

The text is exactly what ``okr summary --month M --lang L --format F`` prints
(the same tui.report functions make it), so a saved file and the command's
output are the same bytes. Markdown is previewed rendered; plain text and
JSON as they are, long lines wrapped under their own indent (the saved text is
not changed).

Nothing slow runs on the UI thread: the rollup and the text are made in a worker
thread, and the preview (screens.preview) renders the text in another, so every key
(``l``, ``f``, ``[``, ``]``) answers at once, even on years of history; the bar
shows the new choice at once and the preview a loading indicator until it is ready.
Only the newest choice is shown when keys come faster than the work.

The month starts as the command's default (tui.report.default_month: the
current month, or the previous one during days 1-7). The language of the
summary is its own (the manager may read another language than the lead's
UI); it starts as the UI's.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.widgets import Footer, Header, Static

from screens import saving
from screens.base import OkrScreen
from screens.dialogs import AskDialog, ConfirmDialog
from screens.preview import Preview
from store import weeks
from tui.i18n import LANGS, t
from tui.report import FORMATS, default_month, render_summary, summary_rollups

EXTENSIONS = {"md": "md", "text": "txt", "json": "json"}
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
        self.text = ""  # what is previewed, saved and copied: the text of ``built_for``
        self.built_for: tuple[str, str, str] | None = None

    @property
    def choice(self) -> tuple[str, str, str]:
        return (self.month, self.lang, self.fmt)

    @property
    def ready(self) -> bool:
        """Whether the text of the current choice is made and on screen."""
        preview = self.preview
        return self.built_for == self.choice and not preview.rendering

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated_groups(super().active_bindings)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="sm-bar", markup=False)
        yield Preview(id="sm-preview")
        yield Static("", id="sm-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("summary.sub")
        self.lang = self.app.lang
        self.query_one(Preview).focus()
        self.show()

    @property
    def preview(self) -> Preview:
        return self.query_one("#sm-preview", Preview)

    def show(self) -> None:
        """Show the current choice in the bar at once; make its text in a worker."""
        self.show_bar()
        self.preview.busy()
        self.run_worker(partial(self._build, self.choice), exclusive=True, group="summary")

    async def _build(self, choice: tuple[str, str, str]) -> None:
        """Make the text of ``choice`` and hand it to the preview. An async worker on the
        UI's loop (exclusive: a newer choice cancels it), giving the UI its turn between
        the rollup and the text; each takes a few milliseconds even on years of history."""
        from tui.errors import is_user_error, sentence

        month, lang, fmt = choice
        today = weeks.today()
        try:
            rollups = summary_rollups(self.app.store, month, today)
            await asyncio.sleep(0)
            text = render_summary(rollups, month, fmt, lang, today=today)
        except Exception as e:
            if not is_user_error(e):
                raise
            self.preview.loading = False
            self.say(sentence(e), error=True)
            return
        self.text = text
        self.built_for = choice
        self.preview.show(text, fmt)

    def show_bar(self, wide: bool = False) -> None:
        """The current choice; with ``wide``, how to see a table wider than the screen."""
        bar = t(
            "summary.bar",
            month=self.month,
            language=t(f"rollup.lang.{self.lang}"),
            fmt=t(f"summary.fmt.{self.fmt}"),
        )
        self.query_one("#sm-bar", Static).update(bar + (t("summary.bar_wide") if wide else ""))

    @on(Preview.Shown)
    def shown(self, event: Preview.Shown) -> None:
        self.show_bar(wide=event.preview.wide)

    def say(self, message: str, *, error: bool = False) -> None:
        """A message in the status line (it stays) and as a notification."""
        status = self.query_one("#sm-status", Static)
        status.update(message)
        status.set_class(error, "error")
        status.display = True
        self.notify(message, severity="error" if error else "information", markup=False)

    def _need_text(self) -> bool:
        """Whether the text of the current choice is made (save and copy need it)."""
        if self.built_for == self.choice:
            return True
        self.notify(t("rollup.not_ready"), severity="warning")
        return False

    # -- actions ------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_month(self, step: int) -> None:
        self.month = weeks.shift_month(self.month, step)
        self.show()

    def action_ask_month(self) -> None:
        def chosen(month: str | None) -> None:
            if month is not None:
                self.month = month
                self.show()

        self.app.push_screen(
            AskDialog(t("summary.ask_month"), self.month, check=check_month), chosen
        )

    def action_toggle_lang(self) -> None:
        self.lang = next_in(LANGS, self.lang)
        self.show()

    def action_toggle_format(self) -> None:
        self.fmt = next_in(FORMATS, self.fmt)
        self.show()

    def action_save(self) -> None:
        if not self._need_text():
            return
        name = default_file_name(self.month, self.lang, self.fmt)
        question = t("summary.ask_path", cwd=Path.cwd())
        text = self.text
        self.app.push_screen(
            AskDialog(question, name, check=check_path), lambda path: self.save_to(path, text)
        )

    def save_to(self, path: Path | None, text: str) -> None:
        if path is None:
            return
        if path.exists():

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write(path, text)

            self.app.push_screen(ConfirmDialog(t("summary.replace", path=path)), confirmed)
            return
        self.write(path, text)

    def write(self, path: Path, text: str) -> None:
        """Write the file through the one save path: an error is said as every other one."""
        from store.storage import write_file_atomic

        if saving.write(self, lambda: write_file_atomic(path, text)):
            self.say(t("summary.saved", path=path))
        else:
            status = self.query_one("#sm-status", Static)
            status.update(t("summary.not_saved", path=path))
            status.set_class(True, "error")
            status.display = True

    def action_copy(self) -> None:
        if not self._need_text():
            return
        self.app.copy_to_clipboard(self.text)
        self.notify(t("rollup.copied", lines=len(self.text.splitlines())))
