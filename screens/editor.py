"""The OKR editor: one objective, its KRs and their E-items.

The outline (objective > KRs > E-items) is on the left, the form of the
highlighted node on the right. The screen edits a working copy; ``ctrl+s``
validates it through the model and writes it once; ``escape`` asks before
unsaved changes are dropped. Letter keys act on the outline (they are typed
into fields when a field has focus); ``ctrl+s``, ``escape`` and ``alt+up/down``
work everywhere.
"""

from __future__ import annotations

import copy
import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Header, Input, Label, Select, Static, Tree

from screens import saving
from screens.base import OkrScreen
from screens.dialogs import ConfirmDialog, leave_after_asking, number_problem
from store import weeks
from store.model import KINDS, InvalidData, Item, KeyResult, Objective, new_id
from store.numbers import NumberError, parse_number
from tui.errors import reason as error_reason
from tui.errors import sentence as error_sentence
from tui.format import typed
from tui.i18n import t
from tui.text import char_width, inert

NodeKey = tuple[str, str]  # ("objective" | "kr" | "item", id)

# Field id -> the model attribute it edits.
OBJECTIVE_FIELDS = {"o-title": "title", "o-owner": "owner", "o-start": "start", "o-end": "end"}
KR_FIELDS = {
    "kr-title": "title",
    "kr-start": "start",
    "kr-target": "target",
    "kr-unit": "unit",
    "kr-weight": "weight",
}
ITEM_FIELDS = {"it-title": "title"}
FORMS = {"objective": "objective-form", "kr": "kr-form", "item": "item-form"}
FIRST_FIELD = {"objective": "o-title", "kr": "kr-title", "item": "it-title"}
MAX_UNIT = 40


class Outline(Tree[NodeKey]):
    """The objective's outline; labels are cut to the width with an ellipsis, never clipped."""

    BINDINGS = [
        Binding("k", "screen.add_kr", "editor.key.add_kr"),
        Binding("e", "screen.add_item", "editor.key.add_item"),
        Binding("d,delete", "screen.delete", "editor.key.delete", key_display="d"),
        # Not in the footer (80 columns); the E-item form says it, and help lists it.
        Binding("t", "screen.toggle_active", "editor.key.toggle_active", show=False),
        Binding("a", "screen.archive", "editor.key.archive"),
    ]

    def render_label(self, node, base_style, style) -> Text:  # type: ignore[override]
        text = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        width = self.scrollable_content_region.width - depth * self.guide_depth
        if width > 0 and text.cell_len > width:
            text = cut(text, width)
        return text

    def on_resize(self) -> None:
        self._invalidate()


def cut(text: Text, width: int) -> Text:
    """``text`` cut to ``width`` cells, ending in an ellipsis (wide characters count two)."""
    used = 0
    for index, ch in enumerate(text.plain):
        used += char_width(ch)
        if used > width - 1:
            return text[:index] + Text("…")
    return text


def field_row(field_id: str, label: str, placeholder: str = "") -> ComposeResult:
    with Horizontal(classes="row"):
        yield Label(label, classes="label")
        yield Input(id=field_id, placeholder=placeholder, compact=True, classes="field")
    yield Static("", id=f"{field_id}-error", classes="error", markup=False)


def number_error(text: str) -> str:
    """What is wrong with a number field's text: "Expected a number" (also for an empty
    weight), or "Too large"."""
    try:
        parse_number(text)
    except NumberError as e:
        return t(number_problem(e))
    return t("editor.err.number")


