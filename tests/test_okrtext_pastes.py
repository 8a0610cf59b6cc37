"""Whole OKRs pasted as they are found: headings and prose around them, labelled and
numbered heads, "Key Results" headings over bullets, English, simplified and traditional
Chinese. Each paste must give exactly the objectives, KRs (with their measures), E-items
and skipped lines listed, or be refused at the line that cannot be placed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reliability_helpers import run

from store.model import Objective
from store.okrtext import OkrTextError, ParseResult, parse_okr_text
from store.repo import Store

PERIOD = {"start": "2026-10-01", "end": "2026-12-31", "week": "2026-W40"}


def parse(text: str) -> ParseResult:
    result = parse_okr_text(text, **PERIOD)
    for o in result.objectives:
        assert Objective.from_dict(o.to_dict()) == o  # storable as read
    return result


def outline(result: ParseResult) -> list:
    """Objectives, KRs as (title, kind, start, target, unit, relative), items by title."""
    return [
        (
            o.title,
            [
                (
                    (k.title, k.kind, k.start, k.target, k.unit, k.relative),
                    [i.title for i in k.items],
                )
                for k in o.key_results
            ],
        )
        for o in result.objectives
    ]


def kr(title, kind="milestone", start=0, target=1, unit="", relative=None, items=()):
    return ((title, kind, start, target, unit, relative), list(items))


ARTICLE_ZH = """\
第一部分：OKR基础概念

一个典型的OKR示例：

  • Objective：提升产品用户体验
  • Key Results
    • KR1：将用户满意度评分从7.5提升至8.5（满分10分）
    • KR2：将页面加载时间从3秒降低至1.5秒以内
    • KR3：将用户留存率从40%提升至55%

1.2 OKR的核心原则
"""


def test_article_with_a_heading_and_key_results_heading_zh():
    result = parse(ARTICLE_ZH)
    assert outline(result) == [
        (
            "提升产品用户体验",
            [
                kr("将用户满意度评分从7.5提升至8.5（满分10分）", "number", 7.5, 8.5),
                kr("将页面加载时间从3秒降低至1.5秒以内", "number", 3, 1.5, "秒"),
                kr("将用户留存率从40%提升至55%", "percent", 40, 55, "%"),
            ],
        )
    ]
    assert result.skipped == [
        (1, "第一部分：OKR基础概念"),
        (3, "一个典型的OKR示例："),
        (11, "1.2 OKR的核心原则"),
    ]
    assert [n.read_from for n in result.notes] == [
        "从7.5提升至8.5",
        "从3秒降低至1.5秒",
        "从40%提升至55%",
    ]


SAAS_EN = """\
Here is an example for a SaaS growth team.

Objective 1: Accelerate revenue growth
Key Results:
- Increase MRR from $50k to $80k
- Reduce customer complaints by 25%
- Keep churn below 2%
  - Weekly save-desk calls for at-risk accounts
- Achieve a 90% satisfaction score
Initiatives:
- Launch a referral programme

Objective 2: Build a world-class support team
1. Hire 3 to 5 support engineers
2. Resolve P1 incidents in under 2 hours
3. Publish 20 help-center articles

