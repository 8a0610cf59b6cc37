"""Words of the month summary, the one-on-one prep and ``okr due`` (tui.report, tui.cli_rollups)."""

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

WORDS = {
    **{f"report.month.{i + 1}": (name, f"{i + 1}月") for i, name in enumerate(_MONTHS)},
    "report.month_title": ("{name} {year}", "{year}年{name}"),
    "report.to_date": ("to date", "截至目前"),
    # the summary
    "report.summary.title": ("OKR summary: {month}", "OKR 月度总结：{month}"),
    "report.summary.none": (
        "No objective covers {month}.",
        "{month}没有进行中的目标。",
    ),
    "report.objective": ("Objective: {title}", "目标：{title}"),
    "report.owner": ("Owner: {owner}", "负责人：{owner}"),
    "report.period": (
        "Period {start} to {end}; figures as of {as_of}.",
        "周期 {start} 至 {end}；数据截至 {as_of}。",
    ),
    "report.s1": ("1. Bottom line", "1. 结论"),
    "report.s2": ("2. Key results", "2. 关键结果"),
    "report.s3": ("3. What was done", "3. 本月进展"),
    "report.s4": ("4. What we adjusted and why", "4. 调整及原因"),
    "report.s5": ("5. Risks and asks", "5. 风险与所需支持"),
    "report.s6": ("6. Check-in discipline", "6. 周度更新执行情况"),
    "report.s7": ("7. Next month", "7. 下月重点"),
    "report.s_meetings": ("One-on-ones this month", "本月一对一"),
    "report.score_line": (
        "Objective score {score} (expected {expected} on a linear path).",
        "目标得分 {score}（按时间进度应达 {expected}）。",
    ),
    "report.verdict.on_track": ("On track", "进展正常"),
    "report.verdict.at_risk": ("At risk", "有风险"),
    "report.verdict.off_track": ("Off track", "严重滞后"),
    "report.reason.score": (
        "score {score} against {expected} expected",
        "得分 {score}，按时间进度应达 {expected}",
    ),
    "report.reason.no_key_results": ("no key results", "没有关键结果"),
    "report.reason.no_checkin": ("no check-in this month", "本月没有周度更新"),
    "report.reason.target_unknown": (
        "{kr}: target unknown, left out of the score",
        "{kr}：目标值未定，不计入得分",
    ),
    "report.reason.start_unknown": (
        "{kr}: start unknown, left out of the score",
        "{kr}：起始值未定，不计入得分",
    ),
    "report.reason.low_confidence": (
        "{kr}: low confidence ({value}/10)",
        "{kr}：信心指数低（{value}/10）",
    ),
    "report.reason.behind_pace": (
        "{kr} behind pace ({value} vs {expected})",
        "{kr} 进度落后（{value}，按时间进度应达 {expected}）",
    ),
    "report.reason.item_risk": ("“{item}” {status}", "“{item}”{status}"),
    # the KR table
    "report.col.kr": ("Key result", "关键结果"),
    "report.col.values": ("Start → end", "月初 → 月末"),
    "report.col.before_now": ("Before → now", "之前 → 现在"),
    "report.col.target": ("Target", "目标值"),
    "report.col.progress": ("Progress", "进度"),
    "report.col.score": ("Score", "得分"),
    "report.col.change": ("Change", "变化"),
    "report.col.confidence": ("Confidence", "信心指数"),
    "report.col.pace": ("Pace", "进度状态"),
    "report.col.item": ("E-item", "执行项"),
    "report.pace.ahead": ("ahead", "超前"),
    "report.pace.on_track": ("on track", "正常"),
    "report.pace.behind": ("behind", "落后"),
    "report.status_path": ("Status by week", "每周状态"),
    "report.kr_note": ("Note on the key result", "关键结果备注"),
    "report.nothing": ("Nothing recorded.", "没有记录。"),
    "report.added": ("E-items added", "新增执行项"),
    "report.dropped": ("E-items dropped", "取消的执行项"),
    "report.finished": ("E-items finished", "完成的执行项"),
    "report.none": ("none", "无"),
    "report.risks": ("Risks", "风险"),
    "report.no_risks": ("No risks flagged.", "没有标记的风险。"),
    "report.risk.item_status": (
        "{kr} · “{item}” is {status} ({week})",
        "{kr} ·“{item}”{status}（{week}）",
    ),
    "report.risk.low_confidence": (
        "{kr} {title}: low confidence {value}/10",
        "{kr} {title}：信心指数低 {value}/10",
    ),
    "report.risk.behind_pace": (
        "{kr} {title}: behind pace, {value} against {expected} expected",
        "{kr} {title}：进度落后，{value}，按时间进度应达 {expected}",
    ),
    "report.risk.new": ("(new)", "（新）"),
    "report.week_notes": ("Week notes (wins, problems, asks)", "每周备注（亮点、问题、所需支持）"),
    "report.no_week_notes": ("No week notes.", "没有每周备注。"),
    "report.discipline": (
        "{checked} of {total} weeks checked in.",
        "{total} 周中已更新 {checked} 周。",
    ),
    "report.discipline_to_date": (
        "{checked} of {due} weeks due so far checked in (the month has {total}).",
        "截至目前应更新 {due} 周，已更新 {checked} 周（本月共 {total} 周）。",
    ),
    "report.missing": ("Missing: {weeks}.", "缺少：{weeks}。"),
    "report.no_missing": ("No week missing.", "没有缺少的周。"),
    "report.open_adjustments": ("Open adjustments", "待落实的调整"),
    "report.running": ("E-items still running", "仍在进行的执行项"),
    "report.no_status": ("no status yet", "尚无状态"),
    "report.no_meetings": ("No one-on-one recorded this month.", "本月没有记录一对一。"),
    # the prep
    "report.prep.title": ("One-on-one prep: since {since}", "一对一准备：自 {since} 起"),
    "report.prep.since.meeting": (
        "Since the day after the last one-on-one; today is {today}.",
        "自上次一对一的次日起；今天是 {today}。",
    ),
    "report.prep.since.default": (
        "No one-on-one recorded: the last 4 weeks; today is {today}.",
        "没有记录过一对一：最近 4 周；今天是 {today}。",
    ),
    "report.prep.since.given": ("Today is {today}.", "今天是 {today}。"),
    "report.prep.last_meeting": ("Last one-on-one {date}: {notes}", "上次一对一 {date}：{notes}"),
    "report.prep.last_meeting_bare": ("Last one-on-one {date}.", "上次一对一 {date}。"),
    "report.prep.verdict": (
        "{verdict}: score {score} (expected {expected}).",
        "{verdict}：得分 {score}（按时间进度应达 {expected}）。",
    ),
    "report.prep.points": ("Talking points", "沟通要点"),
    "report.prep.movement": ("Key result movement", "关键结果变化"),
    "report.prep.changes": ("Status changes", "状态变化"),
    "report.prep.change": (
        "{kr} · “{item}”: {before} → {now} ({week})",
        "{kr} ·“{item}”：{before} → {now}（{week}）",
    ),
    "report.prep.adjustments": ("Adjustments", "调整"),
    "report.prep.asks": ("Asks and week notes", "所需支持与每周备注"),
    "report.prep.missing": ("Missing check-ins: {weeks}.", "缺少的周度更新：{weeks}。"),
    "report.prep.no_objectives": ("No active objective.", "没有进行中的目标。"),
    "report.prep.left_out": (" {text}.", "{text}。"),
    "report.point.risk": (
        "“{subject}” is {detail}: what help is needed?",
        "“{subject}”{detail}：需要什么支持？",
    ),
    "report.point.low_confidence": (
        "{subject}: confidence {value}/10; change the plan or the target?",
        "{subject}：信心指数 {value}/10；调整计划还是目标值？",
    ),
    "report.point.behind_pace": (
        "{subject} is behind pace ({value} vs {expected}): how to catch up?",
        "{subject} 进度落后（{value}，按时间进度应达 {expected}）：如何追上？",
    ),
    "report.point.target_unknown": ("{subject}: agree on the target.", "{subject}：商定目标值。"),
    "report.point.start_unknown": (
        "{subject}: its start is unknown; enter it at the next check-in.",
        "{subject}：起始值未定，请在下次周度更新时填写。",
    ),
    "report.point.ended": (
        "The period ended on {detail}: review the results and agree on the next period.",
        "周期已于 {detail} 结束：复盘结果，并商定下一周期。",
    ),
    "report.point.finished": ("Done: “{subject}”.", "已完成：“{subject}”。"),
    "report.point.missing": ("Check-ins missing: {detail}.", "缺少周度更新：{detail}。"),
    # okr summary / prep / due on the command line
    "report.cli.saved": ("Summary written to {path}", "总结已写入 {path}"),
    "report.cli.recorded": ("Recorded the one-on-one of {date}", "已记录 {date} 的一对一"),
    "report.cli.due_missing": (
        "Check-in for {week} is missing: {title}",
        "{week} 的周度更新未完成：{title}",
    ),
    "report.held_weeks": ("held {held} of {weeks} weeks", "{weeks} 周中 {held} 周达标"),
}
