"""The close and rollover screens driven by keys alone, home's offer of them, history
across the chain and home's sparkline across it (the demo's October)."""

from __future__ import annotations

import pendulum
from textual.widgets import Static
from waiting import until

from screens.close import CloseScreen
from screens.history import HistoryScreen
from screens.home import HomeScreen, ObjectiveCard, chained_history, sparkline
from screens.rollover import RolloverScreen
from store import cycle, weeks
from store.model import CheckIn, KRCheck
from tui.app import OkrApp

LAST_WEEK = pendulum.datetime(2026, 10, 28, 9, 0, tz="local")
NOVEMBER = pendulum.datetime(2026, 11, 2, 9, 0, tz="local")


def card_text(app) -> str:
    from rich.console import Console

    console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for card in app.screen.query(ObjectiveCard):
        console.print(card.render_card())
    return console.export_text()


async def wait_for(pilot, condition) -> None:
    await until(pilot, condition)


def focused_id(app) -> str | None:
    return app.focused.id if app.focused is not None else None


def close_october(store):
    [october] = store.objectives()
    store.save_objective(
        cycle.close(october, store.checkins(october.id), today=weeks.parse_date("2026-11-02"))
    )
    return store.objective(october.id)


async def test_home_offers_close_only_from_the_last_week(demo_store):
    app = OkrApp(demo_store)  # today: 2026-10-19, W43
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("close_period", ()) is False
        assert "g closes it" not in card_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    pendulum.travel_to(LAST_WEEK, freeze=True)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("close_period", ()) is True
        assert app.screen.check_action("next_period", ()) is True
        assert "The period ends: x closes it" in card_text(app)


async def test_close_by_keys(demo_store):
    pendulum.travel_to(LAST_WEEK, freeze=True)
    [october] = demo_store.objectives()
    app = OkrApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseScreen))
        await pilot.pause()
        assert focused_id(app) == "cl-grade-0"
        await pilot.press("tab", "tab")
        assert focused_id(app) == "cl-grade-1"
        await pilot.press(*"0.5", "ctrl+s")
        await pilot.pause()
        # a grade other than the score (0.42) needs a reason: nothing is written
        assert isinstance(app.screen, CloseScreen)
        assert demo_store.objective(october.id).review is None
        error = app.screen.query_one("#cl-error-1", Static)
        assert "needs a reason" in str(error.render()) and error.display
        assert focused_id(app) == "cl-reason-1"
        await pilot.press(*"late start", "tab", "tab", "tab")
        assert focused_id(app) == "cl-went_well"
        await pilot.press(*"the fair", "tab")
        assert focused_id(app) == "cl-went_badly"
        await pilot.press(*"legal", "tab", *"start early")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        review = demo_store.objective(october.id).review
        assert review.closed == "2026-10-28"
        assert (
            review.grade(october.key_results[1].id).grade,
            review.grade(october.key_results[1].id).note,
        ) == (
            0.5,
            "late start",
        )
        assert review.grade(october.key_results[2].id).grade == 0.31  # its score, unrounded
        assert (review.went_well, review.went_badly, review.learned) == (
            "the fair",
            "legal",
            "start early",
        )
        await pilot.pause()
        text = card_text(app)
        assert "(closed)" in text and "Closed: r rolls it into the next period." in text


async def test_close_escape_asks_when_something_was_typed(demo_store):
    pendulum.travel_to(LAST_WEEK, freeze=True)
    app = OkrApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseScreen))
        await pilot.press("tab", *"x", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, (HomeScreen, CloseScreen))  # the question
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseScreen))
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert demo_store.objectives()[0].review is None


