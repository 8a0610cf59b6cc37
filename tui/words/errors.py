"""The data layer's sentences in both languages (``tui.errors.sentence``).

The English is ``store.errors.ENGLISH`` itself (one source: ``str(error)`` in logs and
the sentence shown in English are the same text); the Chinese is here, one per key, with
the same fields. Paths, file names and commands are fields and stay as they are.
"""

from store.errors import ENGLISH

_ZH = {
    # a field that does not fit the model
    "expected_object": "应为一个对象",
    "unknown_field": "未知字段",
    "missing_field": "缺少字段",
    "expected_text": "应为文本",
    "empty": "不能为空",
    "too_long": "超过 {n} 个字符",
    "expected_number": "应为数字",
    "expected_number_or_null": "应为数字或 null",
    "not_finite": "应为有限的数字",
    "number_too_large": "数字太大",
    "confidence": "应为 0-10 的整数",
    "date": "应为 YYYY-MM-DD 格式的日期",
    "week": "应为 ISO 周，如 2026-W41",
    "id": "应为 id（一段简短的可打印文本）",
    "bool": "应为 true 或 false",
    "list": "应为列表",
    "duplicate_item_id": "执行项 id {id} 重复",
    "duplicate_kr_id": "关键结果 id {id} 重复",
    "duplicate_objective_id": "目标 id {id} 重复",
    "kind": "应为 number、percent、milestone、stay_below 或 stay_above",
    "milestone_start": "里程碑的起始值是 0",
    "milestone_target": "里程碑的目标值是 1",
    "threshold_start": "保持型关键结果没有起始值（null）",
    "target_equals_start": "不能与起始值相同",
    "relative_kind": "只有数值或百分比关键结果才有",
    "relative_range": "应为大于 -1 且不为 0 的变化",
    "relative_target": "由起始值决定：起始值未定时应为 null",
    "weight": "应为大于 0 的数字",
    "grade": "应为 0.0-1.0 的评分",
    "second_grade": "{kr} 有第二个评分",
    "end_before_start": "周期的结束日期早于开始日期",
    "item_id_twice": "同一个执行项 id 用了两次",
    "unknown_objective": "未知的目标 {id}",
    "unknown_kr": "未知的关键结果 {id}",
    "unknown_item": "未知的执行项 {id}",
    "links_loop": "前后周期的链接绕成了一个环",
    "status": "应为以下之一：{statuses}",
    "milestone_value": "里程碑的值只能是 0 或 1",
    "week_outside_period": "{week} 不在这个目标的周期内（{start} 至 {end}）",
    "unknown_table": "okr-checkin 不认识的数据表",
    "document_ids": "文档 id 应为数字",
    "no_schema": "没有 okr-checkin 的 schema 版本",
    "schema_newer": "schema {version}；这个 okr-checkin 只能读取 {reads}",
    "not_export": "应为一个 JSON 对象（okr-checkin 的导出文件）",
    "format_name": "应为 “{name}”",
    "unknown_version": "未知版本 {version}；这个 okr-checkin 能读取版本 1 和 2",
    "second_checkin": "{week} 有第二份周度更新",
    "not_in_v1": "版本 1 中没有此项（请写成版本 2）",
    # a store file that cannot be used
    "not_a_directory": "{folder} 不是目录；请换一个 --data 目录。",
    "read_denied": "无法读取 {path}（权限不足）；请修正其权限，或换一个 --data 目录运行。",
    "is_a_directory": "{path} 是目录，不是数据文件；请把它移走，或换一个 --data 目录。",
    "cannot_read": "无法读取 {path}（{reason}）。",
    "damaged": "{path} {what}；文件未作任何改动：{advice}。",
    "damaged.empty": "是空的",
    "damaged.not_json": "不是有效的 okr-checkin 数据文件（不是 JSON，或被截断）",
    "damaged.shape": "不是有效的 okr-checkin 数据文件（结构不对）",
    "damaged.data": "含有 okr-checkin 无法读取的数据（位置：{where}）",
    "damaged.no_schema": "没有 okr-checkin 的 schema 版本",
    "advice.backup": "用 `okr restore {backup}` 恢复最新的备份（`okr backups` 会列出全部备份）",
    "advice.own_copy": "用 `okr restore 文件` 从你自己的副本恢复",
    "advice.disk_full": "磁盘已满：请腾出空间后重试",
    "advice.not_writable": "{folder} 不可写入：请修正其权限，或换一个 --data 目录",
    "advice.check_disk": "请检查磁盘后重试",
    "not_json_value": (
        "{path} 未保存：数据中有 JSON 无法保存的值（NaN、Infinity 或对象）；文件未作任何改动。"
    ),
    "not_saved": "{path} 无法保存（{reason}）；文件未作任何改动：{advice}。",
    "folder_not_writable": "{folder} 不可写入（{reason}）；请修正其权限，或换一个 --data 目录运行。",
    "newer_schema": (
        "{path} 由更新版本的 okr-checkin 写入（schema {version}，当前版本只能读取 {reads}）；"
        "请升级 okr-checkin 后再打开。"
    ),
    "backup_failed": "{path} 未作任何改动：无法写入它的备份（{reason}）；{advice}。",
    "conflict.saved": (
        "{week} 的周度更新在打开之后已被另一个 okr-checkin 保存；你的内容没有保存，两份都没有丢失"
    ),
    "conflict.deleted": (
        "{week} 的周度更新在打开之后已被另一个 okr-checkin 删除；你的内容没有保存，两份都没有丢失"
    ),
    # a number as typed
    "number.not_a_number": "{text} 不是数字",
    "number.too_large": "{text} 太大（最大 10^15）",
    # okr archive
    "month": "应为 YYYY-MM 格式的月份",
    "archive.draft_open": "“{title}”的 {week} 周度更新还是草稿：请先完成或删除它再归档该周期；没有归档任何内容。",
    "archive.exists": "{path} 已存在；没有归档任何内容（可用 -o 指定其他文件）。",
}

WORDS = {f"errors.{key}": (english, _ZH[key]) for key, english in ENGLISH.items()}

WORDS |= {
    # composed by tui.errors (not raised by the store)
    "errors.field": ("{path}: {reason}", "{path}：{reason}"),
    "errors.os": ("cannot use{name}: {reason}", "无法使用{name}：{reason}"),
}
