"""Words of the check-in as a text form (tui/checkin_text.py: ``okr checkin --editor``).

The field labels and the status words are read back in either language (a form written
in English can be filled in Chinese and the other way round).
"""

WORDS = {
    # the field labels (the part before the colon)
    "form.label.value": ("value", "当前值"),
    "form.label.done": ("done", "完成"),
    "form.label.confidence": ("confidence", "信心指数"),
    "form.label.note": ("note", "备注"),
    "form.label.status": ("status", "状态"),
    "form.label.happened": ("happened", "进展"),
    "form.label.adjust": ("adjust", "调整"),
    "form.label.week_note": ("week note", "本周小结"),
    "form.yes": ("yes", "是"),
    "form.no": ("no", "否"),
    # the comments at the top
    "form.intro": (
        "okr-checkin: the check-in of {week} ({monday} – {sunday}), as a text form.\n"
        "Fill in what follows each colon, save and quit the editor: the week is saved.\n"
        "Lines starting with # are comments. An unchanged or empty file saves nothing;\n"
        "what you type is kept as this week's draft (the app resumes it too).",
        "okr-checkin：{week}（{monday} – {sunday}）的周度更新，文本表单。\n"
        "在每个冒号后填写，保存并退出编辑器即保存本周周度更新。\n"
        "以 # 开头的行是注释。文件未改动或为空时不保存任何内容；\n"
        "输入的内容会存为本周草稿（应用里也会接着用）。",
    ),
    "form.help.value": (
        "value       a number as you would type it: 21, 1,500, 2.5k, 10w, 45%; empty: not measured",
        "当前值      数字，照常输入即可：21、1,500、2.5k、10w、45%；留空表示未测量",
    ),
    "form.help.done": ("done        a milestone: yes or no", "完成        里程碑：是 或 否"),
    "form.help.confidence": (
        "confidence  0-10 (0-3 low, 4-7 some doubt, 8-10 confident); empty: none",
        "信心指数    0-10（0-3 低，4-7 有疑虑，8-10 有把握）；留空表示不填",
    ),
    "form.help.status": (
        "status      not started, on track, at risk, off track, done, dropped",
        "状态        未开始、正常、有风险、严重滞后、已完成、已取消",
    ),
    "form.help.texts": (
        "happened    what happened this week; adjust: what changes next week",
        "进展        本周发生了什么；调整：下周怎么调整",
    ),
    "form.help.new": (
        "A new E-item: a line [E +] with its title under its KR, then its status lines.",
        "新增执行项：在所属 KR 下加一行 [E +] 和执行项名称，再写它的状态等行。",
    ),
    # comments inside the form
    "form.objective": ("period {start} – {end}", "周期 {start} – {end}"),
    "form.measure": ("{measure}", "{measure}"),
    "form.path": ("on the linear path now: {value}", "按线性进度此时应到 {value}"),
    "form.last_kr": (
        "{week}: {value}, confidence {confidence}",
        "{week}：{value}，信心指数 {confidence}",
    ),
    "form.last_note": ("note then: {text}", "当时备注：{text}"),
    "form.no_last": ("no earlier check-in", "没有更早的周度更新"),
    "form.last_item": ("{week}: {status}", "{week}：{status}"),
    "form.planned": ("you planned: {text}", "上次计划：{text}"),
    "form.planned_none": ("no adjustment was planned last time", "上次没有计划调整"),
    "form.item_new": ("new this week", "本周新增"),
    "form.item_inactive": ("dropped earlier", "之前已取消"),
    "form.note_help": (
        "The week: wins, problems, asks for the manager (as many lines as you like).",
        "本周小结：亮点、问题、需要经理支持的事（可以写多行）。",
    ),
    "form.resumed": (
        "Resumed from your draft of {week}: nothing typed was lost.",
        "已从 {week} 的草稿恢复：输入的内容都在。",
    ),
    # errors, written as comments at the offending line (and by --from, with the line)
    "form.errors_head": (
        "Not saved yet: fix the lines marked below, or empty the file to stop (the text is kept as the draft).",
        "还未保存：请修正下面标出的行，或清空文件以放弃（内容会存为草稿）。",
    ),
    "form.err.field": ("{kr}: {field} is {problem}", "{kr}：{field}{problem}"),
    "form.err.done": ("{kr}: done is yes or no", "{kr}：完成 只能填 是 或 否"),
    "form.err.status": (
        "not a status: {text!r}; write not started, on track, at risk, off track, done or dropped",
        "不是状态：{text!r}；请填 未开始、正常、有风险、严重滞后、已完成 或 已取消",
    ),
    "form.err.unknown_line": (
        "not understood: expected a field like \u201cvalue: 21\u201d or a [KR] / [E] line",
        "无法理解：应为 \u201c当前值：21\u201d 这样的字段，或 [KR] / [E] 行",
    ),
    "form.err.field_here": (
        "{field} does not belong here ({where})",
        "{field} 不属于这里（{where}）",
    ),
    "form.err.outside": (
        "this line is outside any KR or E-item block",
        "这一行不在任何 KR 或执行项块内",
    ),
    "form.err.no_objective": (
        "start with a line [O <objective id> <week>] (okr checkin --print writes one)",
        "请以 [O <目标 id> <周>] 这样的一行开始（okr checkin --print 会写出）",
    ),
    "form.err.objective": ("there is no objective {id}", "没有目标 {id}"),
    "form.err.week": (
        "not an ISO week like 2026-W41: {week}",
        "不是 2026-W41 这样的 ISO 周：{week}",
    ),
    "form.err.kr": ("this objective has no key result {kr}", "这个目标没有关键结果 {kr}"),
    "form.err.item": ("KR{n} has no E-item {item}", "KR{n} 没有执行项 {item}"),
    "form.err.new_title": (
        "a new E-item needs a title: [E +] its title",
        "新增执行项需要名称：[E +] 名称",
    ),
    "form.err.header": ("not a header: {text}", "无法识别的标题行：{text}"),
    "form.err.line": ("line {n}: {message}", "第 {n} 行：{message}"),
    # what the command says
    "form.saved": ("Check-in {week} of {title} saved.", "{title} 的 {week} 周度更新已保存。"),
    "form.unchanged": (
        "The form was not changed: nothing saved for {title}.",
        "表单没有改动：{title} 没有保存任何内容。",
    ),
    "form.unchanged_draft": (
        "The form was not changed: nothing saved for {title}; your draft of {week} is kept.",
        "表单没有改动：{title} 没有保存任何内容；{week} 的草稿已保留。",
    ),
    "form.empty": (
        "The file was empty: nothing saved for {title}.",
        "文件为空：{title} 没有保存任何内容。",
    ),
    "form.empty_draft": (
        "The file was empty: nothing saved for {title}; your draft of {week} is kept.",
        "文件为空：{title} 没有保存任何内容；{week} 的草稿已保留。",
    ),
    "form.editor_failed": (
        "the editor {editor} exited with status {status}: nothing saved{kept}.",
        "编辑器 {editor} 以状态 {status} 退出：没有保存{kept}。",
    ),
    "form.kept": (
        "; what you typed is kept as the draft of {week}",
        "；输入的内容已存为 {week} 的草稿",
    ),
    "form.no_editor": (
        "cannot run the editor {editor!r}: {reason}; set $VISUAL or $EDITOR.",
        "无法运行编辑器 {editor!r}：{reason}；请设置 $VISUAL 或 $EDITOR。",
    ),
    "form.bad_editor": (
        "$VISUAL / $EDITOR is not a command line: {reason}.",
        "$VISUAL / $EDITOR 不是有效的命令行：{reason}。",
    ),
    "form.not_saved": (
        "not saved: {count} problem(s) in {name}; the text is kept as the draft of {week}:",
        "未保存：{name} 中有 {count} 处问题；内容已存为 {week} 的草稿：",
    ),
    "form.conflict": (
        "the check-in of {week} was saved by another copy of okr-checkin meanwhile; yours is "
        "kept as the draft (open it with `okr checkin --week {week}` to save both).",
        "在此期间另一个 okr-checkin 已保存了 {week} 的周度更新；你的内容已存为草稿"
        "（用 `okr checkin --week {week}` 打开即可一并保存）。",
    ),
    "form.nothing_due": (
        "no objective is due in {week}; name one with --objective ID.",
        "{week} 没有需要周度更新的目标；请用 --objective ID 指定。",
    ),
    "form.from_with_editor": (
        "--from reads a filled-in form: it does not go with --editor or --print.",
        "--from 读取已填好的表单，不能与 --editor 或 --print 同用。",
    ),
}
