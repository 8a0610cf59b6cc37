"""The weekly check-in: one objective, one week, a page per KR and per E-item.

Reading order: KR1, its E-items, KR2, its E-items, ..., the week note, the review.
Enter moves to the next field (from the last field of a page, to the next page);
on an E-item's status, enter keeps it and moves on, so an unchanged item costs one
key. Everything typed is kept as a draft (debounced, and at once when the screen
closes) and resumed next time; ctrl+s saves the week in one store write.

The pages are widgets of their own (:mod:`screens.checkin_pages`): each owns its
fields and says when they change (``CheckInPage.Edited``). The rules (defaults,
carry-forward, problems, the CheckIn built) are plain functions in
:mod:`screens.checkin_form`; this module walks the pages and writes the store.

Keys typed ahead land where the focus is at that point: every key that moves the focus
does it when it arrives (priority bindings, direct calls: see
:mod:`screens.checkin_widgets`), and a save first lets the fields take the keys typed
before it. Every store write goes through :func:`screens.saving.write`: when the store
cannot take it, the form stays as it is and what was typed is kept beside the store
(``store.rescue``); a rescue file newer than the week's draft is resumed next time.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import DescendantFocus
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Static
from textual.widgets._toast import ToastRack

from screens import saving
from screens.base import OkrScreen
from screens.checkin_conflict import ConflictDialog
from screens.checkin_form import (
    Form,
    ItemFields,
    NewItem,
    Problem,
    build_checkin,
    checkin_date,
    defaults,
    differences,
    problems,
    resume,
    settle,
    shown_items,
    updated_objective,
    week_before,
    with_statuses,
)
from screens.checkin_pages import CheckInPage, ItemPage, KRPage, NotePage, ReviewPage, review
from screens.checkin_widgets import AddItemModal
from store import rescue as rescue_files
from store import weeks
from store.model import CheckIn, KeyResult, new_id
from store.storage import ConflictError
from tui.errors import is_user_error, sentence
from tui.i18n import t
from tui.text import inert

DRAFT_DELAY = 0.4  # seconds of quiet before a draft is written
RESCUE_KIND = "checkin"

# Every key of the check-in for the help screen: (keys as shown, catalogue key of what
# they do). The bindings with a description are listed by screens.help from BINDINGS;
# these are all of them, in the order a user meets them.
HELP_KEYS = [
    ("enter", "help.checkin.enter"),
    ("tab / shift+tab", "help.checkin.tab"),
    ("n o r x d -", "help.checkin.status"),
    ("← → space", "help.checkin.status_step"),
    ("y / n / space", "help.checkin.milestone"),
    ("PgDn / ctrl+n", "help.checkin.next"),
    ("PgUp / ctrl+b", "help.checkin.prev"),
    ("ctrl+t", "help.checkin.add"),
    ("ctrl+r", "help.checkin.review"),
    ("ctrl+g", "help.checkin.chart"),
    ("↑ ↓", "help.checkin.arrows"),
    ("ctrl+s", "help.checkin.save"),
    ("← → m t", "help.checkin.conflict"),
    ("escape", "help.checkin.leave"),
]


def _age(data: object) -> float:
    """When a draft or a rescue file was taken (``Form.to_draft(at=...)``); 0 if unknown."""
    at = data.get("at") if isinstance(data, dict) else None
    return float(at) if isinstance(at, int | float) and not isinstance(at, bool) else 0.0


class CheckInScreen(OkrScreen):
    DEFAULT_CSS = """
    CheckInScreen {
        #ck-head {
            height: 1;
            padding: 0 1;
            background: $boost;
        }
        #ck-title {
            width: 1fr;
            text-style: bold;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #ck-page {
            width: auto;
            color: $text-muted;
            padding-left: 2;
        }
        #ck-pages { height: 1fr; }
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "key.ck_save", priority=True),
        Binding("escape", "leave", "key.ck_leave"),
        Binding("pagedown,ctrl+n", "page(1)", "key.ck_next", key_display="PgDn", priority=True),
        Binding("pageup,ctrl+b", "page(-1)", "key.ck_prev", key_display="PgUp", priority=True),
        Binding("ctrl+t", "add_item", "key.ck_add", priority=True),
        Binding("ctrl+r", "review", "key.ck_review", priority=True),
        Binding("ctrl+g", "chart", "key.chart", show=False, priority=True),
        Binding("tab", "field(1)", show=False, priority=True),
        Binding("shift+tab", "field(-1)", show=False, priority=True),
    ]

    def __init__(self, objective_id: str, week: str, queue: Sequence[str] = ()) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.week = week
        self.queue = list(queue)
        self.form = Form()
        self.pages: list[CheckInPage] = []
        self.current: CheckInPage | None = None
        self.objective = None
        self.saved: CheckIn | None = None
        self.saved_stamp: str | None = None
        self.last: CheckIn | None = None
        self.day = ""
        self.refusal: str | None = None  # why the check-in cannot open (one sentence)
        self.resumed: str | None = None  # "draft" | "rescue"
        self.dirty = False
        self.draft_failed = False  # the last draft was refused: retry quietly
        self._warned_elsewhere = False
        self._timer: Timer | None = None

    @property
    def rescue_key(self) -> str:
        return f"{self.objective_id} {self.week}"

    # -- loading and layout ----------------------------------------------------------------

    def _load(self) -> None:
        try:
            self._read()
        except Exception as e:
            if not is_user_error(e):
                raise
            self.objective = None
            self.refusal = sentence(e)

    def _read(self) -> None:
        store = self.app.store
        objective = store.objective(self.objective_id)
        if objective is None:
            self.refusal = t("checkin.no_objective")
            return
        if not objective.owns(self.week):
            self.refusal = t(
                "checkin.not_in_period", week=self.week, start=objective.start, end=objective.end
            )
            return
        # The stamp of the saved week as this screen saw it: a save by another copy of
        # the app meanwhile is then a conflict, not a silent overwrite.
        self.saved, self.saved_stamp = store.checkin_and_stamp(self.objective_id, self.week)
        self.last = week_before(store, self.objective_id, self.week)
        self.day = checkin_date(self.week, weeks.today())
        form = defaults(objective, self.week, self.saved, self.last)
        draft = store.draft(self.objective_id, self.week)
        kept = rescue_files.find(store.data_dir, RESCUE_KIND, self.rescue_key)
        if isinstance(kept, dict) and (draft is None or _age(kept) > _age(draft)):
            form, self.resumed = resume(objective, form, kept), "rescue"
        elif draft is not None:
            form, self.resumed = resume(objective, form, draft), "draft"
        self.form = form
        self.objective = objective

    def compose(self) -> ComposeResult:
        self._load()
        yield Header()
        if self.objective is not None:
            with Horizontal(id="ck-head"):
                head = t("checkin.head", title="{title}", week=self.week)
                title = inert(self.objective.title, newlines=False)
                yield Static(Text(head.replace("{title}", title)), id="ck-title")
                yield Static("", id="ck-page")
            self.pages = self._build_pages()
            start = next((p for p in self.pages if p.key == self.form.page), self.pages[0])
            with Vertical(id="ck-pages"):
                for page in self.pages:
                    page.display = page is start
                    yield page
            self.current = start
        yield Footer(compact=True)

    def _build_pages(self) -> list[CheckInPage]:
        pages: list[CheckInPage] = []
        for n, kr in enumerate(self.objective.key_results, 1):
            pages.append(KRPage(self.objective, kr, n, self.form.krs[kr.id], self.last, self.day))
            pages += [self._item_page(n, kr, item) for item in self._items(kr)]
        return [*pages, NotePage(self.form.note), ReviewPage()]

    def _items(self, kr: KeyResult):
        return shown_items(kr, self.week, self.saved, self.form)

    def _item_page(self, n: int, kr: KeyResult, item) -> ItemPage:
        new = any(a.id == item.id for a in self.form.added)
        fields = self.form.items.setdefault(item.id, ItemFields())
        return ItemPage(n, kr, item, fields, self.last, new=new)

    # -- opening and closing -----------------------------------------------------------------

    def on_mount(self) -> None:
        if self.objective is None:
            self.notify(self.refusal or t("checkin.no_objective"), severity="error", markup=False)
            # By the app (not this screen's own queue, which removing it waits for).
            if self.queue:
                after = CheckInScreen(self.queue[0], self.week, self.queue[1:])
                self.app.call_later(self.app.switch_screen, after)
            else:
                self.app.call_later(self.app.pop_screen)
            return
        self.show_page(self.current)
        if self.resumed == "rescue":
            self.notify(t("checkin.resumed_rescue", week=self.week))
            self.changed()  # into the store as a draft, which retires the rescue file
        elif self.resumed == "draft":
            self.notify(t("checkin.resumed", week=self.week))
        elif self.saved is not None:
            self.notify(t("checkin.editing_saved", week=self.week))

    def on_unmount(self) -> None:
        """Leaving by any way (escape, ctrl+q, the terminal closing): keep what was typed."""
        self.flush_draft()

    def rescue(self) -> saving.Rescue | None:
        """What is typed, for the app to keep beside the store if it has to stop."""
        if self.objective is None or not self.pages:
            return None
        return saving.Rescue(RESCUE_KIND, self.rescue_key, self._typed)

    def _typed(self) -> dict:
        self.collect()
        return self.form.to_draft(at=time.time())

    # -- pages and fields --------------------------------------------------------------------

    @property
    def page(self) -> str:
        """The current page's key (``kr:ID``, ``item:ID``, ``note``, ``review``)."""
        return self.current.key if self.current is not None else ""

    def show_page(self, page: CheckInPage, focus: str = "first") -> None:
        """Show ``page`` and focus its first (last) field, now: keys typed after the one
        that asked for it land there."""
        if self.current is not None and self.current is not page:
            self.current.display = False
        page.display = True
        self.current = page
        self.form.page = page.key
        n = self.pages.index(page) + 1
        self.query_one("#ck-page", Static).update(t("checkin.page_of", n=n, total=len(self.pages)))
        if isinstance(page, ReviewPage):
            self._refresh_review()
            self.set_focus(page)
        else:
            fields = page.fields()
            if fields:
                self.set_focus(fields[0] if focus == "first" else fields[-1])
        self.refresh_bindings()

    def move_focus(self, widget: Widget, delta: int, *, page: bool = False) -> None:
        """From a field to the next (previous) one in reading order; past a page's last
        (first) field, or with ``page``, to the next (previous) page. Called by the fields,
        within the key's binding (see screens.checkin_widgets.move_on)."""
        here = next((a for a in widget.ancestors if isinstance(a, CheckInPage)), None)
        if here is None:
            return
        following = None if page else here.next_field(widget, delta)
        if following is not None:
            self.set_focus(following)
        else:
            self.action_page(delta)

    def _page_of_kr(self, kr_id: str) -> KRPage | None:
        return next((p for p in self.pages if isinstance(p, KRPage) and p.kr.id == kr_id), None)

    def collect(self) -> Form:
        """The form as the fields hold it now."""
        for page in self.pages:
            page.write_to(self.form)
        return self.form

    async def _settle(self) -> None:
        """Let the fields take the keys already handed to them (typed before the one being
        handled): a bounded wait for their queues to be empty, not for a time."""
        fields = [f for page in self.pages for f in page.fields()]
        for _ in range(200):
            if not any(f.message_queue_size for f in fields):
                return
            await asyncio.sleep(0)

    @on(DescendantFocus)
    def _focus_moved(self, event: DescendantFocus) -> None:
        self.call_after_refresh(self._place_toasts)

    def _place_toasts(self) -> None:
        """Toasts go to the half of the screen the focused field is not in, and no further
        than its edge (older toasts scroll out of the way)."""
        try:
            rack = self.get_child_by_type(ToastRack)
        except NoMatches:
            return
        focused = self.focused
        if focused is None or isinstance(focused, ReviewPage):
            rack.styles.dock, rack.styles.align_vertical = "bottom", "bottom"
            rack.styles.max_height = None
            return
        region = focused.region
        if region.y + region.height / 2 > self.size.height / 2:
            rack.styles.dock, rack.styles.align_vertical = "top", "top"
            rack.styles.max_height = max(region.y, 3)
        else:
            rack.styles.dock, rack.styles.align_vertical = "bottom", "bottom"
            rack.styles.max_height = max(self.size.height - region.bottom - 1, 3)

    # -- changes: kept as a draft ------------------------------------------------------------

    @on(CheckInPage.Edited)
    def _edited(self, event: CheckInPage.Edited) -> None:
        self.changed()
        if isinstance(self.current, ReviewPage):
            self._refresh_review()

    def changed(self) -> None:
        self.dirty = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_DELAY, self.flush_draft)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def flush_draft(self) -> None:
        """Write the draft (through the one save path). When the store refuses it, the
        form stays as it is, what was typed is kept beside the store, and the next change
        tries again (quietly while the store is still unreadable)."""
        self._stop_timer()
        if not self.dirty or self.objective is None:
            return
        data = self._typed()
        if self.draft_failed and not self._store_readable():
            with contextlib.suppress(OSError):  # said when the draft first failed
                rescue_files.keep(self.app.store.data_dir, RESCUE_KIND, self.rescue_key, data)
            return
        ok = saving.write(
            self,
            lambda: self.app.store.save_draft(self.objective_id, self.week, data),
            rescue=saving.Rescue(RESCUE_KIND, self.rescue_key, lambda: data),
        )
        self.draft_failed = not ok
        self.dirty = not ok

    def _store_readable(self) -> bool:
        try:
            self.app.store.storage.read()
        except Exception as e:
            if not is_user_error(e):
                raise
            return False
        return True

    # -- actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.objective is None or self.current is None:
            return action == "leave"
        if action in ("add_item", "chart"):
            return isinstance(self.current, KRPage | ItemPage)
        if action == "page":
            n = self.pages.index(self.current) + int(parameters[0])
            return 0 <= n < len(self.pages)
        return True

    def action_chart(self) -> None:
        """The chart of this page's KR (its weekly values, path, target and confidence)."""
        from screens.chart import ChartScreen

        self.flush_draft()
        self.app.push_screen(ChartScreen(self.objective_id, self.current.kr.id))

    def action_page(self, delta: int) -> None:
        n = self.pages.index(self.current) + delta
        if 0 <= n < len(self.pages):
            self.show_page(self.pages[n], focus="first" if delta > 0 else "last")

    def action_field(self, delta: int) -> None:
        """tab / shift+tab: the next / previous field in reading order, across pages."""
        focused = self.focused
        if focused is not None and focused in self.current.fields():
            self.move_focus(focused, delta)
        else:
            self.action_page(delta)

    def action_review(self) -> None:
        self.show_page(self.pages[-1])

    def _refresh_review(self) -> None:
        page = self.pages[-1]
        assert isinstance(page, ReviewPage)
        form = self.collect()
        lines = [self._problem_text(p, "checkin.err.line") for p in problems(self.objective, form)]
        page.show(review(self.objective, self.week, self.saved, self.last, form, lines))

    def _problem_text(self, p: Problem, key: str = "checkin.err.hold") -> str:
        kr = self.objective.kr(p.kr)
        return t(
            key,
            field=t(f"checkin.field.{p.field}"),
            kr=t("checkin.kr_label", n=self.objective.key_results.index(kr) + 1),
            problem=t(p.message),
        )

    def action_add_item(self) -> None:
        page = self.current
        if isinstance(page, KRPage | ItemPage):
            kr = page.kr
        else:
            self.notify(t("checkin.add.none"), severity="warning")
            return
        n = self.objective.key_results.index(kr) + 1
        label = t("checkin.kr_label", n=n) + " · " + kr.title
        self.app.push_screen(AddItemModal(label), lambda title: self._add_item(kr, title))

    async def _add_item(self, kr: KeyResult, title: str | None) -> None:
        if not title:
            return
        new = NewItem(new_id("e"), kr.id, title)
        self.form.added.append(new)
        self.form.items[new.id] = ItemFields()
        item = next(i for i in self._items(kr) if i.id == new.id)
        n = self.objective.key_results.index(kr) + 1
        page = self._item_page(n, kr, item)
        # After the KR's last page (its page, or its last E-item's).
        last = max(
            i
            for i, p in enumerate(self.pages)
            if isinstance(p, KRPage | ItemPage) and p.kr.id == kr.id
        )
        self.pages.insert(last + 1, page)
        page.display = False
        await self.query_one("#ck-pages", Vertical).mount(page, after=self.pages[last])
        self.changed()
        self.show_page(page)

    async def action_save(self) -> None:
        await self._settle()
        form = self.collect()
        found = problems(self.objective, form)
        if found:
            first = found[0]
            self.notify(self._problem_text(first), severity="error")
            page = self._page_of_kr(first.kr)
            if page is not None:
                self.show_page(page)
                if (field := page.field(first.field)) is not None:
                    self.set_focus(field)
            return
        checkin = build_checkin(
            self.objective, self.week, self.saved, form, self.saved.date if self.saved else self.day
        )
        self._stop_timer()
        self._write(checkin, form, self.saved_stamp)

    def _write(self, checkin: CheckIn, form: Form, stamp: str | None) -> None:
        """Save the check-in and what it changes of the objective: one store write."""

        def save() -> None:
            store = self.app.store
            fresh = store.objective(self.objective_id) or self.objective
            changed = updated_objective(fresh, self.week, self.saved, form)
            store.save_checkin(checkin, objective=changed, expected_stamp=stamp)

        try:
            ok = saving.write(self, save, rescue=self.rescue(), conflicts=True)
        except ConflictError as e:
            self.dirty = True
            self.flush_draft()  # mine stays safe as a draft whatever is chosen
            self._resolve_conflict(checkin, e)
            return
        if ok:
            after_checkin_saved(self.app, checkin)
            self._saved()

    def _resolve_conflict(self, mine: CheckIn, conflict: ConflictError) -> None:
        """Another copy saved this week since it was opened: both side by side, the user
        picks each value that differs; the notes of both are kept."""
        theirs = conflict.theirs

        def answer(take_theirs: frozenset[tuple[str, str]] | None) -> None:
            if take_theirs is None:
                self.notify(t("checkin.conflict_kept"), severity="warning")
                return
            merged = settle(mine, theirs, take_theirs)
            self._write(merged, with_statuses(self.form, merged), conflict.stamp)

        self.app.push_screen(
            ConflictDialog(
                self.objective, self.week, differences(mine, theirs), deleted=theirs is None
            ),
            answer,
        )

    def store_changed(self) -> None:
        """The store file changed on disk (another copy of the app wrote it)."""
        if self.objective is None or self._warned_elsewhere:
            return
        try:
            stamp = self.app.store.checkin_stamp(self.objective_id, self.week)
        except Exception as e:
            if not is_user_error(e):
                raise
            return
        if stamp != self.saved_stamp:
            self._warned_elsewhere = True
            self.notify(t("checkin.changed_elsewhere", week=self.week), severity="warning")

    def _saved(self) -> None:
        """After a save: home, or the next objective of the queue."""
        self.dirty = False
        self._stop_timer()
        if self.queue:
            self.app.notify(t("checkin.saved_next", week=self.week))
            self.app.switch_screen(CheckInScreen(self.queue[0], self.week, self.queue[1:]))
        else:
            self.app.notify(t("checkin.saved", week=self.week))
            self.app.pop_screen()

    def action_leave(self) -> None:
        had_draft = self.dirty or self.resumed is not None
        self.flush_draft()
        if had_draft and not self.draft_failed:
            self.app.notify(t("checkin.kept_draft"))
        self.app.pop_screen()


# The help screen lists the keys of these classes (screens/help.py).
ReviewPane = ReviewPage


def after_checkin_saved(app, checkin: CheckIn) -> None:
    """What follows a saved check-in, in a thread so that neither ever holds the app: the
    ``on-checkin`` hook (store.hooks) and, when switched on, publishing to the team
    (store.team, ``okr team publish --auto on``). Each says a problem in one line; the
    save itself is done and stays done."""

    def run() -> None:
        from store import hooks, team
        from tui.terminal import hook_sentence, publish_sentence

        problem = hooks.after_checkin(app.store, checkin)
        if problem is not None:
            app.call_from_thread(app.notify, hook_sentence(problem), severity="warning")
        published = team.publish_after_save(app.store.data_dir, app.store)
        if published is not None:
            severity = "information" if published.outcome == "published" else "warning"
            app.call_from_thread(app.notify, publish_sentence(published), severity=severity)

    app.run_worker(run, thread=True, group="after-save", exit_on_error=False)
