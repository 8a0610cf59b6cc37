"""Home: each objective with its period, progress, KRs and this week's state."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, ListItem, ListView, Static

from screens import saving
from screens.base import OkrScreen
from store import weeks
from store.model import KeyResult, Objective, objective_score, progress, unscored
from store.repo import Store
from tui.format import (
    aside,
    confidence_style,
    confidence_text,
    left_out,
    percent,
    sparkline,
    standing,
    unknown_text,
)
from tui.i18n import t
from tui.text import bar, inert


def chained_history(
    store: Store, objective: Objective, last: int = 12
) -> dict[str, tuple[KeyResult, list[float | None]]]:
    """KR id -> (the KR to scale its sparkline by, its last ``last`` weekly values) across
    the periods it continues (the end of store.cycle.chained_series): scaled from the
    first period's start, so that October's rise shows beside November's. Reads the
    chain's objectives and, from the newest period back, only as many check-ins as it
    shows (not every check-in of every year)."""
    from dataclasses import replace

    out = {}
    for kr in objective.key_results:
        links = store.kr_links(objective.id, kr.id)
        first = next((start for _, _, start in links if start is not None), kr.start)
        values: list[float | None] = []
        for objective_id, kr_id, _ in reversed(links):
            for c in reversed(store.recent_checkins(objective_id, last - len(values))):
                found = c.kr(kr_id)
                values.append(found.value if found is not None else None)
            if len(values) >= last:
                break
        out[kr.id] = (replace(kr, start=first), values[::-1])
    return out


def cycle_hint(objective: Objective, store: Store) -> Text | None:
    """The card's line offering to close the period (its last week has begun) or, once
    closed, to roll it into the next; None when neither is due."""
    from store import periods

    today = weeks.today()
    if periods.closable(objective, today):
        hint = t("home.close_hint")
    elif objective.closed and periods.rollable(
        objective, store.objectives(include_archived=True), today
    ):
        hint = t("home.next_hint")
    else:
        return None
    return Text("  " + hint, style="yellow", no_wrap=True, overflow="ellipsis")


def card_height(card: Group) -> int:
    """The lines of a card made by :meth:`ObjectiveCard.render_card`: one per text, one per
    row of each table (every cell is no_wrap)."""
    return sum(r.row_count if isinstance(r, Table) else 1 for r in card.renderables)


def week_state(store: Store, o: Objective, week: str) -> Text:
    """This week on the card, by the one week rule (``Objective.is_due``): checked in,
    a draft, due; else why it is not due (closed, archived, period ended, not started)."""
    if store.has_checkin(o.id, week):
        return Text(t("week.done"), style="green")
    if o.is_due(week):
        if store.draft(o.id, week) is not None:
            return Text(t("week.draft"), style="yellow")
        return Text(t("week.due"), style="bold red")
    if o.closed:
        return Text(t("cycle.closed"), style="cyan")
    if o.archived:
        return Text("")  # the title says it is archived
    if weeks.week_thursday(week) > weeks.parse_date(o.end):
        return Text(t("home.week.ended"), style="dim")
    return Text(t("home.week.starts", date=o.start), style="dim")


class ObjectiveCard(Static):
    """One objective as a small table; rebuilt from the store on refresh.

    The table is built when the card is made, not after it mounts: the first frame
    of the app shows every card filled (no frame of empty cards, then one per card)."""

    def __init__(self, objective: Objective, store: Store, **kwargs) -> None:
        self.objective = objective
        self.store = store
        card = self.render_card()
        super().__init__(card, **kwargs)
        # Every line of the card is one line at any width (no_wrap, cut with an ellipsis),
        # so its height is known: Textual need not render the tables once more to measure
        # them (that was a third of the cold start's cost over a bare app's).
        self.styles.height = card_height(card)

    def render_card(self) -> Group:
        store = self.store
        o = self.objective
        this_week = weeks.week_key(weeks.today())
        history: dict[str, list[float | None]] = {kr.id: [] for kr in o.key_results}
        for c in store.recent_checkins(o.id, 12):
            for kr in o.key_results:
                k = c.kr(kr.id)
                history[kr.id].append(k.value if k else None)
        values = store.latest_kr_values(o.id)
        latest = {kr.id: values.get(kr.id, (None, None))[0] for kr in o.key_results}
        confidence = {kr.id: values.get(kr.id, (None, None))[1] for kr in o.key_results}
        score = objective_score(o, latest)
        scales: dict[str, KeyResult] = {}
        if o.previous is not None:  # a KR carried from earlier periods: its trend across them
            for kr_id, (scale, values_of_chain) in chained_history(store, o).items():
                scales[kr_id], history[kr_id] = scale, values_of_chain
        state = week_state(store, o, this_week)

        # The title has a line of its own: the objective is what matters most, and the
        # KR columns would cut it short at 80 columns.
        head = Text(inert(o.title, newlines=False), style="bold", no_wrap=True, overflow="ellipsis")
        if o.archived:
            head.append(f" ({t('list.archived')})", style="dim")
        if o.closed:
            head.append(f" ({t('cycle.closed')})", style="cyan")
        # The period, the score and this week's state have a line of their own too, with
        # columns of their own: the KR columns below (a sparkline grows week by week)
        # never squeeze the period or the state out of it. Only the owner gives way.
        period = Table.grid(padding=(0, 1), expand=True)
        period.add_column(no_wrap=True)  # the period: never cut
        period.add_column(ratio=1, no_wrap=True, overflow="ellipsis")  # the owner
        period.add_column(justify="right", no_wrap=True)
        owner = f"·  {inert(o.owner, newlines=False)}" if o.owner else ""
        score_line = Text(f"{bar(score, 10)} {percent(score)}  {this_week} ")
        score_line.append_text(state)
        period.add_row(
            Text(f"{o.start} – {o.end}", style="dim"), Text(owner, style="dim"), score_line
        )
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(ratio=3, overflow="ellipsis", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        for kr in o.key_results:
            p = progress(kr, latest[kr.id])
            shown = unknown_text(kr) or percent(p)
            c = confidence[kr.id]
            table.add_row(
                Text("  " + inert(kr.title, newlines=False)),
                Text(standing(kr, latest[kr.id])),
                Text(confidence_text(c), style=confidence_style(c)),
                Text(f"{sparkline(scales.get(kr.id, kr), history[kr.id]):<8} {shown}"),
            )
        out = [head, period, table]
        missing = [f"“{inert(k.title, newlines=False)}”" for k in unscored(o)]
        if missing:  # the score above leaves these KRs out: say so where it is shown
            note = aside(left_out(missing))
            out.append(Text(f"  {note}", style="dim", no_wrap=True, overflow="ellipsis"))
        hint = cycle_hint(o, store)
        if hint is not None:
            out.append(hint)
        return Group(*out)


class HomeScreen(OkrScreen):
    # n and a are left out of the footer so it fits 80 columns; help and the
    # command palette list them.
    BINDINGS = [
        Binding("c", "checkin", "key.checkin"),
        Binding("e", "edit", "key.edit"),
        Binding("n", "new", "key.new", show=False),
        Binding("h", "history", "key.history"),
        Binding("i", "import", "key.import"),
        Binding("s", "summary", "key.summary"),
        Binding("p", "prep", "key.prep"),
        # Offered on the card (and in help and the palette) when store.cycle says so.
        Binding("x", "close_period", "key.close", show=False),
        Binding("r", "next_period", "key.next", show=False),
        Binding("a", "toggle_archived", "key.archived", show=False),
        Binding("g", "chart", "key.chart", show=False),
        Binding("t", "team", "key.team", show=False),
        Binding("question_mark,f1", "help", "key.help", key_display="?"),
        # "app.quit": a screen has no quit action of its own (plain "quit" did nothing).
        Binding("q", "app.quit", "key.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_archived = False
        self._just_mounted = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListView(id="objectives")
        yield Static(id="empty")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        # Set first: the first resume may come while the cards are being built.
        self._just_mounted = True
        await self.refresh_objectives()

    async def on_screen_resume(self) -> None:
        # The first resume follows the mount at once: the cards are fresh, do not build
        # them twice (start-up). Every later one (back from another screen) rebuilds.
        if self._just_mounted:
            self._just_mounted = False
            return
        await self.refresh_objectives()

    def store_changed(self) -> None:
        """Another copy of the app saved: show what it saved."""
        self.call_later(self.refresh_objectives)

    async def refresh_objectives(self) -> bool:
        """Rebuild the list from the store (cheap: the store caches its file). A store that
        cannot be read (damaged behind the app's back) leaves the list as it was and says
        why; False then."""
        if not saving.readable(self):
            return False
        objectives = self.app.store.objectives(include_archived=self.show_archived)
        view = self.query_one("#objectives", ListView)
        index = view.index
        # Awaited: until the old cards are gone they are still the list's first items, and
        # the highlight would go to a card on its way out (home came back unhighlighted).
        await view.clear()
        store = self.app.store
        await view.extend(ListItem(ObjectiveCard(o, store), name=o.id) for o in objectives)
        if objectives:
            view.index = min(index or 0, len(objectives) - 1)
            view.focus()
        empty = self.query_one("#empty", Static)
        empty.display = not objectives
        empty.update(t("home.empty"))
        return True

    @property
    def selected(self) -> Objective | None:
        """The highlighted objective (None when there is none)."""
        view = self.query_one("#objectives", ListView)
        item = view.highlighted_child
        if item is None:
            return None
        return self.app.store.objective(item.name)

    # -- actions: each screen module is imported when first used ---------------------------
    #
    # Every screen opened from here reads the store while it is built: it is opened only
    # when the store can be read (saving.readable says why not, in the app; _need_objective
    # asks it).

    def action_checkin(self) -> None:
        from screens.checkin import CheckInScreen

        if (objective := self._need_objective()) is not None:
            week = weeks.week_key(weeks.today())
            if not objective.owns(week):  # the one week rule: the store would refuse it
                message = t(
                    "home.not_this_week", week=week, start=objective.start, end=objective.end
                )
                self.notify(message, severity="warning")
                return
            self.app.push_screen(CheckInScreen(objective.id, week))

    def action_edit(self) -> None:
        from screens.editor import EditorScreen

        if (objective := self._need_objective()) is not None:
            self.app.push_screen(EditorScreen(objective.id))

    def action_new(self) -> None:
        from screens.editor import EditorScreen

        if saving.readable(self):
            self.app.push_screen(EditorScreen(None))

    def action_history(self) -> None:
        from screens.history import HistoryScreen

        if (objective := self._need_objective()) is not None:
            self.app.push_screen(HistoryScreen(objective.id))

    def action_import(self) -> None:
        from screens.paste import PasteScreen

        if saving.readable(self):
            self.app.push_screen(PasteScreen())

    def action_summary(self) -> None:
        from screens.summary import SummaryScreen

        if saving.readable(self):
            self.app.push_screen(SummaryScreen())

    def action_prep(self) -> None:
        from screens.prep import PrepScreen

        if saving.readable(self):
            self.app.push_screen(PrepScreen())

    def action_team(self) -> None:
        from screens.team import TeamScreen

        if saving.readable(self):
            self.app.push_screen(TeamScreen())

    def action_help(self) -> None:
        from screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def _need_objective(self) -> Objective | None:
        if not saving.readable(self):
            return None
        objective = self.selected
        if objective is None:
            self.notify(t("home.none_selected"), severity="warning")
        return objective

    # -- the cycle: close a period, roll into the next (offered when store.cycle says so) ----

    def on_list_view_highlighted(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """x and r are offered as store.cycle says, of the highlighted card's objective (as
        the card shows it: asking the footer never reads the store)."""
        if action not in ("close_period", "next_period"):
            return True
        from store import periods

        if not self.is_mounted:
            return False
        item = self.query_one("#objectives", ListView).highlighted_child
        cards = list(item.query(ObjectiveCard)) if item is not None else []
        if not cards:
            return False
        objective = cards[0].objective
        if action == "close_period":
            return periods.closable(objective, weeks.today())
        shown = [card.objective for card in self.query(ObjectiveCard)]
        return periods.rollable(objective, shown, weeks.today())

    def action_close_period(self) -> None:
        from screens.close import CloseScreen

        if (objective := self._need_objective()) is not None and saving.readable(self):
            self.app.push_screen(CloseScreen(objective.id))

    def action_next_period(self) -> None:
        from screens.rollover import RolloverScreen

        if (objective := self._need_objective()) is not None and saving.readable(self):
            self.app.push_screen(RolloverScreen(objective.id))

    def action_chart(self) -> None:
        from screens.chart import ChartScreen

        objective = self._need_objective()
        if objective is not None and objective.key_results and saving.readable(self):
            self.app.push_screen(ChartScreen(objective.id, objective.key_results[0].id))

    async def action_toggle_archived(self) -> None:
        """Show or hide the archived objectives, and say what it did (or that there are none)."""
        if not saving.readable(self):
            return
        archived = [o for o in self.app.store.objectives(include_archived=True) if o.archived]
        if not archived:
            self.show_archived = False
            self.notify(t("home.no_archived"))
            return
        self.show_archived = not self.show_archived
        await self.refresh_objectives()
        word = "home.showing_archived" if self.show_archived else "home.hiding_archived"
        self.notify(t(word, n=len(archived)))
