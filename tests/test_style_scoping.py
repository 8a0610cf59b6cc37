"""No rule of one screen applies to another (issue 9, item 3).

Textual loads a screen's CSS_PATH for the whole app the first time the screen is
opened, so an unscoped rule (``.label {...}``) reaches every screen opened after it:
``okr demo``, ``c``, ``esc``, ``e`` showed the editor without its field labels. Two
checks: every rule of every .tcss file starts with the type of a screen (or the app)
it belongs to; and each screen, opened after every other one, has the very same
computed styles as when it is opened first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.model import SelectorType
from textual.css.parse import parse
from textual.css.tokenize import tokenize_values
from textual.screen import Screen
from textual.widgets._toast import Toast, ToastHolder, ToastRack
from waiting import until

from screens.chart import ChartScreen
from screens.checkin import CheckInScreen
from screens.dialogs import AskDialog
from screens.editor import EditorScreen
from screens.help import HelpScreen
from screens.history import HistoryScreen
from screens.home import HomeScreen
from screens.paste import PasteScreen
from screens.prep import MeetingDialog, PrepScreen
from screens.summary import SummaryScreen
from screens.team import TeamScreen
from tui.app import OkrApp

ROOT = Path(__file__).resolve().parents[1]
TCSS = sorted([*ROOT.glob("screens/*.tcss"), ROOT / "tui" / "app.tcss"])


def screen_types() -> set[str]:
    """The names of the app's screens and modals (and the app's: its toasts' rules)."""
    import importlib

    names = {"OkrApp"}
    for path in ROOT.glob("screens/*.py"):
        module = importlib.import_module(f"screens.{path.stem}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Screen)
                and value.__module__ == module.__name__
            ):
                names.add(value.__name__)
    return names


def unscoped_rules(path: Path) -> list[str]:
    """The selectors of ``path`` that do not start with a screen's (or the app's) type."""
    from textual.app import App

    types = screen_types()
    variables = App().get_css_variables()
    bad = []
    css = path.read_text(encoding="utf-8")
    tokens = tokenize_values(variables)
    for rule in parse("", css, (str(path), ""), variable_tokens=tokens):
        for selector_set in rule.selector_set:
            first = selector_set.selectors[0]
            if first.type != SelectorType.TYPE or first.name not in types:
                bad.append(selector_set.css)
    return bad


@pytest.mark.parametrize(
    "path",
    TCSS,
    ids=[p.name for p in TCSS],
)
def test_every_rule_is_nested_under_its_screen(path):
    assert unscoped_rules(path) == []


# -- the same screen, opened first or after every other one -------------------------------------

# name -> (keys from home, the screen it opens)
SCREENS = {
    "editor": (["e"], EditorScreen),
    "paste": (["i"], PasteScreen),
    "history": (["h"], HistoryScreen),
    "summary": (["s"], SummaryScreen),
    "summary-month": (["s", "m"], AskDialog),
    "prep": (["p"], PrepScreen),
    "prep-record": (["p", "r"], MeetingDialog),
    "help": (["question_mark"], HelpScreen),
    "checkin": (["c"], CheckInScreen),
    "chart": (["g"], ChartScreen),
    "team": (["t"], TeamScreen),
}
PROPS = (
    "display",
    "visibility",
    "width",
    "height",
    "min_width",
    "max_width",
    "margin",
    "padding",
    "color",
    "background",
    "text_style",
    "text_wrap",
    "text_overflow",
    "border",
    "dock",
    "align",
    "offset",
)


def fingerprint(screen: Screen) -> dict[str, tuple]:
    """Every widget of the screen (by its place in the tree) with its computed styles."""
    out: dict[str, tuple] = {}

    def walk(node, path: str) -> None:
        counts: dict[str, int] = {}
        for child in node.children:
            if isinstance(child, ToastRack | ToastHolder | Toast):
                continue
            name = type(child).__name__
            counts[name] = counts.get(name, 0) + 1
            here = f"{path}/{name}" + (f"#{child.id}" if child.id else f"[{counts[name]}]")
            out[here] = tuple(str(getattr(child.styles, p)) for p in PROPS)
            walk(child, here)

    walk(screen, type(screen).__name__)
    return out


async def open_screen(pilot, name: str) -> Screen:
    keys, kind = SCREENS[name]
    for key in keys:
        await pilot.press(key)
        await until(pilot, lambda: getattr(pilot.app.screen, "ready", True), f"{name} ready")
    screen = await until(pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen)
    await until(pilot, lambda: getattr(screen, "ready", True), f"{name} ready")
    return screen


async def back_home(pilot) -> None:
    while not isinstance(pilot.app.screen, HomeScreen):
        await pilot.press("escape")
        await pilot.pause()


async def styles_of(store, name: str, before: list[str]) -> dict[str, tuple]:
    app = OkrApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for other in before:
            await open_screen(pilot, other)
            await back_home(pilot)
        if name == "home":
            return fingerprint(app.screen)
        return fingerprint(await open_screen(pilot, name))


MINE = ["home", *(name for name in SCREENS if name != "checkin")]


@pytest.mark.parametrize("name", [*MINE, "checkin"])
async def test_a_screen_looks_the_same_whatever_was_opened_before(demo_store, name):
    alone = await styles_of(demo_store, name, [])
    others = [other for other in SCREENS if other not in (name, "checkin")]
    after = await styles_of(demo_store, name, others)
    assert {k: v for k, v in after.items() if alone.get(k) != v} == {}
    assert after == alone


@pytest.mark.parametrize("name", MINE)
async def test_a_screen_looks_the_same_after_the_checkin(demo_store, name):
    """``okr demo``, ``c``, ``esc``, ``e``: the editor keeps its field labels."""
    alone = await styles_of(demo_store, name, [])
    after = await styles_of(demo_store, name, ["checkin"])
    assert after == alone
