"""Words of the O/KR/E import (``okr import`` and the paste box)."""

WORDS = {
    "import.created": ("Created", "已创建"),
    "import.would_create": ("Would create (dry run)", "将创建（试运行）"),
    "import.source.default": ("no number: a milestone", "无数字：里程碑"),
    "import.read_from": ("read from {words}", "读自{words}"),
    "import.as_written": ("as written: {words}", "按原文写明：{words}"),
    "import.quoted": ("“{text}”", "“{text}”"),
    "import.relative_target": (", target = start {change}", "，目标值 = 起始值 {change}"),
    "import.warning": ("note", "注意"),
    "import.colon": (": ", "："),
    "import.paren": ("({text})", "（{text}）"),
    "import.skipped_head": (
        "Skipped {n} line(s), not part of the OKR:",
        "跳过 {n} 行（不属于 OKR）：",
    ),
    "import.line": ("line {n}", "第 {n} 行"),
    "import.starts_head": (
        "Starts asked at the first check-in:",
        "起始值将在首次周度更新时填写：",
    ),
    "import.unknown_head": ("Targets still unknown:", "尚未确定的目标值："),
    "import.unknown_how": (
        "Set them in the app (e on the home screen), or write them as [0 -> N unit] and import again.",
        "请在应用中设置（主页按 e），或写成 [0 -> 数量 单位] 后重新导入。",
    ),
}
