"""Words of the check-in walkthrough (screens/checkin*.py).

The Chinese reads as a Chinese company's weekly OKR update: 周度更新 (the check-in),
目标值 (a target; 目标 is the Objective), 执行项 (an E-item), 信心指数, 提交前确认 (the
review), 按时间进度应达 (the linear pace); full-width punctuation （）：、，。
"""

WORDS = {
    # keys (footer and command palette)
    "key.ck_save": ("Save", "保存"),
    "key.ck_leave": ("Leave", "离开"),
    "key.ck_next": ("Next", "下一页"),
    "key.ck_prev": ("Back", "上一页"),
    "key.ck_add": ("New E-item", "新增执行项"),
    "key.ck_review": ("Review", "提交前确认"),
    "key.ck_accept": ("Keep, next", "不变，下一项"),
    "key.ck_toggle": ("Done/not", "完成/未完成"),
    "key.ck_add_ok": ("Add", "添加"),
    "key.ck_mine": ("Keep mine", "用我的"),
    "key.ck_theirs": ("Take theirs", "用对方的"),
    "key.ck_conflict_save": ("Save", "保存"),
    "key.ck_conflict_wait": ("Not yet", "暂不保存"),
    # the page frame
    "checkin.head": ("{title} · {week}", "{title} · {week}"),
    "checkin.page_of": ("page {n}/{total}", "第 {n}/{total} 页"),
    "checkin.kr_label": ("KR{n}", "KR{n}"),
    "checkin.item_label": ("E-item of KR{n}", "KR{n} 执行项"),
    "checkin.item_new": ("(new this week)", "（本周新增）"),
    "checkin.item_inactive": ("(dropped earlier)", "（之前已取消）"),
    "checkin.note_title": ("The week", "本周小结"),
    "checkin.note_hint": (
        "Wins, problems, asks for the manager. enter: new line · PgDn / ctrl+n: review",
        "亮点、问题、需要上级支持的事。回车换行 · PgDn / ctrl+n 提交前确认",
    ),
    "checkin.note_placeholder": (
        "Win: ...  Problem: ...  Ask: ...",
        "亮点：……  问题：……  所需支持：……",
    ),
    "checkin.review_title": ("Review before saving", "提交前确认"),
    "checkin.review_hint": (
        "enter / ctrl+s: save · PgUp / ctrl+b: back to change · ↑ ↓: scroll",
        "回车 / ctrl+s：保存 · PgUp / ctrl+b：返回修改 · ↑ ↓：滚动",
    ),
    # KR page
    "checkin.target": ("Target {measure}", "目标值 {measure}"),
    "checkin.level": ("Level to hold: {measure}", "需保持的水平：{measure}"),
    "checkin.milestone": ("Milestone: done or not done", "里程碑：完成或未完成"),
    "checkin.pace": ("pace: {value} by now ({pct})", "按时间进度应达 {value}（{pct}）"),
    "checkin.pace_unknown": ("{pct} of the period gone", "周期已过 {pct}"),
    "checkin.pace_milestone": (
        "due by {end} ({pct} of the period gone)",
        "截止 {end}（周期已过 {pct}）",
    ),
    "checkin.last": (
        "Last check-in {week}: {value} · confidence {confidence}",
        "上次更新 {week}：{value} · 信心指数 {confidence}",
    ),
    "checkin.no_last": ("No earlier check-in.", "没有更早的周度更新。"),
    "checkin.field.value": ("Value", "当前值"),
    "checkin.field.milestone": ("Done?", "是否完成"),
    "checkin.field.confidence": ("Confidence", "信心指数"),
    "checkin.field.confidence_range": ("Confidence (0-10)", "信心指数（0-10）"),
    "checkin.field.note": ("Note", "备注"),
    "checkin.field.start": ("Start", "起始值"),
    "checkin.field.target": ("Target", "目标值"),
    "checkin.field.level": ("Level to hold", "需保持的水平"),
    "checkin.start_hint": (
        "unknown: where it stood when the period began; enter skips",
        "未知：周期开始时的数值；回车跳过",
    ),
    "checkin.target_hint": (
        "unknown: type it, or enter to skip",
        "未定：在此填写，或回车跳过",
    ),
    "checkin.follows_start": (
        "The target follows the start ({change}) once the start is known.",
        "填写起始值后，目标值按起始值计算（{change}）。",
    ),
    "checkin.follows": (
        "Target from the start ({change}): {target}",
        "按起始值计算的目标值（{change}）：{target}",
    ),
    "checkin.held": ("this week's value holds it ({level})", "本周数值达标（{level}）"),
    "checkin.not_held": (
        "this week's value does not hold it ({level})",
        "本周数值未达标（{level}）",
    ),
    "checkin.ph.value": ("a number, e.g. 21, 2.5k, 10w", "数字，如 21、2.5k、10w、一万五"),
    "checkin.ph.confidence": ("0-10", "0-10"),
    "checkin.ph.note": ("one line: what moved it", "一句话：是什么带来了变化"),
    "checkin.was": ("last: {text}", "上次：{text}"),
    "checkin.was_status": ("last: ", "上次："),
    "checkin.was_none": ("last: —", "上次：—"),
    "checkin.toggle_done": ("[x] done", "[x] 已完成"),
    "checkin.toggle_open": ("[ ] not done", "[ ] 未完成"),
    "checkin.toggle_keys": ("space toggles · y / n", "空格切换 · y / n"),
    # E-item page
    "checkin.field.status": ("Status", "状态"),
    "checkin.field.progress": ("What happened", "本周进展"),
    "checkin.field.adjustment": ("What we adjust", "调整及原因"),
    "checkin.ph.progress": ("what happened this week", "本周做了什么、结果如何"),
    "checkin.ph.adjustment": ("what changes next week, and why", "下周如何调整、为什么"),
    "checkin.planned": ("You planned: {text}", "上次计划：{text}"),
    "checkin.planned_none": ("No adjustment was planned last time.", "上次没有计划调整。"),
    "checkin.picker_keys": (
        "press a key to set the status; enter keeps it and moves on",
        "按键设定状态；回车保持不变并进入下一项",
    ),
    # review
    "checkin.review.value": ("{value} / {target}", "{value} / {target}"),
    "checkin.review.conf": ("conf {n}", "信心指数 {n}"),
    "checkin.review.happened": ("happened: {text}", "进展：{text}"),
    "checkin.review.adjust": ("adjust: {text}", "调整：{text}"),
    "checkin.review.note": ("Week note", "本周小结"),
    "checkin.review.no_note": ("(no week note)", "（没有本周小结）"),
    "checkin.review.added": ("(new)", "（新增）"),
    "checkin.review.problems": ("Not saved yet — fix first:", "还不能保存，请先修正："),
    # add-item dialog
    "checkin.add.title": ("New E-item for {kr}", "为 {kr} 新增执行项"),
    "checkin.add.placeholder": ("what will you do?", "要做什么？"),
    "checkin.add.hint": ("enter adds it · escape cancels", "回车添加 · Esc 取消"),
    "checkin.add.none": (
        "Open a KR or E-item page to add an E-item.",
        "请在 KR 或执行项页面新增执行项。",
    ),
    # messages
    "checkin.err.number": ("not a number", "不是数字"),
    "checkin.err.too_large": ("too large", "数值过大"),
    "checkin.err.confidence": ("not a whole number 0-10", "应为 0-10 的整数"),
    "checkin.err.same": ("the same as the start", "与起始值相同"),
    "checkin.err.line": ("{field} of {kr}: {problem}", "{kr} 的{field}：{problem}"),
    "checkin.err.hold": (
        "Not saved: {field} of {kr} is {problem}.",
        "未保存：{kr} 的{field}{problem}。",
    ),
    "checkin.saved": ("Check-in {week} saved.", "{week} 的周度更新已保存。"),
    "checkin.saved_next": (
        "Check-in {week} saved; next objective.",
        "{week} 的周度更新已保存；下一个目标。",
    ),
    "checkin.resumed": (
        "Resumed your draft of {week}: nothing typed was lost.",
        "已恢复 {week} 的草稿：输入的内容都在。",
    ),
    "checkin.resumed_rescue": (
        "Resumed what you typed for {week}: it was kept beside the store when the store "
        "could not take it.",
        "已恢复 {week} 的输入内容：数据文件无法写入时，它被另存在数据文件旁。",
    ),
    "checkin.editing_saved": (
        "Editing the saved check-in of {week}.",
        "正在修改 {week} 已保存的周度更新。",
    ),
    "checkin.kept_draft": (
        "Draft kept; it opens again next time.",
        "草稿已保留，下次打开会继续。",
    ),
    "checkin.no_objective": ("That objective no longer exists.", "这个目标已不存在。"),
    "checkin.not_in_period": (
        "{week} is not in this objective's period ({start} – {end}): there is nothing to check in.",
        "{week} 不在该目标的周期内（{start} 至 {end}），无需周度更新。",
    ),
    "checkin.conflict": (
        "Another copy of okr-checkin saved {week} while you were typing.",
        "在你输入时，另一个 okr-checkin 已保存了 {week}。",
    ),
    "checkin.conflict_deleted": (
        "Another copy of okr-checkin deleted the check-in of {week} while you were typing. "
        "enter saves yours.",
        "在你输入时，另一个 okr-checkin 删除了 {week} 的周度更新。回车保存你的版本。",
    ),
    "checkin.conflict_hint": (
        "Pick each value: ↑ ↓ a line · ← or m keeps yours · → or t takes theirs · "
        "enter saves · escape: not yet",
        "逐项选择：↑ ↓ 选行 · ← 或 m 用我的 · → 或 t 用对方的 · 回车保存 · Esc 暂不保存",
    ),
    "checkin.conflict_same": (
        "Your values, confidences and statuses are the same as theirs.",
        "双方的数值、信心指数和状态一致。",
    ),
    "checkin.conflict_notes": (
        "The notes of both are kept, theirs after yours (marked {mark}).",
        "双方的备注都会保留，对方的接在你的后面（以 {mark} 分隔）。",
    ),
    "checkin.conflict.mine": ("Yours", "我的"),
    "checkin.conflict.theirs": ("Theirs", "对方的"),
    "checkin.conflict.value": ("KR{n} value", "KR{n} 当前值"),
    "checkin.conflict.confidence": ("KR{n} confidence", "KR{n} 信心指数"),
    "checkin.changed_elsewhere": (
        "Another copy of okr-checkin just saved {week}; when you save, you pick between "
        "its values and yours.",
        "另一个 okr-checkin 刚保存了 {week}；保存时可逐项选择用哪一方的数值。",
    ),
    "checkin.conflict_kept": (
        "Not saved; yours is kept as a draft, and theirs is in the history (h on home).",
        "未保存；你的内容已存为草稿，对方的版本可在历史中查看（主页按 h）。",
    ),
}

