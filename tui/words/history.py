"""Words of the history screen."""

WORDS = {
    "history.sub": ("History", "历史"),
    "history.key.open": ("Open week", "打开该周"),
    "history.week": ("Week", "周"),
    "history.item": ("E-item", "执行项"),
    "history.items_title": ("E-items week by week", "执行项逐周状态"),
    "history.missing": ("missing", "缺失"),
    "history.outside": ("outside the period", "不在周期内"),
    "history.no_weeks": ("No weeks in this period yet.", "本周期还没有任何一周。"),
    "history.no_checkin": (
        "No check-in this week. Enter makes it now.",
        "本周没有更新记录。按回车现在补上。",
    ),
    "history.no_item_checkins": ("Not in any check-in yet.", "还没有出现在任何周度更新中。"),
    "history.week_note": ("Week note:", "本周备注："),
    "history.happened": ("happened:", "进展："),
    "history.adjusted": ("adjust:", "调整："),
}