class EditorScreen(OkrScreen):
    CSS_PATH = "editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save"),
        Binding("escape", "back", "key.back"),
        Binding("alt+up,ctrl+up", "move(-1)", "editor.key.move", key_display="alt+↑↓"),
        Binding("alt+down,ctrl+down", "move(1)", "editor.key.move_down", show=False),
    ]

    def __init__(self, objective_id: str | None) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.objective: Objective | None = None
        self.saved: dict | None = None  # the stored version, to tell unsaved changes
        self.current: NodeKey = ("objective", "")
        # Text that does not parse (a date, a number), kept until it is fixed:
        # (node, field id) -> text.
        self.unparsed: dict[tuple[NodeKey, str], str] = {}
        self.has_checkins: set[str] = set()  # KR and item ids that check-ins refer to
        # Fields the user has typed in: an empty title is only called out once touched
        # (or once a save was tried), not the moment a new KR appears.
        self.touched: set[tuple[NodeKey, str]] = set()
        self.tried_save = False
        self.is_new = False  # not stored yet

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="editor"):
            yield Outline("", id="outline")
            with VerticalScroll(id="form", can_focus=False):
                with Vertical(id="objective-form", classes="form"):
                    yield Static(t("editor.objective"), classes="form-title")
                    yield from field_row("o-title", t("editor.f.title"))
                    yield from field_row("o-owner", t("owner"), t("editor.optional"))
                    yield from field_row("o-start", t("editor.f.start_date"), "YYYY-MM-DD")
                    yield from field_row("o-end", t("editor.f.end_date"), "YYYY-MM-DD")
                    with Horizontal(classes="row"):
                        yield Label("", classes="label")
                        yield Checkbox(t("editor.f.archived"), id="o-archived", compact=True)
                    yield Static(t("editor.hint.objective"), classes="hint")
                with Vertical(id="kr-form", classes="form"):
                    yield Static("", id="kr-heading", classes="form-title", markup=False)
                    yield from field_row("kr-title", t("editor.f.title"))
                    with Horizontal(classes="row"):
                        yield Label(t("editor.f.kind"), classes="label")
                        yield Select(
                            [(t(f"kind.{k}"), k) for k in KINDS],
                            id="kr-kind",
                            allow_blank=False,
                            compact=True,
                        )
                    yield Static("", id="kr-kind-error", classes="error", markup=False)
                    yield from field_row("kr-start", t("editor.f.start"))
                    yield from field_row("kr-target", t("editor.f.target"), t("editor.unknown"))
                    yield from field_row("kr-unit", t("editor.f.unit"), t("editor.optional"))
                    yield from field_row("kr-weight", t("editor.f.weight"))
                    yield Static(t("editor.hint.kr"), classes="hint")
                with Vertical(id="item-form", classes="form"):
                    yield Static("", id="item-heading", classes="form-title", markup=False)
                    yield from field_row("it-title", t("editor.f.title"))
                    with Horizontal(classes="row"):
                        yield Label("", classes="label")
                        yield Checkbox(t("editor.f.active"), id="it-active", compact=True)
                    yield Static("", id="it-added", classes="hint", markup=False)
                    yield Static(t("editor.hint.item"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        store = self.app.store
        if self.objective_id is None:
            first, last = weeks.month_days(weeks.month_key(weeks.today()))
            self.objective = Objective(
                id=new_id("o"), title="", start=first.isoformat(), end=last.isoformat()
            )
            self.saved = self.objective.to_dict()  # nothing typed yet: nothing to lose
            self.is_new = True
            self.sub_title = t("editor.sub.new")
        else:
            stored = store.objective(self.objective_id)
            if stored is None:
                self.notify(t("editor.not_found"), severity="error")
                self.dismiss(None)
                return
            self.objective = stored
            self.saved = stored.to_dict()
            self.sub_title = t("editor.sub.edit")
            for c in store.checkins(stored.id):
                self.has_checkins.update(k.kr for k in c.key_results)
                self.has_checkins.update(i.item for i in c.items)
        outline = self.query_one(Outline)
        outline.guide_depth = 2
        outline.auto_expand = False
        self.rebuild_outline(("objective", self.objective.id))
        if self.objective_id is None:
            self.query_one("#o-title", Input).focus()
        else:
            outline.focus()

    # -- the working copy ---------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        assert self.objective is not None
        return bool(self.unparsed) or self.objective.to_dict() != self.saved

    def find(self, key: NodeKey) -> Objective | KeyResult | Item | None:
        o = self.objective
        assert o is not None
        kind, ident = key
        if kind == "objective":
            return o
        if kind == "kr":
            return o.kr(ident)
        found = o.find_item(ident)
        return found[1] if found else None

    def kr_of(self, key: NodeKey) -> KeyResult | None:
        """The KR of a KR node or of an item node."""
        assert self.objective is not None
        if key[0] == "kr":
            return self.objective.kr(key[1])
        if key[0] == "item":
            found = self.objective.find_item(key[1])
            return found[0] if found else None
        return None

    def nodes(self) -> list[NodeKey]:
        """Every node in outline order."""
        o = self.objective
        assert o is not None
        out: list[NodeKey] = [("objective", o.id)]
        for kr in o.key_results:
            out.append(("kr", kr.id))
            out.extend(("item", it.id) for it in kr.items)
        return out

    def shown_errors(self, key: NodeKey) -> dict[str, str]:
        """The errors to show now: an empty title only once typed in or once a save was tried."""
        errors = self.errors(key)
        if self.tried_save:
            return errors
        required = t("editor.err.required")
        return {f: m for f, m in errors.items() if m != required or (key, f) in self.touched}

    def errors(self, key: NodeKey) -> dict[str, str]:
        """Field id -> message for every field of the node that is not right."""
        node = self.find(key)
        out: dict[str, str] = {}
        for (k, field), text in self.unparsed.items():
            if k == key:
                out[field] = (
                    t("editor.err.date") if field in ("o-start", "o-end") else number_error(text)
                )
        if isinstance(node, Objective):
            if not node.title.strip():
                out.setdefault("o-title", t("editor.err.required"))
            if "o-start" not in out and "o-end" not in out and node.end < node.start:
                out["o-end"] = t("editor.err.end_before_start")
        elif isinstance(node, KeyResult):
            if not node.title.strip():
                out.setdefault("kr-title", t("editor.err.required"))
            if (
                node.kind != "milestone"
                and "kr-target" not in out
                and "kr-start" not in out
                and node.target is not None
                and node.target == node.start
            ):
                out["kr-target"] = t("editor.err.target_equals_start")
            if "kr-weight" not in out and node.weight <= 0:
                out["kr-weight"] = t("editor.err.weight")
            if len(node.unit) > MAX_UNIT:
                out["kr-unit"] = t("editor.err.unit_long", n=MAX_UNIT)
        elif isinstance(node, Item) and not node.title.strip():
            out.setdefault("it-title", t("editor.err.required"))
        return out

    def apply(self, key: NodeKey, field: str, text: str) -> None:
        """Put a field's text into the working copy (or keep it aside if it does not parse)."""
        node = self.find(key)
        if node is None:
            return
        self.unparsed.pop((key, field), None)
        if field in ("o-title", "kr-title", "it-title"):
            node.title = text
        elif field == "o-owner":
            node.owner = text.strip() or None  # type: ignore[union-attr]
        elif field in ("o-start", "o-end"):
            try:
                weeks.parse_date(text.strip())
            except ValueError:
                self.unparsed[(key, field)] = text
            else:
                setattr(node, OBJECTIVE_FIELDS[field], text.strip())
        elif field == "kr-unit":
            node.unit = text.strip()  # type: ignore[union-attr]
        elif field in ("kr-start", "kr-target", "kr-weight"):
            # store.numbers, the one parser: 1,500, 2.5k, 10w, 十万; an empty start or
            # target is unknown (None), an empty weight is not a number.
            try:
                value = parse_number(text)
            except NumberError:
                self.unparsed[(key, field)] = text
            else:
                if value is None and field == "kr-weight":
                    self.unparsed[(key, field)] = text
                else:
                    setattr(node, KR_FIELDS[field], value)

    # -- the outline ------------------------------------------------------------------

    def label(self, key: NodeKey) -> Text:
        o = self.objective
        assert o is not None
        node = self.find(key)
        text = Text()
        if self.shown_errors(key):
            text.append("✗ ", style="bold red")
        if isinstance(node, Objective):
            title = node.title.strip()
            text.append(inert(title, newlines=False) or t("editor.untitled"), style="bold")
            if node.archived:
                text.append(f" ({t('list.archived')})", style="dim")
        elif isinstance(node, KeyResult):
            n = o.key_results.index(node) + 1
            text.append(f"KR{n} ", style="bold")
            text.append(inert(node.title.strip(), newlines=False) or t("editor.untitled"))
        elif isinstance(node, Item):
            text.append("E ", style="bold")
            title = inert(node.title.strip(), newlines=False) or t("editor.untitled")
            if node.active:
                text.append(title)
            else:
                text.append(title, style="dim strike")
                text.append(f" ({t('editor.inactive')})", style="dim")
        return text

    def rebuild_outline(self, select: NodeKey | None = None) -> None:
        o = self.objective
        assert o is not None
        outline = self.query_one(Outline)
        outline.clear()
        outline.root.data = ("objective", o.id)
        outline.root.set_label(self.label(("objective", o.id)))
        for kr in o.key_results:
            kr_node = outline.root.add(self.label(("kr", kr.id)), data=("kr", kr.id), expand=True)
            for it in kr.items:
                kr_node.add_leaf(self.label(("item", it.id)), data=("item", it.id))
        outline.root.expand()
        order = self.nodes()
        key = select if select in order else self.current if self.current in order else order[0]
        outline.cursor_line = order.index(key)
        self.show(key)

    def refresh_label(self, key: NodeKey) -> None:
        outline = self.query_one(Outline)
        if key[0] == "objective":
            outline.root.set_label(self.label(key))
            return
        stack = list(outline.root.children)
        while stack:
            node = stack.pop()
            if node.data == key:
                node.set_label(self.label(key))
                return
            stack.extend(node.children)

    @on(Tree.NodeHighlighted, "#outline")
    def highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node.data is not None and event.node.data != self.current:
            self.show(event.node.data)

    @on(Tree.NodeSelected, "#outline")
    def selected(self, event: Tree.NodeSelected) -> None:
        """Enter on a node: into its form."""
        if event.node.data is not None:
            self.show(event.node.data)
            self.query_one(f"#{FIRST_FIELD[event.node.data[0]]}", Input).focus()

    # -- the form ---------------------------------------------------------------------

    def show(self, key: NodeKey) -> None:
        """Fill the form of ``key`` from the working copy and show it."""
        node = self.find(key)
        if node is None:
            return
        self.current = key
        kind = key[0]
        for name, form_id in FORMS.items():
            self.query_one(f"#{form_id}").display = name == kind
        with self.prevent(Input.Changed, Select.Changed, Checkbox.Changed):
            if isinstance(node, Objective):
                self.set_field(key, "o-title", node.title)
                self.set_field(key, "o-owner", node.owner or "")
                self.set_field(key, "o-start", node.start)
                self.set_field(key, "o-end", node.end)
                self.query_one("#o-archived", Checkbox).value = node.archived
            elif isinstance(node, KeyResult):
                n = self.objective.key_results.index(node) + 1  # type: ignore[union-attr]
                self.query_one("#kr-heading", Static).update(t("editor.kr_heading", n=n))
                self.set_field(key, "kr-title", node.title)
                self.query_one("#kr-kind", Select).value = node.kind
                self.query_one("#kr-kind-error", Static).display = False
                self.set_field(key, "kr-start", typed(node.start))
                self.set_field(key, "kr-target", typed(node.target))
                self.set_field(key, "kr-unit", node.unit)
                self.set_field(key, "kr-weight", typed(node.weight))
                milestone = node.kind == "milestone"
                for field in ("kr-start", "kr-target", "kr-unit"):
                    self.query_one(f"#{field}", Input).disabled = milestone
            elif isinstance(node, Item):
                kr = self.kr_of(key)
                n = self.objective.key_results.index(kr) + 1  # type: ignore[union-attr,arg-type]
                self.query_one("#item-heading", Static).update(t("editor.item_heading", n=n))
                self.set_field(key, "it-title", node.title)
                self.query_one("#it-active", Checkbox).value = node.active
                added = self.query_one("#it-added", Static)
                added.update(t("editor.added", week=node.added) if node.added else "")
        self.show_errors()
        self.refresh_bindings()

    def set_field(self, key: NodeKey, field: str, value: str) -> None:
        text = self.unparsed.get((key, field), value)
        widget = self.query_one(f"#{field}", Input)
        if widget.value != text:
            widget.value = text
            widget.cursor_position = len(text)

    def show_errors(self) -> None:
        errors = self.shown_errors(self.current)
        fields = {"objective": OBJECTIVE_FIELDS, "kr": KR_FIELDS, "item": ITEM_FIELDS}
        for field in fields[self.current[0]]:
            message = errors.get(field, "")
            box = self.query_one(f"#{field}-error", Static)
            box.update(message)
            box.display = bool(message)
            self.query_one(f"#{field}", Input).set_class(bool(message), "-invalid")
        self.update_title()

    def update_title(self) -> None:
        base = t("editor.sub.new") if self.is_new else t("editor.sub.edit")
        self.sub_title = f"{base} · {t('editor.unsaved')}" if self.dirty else base

    @on(Input.Changed, ".field")
    def field_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = event.input.id or ""
        key = self.current
        self.touched.add((key, field))
        self.apply(key, field, event.value)
        self.refresh_label(key)
        self.show_errors()

    @on(Input.Submitted, ".field")
    def field_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on to the next field; after the last one, back to the outline."""
        event.stop()
        form = self.query_one(f"#{FORMS[self.current[0]]}")
        focusable = [w for w in form.query("Input, Select, Checkbox") if w.focusable]
        widget: Widget = event.input
        after = focusable[focusable.index(widget) + 1 :] if widget in focusable else []
        if after:
            after[0].focus()
        else:
            self.query_one(Outline).focus()

    @on(Select.Changed, "#kr-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        event.stop()
        kr = self.find(self.current)
        if not isinstance(kr, KeyResult) or event.value not in KINDS or event.value == kr.kind:
            return
        if kr.id in self.has_checkins:
            # Its check-ins were measured in the old kind (21 of 50 is no milestone):
            # refused here, as a delete is; the store would refuse the save anyway.
            with self.prevent(Select.Changed):
                event.select.value = kr.kind
            box = self.query_one("#kr-kind-error", Static)
            box.update(t("editor.cannot_change_kind"))
            box.display = True
            return
        was_milestone = kr.kind == "milestone"
        kr.kind = str(event.value)
        for field in ("kr-start", "kr-target"):
            self.unparsed.pop((self.current, field), None)
        if kr.kind == "milestone":
            kr.start, kr.target, kr.relative = 0, 1, None
        elif kr.threshold:
            kr.start, kr.relative = None, None  # a level to hold has no start
            if was_milestone:
                kr.target = None  # unknown: the editor never invents a target
        elif was_milestone:
            kr.target = None  # unknown: the editor never invents a target
        self.show(self.current)
        self.refresh_label(self.current)

    @on(Checkbox.Changed)
    def checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        node = self.find(self.current)
        if event.checkbox.id == "o-archived" and isinstance(node, Objective):
            node.archived = event.value
        elif event.checkbox.id == "it-active" and isinstance(node, Item):
            node.active = event.value
        self.refresh_label(self.current)
        self.update_title()

    # -- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do not apply to the highlighted node leave the footer (80 columns)."""
        kind = self.current[0]
        if action == "toggle_active":
            return kind == "item"
        if action in ("add_item", "delete", "move"):
            return kind in ("kr", "item")
        if action == "archive":
            return kind == "objective"
        return True

    def action_add_kr(self) -> None:
        o = self.objective
        assert o is not None
        kr = KeyResult(id=new_id("kr"), title="", kind="number", start=0, target=None)
        current = self.kr_of(self.current)
        at = o.key_results.index(current) + 1 if current else len(o.key_results)
        o.key_results.insert(at, kr)
        self.rebuild_outline(("kr", kr.id))
        self.query_one("#kr-title", Input).focus()

    def action_add_item(self) -> None:
        kr = self.kr_of(self.current)
        if kr is None:
            self.notify(t("editor.need_kr"), severity="warning")
            return
        item = Item(id=new_id("e"), title="", active=True, added=weeks.week_key(weeks.today()))
        at = len(kr.items)
        if self.current[0] == "item":
            at = [i.id for i in kr.items].index(self.current[1]) + 1
        kr.items.insert(at, item)
        self.rebuild_outline(("item", item.id))
        self.query_one("#it-title", Input).focus()

    def action_delete(self) -> None:
        key = self.current
        node = self.find(key)
        if isinstance(node, KeyResult):
            used = node.id in self.has_checkins or any(
                i.id in self.has_checkins for i in node.items
            )
            if used:
                self.notify(t("editor.cannot_delete_kr"), severity="warning")
                return
            question = t("editor.confirm_delete_kr", title=inert(node.title, newlines=False))
        elif isinstance(node, Item):
            if node.id in self.has_checkins:
                self.notify(t("editor.cannot_delete_item"), severity="warning")
                return
            question = t("editor.confirm_delete_item", title=inert(node.title, newlines=False))
        else:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_node(key)

        self.app.push_screen(ConfirmDialog(question), answered)

    def remove_node(self, key: NodeKey) -> None:
        o = self.objective
        assert o is not None
        order = self.nodes()
        index = order.index(key)
        if key[0] == "kr":
            kr = o.kr(key[1])
            if kr is None:
                return
            gone = {key} | {("item", i.id) for i in kr.items}
            o.key_results.remove(kr)
        else:
            found = o.find_item(key[1])
            if found is None:
                return
            found[0].items.remove(found[1])
            gone = {key}
        self.unparsed = {k: v for k, v in self.unparsed.items() if k[0] not in gone}
        before = [k for k in order[:index] if k not in gone]
        self.rebuild_outline(before[-1] if before else None)
        self.query_one(Outline).focus()

    def action_toggle_active(self) -> None:
        node = self.find(self.current)
        if isinstance(node, Item):
            node.active = not node.active
            self.show(self.current)
            self.refresh_label(self.current)

    def action_archive(self) -> None:
        o = self.objective
        assert o is not None
        o.archived = not o.archived
        self.refresh_label(("objective", o.id))
        if self.current[0] == "objective":
            self.show(self.current)
        self.update_title()
        self.notify(t("editor.archived_note" if o.archived else "editor.unarchived_note"))

    def action_move(self, delta: int) -> None:
        o = self.objective
        assert o is not None
        key = self.current
        if key[0] == "kr":
            siblings: list = o.key_results
        elif key[0] == "item":
            kr = self.kr_of(key)
            if kr is None:
                return
            siblings = kr.items
        else:
            return
        index = [s.id for s in siblings].index(key[1])
        to = index + delta
        if not 0 <= to < len(siblings):
            return
        siblings[index], siblings[to] = siblings[to], siblings[index]
        self.rebuild_outline(key)
        self.update_title()

    def action_save(self) -> None:
        o = self.objective
        assert o is not None
        self.tried_save = True
        for key in self.nodes():
            errors = self.errors(key)
            if errors:
                self.go_to(key, next(iter(errors)))
                self.notify(t("editor.fix_first"), severity="error")
                self.refresh_all_labels()
                return
        try:
            checked = Objective.from_dict(copy.deepcopy(o.to_dict()))
        except InvalidData as exc:
            self.show_model_error(exc)
            return
        if not saving.write(
            self, lambda: self.app.store.save_objective(checked), rescue=self.rescue()
        ):
            return  # said why; the edits stay here (and beside the store)
        self.saved = checked.to_dict()
        self.is_new = False
        self.objective_id = checked.id
        self.refresh_all_labels()
        self.update_title()
        self.notify(t("editor.saved"))

    def rescue(self) -> saving.Rescue | None:
        """The unsaved edits (the working copy and any text that does not parse yet), kept
        beside the store when the store refuses them or the app has to stop."""
        o = self.objective
        if o is None or not self.dirty:
            return None
        working = copy.deepcopy(o.to_dict())
        unparsed = [
            {"node": list(key), "field": field, "text": text}
            for (key, field), text in self.unparsed.items()
        ]
        return saving.Rescue("editor", o.id, lambda: {"objective": working, "unparsed": unparsed})

    def refresh_all_labels(self) -> None:
        for key in self.nodes():
            self.refresh_label(key)

    def go_to(self, key: NodeKey, field: str | None = None) -> None:
        outline = self.query_one(Outline)
        outline.cursor_line = self.nodes().index(key)
        self.show(key)
        if field:
            self.query_one(f"#{field}").focus()

    def show_model_error(self, exc: InvalidData) -> None:
        """A rule only the model knows: show it at its field when the path names one."""
        o = self.objective
        assert o is not None
        m = re.match(r"^objective(?:\.key_results\[(\d+)\](?:\.items\[(\d+)\])?)?\.(\w+)", exc.path)
        if m:
            kr_i, item_i, attr = m.group(1), m.group(2), m.group(3)
            if kr_i is None:
                key: NodeKey = ("objective", o.id)
                field = next((f for f, a in OBJECTIVE_FIELDS.items() if a == attr), None)
            else:
                kr = o.key_results[int(kr_i)]
                if item_i is None:
                    key = ("kr", kr.id)
                    field = next((f for f, a in KR_FIELDS.items() if a == attr), None)
                else:
                    key = ("item", kr.items[int(item_i)].id)
                    field = next((f for f, a in ITEM_FIELDS.items() if a == attr), None)
            self.go_to(key, field)
            if field:
                box = self.query_one(f"#{field}-error", Static)
                box.update(error_reason(exc))
                box.display = True
        self.notify(t("editor.not_saved", reason=error_sentence(exc)), severity="error")

    def action_back(self) -> None:
        if self.objective is None or not self.dirty:
            self.dismiss(None)
            return
        leave_after_asking(
            self, t("editor.confirm_discard"), yes=t("editor.discard"), no=t("editor.keep")
        )
