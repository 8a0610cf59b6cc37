"""The command line's own sentences: English by default, Chinese with ``--lang zh`` or a zh locale."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.i18n import t
from tui.words.cli import WORDS


def run(data_dir, *args, input=None):
    return CliRunner().invoke(cli, ["--data", str(data_dir), *args], input=input)


def test_every_cli_word_has_both_languages_and_the_same_fields():
    import string

    for key, (en, zh) in WORDS.items():
        assert key.startswith("cli.") and en and zh, key
        fields = [{name for _, name, _, _ in string.Formatter().parse(s) if name} for s in (en, zh)]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize(
    ("lang", "exported", "restored", "backed_up", "how"),
    [
        (None, "Exported to", "Restored 1 objectives, 3 check-ins", "backed up at", "Restore one"),
        ("zh", "已导出到", "已恢复 1 个目标、3 次周度更新", "原来的数据已备份到", "恢复其中一个"),
    ],
)
def test_export_restore_backups_speak_the_language(
    data_dir, tmp_path, demo_store, lang, exported, restored, backed_up, how
):
    flag = ["--lang", lang] if lang else []
    target = tmp_path / "out.json"
    result = run(data_dir, *flag, "export", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"{exported} {target}" in result.stderr

    result = run(data_dir, *flag, "restore", str(target))
    assert result.exit_code == 0, result.output
    assert restored in result.output and backed_up in result.output

    result = run(data_dir, *flag, "backups")
    assert result.exit_code == 0, result.output
    assert how in result.output.splitlines()[-1]
    reason = t("cli.backup_reason.restore", lang=lang or "en")
    assert any(reason in line for line in result.output.splitlines() if "okr-" in line)


@pytest.mark.parametrize(
    ("lang", "none_yet", "no_objective", "nothing"),
    [
        (None, "No backups of", "there is no objective 'nope'", "no objective to check in yet"),
        ("zh", "还没有备份", "没有目标 'nope'", "还没有可更新的目标"),
    ],
)
def test_backups_and_checkin_errors_speak_the_language(
    data_dir, lang, none_yet, no_objective, nothing
):
    flag = ["--lang", lang] if lang else []
    result = run(data_dir, *flag, "backups")
    assert result.exit_code == 0 and none_yet in result.output

    result = run(data_dir, *flag, "checkin")
    assert result.exit_code == 1 and nothing in result.output
    result = run(data_dir, *flag, "checkin", "--objective", "nope")
    assert result.exit_code == 1 and no_objective in result.output


def test_zh_locale_without_flag_is_chinese(data_dir, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = run(data_dir, "checkin", "--objective", "nope")
    assert result.exit_code == 1 and "没有目标 'nope'" in result.output


@pytest.mark.parametrize(
    ("args", "en", "zh"),
    [
        (["import", "missing.txt"], "missing.txt does not exist.", "missing.txt 不存在。"),
        (["restore", "-"], "standard input is not a JSON document", "标准输入 不是 JSON 文档"),
        (
            ["import", "--month", "2026-10", "--start", "2026-10-01", "--end", "2026-10-31", "x"],
            "give either --month or --start/--end",
            "请给出 --month 或 --start/--end 之一",
        ),
        (["import", "--start", "2026-10-01", "x"], "--start and --end go together", "须同时给出"),
        (
            ["import", "--start", "2026-10-02", "--end", "2026-10-01", "x"],
            "--end is before --start",
            "--end 早于 --start",
        ),
    ],
)
def test_input_and_usage_errors_speak_the_language(data_dir, args, en, zh):
    english = run(data_dir, *args, input="not json")
    chinese = run(data_dir, "--lang", "zh", *args, input="not json")
    assert english.exit_code == chinese.exit_code != 0
    assert en in english.output and zh in chinese.output


def test_bad_month_and_date_in_both_languages(tmp_path):
    from click.testing import CliRunner

    from tui.cli import cli

    en = CliRunner().invoke(cli, ["--data", str(tmp_path), "summary", "--month", "2026-13"])
    assert en.exit_code == 2 and "'2026-13' is not a month YYYY-MM, like 2026-10." in en.output
    zh = CliRunner().invoke(
        cli, ["--data", str(tmp_path), "--lang", "zh", "prep", "--since", "2026-02-30"]
    )
    assert zh.exit_code == 2 and "'2026-02-30' 不是 YYYY-MM-DD 格式的日期" in zh.output
