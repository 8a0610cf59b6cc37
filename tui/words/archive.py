"""Words of ``okr archive``."""

WORDS = {
    "archive.nothing": (
        "No period ended before {month}: nothing to archive.",
        "没有在 {month} 之前结束的周期：无需归档。",
    ),
    "archive.would": (
        "Would move {objectives} objective(s), {checkins} check-in(s) and {meetings} "
        "one-on-one(s) from before {month} into {path}.",
        "将把 {month} 之前的 {objectives} 个目标、{checkins} 次周度更新和 {meetings} 次一对一移入 {path}。",
    ),
    "archive.done": (
        "Moved {objectives} objective(s), {checkins} check-in(s) and {meetings} one-on-one(s) "
        "from before {month} into {path}; the store went from {before} to {after}.",
        "已把 {month} 之前的 {objectives} 个目标、{checkins} 次周度更新和 {meetings} 次一对一移入 {path}；"
        "数据文件从 {before} 减小到 {after}。",
    ),
    "archive.how": (
        "Its summaries: okr --data DIR restore {path}, then okr --data DIR summary --month YYYY-MM.",
        "查看其中的总结：okr --data 目录 restore {path}，再运行 okr --data 目录 summary --month YYYY-MM。",
    ),
}
