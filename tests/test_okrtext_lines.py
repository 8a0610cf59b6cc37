"""KR lines as people write them, and the measure each must give (store.okrtext).

The wording follows OKR examples published on public pages: vendors' example lists
(What Matters, 15Five, Profit.co, ClickUp / Adobe lists), handbook merge requests, and
Chinese articles and guides in simplified and traditional characters (示例, 案例, 範例).
Every row states the kind, start, target and unit (and the relative change where there
is one); ``None`` is "unknown: asked", never a guess.
"""

from __future__ import annotations

import pytest

from store.okrtext import infer_measure, parse_okr_text

N, P, M = "number", "percent", "milestone"
BELOW, ABOVE = "stay_below", "stay_above"

# (line, kind, start, target, unit, relative)
ENGLISH = [
    # increasing, from a start the line says
    ("Increase MRR from $50k to $80k", N, 50000, 80000, "$", None),
    ("Increase NPS from 32 to 50 by Q4", N, 32, 50, "", None),
    ("Grow ARR from $1.2M to $2M", N, 1200000, 2000000, "$", None),
    ("Increase conversion rate from 2.5% to 4%", P, 2.5, 4, "%", None),
    # decreasing
    ("Cut onboarding from 14 days to 5 days", N, 14, 5, "days", None),
    ("Reduce time to first response from 8 hours to 2 hours", N, 8, 2, "hours", None),
    ("Churn 5% -> 3% by the end of the quarter", P, 5, 3, "%", None),
    # counts of what the period adds: start 0
    ("Win 50 new customers in October", N, 0, 50, "new customers", None),
    ("Gain 100k followers on platform X", N, 0, 100000, "followers", None),
    ("Publish 20 help-center articles", N, 0, 20, "help-center articles", None),
    ("Sign at least 10 new enterprise customers", N, 0, 10, "new enterprise customers", None),
    ("1000 new user registrations in first week", N, 0, 1000, "new user registrations", None),
    ("Generate $1M in new pipeline", N, 0, 1000000, "$", None),
    ("Hire 3 senior engineers by March 31", N, 0, 3, "senior engineers", None),
    # levels without a start: asked at the first check-in
    ("Achieve a 90% satisfaction score", P, None, 90, "%", None),
    ("Customer satisfaction is 95%", P, None, 95, "%", None),
    ("Reach 10,000 weekly active users", N, None, 10000, "weekly active users", None),
    ("Reduce ramp time to 3 months", N, None, 3, "months", None),
    ("Increase average account value to $500k", N, None, 500000, "$", None),
    ("Hit our global sales target of $100 Million in Sales", N, None, 100000000, "$", None),
    ("25% of new users convert to repeat users", P, None, 25, "%", None),
    ("Raise customer satisfaction to 4.5/5", N, None, 4.5, "", None),
    ("Reduce p95 latency to 300ms", N, None, 300, "ms", None),
    ("Reduce churn to below 2%", P, None, 2, "%", None),
    ("Maintain 99.9% uptime", P, None, 99.9, "%", None),
    ("Close Series B round with $10M", N, None, 10000000, "$", None),
    # relative changes: start asked, the target follows from it
    ("Reduce customer complaints by 25%", N, None, None, "", -0.25),
    ("Increase weekly signups by 40%", N, None, None, "", 0.4),
    ("Increase conversion rate by 10%", P, None, None, "%", 0.1),
    ("A 20% reduction in support tickets", N, None, None, "", -0.2),
    ("Double weekly signups", N, None, None, "", 1.0),
    ("Grow organic traffic 3x", N, None, None, "", 2.0),
    ("Triple the number of active partners", N, None, None, "", 2.0),
    ("Halve the support backlog", N, None, None, "", -0.5),
    ("Cut cloud costs by half", N, None, None, "", -0.5),
    # changes the words leave open: start and target asked
    ("Improve response time by 20%", N, None, None, "", None),
    ("Increase revenue by $50k", N, None, None, "", None),
    ("Raise conversion rate by 2 percentage points", P, None, None, "%", None),
    # levels to hold
    ("Keep churn below 2%", BELOW, None, 2, "%", None),
    ("Less than 10% annualized voluntary turnover", BELOW, None, 10, "%", None),
    ("Customer churn rate less than 2%", BELOW, None, 2, "%", None),
    ("Keep CAC under $200", BELOW, None, 200, "$", None),
    ("Resolve P1 incidents in under 2 hours", BELOW, None, 2, "hours", None),
    ("Stay above 95% on-time delivery", ABOVE, None, 95, "%", None),
    ("Uptime of at least 99.9%", ABOVE, None, 99.9, "%", None),
    ("NPS of 50+", ABOVE, None, 50, "", None),
    # ranges and unknown targets
    ("Hire 3 to 5 support engineers", N, 0, None, "support engineers", None),
    ("Win XX new customers in October", N, 0, None, "new customers", None),
    # milestones: no quantity in the line
    ("Launch the v2 app in Q3", M, 0, 1, "", None),
    ("Finalise the expansion team's working process", M, 0, 1, "", None),
    ("Complete phases 1,2,3 of the migration", M, 0, 1, "", None),
    ("Ship the new pricing page by 2026-11-15", M, 0, 1, "", None),
]

