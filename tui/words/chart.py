"""Words of a KR's chart (tui/chart.py, screens/chart.py, ``okr chart``)."""

WORDS = {
    "chart.value": ("value {value} ({week})", "当前值 {value}（{week}）"),
    "chart.no_values": ("no value checked in yet", "还没有周度更新数值"),
    "chart.path": ("linear path", "线性进度线"),
    "chart.target": ("target {target}", "目标值 {target}"),
    "chart.confidence": ("confidence 0-10", "信心指数 0-10"),
    "chart.no_weeks": ("No weeks to chart.", "没有可画的周。"),
    "chart.periods": ("{first} – {last} · {n} periods", "{first} – {last} · {n} 个周期"),
    # the app's chart screen
    "chart.sub": ("Chart", "趋势图"),
    "key.chart": ("Chart", "趋势图"),
    "key.chart_prev": ("Previous KR", "上一个 KR"),
    "key.chart_next": ("Next KR", "下一个 KR"),
    "chart.no_kr": ("That key result no longer exists.", "这个关键结果已不存在。"),
    "chart.no_krs": ("This objective has no key results to chart.", "这个目标没有可画的关键结果。"),
    # okr chart
    "chart.which_objective": (
        "several objectives are running: give --objective ID (`okr list` shows their ids).",
        "有多个进行中的目标：请用 --objective ID 指定（`okr list` 会列出各目标的 id）。",
    ),
    "chart.no_such_kr": (
        "{objective} has no key result {kr}; it has KR1 to KR{n}.",
        "{objective} 没有关键结果 {kr}；它有 KR1 到 KR{n}。",
    ),
    "chart.too_small": (
        "a chart needs at least {width} columns and {height} lines.",
        "趋势图至少需要 {width} 列、{height} 行。",
    ),
}
