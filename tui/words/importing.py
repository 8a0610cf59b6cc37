"""Words of the O/KR/E import."""

WORDS = {
    "import.created": ("created", "已创建"),
    "import.would_create": ("would create (dry run)", "将创建（试运行）"),
    "import.source.explicit": ("as written", "按原文写明"),
    "import.source.inferred": ("inferred", "推断"),
    "import.source.default": ("no number: a milestone", "无数字：里程碑"),
    "import.warning": ("note", "注意"),
    "import.unknown_head": ("Targets still unknown:", "尚未确定的目标值："),
    "import.unknown_how": (
        "Set them in the app (e on the home screen), or write them as [0 -> N unit] and import again.",
        "请在应用中设置（主页按 e），或写成 [0 -> 数量 单位] 后重新导入。",
    ),
}
