"""``okr checkin --editor`` with a scripted EDITOR, ``--print`` and ``--from``.

The editor is a small script that edits the file in rounds (one list of replacements per
time it is opened) and keeps a copy of what it was given, and of the store, each round.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from screens.checkin_form import defaults, last_checkin, resume
from store.repo import Store
from tui import checkin_text
from tui.cli import cli

ROOT = Path(__file__).resolve().parents[1]
WEEK = "2026-W43"

EDITOR = f"""#!{sys.executable}
import json, pathlib, shutil, sys
here = pathlib.Path(__file__).parent
rounds = json.loads((here / "rounds.json").read_text(encoding="utf-8"))
counter = here / "count"
n = int(counter.read_text()) if counter.exists() else 0
counter.write_text(str(n + 1))
path = pathlib.Path(sys.argv[-1])
text = path.read_text(encoding="utf-8")
(here / f"seen-{{n}}.txt").write_text(text, encoding="utf-8")
store = here.parent / "data" / "okr.json"
if store.exists():
    shutil.copy(store, here / f"store-{{n}}.json")
step = rounds[n] if n < len(rounds) else []
if step == "EMPTY":
    text = ""
elif step == "FAIL":
    path.write_text(text + "value: 99\\n", encoding="utf-8")
    sys.exit(4)
else:
    for old, new in step:
        if old not in text:
            sys.exit(f"editor script: {{old!r}} not in the form")
        text = text.replace(old, new, 1)