Why this works: each key result is measurable.
Related reading:
- How to write OKRs
"""


def test_saas_example_with_prose_before_and_after_en():
    result = parse(SAAS_EN)
    assert outline(result) == [
        (
            "Accelerate revenue growth",
            [
                kr("Increase MRR from $50k to $80k", "number", 50000, 80000, "$"),
                kr("Reduce customer complaints by 25%", "number", None, None, "", -0.25),
                kr(
                    "Keep churn below 2%", "stay_below", None, 2, "%",
                    items=["Weekly save-desk calls for at-risk accounts"],
                ),
                kr(
                    "Achieve a 90% satisfaction score", "percent", None, 90, "%",
                    items=["Launch a referral programme"],
                ),
            ],
        ),
        (
            "Build a world-class support team",
            [
                kr("Hire 3 to 5 support engineers", "number", 0, None, "support engineers"),
                kr("Resolve P1 incidents in under 2 hours", "stay_below", None, 2, "hours"),
                kr("Publish 20 help-center articles", "number", 0, 20, "help-center articles"),
            ],
        ),
    ]  # fmt: skip
    assert result.skipped == [
        (1, "Here is an example for a SaaS growth team."),
        (18, "Why this works: each key result is measurable."),
        (19, "Related reading:"),
        (20, "- How to write OKRs"),
    ]
    assert [n.kr_title for n in result.unknown_starts] == [
        "Reduce customer complaints by 25%",
        "Achieve a 90% satisfaction score",
    ]
    assert [n.kr_title for n in result.unknown_targets] == ["Hire 3 to 5 support engineers"]


TRADITIONAL = """\
OKR範例：永續品牌

目標一：成為業界領先的永續品牌
關鍵結果：
‧ 年底前達成 10,000 名活躍訂閱者
‧ 將顧客滿意度提升至 4.8/5 星
‧ 減少 30% 的碳足跡
關鍵動作：
‧ 每月舉辦 2 場線上講座

目標二：打破部門季度銷售紀錄
KR1（關鍵成果1）：舉辦 5 次加盟店促銷，貢獻總銷售目標的 30%
KR2（關鍵成果2）：招募 10 位銷售人員
KR3（關鍵成果3）：直客銷售達到 100 萬
"""


def test_traditional_chinese_with_labelled_heads():
    result = parse(TRADITIONAL)
    assert outline(result) == [
        (
            "成為業界領先的永續品牌",
            [
                kr("年底前達成 10,000 名活躍訂閱者", "number", None, 10000, "名"),
                kr("將顧客滿意度提升至 4.8/5 星", "number", None, 4.8, "星"),
                kr("減少 30% 的碳足跡", "number", None, None, "", -0.3, ["每月舉辦 2 場線上講座"]),
            ],
        ),
        (
            "打破部門季度銷售紀錄",
            [
                kr("舉辦 5 次加盟店促銷，貢獻總銷售目標的 30%", "number", 0, 5, "次"),
                kr("招募 10 位銷售人員", "number", 0, 10, "位"),
                kr("直客銷售達到 100 萬", "number", None, 1000000),
            ],
        ),
    ]
    assert result.skipped == [(1, "OKR範例：永續品牌")]


MARKDOWN = """\
## Q3 OKRs — Marketing

**Objective:** Make our brand the first name in the category

**Key results**

1. Grow organic traffic 3x
2. Double weekly signups
3. Earn 25 positive reviews in the app store
4. 1,000 new user registrations in the first week
"""


def test_markdown_page():
    result = parse(MARKDOWN)
    assert outline(result) == [
        (
            "Make our brand the first name in the category",
            [
                kr("Grow organic traffic 3x", "number", None, None, "", 2.0),
                kr("Double weekly signups", "number", None, None, "", 1.0),
                kr("Earn 25 positive reviews in the app store", "number", 0, 25, "positive reviews"),
                kr(
                    "1,000 new user registrations in the first week",
                    "number", 0, 1000, "new user registrations",
                ),
            ],
        )
    ]  # fmt: skip
    assert result.skipped == [(1, "## Q3 OKRs — Marketing")]


LOST_BULLETS = """\
Objective
Delight our customers
Customer churn rate less than 2%
Customer satisfaction is 95%

