"""Items 8 and 11 of issue 9, outside the check-in screen: one way to write values and
scores on every screen and report (``tui.format``), the score saying which KRs it leaves
out, capitals where a sentence starts, and the command line's help in Chinese.

Each test failed before: percent KRs read ``8 → 7.5`` and ``5 %``, large numbers had
no separators, a KR with an unknown start crashed the summary, the score never said
what it left out, ``okr --help`` was English under a Chinese locale.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from click.testing import CliRunner

from store.model import CheckIn, Item, ItemCheck, KeyResult, KRCheck, Objective
from store.repo import Store
from store.rollup import month_rollup, prep_rollup
from tui.cli import cli
from tui.report import render_prep, render_summary


def objective() -> Objective:
    return Objective(
        "o1",
        "Keep customers",
        "2026-10-01",
        "2026-10-31",
        key_results=[
            KeyResult("churn", "Cut churn", "percent", 8, 5, "%", items=[Item("e1", "Call")]),
            KeyResult("fans", "Gain followers", "number", 0, 2_500_000, "followers"),
            KeyResult("nps", "Reach NPS 60", "number", None, 60, ""),  # start unknown
            KeyResult("err", "Keep errors low", "stay_below", None, 2, "%"),
        ],
    )


def checkins() -> list[CheckIn]:
    return [
        CheckIn(
            "o1",
            "2026-W41",
            "2026-10-05",
            key_results=[KRCheck("churn", 7.5, 6), KRCheck("fans", 1_250_000, 5)],
            items=[ItemCheck("e1", "on_track")],
        )
    ]


def rollup():
    return month_rollup(objective(), checkins(), [], "2026-10", date(2026, 10, 20))


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_percent_krs_and_large_numbers_read_the_same_as_on_screen(fmt):
    text = render_summary([rollup()], "2026-10", fmt, "en")
    row = next(line for line in text.splitlines() if "Cut churn" in line)
    assert "8% → 7.5%" in row and " 5% " in row.replace("|", " ")
    assert "8 → 7.5 " not in row and "5 %" not in row
    fans = next(line for line in text.splitlines() if "Gain followers" in line)
    assert "0 → 1,250,000" in fans and "2,500,000 followers" in fans and "+1,250,000" in fans
    levels = next(line for line in text.splitlines() if "Keep errors low" in line)
    assert "stay below 2%" in levels


def test_json_keeps_raw_numbers():
    data = json.loads(render_summary([rollup()], "2026-10", "json", "en"))
    krs = {k["id"]: k for k in data["objectives"][0]["key_results"]}
    assert krs["fans"]["month_end"] == 1_250_000 and krs["fans"]["target"] == 2_500_000
    assert krs["nps"]["scored"] is False and krs["nps"]["change"] is None
    assert "NPS" not in data["objectives"][0]["bottom_line"]  # labels, not titles


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "KR3: start unknown, left out of the score"),
        ("zh", "KR3：起始值未定，不计入得分"),
    ],
)
@pytest.mark.parametrize("fmt", ["md", "text", "json"])
def test_a_kr_with_an_unknown_start_is_said_to_be_left_out(lang, said, fmt):
    """It crashed the summary before (None - None), and a threshold KR did too."""
    text = render_summary([rollup()], "2026-10", fmt, lang)
    assert said in text


def test_the_prep_says_what_its_score_leaves_out():
    prep = prep_rollup([objective()], checkins(), [], date(2026, 10, 1), date(2026, 10, 20))
    en = render_prep(prep, "text", "en")
    assert "KR3 not in the score: start or target unknown." in en
    assert "KR3: its start is unknown; enter it at the next check-in." in en
    zh = render_prep(prep, "md", "zh")
    assert "KR3 未计入得分：起始值或目标值未定。" in zh


def test_okr_list_says_what_the_score_leaves_out(data_dir):
    store = Store(data_dir)
    store.save_objective(objective())
    for c in checkins():
        store.save_checkin(c)
    store.close()
    en = CliRunner().invoke(cli, ["--data", str(data_dir), "list"]).output
    assert "(KR3 not in the score: start or target unknown)" in en
    assert "7.5% / 5%" in en and "1,250,000 / 2,500,000 followers" in en
    assert "— / 60  (start unknown)" in en
    assert "— (stay below 2%)" in en
    zh = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", "list"]).output
    assert "（KR3 未计入得分：起始值或目标值未定）" in zh and "（起始值未定）" in zh


async def test_home_card_says_what_the_score_leaves_out(store):
    from rich.console import Console

    from screens.home import ObjectiveCard
    from tui.app import OkrApp

    store.save_objective(objective())
    for c in checkins():
        store.save_checkin(c)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        for card in app.screen.query(ObjectiveCard):
            console.print(card.render_card())
        text = console.export_text()
    assert "(“Reach NPS 60” not in the score: start or target unknown)" in text
    assert "7.5% / 5%" in text and "1,250,000 / 2,500,000 followers" in text
    assert "6/10" in text
    nps = next(line for line in text.splitlines() if "Reach NPS" in line and "/ 60" in line)
    assert "start unknown" in nps


def test_import_reports_measures_as_every_screen_does(data_dir):
    text = "O: Grow\nKR: Cut churn from 8% to 5%\nKR: Reach 2,500,000 followers\n"
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "import", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert "8% → 5%" in result.output and "? → 2,500,000 followers" in result.output


@pytest.mark.parametrize("how", ["locale", "flag"])
def test_help_is_chinese_under_a_chinese_locale_or_lang_zh(how, monkeypatch):
    from tui.cli_commands import cli as group

    if how == "locale":
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
        flag = []
    else:
        flag = ["--lang", "zh"]
    top = CliRunner().invoke(cli, [*flag, "--help"], prog_name="okr")
    assert top.exit_code == 0
    assert top.output.startswith("用法：okr [OPTIONS] [COMMAND] [ARGS]...")
    assert "选项：" in top.output and "命令：" in top.output and "显示本帮助并退出。" in top.output
    assert re.search(r"\n  checkin +打开本周（或过去某周）的周度更新", top.output)
    for name in group.commands:
        out = CliRunner().invoke(cli, [*flag, name, "--help"], prog_name="okr").output
        assert out.startswith(f"用法：okr {name}"), name
        assert "clihelp." not in out and "Show this" not in out, name
        body = out.split("\n", 2)[2]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in body.splitlines()[0]), (name, body)


def _every_command(group, path=()):
    """(command path, command) of every command and subgroup, the root included."""
    import click

    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        if isinstance(command, click.Group):
            yield from _every_command(command, (*path, name))
        else:
            yield (*path, name), command


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_command_has_its_help_and_an_example_in_both_languages(lang):
    """Every command and option of the whole tree (later issues' commands too) has its
    help from the catalogue, in the language asked, and ends with example lines."""
    from tui.cli_commands import cli as group

    for path, command in _every_command(group):
        assert str(command.help or "").startswith("clihelp.cmd."), path
        for param in command.params:
            if getattr(param, "help", None) is not None and param.name != "version":
                assert param.help.startswith("clihelp."), (path, param.name)
        args = ["--lang", lang, *path, "--help"]
        out = CliRunner().invoke(cli, args, prog_name="okr").output
        assert "clihelp." not in out, path
        examples = "\n示例：\n" if lang == "zh" else "\nExamples:\n"
        assert examples in out, path
        assert "okr" in out.split(examples)[1].splitlines()[0], path
        if lang == "zh":
            assert "Show this" not in out and "Options:" not in out, path


def test_help_stays_english_otherwise():
    out = CliRunner().invoke(cli, ["summary", "--help"], prog_name="okr").output
    assert out.startswith("Usage: okr summary [OPTIONS]")
    assert "Markdown, plain text (for chat and e-mail) or JSON (default: md)." in " ".join(
        out.split()
    )
    assert "clihelp." not in out


def test_sentences_start_with_a_capital(data_dir, tmp_path):
    from tui.words import cli as cli_words
    from tui.words import report as report_words

    for words in (cli_words.WORDS, report_words.WORDS):
        for key, (en, _zh) in words.items():
            if key.startswith("report.cli.") or key in ("cli.exported", "cli.restored"):
                assert en[0].isupper(), key
    assert report_words.WORDS["report.cli.due_missing"][0].startswith("Check-in for {week}")


def test_new_chinese_words_use_full_width_punctuation():
    """Item 12's rule for every word added here: （）：、，； in Chinese prose."""
    import re

    from tui.words import clihelp, errors, format

    for words in (clihelp.WORDS, format.WORDS, errors.WORDS):
        for key, (_en, zh) in words.items():
            prose = re.sub(r"`[^`]*`|\{[^}]*\}|--?[a-z]+|\[[^\]]*\]", "", zh)
            if key in ("format.list_sep", "errors.field", "errors.os"):
                continue
            if key.startswith("clihelp.example."):
                continue  # command lines, typed as they are
            assert not set(prose) & set(",:;()"), (key, zh)
