"""The Textual app: one store, one language, the home screen as its default screen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable

from rich.text import Text
from textual.app import App, SystemCommand
from textual.screen import Screen

from screens.home import HomeScreen
from screens.saving import ERROR_SECONDS
from store.repo import Store
from store.storage import StoreError
from tui import i18n
from tui.i18n import t

STORE_POLL_SECONDS = 2.0  # how often the app looks whether another copy wrote the file


class OkrApp(App):
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        store: Store,
        lang: str = "en",
        demo: bool = False,
        checkin: tuple[list[str], str] | None = None,
        start: Callable[[], Screen] | None = None,
    ) -> None:
        """``checkin``: (objective ids, week) to walk through straight away (``okr checkin``);
        ``start``: makes a screen to open over home straight away (``okr team``)."""
        i18n.set_lang(lang)
        super().__init__()
        self.store = store
        self.lang = lang
        self.demo = demo
        self.start_checkin = checkin
        self.start_screen = start
        self._store_error_said = ""  # the store error on screen now (say_store_error)
        self.stop_message = ""  # the sentence printed when the app stops on an error
        self.title = t("app.title") + (f" — {t('app.demo')}" if demo else "")

    def on_mount(self) -> None:
        # The store's data lives as long as the app, hundreds of thousands of objects on
        # years of history: kept out of the garbage collector's full passes, which
        # otherwise walk all of it and stop the UI for ~60 ms at a time (measured while a
        # five-year summary renders). Read again after a change elsewhere: frozen again.
        gc.freeze()
        self.call_after_refresh(self._resume_collector)
        self.set_interval(STORE_POLL_SECONDS, self.check_store)
        if self.start_checkin:
            from screens.checkin import CheckInScreen

            ids, week = self.start_checkin
            self.push_screen(CheckInScreen(ids[0], week, queue=ids[1:]))
        elif self.start_screen is not None:
            self.push_screen(self.start_screen())

    def _resume_collector(self) -> None:
        """The first frame is painted: the collector (off since tui.cli.pause_collector)
        runs again, over what is made from now on."""
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        gc.unfreeze()  # what was kept out of collections can go with the app (tests run many)

    def get_default_screen(self) -> Screen:
        # The home screen is the default screen, not pushed after mount: the first
        # frame is the real one.
        return HomeScreen()

    def say_store_error(self, error: str, message: str = "") -> None:
        """Say the store's error ``error`` once while it lasts: the poll, a screen that
        reads the store and a refused save each met the same damaged file and said the
        same sentence (three toasts filled 80x24). ``message``: a refused save's own
        words around the error (what was kept), always said."""
        if not message and error == self._store_error_said:
            return
        self._store_error_said = error
        self.notify(message or error, severity="error", timeout=ERROR_SECONDS, markup=False)

    def check_store(self) -> None:
        """Tell the screens when another copy of the app changed the store file."""
        if not self.store.changed_on_disk():
            return
        try:
            self.store.storage.read_tables()  # take the new file in (once)
        except StoreError as e:  # damaged meanwhile: say so once; saving will refuse it
            from tui.errors import sentence

            self.say_store_error(sentence(e))
            return
        self._store_error_said = ""
        gc.freeze()
        for screen in self.screen_stack:
            handler = getattr(screen, "store_changed", None)
            if handler is not None:
                handler()

    # -- the last line of defence: an error no screen caught ---------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An error no screen caught stops the app (Textual cannot resume the handler that
        raised): first keep what every open screen has typed (``rescue()``) beside the
        store, then stop with one sentence on stderr and exit status 1, never a
        traceback holding the user's notes in its local variables."""
        if not self.stop_message:
            self.stop_message = self._stop_message(error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Textual prints a traceback with local variables here; we print one sentence."""
        self.bell()
        self._exit_renderables.append(Text(self.stop_message or "okr-checkin stopped."))
        self._close_messages_no_wait()

    def _stop_message(self, error: BaseException) -> str:
        from tui.errors import is_user_error, sentence

        if is_user_error(error):
            message = t("app.stopped", error=sentence(error))
        else:
            message = t("app.stopped_bug", error=type(error).__name__, path=self._crash_log(error))
        for path in self._rescue_all():
            message += " " + t("app.kept", path=str(path))
        return message

    def _rescue_all(self) -> list:
        """Write what every open screen has typed beside the store (store.rescue)."""
        from store import rescue

        kept = []
        for screen in self.screen_stack:
            take = getattr(screen, "rescue", None)
            try:
                what = take() if take is not None else None
                if what is not None:
                    kept.append(rescue.keep(self.store.data_dir, what.kind, what.key, what.data()))
            except Exception:  # noqa: BLE001 - rescuing must never stop the others
                continue
        return kept

    def _crash_log(self, error: BaseException) -> str:
        """The traceback, without local variables, in a 0600 file; its path."""
        import tempfile
        import traceback
        from datetime import datetime
        from pathlib import Path

        from store.storage import write_file_atomic

        text = "".join(traceback.format_exception(error))
        name = datetime.now().strftime("crash-%Y%m%d-%H%M%S.txt")
        for folder in (self.store.data_dir, Path(tempfile.gettempdir())):
            try:
                write_file_atomic(folder / name, text)
                return str(folder / name)
            except OSError:
                continue
        return "-"

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command in the palette (ctrl+p)."""
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.description,
                f"{binding.description} ({binding.key_display or binding.key})",
                lambda action=binding.action, node=active.node: self.call_later(
                    self.run_action, action, node
                ),
            )
        yield from super().get_system_commands(screen)