SIMPLIFIED = [
    ("将用户满意度评分从7.5提升至8.5（满分10分）", N, 7.5, 8.5, "", None),
    ("将页面加载时间从3秒降低至1.5秒以内", N, 3, 1.5, "秒", None),
    ("将用户留存率从40%提升至55%", P, 40, 55, "%", None),
    ("日活用户数从50万增至80万", N, 500000, 800000, "", None),
    ("入职周期从14天缩短到5天", N, 14, 5, "天", None),
    ("将客户流失率控制在2%以内", BELOW, None, 2, "%", None),
    ("首次响应时间不超过2小时", BELOW, None, 2, "小时", None),
    ("客户满意度不低于95%", ABOVE, None, 95, "%", None),
    ("NPS保持在50以上", ABOVE, None, 50, "", None),
    ("成功开拓3家行业标杆客户（员工规模1000人以上）", N, 0, 3, "家", None),
    ("在开发新客户活动X大平台上收获10w粉丝", N, 0, 100000, "粉丝", None),
    ("在X大平台上收获十万粉丝", N, 0, 100000, "粉丝", None),
    ("开设两百家门店", N, 0, 200, "家", None),
    ("新增三千名会员", N, 0, 3000, "名", None),
    ("在3个城市开设20家门店", N, 0, 20, "家", None),
    ("完成10月XX家新客户的开发", N, 0, None, "家", None),
    ("签约3-5家渠道商", N, 0, None, "家", None),
    ("门店总数达到两百家", N, None, 200, "家", None),
    ("单月营收达到一万五", N, None, 15000, "", None),
    ("季度营收达到500万元", N, None, 5000000, "元", None),
    ("三个月内用户注册量突破10万", N, None, 100000, "", None),
    ("激活率达到４０％", P, None, 40, "%", None),
    ("营收环比提升30%", N, None, None, "", 0.3),
    ("将获客成本降低15%", N, None, None, "", -0.15),
    ("课程完课率提高40%", P, None, None, "%", 0.4),
    ("月活跃用户数翻倍", N, None, None, "", 1.0),
    ("投诉量减半", N, None, None, "", -0.5),
    ("转化率提升5个百分点", P, None, None, "%", None),
    ("销售额增长3倍", N, None, None, "", None),
    ("完成拓展团队工作流程的最终制定", M, 0, 1, "", None),
]

