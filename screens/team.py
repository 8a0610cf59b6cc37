"""The team: every lead's objectives with score, verdict, last check-in and missing weeks.

Read from the team clone (``okr team join``) of the data dir: the same roll-up as
``okr team summary`` (tui.team_report), for a month (``[`` / ``]``). ``enter`` opens
the highlighted lead's month summary, read-only: the text that lead's own ``okr summary
--format text`` prints, without the one-on-ones (never published). ``r`` pulls the
others' files (git, in a worker thread) and reads them again. A lead's file that cannot
be used is named in one line and left out.

Reached from home with ``t`` and by ``okr team``. It never writes the store.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.widgets import DataTable, Footer, Header, Static

from screens.base import OkrScreen
from store import team as team_store
from store import weeks
from tui.i18n import LANGS, t
from tui.report import default_month, render_summary, summary_rollups
from tui.team_report import TeamRollup, build, counts_line, period_label, skipped_line
from tui.text import fit, inert, percent

VERDICT_STYLE = {"on_track": "green", "at_risk": "yellow", "off_track": "bold red"}
# Cells of each column at 80 columns (DataTable adds one cell of padding on each side).
WIDTHS = {"lead": 12, "objective": 17, "score": 5, "verdict": 9, "last": 10, "missing": 10}


def short_weeks(items: list[str]) -> str:
    """2026-W43, 2026-W44 as W43 W44: the year is the month's."""
    return " ".join(w.split("-", 1)[-1] for w in items) if items else "—"