These two numbers are reviewed every Monday.
"""


def test_lines_without_bullets_under_an_objective():
    result = parse(LOST_BULLETS)
    assert outline(result) == [
        (
            "Delight our customers",
            [
                kr("Customer churn rate less than 2%", "stay_below", None, 2, "%"),
                kr("Customer satisfaction is 95%", "percent", None, 95, "%"),
            ],
        )
    ]
    assert result.skipped == [(6, "These two numbers are reviewed every Monday.")]


TITLE_ON_NEXT_LINE = """\
O1(目标1)：提升品牌影响力
KR1(关键成果1)：
公众号粉丝数达到十万
KR2(关键成果2)：新增三千名会员
执行：
- 每周发布两篇原创文章
- 每月做一次数据复盘
"""


def test_numbered_labelled_heads_and_a_title_on_the_next_line():
    result = parse(TITLE_ON_NEXT_LINE)
    assert outline(result) == [
        (
            "提升品牌影响力",
            [
                kr("公众号粉丝数达到十万", "number", None, 100000),
                kr(
                    "新增三千名会员", "number", 0, 3000, "名",
                    items=["每周发布两篇原创文章", "每月做一次数据复盘"],
                ),
            ],
        )
    ]  # fmt: skip
    assert result.skipped == []


QUARTER_ZH = """\
季度OKR制定过程与案例展示：
以下是销售部第四季度的OKR。

目标一：开拓华东市场
关键结果：
  • 成功开拓3家行业标杆客户（员工规模1000人以上）
      ◦ 整理华东重点客户名单
      ◦ 每周拜访两家客户
  • 将客户流失率控制在2%以内
  • 营收环比提升30%
目标二：建设销售团队
关键结果：
  • 招聘5名销售
  • 新人30天内独立签单

负责人：张三
"""


def test_quarter_plan_with_prose_and_nested_bullets_zh():
    result = parse(QUARTER_ZH)
    assert outline(result) == [
        (
            "开拓华东市场",
            [
                kr(
                    "成功开拓3家行业标杆客户（员工规模1000人以上）", "number", 0, 3, "家",
                    items=["整理华东重点客户名单", "每周拜访两家客户"],
                ),
                kr("将客户流失率控制在2%以内", "stay_below", None, 2, "%"),
                kr("营收环比提升30%", "number", None, None, "", 0.3),
            ],
        ),
        (
            "建设销售团队",
            [
                kr("招聘5名销售", "number", 0, 5, "名"),
                kr("新人30天内独立签单"),  # a deadline is no target: a milestone
            ],
        ),
    ]  # fmt: skip
    assert result.skipped == [
        (1, "季度OKR制定过程与案例展示："),
        (2, "以下是销售部第四季度的OKR。"),
        (16, "负责人：张三"),
    ]


GOOGLE_STYLE = """\
OBJECTIVE: Grow our business
Key results:
* Hit our global sales target of $100 Million in Sales
* Close 20 new partnerships
* Reduce average deal cycle from 60 days to 45 days
*This example is adapted from a public OKR list.
"""


def test_objective_in_capitals_with_star_bullets():
    result = parse(GOOGLE_STYLE)
    [(title, krs)] = outline(result)
    assert title == "Grow our business"
    assert krs[:3] == [
        kr("Hit our global sales target of $100 Million in Sales", "number", None, 100000000, "$"),
        kr("Close 20 new partnerships", "number", 0, 20, "new partnerships"),
        kr("Reduce average deal cycle from 60 days to 45 days", "number", 60, 45, "days"),
    ]


TEAMS = """\
Marketing team

Objective: Make the launch heard
- Reach 10,000 weekly active users
- Keep CAC under $200

Sales team

