"""Words of the OKR editor, the paste box and the small dialogs."""

WORDS = {
    # dialogs
    "dialog.key.yes": ("Yes", "是"),
    "dialog.key.no": ("No", "否"),
    "dialog.not_a_number": ("Expected a number", "请输入数字"),
    # editor keys
    "editor.key.add_kr": ("New KR", "新建 KR"),
    "editor.key.add_item": ("New E-item", "新建执行项"),
    "editor.key.delete": ("Delete", "删除"),
    "editor.key.toggle_active": ("Active", "启用/停用"),
    "editor.key.archive": ("Archive", "归档"),
    "editor.key.move": ("Move", "移动"),
    "editor.key.move.help": ("Move up", "上移"),
    "editor.key.move_down": ("Move down", "下移"),
    # editor form
    "editor.sub.new": ("New objective", "新建目标"),
    "editor.sub.edit": ("Edit objective", "编辑目标"),
    "editor.unsaved": ("unsaved", "未保存"),
    "editor.objective": ("Objective", "目标（O）"),
    "editor.kr_heading": ("Key result KR{n}", "关键结果 KR{n}"),
    "editor.item_heading": ("E-item of KR{n}", "KR{n} 的执行项（E）"),
    "editor.f.title": ("Title", "标题"),
    "editor.f.start_date": ("Starts", "开始日期"),
    "editor.f.end_date": ("Ends", "结束日期"),
    "editor.f.archived": ("Archived", "已归档"),
    "editor.f.kind": ("Kind", "类型"),
    "editor.f.start": ("Start", "起始值"),
    "editor.f.target": ("Target", "目标值"),
    "editor.f.unit": ("Unit", "单位"),
    "editor.f.weight": ("Weight", "权重"),
    "editor.f.active": ("Active", "启用"),
    "editor.optional": ("optional", "可选"),
    "editor.unknown": ("empty = unknown", "留空 = 未定"),
    "editor.untitled": ("(no title)", "（无标题）"),
    "editor.inactive": ("inactive", "已停用"),
    "editor.added": ("Added in {week}", "加入于 {week}"),
    "editor.hint.objective": (
        "k adds a KR (in the outline); ctrl+s saves.",
        "在左侧大纲按 k 添加 KR；ctrl+s 保存。",
    ),
    "editor.hint.kr": (
        "e adds an E-item to this KR; alt+↑↓ moves it.",
        "按 e 为此 KR 添加执行项；alt+↑↓ 移动。",
    ),
    "editor.hint.item": (
        "An inactive E-item stays in history; t toggles it.",
        "停用的执行项保留在历史中；按 t 切换。",
    ),
    # editor messages
    "editor.err.required": ("Enter a title", "请填写标题"),
    "editor.err.date": ("Expected a date YYYY-MM-DD", "请输入日期 YYYY-MM-DD"),
    "editor.err.end_before_start": ("The period ends before it starts", "结束日期早于开始日期"),
    "editor.err.number": ("Expected a number", "请输入数字"),
    "editor.err.too_large": ("Too large: at most 10^15", "数字太大：最大 10^15"),
    "editor.err.target_equals_start": (
        "The target must differ from the start",
        "目标值不能等于起始值",
    ),
    "editor.err.weight": ("Expected a number above 0", "权重须大于 0"),
    "editor.err.unit_long": ("At most {n} characters", "最多 {n} 个字符"),
    "editor.fix_first": ("Not saved: fix the marked field first.", "未保存：请先修正标出的字段。"),
    "editor.not_saved": ("Not saved: {reason}", "未保存：{reason}"),
    "editor.saved": ("Saved.", "已保存。"),
    "editor.not_found": ("That objective no longer exists.", "该目标已不存在。"),
    "editor.need_kr": ("Add a KR first (k).", "请先添加一个 KR（k）。"),
    "editor.cannot_delete_kr": (
        "This KR has check-ins, so it stays; its history would be lost.",
        "此 KR 已有周度更新记录，不能删除，否则历史会丢失。",
    ),
    "editor.cannot_delete_item": (
        "This E-item has check-ins: make it inactive instead (t).",
        "此执行项已有周度更新记录：请改为停用（t）。",
    ),
    "editor.cannot_change_kind": (
        "This KR has check-ins, so its kind stays; they were measured in it.",
        "此 KR 已有周度更新记录，类型不能更改，否则历史会出错。",
    ),
    "editor.confirm_delete_kr": (
        "Delete the KR “{title}” and its E-items?",
        "删除 KR「{title}」及其执行项？",
    ),
    "editor.confirm_delete_item": ("Delete the E-item “{title}”?", "删除执行项「{title}」？"),
    "editor.confirm_discard": (
        "Leave the editor and discard the unsaved changes?",
        "离开编辑器并放弃未保存的修改？",
    ),
    "editor.discard": ("Discard", "放弃"),
    "editor.keep": ("Keep editing", "继续编辑"),
    "editor.archived_note": (
        "Archived: hidden from home once saved (ctrl+s).",
        "已归档：保存（ctrl+s）后不在首页显示。",
    ),
    "editor.unarchived_note": (
        "Not archived: shown on home once saved (ctrl+s).",
        "已取消归档：保存（ctrl+s）后在首页显示。",
    ),
}

WORDS |= {
    # the paste box
    "paste.key.create": ("Create", "创建"),
    "paste.restored": (
        "The text of an import that was not saved is back in the box.",
        "上次未保存的导入文本已放回输入框。",
    ),
    "paste.sub": ("Import O/KR/E text", "导入 O/KR/E 文本"),
    "paste.box": ("Paste O / KR / E lines", "粘贴 O / KR / E 文本"),
    "paste.month": ("Month", "月份"),
    "paste.err.month": ("Expected a month YYYY-MM", "请输入月份 YYYY-MM"),
    "paste.preview": ("Will create", "将创建"),
    "paste.empty": (
        "Paste lines like “O: …”, “KR1: …”, “E: …” on the left.",
        "在左侧粘贴“O: …”“KR1: …”“E: …”这样的文本。",
    ),
    "paste.nothing": ("Nothing to create yet.", "还没有可创建的内容。"),
    "paste.unknown": ("Targets still unknown: {n}", "尚未确定的目标值：{n} 个"),
    "paste.unknown_hint": (
        "Enter them below, or leave a field empty to keep it unknown.",
        "可在下方填写；留空则保持未定。",
    ),
    "paste.target_for": ("Target of KR{n}", "KR{n} 的目标值"),
    "paste.created": ("Created {n} objective(s).", "已创建 {n} 个目标。"),
    "paste.fix_first": (
        "Nothing created: fix the marked field first.",
        "未创建：请先修正标出的字段。",
    ),
    "paste.confirm_leave": (
        "Leave the import and drop the pasted text?",
        "离开导入并丢弃粘贴的文本？",
    ),
    "paste.leave": ("Leave", "离开"),
    "paste.stay": ("Stay", "留下"),
}
