"""History of one objective: weeks x KRs, each E-item's status path, and the notes.

The top table has a row per week of the period up to this week (the weeks whose
Thursday is in the period: ``weeks.period_weeks``, the one rule; weeks without a
check-in are marked missing, this week due or draft when ``Objective.is_due`` says
it is; a check-in an older version saved for a week outside the period is shown,
marked so) and a column per KR with the week's value and confidence (0-3 red, 4-7
yellow, 8-10 green: ``tui.format``). The
second table has a row per E-item and a column per checked-in week with its
status. The pane below follows the cursor: the week's note, KR notes and E-item
answers, or one E-item's whole path with what happened and what changed.
Enter opens the week in the check-in screen to edit it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Footer, Header, Static

from screens import saving
from screens.base import OkrScreen
from store import weeks
from store.chain import next_of
from store.model import STATUSES, CheckIn, Item, KeyResult, Objective
from tui.format import (
    confidence_style,
    confidence_text,
    status_style,
    status_text,
    value_text,
)
from tui.i18n import t
from tui.text import cell_width, fit, inert


def one_line(text: str) -> str:
    return inert(text, newlines=False).strip()


def fill(
    table: DataTable, labels: list[str], keys: list[str], rows: list[list[Text]], columns: list[str]
) -> None:
    """Replace a table's content; each column is as wide as its widest cell (in cells)."""
    table.clear(columns=True)
    for i, (label, key) in enumerate(zip(labels, columns, strict=True)):
        width = max([cell_width(label)] + [r[i].cell_len for r in rows])
        table.add_column(label, width=width, key=key)
    for key, cells in zip(keys, rows, strict=True):
        table.add_row(*cells, key=key)


class HistoryTable(DataTable):
    """A DataTable whose enter opens the week under the cursor (shown in the footer)."""

    BINDINGS = [Binding("enter", "select_cursor", "history.key.open")]


