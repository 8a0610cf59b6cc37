"""Close a period: each KR's final value, score and grade, the retrospective, the calibration.

One page, top to bottom: a row per KR (its final value and score; the grade, empty
for the score, and the reason a grade other than the score needs), the objective's
grade as the grades are typed, the confidence calibration, then the retrospective
(what went well, what did not, what we learned). Tab and enter move on; ctrl+s
closes the period in one store write (screens.saving); escape leaves, asking first
when something was typed. The rules are store.cycle's.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Input, Static, TextArea

from screens import saving
from screens.base import OkrScreen
from store import cycle, weeks
from store.cycle import Grading
from tui import format as fmt_
from tui.i18n import t
from tui.report_cycle import decimal, forecast_line, grade_text
from tui.text import inert

RETRO = ("went_well", "went_badly", "learned")


def read_grade(text: str) -> float | None:
    """A typed grade: ``0.6``, ``.6``, ``60%``; None when empty; ValueError otherwise."""
    s = text.strip().replace("，", ".").replace(",", ".")
    if not s:
        return None
    factor = 1.0
    if s.endswith(("%", "％")):
        s, factor = s[:-1], 0.01
    value = float(s) * factor  # ValueError when it is not a number
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


class CloseScreen(OkrScreen):
    CSS = """
    CloseScreen {
        #cl-head {
            height: 1;
            padding: 0 1;
            background: $boost;
            text-style: bold;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #cl-body {
            height: 1fr;
            padding: 0 1;
        }
        .cl-section {
            margin-top: 1;
            color: $accent;
            text-style: bold;
        }
        .cl-kr {
            margin-top: 1;
        }
        .cl-kr, .cl-facts {
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        .cl-facts {
            color: $text-muted;
            padding-left: 2;
        }
        .cl-row {
            height: 1;
            padding-left: 2;
        }
        .cl-label {
            width: auto;
            padding-right: 1;
        }
        .cl-grade {
            width: 8;
            margin-right: 2;
        }
        .cl-reason {
            width: 1fr;
        }
        Input:focus, TextArea:focus {
            background-tint: $accent 25%;
        }
        .cl-error {
            display: none;
            color: $error;
            text-style: bold;
            padding-left: 2;
        }
        .cl-error.shown {
            display: block;
        }
        #cl-total {
            margin-top: 1;
            text-style: bold;
        }
        .cl-retro {
            margin-top: 1;
            text-style: bold;
        }
        TextArea {
            height: 3;
        }
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "close_period", "close.key.close", priority=True),
        Binding("escape", "leave", "key.back", key_display="esc"),
    ]

    def __init__(
        self,
        objective_id: str,
        *,
        grades: dict[str, float] | None = None,
        reasons: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.given_grades = grades or {}
        self.given_reasons = reasons or {}
        self.objective = None
        self.checkins = []
        self.figures: Grading | None = None
        self.typed = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        store = self.app.store
        self.objective = store.objective(self.objective_id)
        yield Header()
        if self.objective is None:
            yield Static(t("editor.not_found"), id="cl-head")
            yield Footer(compact=True)
            return
        o = self.objective
        self.checkins = store.checkins(o.id)
        self.figures = g = cycle.grading(o, self.checkins)
        head = t("close.head", title="{title}", start=o.start, end=o.end)
        yield Static(Text(head.replace("{title}", inert(o.title, newlines=False))), id="cl-head")
        with VerticalScroll(id="cl-body"):
            yield Static(t("close.grades_hint"), classes="cl-section")
            for n, k in enumerate(g.key_results):
                yield Static(
                    Text(f"{k.label} {inert(k.title, newlines=False)}", style="bold"),
                    classes="cl-kr",
                )
                yield Static(self._facts(k), classes="cl-facts")
                with Horizontal(classes="cl-row"):
                    given = self.given_grades.get(k.id)
                    yield Static(t("cycle.col.grade"), classes="cl-label")
                    yield Input(
                        "" if given is None else f"{given:g}",
                        placeholder=decimal(k.score) if k.score is not None else "0.0-1.0",
                        id=f"cl-grade-{n}",
                        classes="cl-grade",
                        compact=True,
                    )
                    yield Static(t("cycle.col.reason"), classes="cl-label")
                    yield Input(
                        self.given_reasons.get(k.id, ""),
                        placeholder=t("close.ph.reason"),
                        id=f"cl-reason-{n}",
                        classes="cl-reason",
                        compact=True,
                    )
                yield Static("", id=f"cl-error-{n}", classes="cl-error")
            yield Static("", id="cl-total")
            yield Static(t("cycle.calibration"), classes="cl-section")
            lines = [forecast_line(g.calibration.overall, None)]
            lines += ["  " + forecast_line(f, None) for f in g.calibration.key_results]
            yield Static("\n".join(lines), id="cl-calibration", markup=False)
            yield Static(t("cycle.retrospective"), classes="cl-section")
            for name in RETRO:
                yield Static(t(f"cycle.{name}"), classes="cl-retro")
                yield TextArea(
                    "",
                    soft_wrap=True,
                    show_line_numbers=False,
                    placeholder=t(f"close.ph.{name}"),
                    id=f"cl-{name}",
                    compact=True,
                )
        yield Footer(compact=True)

    def _facts(self, k: cycle.KRGrade) -> Text:
        final = fmt_.value_text(k, k.final)  # type: ignore[arg-type]  (kind, unit)
        if k.final is None:
            final = t("close.no_value")
        line = t("close.facts", final=final, score=decimal(k.score))
        if k.score is None:
            line = t("close.facts_unscored", final=final)
        elif k.reached:
            line += " · " + t("cycle.reached")
        return Text(line)

    def on_mount(self) -> None:
        self.sub_title = t("close.sub")
        if self.objective is None:
            return
        if self.objective.closed:
            self.notify(
                t("close.already", date=self.objective.review.closed, id=self.objective.id),
                severity="warning",
                markup=False,
            )
        self.query_one("#cl-grade-0" if self.objective.key_results else "#cl-went_well").focus()
        self.show_total()

    # -- what is typed ----------------------------------------------------------------------------

    def typed_grades(self) -> tuple[dict[str, float], dict[str, str], list[tuple[int, str]]]:
        """(own grades, reasons, problems as (KR index, message)) of what is typed."""
        grades: dict[str, float] = {}
        reasons: dict[str, str] = {}
        problems: list[tuple[int, str]] = []
        for n, k in enumerate(self.figures.key_results if self.figures else []):
            text = self.query_one(f"#cl-grade-{n}", Input).value
            reason = " ".join(self.query_one(f"#cl-reason-{n}", Input).value.split())
            if reason:
                reasons[k.id] = reason
            try:
                grade = read_grade(text)
            except ValueError:
                problems.append((n, t("close.bad_grade", text=text.strip())))
                continue
            if grade is None:
                if k.score is None and reason:
                    problems.append((n, t("close.unscored")))
                continue
            grades[k.id] = grade
            if (k.score is None or abs(grade - k.score) > 1e-9) and not reason:
                problems.append((n, t("close.needs_reason")))
        return grades, reasons, problems

    def show_total(self) -> None:
        if self.figures is None:
            return
        grades, _, _ = self.typed_grades()
        krs = [
            cycle.KRGrade(**{**vars(k), "grade": grades.get(k.id, k.score)})
            for k in self.figures.key_results
        ]
        total = cycle.weighted_grade(krs)
        self.query_one("#cl-total", Static).update(
            t("cycle.preview_line", grade=grade_text(total), score=decimal(self.figures.score))
        )

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self, event) -> None:
        self.typed = True
        if isinstance(event, Input.Changed) and (event.input.id or "").startswith("cl-grade-"):
            self.show_total()
            index = int(event.input.id.rsplit("-", 1)[1])
            self._say(index, "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _say(self, index: int, message: str) -> None:
        error = self.query_one(f"#cl-error-{index}", Static)
        error.update(message)
        error.set_class(bool(message), "shown")

    def rescue(self) -> saving.Rescue | None:
        """What is typed, kept beside the store if it cannot be saved."""
        if self.figures is None or not self.typed:
            return None

        def data() -> dict:
            return {
                "grades": {
                    k.id: self.query_one(f"#cl-grade-{n}", Input).value
                    for n, k in enumerate(self.figures.key_results)
                },
                "reasons": {
                    k.id: self.query_one(f"#cl-reason-{n}", Input).value
                    for n, k in enumerate(self.figures.key_results)
                },
                **{name: self.query_one(f"#cl-{name}", TextArea).text for name in RETRO},
            }

        return saving.Rescue("close", self.objective_id, data)

    # -- actions ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_period":
            return self.objective is not None and not self.objective.closed
        return True

    def action_close_period(self) -> None:
        if self.objective is None or self.objective.closed:
            return
        grades, reasons, problems = self.typed_grades()
        for n, _ in enumerate(self.figures.key_results):
            self._say(n, "")
        if problems:
            for n, message in problems:
                self._say(n, message)
            n, message = problems[0]
            self.notify(message, severity="error")
            field = "reason" if message == t("close.needs_reason") else "grade"
            self.query_one(f"#cl-{field}-{n}", Input).focus()
            return
        texts = {name: self.query_one(f"#cl-{name}", TextArea).text for name in RETRO}
        try:
            closed = cycle.close(
                self.objective,
                self.checkins,
                grades=grades,
                reasons=reasons,
                today=weeks.today(),
                **texts,
            )
        except cycle.CycleError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        store = self.app.store
        if not saving.write(self, lambda: store.save_objective(closed), rescue=self.rescue()):
            return
        self.objective = closed
        self.typed = False
        run_close_hook(self.app, closed)
        self.app.notify(t("close.done", title=inert(closed.title, newlines=False)))
        self.dismiss(True)

    def action_leave(self) -> None:
        if not self.typed:
            self.dismiss(None)
            return
        from screens.dialogs import leave_after_asking

        leave_after_asking(
            self, t("close.leave_question"), yes=t("close.leave_yes"), no=t("close.leave_no")
        )


def run_close_hook(app, closed) -> None:
    """The on-close hook, in a thread: a slow hook never holds the screen (store.hooks)."""

    def run() -> None:
        from store import hooks
        from tui.terminal import hook_sentence

        problem = hooks.after_close(app.store, closed)
        if problem is not None:
            app.call_from_thread(app.notify, hook_sentence(problem), severity="warning")

    app.run_worker(run, thread=True, group="hooks")
