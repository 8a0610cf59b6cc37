"""A realistic store of several years for the benchmarks (tests/bench/run.py).

3 objectives x 3 KRs x 4 E-items, a saved check-in for every objective every ISO
week of the last YEARS years up to last week (this week's is due, so ``okr due``
has something to say), notes in English and Chinese of realistic length, and a
one-on-one every other week. Deterministic (seeded) for a given "today".

It is written through the store's own API: the whole history is built as one
export document (version 2) and given to ``Store.restore``, which validates every
objective and check-in exactly as ``Store.save_checkin`` does (model checks and
``check_against`` the objective) and writes the file once. That is equivalent in
result to 780 ``save_checkin`` calls and takes about a second instead of a minute
(each save rewrites the whole growing file); ``--via-saves`` does it the slow way.
Then ``okr export -o DIR/okr-export.json`` (the real command, in a subprocess) writes
the interchange document of it for other tools.

    python tests/bench/make_history.py DIR [--years 5] [--via-saves]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store import weeks  # noqa: E402
from store.model import (  # noqa: E402
    STATUSES,
    CheckIn,
    Item,
    ItemCheck,
    KeyResult,
    KRCheck,
    Meeting,
    Objective,
)
from store.repo import Store  # noqa: E402

EN_PROGRESS = [
    "Called {n} leads from the trade fair list; {m} asked for a demo next week.",
    "Ran the weekly review on Friday; the handoff between sales and onboarding is still slow.",
    "Pulled the platform data for the last month: short videos convert about three times better.",
    "Shipped the second version of the onboarding checklist and walked the team through it.",
    "Met the partner's procurement team; legal review of the contract is still pending.",
    "Posted {n} short videos; reach grew but follower growth is flattening.",
    "Closed {m} customers from the pipeline; two more are waiting on budget approval.",
    "Nothing moved this week: the team was on the customer visit in Shenzhen.",
]
EN_ADJUST = [
    "Move the review to Thursday so fixes land before the weekend.",
    "Ask the manager for a second designer for two weeks.",
    "Drop the cold e-mail channel; put the time into referrals.",
    "Try live sessions twice a week and compare with the videos.",
    "Follow up with legal every Tuesday until the contract is signed.",
    "",
    "Keep going as planned.",
]
ZH_PROGRESS = [
    "本周跟进了展会名单上的{n}个线索，其中{m}家约了下周演示。",
    "周五做了每周复盘，销售到交付的交接仍然偏慢，需要明确负责人。",
    "拉取了平台上个月的数据：短视频的转化率大约是图文的三倍。",
    "发布了第二版入职清单，并带团队逐条过了一遍。",
    "与合作方采购团队见面，合同仍在法务审核中。",
    "发布了{n}条短视频，曝光增长明显，但粉丝增长放缓。",
    "从销售漏斗中签下{m}家客户，另有两家在等预算审批。",
    "本周没有推进：团队在深圳拜访客户。",
]
ZH_ADJUST = [
    "把复盘挪到周四，让问题在周末前解决。",
    "向经理申请两周的设计支援。",
    "停掉冷邮件渠道，把时间投入到转介绍。",
    "每周尝试两次直播，和短视频做对比。",
    "",
    "按计划继续推进。",
]
EN_WEEK = (
    "Wins: {m} new customers and the review ritual is sticking. Problems: the partner "
    "contract is stuck in legal and follower growth is slowing. Ask: help to unblock the "
    "legal review, and a decision on the live-session budget before the end of the month."
)
ZH_WEEK = (
    "本周亮点：新签{m}家客户，每周复盘已经形成习惯。问题：合作方合同卡在法务，粉丝增长放缓。"
    "需要支持：请协助推动法务审核，并在月底前确定直播预算。"
)
TITLES = [
    ("Build a successful customer-expansion team", "打造一支成功的客户拓展团队"),
    ("Make onboarding effortless for new customers", "让新客户的上手过程毫不费力"),
    ("Grow our audience on platform X", "在 X 平台上扩大影响力"),
]


def build_document(years: int, today: date, seed: int = 6) -> dict:
    """The whole history as one export document (version 2)."""
    rnd = random.Random(seed)
    this_week = weeks.week_key(today)
    first_week = weeks.week_key(today - timedelta(days=365 * years))
    all_weeks = []
    w = first_week
    while w != this_week:
        all_weeks.append(w)
        w = weeks.shift_week(w, 1)
    start = weeks.week_monday(first_week).isoformat()
    end = date(today.year, 12, 31).isoformat()

    objectives = []
    for n, (en, zh) in enumerate(TITLES):
        krs = []
        for k in range(3):
            kind = ("milestone", "number", "percent")[k]
            items = [
                Item(
                    id=f"o{n}k{k}e{e}",
                    title=(
                        f"E-item {e + 1} of KR {k + 1}: run the plan and review it weekly"
                        if e % 2 == 0
                        else f"执行项{e + 1}：按周分析数据并调整方案"
                    ),
                    active=True,
                    added=first_week,
                )
                for e in range(4)
            ]
            krs.append(
                KeyResult(
                    id=f"o{n}k{k}",
                    title=f"KR{k + 1} " + (en if k != 1 else zh),
                    kind=kind,
                    start=0,
                    target={"milestone": 1, "number": 2000, "percent": 100}[kind],
                    unit={"milestone": "", "number": "家", "percent": "%"}[kind],
                    items=items,
                )
            )
        objectives.append(
            Objective(
                id=f"o{n}",
                title=en if n != 1 else zh,
                start=start,
                end=end,
                owner="Lin Wei",
                key_results=krs,
            )
        )

    checkins = []
    for i, week in enumerate(all_weeks):
        zh_week = i % 3 == 1  # every third week written in Chinese
        day = weeks.week_monday(week).isoformat()
        for o in objectives:
            m = rnd.randint(1, 9)
            krs = []
            for kr in o.key_results:
                if kr.kind == "milestone":
                    value = 1 if i > len(all_weeks) * 0.8 else 0
                else:
                    value = round(kr.target * i / len(all_weeks) * rnd.uniform(0.8, 1.05))
                note = rnd.choice(ZH_PROGRESS if zh_week else EN_PROGRESS)
                krs.append(
                    KRCheck(
                        kr=kr.id,
                        value=value,
                        confidence=rnd.randint(3, 9),
                        note=note.format(n=rnd.randint(5, 40), m=m)[:90],
                    )
                )
            items = []
            for kr in o.key_results:
                for it in kr.items:
                    progress = rnd.choice(ZH_PROGRESS if zh_week else EN_PROGRESS)
                    items.append(
                        ItemCheck(
                            item=it.id,
                            status=rnd.choice(STATUSES[:4]),
                            progress=progress.format(n=rnd.randint(5, 40), m=m),
                            adjustment=rnd.choice(ZH_ADJUST if zh_week else EN_ADJUST),
                        )
                    )
            checkins.append(
                CheckIn(
                    objective=o.id,
                    week=week,
                    date=day,
                    note=(ZH_WEEK if zh_week else EN_WEEK).format(m=m),
                    key_results=krs,
                    items=items,
                )
            )
    meetings = [
        Meeting(
            date=(weeks.week_monday(w) + timedelta(days=3)).isoformat(),
            notes="Agreed to push the partner contract; 同意下月增加直播预算。",
        )
        for w in all_weeks[::2]
    ]
    return {
        "format": "okr-checkin",
        "version": 2,
        "objectives": [o.to_dict() for o in objectives],
        "checkins": [c.to_dict() for c in checkins],
        "meetings": [m.to_dict() for m in meetings],
    }


def make(folder: Path, years: int = 5, via_saves: bool = False, export: bool = True) -> Path:
    """Write the store into ``folder`` (replacing one there); return the store file."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in (folder / "okr.json",):
        if old.exists():
            old.unlink()
    document = build_document(years, weeks.today())
    store = Store(folder)
    store.storage.daily_backup = False
    if via_saves:
        from store.model import CheckIn as _C

        for o in document["objectives"]:
            store.save_objective(Objective.from_dict(o))
        for c in document["checkins"]:
            store.save_checkin(_C.from_dict(c))
        for m in document["meetings"]:
            store.add_meeting(Meeting.from_dict(m))
    else:
        store.restore(document)
    store.close()
    if export:
        env = dict(os.environ, OKR_DATA_DIR=str(folder))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tui",
                "--data",
                str(folder),
                "export",
                "-o",
                str(folder / "okr-export.json"),
            ],
            check=True,
            env=env,
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
    return folder / "okr.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--via-saves", action="store_true", help="one save_checkin per check-in")
    args = parser.parse_args()
    t0 = time.perf_counter()
    path = make(args.dir, args.years, args.via_saves)
    size = path.stat().st_size
    print(
        f"{path}: {size / 1e6:.2f} MB, {args.years} years, "
        f"made in {time.perf_counter() - t0:.1f} s; export: {args.dir / 'okr-export.json'}"
    )


if __name__ == "__main__":
    main()
