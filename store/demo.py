"""The demo store: the example OKR with three weeks of sample check-ins.

The demo plays a lead who has checked in the three weeks before this one (this
week is due), and who has filled in KR2's target (50), which the Chinese seed
leaves as "XX". The period runs from the month of the first sample week (by
its Thursday) to the end of the current month, so progress and pace read as they would mid-period.
"""

from __future__ import annotations

from pathlib import Path

from store import weeks
from store.model import CheckIn, ItemCheck, KRCheck
from store.okrtext import parse_okr_text
from store.repo import Store

EXAMPLES = Path(__file__).parent / "examples"

# Per sample week: KR values (KR1 milestone, KR2 customers, KR3 followers) and confidences.
_VALUES = [(0, 6, 8000), (0, 14, 19500), (0, 21, 31000)]
_CONFIDENCE = [(7, 6, 5), (8, 6, 5), (8, 5, 4)]
_STATUSES = [
    ("on_track", "not_started", "on_track", "not_started", "on_track", "on_track"),
    ("done", "on_track", "on_track", "at_risk", "on_track", "on_track"),
    ("done", "on_track", "on_track", "at_risk", "on_track", "at_risk"),
]

_TEXT = {
    "en": {
        "kr_notes": [
            ("Draft is circulating", "6 customers signed", "First posts landed well"),
            ("Draft agreed by the team", "Good week: 8 more", "Video series doubled reach"),
            ("Running v1; weekly review on Fridays", "Slower: 7 this week", "Growth flattening"),
        ],
        "progress": [
            (
                "Wrote the first draft of the process",
                "",
                "Called 30 leads from the fair",
                "",
                "Pulled 3 months of platform data",
                "Posted 5 times",
            ),
            (
                "Team agreed on v1",
                "Ran v1 for a week; handoffs were slow",
                "Closed 8 from the fair list",
                "Partner deal delayed",
                "Found that short videos convert 3x",
                "Switched to daily short videos",
            ),
            (
                "",
                "Added a Friday review; handoffs faster",
                "Closed 7; pipeline thinner",
                "Partner still waiting on legal",
                "Drafted plan two: live sessions",
                "Reach grew 60%, followers slower",
            ),
        ],
        "adjustment": [
            (
                "Share it with the team by Friday",
                "",
                "Follow up within 48 hours",
                "",
                "Focus on short video",
                "Post daily",
            ),
            (
                "",
                "Add a Friday review of handoffs",
                "Ask sales for warm intros",
                "Escalate to the partner's manager",
                "",
                "Add a call to action in each video",
            ),
            (
                "",
                "Write the handoff checklist into v2",
                "Start the November list early",
                "Ask manager to help unblock legal",
                "Test two live sessions",
                "Try a giveaway",
            ),
        ],
        "week_note": [
            "Win: the process draft is out. Ask: budget for the fair follow-ups.",
            "Win: 8 customers in one week. Problem: partner deal stuck in legal.",
            "Problem: follower growth is slowing. Ask: can legal prioritise the partner contract?",
        ],
    },
    "zh": {
        "kr_notes": [
            ("初稿已在传阅", "签约6家客户", "首批内容反响不错"),
            ("团队已认可初稿", "好的一周：新增8家", "视频系列使曝光翻倍"),
            ("执行初版；每周五复盘", "放缓：本周7家", "涨粉趋缓"),
        ],
        "progress": [
            (
                "写好了工作流程初稿",
                "",
                "回访展会的30条线索",
                "",
                "拉取了3个月的平台数据",
                "发布了5条内容",
            ),
            (
                "团队对初版达成一致",
                "初版执行一周，交接偏慢",
                "从展会名单中签下8家",
                "合作方签约延迟",
                "发现短视频转化率高3倍",
                "改为每天发短视频",
            ),
            (
                "",
                "增加周五复盘，交接变快",
                "签下7家，线索变少",
                "合作方仍在等法务",
                "起草方案二：直播",
                "曝光增长60%，粉丝增长较慢",
            ),
        ],
        "adjustment": [
            ("周五前发给团队", "", "48小时内跟进", "", "集中做短视频", "每天发布"),
            (
                "",
                "每周五复盘交接",
                "请销售介绍熟客",
                "升级到合作方负责人",
                "",
                "每条视频加行动号召",
            ),
            (
                "",
                "把交接清单写进第二版",
                "提前准备11月名单",
                "请经理协助推动法务",
                "试两场直播",
                "尝试抽奖活动",
            ),
        ],
        "week_note": [
            "亮点：流程初稿已发出。请求：展会跟进的预算。",
            "亮点：一周签下8家客户。问题：合作方合同卡在法务。",
            "问题：涨粉放缓。请求：法务能否优先处理合作方合同？",
        ],
    },
}


def build_demo(store: Store, lang: str = "en") -> None:
    """Fill an empty store with the example OKR and three weeks of check-ins."""
    this_week = weeks.week_key(weeks.today())
    sample_weeks = [weeks.shift_week(this_week, n) for n in (-3, -2, -1)]
    start, _ = weeks.month_days(weeks.week_month(sample_weeks[0]))
    _, end = weeks.month_days(weeks.month_key(weeks.today()))
    name = "seed-okr-zh.txt" if lang == "zh" else "seed-okr-en.txt"
    result = parse_okr_text(
        (EXAMPLES / name).read_text(encoding="utf-8"),
        start=start.isoformat(),
        end=end.isoformat(),
        week=weeks.week_key(start),
    )
    objective = result.objectives[0]
    for kr in objective.key_results:
        if kr.kind != "milestone" and kr.target is None:
            kr.target = 50
    text = _TEXT["zh" if lang == "zh" else "en"]
    items = [item for kr in objective.key_results for item in kr.items]
    checkins = []
    for n, week in enumerate(sample_weeks):
        checkins.append(
            CheckIn(
                objective=objective.id,
                week=week,
                date=weeks.week_monday(week).isoformat(),
                note=text["week_note"][n],
                key_results=[
                    KRCheck(kr.id, _VALUES[n][i], _CONFIDENCE[n][i], text["kr_notes"][n][i])
                    for i, kr in enumerate(objective.key_results)
                ],
                items=[
                    ItemCheck(
                        item.id,
                        _STATUSES[n][i],
                        text["progress"][n][i],
                        text["adjustment"][n][i],
                    )
                    for i, item in enumerate(items)
                ],
            )
        )
    store.save_objective(objective)
    for checkin in checkins:
        store.save_checkin(checkin)
