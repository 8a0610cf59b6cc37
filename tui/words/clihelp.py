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

WORDS |= {
    # options of the commands of later issues (close/next, chart/completion, team, forms)
    "clihelp.opt.quarter": (
        "A quarter, e.g. 2026-Q4: the chain of linked objectives over its months.",
        "季度，例如 2026-Q4：这几个月里前后衔接的目标。",
    ),
    "clihelp.opt.from_month": (
        "With --to: the first month YYYY-MM of a span of linked months.",
        "与 --to 一起用：多个月份区间的第一个月 YYYY-MM。",
    ),
    "clihelp.opt.to_month": (
        "With --from: the last month YYYY-MM.",
        "与 --from 一起用：最后一个月 YYYY-MM。",
    ),
    "clihelp.opt.editor": (
        "Fill in the check-in as a text form in $VISUAL / $EDITOR.",
        "在 $VISUAL / $EDITOR 中以文本表单填写周度更新。",
    ),
    "clihelp.opt.print_form": (
        "Write the check-in's text form to standard output (for scripts).",
        "把周度更新的文本表单写到标准输出（供脚本使用）。",
    ),
    "clihelp.opt.from_form": (
        "Read a filled-in text form from FILE (- reads standard input).",
        "从 FILE 读取填好的文本表单（- 表示标准输入）。",
    ),
    "clihelp.opt.close_yes": ("Close it now, without the screen.", "直接结束，不打开界面。"),
    "clihelp.opt.grade": (
        "Your own grade 0.0-1.0 of a KR instead of its score (KR: KR2 or its id).",
        "给某个 KR 打自己的分（0.0-1.0），代替计算出的得分（KR：KR2 或其 id）。",
    ),
    "clihelp.opt.reason": (
        "Why that grade (one line); needed when it differs from the score.",
        "打这个分的原因（一行）；与得分不同时必填。",
    ),
    "clihelp.opt.well": ("What went well.", "做得好的地方。"),
    "clihelp.opt.badly": ("What did not go well.", "做得不好的地方。"),
    "clihelp.opt.learned": ("What we learned.", "学到了什么。"),
    "clihelp.opt.reopen": (
        "Undo the close of OBJECTIVE (its grades and retrospective go).",
        "撤销 OBJECTIVE 的结束（评分和复盘一并撤销）。",
    ),
    "clihelp.opt.close_format": (
        "How the close is printed: text, md or json.",
        "输出格式：text、md 或 json。",
    ),
    "clihelp.opt.next_month": ("The new period: this month YYYY-MM.", "新周期：某个月份 YYYY-MM。"),
    "clihelp.opt.next_start": (
        "The new period's first day YYYY-MM-DD.",
        "新周期的第一天 YYYY-MM-DD。",
    ),
    "clihelp.opt.next_end": (
        "The new period's last day YYYY-MM-DD.",
        "新周期的最后一天 YYYY-MM-DD。",
    ),
    "clihelp.opt.next_yes": (
        "Apply the defaults now, without the screen, and print what was created.",
        "直接按默认设置进入下一周期，不打开界面，并列出创建的内容。",
    ),
    "clihelp.opt.chart_objective": (
        "The objective's id (default: the one running now).",
        "目标的 id（默认：当前进行中的那个）。",
    ),
    "clihelp.opt.width": (
        "Columns (default: the terminal's width).",
        "宽度（列数，默认：终端宽度）。",
    ),
    "clihelp.opt.height": ("Lines (default: 22).", "高度（行数，默认：22）。"),
    "clihelp.opt.publish_as": (
        "Publish as NAME (remembered for next time).",
        "以 NAME 的名义发布（下次会记住）。",
    ),
    "clihelp.opt.publish_auto": (
        "Publish after every saved check-in (on), or not (off, the default).",
        "每次保存周度更新后自动发布（on），或不自动发布（off，默认）。",
    ),
    "clihelp.opt.team_month": (
        "The month YYYY-MM (default: as okr summary).",
        "月份 YYYY-MM（默认：与 okr summary 相同）。",
    ),
    # the commands of later issues
    "clihelp.cmd.close": (
        "Close a period: grade each KR, write the retrospective, see the confidence calibration.",
        "结束一个周期：给每个 KR 评分，写复盘，查看信心校准。",
    ),
    "clihelp.cmd.next": (
        "Roll an objective into the next period: its KRs, open E-items and open adjustments.",
        "把目标带入下一周期：关键结果、未完成的执行项和待落实的调整。",
    ),
    "clihelp.cmd.chart": (
        "A KR's weekly values against its linear path and target, with its confidence. "
        "KR is a number (2, KR2) or an id; without it, every KR of the objective.",
        "某个 KR 的每周数值与时间进度线、目标值的对比，以及信心指数。"
        "KR 可以是编号（2、KR2）或 id；不写则显示该目标的全部 KR。",
    ),
    "clihelp.cmd.completion": (
        "Print the shell completion script for bash, zsh or fish.",
        "输出 bash、zsh 或 fish 的命令补全脚本。",
    ),
    "clihelp.cmd.team": (
        "The team over git: leads publish, the manager reads one roll-up. Without a "
        "command, the team screen.",
        "通过 git 协作的团队：各负责人发布，经理查看一份汇总。不带命令时打开团队界面。",
    ),
    "clihelp.cmd.team_join": (
        "Clone the team's git repository (a URL or a path) into the data dir.",
        "把团队的 git 仓库（URL 或路径）克隆到数据目录。",
    ),
    "clihelp.cmd.team_publish": (
        "Publish your objectives and check-ins to leads/NAME.json (never your one-on-ones).",
        "把你的目标和周度更新发布到 leads/NAME.json（一对一记录永不发布）。",
    ),
    "clihelp.cmd.team_pull": ("Fetch the other leads' files.", "获取其他负责人的文件。"),
    "clihelp.cmd.team_summary": (
        "One roll-up of every lead for the manager (reads the clone: `okr team pull` first).",
        "给经理的全体负责人汇总（读取本地副本：请先 `okr team pull`）。",
    ),
    # every command's example lines (tui.cli_commands.example_key)
    "clihelp.examples": ("Examples", "示例"),
    "clihelp.example.okr": (
        "okr                      # the app\nokr --lang zh list       # any command in Chinese",
        "okr                      # 打开应用\nokr --lang zh list       # 任何命令都可用中文",
    ),
    "clihelp.example.demo": ("okr demo --lang zh", "okr demo --lang zh"),
    "clihelp.example.checkin": (
        "okr checkin\nokr checkin --week 2026-W41 --objective o-1a2b3c4d\nokr checkin --editor",
        "okr checkin\nokr checkin --week 2026-W41 --objective o-1a2b3c4d\nokr checkin --editor",
    ),
    "clihelp.example.import": (
        "okr import okr.txt --month 2026-11\npbpaste | okr import - --dry-run",
        "okr import okr.txt --month 2026-11\npbpaste | okr import - --dry-run",
    ),
    "clihelp.example.list": ("okr list --all", "okr list --all"),
    "clihelp.example.export": ("okr export -o okr-export.json", "okr export -o okr-export.json"),
    "clihelp.example.backups": ("okr backups", "okr backups"),
    "clihelp.example.restore": (
        "okr restore okr-export.json\nokr export | okr --data /tmp/copy restore -",
        "okr restore okr-export.json\nokr export | okr --data /tmp/copy restore -",
    ),
    "clihelp.example.summary": (
        "okr summary --month 2026-10 --lang zh --format text -o october.txt\n"
        "okr summary --quarter 2026-Q4",
        "okr summary --month 2026-10 --lang zh --format text -o october.txt\n"
        "okr summary --quarter 2026-Q4",
    ),
    "clihelp.example.prep": (
        'okr prep --since 2026-10-16\nokr prep --record --notes "Agreed: more budget"',
        'okr prep --since 2026-10-16\nokr prep --record --notes "约定：增加预算"',
    ),
    "clihelp.example.due": (
        'okr due -q || notify-send "OKR check-in" "This week\'s check-in is missing"',
        'okr due -q || notify-send "OKR" "本周的周度更新还没做"',
    ),
    "clihelp.example.close": (
        'okr close o-1a2b3c4d --yes --grade KR2=0.5 --reason "KR2=pipeline lands in November"',
        'okr close o-1a2b3c4d --yes --grade KR2=0.5 --reason "KR2=线索在11月转化"',
    ),
    "clihelp.example.next": (
        "okr next o-1a2b3c4d --yes\nokr next o-1a2b3c4d --month 2026-12",
        "okr next o-1a2b3c4d --yes\nokr next o-1a2b3c4d --month 2026-12",
    ),
    "clihelp.example.chart": ("okr chart 2 --width 100", "okr chart 2 --width 100"),
    "clihelp.example.completion": (
        'eval "$(okr completion bash)"   # in ~/.bashrc',
        'eval "$(okr completion bash)"   # 写入 ~/.bashrc',
    ),
    "clihelp.example.team": (
        "okr team join git@example.com:sales/okr-team.git\nokr team publish --as li-lei\n"
        "okr team pull && okr team summary",
        "okr team join git@example.com:sales/okr-team.git\nokr team publish --as li-lei\n"
        "okr team pull && okr team summary",
    ),
    "clihelp.example.team_join": (
        "okr team join /srv/share/okr-team.git",
        "okr team join /srv/share/okr-team.git",
    ),
    "clihelp.example.team_publish": (
        "okr team publish --as li-lei\nokr team publish --auto on",
        "okr team publish --as li-lei\nokr team publish --auto on",
    ),
    "clihelp.example.team_pull": ("okr team pull", "okr team pull"),
    "clihelp.example.team_summary": (
        "okr team summary --month 2026-10 --lang zh --format text",
        "okr team summary --month 2026-10 --lang zh --format text",
    ),
}

