"""Words of the help screen."""

WORDS = {
    "help.sub": ("Help", "帮助"),
    "help.key.close": ("Close", "关闭"),
    "help.flow_title": ("The weekly flow", "每周流程"),
    "help.flow_1": (
        "Every Monday press c on home: for each KR give a value, a confidence (0-10) and a note, "
        "for each E-item its status, what happened and what changes; ctrl+s saves the week.",
        "每周一在首页按c：每个KR填数值、信心（0-10）和备注，每个执行项填状态、进展和调整；"
        "按ctrl+s保存本周。",
    ),
    "help.flow_2": (
        "In between: e edits the OKR, h shows the history (enter reopens a week), "
        "s writes the month summary, p prepares the one-on-one.",
        "平时：按e编辑OKR，按h查看历史（回车重新打开某一周），按s生成月度总结，按p准备一对一。",
    ),
    "help.section.home": ("Home", "首页"),
    "help.section.checkin": ("Check-in", "周检"),
    "help.section.editor": (
        "OKR editor (letter keys act on the outline on the left)",
        "OKR 编辑器（字母键作用于左侧大纲）",
    ),
    "help.section.paste": ("Import (paste box)", "导入（粘贴框）"),
    "help.section.history": ("History", "历史"),
    "help.section.summary": ("Month summary", "月度总结"),
    "help.section.prep": ("One-on-one prep", "一对一准备"),
    "help.section.help": ("Help", "帮助"),
    # The check-in's keys (screens.help.CHECKIN_KEYS); the check-in's own words may name
    # them too once its rework lands: then one copy goes.
    "help.checkin.enter": (
        "next field; on a page's last field, the next page; on the review, save the week",
        "下一个字段；在本页最后一个字段时到下一页；在提交前确认页保存本周",
    ),
    "help.checkin.tab": (
        "next / previous field, across pages",
        "下一个 / 上一个字段，可跨页",
    ),
    "help.checkin.next_page": (
        "next page (KR, its execution items, next KR, ..., week note, review)",
        "下一页（KR、其执行项、下一个 KR……周备注、提交前确认）",
    ),
    "help.checkin.prev_page": ("previous page", "上一页"),
    "help.checkin.milestone": (
        "milestone: done / not done, then the next field",
        "里程碑：已完成 / 未完成，然后到下一个字段",
    ),
    "help.checkin.space": (
        "milestone: switch between done and not done",
        "里程碑：在已完成和未完成之间切换",
    ),
    "help.checkin.status_keys": (
        "execution item's status: not started / on track / at risk / off track / done / dropped",
        "执行项状态：未开始 / 正常 / 有风险 / 严重滞后 / 已完成 / 已取消",
    ),
    "help.checkin.arrows": (
        "execution item's status: step through the statuses",
        "执行项状态：逐个切换状态",
    ),
    "help.checkin.add_item": (
        "add an execution item to this KR (asks for its title)",
        "为此 KR 新增执行项（会询问名称）",
    ),
    "help.checkin.review": ("go to the review page", "转到提交前确认页"),
    "help.checkin.save": (
        "save the week (one write), then home or the next objective",
        "保存本周（一次写入），然后回到首页或下一个目标",
    ),
    "help.checkin.leave": ("leave; the draft is kept", "离开；草稿会保留"),
}
