"""The weekly check-in: one objective, one week, a page per KR and per E-item.

Reading order: KR1, its E-items, KR2, its E-items, ..., the week note, the review.
Enter moves to the next field (from the last field of a page, to the next page);
on an E-item's status, enter keeps it and moves on, so an unchanged item costs one
key. Everything typed is kept as a draft (debounced, and at once when the screen
closes) and resumed next time; ctrl+s saves the week in one store write.

The rules (defaults, carry-forward, validation, the CheckIn built) are plain
functions in :mod:`screens.checkin_form`; this module is the page around them.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static, TextArea

from screens.base import OkrScreen
from screens.checkin_form import (
    Form,
    ItemFields,
    NewItem,
    build_checkin,
    checkin_date,
    defaults,
    last_checkin,
    merge_conflict,
    pace,
    pages,
    parse_confidence,
    parse_number,
    problems,
    resume,
    updated_objective,
)
from screens.checkin_widgets import (
    AddItemModal,
    MilestoneToggle,
    StatusPicker,
    review,
    status_text,
)
from store import weeks
from store.model import CheckIn, InvalidData, Item, KeyResult, new_id
from store.storage import ConflictError, StoreError
from tui.i18n import t
from tui.text import inert, number, percent

DRAFT_DELAY = 0.4  # seconds of quiet before a draft is written


class ReviewPane(VerticalScroll):
    """The review page; enter saves."""

    BINDINGS = [Binding("enter", "screen.save", "key.ck_save", show=False)]


class CheckInScreen(OkrScreen):
    CSS_PATH = "checkin.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "key.ck_save", priority=True),
        Binding("escape", "leave", "key.ck_leave"),
        Binding("pagedown,ctrl+n", "page(1)", "key.ck_next", key_display="PgDn", priority=True),
        Binding("pageup,ctrl+b", "page(-1)", "key.ck_prev", key_display="PgUp", priority=True),
        Binding("ctrl+t", "add_item", "key.ck_add"),
        Binding("ctrl+r", "review", "key.ck_review"),
        Binding("tab", "field(1)", show=False),
        Binding("shift+tab", "field(-1)", show=False),
    ]

    def __init__(self, objective_id: str, week: str, queue: Sequence[str] = ()) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.week = week
        self.queue = list(queue)
        self.form = Form()
        self.page_keys: list[str] = []
        self.page_ids: dict[str, str] = {}  # page key -> widget id
        self.fields: dict[str, tuple[str, str]] = {}  # widget id -> (page key, field)
        self.order: dict[str, list[str]] = {}  # page key -> its field widget ids in order
        self.dirty = False
        self.resumed = False
        self._timer: Timer | None = None
        self.objective = None

    # -- loading and layout ----------------------------------------------------------------------

    def _load(self) -> None:
        store = self.app.store
        self.objective = store.objective(self.objective_id)
        if self.objective is None:
            return
        checkins = store.checkins(self.objective_id)
        # The stamp of the saved week as this screen saw it: a save by another copy of
        # the app meanwhile is then a conflict, not a silent overwrite.
        self.saved, self.saved_stamp = store.checkin_and_stamp(self.objective_id, self.week)
        self.last = last_checkin(checkins, self.week)
        self.day = checkin_date(self.week, weeks.today())
        form = defaults(self.objective, self.week, self.saved, self.last)
        draft = store.draft(self.objective_id, self.week)
        if draft is not None:
            form = resume(self.objective, form, draft)
            self.resumed = True
        self.form = form
        self.page_keys = pages(self.objective, self.week, self.saved, form)

    def compose(self) -> ComposeResult:
        self._load()
        yield Header()
        if self.objective is not None:
            with Horizontal(id="ck-head"):
                head = t("checkin.head", title="{title}", week=self.week)
                title = inert(self.objective.title, newlines=False)
                yield Static(Text(head.replace("{title}", title)), id="ck-title")
                yield Static("", id="ck-page")
            with ContentSwitcher(id="ck-pages"):
                for key in self.page_keys:
                    yield self._page(key)
        yield Footer(compact=True)

    def _page(self, key: str) -> Widget:
        pid = self.page_ids.setdefault(key, f"p{len(self.page_ids)}")
        kind, _, ident = key.partition(":")
        if kind == "kr":
            children = list(self._kr_page(pid, key, self.objective.kr(ident)))
        elif kind == "item":
            children = list(self._item_page(pid, key, ident))
        elif kind == "note":
            children = list(self._note_page(pid, key))
        else:
            return ReviewPane(Static(id="ck-review"), id=pid, classes="page")
        return VerticalScroll(*children, id=pid, classes="page", can_focus=False)

    def _field(self, pid: str, key: str, name: str) -> str:
        wid = f"{pid}-{name}"
        self.fields[wid] = (key, name)
        self.order.setdefault(key, []).append(wid)
        return wid

    def _kr_number(self, kr: KeyResult) -> int:
        return self.objective.key_results.index(kr) + 1

    def _kr_page(self, pid: str, key: str, kr: KeyResult):
        f = self.form.krs[kr.id]
        before = self.last.kr(kr.id) if self.last else None
        title = Text(t("checkin.kr_label", n=self._kr_number(kr)) + " · ", style="bold")
        title.append(inert(kr.title, newlines=False), style="bold")
        yield Static(title, classes="page-title")
        yield Static(self._kr_facts(kr), classes="facts")
        yield Static(self._last_line(kr), classes="facts")

        if kr.kind == "milestone":
            was = self._was(
                None
                if before is None or before.value is None
                else t("milestone.done")
                if before.value >= 1
                else t("milestone.open")
            )
            yield self._label("checkin.field.milestone", was)
            yield MilestoneToggle(f.value == "1", id=self._field(pid, key, "value"))
        else:
            was = self._was(None if before is None else number(before.value))
            yield self._label("checkin.field.value", was)
            yield Input(
                f.value,
                placeholder=t("checkin.ph.value"),
                id=self._field(pid, key, "value"),
                classes="short",
            )
            yield Static("", id=f"{pid}-value-err", classes="error")
        conf = None if before is None or before.confidence is None else f"{before.confidence}/10"
        yield self._label("checkin.field.confidence_range", self._was(conf))
        yield Input(
            f.confidence,
            placeholder=t("checkin.ph.confidence"),
            id=self._field(pid, key, "confidence"),
            classes="short",
        )
        yield Static("", id=f"{pid}-confidence-err", classes="error")
        yield self._label("checkin.field.note", self._was(before.note if before else None))
        yield Input(f.note, placeholder=t("checkin.ph.note"), id=self._field(pid, key, "note"))

    def _item_page(self, pid: str, key: str, item_id: str):
        kr, item = self._find_item(item_id)
        f = self.form.items[item_id]
        before = self.last.item(item_id) if self.last else None
        title = Text(t("checkin.item_label", n=self._kr_number(kr)) + " · ", style="bold")
        title.append(inert(item.title, newlines=False), style="bold")
        if any(a.id == item_id for a in self.form.added):
            title.append("  " + t("checkin.item_new"), style="magenta")
        elif not item.active:
            title.append("  " + t("checkin.item_inactive"), style="dim")
        yield Static(title, classes="page-title")
        planned = before.adjustment.strip() if before else ""
        yield Static(
            Text(t("checkin.planned", text=inert(planned, newlines=False)), style="italic")
            if planned
            else Text(t("checkin.planned_none"), style="dim"),
            classes="facts planned",
        )
        was = Text(t("checkin.field.status"), style="bold")
        was.append("  ")
        if before is not None:
            was.append(t("checkin.was_status"), style="dim")
            was.append_text(status_text(before.status))
        else:
            was.append(t("checkin.was_none"), style="dim")
        yield Static(was, classes="label")
        yield StatusPicker(f.status, id=self._field(pid, key, "status"))
        yield Static(Text(t("checkin.picker_keys"), style="dim"), classes="hint")
        yield self._label("checkin.field.progress", self._was(before.progress if before else None))
        yield Input(
            f.progress, placeholder=t("checkin.ph.progress"), id=self._field(pid, key, "progress")
        )
        yield self._label("checkin.field.adjustment", None)
        yield Input(
            f.adjustment,
            placeholder=t("checkin.ph.adjustment"),
            id=self._field(pid, key, "adjustment"),
        )

    def _note_page(self, pid: str, key: str):
        yield Static(Text(t("checkin.note_title"), style="bold"), classes="page-title")
        yield Static(Text(t("checkin.note_hint"), style="dim"), classes="facts")
        yield TextArea(
            self.form.note,
            placeholder=t("checkin.note_placeholder"),
            soft_wrap=True,
            show_line_numbers=False,
            id=self._field(pid, key, "note"),
        )

    def _label(self, key: str, was: str | None) -> Static:
        text = Text(t(key), style="bold")
        if was is not None:
            text.append("  " + was, style="dim")
        return Static(text, classes="label")

    def _was(self, value: str | None) -> str:
        if not value or not value.strip():
            return t("checkin.was_none")
        return t("checkin.was", text=inert(value.strip(), newlines=False))

    def _kr_facts(self, kr: KeyResult) -> Text:
        fraction, expected = pace(self.objective, kr, self.day)
        if kr.kind == "milestone":
            line = t("checkin.milestone") + " · "
            line += t("checkin.pace_milestone", end=self.objective.end, pct=percent(fraction))
        elif kr.target is None:
            line = t("checkin.target_unknown") + " · "
            line += t("checkin.pace_unknown", pct=percent(fraction))
        else:
            unit = inert(kr.unit, newlines=False)
            line = t("checkin.target", start=number(kr.start), target=number(kr.target), unit=unit)
            line = line.rstrip() + " · "
            digits = 0 if abs(kr.target - kr.start) >= 20 else 1
            shown = number(round(expected, digits))
            line += t("checkin.pace", value=shown, pct=percent(fraction))
        return Text(line)

    def _last_line(self, kr: KeyResult) -> Text:
        before = self.last.kr(kr.id) if self.last else None
        if before is None:
            return Text(t("checkin.no_last"), style="dim")
        if kr.kind == "milestone":
            value = t("milestone.done") if (before.value or 0) >= 1 else t("milestone.open")
        else:
            value = f"{number(before.value)} {inert(kr.unit, newlines=False)}".rstrip()
        conf = "—" if before.confidence is None else f"{before.confidence}/10"
        return Text(t("checkin.last", week=self.last.week, value=value, confidence=conf), "dim")

    def _find_item(self, item_id: str) -> tuple[KeyResult, Item]:
        found = self.objective.find_item(item_id)
        if found is not None:
            return found
        added = next(a for a in self.form.added if a.id == item_id)
        return self.objective.kr(added.kr), Item(added.id, added.title, True, self.week)

    # -- opening and closing ---------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.objective is None:
            self.notify(t("checkin.no_objective"), severity="error")
            self.call_later(self.app.pop_screen)
            return
        for wid, (_, name) in self.fields.items():
            if name in ("value", "confidence"):
                self._validate(wid)
        start = self.form.page if self.form.page in self.page_keys else self.page_keys[0]
        self.show_page(start)
        if self.resumed:
            self.notify(t("checkin.resumed", week=self.week))
        elif self.saved is not None:
            self.notify(t("checkin.editing_saved", week=self.week))

    def on_unmount(self) -> None:
        """Leaving by any way (escape, ctrl+q, the terminal closing): keep what was typed."""
        self.flush_draft()

    # -- pages and fields ------------------------------------------------------------------------

    @property
    def page(self) -> str:
        return self.form.page or self.page_keys[0]

    def show_page(self, key: str, focus: str = "first") -> None:
        self.form.page = key
        switcher = self.query_one("#ck-pages", ContentSwitcher)
        switcher.current = self.page_ids[key]
        n = self.page_keys.index(key) + 1
        self.query_one("#ck-page", Static).update(
            t("checkin.page_of", n=n, total=len(self.page_keys))
        )
        if key == "review":
            self._refresh_review()
            self.query_one(f"#{self.page_ids[key]}").focus()
        else:
            ids = self.order.get(key, [])
            if ids:
                self.query_one(f"#{ids[0] if focus == 'first' else ids[-1]}").focus()
        self.refresh_bindings()

    def _focused_field(self) -> str | None:
        focused = self.focused
        return focused.id if focused is not None and focused.id in self.fields else None

    def advance(self, wid: str | None) -> None:
        """The next field in reading order; from a page's last field, the next page."""
        ids = self.order.get(self.page, [])
        if wid in ids and ids.index(wid) + 1 < len(ids):
            self.query_one(f"#{ids[ids.index(wid) + 1]}").focus()
        else:
            self.action_page(1)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.advance(event.input.id)

    @on(StatusPicker.Accepted)
    def _status_accepted(self, event: StatusPicker.Accepted) -> None:
        self.action_page(1)

    @on(MilestoneToggle.Advance)
    def _toggle_advance(self, event: MilestoneToggle.Advance) -> None:
        self.advance(event.toggle.id)

    # -- changes: into the form, checked, and kept as a draft --------------------------------------

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        wid = event.input.id
        if wid not in self.fields:
            return
        key, name = self.fields[wid]
        kind, _, ident = key.partition(":")
        target = self.form.krs[ident] if kind == "kr" else self.form.items[ident]
        if getattr(target, name) != event.value:
            setattr(target, name, event.value)
            self.changed()
        if name in ("value", "confidence"):
            self._validate(wid)

    @on(TextArea.Changed)
    def _note_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.text != self.form.note:
            self.form.note = event.text_area.text
            self.changed()

    @on(StatusPicker.Changed)
    def _status_changed(self, event: StatusPicker.Changed) -> None:
        key, _ = self.fields[event.picker.id]
        self.form.items[key.partition(":")[2]].status = event.status
        self.changed()
        if event.picked:
            self.advance(event.picker.id)

    @on(MilestoneToggle.Changed)
    def _milestone_changed(self, event: MilestoneToggle.Changed) -> None:
        key, _ = self.fields[event.toggle.id]
        self.form.krs[key.partition(":")[2]].value = "1" if event.done else "0"
        self.changed()

    def _validate(self, wid: str) -> bool:
        """Show the field's problem at the field; True when it is fine."""
        key, name = self.fields[wid]
        f = self.form.krs[key.partition(":")[2]]
        error = ""
        widget = self.query_one(f"#{wid}")
        if isinstance(widget, Input):
            try:
                parse_number(f.value) if name == "value" else parse_confidence(f.confidence)
            except ValueError:
                error = t("checkin.err.number" if name == "value" else "checkin.err.confidence")
            widget.set_class(bool(error), "bad")
            message = self.query_one(f"#{wid}-err", Static)
            message.update(Text("✗ " + error) if error else "")
            message.display = bool(error)
        return not error

    def changed(self) -> None:
        self.dirty = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_DELAY, self.flush_draft)

    def flush_draft(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.dirty or self.objective is None:
            return
        self.dirty = False
        try:
            self.app.store.save_draft(self.objective_id, self.week, self.form.to_draft())
        except (StoreError, OSError) as e:
            self.dirty = True
            self.notify(t("checkin.draft_failed", error=str(e)), severity="error")

    # -- actions -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.objective is None and action not in ("leave",):
            return False
        if action == "add_item":
            return self.page.partition(":")[0] in ("kr", "item")
        if action == "page" and self.page_keys:
            n = self.page_keys.index(self.page) + int(parameters[0])
            return 0 <= n < len(self.page_keys)
        return True

    def action_page(self, delta: int) -> None:
        n = self.page_keys.index(self.page) + delta
        if 0 <= n < len(self.page_keys):
            self.show_page(self.page_keys[n], focus="first" if delta > 0 else "last")

    def action_field(self, delta: int) -> None:
        """tab / shift+tab: the next / previous field in reading order, across pages."""
        ids = self.order.get(self.page, [])
        wid = self._focused_field()
        n = ids.index(wid) + delta if wid in ids else len(ids)
        if 0 <= n < len(ids):
            self.query_one(f"#{ids[n]}").focus()
        else:
            self.action_page(delta)

    def action_review(self) -> None:
        self.show_page("review")

    def _refresh_review(self) -> None:
        lines = [self._problem_text(p) for p in problems(self.objective, self.form)]
        self.query_one("#ck-review", Static).update(
            review(self.objective, self.week, self.saved, self.last, self.form, lines)
        )

    def _problem_text(self, p) -> str:
        kr = self.objective.kr(p.kr)
        return t(
            "checkin.err.hold",
            field=t(f"checkin.field.{p.field}"),
            kr=t("checkin.kr_label", n=self._kr_number(kr)),
            problem=t(p.message),
        )

    def action_add_item(self) -> None:
        kind, _, ident = self.page.partition(":")
        if kind == "kr":
            kr = self.objective.kr(ident)
        elif kind == "item":
            kr, _ = self._find_item(ident)
        else:
            self.notify(t("checkin.add.none"), severity="warning")
            return
        label = t("checkin.kr_label", n=self._kr_number(kr)) + " · " + kr.title
        self.app.push_screen(AddItemModal(label), lambda title: self._add_item(kr, title))

    def _add_item(self, kr: KeyResult, title: str | None) -> None:
        if not title:
            return
        new = NewItem(new_id("e"), kr.id, title)
        self.form.added.append(new)
        self.form.items[new.id] = ItemFields()
        self._rebuild_order()
        self.query_one("#ck-pages", ContentSwitcher).mount(self._page(f"item:{new.id}"))
        self.changed()
        self.call_after_refresh(self.show_page, f"item:{new.id}")

    def _rebuild_order(self) -> None:
        self.page_keys = pages(self.objective, self.week, self.saved, self.form)

    def action_save(self) -> None:
        found = problems(self.objective, self.form)
        if found:
            first = found[0]
            self.notify(self._problem_text(first), severity="error")
            self.show_page(f"kr:{first.kr}")
            self.query_one(f"#{self.page_ids[f'kr:{first.kr}']}-{first.field}").focus()
            return
        checkin = build_checkin(
            self.objective,
            self.week,
            self.saved,
            self.form,
            self.saved.date if self.saved else self.day,
        )
        fresh = self.app.store.objective(self.objective_id) or self.objective
        changed = updated_objective(fresh, self.week, self.saved, self.form)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        try:
            self.app.store.save_checkin(checkin, objective=changed, expected_stamp=self.saved_stamp)
        except ConflictError as e:
            self.flush_draft()  # mine stays safe as a draft whatever is chosen
            self._resolve_conflict(checkin, changed, e)
            return
        except (StoreError, InvalidData, OSError) as e:
            self.notify(t("checkin.save_failed", error=str(e)), severity="error")
            return
        self._saved()

    def _resolve_conflict(self, mine: CheckIn, changed, conflict: ConflictError) -> None:
        """Another copy saved this week since it was opened: ask, then save both texts."""
        from screens.dialogs import ConfirmDialog

        def answer(merge: bool | None) -> None:
            if not merge:
                self.notify(t("checkin.conflict_kept"), severity="warning")
                return
            merged = merge_conflict(mine, conflict.theirs)
            try:
                self.app.store.save_checkin(
                    merged, objective=changed, expected_stamp=conflict.stamp
                )
            except (StoreError, InvalidData, OSError) as e:
                self.notify(t("checkin.save_failed", error=str(e)), severity="error")
                return
            self._saved()

        self.app.push_screen(
            ConfirmDialog(
                t("checkin.conflict", week=self.week),
                yes=t("checkin.conflict_merge"),
                no=t("checkin.conflict_wait"),
            ),
            answer,
        )

    def store_changed(self) -> None:
        """The store file changed on disk (another copy of the app wrote it)."""
        if self.objective is None or getattr(self, "_warned_elsewhere", False):
            return
        if self.app.store.checkin_stamp(self.objective_id, self.week) != self.saved_stamp:
            self._warned_elsewhere = True
            self.notify(t("checkin.changed_elsewhere", week=self.week), severity="warning")

    def _saved(self) -> None:
        """After a save: home, or the next objective of the queue."""
        self.dirty = False
        if self.queue:
            self.app.notify(t("checkin.saved_next", week=self.week))
            self.app.switch_screen(CheckInScreen(self.queue[0], self.week, self.queue[1:]))
        else:
            self.app.notify(t("checkin.saved", week=self.week))
            self.app.pop_screen()

    def action_leave(self) -> None:
        had_draft = self.dirty or self.resumed
        self.flush_draft()
        if had_draft:
            self.app.notify(t("checkin.kept_draft"))
        self.app.pop_screen()