Objective: Land the first enterprise accounts
- Sign at least 10 new enterprise customers
- Generate $1M in new pipeline
"""


def test_team_headings_between_objectives():
    result = parse(TEAMS)
    assert outline(result) == [
        (
            "Make the launch heard",
            [
                kr("Reach 10,000 weekly active users", "number", None, 10000, "weekly active users"),
                kr("Keep CAC under $200", "stay_below", None, 200, "$"),
            ],
        ),
        (
            "Land the first enterprise accounts",
            [
                kr(
                    "Sign at least 10 new enterprise customers",
                    "number", 0, 10, "new enterprise customers",
                ),
                kr("Generate $1M in new pipeline", "number", 0, 1000000, "$"),
            ],
        ),
    ]  # fmt: skip
    assert result.skipped == [(1, "Marketing team"), (7, "Sales team")]


SEED_STYLE_WITH_NOTES = """\
O: 打造一个成功的客户拓展团队
KR1: 完成拓展团队工作流程的最终制定
说明：流程由团队负责人起草
E: 制定团队工作流程初版
KR2: 完成10月XX家新客户的开发
E: 10月特殊执行方案一
KR3: 在开发新客户活动X大平台上收获十万粉丝
E: 执行涨粉方案一,并每周进行数据分析调整方案内容
"""


def test_seed_style_with_a_description_under_a_kr():
    result = parse(SEED_STYLE_WITH_NOTES)
    assert outline(result) == [
        (
            "打造一个成功的客户拓展团队",
            [
                kr("完成拓展团队工作流程的最终制定", items=["制定团队工作流程初版"]),
                kr("完成10月XX家新客户的开发", "number", 0, None, "家", items=["10月特殊执行方案一"]),
                kr(
                    "在开发新客户活动X大平台上收获十万粉丝", "number", 0, 100000, "粉丝",
                    items=["执行涨粉方案一,并每周进行数据分析调整方案内容"],
                ),
            ],
        )
    ]  # fmt: skip
    assert result.skipped == [(3, "说明：流程由团队负责人起草")]


ENUMERATED_ZH = """\
目标一：提升客户满意度
（一）首次响应时间不超过2小时
（二）客户满意度不低于95%
（三）投诉量减半
目标二：降低成本
① 将获客成本降低15%
② 服务器费用从每月8万元降至5万元
"""


def test_chinese_enumerators_and_several_objectives():
    result = parse(ENUMERATED_ZH)
    assert outline(result) == [
        (
            "提升客户满意度",
            [
                kr("首次响应时间不超过2小时", "stay_below", None, 2, "小时"),
                kr("客户满意度不低于95%", "stay_above", None, 95, "%"),
                kr("投诉量减半", "number", None, None, "", -0.5),
            ],
        ),
        (
            "降低成本",
            [
                kr("将获客成本降低15%", "number", None, None, "", -0.15),
                kr("服务器费用从每月8万元降至5万元", "number", 80000, 50000, "元"),
            ],
        ),
    ]


MIXED = """\
Objective: Grow
This objective is about growth.
Key Results:
- Win 50 new customers
- KR2: Reach 40% activation
- Keep churn below 2%
    - Weekly save-desk calls