# The check-in's keys for the help screen (screens.checkin.HELP_KEYS pairs each with its
# keys: enter, tab, n o r x d -, arrows, y/n, PgDn/PgUp, ctrl+t, ctrl+r, ctrl+s, escape).
WORDS |= {
    "help.checkin.enter": (
        "next field (on a status: keep it and move on; on the review: save)",
        "下一项（在状态上：保持不变并进入下一项；在提交前确认页：保存）",
    ),
    "help.checkin.tab": ("next / previous field, across pages", "下一项 / 上一项（可跨页）"),
    "help.checkin.status": (
        "E-item status: not started, on track, at risk, off track, done, dropped; then "
        "the next field",
        "执行项状态：未开始、正常、有风险、严重滞后、已完成、已取消；随后进入下一项",
    ),
    "help.checkin.status_step": (
        "E-item status: step to the previous / next one",
        "执行项状态：切换到上一个 / 下一个",
    ),
    "help.checkin.milestone": (
        "milestone: done / not done and move on; space toggles",
        "里程碑：已完成 / 未完成并进入下一项；空格切换",
    ),
    "help.checkin.next": ("next page", "下一页"),
    "help.checkin.prev": ("previous page (its last field)", "上一页（回到其最后一项）"),
    "help.checkin.add": ("new E-item for this KR", "为当前 KR 新增执行项"),
    "help.checkin.review": ("review before saving", "提交前确认"),
    "help.checkin.chart": ("the chart of this page's KR", "本页 KR 的趋势图"),
    "help.checkin.arrows": (
        "scroll the review; choose a line when two saves differ",
        "滚动提交前确认页；双方保存不一致时选行",
    ),
    "help.checkin.save": ("save the week (one write)", "保存本周的周度更新"),
    "help.checkin.conflict": (
        "two saves of the same week: keep mine / take theirs",
        "同一周被保存了两次：用我的 / 用对方的",
    ),
    "help.checkin.leave": (
        "leave; what was typed is kept as a draft",
        "离开；已输入的内容保存为草稿",
    ),
}