TRADITIONAL = [
    ("年底前達成 10,000 名活躍訂閱者", N, None, 10000, "名", None),
    ("將顧客滿意度提升至 4.8/5 星", N, None, 4.8, "星", None),
    ("直客銷售達到 100 萬", N, None, 1000000, "", None),
    ("貢獻總銷售目標的 30%", P, None, 30, "%", None),
    ("平均回覆時間從 24 小時縮短至 4 小時", N, 24, 4, "小時", None),
    ("減少 30% 的碳足跡", N, None, None, "", -0.3),
    ("網站流量增加30%", N, None, None, "", 0.3),
    ("社群互動率提升20%", P, None, None, "%", 0.2),
    ("營收成長一倍", N, None, None, "", 1.0),
    ("舉辦 5 次加盟店促銷", N, 0, 5, "次", None),
    ("招募 10 位銷售人員", N, 0, 10, "位", None),
    ("新增兩百家門市", N, 0, 200, "家", None),
    ("將客戶流失率控制在 2% 以內", BELOW, None, 2, "%", None),
    ("系統可用性不低於 99.9%", ABOVE, None, 99.9, "%", None),
    ("完成新版官網上線", M, 0, 1, "", None),
]

ROWS = ENGLISH + SIMPLIFIED + TRADITIONAL


def test_the_table_is_wide():
    assert len(ROWS) >= 60
    kinds = {row[1] for row in ROWS}
    assert kinds == {N, P, M, BELOW, ABOVE}
    assert any(row[5] is not None for row in ROWS)  # relative
    assert any(row[2] is None and row[1] in (N, P) for row in ROWS)  # unknown start
    assert any(row[3] is None and row[5] is None and row[1] != M for row in ROWS)  # unknown target


@pytest.mark.parametrize(("line", "kind", "start", "target", "unit", "relative"), ROWS)
def test_kr_line(line, kind, start, target, unit, relative):
    m = infer_measure(line)
    assert (m.kind, m.start, m.target, m.unit, m.relative) == (kind, start, target, unit, relative)
    assert m.title == line  # inferred measures leave the title as written
    if kind == M:
        assert (m.source, m.read_from) == ("default", "")
    else:
        assert m.source == "inferred"
        assert m.read_from and m.read_from in line  # the words the numbers came from


@pytest.mark.parametrize(("line", "kind", "start", "target", "unit", "relative"), ROWS)
def test_kr_line_in_a_paste(line, kind, start, target, unit, relative):
    """The same line under an objective, as a bullet: the KR stored is what the row says."""
    result = parse_okr_text(f"Objective: Grow\n  - {line}\n", start="2026-10-01", end="2026-12-31")
    [kr] = result.objectives[0].key_results
    assert (kr.kind, kr.start, kr.target, kr.unit, kr.relative) == (
        kind,
        start,
        target,
        unit,
        relative,
    )
    [note] = result.notes
    assert note.asks_start == (kind in (N, P) and start is None)
    assert note.asks_target == (kind != M and target is None and relative is None)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Increase MRR from $50k to $80k", "from $50k to $80k"),
        ("Reduce customer complaints by 25%", "Reduce customer complaints by 25%"),
        ("将客户流失率控制在2%以内", "控制在2%以内"),
        ("keep churn below 2%", "below 2%"),
        ("成功开拓3家行业标杆客户（员工规模1000人以上）", "开拓3家"),
        ("将用户满意度评分从7.5提升至8.5（满分10分）", "从7.5提升至8.5"),
        ("新增三千名会员", "新增三千名"),
        ("Achieve a 90% satisfaction score", "Achieve a 90%"),
        ("環比提升30%", "提升30%"),
        ("月活跃用户数翻倍", "翻倍"),
    ],
)
def test_read_from_names_the_words(line, words):
    assert infer_measure(line).read_from == words


@pytest.mark.parametrize(
    "line",
    [
        "Respond within 24 hours to every enterprise ticket",  # a deadline
        "三个月内完成新版官网上线",
        "Run the Q3 2026 planning offsite on 15 October",
        "Migrate 1,2,3 and 4 to the new cluster",  # not 123 (and 4 alone is no target)
        "打造一支一流的团队",  # 一 is not a number
        "十分重要的流程改进",  # 十分: very
    ],
)
def test_no_quantity_where_there_is_none(line):
    m = infer_measure(line)
    if line.startswith("Migrate"):
        assert m.target != 123
    else:
        assert m.kind == M