class LeadScreen(OkrScreen):
    """One lead's month summary, read-only (plain text, as ``okr summary --format text``)."""

    CSS_PATH = "team.tcss"
    BINDINGS = [
        Binding("escape,q", "back", "key.back", key_display="esc"),
        Binding("l", "toggle_lang", "rollup.key.lang"),
        Binding("c", "copy", "rollup.key.copy"),
    ]

    def __init__(self, lead: team_store.LeadDocument, month: str) -> None:
        super().__init__()
        self.lead = lead
        self.month = month
        self.lang = "en"
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with ScrollableContainer(id="tm-lead-pane"):
            yield Static("", id="tm-lead-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.lang = self.app.lang
        self.sub_title = t("team.lead_sub", lead=inert(self.lead.name, newlines=False))
        self.show()

    def show(self) -> None:
        today = weeks.today()
        rollups = summary_rollups(self.lead, self.month, today)
        self.text = render_summary(rollups, self.month, "text", self.lang, today=today)
        self.query_one("#tm-lead-text", Static).update(self.text)
        pane = self.query_one("#tm-lead-pane")
        pane.scroll_home(animate=False)
        pane.focus()

    def action_back(self) -> None:
        self.dismiss()

    def action_toggle_lang(self) -> None:
        self.lang = LANGS[(LANGS.index(self.lang) + 1) % len(LANGS)]
        self.show()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify(t("rollup.copied", lines=len(self.text.splitlines())))


class TeamScreen(OkrScreen):
    CSS_PATH = "team.tcss"
    BINDINGS = [
        Binding("escape,q", "back", "key.back", key_display="esc"),
        Binding("enter", "open", "team.key.open", priority=True),
        Binding("r", "pull", "team.key.pull"),
        Binding("left_square_bracket", "month(-1)", "team.key.prev", key_display="["),
        Binding("right_square_bracket", "month(1)", "team.key.next", key_display="]"),
    ]

    def __init__(self, data_dir: Path | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.month = default_month(weeks.today())
        self.rollup: TeamRollup | None = None
        self.rows: list[int] = []  # per table row: the index of its lead
        self.pulling = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="tm-bar", markup=False)
        yield Static("", id="tm-note", markup=False)
        yield DataTable(id="tm-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="tm-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if self.data_dir is None:
            self.data_dir = self.app.store.data_dir
        self.sub_title = t("team.sub")
        table = self.query_one("#tm-table", DataTable)
        for key, width in WIDTHS.items():
            table.add_column(t(f"team.col.{key}"), width=width, key=key)
        self.show()

    # -- data ---------------------------------------------------------------------------------

    @property
    def joined(self) -> bool:
        return team_store.is_joined(self.data_dir)

    def show(self, rollup: TeamRollup | None = None) -> None:
        """Roll the leads up for the month (read from the clone, unless given) and fill
        the table."""
        if rollup is None:
            rollup = build(self.data_dir, self.month, None, weeks.today())
        self.rollup = rollup
        lang = self.app.lang
        bar = self.query_one("#tm-bar", Static)
        note = self.query_one("#tm-note", Static)
        table = self.query_one("#tm-table", DataTable)
        bar.update(
            t("team.bar", month=period_label(rollup, lang), counts=counts_line(rollup, lang))
        )
        lines = [skipped_line(s, lang) for s in rollup.skipped]
        if not self.joined:
            lines = [t("team.not_joined")]
        elif not rollup.leads:
            lines.append(t("team.no_leads"))
        elif not rollup.objectives:
            lines.append(t("team.none_here"))
        note.update("\n".join(lines))
        note.display = bool(lines)
        table.display = bool(rollup.leads)
        row = table.cursor_row
        table.clear()
        self.rows = []
        for i, lead in enumerate(rollup.leads):
            name = fit(inert(lead.name, newlines=False), WIDTHS["lead"])
            if not lead.objectives:
                table.add_row(name, Text("—", style="dim"), "", "", lead.last_checkin or "—", "")
                self.rows.append(i)
            for j, o in enumerate(lead.objectives):
                r = o.rollup
                verdict = t(f"report.verdict.{r.verdict}")
                table.add_row(
                    name if j == 0 else "",
                    fit(inert(r.objective_title, newlines=False), WIDTHS["objective"]),
                    Text(percent(r.score), justify="right"),
                    Text(fit(verdict, WIDTHS["verdict"]), style=VERDICT_STYLE.get(r.verdict, "")),
                    o.last_checkin or "—",
                    Text(
                        fit(short_weeks(o.missing), WIDTHS["missing"]),
                        style="red" if o.missing else "dim",
                    ),
                )
                self.rows.append(i)
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1))
            table.focus()

    # -- actions ------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one("#tm-table", DataTable)
        if not self.rows or not table.display:
            return
        lead_index = self.rows[min(table.cursor_row, len(self.rows) - 1)]
        file = self.rollup.leads[lead_index].file
        lead = team_store.read_lead(team_store.team_dir(self.data_dir) / file)
        if isinstance(lead, team_store.Skipped):  # changed on disk since: say why
            self.say(skipped_line(lead, self.app.lang), error=True)
            return
        self.app.push_screen(LeadScreen(lead, self.month))

    def action_month(self, step: int) -> None:
        self.month = weeks.shift_month(self.month, step)
        self.show()

    def action_pull(self) -> None:
        if self.pulling:
            return
        if not self.joined:
            self.say(t("team.not_joined").split("\n")[0], error=True)
            return
        self.pulling = True
        self.say(t("team.pulling"))
        self.pull()

    @work(thread=True, exclusive=True, group="team-pull")
    def pull(self) -> None:
        """git in a thread: the screen stays live; the result comes back to the main thread."""
        month = self.month
        try:
            result = team_store.pull(self.data_dir)
            rollup = build(self.data_dir, month, None, weeks.today())
        except (team_store.TeamError, OSError) as e:
            self.app.call_from_thread(self.pulled, None, None, str(e))
            return
        self.app.call_from_thread(self.pulled, result, rollup if month == self.month else None, "")

    def pulled(self, result, rollup: TeamRollup | None, error: str) -> None:
        self.pulling = False
        if result is None:
            self.say(inert(error, newlines=False), error=True)
            return
        self.show(rollup)
        self.say(t("team.cli.pulled", leads=result.leads, changed=len(result.changed)))

    def say(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#tm-status", Static)
        status.update(message)
        status.set_class(error, "error")
        status.display = True
