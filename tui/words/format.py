"""Words of tui/format.py: how values and scores read on every screen and report."""

WORDS = {
    "format.list_sep": (", ", "、"),
    "format.aside": ("({text})", "（{text}）"),
    "format.start_unknown": ("start unknown", "起始值未定"),
    "format.left_out": (
        "{krs} not in the score: start or target unknown",
        "{krs} 未计入得分：起始值或目标值未定",
    ),
}
