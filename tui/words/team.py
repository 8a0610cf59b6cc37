"""Words of the team: ``okr team`` (tui/cli_team.py), its roll-up (tui/team_report.py) and
the team screen (screens/team.py)."""

WORDS = {
    # the roll-up
    "team.title": ("Team roll-up: {period}", "团队汇总：{period}"),
    "team.bottom": ("Team bottom line", "团队结论"),
    "team.counts": (
        "{total} objectives: {on_track} on track, {at_risk} at risk, {off_track} off track.",
        "共 {total} 个目标：{on_track} 个进展正常，{at_risk} 个有风险，{off_track} 个严重滞后。",
    ),
    "team.leads_count": (
        "{leads} leads published; figures as of {today}.",
        "{leads} 位负责人已发布；数据截至 {today}。",
    ),
    "team.not_checked_in": ("Not checked in", "未按时更新"),
    "team.missing_weeks": ("{lead}: missing {weeks}", "{lead}：缺少 {weeks}"),
    "team.no_checkin": (
        "{lead}: no check-in this period (due: {weeks})",
        "{lead}：本期没有周度更新（应更新：{weeks}）",
    ),
    "team.all_checked": (
        "Every lead checked in every week due.",
        "所有负责人都完成了应做的周度更新。",
    ),
    "team.no_objective": (
        "No objective in this period: {leads}.",
        "本期没有目标：{leads}。",
    ),
    "team.left_out": ("Left out", "未纳入"),
    "team.no_leads": (
        "No lead has published yet: each lead runs `okr team publish`.",
        "还没有负责人发布：请每位负责人运行 `okr team publish`。",
    ),
    "team.lead": ("Lead: {name}", "负责人：{name}"),
    "team.last_checkin": ("Last check-in {date}.", "最近一次周度更新 {date}。"),
    "team.never": ("No check-in yet.", "还没有周度更新。"),
    "team.lead_missing": ("Missing: {weeks}.", "缺少：{weeks}。"),
    "team.lead_no_missing": ("No week missing.", "没有缺少的周。"),
    "team.lead_no_objectives": ("No objective in this period.", "本期没有目标。"),
    "team.figures_of": ("Figures of {month}.", "数据为{month}。"),
    "team.score": (
        "Score {score} (expected {expected}); last check-in {date}.",
        "得分 {score}（按时间进度应达 {expected}）；最近一次周度更新 {date}。",
    ),
    "team.krs_watch": (
        "Key results behind pace or with low confidence",
        "进度落后或信心指数低的关键结果",
    ),
    "team.items_at_risk": ("E-items at risk", "有风险的执行项"),
    "team.asks": ("Asks and week notes", "所需支持与每周备注"),
    "team.review": ("Grades and retrospective", "评分与复盘"),
    "team.grade": ("{kr} grade {grade}", "{kr} 评分 {grade}"),
    "team.went_well": ("Went well", "做得好的"),
    "team.went_badly": ("Went badly", "做得不好的"),
    "team.learned": ("Learned", "学到的"),
    # why a lead's file was left out
    "team.skip.damaged": (
        "{file} is damaged (not JSON, or cut short); left out.",
        "{file} 已损坏（不是 JSON，或内容不完整），未纳入。",
    ),
    "team.skip.newer": (
        "{file} was written by a newer okr-checkin (version {detail}); left out.",
        "{file} 由更新版本的 okr-checkin 写入（版本 {detail}），未纳入。",
    ),
    "team.skip.foreign": (
        "{file} is not an okr-checkin document; left out.",
        "{file} 不是 okr-checkin 文档，未纳入。",
    ),
    "team.skip.invalid": (
        "{file} does not fit the okr-checkin format ({detail}); left out.",
        "{file} 不符合 okr-checkin 格式（{detail}），未纳入。",
    ),
    "team.skip.unreadable": (
        "{file} cannot be read ({detail}); left out.",
        "{file} 无法读取（{detail}），未纳入。",
    ),
    "team.skip.not_file": (
        "{file} is not a plain file (a link?); left out.",
        "{file} 不是普通文件（链接？），未纳入。",
    ),
    "team.skip.too_big": (
        "{file} is too large for a lead's file; left out.",
        "{file} 太大，不像负责人的文件，未纳入。",
    ),
    # okr team on the command line
    "team.cli.joined": (
        "Joined the team repository {url}: {leads} lead files. Publish yours with "
        "`okr team publish`.",
        "已加入团队仓库 {url}：{leads} 个负责人文件。用 `okr team publish` 发布你的数据。",
    ),
    "team.cli.already": (
        "Already joined {url} ({leads} lead files); `okr team pull` fetches the latest.",
        "已经加入了 {url}（{leads} 个负责人文件）；`okr team pull` 获取最新数据。",
    ),
    "team.cli.published": (
        "Published {file} as {name}: {objectives} objectives, {checkins} check-ins.",
        "已以 {name} 的名义发布 {file}：{objectives} 个目标，{checkins} 次周度更新。",
    ),
    "team.cli.unchanged": (
        "{file} is already up to date in the team repository.",
        "{file} 在团队仓库中已是最新。",
    ),
    "team.cli.private": (
        "Never published: one-on-one notes and drafts. Published: objectives, check-ins "
        "with their week notes, notes and adjustments, and reviews.",
        "不会发布：一对一记录和草稿。会发布：目标、周度更新（含每周备注、备注和调整）以及复盘。",
    ),
    "team.cli.offline": (
        "{file} is committed in the team clone but not pushed ({reason}); it will be "
        "pushed on the next `okr team publish`.",
        "{file} 已提交到本地团队副本，但未推送（{reason}）；下次 `okr team publish` 时会推送。",
    ),
    "team.cli.pulled": (
        "Pulled: {leads} lead files, {changed} changed.",
        "已拉取：{leads} 个负责人文件，{changed} 个有变化。",
    ),
    "team.cli.auto_on": (
        "Publishing after each saved check-in is on (okr team publish --auto off stops it).",
        "已开启：每次保存周度更新后自动发布（okr team publish --auto off 可关闭）。",
    ),
    "team.cli.auto_off": (
        "Publishing after each saved check-in is off.",
        "已关闭：保存周度更新后不再自动发布。",
    ),
    "team.cli.warning": ("warning: {text}", "警告：{text}"),
    "team.cli.bad_quarter": (
        "{value} is not a quarter YYYY-Qn, like 2026-Q4.",
        "{value} 不是 YYYY-Qn 格式的季度，例如 2026-Q4。",
    ),
    "team.cli.month_or_quarter": (
        "give either --month or --quarter, not both.",
        "请给出 --month 或 --quarter 之一，不要同时给出。",
    ),
    "team.cli.saved": ("team roll-up written to {path}", "团队汇总已写入 {path}"),
    # the team screen
    "key.team": ("Team", "团队"),
    "team.sub": ("The team", "团队"),
    "team.col.lead": ("Lead", "负责人"),
    "team.col.objective": ("Objective", "目标"),
    "team.col.score": ("Score", "得分"),
    "team.col.verdict": ("Verdict", "结论"),
    "team.col.last": ("Checked in", "最近更新"),
    "team.col.missing": ("Missing", "缺少的周"),
    "team.key.open": ("Open", "查看"),
    "team.key.pull": ("Pull", "拉取"),
    "team.key.prev": ("Previous month", "上个月"),
    "team.key.next": ("Next month", "下个月"),
    "team.bar": (
        "{month} · {counts}",
        "{month} · {counts}",
    ),
    "team.not_joined": (
        "This data dir has not joined a team. On the command line:\n\n"
        "  okr team join REPO      clone the team's git repository\n"
        "  okr team publish        publish your objectives and check-ins\n"
        "  okr team pull           fetch the others' (r here)",
        "此数据目录尚未加入团队。在命令行中：\n\n"
        "  okr team join REPO      克隆团队的 git 仓库\n"
        "  okr team publish        发布你的目标和周度更新\n"
        "  okr team pull           获取其他人的数据（此处按 r）",
    ),
    "team.pulling": ("Pulling the team repository…", "正在拉取团队仓库…"),
    "team.lead_sub": ("{lead} — read-only", "{lead} — 只读"),
    "team.none_here": ("No lead has an objective this month.", "本月没有负责人的目标。"),
}

WORDS |= {
    # publishing after a saved check-in (okr team publish --auto on; tui.terminal)
    "team.auto.published": ("Team: published {file}.", "团队：已发布 {file}。"),
    "team.auto.offline": (
        "Team: {file} is committed locally; the next publish pushes it.",
        "团队：{file} 已在本地提交，下次发布时推送。",
    ),
    "team.auto.not_joined": (
        "Team: not published, this data dir has not joined a team (okr team join REPO).",
        "团队：未发布，此数据目录还没有加入团队（okr team join REPO）。",
    ),
    "team.auto.failed": ("Team: not published: {error}", "团队：未发布：{error}"),
}
