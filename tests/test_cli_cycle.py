"""``okr close`` and ``okr next`` on the command line (the constructed October of
tests/cycle_helpers.py): what they print, what they store, how they refuse."""

from __future__ import annotations

import json

import pytest
from cycle_helpers import saved_october
from reliability_helpers import refused_cleanly, run, snapshot

from store.repo import Store


@pytest.fixture
def october_dir(data_dir, monkeypatch):
    saved_october(Store(data_dir))
    monkeypatch.setenv("OKR_TODAY", "2026-11-02")
    return data_dir


def test_close_with_grades_and_retrospective(october_dir):
    result = run(
        october_dir, "close", "o-oct", "--yes",
        "--grade", "KR2=0.7", "--reason", "KR2=the fair's pipeline lands in November",
        "--well", "The trade fair", "--badly", "Legal", "--learned", "Start early",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Closed: Grow the team in October\n")
    assert "Closed on 2026-11-02. Objective grade 0.8 (score 0.8)." in out
    assert "All key results: Brier score 0.23 over 11 check-ins" in out
    assert "What went well: The trade fair" in out
    assert "`okr next o-oct`" in out
    review = Store(october_dir).objective("o-oct").review
    assert review.closed == "2026-11-02" and review.learned == "Start early"
    assert review.grade("kr-b").grade == 0.7 and review.grade("kr-c").grade == 1.0
    listed = run(october_dir, "list").stdout
    assert "Grow the team in October (closed)   [o-oct]" in listed


def test_a_closed_objective_is_not_due(october_dir, monkeypatch):
    monkeypatch.setenv("OKR_TODAY", "2026-10-28")  # W44, October's last week, not checked in
    Store(october_dir).delete_checkin("o-oct", "2026-W44")
    assert run(october_dir, "due").exit_code == 1
    assert run(october_dir, "close", "--yes").exit_code == 0  # the one closable objective
    due = run(october_dir, "due")
    assert due.exit_code == 0 and due.stdout == ""


def test_close_refuses_cleanly_and_writes_nothing(october_dir):
    before = snapshot(october_dir)
    cases = [
        (("close", "o-oct", "--yes", "--grade", "KR2=0.7"), 1, "give a reason"),
        (("close", "o-oct", "--yes", "--grade", "KR2=1.7"), 2, "from 0.0 to 1.0"),
        (("close", "o-oct", "--yes", "--grade", "KR9=0.5"), 2, "no key result 'KR9'"),
        (("close", "o-oct", "--yes", "--grade", "0.5"), 2, "KR=VALUE"),
        (("close", "o-nope", "--yes"), 1, "there is no objective 'o-nope'"),
        (("close", "o-oct", "--reopen"), 1, "is not closed"),
        (("close", "o-oct"), 2, "needs a terminal"),  # no tty under the test runner: a usage error
    ]
    for args, code, words in cases:
        result = run(october_dir, *args)
        assert refused_cleanly(result, codes=(code,)), (args, result.output)
        assert words in result.stderr, (args, result.stderr)
    assert snapshot(october_dir) == before


def test_close_twice_is_refused_and_reopen_undoes_it(october_dir):
    assert run(october_dir, "close", "o-oct", "--yes").exit_code == 0
    again = run(october_dir, "close", "o-oct", "--yes")
    assert refused_cleanly(again, codes=(1,))
    assert "was closed on 2026-11-02; `okr close o-oct --reopen`" in again.stderr
    reopened = run(october_dir, "close", "o-oct", "--reopen")
    assert reopened.exit_code == 0 and "reopened Grow the team in October" in reopened.stdout
    assert Store(october_dir).objective("o-oct").review is None


def test_close_without_an_objective_asks_for_one_when_none_is_ready(october_dir, monkeypatch):
    monkeypatch.setenv("OKR_TODAY", "2026-10-19")
    result = run(october_dir, "close", "--yes")
    assert refused_cleanly(result, codes=(1,)) and "no objective is ready to close" in result.stderr


def test_close_as_json_and_in_chinese(october_dir):
    result = run(october_dir, "close", "o-oct", "--yes", "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["format"] == "okr-close" and doc["closed"] == "2026-11-02"
    assert doc["calibration"]["overall"]["count"] == 11
    run(october_dir, "close", "o-oct", "--reopen")
    zh = run(october_dir, "--lang", "zh", "close", "o-oct", "--yes")
    assert "已于 2026-11-02 结束本周期。" in zh.stdout and "信心校准" in zh.stdout


def test_the_on_close_hook_gets_the_close(october_dir):
    hooks = october_dir / "hooks"
    hooks.mkdir()
    script = hooks / "on-close"
    script.write_text(f'#!/bin/sh\ncat > "{october_dir}/closed.json"\n')
    script.chmod(0o755)
    assert run(october_dir, "close", "o-oct", "--yes").exit_code == 0
    document = json.loads((october_dir / "closed.json").read_text())
    assert document["hook"] == "on-close" and document["objective"]["id"] == "o-oct"
    assert document["objective"]["review"]["closed"] == "2026-11-02"
    assert document["close"]["objective_id"] == "o-oct"
    assert document["close"]["grade"] == pytest.approx(0.76)


def test_next_with_the_defaults(october_dir):
    assert run(october_dir, "close", "o-oct", "--yes").exit_code == 0
    result = run(october_dir, "next", "--yes")  # the one closed objective not continued
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Created Grow the team in November [" in out
    assert "2026-11-01 to 2026-11-30, continuing Grow the team in October [o-oct]." in out
    assert "KR1 Win 50 new customers in November: per period 0 → 50 customers" in out
    assert "KR3 Grow followers on platform Y to 20k: cumulative 12,000 → 20,000 followers" in out
    assert "KR1 Finalise the process (reached its target)" in out
    assert "KR1 · October plan two (at risk)" in out  # KR1 of November
    assert "you planned: Ask the manager to unblock legal" in out
    assert "KR1 · Draft v1 (done)" in out and "KR2 · Trade fair (dropped)" in out
    assert "Open E-items of dropped key results, dropped" in out
    assert "KR1 · Run v1 weekly" in out and "KR3 · Video series" in out
    assert "Target unknown: KR2; give it in the editor" in out
    store = Store(october_dir)
    [november] = [o for o in store.objectives() if o.previous == "o-oct"]
    assert store.checkins(november.id) == []
    again = run(october_dir, "next", "o-oct", "--yes")
    assert refused_cleanly(again, codes=(1,)) and "already continues in" in again.stderr


def test_next_to_a_given_month_or_span(october_dir):
    result = run(october_dir, "next", "o-oct", "--yes", "--month", "2027-01", "--lang", "zh")
    assert result.exit_code == 0
    assert "2027-01-01 至 2027-01-31" in result.stdout
    assert "Win 50 new customers in January" in result.stdout
    for args, code in (
        (("--month", "2026-12", "--start", "2026-12-01", "--end", "2026-12-31"), 2),
        (("--start", "2026-12-01"), 2),
        (("--start", "2026-12-31", "--end", "2026-12-01"), 2),
    ):
        refused = run(october_dir, "next", "o-oct", "--yes", *args)
        assert refused_cleanly(refused, codes=(code,)), (args, refused.output)


def test_next_refuses_a_period_that_does_not_follow(data_dir, monkeypatch):
    saved_october(Store(data_dir))
    result = run(data_dir, "next", "o-oct", "--yes", "--start", "2026-10-20", "--end", "2026-11-20")
    assert refused_cleanly(result, codes=(1,)) and "must start after 2026-10-31" in result.stderr
