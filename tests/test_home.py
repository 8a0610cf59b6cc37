"""The home screen: objectives, their KRs, progress and this week's state."""

from __future__ import annotations

from textual.widgets import ListView

from screens.home import HomeScreen, ObjectiveCard, sparkline
from store.model import KeyResult
from tui.app import OkrApp


def card_text(app) -> str:
    from rich.console import Console

    console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for card in app.screen.query(ObjectiveCard):
        console.print(card.render_card())
    return console.export_text()


async def test_home_shows_objective_krs_and_due_state(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = card_text(app)
        assert "Build a successful customer-expansion team" in text
        assert "21 / 50 new customers" in text  # KR2's last value of the demo weeks
        assert "31,000 / 100,000 followers" in text
        assert "due" in text  # this week (2026-W43) has no check-in yet
        assert app.screen.selected.title == "Build a successful customer-expansion team"


async def test_home_archived_hidden_until_asked(demo_store):
    [objective] = demo_store.objectives()
    objective.archived = True
    demo_store.save_objective(objective)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(app.screen.query_one("#objectives", ListView)) == 0
        assert app.screen.query_one("#empty").display
        await pilot.press("a")
        assert len(app.screen.query_one("#objectives", ListView)) == 1


async def test_home_in_chinese(demo_store_zh):
    app = OkrApp(demo_store_zh, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = card_text(app)
        assert "打造一个成功的客户拓展团队" in text
        assert "本周待更新" in text


def test_sparkline_scales_to_target_and_handles_decreasing():
    up = KeyResult("k", "t", "number", 0, 100)
    assert sparkline(up, [0, 50, 100]) == "▁▅█"
    down = KeyResult("k", "t", "number", 14, 5)
    assert sparkline(down, [14, None, 5]) == "▁ █"
    assert sparkline(up, [None, None]) == ""


def test_a_card_is_as_high_as_its_lines_at_any_width(demo_store):
    """The card's height is set from its lines (Textual does not measure it): every line
    stays one line at any width, in both languages, with the close hint and a long
    Chinese title, or the card would cut its last lines off."""
    import pendulum
    from rich.console import Console

    from screens.home import card_height
    from tui import i18n

    [objective] = demo_store.objectives()
    objective.title = "组建一支成功的客户拓展团队，" * 6
    objective.key_results[0].title = "新客户签约数量（含试点客户与续约客户）" * 3
    demo_store.save_objective(objective)
    pendulum.travel_to(pendulum.datetime(2026, 10, 28, 9, 0, tz="local"), freeze=True)
    for lang in ("en", "zh"):
        i18n.set_lang(lang)
        card = ObjectiveCard(demo_store.objective(objective.id), demo_store)
        rendered = card.render_card()
        wide = Console(width=300, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        wide.print(rendered)
        assert i18n.t("home.close_hint") in wide.export_text()  # its last week: the hint shows
        for width in (40, 76, 120):
            lines = Console(width=width).render_lines(rendered, pad=False)
            assert card_height(rendered) == len(lines) == card.styles.height.value, (lang, width)
