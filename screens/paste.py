"""The paste box: O / KR / E text in, objectives out, with a live preview.

The preview shows what will be created (objectives, KRs with the kind, start,
target and unit the parser inferred, E-items) and asks for every target the
text leaves unknown ("XX"): an empty answer keeps it unknown, the app never
invents one. ``ctrl+s`` creates everything in one store write and returns home.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Label, Static, TextArea

from screens import saving
from screens.base import OkrScreen
from screens.dialogs import ConfirmDialog, number_problem
from store import rescue as rescue_files
from store import weeks
from store.model import InvalidData, KeyResult, Objective
from store.numbers import NumberError, parse_number
from store.okrtext import OkrTextError, ParseResult, parse_okr_text
from tui import format as fmt
from tui.errors import sentence as error_sentence
from tui.i18n import t
from tui.importing import how_read
from tui.text import inert

DEBOUNCE = 0.3  # seconds of quiet typing before the preview is rebuilt

RESCUE = ("paste", "box")  # the paste box's rescue file (store.rescue): one box, one file
TargetKey = tuple[str, str]  # (objective title, KR title): stable while other lines change


def measure_line(kr: KeyResult) -> Text:
    """How a KR will be measured: its kind, then ``tui.format.measure_text`` (start ->
    target and unit, as every screen writes it); an unknown start or target stands out."""
    out = Text(t(f"kind.{kr.kind}"), style="dim")
    if kr.kind == "milestone":
        return out
    out.append(f" · {fmt.measure_text(kr)}", style="dim")
    unknown = fmt.unknown_text(kr)
    if unknown:
        out.append(f"  {fmt.aside(unknown)}", style="yellow")
    return out


def asks_target(kr: KeyResult) -> bool:
    """An unknown target to ask for (a relative change's follows from its start)."""
    return kr.kind != "milestone" and kr.target is None and kr.relative is None


def line(head: str, body: str | Text, kind: str) -> Horizontal:
    """One preview line: a short head (O, KR1, E) and its text, wrapped under itself."""
    return Horizontal(
        Static(Text(head, style="bold"), classes="p-head"),
        Static(body, classes="p-body", markup=False),
        classes=f"p-line {kind}",
    )


class PasteScreen(OkrScreen):
    CSS_PATH = "paste.tcss"
    BINDINGS = [
        Binding("ctrl+s", "create", "paste.key.create"),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.result: ParseResult | None = None
        self.error: str = ""
        self.shown: tuple | None = None  # what the preview shows now, to skip needless rebuilds
        self.targets: dict[TargetKey, str] = {}  # typed answers for unknown targets
        self.timer: Timer | None = None
        self.previewed: str | None = None  # the box's text the preview shows (tests wait on it)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="paste-body"):
            with Vertical(id="paste-left"):
                yield Static(t("paste.box"), classes="pane-title")
                yield TextArea(id="paste-text", show_line_numbers=True, soft_wrap=True)
                with Horizontal(classes="row"):
                    yield Label(t("paste.month"), classes="label")
                    yield Input(
                        weeks.month_key(weeks.today()),
                        id="month",
                        placeholder="YYYY-MM",
                        compact=True,
                    )
                yield Static("", id="month-error", classes="error", markup=False)
            with VerticalScroll(id="preview", can_focus=False):
                yield Static(t("paste.preview"), classes="pane-title")
                yield Static("", id="parse-error", classes="error", markup=False)
                yield Vertical(id="preview-body")
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = t("paste.sub")
        self.restore()
        self.query_one("#paste-text", TextArea).focus()
        await self.update_preview()

    # -- reading the text -------------------------------------------------------------

    def period(self) -> tuple[str, str, str] | None:
        """(start, end, week items are added in) of the month field; None if it is not a month."""
        text = self.query_one("#month", Input).value.strip()
        try:
            first, last = weeks.month_days(text)
        except ValueError:
            return None
        today = weeks.today()
        week = weeks.week_key(today if first <= today <= last else first)
        return first.isoformat(), last.isoformat(), week

    def parse(self) -> None:
        """Parse the box into ``self.result`` / ``self.error``."""
        text = self.query_one("#paste-text", TextArea).text
        period = self.period()
        month_error = self.query_one("#month-error", Static)
        month_error.update("" if period else t("paste.err.month"))
        month_error.display = period is None
        self.result, self.error = None, ""
        if not text.strip():
            return
        start, end, week = period or ("2000-01-01", "2000-01-31", None)
        try:
            self.result = parse_okr_text(text, start=start, end=end, week=week)
        except OkrTextError as exc:
            self.error = str(exc)
        except InvalidData as exc:  # the period; shown at the month field already
            self.error = str(exc)

    # -- the preview ------------------------------------------------------------------

    @on(TextArea.Changed, "#paste-text")
    def text_changed(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(DEBOUNCE, self.update_preview)

    @on(Input.Changed, "#month")
    async def month_changed(self, event: Input.Changed) -> None:
        event.stop()
        await self.update_preview()

    async def update_preview(self) -> None:
        self.timer = None
        self.parse()
        text = self.query_one("#paste-text", TextArea).text
        error = self.query_one("#parse-error", Static)
        error.update(inert(self.error))
        error.display = bool(self.error)
        shape = self.shape()
        if shape != self.shown:
            self.shown = shape
            body = self.query_one("#preview-body", Vertical)
            await body.remove_children()
            await body.mount_all(self.preview_widgets())
            for target in self.query(".target").results(Input):
                if target.value:
                    self.check_target(target.id or "", target.value)
        self.previewed = text

    def shape(self) -> tuple:
        """Everything the preview shows, to tell whether it must be rebuilt."""
        if self.result is None:
            return ("empty", bool(self.error))
        return tuple(
            (
                o.title,
                o.start,
                o.end,
                tuple(
                    (k.title, k.kind, k.start, k.target, k.unit, tuple(i.title for i in k.items))
                    for k in o.key_results
                ),
            )
            for o in self.result.objectives
        )

    def preview_widgets(self) -> list:
        result = self.result
        if result is None:
            return [] if self.error else [Static(t("paste.empty"), classes="hint")]
        widgets: list = []
        unknown = sum(1 for o, k in self.krs() if asks_target(k))
        read = {note.kr_id: how_read(note) for note in result.notes}
        for oi, o in enumerate(result.objectives):
            widgets.append(line("O", Text(inert(o.title, newlines=False), style="bold"), "p-o"))
            widgets.append(line("", Text(f"{o.start} – {o.end}", style="dim"), "p-period"))
            for ki, kr in enumerate(o.key_results):
                widgets.append(line(f"KR{ki + 1}", inert(kr.title, newlines=False), "p-kr"))
                widgets.append(line("", measure_line(kr), "p-measure"))
                widgets.append(line("", Text(read.get(kr.id, ""), style="dim italic"), "p-read"))
                if asks_target(kr):
                    key = (o.title, kr.title)
                    widgets.append(
                        Horizontal(
                            Label(t("paste.target_for", n=ki + 1), classes="label"),
                            Input(
                                self.targets.get(key, ""),
                                id=f"target-{oi}-{ki}",
                                placeholder=t("editor.unknown"),
                                compact=True,
                                classes="target",
                            ),
                            classes="row target-row",
                        )
                    )
                    widgets.append(
                        Static(
                            "",
                            id=f"target-{oi}-{ki}-error",
                            classes="error target-error",
                            markup=False,
                        )
                    )
                for item in kr.items:
                    widgets.append(line("E", inert(item.title, newlines=False), "p-item"))
        if unknown:
            note = Text(t("paste.unknown", n=unknown), style="bold yellow")
            note.append("\n" + t("paste.unknown_hint"), style="yellow")
            widgets.insert(0, Static(note, id="unknown-note"))
        return widgets

    def krs(self) -> list[tuple[Objective, KeyResult]]:
        if self.result is None:
            return []
        return [(o, k) for o in self.result.objectives for k in o.key_results]

    def kr_of_input(self, input_id: str) -> tuple[Objective, KeyResult] | None:
        """The objective and KR a target field (``target-O-K``) asks about."""
        if self.result is None:
            return None
        try:
            _, oi, ki = input_id.split("-")
            o = self.result.objectives[int(oi)]
            return o, o.key_results[int(ki)]
        except (ValueError, IndexError):
            return None

    @on(Input.Changed, ".target")
    def target_changed(self, event: Input.Changed) -> None:
        event.stop()
        found = self.kr_of_input(event.input.id or "")
        if found is not None:
            o, kr = found
            self.targets[(o.title, kr.title)] = event.value
        self.check_target(event.input.id or "", event.value)

    @on(Input.Submitted, ".target")
    def target_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @staticmethod
    def read_target(text: str, kr: KeyResult) -> tuple[float | int | None, str]:
        """(the typed target or None for unknown, the message when it is not usable)."""
        try:
            value = parse_number(text)  # store.numbers, the one parser
        except NumberError as e:
            return None, t(number_problem(e))
        if value is None:
            return None, ""
        if value == kr.start:
            return None, t("editor.err.target_equals_start")
        return value, ""

    def check_target(self, input_id: str, text: str) -> str:
        """Show the message of a target field; return it ("" when the answer is usable)."""
        found = self.kr_of_input(input_id)
        message = self.read_target(text, found[1])[1] if found else ""
        box = self.query_one(f"#{input_id}-error", Static)
        box.update(message)
        box.display = bool(message)
        self.query_one(f"#{input_id}", Input).set_class(bool(message), "-invalid")
        return message

    # -- actions ----------------------------------------------------------------------

    async def action_create(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        await self.update_preview()
        if self.period() is None:
            self.query_one("#month", Input).focus()
            self.notify(t("paste.fix_first"), severity="error")
            return
        if self.result is None:
            self.notify(self.error or t("paste.nothing"), severity="error")
            return
        bad = None
        for target in self.query(".target").results(Input):
            if self.check_target(target.id or "", target.value) and bad is None:
                bad = target
        if bad is not None:
            bad.focus()
            self.notify(t("paste.fix_first"), severity="error")
            return
        for o, kr in self.krs():
            if asks_target(kr):
                kr.target = self.read_target(self.targets.get((o.title, kr.title), ""), kr)[0]
        objectives: list[Objective] = []
        try:
            for o in self.result.objectives:
                objectives.append(Objective.from_dict(o.to_dict()))
        except InvalidData as exc:
            self.notify(t("editor.not_saved", reason=error_sentence(exc)), severity="error")
            return
        if not saving.write(
            self, lambda: self.app.store.save_objectives(objectives), rescue=self.rescue()
        ):
            return  # said why; the text stays in the box (and beside the store)
        self.notify(t("paste.created", n=len(objectives)))
        self.dismiss(None)

    def rescue(self) -> saving.Rescue | None:
        """The pasted text, the month and the typed targets, kept beside the store when the
        store refuses them or the app has to stop; the box offers them the next time."""
        text = self.query_one("#paste-text", TextArea).text
        if not text.strip():
            return None
        month = self.query_one("#month", Input).value
        targets = [[o, k, v] for (o, k), v in self.targets.items()]
        data = {"text": text, "month": month, "targets": targets}
        return saving.Rescue(RESCUE[0], RESCUE[1], lambda: data)

    def restore(self) -> None:
        """Put back what a refused import (or a stopped app) kept beside the store."""
        kept = rescue_files.find(self.app.store.data_dir, *RESCUE)
        if not isinstance(kept, dict) or not str(kept.get("text", "")).strip():
            return
        self.query_one("#paste-text", TextArea).text = str(kept["text"])
        if isinstance(kept.get("month"), str):
            self.query_one("#month", Input).value = kept["month"]
        for entry in kept.get("targets") or []:
            if isinstance(entry, list) and len(entry) == 3:
                self.targets[(str(entry[0]), str(entry[1]))] = str(entry[2])
        self.notify(t("paste.restored"))

    def action_back(self) -> None:
        if not self.query_one("#paste-text", TextArea).text.strip():
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:  # dropped on purpose: nothing to offer the next time
                rescue_files.forget(self.app.store.data_dir, *RESCUE)
                self.dismiss(None)

        question = ConfirmDialog(t("paste.confirm_leave"), yes=t("paste.leave"), no=t("paste.stay"))
        self.app.push_screen(question, answered)
