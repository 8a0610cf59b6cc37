"""The command line's help (``okr --help``, ``okr COMMAND --help``), in both languages.

The commands and options of tui/cli_commands.py, tui/cli_rollups.py and tui/cli_admin.py
name these keys as their help; ``OkrCommand`` says them in the user's language, and
click's own words (Usage, Options...) too.
"""

WORDS = {
    # click's own words
    "clihelp.usage": ("Usage:", "用法："),
    "clihelp.usage_prefix": ("Usage: ", "用法："),
    "clihelp.heading": ("{heading}:", "{heading}："),
    "clihelp.options": ("Options", "选项"),
    "clihelp.commands": ("Commands", "命令"),
    "clihelp.arguments": ("Positional arguments", "位置参数"),
    "clihelp.help_option": ("Show this message and exit.", "显示本帮助并退出。"),
    "clihelp.version_option": ("Show the version and exit.", "显示版本并退出。"),
    # the commands
    "clihelp.cmd.okr": (
        "okr-checkin: the Monday OKR check-in in your terminal. Without a command, the app.",
        "okr-checkin：在终端里完成每周一的 OKR 周度更新。不带命令时打开应用。",
    ),
    "clihelp.cmd.demo": (
        "Open the app on a throwaway copy of the example OKR with sample weeks.",
        "在示例 OKR 的临时副本上打开应用，附带几周示例数据。",
    ),
    "clihelp.cmd.checkin": (
        "Open this (or a past) week's check-in.",
        "打开本周（或过去某周）的周度更新。",
    ),
    "clihelp.cmd.import": (
        "Create objectives from O/KR/E text (- reads standard input).",
        "从 O/KR/E 文本创建目标（- 表示读取标准输入）。",
    ),
    "clihelp.cmd.list": (
        "Objectives with their KRs and progress.",
        "列出各目标及其关键结果和进度。",
    ),
    "clihelp.cmd.export": (
        "Write the whole store as one JSON document (the interchange format, version 2).",
        "把全部数据写成一个 JSON 文档（交换格式，版本 2）。",
    ),
    "clihelp.cmd.backups": (
        "List the backups of the store, newest first, and how to restore one.",
        "列出数据的备份（最新的在前），以及如何恢复。",
    ),
    "clihelp.cmd.restore": (
        "Replace the store with an export document or a backup, after validating all of "
        "it (- reads standard input). The current store, even a damaged one, is backed "
        "up first.",
        "校验通过后，用导出文档或备份替换全部数据（- 表示读取标准输入）。"
        "当前数据（即使已损坏）会先备份。",
    ),
    "clihelp.cmd.summary": (
        "The month-end summary for the manager.\n\n"
        "Default month: the current one, or the previous one during days 1-7 of a month.",
        "写给上级的月度总结。\n\n默认月份：当月；每月 1-7 日为上个月。",
    ),
    "clihelp.cmd.prep": (
        "Talking points for the one-on-one, or --record one that happened.",
        "一对一的沟通要点，或用 --record 记录已进行的一次。",
    ),
    "clihelp.cmd.due": (
        "Exit 1, one line per objective, when this week's check-in is missing.",
        "本周的周度更新未完成时，每个目标输出一行并以状态 1 退出。",
    ),
    # the options
    "clihelp.opt.data": (
        "Data directory (default: $OKR_DATA_DIR, else the platform's user data dir).",
        "数据目录（默认：$OKR_DATA_DIR，否则为系统的用户数据目录）。",
    ),
    "clihelp.opt.lang": (
        "Language of the words: en or zh (default: the locale).",
        "界面语言：en 或 zh（默认：跟随系统语言环境）。",
    ),
    "clihelp.opt.week": (
        "ISO week to check in, e.g. 2026-W41 (default: this week); it must belong to "
        "the objective's period.",
        "要更新的 ISO 周，如 2026-W41（默认：本周）；须属于目标的周期。",
    ),
    "clihelp.opt.checkin_objective": (
        "Objective id (default: each objective due that week, in turn).",
        "目标 id（默认：依次处理该周需要更新的每个目标）。",
    ),
    "clihelp.opt.dry_run": (
        "Show what would be created; create nothing.",
        "只显示将创建的内容，不实际创建。",
    ),
    "clihelp.opt.import_month": (
        "The period: this month YYYY-MM (default: the current month).",
        "周期：月份 YYYY-MM（默认：当月）。",
    ),
    "clihelp.opt.start": ("Period start YYYY-MM-DD.", "周期开始日期 YYYY-MM-DD。"),
    "clihelp.opt.end": ("Period end YYYY-MM-DD.", "周期结束日期 YYYY-MM-DD。"),
    "clihelp.opt.all": ("Include archived objectives.", "包括已归档的目标。"),
    "clihelp.opt.output": (
        "Write to FILE (0600) instead of standard output.",
        "写入文件 FILE（权限 0600），而不是标准输出。",
    ),
    "clihelp.opt.format": (
        "Markdown, plain text (for chat and e-mail) or JSON (default: md).",
        "Markdown、纯文本（用于聊天和邮件）或 JSON（默认：md）。",
    ),
    "clihelp.opt.summary_month": (
        "The month YYYY-MM (default: see above).",
        "月份 YYYY-MM（默认：见上文）。",
    ),
    "clihelp.opt.summary_objective": (
        "Only this objective (its id).",
        "只总结这个目标（填其 id）。",
    ),
    "clihelp.opt.since": (
        "From this day on (default: the last one-on-one).",
        "从这一天起（默认：上次一对一之后）。",
    ),
    "clihelp.opt.record": (
        "Record that a one-on-one happened (no prep).",
        "记录一次已进行的一对一（不生成准备内容）。",
    ),
    "clihelp.opt.date": (
        "With --record: its date (default: today).",
        "与 --record 一起用：一对一的日期（默认：今天）。",
    ),
    "clihelp.opt.notes": (
        "With --record: what was agreed.",
        "与 --record 一起用：约定了什么。",
    ),
    "clihelp.opt.quiet": (
        "Print nothing; the exit code says it.",
        "不输出任何内容，只用退出状态表示。",
    ),
}
