"""Help: the weekly flow in two lines, then the keys of every screen.

The keys are read from the screens' own ``BINDINGS`` (and those of the widgets
that carry keys), so this page cannot drift from what the keys really do.
A screen module that is not there (yet) is left out. The check-in's keys are the
exception: most act inside one field (a status's letters, a milestone's y / n)
without a described binding, so they are listed as the README lists them.
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from screens.base import OkrScreen
from tui.i18n import catalogue, t

# (section word, [(module, class name)]): the screens and the widgets of theirs with keys;
# the check-in's are its own list (screens.checkin.HELP_KEYS: most of them act inside a
# field, a status picker's letters or a milestone's y / n, and are no described binding).
SECTIONS = [
    ("help.section.home", [("screens.home", "HomeScreen")]),
    ("help.section.checkin", "CHECKIN_KEYS"),
    ("help.section.editor", [("screens.editor", "EditorScreen"), ("screens.editor", "Outline")]),
    ("help.section.paste", [("screens.paste", "PasteScreen")]),
    (
        "help.section.history",
        [("screens.history", "HistoryScreen"), ("screens.history", "HistoryTable")],
    ),
    ("help.section.summary", [("screens.summary", "SummaryScreen")]),
    ("help.section.prep", [("screens.prep", "PrepScreen")]),
    ("help.section.close", [("screens.close", "CloseScreen")]),
    (
        "help.section.rollover",
        [("screens.rollover", "RolloverScreen"), ("screens.rollover", "Choice")],
    ),
    ("help.section.help", [("screens.help", "HelpScreen")]),
]


def keys_of(owners: list[tuple[str, str]], display) -> list[tuple[str, str]] | None:
    """(keys, description) for every described binding of the classes; None if none exists."""
    rows: dict[str, tuple[list[str], str]] = {}
    found = False
    words = catalogue()
    for module_name, class_name in owners:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        cls = getattr(module, class_name, None)
        if cls is None:
            continue
        found = True
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            if not binding.description:
                continue
            # A longer word for help when the footer's is short: "<key>.help" in the catalogue.
            word = binding.description
            word = f"{word}.help" if f"{word}.help" in words else word
            description = t(word) if word in words else word
            keys, _ = rows.setdefault(binding.action, ([], description))
            # Every key as pressed (a footer's combined key_display such as "alt+↑↓" aside).
            shown = display(replace(binding, key_display=None))
            if shown not in keys:
                keys.append(shown)
    if not found:
        return None
    return [(" / ".join(keys), description) for keys, description in rows.values()]


class HelpScreen(OkrScreen):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q", "close", "help.key.close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            flow = Text()
            flow.append(t("help.flow_title") + "\n", style="bold")
            flow.append(t("help.flow_1") + "\n" + t("help.flow_2"))
            yield Static(flow, id="flow")
            for section, owners in SECTIONS:
                if owners == "CHECKIN_KEYS":
                    from screens.checkin import HELP_KEYS

                    rows = [(keys, t(word)) for keys, word in HELP_KEYS]
                else:
                    rows = keys_of(owners, self.app.get_key_display)
                if not rows:
                    continue
                yield Static(t(section), classes="section")
                table = Table.grid(padding=(0, 2))
                table.add_column(no_wrap=True, style="bold", min_width=10)
                table.add_column(overflow="fold")
                for keys, description in rows:
                    table.add_row(Text(keys), Text(description))
                yield Static(table, classes="keys")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("help.sub")
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
