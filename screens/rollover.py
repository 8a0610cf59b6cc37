"""Roll an objective into the next period: the new period and title, each KR kept or
dropped (cumulative or per period, its title and target), each open E-item carried or
dropped (or moved, when its KR is dropped).

The defaults are store.cycle.plan_next's: the next period of the same length, month
names moved on in the titles, reached KRs dropped, every open E-item carried with its
last status and open adjustment. Keys only: tab / shift+tab and enter move between
fields; on a choice, left / right / space change it; ctrl+s creates the new objective
in one store write (screens.saving); escape leaves, asking first when something
changed. Nothing of the old period changes.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static

from screens import saving
from screens.base import OkrScreen
from store import cycle, weeks
from store.cycle import KRPlan, RolloverPlan
from store.numbers import NumberError, parse_number
from tui import format as fmt_
from tui.i18n import t
from tui.text import inert


class Choice(Widget, can_focus=True):
    """A few options in one line; left / right / space choose, enter moves on."""

    DEFAULT_CSS = """
    Choice {
        height: 1;
        width: auto;
        padding: 0 1;
        color: $text-muted;
    }
    Choice:focus {
        background: $boost;
        color: $text;
        text-style: bold;
    }
    """
    BINDINGS = [
        Binding("left", "step(-1)", "rollover.key.choose_prev", show=False),
        Binding("right,space", "step(1)", "rollover.key.choose_next", show=False),
        Binding("enter", "app.focus_next", show=False),
    ]

    value: reactive[str] = reactive("")

    class Changed(Message):
        def __init__(self, choice: Choice, value: str) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, options: list[tuple[str, str]], value: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options  # (value, label)
        self.set_reactive(Choice.value, value)

    def render(self) -> Text:
        out = Text()
        for n, (value, label) in enumerate(self.options):
            if n:
                out.append("  ")
            chosen = value == self.value
            out.append(("● " if chosen else "○ ") + label, style="bold" if chosen else "dim")
        return out

    def set_options(self, options: list[tuple[str, str]], value: str) -> None:
        self.options = options
        self.value = value
        self.refresh(layout=True)

    def action_step(self, delta: int) -> None:
        values = [v for v, _ in self.options]
        if not values:
            return
        index = values.index(self.value) if self.value in values else 0
        self.value = values[(index + delta) % len(values)]
        self.post_message(self.Changed(self, self.value))


class RolloverScreen(OkrScreen):
    CSS = """
    RolloverScreen {
        #ro-head {
            height: 1;
            padding: 0 1;
            background: $boost;
            text-style: bold;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #ro-body {
            height: 1fr;
            padding: 0 1;
        }
        .ro-section {
            margin-top: 1;
            color: $accent;
            text-style: bold;
        }
        .ro-line {
            width: 1fr;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        .ro-kr {
            margin-top: 1;
        }
        .ro-row {
            height: 1;
            padding-left: 2;
        }
        .ro-label {
            width: auto;
            padding-right: 1;
        }
        .ro-date {
            width: 12;
            margin-right: 1;
        }
        .ro-title {
            width: 1fr;
            margin-right: 2;
        }
        .ro-target {
            width: 12;
        }
        Choice {
            margin-right: 2;
        }
        Input:focus {
            background-tint: $accent 25%;
        }
        .ro-planned {
            padding-left: 6;
            color: $text-muted;
        }
        .ro-dropped {
            color: $text-disabled;
        }
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "create", "rollover.key.create", priority=True),
        Binding("escape", "leave", "key.back", key_display="esc"),
    ]

    def __init__(self, objective_id: str, *, plan: RolloverPlan | None = None) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.plan = plan
        self.objective = None
        self.typed = False
        self.default_titles: dict[str, str] = {}  # field id -> the title the defaults gave

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        store = self.app.store
        self.objective = o = store.objective(self.objective_id)
        yield Header()
        if o is None:
            yield Static(t("editor.not_found"), id="ro-head")
            yield Footer(compact=True)
            return
        if self.plan is None:
            self.plan = cycle.plan_next(o, store.checkins(o.id))
        plan = self.plan
        head = t("rollover.head", title="{title}", start=o.start, end=o.end)
        yield Static(Text(head.replace("{title}", inert(o.title, newlines=False))), id="ro-head")
        with VerticalScroll(id="ro-body"):
            yield Static(t("rollover.new"), classes="ro-section")
            with Horizontal(classes="ro-row"):
                yield Static(t("rollover.period"), classes="ro-label")
                yield Input(plan.start, id="ro-start", classes="ro-date", compact=True)
                yield Static("–", classes="ro-label")
                yield Input(plan.end, id="ro-end", classes="ro-date", compact=True)
            with Horizontal(classes="ro-row"):
                yield Static(t("rollover.title"), classes="ro-label")
                yield Input(
                    plan.title,
                    placeholder=t("rollover.ph.title"),
                    id="ro-title",
                    classes="ro-title",
                    compact=True,
                )
            self.default_titles["ro-title"] = plan.title
            yield Static(t("rollover.krs"), classes="ro-section")
            for n, k in enumerate(plan.key_results):
                yield from self._kr_rows(n, k)
            if plan.items:
                yield Static(t("rollover.items"), classes="ro-section")
                for n, item in enumerate(plan.items):
                    with Horizontal(classes="ro-row"):
                        options, value = self._item_options(item)
                        yield Choice(options, value, id=f"ro-carry-{n}")
                        yield Static(self._item_line(item), classes="ro-line", id=f"ro-item-{n}")
                    if item.adjustment:
                        planned = t(
                            "cycle.you_planned", text=inert(item.adjustment, newlines=False)
                        )
                        yield Static(Text(planned, style="italic"), classes="ro-line ro-planned")
            if plan.left:
                labels = {kr.id: f"KR{n}" for n, kr in enumerate(o.key_results, 1)}
                yield Static(t("cycle.left"), classes="ro-section")
                for kr_id, title, status in plan.left:
                    line = Text(f"{labels.get(kr_id, '')} · {inert(title, newlines=False)}  ")
                    line.append(fmt_.status_text(status), style=fmt_.status_style(status))
                    yield Static(line, classes="ro-line ro-dropped")
        yield Footer(compact=True)

    def _kr_rows(self, n: int, k: KRPlan):
        head = Text(f"{k.label} ", style="bold")
        head.append(inert(k.title, newlines=False), style="bold")
        if k.reached:
            head.append("  " + t("cycle.reached"), style="green")
        yield Static(head, classes="ro-line ro-kr")
        with Horizontal(classes="ro-row"):
            yield Choice(
                [("keep", t("rollover.keep")), ("drop", t("rollover.drop"))],
                "keep" if k.keep else "drop",
                id=f"ro-keep-{n}",
            )
            if k.mode is not None:
                yield Choice(
                    [(m, t(f"cycle.mode.{m}")) for m in cycle.MODES], k.mode, id=f"ro-mode-{n}"
                )
            yield Static(self._start_text(k), id=f"ro-startval-{n}", classes="ro-line")
        with Horizontal(classes="ro-row"):
            yield Static(t("rollover.title"), classes="ro-label")
            yield Input(
                k.title,
                placeholder=t("rollover.ph.kr_title"),
                id=f"ro-krtitle-{n}",
                classes="ro-title",
                compact=True,
            )
            self.default_titles[f"ro-krtitle-{n}"] = k.title
            if k.kind != "milestone":
                yield Static(t("rollover.target"), classes="ro-label")
                yield Input(
                    "" if k.target is None else _shown(k.target),
                    placeholder="?",
                    id=f"ro-target-{n}",
                    classes="ro-target",
                    compact=True,
                )

    def _start_text(self, k: KRPlan) -> Text:
        if k.kind == "milestone":
            return Text(t("kind.milestone"), style="dim")
        if k.kind in ("stay_below", "stay_above"):
            return Text(t(f"kind.{k.kind}"), style="dim")
        start = "?" if k.start is None else fmt_.number(k.start)
        out = Text(t("rollover.start", start=start), style="dim")
        if k.target_unknown:
            out.append("  " + t("rollover.target_unknown"), style="yellow")
        return out

    def _item_line(self, item: cycle.ItemPlan) -> Text:
        label = self.plan.kr(item.kr).label if self.plan.kr(item.kr) else ""
        out = Text(f"{label} · {inert(item.title, newlines=False)}  ")
        if item.status:
            out.append(fmt_.status_text(item.status), style=fmt_.status_style(item.status))
        else:
            out.append(t("cycle.no_status"), style="dim")
        return out

    def _item_options(self, item: cycle.ItemPlan) -> tuple[list[tuple[str, str]], str]:
        """carry / drop for an item of a kept KR; drop / move to KRn for one of a dropped KR."""
        kept = [k for k in self.plan.key_results if k.keep]
        if any(k.source == item.kr for k in kept):
            return [("carry", t("rollover.carry")), ("drop", t("rollover.drop"))], (
                "carry" if item.carry else "drop"
            )
        options = [("drop", t("rollover.drop"))] + [
            (k.source, t("cycle.moved_to", label=k.label)) for k in kept
        ]
        value = item.move_to if item.carry and item.move_to in {k.source for k in kept} else "drop"
        return options, value

    def on_mount(self) -> None:
        self.sub_title = t("rollover.sub")
        if self.objective is not None:
            self.query_one("#ro-title", Input).focus()

    # -- changes -----------------------------------------------------------------------------------

    @on(Choice.Changed)
    def _choice(self, event: Choice.Changed) -> None:
        self.typed = True
        kind, _, index = (event.choice.id or "").rpartition("-")
        n = int(index)
        if kind == "ro-keep":
            k = self.plan.key_results[n]
            k.keep = event.value == "keep"
            self.query_one(f"#ro-krtitle-{n}", Input).set_class(not k.keep, "ro-dropped")
            self._refresh_items()
        elif kind == "ro-mode":
            k = self.plan.key_results[n]
            k.set_mode(event.value)
            self.query_one(f"#ro-startval-{n}", Static).update(self._start_text(k))
        elif kind == "ro-carry":
            item = self.plan.items[n]
            if event.value in ("carry", "drop"):
                item.carry, item.move_to = event.value == "carry", None
            else:
                item.carry, item.move_to = True, event.value

    def _refresh_items(self) -> None:
        for n, item in enumerate(self.plan.items):
            options, value = self._item_options(item)
            self.query_one(f"#ro-carry-{n}", Choice).set_options(options, value)

    @on(Input.Changed)
    def _input(self, event: Input.Changed) -> None:
        self.typed = True
        if event.input.id == "ro-start":
            self._move_titles(event.value)

    def _move_titles(self, text: str) -> None:
        """A new start month moves the month names of the titles not edited by hand."""
        try:
            new_start = weeks.parse_date(text.strip())
        except ValueError:
            return
        old = weeks.parse_date(self.objective.start)
        months = (new_start.year - old.year) * 12 + new_start.month - old.month
        sources = {"ro-title": self.objective.title} | {
            f"ro-krtitle-{n}": kr.title
            for n, kr in enumerate(self.objective.key_results)
            if n < len(self.plan.key_results)
        }
        for wid, source in sources.items():
            field = self.query_one(f"#{wid}", Input)
            if field.value == self.default_titles.get(wid):
                moved = cycle.shift_title(source, months)
                self.default_titles[wid] = moved
                field.value = moved

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # -- actions -----------------------------------------------------------------------------------

    def read_plan(self) -> RolloverPlan:
        """The plan as the fields now say it; CycleError with the first thing wrong."""
        plan = self.plan
        plan.start = self.query_one("#ro-start", Input).value.strip()
        plan.end = self.query_one("#ro-end", Input).value.strip()
        plan.title = self.query_one("#ro-title", Input).value
        for n, k in enumerate(plan.key_results):
            k.title = self.query_one(f"#ro-krtitle-{n}", Input).value
            if k.kind == "milestone":
                continue
            text = self.query_one(f"#ro-target-{n}", Input).value
            try:
                target = parse_number(text)
            except NumberError:
                raise cycle.CycleError(t("rollover.bad_target", kr=k.label, text=text)) from None
            if target is not None:
                k.target, k.relative, k.target_unknown = target, None, False
            elif k.keep and k.relative is None:
                k.target, k.target_unknown = None, k.kind != "milestone"
        cycle.check_plan(plan)
        if plan.start <= self.objective.end:
            raise cycle.CycleError(t("rollover.too_early", end=self.objective.end))
        return plan

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "create":
            return self.objective is not None
        return True

    def action_create(self) -> None:
        if self.objective is None:
            return
        store = self.app.store
        from store.chain import next_of

        following = next_of(store.objectives(include_archived=True), self.objective.id)
        if following:
            self.notify(
                t("rollover.already", title=inert(following[0].title, newlines=False)),
                severity="error",
                markup=False,
            )
            return
        try:
            new = cycle.apply_plan(self.read_plan(), self.objective)
        except cycle.CycleError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        if not saving.write(self, lambda: store.save_objective(new)):
            return
        self.typed = False
        carried = sum(len(kr.items) for kr in new.key_results)
        self.app.notify(
            t(
                "rollover.done",
                title=inert(new.title, newlines=False),
                start=new.start,
                end=new.end,
                krs=len(new.key_results),
                items=carried,
            )
        )
        self.dismiss(new.id)

    def action_leave(self) -> None:
        if not self.typed:
            self.dismiss(None)
            return
        from screens.dialogs import leave_after_asking

        leave_after_asking(
            self,
            t("rollover.leave_question"),
            yes=t("close.leave_yes"),
            no=t("close.leave_no"),
        )


def _shown(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, int) else f"{value:.9g}"
