"""Words of the rollover screen (screens/rollover.py)."""

WORDS = {
    "rollover.key.create": ("Create", "创建"),
    "rollover.sub": ("roll into the next period", "进入下一周期"),
    "rollover.head": (
        "Next period of: {title} · {start} – {end}",
        "下一周期：{title} · {start} 至 {end}",
    ),
    "rollover.new": ("The new period", "新周期"),
    "rollover.period": ("Period", "周期"),
    "rollover.ph.title": ("the new objective's title", "新目标的标题"),
    "rollover.krs": (
        "Key results: keep or drop, cumulative or per period, title and target",
        "关键结果：保留或取消、累计或按周期、标题与目标值",
    ),
    "rollover.items": (
        "E-items still open: carry, drop or move",
        "进行中的执行项：带入、取消或移到其他关键结果",
    ),
    "rollover.keep": ("keep", "保留"),
    "rollover.drop": ("drop", "取消"),
    "rollover.carry": ("carry", "带入"),
    "rollover.start": ("start {start}", "起始值 {start}"),
    "rollover.target_unknown": ("target unknown: type it", "目标值未定：请填写"),
    "rollover.ph.kr_title": ("key result", "关键结果"),
    "rollover.title": ("Title", "标题"),
    "rollover.target": ("target", "目标值"),
    "rollover.bad_target": ("{kr}: “{text}” is not a number", "{kr}：“{text}”不是数字"),
    "rollover.too_early": (
        "The new period must start after {end}",
        "新周期须在 {end} 之后开始",
    ),
    "rollover.already": (
        "This objective already continues in {title}",
        "该目标已由 {title} 接续",
    ),
    "rollover.done": (
        "Created {title}, {start} – {end}: {krs} key results, {items} E-items carried.",
        "已创建 {title}，{start} 至 {end}：{krs} 个关键结果，带入 {items} 个执行项。",
    ),
    "rollover.leave_question": (
        "Leave without creating the next period?",
        "不创建下一周期就离开？",
    ),
}
