"""Words of the command line's own sentences (tui/cli_commands.py, tui/cli_admin.py).

Errors raised by the store layer (store/*.py) keep their English sentence; these are
the sentences the commands compose themselves.
"""

WORDS = {
    "cli.stdin": ("standard input", "标准输入"),
    # option values
    "cli.bad_month": (
        "{value} is not a month YYYY-MM, like 2026-10.",
        "{value} 不是 YYYY-MM 格式的月份，例如 2026-10。",
    ),
    "cli.bad_date": (
        "{value} is not a date YYYY-MM-DD, like 2026-10-16.",
        "{value} 不是 YYYY-MM-DD 格式的日期，例如 2026-10-16。",
    ),
    # okr export
    "cli.exported": ("Exported to {path}", "已导出到 {path}"),
    # okr checkin
    "cli.no_such_objective": (
        "there is no objective {id}; `okr list` shows their ids.",
        "没有目标 {id}；`okr list` 会列出各目标的 id。",
    ),
    "cli.week_outside": (
        "{week} is not a week of “{title}” (its period is {start} to {end}): a week belongs "
        "to the period that holds its Thursday.",
        "{week} 不属于“{title}”的周期（{start} 至 {end}）：一周属于其周四所在的周期。",
    ),
    "cli.nothing_due": (
        "no objective has a check-in due in {week}; `okr list` shows their periods, and "
        "`okr checkin --objective ID --week W` opens another week.",
        "{week} 没有需要周度更新的目标；`okr list` 会列出各目标的周期，"
        "`okr checkin --objective ID --week W` 可打开其他周。",
    ),
    "cli.needs_terminal": (
        "{command} needs a terminal: run it in one, with its input and output not redirected.",
        "{command} 需要在终端中运行，且输入和输出不能被重定向。",
    ),
    "cli.nothing_to_checkin": (
        "there is no objective to check in yet; create one with `okr import FILE`.",
        "还没有可更新的目标；请先用 `okr import FILE` 创建一个。",
    ),
    # reading FILE (or - for standard input)
    "cli.file_missing": ("{file} does not exist.", "{file} 不存在。"),
    "cli.file_is_dir": ("{file} is a directory, not a file.", "{file} 是目录，不是文件。"),
    "cli.file_denied": (
        "{file} cannot be read (permission denied).",
        "无法读取 {file}（权限不足）。",
    ),
    # okr import: usage errors
    "cli.month_or_range": (
        "give either --month or --start/--end, not both.",
        "请给出 --month 或 --start/--end 之一，不要同时给出。",
    ),
    "cli.start_end_together": (
        "--start and --end go together.",
        "--start 和 --end 须同时给出。",
    ),
    "cli.end_before_start": ("--end is before --start.", "--end 早于 --start。"),
    # okr restore
    "cli.not_json": (
        "{name} is not a JSON document ({reason}).",
        "{name} 不是 JSON 文档（{reason}）。",
    ),
    "cli.not_restored": (
        "{name} was not restored, nothing changed: {error}.",
        "{name} 未恢复，没有任何改动：{error}。",
    ),
    "cli.restored": (
        "Restored {objectives} objectives, {checkins} check-ins",
        "已恢复 {objectives} 个目标、{checkins} 次周度更新",
    ),
    "cli.restored_backup": (
        "; the previous store is backed up at {path}",
        "；原来的数据已备份到 {path}",
    ),
    # okr backups
    "cli.no_backups": (
        "No backups of {path} yet: one is made before every `okr restore` and on the "
        "first save of each day.",
        "{path} 还没有备份：每次 `okr restore` 之前和每天第一次保存时都会备份一次。",
    ),
    "cli.backups_head": (
        "Backups of {path}, newest first (the newest {keep} are kept):",
        "{path} 的备份，最新的在前（保留最新的 {keep} 个）：",
    ),
    "cli.backups_how": (
        "Restore one with `okr restore FILE`; the current store is backed up first, "
        "so a restore can itself be undone.",
        "用 `okr restore FILE` 恢复其中一个；恢复前会先备份当前数据，所以恢复本身也可撤销。",
    ),
    "cli.backup_reason.daily": ("daily", "每日"),
    "cli.backup_reason.restore": ("restore", "恢复前"),
    "cli.backup_reason.migrate": ("migrate-v{n}", "迁移 v{n}"),
}