async def test_rollover_by_keys(demo_store):
    october = close_october(demo_store)
    kr1, kr2, kr3 = october.key_results
    pendulum.travel_to(NOVEMBER, freeze=True)
    app = OkrApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("close_period", ()) is False
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, RolloverScreen))
        await pilot.pause()
        assert focused_id(app) == "ro-title"
        await pilot.press("tab")
        assert focused_id(app) == "ro-keep-0"  # KR1, the milestone not done: kept
        await pilot.press("space")  # drop it
        await pilot.press("tab", "tab", "tab")
        assert focused_id(app) == "ro-mode-1"  # KR2: per period, from its title
        await pilot.press("right")  # cumulative: starts from its last value, 21
        assert "start 21" in str(app.screen.query_one("#ro-startval-1", Static).render())
        await pilot.press("tab", "tab")
        assert focused_id(app) == "ro-target-1"
        await pilot.press(*"60")
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        assert focused_id(app) == "ro-carry-0"  # the open item of the dropped KR1
        await pilot.press("right")  # move it to KR2
        await pilot.press("tab")
        assert focused_id(app) == "ro-carry-1"  # October special plan one
        await pilot.press("space")  # drop it
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    [november] = [o for o in demo_store.objectives() if o.previous == october.id]
    assert (november.start, november.end) == ("2026-11-01", "2026-11-30")
    assert [(k.previous, k.start, k.target) for k in november.key_results] == [
        (kr2.id, 21, 60),
        (kr3.id, 31000, 100000),
    ]
    assert november.key_results[0].title == "Win 50 new customers in November"
    items = {k.previous: [i.title for i in k.items] for k in november.key_results}
    assert items == {
        kr2.id: [
            "October special plan two",
            "Run the first version and review, analyse and adjust it every week",
        ],
        kr3.id: [
            "Analyse platform X data and draft follower-growth plan one",
            "Run growth plan one and adjust it weekly from the data",
        ],
    }
    assert demo_store.objective(october.id) == october  # October as it was
    assert demo_store.checkins(november.id) == []


async def test_history_goes_back_along_the_chain(demo_store):
    october = close_october(demo_store)
    november = cycle.apply_plan(cycle.plan_next(october, demo_store.checkins(october.id)), october)
    demo_store.save_objective(november)
    pendulum.travel_to(NOVEMBER, freeze=True)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "h")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.pause()
        assert app.screen.objective_id == november.id
        assert app.screen.check_action("period", (1,)) is False
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: app.screen.objective_id == october.id)
        await pilot.pause()
        assert "2026-W42" in app.screen.checkins  # October's weeks
        assert app.screen.check_action("period", (-1,)) is False
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: app.screen.objective_id == november.id)


async def test_home_sparkline_spans_the_chain(demo_store):
    october = close_october(demo_store)
    november = cycle.apply_plan(cycle.plan_next(october, demo_store.checkins(october.id)), october)
    demo_store.save_objective(november)
    followers = november.key_results[-1]
    demo_store.save_checkin(
        CheckIn(
            november.id, "2026-W45", "2026-11-02", key_results=[KRCheck(followers.id, 45000, 6)]
        )
    )
    chained = chained_history(demo_store, demo_store.objective(november.id))
    scale, values = chained[followers.id]
    assert values == [8000, 19500, 31000, 45000]
    assert scale.start == 0  # October's start: October's rise shows too
    line = sparkline(scale, values)
    assert line == "▂▂▃▄" and sparkline(followers, values)[:3] == "▁▁▁"
    pendulum.travel_to(NOVEMBER, freeze=True)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert line in card_text(app)


async def test_the_first_check_in_of_november_shows_octobers_plan(store):
    """The open adjustment of each carried E-item (October's last 'what we adjust') is
    'You planned: ...' on its page in November's first check-in, and its status is
    carried as last week's is within a period."""
    from cycle_helpers import saved_october

    from screens.checkin import CheckInScreen
    from screens.checkin_pages import ItemPage

    saved_october(store)
    old = store.objective("o-oct")
    new = cycle.apply_plan(cycle.plan_next(old, store.checkins("o-oct")), old)
    store.save_objective(new)
    by_source = {i.previous: i for k in new.key_results for i in k.items}
    app = OkrApp(store)
    pendulum.travel_to(pendulum.datetime(2026, 11, 2, 9, tz="local"), freeze=True)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(CheckInScreen(new.id, "2026-W45"))
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, CheckInScreen) and bool(app.screen.query(ItemPage)),
        )
        pages = {p.item.id: p for p in app.screen.query(ItemPage)}
        plan_two = pages[by_source["e-b2"].id]
        shown = " ".join(str(s.render()) for s in plan_two.query(Static))
        assert "You planned: Ask the manager to unblock legal" in shown
        assert app.screen.form.items[by_source["e-b2"].id].status == "at_risk"
        outreach = pages[by_source["e-d1"].id]
        assert "You planned" not in " ".join(str(s.render()) for s in outreach.query(Static))


def test_the_editor_form_of_novembers_first_week_shows_octobers_plan(store):
    from cycle_helpers import saved_october

    from tui.checkin_text import open_session, render

    saved_october(store)
    old = store.objective("o-oct")
    new = cycle.apply_plan(cycle.plan_next(old, store.checkins("o-oct")), old)
    store.save_objective(new)
    session = open_session(store, new.id, "2026-W45")
    text = render([session], "en")
    assert "Ask the manager to unblock legal" in text and "Start the November list early" in text