"""


def test_prose_under_an_objective_and_list_items_beside_a_headed_kr():
    result = parse(MIXED)
    assert outline(result) == [
        (
            "Grow",
            [
                kr("Win 50 new customers", "number", 0, 50, "new customers"),
                kr("Reach 40% activation", "percent", None, 40, "%"),
                kr(
                    "Keep churn below 2%",
                    "stay_below",
                    None,
                    2,
                    "%",
                    items=["Weekly save-desk calls"],
                ),
            ],
        )
    ]
    assert result.skipped == [(2, "This objective is about growth.")]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Our plan for Q4\nKR1: Win 50 customers\nObjective: Grow", 2, "before any objective"),
        ("Objective: Grow\nInitiatives:\n- Call every lead", 3, "before any key result"),
        ("Objective: Grow\nKey Results:\n- Win 50 customers\nE:\n", 4, "has no title"),
        ("Objective:\nKey Results:\n- Win 50 customers", 1, "has no title"),
    ],
)
def test_a_line_that_cannot_be_placed_is_refused_with_a_hint(text, line, reason):
    with pytest.raises(OkrTextError) as info:
        parse(text)
    assert (info.value.line, reason in info.value.reason) == (line, True)


def test_only_prose_is_refused_as_a_whole():
    with pytest.raises(OkrTextError) as info:
        parse("OKRs are a goal-setting framework.\n- Objectives are qualitative\n")
    assert info.value.line == 0 and "no objective" in info.value.reason


# -- okr import: the report, and the round trip through export and restore ----------------------


def test_okr_import_reports_read_from_skipped_and_asked_en(data_dir):
    result = run(data_dir, "import", "--dry-run", "-", input=SAAS_EN)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "50,000 → 80,000 $   (read from “from $50k to $80k”)" in out
    assert "? → ?, target = start -25%   (read from “Reduce customer complaints by 25%”)" in out
    assert "stay below 2%   (read from “below 2%”)" in out
    assert "? → 90%   (read from “Achieve a 90%”)" in out
    assert "Skipped 4 line(s), not part of the OKR:" in out
    assert "  line 1: Here is an example for a SaaS growth team." in out
    assert "Starts asked at the first check-in:\n  - Reduce customer complaints by 25%\n" in out
    assert "Targets still unknown:\n  - Hire 3 to 5 support engineers\n" in out
    assert Store(data_dir).objectives() == []


def test_okr_import_reports_in_chinese(data_dir):
    result = run(data_dir, "import", "--lang", "zh", "-", input=QUARTER_ZH)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "已创建：开拓华东市场" in out
    assert "0 → 3 家   （读自“开拓3家”）" in out
    assert "保持低于 2%   （读自“控制在2%以内”）" in out
    assert "? → ?，目标值 = 起始值 +30%   （读自“提升30%”）" in out
    assert "跳过 3 行（不属于 OKR）：\n  第 1 行：季度OKR制定过程与案例展示：" in out
    assert "起始值将在首次周度更新时填写：\n  - 营收环比提升30%" in out
    assert len(Store(data_dir).objectives()) == 2


def test_import_export_restore_keeps_a_threshold_and_a_relative_kr(data_dir):
    text = "O: Keep customers\nKR: Keep churn below 2%\nKR: Reduce complaints by 25%\n"
    assert run(data_dir, "import", "-", "--month", "2026-10", input=text).exit_code == 0
    exported = run(data_dir, "export")
    assert exported.exit_code == 0
    doc = json.loads(exported.stdout)
    krs = doc["objectives"][0]["key_results"]
    assert [(k["kind"], k["start"], k["target"], k["unit"], k["relative"]) for k in krs] == [
        ("stay_below", None, 2, "%", None),
        ("number", None, None, "", -0.25),
    ]
    other = data_dir.parent / "other"
    assert run(other, "restore", "-", input=exported.stdout).exit_code == 0
    again = run(other, "export")
    assert json.loads(again.stdout)["objectives"] == doc["objectives"]
    [o] = Store(other).objectives()
    assert o.key_results[0].threshold and o.key_results[1].relative == -0.25


def _readme_pastes() -> list[tuple[str, str]]:
    """The (paste, report) pairs shown in the README's import section."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Importing an OKR", 1)[1].split("### How lines are placed")[0]
    blocks, current = [], []
    for line in section.split("\n"):
        if line.startswith("    ") or (current and line == ""):
            current.append(line[4:])
        elif current:
            blocks.append("\n".join(current).strip("\n"))
            current = []
    return list(zip(blocks[0:6:2], blocks[1:6:2], strict=True))


@pytest.mark.parametrize(("index", "lang"), [(0, "en"), (1, "zh"), (2, "zh")])
def test_the_readme_shows_what_its_pastes_become(data_dir, index, lang):
    paste, report = _readme_pastes()[index]
    result = run(
        data_dir, "import", "--dry-run", "--month", "2026-10", "--lang", lang, "-", input=paste
    )
    assert result.exit_code == 0, result.output
    assert re.sub(r"\[o-[0-9a-f]{8}\]", "[o-…]", result.output).rstrip("\n") == report
