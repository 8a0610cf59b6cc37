"""Words of the summary screen and the one-on-one prep screen (screens.summary, screens.prep)."""

WORDS = {
    # shared by both screens
    "rollup.key.lang": ("Language", "语言"),
    "rollup.key.copy": ("Copy", "复制"),
    "rollup.lang.en": ("English", "英文"),
    "rollup.lang.zh": ("Chinese", "中文"),
    "rollup.copied": (
        "Copied to the clipboard ({lines} lines).",
        "已复制到剪贴板（{lines} 行）。",
    ),
    # the summary screen
    "summary.sub": ("Month summary", "月度总结"),
    "summary.bar": (
        "Month {month}  ·  Language {language}  ·  Format {fmt}",
        "月份 {month}  ·  语言 {language}  ·  格式 {fmt}",
    ),
    "summary.bar_wide": ("  ·  ← → wide tables", "  ·  ← → 查看宽表格"),
    "summary.fmt.md": ("Markdown", "Markdown"),
    "summary.fmt.text": ("plain text", "纯文本"),
    "summary.fmt.json": ("JSON", "JSON"),
    "summary.key.prev": ("Prev month", "上月"),
    "summary.key.next": ("Next month", "下月"),
    "summary.key.month": ("Month", "月份"),  # the label of [ and ] in the footer
    "summary.key.goto": ("Go to month", "跳到月份"),
    "summary.key.format": ("Format", "格式"),
    "summary.key.save": ("Save file", "存文件"),
    "summary.ask_month": ("The month to sum up (YYYY-MM):", "要总结的月份（YYYY-MM）："),
    "summary.bad_month": (
        "{text} is not a month YYYY-MM, like 2026-10.",
        "{text} 不是 YYYY-MM 格式的月份，例如 2026-10。",
    ),
    "summary.ask_path": (
        "Save the summary to (a relative name goes in {cwd}):",
        "把总结保存到（相对路径存放在 {cwd}）：",
    ),
    "summary.no_path": ("Type a file name.", "请输入文件名。"),
    "summary.is_dir": ("{path} is a folder: type a file name.", "{path} 是文件夹，请输入文件名。"),
    "summary.replace": ("{path} exists. Replace it?", "{path} 已存在，要替换吗？"),
    "summary.saved": ("Saved to {path}", "已保存到 {path}"),
    "summary.not_saved": ("{path} was not saved.", "{path} 未保存。"),
    "rollup.not_ready": (
        "Still preparing the text: try again in a moment.",
        "内容还在生成中，请稍后再试。",
    ),
    # the prep screen
    "prep.sub": ("One-on-one prep", "一对一准备"),
    "prep.key.record": ("Record 1:1", "记录一对一"),
    "prep.record.title": ("Record a one-on-one that happened", "记录一次已进行的一对一"),
    "prep.record.date": ("Date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
    "prep.record.notes": ("Notes: what was agreed", "备注：谈了什么、约定了什么"),
    "prep.record.bad_date": (
        "{text} is not a date YYYY-MM-DD, like 2026-10-16.",
        "{text} 不是 YYYY-MM-DD 格式的日期，例如 2026-10-16。",
    ),
    "prep.record.future": (
        "{date} is after today: record a one-on-one once it has happened.",
        "{date} 晚于今天：一对一开完之后再记录。",
    ),
    "prep.recorded": (
        "Recorded the one-on-one of {date}; the prep now starts after it.",
        "已记录 {date} 的一对一；准备内容从这之后开始。",
    ),
}
