"""Words of the close screen (screens/close.py)."""

WORDS = {
    "close.key.close": ("Close period", "结束周期"),
    "close.sub": ("close the period", "结束周期"),
    "close.head": ("Close: {title} · {start} – {end}", "结束周期：{title} · {start} 至 {end}"),
    "close.grades_hint": (
        "Grades: empty is the score; your own 0.0-1.0 needs a reason",
        "评分：留空即为得分；自评 0.0-1.0 需写明理由",
    ),
    "close.facts": ("final value {final} · score {score}", "最终值 {final} · 得分 {score}"),
    "close.facts_unscored": (
        "final value {final} · no score (target unknown): grade it yourself or leave it",
        "最终值 {final} · 无法计算得分（目标值未定）：可自评，或留空不评分",
    ),
    "close.no_value": ("none recorded", "未记录"),
    "close.ph.reason": ("reason for your own grade", "自评理由"),
    "close.ph.went_well": ("what went well", "做得好的"),
    "close.ph.went_badly": ("what did not go well", "做得不好的"),
    "close.ph.learned": ("what we learned", "学到的"),
    "close.bad_grade": ("“{text}” is not a grade 0.0-1.0", "“{text}”不是 0.0-1.0 之间的评分"),
    "close.needs_reason": (
        "A grade other than the score needs a reason",
        "评分与得分不同时需写明理由",
    ),
    "close.unscored": (
        "No score to keep: give a grade with the reason",
        "没有可用的得分：请在写理由的同时给出评分",
    ),
    "close.done": ("Closed {title}.", "已结束周期：{title}。"),
    "close.already": (
        "Closed on {date}; `okr close {id} --reopen` opens it again.",
        "已于 {date} 结束；`okr close {id} --reopen` 可重新打开。",
    ),
    "close.leave_question": (
        "Leave without closing? What you typed is not kept.",
        "不结束周期就离开？已输入的内容不会保存。",
    ),
    "close.leave_yes": ("Leave", "离开"),
    "close.leave_no": ("Stay", "留下"),
}