class HistoryScreen(OkrScreen):
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape,q", "back", "key.back", key_display="esc"),
        Binding("e", "edit", "key.edit"),
        # The chain of periods (store.chain): October's weeks from November, and back.
        Binding("left_square_bracket", "period(-1)", "history.key.prev_period", key_display="["),
        Binding("right_square_bracket", "period(1)", "history.key.next_period", key_display="]"),
        Binding("g", "chart", "key.chart", show=False),
    ]

    def __init__(self, objective_id: str) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.objective: Objective | None = None
        self.checkins: dict[str, CheckIn] = {}
        self.weeks: list[str] = []  # rows of the weeks table, newest first
        self.checked: list[str] = []  # weeks with a check-in: columns of the items table
        self.items: list[tuple[int, KeyResult, Item]] = []  # rows of the items table
        self.detail_for = "weeks"  # the table the pane below follows
        self.linked: dict[int, str | None] = {}  # the periods before (-1) and after (1)
        self.draft_weeks: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="h-title", markup=False)
        yield HistoryTable(id="weeks", cursor_type="row", zebra_stripes=True)
        yield Static(t("history.items_title"), id="h-items-title", classes="section")
        yield HistoryTable(id="items", cursor_type="cell", fixed_columns=1)
        with VerticalScroll(id="detail-pane"):
            yield Static("", id="detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("history.sub")
        if not self.load():
            return
        table = self.query_one("#weeks", DataTable)
        last = next((i for i, w in enumerate(self.weeks) if w in self.checkins), None)
        if last is not None:
            table.move_cursor(row=last)
        items = self.query_one("#items", DataTable)
        if self.checked:
            items.move_cursor(column=len(self.checked))
        table.focus()
        self.show_detail()

    def on_screen_resume(self) -> None:
        """Back from the check-in screen: the week may have changed."""
        weeks_table = self.query_one("#weeks", DataTable)
        items_table = self.query_one("#items", DataTable)
        row, cell = weeks_table.cursor_coordinate, items_table.cursor_coordinate
        if saving.readable(self) and self.load():
            weeks_table.cursor_coordinate = row
            items_table.cursor_coordinate = cell
            self.show_detail()

    def on_resize(self) -> None:
        if self.objective is not None:
            self.fill_tables()

    # -- data -------------------------------------------------------------------------

    def load(self) -> bool:
        store = self.app.store
        objective = store.objective(self.objective_id)
        if objective is None:
            self.notify(t("editor.not_found"), severity="error")
            self.dismiss(None)
            return False
        self.objective = objective
        self.checkins = {c.week: c for c in store.checkins(objective.id)}
        today = weeks.today()
        # The weeks that belong to the period (the one rule), listed once their Monday
        # has come.
        period = [
            w
            for w in weeks.period_weeks(objective.start, objective.end)
            if weeks.week_monday(w) <= today
        ]
        self.weeks = sorted(set(period) | set(self.checkins), reverse=True)  # newest first
        # Read now, with the rest: a resize redraws the tables without reading the store.
        self.draft_weeks = {w for w in self.weeks if store.draft(objective.id, w) is not None}
        self.checked = sorted(self.checkins)  # oldest first: a path reads left to right
        self.items = [
            (n, kr, item)
            for n, kr in enumerate(objective.key_results, 1)
            for item in kr.items
            if item.active or any(c.item(item.id) for c in self.checkins.values())
        ]
        title = Text(one_line(objective.title), style="bold")
        title.append(f"  {objective.start} – {objective.end}", style="dim")
        self.query_one("#h-title", Static).update(title)
        following = next_of(store.objectives(include_archived=True), objective.id)
        self.linked = {-1: objective.previous, 1: following[0].id if following else None}
        self.refresh_bindings()
        self.fill_tables()
        return True

    def week_state(self, week: str) -> Text:
        """The week's key and, without a check-in, whether it is due, a draft or missing
        (only this week can be due, and only when the objective is: ``is_due``); a
        check-in of a week outside the period is marked so."""
        text = Text(week)
        assert self.objective is not None
        if not self.objective.owns(week):
            text.append(f" {t('history.outside')}", style="dim")
            return text
        if week in self.checkins:
            return text
        this_week = weeks.week_key(weeks.today())
        if week in self.draft_weeks:
            text.append(f" {t('week.draft')}", style="yellow")
        elif week == this_week:
            if self.objective.is_due(week):
                text.append(f" {t('week.due')}", style="bold red")
        else:
            text.append(f" {t('history.missing')}", style="red")
        return text

    def fill_tables(self) -> None:
        o = self.objective
        assert o is not None
        width = max(self.size.width, 40)
        week_col = (
            max(cell_width(self.week_state(w).plain) for w in self.weeks) if self.weeks else 8
        )
        krs = o.key_results
        kr_col = max(10, (width - week_col - 2 - 2 * len(krs) - 2) // max(1, len(krs)))

        labels = [t("history.week")] + [
            fit(f"KR{n} {one_line(kr.title)}", kr_col) for n, kr in enumerate(krs, 1)
        ]
        rows: list[list[Text]] = []
        for week in self.weeks:
            c = self.checkins.get(week)
            cells: list[Text] = [self.week_state(week)]
            for kr in krs:
                k = c.kr(kr.id) if c else None
                if k is None:
                    cells.append(Text("—" if c else "", style="dim"))
                    continue
                cell = Text(value_text(kr, k.value, unit=False))
                if k.confidence is not None:
                    cell.append(" · ", style="dim")
                    cell.append(confidence_text(k.confidence), style=confidence_style(k.confidence))
                cells.append(cell)
            rows.append(cells)
        table = self.query_one("#weeks", DataTable)
        row = table.cursor_row
        fill(table, labels, [w for w in self.weeks], rows, ["week"] + [kr.id for kr in krs])
        if self.weeks:
            table.move_cursor(row=min(max(row, 0), len(self.weeks) - 1))

        status_col = max(cell_width(status_text(s)) for s in STATUSES)
        item_col = max(16, width - 4 - len(self.checked[-3:]) * (status_col + 2))
        item_col = min(item_col, 60)
        labels = [t("history.item")] + [week[2:] for week in self.checked]  # 26-W41
        rows = []
        for n, _kr, item in self.items:
            label = Text(fit(f"KR{n} · {one_line(item.title)}", item_col))
            if not item.active:
                label.stylize("dim")
            row_cells: list[Text] = [label]
            for week in self.checked:
                ic = self.checkins[week].item(item.id)
                if ic is None:
                    row_cells.append(Text("", style="dim"))
                else:
                    row_cells.append(Text(status_text(ic.status), style=status_style(ic.status)))
            rows.append(row_cells)
        items = self.query_one("#items", DataTable)
        cell = items.cursor_coordinate
        fill(items, labels, [item.id for _, _, item in self.items], rows, ["item", *self.checked])
        if self.items:
            items.cursor_coordinate = Coordinate(
                min(cell.row, len(self.items) - 1), min(max(cell.column, 0), len(self.checked))
            )
        empty = not self.items
        items.display = not empty
        self.query_one("#h-items-title").display = not empty

    # -- the pane that follows the cursor ---------------------------------------------------

    @on(DataTable.RowHighlighted, "#weeks")
    @on(DataTable.CellHighlighted, "#items")
    def highlighted(self) -> None:
        self.show_detail()

    def on_descendant_focus(self, event) -> None:
        widget_id = getattr(event.widget, "id", None)
        if widget_id in ("weeks", "items") and widget_id != self.detail_for:
            self.detail_for = widget_id
            self.show_detail()

    def show_detail(self) -> None:
        pane = self.query_one("#detail", Static)
        if self.detail_for == "items" and self.items:
            pane.update(self.item_detail())
        else:
            pane.update(self.week_detail())

    def current_week(self) -> str | None:
        if self.detail_for == "items":
            column = self.query_one("#items", DataTable).cursor_column
            if 1 <= column <= len(self.checked):
                return self.checked[column - 1]
            return self.checked[-1] if self.checked else None
        row = self.query_one("#weeks", DataTable).cursor_row
        return self.weeks[row] if 0 <= row < len(self.weeks) else None

    def week_detail(self) -> Text:
        o = self.objective
        out = Text()
        week = self.current_week()
        if o is None or week is None:
            out.append(t("history.no_weeks"), style="dim")
            return out
        c = self.checkins.get(week)
        monday, sunday = weeks.week_days(week)
        out.append(f"{week}", style="bold")
        out.append(f"  {monday.isoformat()} – {sunday.isoformat()}", style="dim")
        if c is None:
            out.append("\n" + t("history.no_checkin"), style="dim")
            return out
        if c.note.strip():
            out.append("\n" + t("history.week_note") + " ", style="bold")
            out.append(inert(c.note).strip())
        for n, kr in enumerate(o.key_results, 1):
            k = c.kr(kr.id)
            if k is None or not k.note.strip():
                continue
            out.append(f"\nKR{n} ", style="bold")
            out.append(one_line(k.note))
        for n, _kr, item in self.items:
            ic = c.item(item.id)
            if ic is None:
                continue
            out.append(f"\nKR{n} · {one_line(item.title)}: ", style="bold")
            out.append(status_text(ic.status), style=status_style(ic.status))
            self.append_answers(out, ic.progress, ic.adjustment)
        return out

    def item_detail(self) -> Text:
        row = self.query_one("#items", DataTable).cursor_row
        n, _kr, item = self.items[min(max(row, 0), len(self.items) - 1)]
        out = Text(f"KR{n} · {one_line(item.title)}", style="bold")
        if item.added:
            out.append(f"  {t('editor.added', week=item.added)}", style="dim")
        if not item.active:
            out.append(f"  ({t('editor.inactive')})", style="dim")
        seen = False
        for week in self.checked:
            ic = self.checkins[week].item(item.id)
            if ic is None:
                continue
            seen = True
            out.append(f"\n{week} ", style="bold")
            out.append(status_text(ic.status), style=status_style(ic.status))
            self.append_answers(out, ic.progress, ic.adjustment)
        if not seen:
            out.append("\n" + t("history.no_item_checkins"), style="dim")
        return out

    @staticmethod
    def append_answers(out: Text, progress: str, adjustment: str) -> None:
        if progress.strip():
            out.append(f"\n    {t('history.happened')} ", style="dim")
            out.append(one_line(progress))
        if adjustment.strip():
            out.append(f"\n    {t('history.adjusted')} ", style="dim")
            out.append(one_line(adjustment))

    # -- actions ----------------------------------------------------------------------

    @on(DataTable.RowSelected, "#weeks")
    def week_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_week(str(event.row_key.value))

    @on(DataTable.CellSelected, "#items")
    def cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        week = self.current_week()
        if week is not None:
            self.open_week(week)

    def open_week(self, week: str) -> None:
        """Open the week in the check-in screen, to edit it (or to make it, when missing)."""
        from screens.checkin import CheckInScreen

        if saving.readable(self):
            self.app.push_screen(CheckInScreen(self.objective_id, week))

    def action_edit(self) -> None:
        from screens.editor import EditorScreen

        if saving.readable(self):
            self.app.push_screen(EditorScreen(self.objective_id))

    def action_chart(self) -> None:
        """The chart of the highlighted E-item's KR (from the weeks, the first KR)."""
        from screens.chart import ChartScreen

        krs = self.objective.key_results if self.objective else []
        if self.detail_for == "items" and self.items:
            row = self.query_one("#items", DataTable).cursor_row
            krs = [self.items[min(max(row, 0), len(self.items) - 1)][1]]
        if krs:
            self.app.push_screen(ChartScreen(self.objective_id, krs[0].id))

    def action_back(self) -> None:
        self.dismiss(None)

    def linked_period(self, step: int) -> str | None:
        """The id of the objective of the period before (-1) or after (1) this one."""
        return self.linked.get(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "period":
            return self.linked_period(int(parameters[0])) is not None
        return True

    def action_period(self, step: int) -> None:
        objective_id = self.linked_period(step)
        if objective_id is not None:
            self.app.push_screen(HistoryScreen(objective_id))