path.write_text(text, encoding="utf-8")
"""


class Editor:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def rounds(self, *rounds) -> None:
        (self.folder / "rounds.json").write_text(json.dumps(list(rounds)), encoding="utf-8")

    @property
    def opened(self) -> int:
        counter = self.folder / "count"
        return int(counter.read_text()) if counter.exists() else 0

    def seen(self, n: int) -> str:
        return (self.folder / f"seen-{n}.txt").read_text(encoding="utf-8")

    def store_at(self, n: int) -> dict:
        return json.loads((self.folder / f"store-{n}.json").read_text(encoding="utf-8"))


@pytest.fixture
def editor(tmp_path, monkeypatch) -> Editor:
    folder = tmp_path / "editor"
    folder.mkdir()
    script = folder / "edit.py"
    script.write_text(EDITOR, encoding="utf-8")
    script.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    return Editor(folder)


def okr(store: Store, *args, input=None):
    return CliRunner().invoke(cli, ["--data", str(store.data_dir), *args], input=input)


def ids(store: Store):
    [o] = store.objectives()
    kr1, kr2, kr3 = o.key_results
    return o, kr1, kr2, kr3


# -- the editor round trips --------------------------------------------------------------------


def test_a_normal_week_in_the_editor(demo_store, editor):
    o, kr1, kr2, kr3 = ids(demo_store)
    plan_one, plan_two = kr2.items
    editor.rounds(
        [
            ("done: no", "done: yes"),
            ("value: 21", "value: 1,500"),
            ("confidence: 5", "confidence: 7"),
            ("confidence: 7\nnote:", "confidence: 7\nnote: Fair leads converted"),
            ("  status: at risk", "  status: dropped"),  # plan two, the first at risk
            (
                "the November list early\n  status: on track\n  happened:\n  adjust:",
                "the November list early\n  status: on track\n  happened: Called 40\n"
                "  adjust: Call 60",
            ),
            ("\n[KR3", "\n  [E +] Partner webinar\n  status: on track\n\n[KR3"),
            (
                "(as many lines as you like).\n",
                "(as many lines as you like).\nWin: 1,500 customers\n\\# not a comment\n"
                "Ask: budget\n",
            ),
        ]
    )
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Check-in {WEEK} of Build a successful customer-expansion team saved.\n"
    )
    assert editor.opened == 1
    assert "  # 2026-W42: at risk · you planned: Ask manager to help unblock legal" in (
        editor.seen(0)
    )

    store = Store(demo_store.data_dir)
    saved = store.checkin(o.id, WEEK)
    assert saved.date == "2026-10-19"
    assert saved.kr(kr1.id).value == 1
    assert (saved.kr(kr2.id).value, saved.kr(kr2.id).confidence) == (1500, 7)
    assert saved.kr(kr2.id).note == "Fair leads converted"
    assert saved.kr(kr3.id).value == 31000  # carried forward, untouched
    assert saved.note == "Win: 1,500 customers\n# not a comment\nAsk: budget"
    one = saved.item(plan_one.id)
    assert (one.status, one.progress, one.adjustment) == ("on_track", "Called 40", "Call 60")
    assert saved.item(plan_two.id).status == "dropped"
    changed = store.objective(o.id)
    assert not changed.kr(kr2.id).item(plan_two.id).active  # dropped, as the app does
    [new] = [i for i in changed.kr(kr2.id).items if i.title == "Partner webinar"]
    assert new.added == WEEK and saved.item(new.id).status == "on_track"
    assert store.draft(o.id, WEEK) is None  # the save dropped the draft, as the app's does


def test_a_value_typo_reopens_the_editor_with_the_error_at_its_line(demo_store, editor):
    o, _kr1, kr2, _kr3 = ids(demo_store)
    editor.rounds(
        [("value: 21", "value: 2x"), ("confidence: 5", "confidence: 11")],
        [
            ("value: 2x", "value: 25"),
            ("confidence: 11", "confidence: 6"),
        ],
    )
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 0, result.output
    assert editor.opened == 2
    again = editor.seen(1).splitlines()
    assert again[0].startswith("#! Not saved yet: fix the lines marked below")
    at = again.index("value: 2x")
    assert again[at - 1] == "#! KR2: value is not a number"
    at = again.index("confidence: 11", at)
    assert again[at - 1] == "#! KR2: confidence is not a whole number 0-10"
    # Between the two tries the text was kept as the week's draft, in the app's format.
    drafts = editor.store_at(1)["drafts"]
    [draft] = drafts.values() if isinstance(drafts, dict) else drafts
    assert draft["data"]["krs"][kr2.id]["value"] == "2x"
    assert "value: 2x" in draft["data"]["editor_text"]

    store = Store(demo_store.data_dir)
    saved = store.checkin(o.id, WEEK)
    assert (saved.kr(kr2.id).value, saved.kr(kr2.id).confidence) == (25, 6)
    assert store.draft(o.id, WEEK) is None


def test_an_unchanged_file_saves_nothing_and_says_so(demo_store, editor):
    o, *_ = ids(demo_store)
    editor.rounds([])
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 0, result.output
    assert "The form was not changed: nothing saved" in result.stdout
    store = Store(demo_store.data_dir)
    assert store.checkin(o.id, WEEK) is None and store.draft(o.id, WEEK) is None


def test_an_empty_file_saves_nothing_and_says_so(demo_store, editor):
    o, *_ = ids(demo_store)
    editor.rounds("EMPTY")
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 0, result.output
    assert "The file was empty: nothing saved" in result.stdout
    store = Store(demo_store.data_dir)
    assert store.checkin(o.id, WEEK) is None and store.draft(o.id, WEEK) is None


def test_giving_up_after_an_error_keeps_the_text_and_the_app_resumes_it(demo_store, editor):
    o, _kr1, kr2, _kr3 = ids(demo_store)
    editor.rounds([("value: 21", "value: 2x"), ("  happened:", "  happened: typed")], "EMPTY")
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 0, result.output
    assert "your draft of 2026-W43 is kept" in result.stdout
    store = Store(demo_store.data_dir)
    assert store.checkin(o.id, WEEK) is None
    # The app resumes it: the same draft, through the app's own rules.
    base = defaults(o, WEEK, None, last_checkin(store.checkins(o.id), WEEK))
    form = resume(o, base, store.draft(o.id, WEEK))
    assert form.krs[kr2.id].value == "2x"
    assert "typed" in [f.progress for f in form.items.values()]
    # And the next `okr checkin --editor` opens the very text typed.
    editor.rounds()
    (editor.folder / "count").unlink()
    okr(demo_store, "checkin", "--editor")
    assert "value: 2x" in editor.seen(0)
    assert "#! Resumed from your draft of 2026-W43" in editor.seen(0)


def test_a_new_item_in_a_resumed_text_is_added_once(demo_store, editor):
    o, _kr1, kr2, _kr3 = ids(demo_store)
    editor.rounds(
        [("value: 21", "value: 2x"), ("\n[KR3", "\n  [E +] Webinar\n  status: on track\n\n[KR3")],
        "EMPTY",
    )
    assert okr(demo_store, "checkin", "--editor").exit_code == 0
    (editor.folder / "count").unlink()
    editor.rounds([("value: 2x", "value: 24")])
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 0, result.output
    assert "[E +] Webinar" not in editor.seen(0) and "] Webinar" in editor.seen(0)
    store = Store(demo_store.data_dir)
    assert [i.title for i in store.objective(o.id).kr(kr2.id).items].count("Webinar") == 1
    assert store.checkin(o.id, WEEK).kr(kr2.id).value == 24


def test_an_editor_that_fails_saves_nothing_but_keeps_the_text(demo_store, editor):
    o, _kr1, kr2, _kr3 = ids(demo_store)
    editor.rounds("FAIL")
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 1
    assert "exited with status 4: nothing saved; what you typed is kept" in result.stderr
    store = Store(demo_store.data_dir)
    assert store.checkin(o.id, WEEK) is None
    assert "value: 99" in store.draft(o.id, WEEK)["editor_text"]


def test_the_form_in_chinese(demo_store_zh, editor):
    o, kr1, kr2, kr3 = ids(demo_store_zh)
    editor.rounds([("当前值：21", "当前值：3万"), ("状态：有风险", "状态：严重滞后")])
    result = okr(demo_store_zh, "--lang", "zh", "checkin", "--editor")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("的 2026-W43 周度更新已保存。\n")
    form = editor.seen(0)
    for words in (
        "当前值：21",
        "信心指数：5",
        "完成：否",
        "状态：正常",
        "进展：",
        "调整：",
        "[本周小结]",
    ):
        assert words in form
    assert "上次计划：" in form and "# 信心指数    0-10（0-3 低，4-7 有疑虑，8-10 有把握）" in form
    saved = Store(demo_store_zh.data_dir).checkin(o.id, WEEK)
    assert saved.kr(kr2.id).value == 30000
    assert saved.item(kr2.items[1].id).status == "off_track"


def test_a_conflicting_save_meanwhile_keeps_mine_as_the_draft(demo_store, editor, tmp_path):
    o, _kr1, kr2, _kr3 = ids(demo_store)
    other = tmp_path / "other.sh"
    other.write_text(
        f"#!/bin/sh\nprintf '[KR2]\\nvalue: 30\\n' | {sys.executable} -m tui "
        f"--data {demo_store.data_dir} checkin --from - >/dev/null\n"
        f'exec {editor.folder / "edit.py"} "$1"\n'
    )
    other.chmod(0o700)
    editor.rounds([("value: 21", "value: 28")])
    result = CliRunner().invoke(
        cli,
        ["--data", str(demo_store.data_dir), "checkin", "--editor"],
        env={"EDITOR": str(other), "PYTHONPATH": str(ROOT), "OKR_TODAY": "2026-10-19"},
    )
    assert result.exit_code == 1
    assert "saved by another copy of okr-checkin meanwhile" in result.stderr
    store = Store(demo_store.data_dir)
    assert store.checkin(o.id, WEEK).kr(kr2.id).value == 30  # theirs stands
    assert store.draft(o.id, WEEK)["krs"][kr2.id]["value"] == "28"  # mine is kept


def test_visual_wins_and_is_split_like_a_shell_would(demo_store, editor, monkeypatch):
    monkeypatch.setenv("VISUAL", f'sh -c \'exec "$0" "$1"\' {editor.folder / "edit.py"}')
    monkeypatch.setenv("EDITOR", "false")
    editor.rounds([("value: 21", "value: 22")])
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 0, result.output
    o, _kr1, kr2, _kr3 = ids(demo_store)
    assert Store(demo_store.data_dir).checkin(o.id, WEEK).kr(kr2.id).value == 22


def test_a_missing_editor_is_one_sentence(demo_store, monkeypatch):
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    monkeypatch.delenv("VISUAL", raising=False)
    result = okr(demo_store, "checkin", "--editor")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot run the editor 'no-such-editor-anywhere'")
    assert "Traceback" not in result.output


def test_untouched_texts_keep_their_exact_characters(demo_store, editor):
    o, _kr1, kr2, _kr3 = ids(demo_store)
    week = "2026-W42"
    saved = demo_store.checkin(o.id, week)
    saved.kr(kr2.id).note = "bell\x07 and [O not a header]"
    saved.note = "#1 priority\n[O o1 2026-W01] still the note"
    demo_store.save_checkin(saved)
    editor.rounds([("value: 21", "value: 23")])
    result = okr(demo_store, "checkin", "--editor", "--week", week)
    assert result.exit_code == 0, result.output
    assert "\x07" not in editor.seen(0)  # shown inert in the editor...
    again = Store(demo_store.data_dir).checkin(o.id, week)
    assert again.kr(kr2.id).note == "bell\x07 and [O not a header]"  # ...kept exact
    assert again.note == "#1 priority\n[O o1 2026-W01] still the note"
    assert again.kr(kr2.id).value == 23


# -- --print and --from ---------------------------------------------------------------------


def test_print_writes_the_form_as_the_app_prefills_it(demo_store):
    o, kr1, kr2, _kr3 = ids(demo_store)
    result = okr(demo_store, "checkin", "--print")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"[O {o.id} {WEEK}] Build a successful customer-expansion team" in lines
    at = lines.index(f"[KR2 {kr2.id}] Win 50 new customers in October")
    assert lines[at + 1 : at + 6] == [
        "# 0 → 50 new customers · on the linear path now: 31",
        "# 2026-W42: 21 new customers, confidence 5 · note then: Slower: 7 this week",
        "value: 21",
        "confidence: 5",
        "note:",
    ]
    at = lines.index(f"  [E {kr2.items[1].id}] October special plan two")
    assert lines[at + 1 : at + 5] == [
        "  # 2026-W42: at risk · you planned: Ask manager to help unblock legal",
        "  status: at risk",
        "  happened:",
        "  adjust:",
    ]
    assert "done: no" in lines
    # --print writes nothing to the store.
    assert Store(demo_store.data_dir).draft(o.id, WEEK) is None


def test_from_stdin_fills_only_the_fields_given(demo_store):
    o, _kr1, kr2, kr3 = ids(demo_store)
    text = "[KR2]\nvalue: 26\n[KR3]\nconfidence: 3\n"
    result = okr(demo_store, "checkin", "--from", "-", input=text)
    assert result.exit_code == 0, result.output
    saved = Store(demo_store.data_dir).checkin(o.id, WEEK)
    assert saved.kr(kr2.id).value == 26 and saved.kr(kr2.id).confidence == 5
    assert (saved.kr(kr3.id).value, saved.kr(kr3.id).confidence) == (31000, 3)


def test_from_a_printed_form_round_trips(demo_store, tmp_path):
    o, *_ = ids(demo_store)
    form = tmp_path / "form.txt"
    form.write_text(okr(demo_store, "checkin", "--print").stdout, encoding="utf-8")
    result = okr(demo_store, "checkin", "--from", str(form))
    assert result.exit_code == 0, result.output
    saved = Store(demo_store.data_dir).checkin(o.id, WEEK)
    last = Store(demo_store.data_dir).checkin(o.id, "2026-W42")
    assert [k.value for k in saved.key_results] == [k.value for k in last.key_results]
    assert [i.status for i in saved.items] == [i.status for i in last.items]


def test_from_with_mistakes_says_each_line_and_keeps_the_draft(demo_store):
    o, _kr1, kr2, _kr3 = ids(demo_store)
    text = f"[O {o.id} {WEEK}]\n[KR2]\nvalue: lots\nstatus: on track\n[KR9]\nvalue: 1\n"
    result = okr(demo_store, "checkin", "--from", "-", input=text)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: not saved: 3 problem(s) in standard input; the text is kept as the draft of "
        "2026-W43:",
        "  line 3: KR2: value is not a number",
        "  line 4: status does not belong here (KR)",
        "  line 5: this objective has no key result KR9",
    ]
    store = Store(demo_store.data_dir)
    assert store.checkin(o.id, WEEK) is None
    assert store.draft(o.id, WEEK)["krs"][kr2.id]["value"] == "lots"


def test_from_names_an_unknown_objective(demo_store):
    result = okr(demo_store, "checkin", "--from", "-", input="[O nope 2026-W43]\nvalue: 1\n")
    assert result.exit_code == 1
    assert "line 1: there is no objective 'nope'" in result.stderr


def test_from_does_not_go_with_editor(demo_store):
    result = okr(demo_store, "checkin", "--from", "-", "--editor", input="")
    assert result.exit_code == 2
    assert "--from reads a filled-in form" in result.output


def test_the_form_module_reads_back_what_it_writes(demo_store):
    o, *_ = ids(demo_store)
    session = checkin_text.open_session(demo_store, o.id, WEEK)
    text = checkin_text.render([session], "zh")
    reading = checkin_text.read(text, lambda *_: session, session, "zh")
    assert reading.all_errors == []
    [section] = reading.sections
    assert section.form == session.base


def test_the_editor_runs_without_a_terminal(demo_store, editor, tmp_path):
    """A subprocess with no terminal at all (stdin from /dev/null, output piped)."""
    editor.rounds([("value: 21", "value: 27")])
    env = {
        "EDITOR": str(editor.folder / "edit.py"),
        "PYTHONPATH": str(ROOT),
        "OKR_TODAY": "2026-10-19",
        "PATH": "/usr/bin:/bin",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--data", str(demo_store.data_dir), "checkin", "--editor"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    o, _kr1, kr2, _kr3 = ids(demo_store)
    assert Store(demo_store.data_dir).checkin(o.id, WEEK).kr(kr2.id).value == 27
