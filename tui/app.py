"""The Textual app: one store, one language, the home screen as its default screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from screens.home import HomeScreen
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
    ) -> None:
        """``checkin``: (objective ids, week) to walk through straight away (``okr checkin``)."""
        i18n.set_lang(lang)
        super().__init__()
        self.store = store
        self.lang = lang
        self.demo = demo
        self.start_checkin = checkin
        self._store_error_shown = False
        self.title = t("app.title") + (f" — {t('app.demo')}" if demo else "")

    def on_mount(self) -> None:
        self.set_interval(STORE_POLL_SECONDS, self.check_store)
        if self.start_checkin:
            from screens.checkin import CheckInScreen

            ids, week = self.start_checkin
            self.push_screen(CheckInScreen(ids[0], week, queue=ids[1:]))

    def get_default_screen(self) -> Screen:
        # The home screen is the default screen, not pushed after mount: the first
        # frame is the real one.
        return HomeScreen()

    def check_store(self) -> None:
        """Tell the screens when another copy of the app changed the store file."""
        if not self.store.changed_on_disk():
            return
        try:
            self.store.storage.read()  # take the new file in (once)
        except StoreError as e:  # damaged meanwhile: say so once; saving will refuse it
            if not self._store_error_shown:
                self._store_error_shown = True
                self.notify(str(e), severity="error", timeout=10)
            return
        self._store_error_shown = False
        for screen in self.screen_stack:
            handler = getattr(screen, "store_changed", None)
            if handler is not None:
                handler()

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
