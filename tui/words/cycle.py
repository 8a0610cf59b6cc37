"""Words of the OKR cycle: closing a period, rolling into the next, the summary of more
than a month (tui/report_cycle.py, tui/cli_cycle.py, screens/close.py, screens/rollover.py)."""

WORDS = {
    "cycle.closed": ("closed", "已结束"),
    # the grades and retrospective (the month summary's section, okr close's output)
    "cycle.section": ("8. Grades and retrospective", "8. 评分与复盘"),
    "cycle.closed_line": (
        "Closed on {date}. Objective grade {grade} (score {score}).",
        "已于 {date} 结束本周期。目标评分 {grade}（得分 {score}）。",
    ),
    "cycle.preview_line": (
        "Not closed yet. Objective grade {grade} (score {score}).",
        "尚未结束本周期。目标评分 {grade}（得分 {score}）。",
    ),
    "cycle.col.final": ("Final value", "最终值"),
    "cycle.col.score": ("Score", "得分"),
    "cycle.col.grade": ("Grade", "评分"),
    "cycle.col.reason": ("Reason", "理由"),
    "cycle.not_graded": ("not graded", "未评分"),
    "cycle.retrospective": ("Retrospective", "复盘"),
    "cycle.went_well": ("What went well", "做得好的"),
    "cycle.went_badly": ("What did not", "做得不好的"),
    "cycle.learned": ("What we learned", "学到的"),
    "cycle.calibration": ("Confidence calibration", "信心校准"),
    "cycle.calibration_hint": (
        "A confidence c in a check-in said “c in 10 that the key result reaches its target "
        "by the end of the period”. Brier score: 0 is perfect, 0.25 is always saying 5.",
        "周度更新中的信心指数 c 表示“本关键结果在周期结束前达成目标值的把握为 c/10”。"
        "Brier 分数：0 为完美，始终填 5 为 0.25。",
    ),
    "cycle.all_krs": ("All key results", "全部关键结果"),
    "cycle.forecast": (
        "{label}: Brier score {brier} over {count} check-ins; mean confidence {forecast} "
        "against {outcome} reached: {verdict}.",
        "{label}：{count} 次周度更新的 Brier 分数 {brier}；平均信心指数 {forecast}，"
        "实际达成 {outcome}：{verdict}。",
    ),
    "cycle.no_forecast": ("{label}: no confidence recorded.", "{label}：没有记录信心指数。"),
    "cycle.verdict.well_calibrated": ("well calibrated", "校准良好"),
    "cycle.verdict.over_confident": ("over-confident", "过于自信"),
    "cycle.verdict.under_confident": ("under-confident", "信心不足"),
    "cycle.close_title": ("Closed: {title}", "已结束周期：{title}"),
    "cycle.period": ("Period {start} to {end}.", "周期 {start} 至 {end}。"),
    "cycle.next_hint": (
        "Roll it into the next period with `okr next {id}`; `okr close {id} --reopen` undoes the close.",
        "用 `okr next {id}` 进入下一周期；`okr close {id} --reopen` 可撤销结束。",
    ),
    "cycle.reopened": ("reopened {title}: it is open again.", "已重新打开 {title}。"),
    # okr next
    "cycle.created": (
        "Created {title} [{id}], {start} to {end}, continuing {old}.",
        "已创建 {title} [{id}]，{start} 至 {end}，接续 {old}。",
    ),
    "cycle.kept": ("Key results", "关键结果"),
    "cycle.mode.cumulative": ("cumulative", "累计"),
    "cycle.mode.per_period": ("per period", "按周期"),
    "cycle.kr_line": ("{label} {title}: {measure}", "{label} {title}：{measure}"),
    "cycle.dropped_krs": ("Key results dropped", "取消的关键结果"),
    "cycle.reached": ("reached its target", "已达成目标"),
    "cycle.not_kept": ("dropped", "已取消"),
    "cycle.carried": (
        "E-items carried, with their last status",
        "带入的执行项（及其最后状态）",
    ),
    "cycle.you_planned": ("you planned: {text}", "上次计划：{text}"),
    "cycle.no_status": ("no status yet", "尚无状态"),
    "cycle.left": ("E-items not carried (done or dropped)", "未带入的执行项（已完成或已取消）"),
    "cycle.orphans_dropped": (
        "Open E-items of dropped key results, dropped (move them in the rollover screen "
        "instead: `okr next` without --yes)",
        "所属关键结果已取消的进行中执行项，已一并取消（如需移到其他关键结果，"
        "请用不带 --yes 的 `okr next`）",
    ),
    "cycle.items_dropped": ("E-items dropped", "取消的执行项"),
    "cycle.moved_to": ("moved to {label}", "移到 {label}"),
    "cycle.target_asked": (
        "Target unknown: {krs}; give it in the editor (e on home).",
        "目标值未定：{krs}；请在编辑器中填写（首页按 e）。",
    ),
    "cycle.none": ("none", "无"),
    # the summary of more than a month
    "cycle.span.title": ("OKR summary: {span}", "OKR 总结：{span}"),
    "cycle.span.quarter": ("Q{q} {year}", "{year}年第{q}季度"),
    "cycle.span.months": ("{first} to {last}", "{first}至{last}"),
    "cycle.span.none": ("No objective covers {span}.", "{span}没有目标。"),
    "cycle.span.s1": ("1. Bottom line", "1. 结论"),
    "cycle.span.s2": ("2. Key results, period by period", "2. 各周期关键结果"),
    "cycle.span.s3": ("3. Retrospectives and calibration", "3. 复盘与信心校准"),
    "cycle.span.s4": ("4. E-items", "4. 执行项"),
    "cycle.span.s5": ("5. Asks and week notes", "5. 求助与每周备注"),
    "cycle.span.line": (
        "Periods closed: {closed} of {periods}. Mean grade {grade}; mean score {score}; "
        "key results that reached their target: {reached} of {scored}.",
        "已结束周期：{closed}/{periods}。平均评分 {grade}；平均得分 {score}；"
        "达成目标值的关键结果：{reached}/{scored}。",
    ),
    "cycle.span.latest": ("{month}: {verdict}.", "{month}：{verdict}。"),
    "cycle.span.cell_hint": (
        "Each period: final value · score · grade (— not graded).",
        "每个周期：最终值 · 得分 · 评分（— 表示未评分）。",
    ),
    "cycle.span.closed": ("closed {date}, grade {grade}", "{date} 结束，评分 {grade}"),
    "cycle.span.open": ("not closed", "未结束"),
    "cycle.span.carried": ("Carried", "带入"),
    "cycle.span.added": ("Added", "新增"),
    "cycle.span.finished": ("Finished", "完成"),
    "cycle.span.dropped": ("Dropped", "取消"),
    "cycle.span.left": ("Left at the rollover", "未带入下一周期"),
    "cycle.span.no_asks": ("No week notes.", "没有每周备注。"),
    # the command line's own sentences
    "cycle.cli.no_objective": (
        "there is no objective {id}; `okr list` shows their ids.",
        "没有目标 {id}；`okr list` 会列出各目标的 id。",
    ),
    "cycle.cli.which_close": (
        "name the objective to close: {ids} (`okr list` shows them).",
        "请指明要结束的目标：{ids}（`okr list` 会列出）。",
    ),
    "cycle.cli.which_next": (
        "name the objective to roll over: {ids} (`okr list` shows them).",
        "请指明要进入下一周期的目标：{ids}（`okr list` 会列出）。",
    ),
    "cycle.cli.nothing_to_close": (
        "no objective is ready to close (its last week has not begun); name one to close it anyway.",
        "没有可以结束的目标（最后一周尚未开始）；如仍要结束，请指明目标。",
    ),
    "cycle.cli.nothing_to_roll": (
        "no objective is ready to roll over; name one to roll it over anyway.",
        "没有可以进入下一周期的目标；如仍要进入，请指明目标。",
    ),
    "cycle.cli.already_closed": (
        "{title} was closed on {date}; `okr close {id} --reopen` opens it again.",
        "{title} 已于 {date} 结束；`okr close {id} --reopen` 可重新打开。",
    ),
    "cycle.cli.not_closed": ("{title} is not closed.", "{title} 尚未结束。"),
    "cycle.cli.already_next": (
        "{title} already continues in {next} [{id}].",
        "{title} 已由 {next} [{id}] 接续。",
    ),
    "cycle.cli.bad_pair": ("expected KR=VALUE, got {value!r}.", "应为 KR=值，而不是 {value!r}。"),
    "cycle.cli.bad_grade": (
        "the grade of {kr} must be a number from 0.0 to 1.0, not {value!r}.",
        "{kr} 的评分须为 0.0 到 1.0 之间的数，而不是 {value!r}。",
    ),
    "cycle.cli.bad_quarter": (
        "{value!r} is not a quarter like 2026-Q4.",
        "{value!r} 不是形如 2026-Q4 的季度。",
    ),
    "cycle.cli.span_or_month": (
        "give --quarter, or --from and --to, or --month: one of them.",
        "请只给出 --quarter、--from/--to 或 --month 其中之一。",
    ),
    "cycle.cli.from_to": ("--from and --to go together.", "--from 和 --to 须同时给出。"),
    "cycle.cli.to_before_from": ("--to is before --from.", "--to 早于 --from。"),
    # keys of other screens for the cycle (screens/home.py, screens/history.py)
    "key.close": ("Close period", "结束周期"),
    "key.next": ("Next period", "下一周期"),
    "history.key.prev_period": ("Period before", "上一周期"),
    "history.key.next_period": ("Period after", "下一周期"),
    "help.section.close": ("Close a period", "结束周期"),
    "help.section.rollover": ("Roll into the next period", "进入下一周期"),
    "rollover.key.choose_prev": ("Previous choice", "上一个选项"),
    "rollover.key.choose_next": ("Next choice", "下一个选项"),
}
