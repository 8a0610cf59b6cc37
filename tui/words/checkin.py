"""Words of the check-in walkthrough (screens/checkin*.py)."""

WORDS = {
    # keys (footer and command palette)
    "key.ck_save": ("Save", "保存"),
    "key.ck_leave": ("Leave", "离开"),
    "key.ck_next": ("Next", "下一页"),
    "key.ck_prev": ("Back", "上一页"),
    "key.ck_add": ("New E-item", "加事项"),
    "key.ck_review": ("Review", "总览"),
    "key.ck_accept": ("Keep, next", "不变，下一项"),
    "key.ck_toggle": ("Done/not", "完成/未完成"),
    "key.ck_add_ok": ("Add", "添加"),
    # the page frame
    "checkin.head": ("{title} · {week}", "{title} · {week}"),
    "checkin.page_of": ("page {n}/{total}", "第 {n}/{total} 页"),
    "checkin.kr_label": ("KR{n}", "KR{n}"),
    "checkin.item_label": ("E-item of KR{n}", "KR{n} 的执行事项"),
    "checkin.item_new": ("(new this week)", "（本周新增）"),
    "checkin.item_inactive": ("(dropped earlier)", "（之前已放弃）"),
    "checkin.note_title": ("The week", "本周小结"),
    "checkin.note_hint": (
        "Wins, problems, asks for the manager. enter: new line · PgDn / ctrl+n: review",
        "亮点、问题、需要经理支持的事。回车换行 · PgDn / ctrl+n 去总览",
    ),
    "checkin.note_placeholder": (
        "Win: ...  Problem: ...  Ask: ...",
        "亮点：……  问题：……  请求：……",
    ),
    "checkin.review_title": ("Review before saving", "保存前总览"),
    "checkin.review_hint": (
        "enter or ctrl+s saves; PgUp/ctrl+b goes back to change something.",
        "回车或 ctrl+s 保存；PgUp/ctrl+b 返回修改。",
    ),
    # KR page
    "checkin.target": ("Target {start} → {target} {unit}", "目标 {start} → {target} {unit}"),
    "checkin.target_unknown": (
        "Target unknown (set it in the editor)",
        "目标未定（请在编辑器中设定）",
    ),
    "checkin.milestone": ("Milestone: done or not done", "里程碑：完成或未完成"),
    "checkin.pace": ("pace: {value} by now ({pct})", "进度线：此时应到 {value}（{pct}）"),
    "checkin.pace_unknown": ("pace: {pct} of the period", "进度线：周期已过 {pct}"),
    "checkin.pace_milestone": (
        "due by {end} ({pct} of the period gone)",
        "截止 {end}（周期已过 {pct}）",
    ),
    "checkin.last": (
        "Last check-in {week}: {value} · confidence {confidence}",
        "上次周检 {week}：{value} · 信心 {confidence}",
    ),
    "checkin.no_last": ("No earlier check-in.", "没有更早的周检。"),
    "checkin.field.value": ("Value", "当前值"),
    "checkin.field.milestone": ("Done?", "完成了吗"),
    "checkin.field.confidence": ("Confidence", "信心"),
    "checkin.field.confidence_range": ("Confidence (0-10)", "信心（0-10）"),
    "checkin.field.note": ("Note", "备注"),
    "checkin.ph.value": ("a number, e.g. 21, 2.5k, 10w", "数字，如 21、2.5k、10w"),
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
    "checkin.field.progress": ("What happened", "进展"),
    "checkin.field.adjustment": ("What we adjust", "调整"),
    "checkin.ph.progress": ("what happened this week", "本周发生了什么"),
    "checkin.ph.adjustment": ("what changes next week", "下周怎么调整"),
    "checkin.planned": ("You planned: {text}", "上次计划：{text}"),
    "checkin.planned_none": ("No adjustment was planned last time.", "上次没有计划调整。"),
    "checkin.picker_keys": (
        "press a key to set the status; enter keeps it and moves on",
        "按键设定状态；回车保持不变并进入下一项",
    ),
    # review
    "checkin.review.value": ("{value} / {target} {unit}", "{value} / {target} {unit}"),
    "checkin.review.conf": ("conf {n}", "信心 {n}"),
    "checkin.review.happened": ("happened: {text}", "进展：{text}"),
    "checkin.review.adjust": ("adjust: {text}", "调整：{text}"),
    "checkin.review.note": ("Week note", "本周小结"),
    "checkin.review.no_note": ("(no week note)", "（没有本周小结）"),
    "checkin.review.added": ("(new)", "（新增）"),
    "checkin.review.problems": ("Not saved yet — fix first:", "还不能保存，请先修正："),
    # add-item dialog
    "checkin.add.title": ("New E-item for {kr}", "为 {kr} 新增执行事项"),
    "checkin.add.placeholder": ("what will you do?", "要做什么？"),
    "checkin.add.hint": ("enter adds it · escape cancels", "回车添加 · Esc 取消"),
    "checkin.add.none": ("Open a KR or E-item page to add an item.", "请在 KR 或事项页添加事项。"),
    # messages
    "checkin.err.number": ("not a number", "不是数字"),
    "checkin.err.confidence": ("not a whole number 0-10", "应为 0-10 的整数"),
    "checkin.err.hold": (
        "Not saved: {field} of {kr} is {problem}.",
        "未保存：{kr} 的{field}{problem}。",
    ),
    "checkin.saved": ("Check-in {week} saved.", "{week} 的周检已保存。"),
    "checkin.saved_next": (
        "Check-in {week} saved; next objective.",
        "{week} 的周检已保存；下一个目标。",
    ),
    "checkin.resumed": (
        "Resumed your draft of {week}: nothing typed was lost.",
        "已恢复 {week} 的草稿：输入的内容都在。",
    ),
    "checkin.editing_saved": (
        "Editing the saved check-in of {week}.",
        "正在编辑 {week} 已保存的周检。",
    ),
    "checkin.kept_draft": (
        "Draft kept; it opens again next time.",
        "草稿已保留，下次打开会继续。",
    ),
    "checkin.no_objective": ("That objective no longer exists.", "这个目标已不存在。"),
    "checkin.save_failed": ("Not saved: {error}", "未保存：{error}"),
    "checkin.conflict": (
        "Another copy of okr-checkin saved {week} while you were typing. Save yours "
        "with their notes kept beside yours (marked ‖), or not yet?",
        "在你输入时，另一个 okr-checkin 已保存了 {week}。保存你的版本并保留对方的备注"
        "（以 ‖ 分隔），还是暂不保存？",
    ),
    "checkin.changed_elsewhere": (
        "Another copy of okr-checkin just saved {week}; saving yours will keep both texts.",
        "另一个 okr-checkin 刚保存了 {week}；保存时会同时保留双方的内容。",
    ),
    "checkin.conflict_merge": ("Save both", "一并保存"),
    "checkin.conflict_wait": ("Not yet", "暂不保存"),
    "checkin.conflict_kept": (
        "Not saved; yours is kept as a draft, and theirs is in the history (h on home).",
        "未保存；你的内容已存为草稿，对方的版本可在历史中查看（主页按 h）。",
    ),
    "checkin.draft_failed": ("Draft not kept: {error}", "草稿未能保存：{error}"),
}
