"""A KR without a start (a level to hold, or a start still unknown) in the month summary
and the one-on-one prep (its change is unknown: "—"; a level shows the weeks it held) and
on a home card (its sparkline spans its values and level): not a crash."""

from __future__ import annotations

from click.testing import CliRunner

from store.model import CheckIn, Item, ItemCheck, KeyResult, KRCheck, Objective
from store.repo import Store
from tui.cli import cli


def _store(folder):
    store = Store(folder)
    store.save_objective(
        Objective(
            "o1",
            "Answer fast",
            "2026-10-01",
            "2026-12-31",
            key_results=[
                KeyResult("k1", "First reply within 4 hours", "stay_below", None, 4, "h"),
                KeyResult("k2", "Reach 90% activation", "percent", None, None, "%"),
                KeyResult("k3", "Win customers", "number", 0, 50, "", items=[Item("e1", "Plan")]),
            ],
        )
    )
    store.save_checkin(
        CheckIn(
            "o1",
            "2026-W41",
            "2026-10-05",
            key_results=[KRCheck("k1", 3.5, 6), KRCheck("k2", 55, 5), KRCheck("k3", 4, 7)],
            items=[ItemCheck("e1", "on_track", "called", "")],
        )
    )
    store.close()


def test_summary_and_prep_of_krs_without_a_start(tmp_path):
    _store(tmp_path)
    env = {"OKR_TODAY": "2026-10-20", "LANG": "en_US.UTF-8"}
    for args in (["summary", "--month", "2026-10"], ["prep"]):
        result = CliRunner().invoke(cli, ["--data", str(tmp_path), *args], env=env)
        assert result.exit_code == 0, (args, result.output)
        lines = [line for line in result.output.splitlines() if "First reply" in line]
        assert lines and "|" in lines[0], (args, result.output)
        assert "—" in lines[0]
    result = CliRunner().invoke(
        cli, ["--data", str(tmp_path), "summary", "--month", "2026-10"], env=env
    )
    row = next(line for line in result.output.splitlines() if "First reply" in line)
    assert "3.5 h" in row and "stay below 4 h" in row and "held 1 of 1 weeks" in row
    row = next(line for line in result.output.splitlines() if "Win customers" in line)
    assert "0 → 4" in row and "+4" in row


def test_home_card_of_a_kr_without_a_start(tmp_path):
    from screens.home import ObjectiveCard, sparkline

    _store(tmp_path)
    store = Store(tmp_path)
    o = store.objective("o1")
    # a level to stay below: the lower the value, the taller its bar
    assert sparkline(o.key_results[0], [3.5, None, 2.0]) == "▃ █"
    assert sparkline(o.key_results[1], [55]) == "▁"
    ObjectiveCard(o, store)  # builds its table
