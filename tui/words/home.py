"""Words of the home screen."""

WORDS = {
    "key.archived": ("Show archived", "显示已归档"),
    "key.checkin": ("Check in", "周度更新"),
    "key.edit": ("Edit", "编辑"),
    "key.new": ("New objective", "新建目标"),
    "key.history": ("History", "历史"),
    "key.import": ("Import", "导入"),
    "key.summary": ("Summary", "月度总结"),
    "key.prep": ("Prep", "一对一"),
    "home.none_selected": (
        "No objective selected: create one with n or import one with i.",
        "没有选中的目标：按 n 新建，或按 i 导入。",
    ),
    "home.empty": (
        "No objectives yet. Import one with `okr import FILE` (or press i), or try `okr demo`.",
        "还没有目标。用 `okr import 文件` 导入（或按 i），或试试 `okr demo`。",
    ),
    # this week on a card, when no check-in is asked for it (store.weeks.is_due)
    "home.week.ended": ("period ended", "周期已过"),
    "home.week.starts": ("starts {date}", "{date} 开始"),
    "home.not_this_week": (
        "{week} is not a week of this objective's period ({start} to {end}): open one of "
        "its weeks from its history (h).",
        "{week} 不在该目标的周期内（{start} 至 {end}）：可在历史（h）中打开它的某一周。",
    ),
    "home.no_archived": (
        "Nothing is archived: every objective is on this list already.",
        "没有已归档的目标：所有目标都已在列表中。",
    ),
    "home.showing_archived": (
        "Showing the archived objectives too ({n}); press a again to hide them.",
        "已同时显示已归档的目标（{n} 个）；再按 a 隐藏。",
    ),
    "home.hiding_archived": (
        "Archived objectives hidden ({n}); press a to show them.",
        "已隐藏已归档的目标（{n} 个）；按 a 显示。",
    ),
    "home.close_hint": (
        "The period ends: x closes it (grades, retrospective, calibration).",
        "本周期即将结束：按 x 结束周期（评分、复盘、信心校准）。",
    ),
    "home.next_hint": (
        "Closed: r rolls it into the next period.",
        "已结束：按 r 进入下一周期。",
    ),
}
