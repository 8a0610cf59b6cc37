"""Words of the help screen."""

WORDS = {
    "help.sub": ("Help", "帮助"),
    "help.key.close": ("Close", "关闭"),
    "help.flow_title": ("The weekly flow", "每周流程"),
    "help.flow_1": (
        "Every Monday press c on home: for each KR give a value, a confidence (0-10) and a note, "
        "for each E-item its status, what happened and what changes; ctrl+s saves the week.",
        "每周一在首页按 c：每个 KR 填数值、信心指数（0-10）和备注，每个执行项填状态、进展和调整；"
        "按 ctrl+s 保存本周。",
    ),
    "help.flow_2": (
        "In between: e edits the OKR, h shows the history (enter reopens a week), "
        "s writes the month summary, p prepares the one-on-one.",
        "平时：按 e 编辑 OKR，按 h 查看历史（回车重新打开某一周），按 s 生成月度总结，按 p 准备一对一。",
    ),
    "help.section.home": ("Home", "首页"),
    "help.section.checkin": ("Check-in", "周度更新"),
    "help.section.editor": (
        "OKR editor (letter keys act on the outline on the left)",
        "OKR 编辑器（字母键作用于左侧大纲）",
    ),
    "help.section.paste": ("Import (paste box)", "导入（粘贴框）"),
    "help.section.history": ("History", "历史"),
    "help.section.summary": ("Month summary", "月度总结"),
    "help.section.prep": ("One-on-one prep", "一对一准备"),
    "help.section.help": ("Help", "帮助"),
}
