"""Words of the home screen."""

WORDS = {
    "key.archived": ("Show archived", "显示已归档"),
    "key.checkin": ("Check in", "周检"),
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
}
