"""Words of the home screen."""

WORDS = {
    "key.archived": ("Archived", "已归档"),
    "home.empty": (
        "No objectives yet. Import one with `okr import FILE` (or press i), or try `okr demo`.",
        "还没有目标。用 `okr import 文件` 导入（或按 i），或试试 `okr demo`。",
    ),
}