WORDS |= {
    # okr archive (issue 13)
    "clihelp.cmd.archive": (
        "Move the periods that ended before a month, with their check-ins and the "
        "one-on-ones before it, into an export document of their own: the store gets "
        "smaller, the summaries of the months left stay what they were.",
        "把某月之前已结束的周期（连同其周度更新和此前的一对一记录）移到单独的导出文档："
        "数据文件变小，其余月份的总结保持不变。",
    ),
    "clihelp.opt.archive_before": (
        "Move the periods that ended before this month YYYY-MM.",
        "移走在此月份（YYYY-MM）之前结束的周期。",
    ),
    "clihelp.opt.archive_output": (
        "The archive to write (default: DATA/archive/okr-before-YYYY-MM.json).",
        "要写入的归档文件（默认：DATA/archive/okr-before-YYYY-MM.json）。",
    ),
    "clihelp.opt.archive_dry_run": (
        "Say what would move; change nothing.",
        "只列出会移走的内容，不做任何改动。",
    ),
    "clihelp.example.archive": (
        "okr archive --before 2025-01 --dry-run\nokr archive --before 2025-01 -o ~/okr-until-2024.json",
        "okr archive --before 2025-01 --dry-run\nokr archive --before 2025-01 -o ~/okr-until-2024.json",
    ),
}
