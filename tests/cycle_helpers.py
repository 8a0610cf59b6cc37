"""A constructed October for the cycle's tests (tests/test_cycle*.py, tests/test_quarter.py).

October 2026 (2026-10-01 .. 2026-10-31), four check-ins W41-W44 (W44's Thursday is
29 October). Values (confidence in brackets):

    KR1 milestone "Finalise the process"               0 (7)   0 (8)   1 (9)   1 (-)
    KR2 "Win 50 new customers in October" 0->50, w 2  10 (8)  20 (6)  25 (4)  30 (5)
    KR3 "Gain 100k followers" 0->100000               20k (3) 45k (4) 80k (6) 100k (9)
    KR4 "Sign XX partners" 0->? (target unknown)       2 (5)   -       -       5 (5)
    KR5 "Grow followers on platform Y to 20k" 0->20000 5k (-)  -       -      12k (-)

E-items (status by week W41..W44; adjustment):

    KR1 e-a1 Draft v1            on_track done done done
        e-a2 Run v1 weekly       not_started on_track on_track on_track ("Write the v2 checklist" W43)
    KR2 e-b1 October plan one    on_track x4 ("Start the November list early" W44)
        e-b2 October plan two    on_track at_risk at_risk at_risk ("Escalate to legal" W43,
                                 "Ask the manager to unblock legal" W44)
        e-b3 Trade fair          on_track dropped - -
        e-b4 Old idea            inactive, never checked in
    KR3 e-c1 Growth plan one     on_track on_track on_track done
        e-c2 Video series        on_track x4 ("Test two live sessions" W44)
    KR4 e-d1 Partner outreach    on_track x4
    KR5 e-e1 Platform Y posts    on_track x4
"""

from __future__ import annotations

from store.model import CheckIn, Item, ItemCheck, KeyResult, KRCheck, Objective

WEEKS = ["2026-W41", "2026-W42", "2026-W43", "2026-W44"]
MONDAYS = ["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"]


def october() -> Objective:
    return Objective(
        id="o-oct",
        title="Grow the team in October",
        start="2026-10-01",
        end="2026-10-31",
        owner="Lin",
        key_results=[
            KeyResult(
                "kr-a",
                "Finalise the process",
                "milestone",
                0,
                1,
                items=[
                    Item("e-a1", "Draft v1", True, "2026-W40"),
                    Item("e-a2", "Run v1 weekly", True, "2026-W40"),
                ],
            ),
            KeyResult(
                "kr-b",
                "Win 50 new customers in October",
                "number",
                0,
                50,
                "customers",
                weight=2,
                items=[
                    Item("e-b1", "October plan one", True, "2026-W40"),
                    Item("e-b2", "October plan two", True, "2026-W40"),
                    Item("e-b3", "Trade fair", True, "2026-W40"),
                    Item("e-b4", "Old idea", False, "2026-W40"),
                ],
            ),
            KeyResult(
                "kr-c",
                "Gain 100k followers",
                "number",
                0,
                100000,
                "followers",
                items=[
                    Item("e-c1", "Growth plan one", True, "2026-W40"),
                    Item("e-c2", "Video series", True, "2026-W40"),
                ],
            ),
            KeyResult(
                "kr-d",
                "Sign XX partners",
                "number",
                0,
                None,
                "partners",
                items=[Item("e-d1", "Partner outreach", True, "2026-W40")],
            ),
            KeyResult(
                "kr-e",
                "Grow followers on platform Y to 20k",
                "number",
                0,
                20000,
                "followers",
                items=[Item("e-e1", "Platform Y posts", True, "2026-W40")],
            ),
        ],
    )


_KR = {  # week index -> kr -> (value, confidence)
    0: {"kr-a": (0, 7), "kr-b": (10, 8), "kr-c": (20000, 3), "kr-d": (2, 5), "kr-e": (5000, None)},
    1: {"kr-a": (0, 8), "kr-b": (20, 6), "kr-c": (45000, 4)},
    2: {"kr-a": (1, 9), "kr-b": (25, 4), "kr-c": (80000, 6)},
    3: {
        "kr-a": (1, None),
        "kr-b": (30, 5),
        "kr-c": (100000, 9),
        "kr-d": (5, 5),
        "kr-e": (12000, None),
    },
}
_STATUS = {
    "e-a1": ("on_track", "done", "done", "done"),
    "e-a2": ("not_started", "on_track", "on_track", "on_track"),
    "e-b1": ("on_track",) * 4,
    "e-b2": ("on_track", "at_risk", "at_risk", "at_risk"),
    "e-b3": ("on_track", "dropped", None, None),
    "e-c1": ("on_track", "on_track", "on_track", "done"),
    "e-c2": ("on_track",) * 4,
    "e-d1": ("on_track",) * 4,
    "e-e1": ("on_track",) * 4,
}
_ADJUST = {
    ("e-a2", 2): "Write the v2 checklist",
    ("e-b1", 3): "Start the November list early",
    ("e-b2", 2): "Escalate to legal",
    ("e-b2", 3): "Ask the manager to unblock legal",
    ("e-c2", 3): "Test two live sessions",
}
NOTES = {0: "Ask: budget for the fair", 2: "Problem: legal is slow"}


def october_checkins(objective_id: str = "o-oct") -> list[CheckIn]:
    out = []
    for n, (week, monday) in enumerate(zip(WEEKS, MONDAYS, strict=True)):
        out.append(
            CheckIn(
                objective=objective_id,
                week=week,
                date=monday,
                note=NOTES.get(n, ""),
                key_results=[KRCheck(kr, v, c) for kr, (v, c) in _KR[n].items()],
                items=[
                    ItemCheck(item, statuses[n], f"did {item} {n}", _ADJUST.get((item, n), ""))
                    for item, statuses in _STATUS.items()
                    if statuses[n] is not None
                ],
            )
        )
    return out


def saved_october(store) -> Objective:
    objective = october()
    store.save_objective(objective)
    for c in october_checkins():
        store.save_checkin(c)
    return objective
