"""A realistic store of several years for the benchmarks (tests/bench/run.py).

How a team lead uses okr-checkin for YEARS years, up to today:

* 3 objectives at a time, 6 KRs and 12 E-items between them (2 KRs of 2 E-items
  each), over periods of three months that follow each other; the current period
  holds today (it began 6 to 10 weeks ago, so last month is full of check-ins);
* each period continues the one before (``okr next``: ``previous`` links on the
  objective, its KRs and its E-items), and every earlier period was closed (a
  review: a grade per KR with a reason, what went well, badly, what was learned)
  and archived (off the home screen);
* a saved check-in for every objective every ISO week of its period up to last week
  (this week's is due, so ``okr due`` has something to say): a week note, a value,
  a confidence and a note per KR, a status, what happened and what changes per
  E-item; notes of realistic length, in English, and in Chinese for the Chinese
  objective and every third week;
* a one-on-one every other week.

Deterministic (seeded) for a given "today". Written through the store's own API: the
whole history is one export document (version 2) given to ``Store.restore``, which
validates it as ``okr restore`` does and writes the file once (``--via-saves`` makes
one ``save_checkin`` per check-in instead: the same store, the slow way). Then
``okr export -o DIR/okr-export.json`` (the real command) writes the interchange
document of it, unless ``export=False``.

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
    Grade,
    Item,
    ItemCheck,
    KeyResult,
    KRCheck,
    Meeting,
    Objective,
    Review,
    score,
)
from store.repo import Store  # noqa: E402

EN_PROGRESS = [
    "Called {n} leads from the trade fair list; {m} asked for a demo next week, the rest "
    "want a price sheet first.",
    "Ran the weekly review on Friday; the handoff between sales and onboarding is still "
    "slow because nobody owns the kickoff call.",
    "Pulled the platform data for the last month: short videos convert about three times "
    "better than image posts, live sessions are still untested.",
    "Shipped the second version of the onboarding checklist and walked the team through "
    "it; two steps were merged after their questions.",
    "Met the partner's procurement team; legal review of the contract is still pending "
    "and they want a data-processing annex.",
    "Posted {n} short videos; reach grew by a third but follower growth is flattening "
    "after the algorithm change.",
    "Closed {m} customers from the pipeline; two more are waiting on budget approval "
    "at the end of their quarter.",
    "Nothing moved this week: the team was on the customer visit in Shenzhen.",
]
EN_ADJUST = [
    "Move the review to Thursday so fixes land before the weekend.",
    "Ask the manager for a second designer for two weeks.",
    "Drop the cold e-mail channel; put the time into referrals from existing customers.",
    "Try live sessions twice a week and compare them with the videos.",
    "Follow up with legal every Tuesday until the contract is signed.",
    "",
    "Keep going as planned.",
]
ZH_PROGRESS = [
    "本周跟进了展会名单上的{n}个线索，其中{m}家约了下周演示，其余希望先拿到报价单。",
    "周五做了每周复盘，销售到交付的交接仍然偏慢，因为启动会没有明确的负责人。",
    "拉取了平台上个月的数据：短视频的转化率大约是图文的三倍，直播还没有尝试。",
    "发布了第二版入职清单，并带团队逐条过了一遍，根据大家的问题合并了两个步骤。",
    "与合作方采购团队见面，合同仍在法务审核中，对方还需要一份数据处理附件。",
    "发布了{n}条短视频，曝光增长了三分之一，但算法调整后粉丝增长放缓。",
    "从销售漏斗中签下{m}家客户，另有两家在等季度末的预算审批。",
    "本周没有推进：团队在深圳拜访客户。",
]
ZH_ADJUST = [
    "把复盘挪到周四，让问题在周末前解决。",
    "向经理申请两周的设计支援。",
    "停掉冷邮件渠道，把时间投入到老客户转介绍。",
    "每周尝试两次直播，和短视频做对比。",
    "",
    "按计划继续推进。",
]
EN_KR_NOTE = [
    "Ahead of the path thanks to the referral push.",
    "Slower than planned; the partner deal would close the gap.",
    "On the path; confidence depends on the legal review.",
    "Flat this week, the team was travelling.",
]
ZH_KR_NOTE = [
    "转介绍带来的增长让进度超出预期。",
    "比计划慢，合作方的合同签下来就能追上。",
    "基本符合预期，信心取决于法务审核。",
    "本周持平，团队在出差。",
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
EN_REVIEW = (
    "The weekly review kept everyone honest; referrals worked better than any paid channel.",
    "We started the partner deal too late and lost three weeks to legal.",
    "Put a name on every handoff before the period starts.",
)
ZH_REVIEW = (
    "每周复盘让大家保持节奏，转介绍的效果好于所有付费渠道。",
    "合作方的事情启动太晚，在法务环节耽误了三周。",
    "每个交接环节都要在周期开始前明确负责人。",
)

# Three objectives at a time, each 2 KRs of 2 E-items: (title, KRs); a KR is (title, kind,
# start, target, unit, E-item titles). Titles in English, or Chinese for the second one.
THEMES = [
    (
        "Build a successful customer-expansion team",
        [
            (
                "Finalise the expansion team's working process",
                "milestone",
                0,
                1,
                "",
                ("Draft the first version of the team process", "Run it and review it weekly"),
            ),
            (
                "Win 50 new customers this period",
                "number",
                0,
                50,
                "customers",
                ("Special plan one: the trade fair list", "Special plan two: referrals"),
            ),
        ],
    ),
    (
        "让新客户的上手过程毫不费力",
        [
            (
                "新客户激活率从 40% 提升到 70%",
                "percent",
                40,
                70,
                "%",
                ("上线第二版入职清单", "每周分析流失客户并调整方案"),
            ),
            (
                "首次响应时间保持在 4 小时以内",
                "stay_below",
                None,
                4,
                "小时",
                ("建立值班表", "每周复盘超时工单"),
            ),
        ],
    ),
    (
        "Grow our audience on platform X",
        [
            (
                "Gain 100k followers on platform X",
                "number",
                0,
                100000,
                "followers",
                ("Analyse the platform data, draft growth plan one", "Run the plan, adjust it"),
            ),
            (
                "Cut the unfollow rate from 8% to 5%",
                "percent",
                8,
                5,
                "%",
                ("Survey the people who left", "Fix the posting schedule"),
            ),
        ],
    ),
]
PERIOD_MONTHS = 3


def periods(years: int, today: date) -> list[tuple[date, date]]:
    """Consecutive periods of three months covering ``years`` years up to the current
    one, which holds today and began 6 to 10 weeks ago; oldest first."""
    first = date(today.year, today.month, 1) - timedelta(days=45)
    start = date(first.year, first.month, 1)
    out = []
    oldest = today - timedelta(days=round(365.25 * years))
    while True:
        end = _add_months(start, PERIOD_MONTHS) - timedelta(days=1)
        out.append((start, end))
        if start <= oldest:
            break
        start = _add_months(start, -PERIOD_MONTHS)
    return out[::-1]


def _add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _kr_value(kind: str, start, target, fraction: float, rnd: random.Random):
    if kind == "milestone":
        return 1 if fraction > 0.8 else 0
    if kind == "stay_below":
        return round(rnd.uniform(2.5, 5.0), 1)
    value = start + (target - start) * fraction * rnd.uniform(0.8, 1.05)
    return round(value, 1) if kind == "percent" else round(value)


def build_document(years: int, today: date, seed: int = 6, archive_past: bool = True) -> dict:
    """The whole history as one export document (version 2); ``archive_past=False``
    leaves the past periods closed but not archived (their summaries say things)."""
    rnd = random.Random(seed)
    this_week = weeks.week_key(today)
    objectives: list[Objective] = []
    checkins: list[CheckIn] = []
    spans = periods(years, today)
    previous: list[Objective | None] = [None] * len(THEMES)
    week_index = 0
    for p, (start, end) in enumerate(spans):
        current = p == len(spans) - 1
        period_weeks = [w for w in weeks.period_weeks(start, end) if w < this_week]
        for n, (title, krs) in enumerate(THEMES):
            before = previous[n]
            key_results = []
            for k, (kr_title, kind, kr_start, target, unit, items) in enumerate(krs):
                before_kr = before.key_results[k] if before else None
                key_results.append(
                    KeyResult(
                        id=f"p{p}o{n}k{k}",
                        title=kr_title,
                        kind=kind,
                        start=kr_start,
                        target=target,
                        unit=unit,
                        previous=before_kr.id if before_kr else None,
                        items=[
                            Item(
                                id=f"p{p}o{n}k{k}e{e}",
                                title=item,
                                added=weeks.week_key(start),
                                previous=before_kr.items[e].id if before_kr else None,
                            )
                            for e, item in enumerate(items)
                        ],
                    )
                )
            objective = Objective(
                id=f"p{p}o{n}",
                title=title,
                start=start.isoformat(),
                end=end.isoformat(),
                owner="Lin Wei",
                key_results=key_results,
                previous=before.id if before else None,
            )
            last_values = {}
            for i, week in enumerate(period_weeks):
                zh = n == 1 or (week_index + i) % 3 == 1
                m = rnd.randint(1, 9)
                fraction = (i + 1) / max(1, len(weeks.period_weeks(start, end)))
                kr_checks = []
                for kr in key_results:
                    value = _kr_value(kr.kind, kr.start, kr.target, fraction, rnd)
                    last_values[kr.id] = value
                    kr_checks.append(
                        KRCheck(
                            kr=kr.id,
                            value=value,
                            confidence=rnd.randint(3, 9),
                            note=rnd.choice(ZH_KR_NOTE if zh else EN_KR_NOTE),
                        )
                    )
                item_checks = [
                    ItemCheck(
                        item=item.id,
                        status=rnd.choice(STATUSES[:4]),
                        progress=rnd.choice(ZH_PROGRESS if zh else EN_PROGRESS).format(
                            n=rnd.randint(5, 40), m=m
                        ),
                        adjustment=rnd.choice(ZH_ADJUST if zh else EN_ADJUST),
                    )
                    for kr in key_results
                    for item in kr.items
                ]
                checkins.append(
                    CheckIn(
                        objective=objective.id,
                        week=week,
                        date=weeks.week_monday(week).isoformat(),
                        note=(ZH_WEEK if zh else EN_WEEK).format(m=m),
                        key_results=kr_checks,
                        items=item_checks,
                    )
                )
            if not current:  # closed at its end, and archived once rolled over
                zh = n == 1
                well, badly, learned = ZH_REVIEW if zh else EN_REVIEW
                grades = []
                for kr in key_results:
                    s = score(kr, last_values.get(kr.id))
                    own = round(rnd.uniform(0.3, 1.0), 1)
                    grades.append(
                        Grade(
                            kr.id,
                            own,
                            "" if s == own else ("按实际贡献打分" if zh else "graded on impact"),
                        )
                    )
                objective.review = Review(
                    closed=end.isoformat(),
                    grades=grades,
                    went_well=well,
                    went_badly=badly,
                    learned=learned,
                )
                objective.archived = archive_past
            objectives.append(objective)
            previous[n] = objective
        week_index += len(period_weeks)
    first_day = spans[0][0]
    meetings = [
        Meeting(
            date=(weeks.week_monday(w) + timedelta(days=3)).isoformat(),
            notes="Agreed to push the partner contract; 同意下月增加直播预算。",
        )
        for w in weeks.weeks_between(first_day, today - timedelta(days=7))[::2]
    ]
    return {
        "format": "okr-checkin",
        "version": 2,
        "objectives": [o.to_dict() for o in objectives],
        "checkins": [c.to_dict() for c in checkins],
        "meetings": [m.to_dict() for m in meetings],
    }


def make(
    folder: Path,
    years: int = 5,
    via_saves: bool = False,
    export: bool = True,
    archive_past: bool = True,
) -> Path:
    """Write the store into ``folder`` (replacing one there); return the store file."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in os.listdir(folder):
        if name.startswith("okr.json"):
            os.unlink(folder / name)
    document = build_document(years, weeks.today(), archive_past=archive_past)
    store = Store(folder)
    store.storage.daily_backup = False
    if via_saves:
        for o in document["objectives"]:
            store.save_objective(Objective.from_dict(o))
        for c in document["checkins"]:
            store.save_checkin(CheckIn.from_dict(c))
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
    parser.add_argument("--no-export", action="store_true", help="the store only")
    args = parser.parse_args()
    t0 = time.perf_counter()
    path = make(args.dir, args.years, args.via_saves, export=not args.no_export)
    size = path.stat().st_size
    print(
        f"{path}: {size / 1e6:.2f} MB, {args.years} years, made in "
        f"{time.perf_counter() - t0:.1f} s"
        + ("" if args.no_export else f"; export: {args.dir / 'okr-export.json'}")
    )


if __name__ == "__main__":
    main()
