"""What every screen of the app shares: key labels in the UI's language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen, ScreenResultType

from tui.i18n import catalogue, t


def translated(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Bindings whose description is a catalogue key, with the description in the UI language.

    Screens write ``Binding("c", "checkin", "key.checkin")``; the footer, the key
    panel and the command palette all read ``active_bindings``, so they all
    show the words of the current language.
    """
    words = catalogue()
    out = {}
    for key, active in bindings.items():
        description = active.binding.description
        if description in words:
            active = active._replace(binding=replace(active.binding, description=t(description)))
        out[key] = active
    return out


class OkrScreen(Screen):
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)


class OkrModal(ModalScreen[ScreenResultType]):
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)
