"""Words shared by several screens and commands."""

WORDS = {
    "app.title": ("OKR check-in", "OKR 周度更新"),
    "status.not_started": ("not started", "未开始"),
    "status.on_track": ("on track", "正常"),
    "status.at_risk": ("at risk", "有风险"),
    "status.off_track": ("off track", "严重滞后"),
    "status.done": ("done", "已完成"),
    "status.dropped": ("dropped", "已取消"),
    "kind.number": ("number", "数值"),
    "kind.percent": ("percent", "百分比"),
    "kind.milestone": ("milestone", "里程碑"),
    "kind.stay_below": ("stay below", "保持低于"),
    "kind.stay_above": ("stay above", "保持高于"),
    "milestone.done": ("done", "已完成"),
    "milestone.open": ("not done", "未完成"),
    "target.unknown": ("target unknown", "目标值未定"),
    "week.done": ("checked in", "已更新"),
    "week.draft": ("draft", "草稿"),
    "week.due": ("due", "本周待更新"),
    "key.quit": ("Quit", "退出"),
    "key.back": ("Back", "返回"),
    "key.help": ("Help", "帮助"),
    "key.save": ("Save", "保存"),
    "key.cancel": ("Cancel", "取消"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "owner": ("owner", "负责人"),
    "score": ("score", "得分"),
    "confidence": ("confidence", "信心指数"),
}

WORDS |= {
    "list.empty": (
        "No objectives yet: import one with `okr import FILE`, or try `okr demo`.",
        "还没有目标：用 `okr import 文件` 导入一个，或试试 `okr demo`。",
    ),
    "list.archived": ("archived", "已归档"),
}

WORDS |= {
    "app.demo": ("demo, not saved", "演示，不保存"),
}

WORDS |= {
    # the one save path (screens/saving.py) and the app's last line of defence (tui/app.py)
    "save.failed": ("Not saved: {error}", "未保存：{error}"),
    "save.failed_kept": (
        "Not saved: {error} What you typed is still here and kept in {path}.",
        "未保存：{error} 已输入的内容仍在，并已另存到 {path}。",
    ),
    "save.failed_not_kept": (
        "Not saved: {error} Keep this screen open: what you typed could not be kept "
        "beside the store either ({reason}).",
        "未保存：{error} 请不要关闭此界面：已输入的内容也无法另存（{reason}）。",
    ),
    "save.conflict_refused": (
        "Another copy of okr-checkin saved this since it was opened; nothing was overwritten.",
        "另一个 okr-checkin 在此期间已保存了这里的内容；没有覆盖任何内容。",
    ),
    "app.stopped": ("okr-checkin stopped: {error}", "okr-checkin 已停止：{error}"),
    "app.stopped_bug": (
        "okr-checkin stopped on an unexpected error ({error}); the details are in {path}.",
        "okr-checkin 因意外错误停止（{error}）；详情见 {path}。",
    ),
    "app.kept": ("What you typed is kept in {path}.", "已输入的内容另存在 {path}。"),
}

WORDS |= {
    # how a level to hold reads (tui/format.py)
    "measure.stay_below": ("stay below {level}", "保持低于 {level}"),
    "measure.stay_above": ("stay above {level}", "保持高于 {level}"),
}
