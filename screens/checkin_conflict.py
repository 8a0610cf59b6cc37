"""When two copies of the app saved the same week: both saves side by side, picked by keys.

Every value, confidence and status on which my save and theirs disagree is a row
(:func:`screens.checkin_form.differences`); ↑ ↓ choose a row, ← / m keeps mine,
→ / t takes theirs, enter saves, escape saves nothing (mine stays a draft). The notes
of both are kept whatever is picked (:func:`screens.checkin_form.merge_conflict`).
The dialog dismisses with the keys of the rows to take from theirs, or None.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region
from textual.widgets import Footer, Static

from screens.base import OkrModal
from screens.checkin_form import CONFLICT_MARK, Difference
from store.model import Objective
from tui import format as fmt
from tui.i18n import t
from tui.text import inert

Picks = frozenset[tuple[str, str]]


class ConflictDialog(OkrModal[Picks | None]):
    """Mine and theirs, side by side; the user picks each value."""

    DEFAULT_CSS = """
    ConflictDialog {
        align: center middle;
        #conflict-box {
            width: 96;
            max-width: 96%;
            height: auto;
            max-height: 90%;
            padding: 1 2;
            border: thick $warning;
            background: $panel;
        }
        #conflict-rows { height: auto; max-height: 12; margin: 1 0; }
        .hint { color: $text-muted; }
    }
    """
    BINDINGS = [
        Binding("up,k", "row(-1)", show=False),
        Binding("down,j", "row(1)", show=False),
        Binding("left,m", "pick(False)", "key.ck_mine", key_display="←/m"),
        Binding("right,t", "pick(True)", "key.ck_theirs", key_display="→/t"),
        Binding("enter,ctrl+s", "save", "key.ck_conflict_save", key_display="enter"),
        Binding("escape", "cancel", "key.ck_conflict_wait", key_display="esc"),
    ]

    def __init__(
        self, objective: Objective, week: str, rows: list[Difference], *, deleted: bool = False
    ) -> None:
        super().__init__()
        self.objective = objective
        self.week = week
        self.rows = rows
        self.deleted = deleted
        self.cursor = 0
        self.theirs: set[tuple[str, str]] = set()  # the rows whose value is taken from theirs

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict-box"):
            question = "checkin.conflict_deleted" if self.deleted else "checkin.conflict"
            yield Static(Text(t(question, week=self.week), style="bold"))
            if self.rows:
                yield Static(Text(t("checkin.conflict_hint")), classes="hint")
                with VerticalScroll(id="conflict-rows", can_focus=False):
                    yield Static(self._table(), id="conflict-table")
            elif not self.deleted:
                yield Static(Text(t("checkin.conflict_same")), classes="hint")
            yield Static(Text(t("checkin.conflict_notes", mark=CONFLICT_MARK)), classes="hint")
        yield Footer()

    # -- the rows ------------------------------------------------------------------------------

    def _kr_number(self, kr_id: str) -> int:
        ids = [kr.id for kr in self.objective.key_results]
        return ids.index(kr_id) + 1 if kr_id in ids else 0

    def _what(self, row: Difference) -> Text:
        if row.field == "status":
            found = self.objective.find_item(row.ident)
            title = found[1].title if found else row.ident
            return Text(inert(title, newlines=False))
        n = self._kr_number(row.ident)
        return Text(t(f"checkin.conflict.{row.field}", n=n))

    def _shown(self, row: Difference, value: object) -> Text:
        if row.field == "status":
            status = str(value)
            return Text(fmt.status_text(status), style=fmt.status_style(status))
        if row.field == "confidence":
            c = value if isinstance(value, int) else None
            return Text(fmt.confidence_text(c), style=fmt.confidence_style(c))
        kr = self.objective.kr(row.ident)
        if kr is None or not isinstance(value, int | float):
            return Text(fmt.DASH)
        return Text(fmt.value_text(kr, value))

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(width=1, no_wrap=True)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_row(
            "",
            "",
            Text(t("checkin.conflict.mine"), "bold"),
            Text(t("checkin.conflict.theirs"), "bold"),
        )
        for n, row in enumerate(self.rows):
            take = row.key in self.theirs
            here = n == self.cursor
            cells = []
            for side, value in ((False, row.mine), (True, row.theirs)):
                chosen = side == take
                cell = Text("● " if chosen else "○ ", style="bold" if chosen else "dim")
                cell.append_text(self._shown(row, value))
                if chosen and here:
                    cell.stylize("reverse")
                cells.append(cell)
            what = self._what(row)
            if here:
                what.stylize("bold")
            table.add_row(Text("▶" if here else " "), what, *cells)
        return table

    def _redraw(self) -> None:
        self.query_one("#conflict-table", Static).update(self._table())
        rows = self.query_one("#conflict-rows", VerticalScroll)
        rows.scroll_to_region(Region(0, self.cursor, 1, 2), animate=False)

    # -- keys ----------------------------------------------------------------------------------

    def action_row(self, delta: int) -> None:
        if self.rows:
            self.cursor = (self.cursor + delta) % len(self.rows)
            self._redraw()

    def action_pick(self, theirs: bool) -> None:
        if not self.rows:
            return
        key = self.rows[self.cursor].key
        if theirs:
            self.theirs.add(key)
        else:
            self.theirs.discard(key)
        self._redraw()

    def action_save(self) -> None:
        self.dismiss(frozenset(self.theirs))

    def action_cancel(self) -> None:
        self.dismiss(None)
