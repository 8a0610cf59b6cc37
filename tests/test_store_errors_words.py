"""Item 12 of issue 9: the store's errors are said in Chinese too.

The store raises its errors with a message key and fields (``store.errors.Msg``);
``str(error)`` stays the English sentence (logs, the tests of the store), and
``tui.errors.sentence`` says it in the UI's language. Before, a damaged file, a newer
schema, a full disk or a bad field were said in English whatever the language.
"""

from __future__ import annotations

import errno
import re
import string

import pytest
from click.testing import CliRunner

from store import errors as store_errors
from store.model import CheckIn, InvalidData, KRCheck, Objective
from store.numbers import NumberError, parse_number
from store.repo import Store
from store.storage import StoreError
from tui import i18n
from tui.cli import cli
from tui.errors import sentence
from tui.words.errors import WORDS


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_store_message_has_chinese_with_the_same_fields():
    for key, english in store_errors.ENGLISH.items():
        en, zh = WORDS[f"errors.{key}"]
        assert en == english, key
        assert zh and fields(zh) == fields(en), key
        prose = re.sub(r"`[^`]*`|\{[^}]*\}", "", zh)  # commands and fields are not prose
        assert not set(prose) & set(",:;()"), (key, "full-width punctuation in Chinese")
    for key, (en, zh) in WORDS.items():
        assert fields(en) == fields(zh), key


def test_a_field_path_stays_as_it_is_and_the_reason_is_said():
    document = {
        "format": "okr-checkin",
        "version": 2,
        "objectives": [{"id": "o1", "title": "T", "start": "2026-10-01", "end": "2026-10-31"}],
        "checkins": [
            {"objective": "o1", "week": "2026-W41", "date": "2026-10-05"},
            {"objective": "o1", "week": "2026-W42", "date": "2026-10-12"},
            {"objective": "o1", "week": "2026-W43", "date": "2026-10-19"},
            {
                "objective": "o1",
                "week": "2026-W44",
                "date": "2026-10-26",
                "key_results": [{"kr": "k"}, {"kr": "k", "confidence": 11}],
            },
        ],
    }
    from store.repo import parse_document

    with pytest.raises(InvalidData) as e:
        parse_document(document)
    path = "checkins[3].key_results[1].confidence"
    assert str(e.value) == f"{path}: expected an integer 0-10"  # the log's English
    assert sentence(e.value) == f"{path}: expected an integer 0-10"
    assert sentence(e.value, "zh") == f"{path}：应为 0-10 的整数"
    i18n.set_lang("zh")
    assert sentence(e.value) == f"{path}：应为 0-10 的整数"


def test_restore_of_a_bad_document_in_chinese(data_dir, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "okr-checkin", "version": 7}')
    en = CliRunner().invoke(cli, ["--data", str(data_dir), "restore", str(bad)])
    zh = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", "restore", str(bad)])
    assert en.exit_code == zh.exit_code == 1
    assert "version: unknown version 7; this okr-checkin reads 1 and 2" in en.output
    assert "version：未知版本 7；这个 okr-checkin 能读取版本 1 和 2" in zh.output


def test_a_damaged_store_in_chinese_names_the_file_and_the_backup(data_dir):
    store = Store(data_dir)
    store.save_objective(Objective("o1", "T", "2026-10-01", "2026-10-31"))
    store.save_objective(Objective("o1", "T2", "2026-10-01", "2026-10-31"))  # a daily backup
    store.close()
    (data_dir / "okr.json").write_text('{"meta": {"1": {"sche')  # cut short
    en = CliRunner().invoke(cli, ["--data", str(data_dir), "list"])
    zh = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", "list"])
    assert en.exit_code == zh.exit_code == 1
    path = data_dir / "okr.json"
    assert en.output.startswith(f"Error: {path} is not a valid okr-checkin store (not JSON")
    assert zh.output.startswith(
        f"Error: {path} 不是有效的 okr-checkin 数据文件（不是 JSON，或被截断）；文件未作任何改动："
        "用 `okr restore "
    )
    assert "`okr backups` 会列出全部备份" in zh.output


def test_the_fast_path_says_it_in_chinese_too(data_dir, monkeypatch, capsys):
    from tui.cli import _fast_path

    data_dir.mkdir(parents=True)
    (data_dir / "okr.json").write_text("")
    assert _fast_path(["--data", str(data_dir), "--lang", "zh", "due"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {data_dir / 'okr.json'} 是空的；文件未作任何改动：")


def test_a_newer_schema_in_chinese(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "okr.json").write_text('{"meta": {"1": {"schema": 99}}}')
    with pytest.raises(StoreError) as e:
        Store(data_dir)
    assert "was written by a newer okr-checkin (schema 99, this one reads 2)" in str(e.value)
    assert sentence(e.value, "zh").endswith(
        "由更新版本的 okr-checkin 写入（schema 99，当前版本只能读取 2）；请升级 okr-checkin 后再打开。"
    )


def test_a_full_disk_in_chinese(store, monkeypatch):
    import store.storage as storage

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    store.save_objective(Objective("o1", "T", "2026-10-01", "2026-10-31"))
    monkeypatch.setattr(storage, "write_file_atomic", full)
    with pytest.raises(StoreError) as e:
        store.save_checkin(CheckIn("o1", "2026-W41", "2026-10-05"))
    assert str(e.value).endswith("the disk is full: free some space and try again.")
    said = sentence(e.value, "zh")
    assert said.startswith(f"{store.path} 无法保存（No space left on device）")
    assert said.endswith("磁盘已满：请腾出空间后重试。")


def test_a_conflict_and_a_week_outside_the_period_in_chinese(store):
    store.save_objective(Objective("o1", "T", "2026-10-01", "2026-10-31"))
    stamp = store.checkin_stamp("o1", "2026-W41")
    store.save_checkin(CheckIn("o1", "2026-W41", "2026-10-05"))
    with pytest.raises(StoreError) as e:
        store.save_checkin(
            CheckIn("o1", "2026-W41", "2026-10-05", "mine", [KRCheck("x")][:0]),
            expected_stamp=stamp,
        )
    assert sentence(e.value, "zh").startswith(
        "2026-W41 的周度更新在打开之后已被另一个 okr-checkin 保存"
    )
    with pytest.raises(InvalidData) as e:
        store.save_checkin(CheckIn("o1", "2026-W45", "2026-11-02"))
    assert sentence(e.value, "zh") == (
        "checkin.week：2026-W45 不在这个目标的周期内（2026-10-01 至 2026-10-31）"
    )


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        ("lots", "'lots' is not a number", "'lots' 不是数字"),
        (
            "9" * 20,
            f"'{'9' * 20}' is too large (at most 10^15)",
            f"'{'9' * 20}' 太大（最大 10^15）",
        ),
    ],
)
def test_the_number_parser_says_why_in_both_languages(text, en, zh):
    with pytest.raises(NumberError) as e:
        parse_number(text)
    assert str(e.value) == en == sentence(e.value, "en")
    assert sentence(e.value, "zh") == zh


def test_a_reason_raised_as_plain_text_is_said_when_it_is_known():
    """Code without a key of its own (the import) raises the same English reason."""
    e = InvalidData("end", "the period ends before it starts")
    assert sentence(e, "zh") == "end：周期的结束日期早于开始日期"
    assert sentence(InvalidData("x", "something new"), "zh") == "x: something new"
