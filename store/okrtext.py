"""Read an OKR as people write it (and paste it) into model objects.

The text is the one a team lead already has: a page of the company handbook, a
vendor's example, an article, or the lead's own lines (see ``store/examples/``)::

    一个典型的OKR示例：
    • Objective：提升产品用户体验
    • Key Results
      • KR1：将用户满意度评分从7.5提升至8.5（满分10分）
      • KR2：将页面加载时间从3秒降低至1.5秒以内

Lines
    - Heads, in any case, with or without a number, a label in parentheses and a
      separator (``:`` ``：`` ``.`` ``、`` ``)`` `` - `` or a space): objectives ``O``,
      ``O1``, ``Objective 2``, ``Objective #2``, ``Goal``, ``目标``, ``目标一``,
      ``目標``, ``O1(目标1)``; key results ``KR``, ``KR1``, ``KR1.2``, ``Key Result 3``,
      ``关键结果``, ``关键成果``, ``關鍵結果``, ``KR1(关键成果1)``; E-items ``E``, ``E1``,
      ``Initiative``, ``Action``, ``执行``, ``执行项``, ``行动``, ``举措``, ``关键动作``,
      ``執行``, ``行動``, ``舉措``, ``關鍵動作``. A spelled-out English head
      (``Objective``, ``Key Results``) needs a number or a separator other than a
      space ("Objectives are qualitative" is prose). After a number a CJK title may
      follow directly (``KR1完成``). Bullets (``-`` ``*`` ``•`` ``·`` ``▪`` ``[ ]`` ...),
      enumerators (``1.`` ``1)`` ``(1)`` ``1、`` ``①`` ``一、`` ``（一）``), Markdown
      ``#`` and ``**`` and any indentation are taken off before the head is read.
    - A head without a title is a heading: ``Key Results`` / ``关键结果：`` starts a list
      of KRs, ``Initiatives:`` / ``关键动作：`` a list of E-items of the last KR;
      ``Objective:`` takes its title from the next line; ``KR1:`` from the next line
      when that line is not a list item.
    - List items (bulleted or enumerated lines) under an objective or a ``Key
      Results`` heading are KRs; a list item indented deeper than the KR above it is
      an E-item of that KR; list items under a titled ``KR:`` line or an
      ``Initiatives`` heading are E-items (but one at the indentation of a bulleted
      ``- KR2: ...`` line is a KR beside it).
    - Plain lines (no head, no bullet) are KRs (or E-items) only where the OKR is
      written without lists and heads (bullets lost in copying): right under an
      objective none of whose KRs has a head or a bullet, or under a heading whose
      items have no bullets, up to the first blank line after them. Elsewhere they
      are prose (a sentence under an objective, a description under a KR).
    - Prose is skipped and listed in :attr:`ParseResult.skipped` (line number and
      text): sentences and headings before, between and after the OKR, descriptions
      under a KR, list items before the first objective. A plain line ending in a
      colon ("Related articles:") is a heading of something else: the lines after it
      are skipped up to the next head.
    - Blank lines, CRLF / CR line ends and a UTF-8 BOM are fine; several objectives
      may follow each other.

Refusals (:class:`OkrTextError`, ``str(e) == "line N: reason"``, with a hint)
    a ``KR:`` line before any objective, an ``E:`` line or an E-item list before any
    KR of its objective, ``O:`` / ``KR1:`` / ``E:`` heads whose title never comes, a
    line over 10,000 characters, a KR whose start and target are equal or whose
    measure cannot be stored. Line 0 means the text as a whole: no objective at all,
    bytes that are not UTF-8, or control characters (NUL, ESC, other C0/C1 controls
    but tab, CR, LF, VT, FF: they could drive the terminal the titles are shown on).

Measures: read right or asked, never guessed
    Inference never invents a number: every start and target is a number the line
    says, or None (unknown: the start is asked at the first check-in, the target in
    the paste box or the check-in). Each KR's :attr:`KRNote.read_from` holds the
    words its measure came from, shown before anything is saved. In order:

    1. An explicit measure in brackets wins and leaves the title: ``[0 -> 50 customers]``,
       ``[0→50 家]``, ``[14 -> 5 days]``, ``[-> 50]`` / ``[50 customers]`` (start 0),
       ``[? -> 90%]`` (start asked), ``[0 -> ? 家]`` / ``[? customers]`` (target
       asked), ``[< 2%]`` ``[<= 2%]`` ``[below 2%]`` (stay below), ``[> 95%]``
       ``[>= 95%]`` ``[above 95%]`` (stay above), ``[-25%]`` ``[+30%]`` ``[x2]``
       (relative), ``[milestone]`` / ``[里程碑]``; ``【】`` and ``［］`` too. The last
       bracket that reads as a measure counts; others (``[beta]``) stay in the title.
    2. A pair: ``from A to B``, ``从 A 提升到/至 B``, ``由 A 降至 B``, ``A -> B``,
       ``A 提升至 B``, ``increase X A to B``: start A, target B (decreasing when A > B),
       even with ``以内`` after B ("从3秒降低至1.5秒以内" is 3 -> 1.5 秒).
    3. A relative change: ``by 25%`` after increase/grow/raise/... (+0.25) or
       reduce/cut/lower/... (-0.25), ``a 25% reduction``, ``环比提升30%``,
       ``增长20%``, ``減少 30%``, ``double`` / ``2x`` / ``翻倍`` / ``翻一番`` (+1.0),
       ``triple`` / ``3x`` (+2.0), ``翻两番`` (+3.0), ``halve`` / ``减半`` (-0.5),
       ``提升到3倍`` (+2.0): ``relative`` is set, start and target are None (the start
       is asked, the target follows from it). A change whose direction or base the
       words leave open is asked rather than guessed: ``improve X by 20%``,
       ``优化20%``, ``by 5 percentage points``, ``提升5个百分点``, ``增长3倍``,
       ``by $50k``: start and target None, no ``relative``.
    4. A range without "from" (``3-5家``, ``3~5``, ``hire 3 to 5 engineers``): the
       target is asked.
    5. A level to hold: a bound (``below``, ``under``, ``less than``, ``at most``,
       ``no more than``, ``<``, ``≤``, ``以内``, ``以下``, ``不超过``, ``低于`` -> stay
       below; ``above``, ``over``, ``more than``, ``at least``, ``no less than``,
       ``>``, ``≥``, ``50+``, ``以上``, ``不低于``, ``高于``, ``至少`` -> stay above)
       in a line that neither moves the number (increase, reduce, reach, 提升, 降低,
       达到, ...) nor counts it (below): "keep churn below 2%",
       "将客户流失率控制在2%以内", "Less than 10% voluntary turnover", "不低于95%".
       Kind ``stay_below`` / ``stay_above``, target the level, start None. With a
       moving verb the bound only gives the target ("Reduce churn to below 2%": ? ->
       2%); a hold without a bound ("Maintain 99.9% uptime") is ? -> 99.9% (write
       ``[>= 99.9%]`` to hold it).
    6. One quantity: the target. Its start is 0 only when the line counts what is
       added in the period: the number is the object of a counting verb (win, gain,
       sign, hire, publish, launch, host, complete, 新增, 收获, 签约, 开拓, 招聘,
       发布, 举办, 完成, ...) or is followed by "new" / 新. Otherwise (a level: reach,
       achieve, to, 达到, a percent, or no verb at all) the start is None and asked:
       "Achieve a 90% satisfaction score" is ? -> 90%, "两百家门店" is ? -> 200 家,
       "收获十万粉丝" is 0 -> 100000 粉丝. With several quantities, one right after a
       counting or level verb wins, then the first one not after 在 / for / per /
       across.
    7. ``XX`` / ``xx`` / ``若干``: an unknown target (start by rule 6).
    8. No number at all: a milestone (0 -> 1).

    Numbers: ``2,500`` (commas only between groups of three: ``1,2,3`` is no number),
    full-width digits, ``k`` / ``M`` / ``B`` / ``thousand`` / ``million``, ``10w`` /
    ``10万`` / ``1.5万`` / ``1万5`` / ``3亿``, Chinese numerals read with ``cn2an``
    (``十万``, ``两百``, ``三千``, ``一万五``; a lone ``一`` never, and a single digit
    only before a counter: ``三家``), ``百分之三十`` (30%). Currency becomes the unit:
    ``$``, ``US$``, ``USD``, ``dollars`` -> ``$``; ``¥``, ``RMB``, ``CNY`` -> ``¥``;
    ``€``, ``£``; ``元``, ``块``, ``人民币``, ``万元`` (x 10^4), ``亿元`` -> ``元``.
    Units: ``%``; a Chinese counter after the number (家 个 位 名 次 篇 ...) or the next
    1-4 CJK characters up to a particle (粉丝); up to three English words up to a stop
    word ("new customers"). Not quantities: dates and times (``10月``, ``2026-10-01``,
    ``15 October``, ``Q4``, ``H1``, ``FY2026``, years after in/by), versions and names
    (``v2``, ``P0``, ``第3``), deadlines (``within 30 days``, ``三个月内``, ``前30天``),
    anything in parentheses (a trailing remark: "3家标杆客户（员工规模1000人以上）" is
    3 家; read only when nothing else is), ``满分10分``, ``out of 5`` and the ``/5``
    of ``4.8/5``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.model import (
    InvalidData,
    Item,
    KeyResult,
    Objective,
    check_date,
    check_week,
    new_id,
)
from store.okrmeasure import MAX_UNIT, MAX_VALUE, Measure, infer_measure  # noqa: F401

MAX_LINE = 10_000  # characters in one line


class OkrTextError(ValueError):
    """Text that cannot be read as an OKR; ``line`` 0 means the text as a whole."""

    def __init__(self, line: int, reason: str):
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}" if line else reason)


@dataclass
class KRNote:
    """What was read for one KR, for ``okr import`` and the paste box to show."""

    objective_title: str
    kr_title: str
    kind: str
    start: float | None
    target: float | None
    unit: str
    source: str  # explicit | inferred | default
    line: int = 0  # the KR's line in the text
    read_from: str = ""
    relative: float | None = None
    kr_id: str = ""  # the KeyResult's id in ParseResult.objectives

    @property
    def asks_start(self) -> bool:
        """The start is asked at the first check-in (a level's start is never asked)."""
        return self.kind in ("number", "percent") and self.start is None

    @property
    def asks_target(self) -> bool:
        """The target is unknown and not following from a relative change."""
        return self.kind != "milestone" and self.target is None and self.relative is None


@dataclass
class ParseResult:
    objectives: list[Objective]
    notes: list[KRNote]  # one per KR, in order
    warnings: list[str] = field(default_factory=list)  # e.g. an O without KRs
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of prose

    @property
    def unknown_targets(self) -> list[KRNote]:
        return [n for n in self.notes if n.asks_target]

    @property
    def unknown_starts(self) -> list[KRNote]:
        return [n for n in self.notes if n.asks_start]


# -- text and lines ------------------------------------------------------------------------------

# C0 controls but tab, LF, VT, FF, CR; DEL; C1 controls (ESC and CSI could drive a terminal).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Line ends: CRLF, CR, LF, and the Unicode line / paragraph separators.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Invisible characters trimmed with the whitespace around a line or title.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A line with none of these is a rule or decoration (---, ***, ===): a blank line.
_WORDLIKE = re.compile(rf"[0-9A-Za-z{_CJK}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# A list bullet: signs that are bullets only before a space or a non-digit; others always.
_BULLET = re.compile(
    r"(?:[-*+](?=[\s\u3000]|[^\x00-\x7f0-9]|[A-Za-z])|[•·▪◦○●■□►▸‣⁃–—>»※☐☑✓✔‧∙・⦁◆◇★☆➢➤]"
    r"|\[[ xX✓✔]?\](?=\s))[\s\u3000]*"
)
_CN_DIGITS = "一二三四五六七八九十"
# An enumerator: 1. 1) (1) 1、 ① 一、 （一） a) — not 1.5 (a number).
_ENUM = re.compile(
    rf"""(?:
        [(（]\s*(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}}|[a-zA-Z])\s*[)）]
      | (?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*、
      | \d{{1,2}}[.．](?!\d)
      | \d{{1,2}}[)）]
      | [a-zA-Z]\)
      | [\u2460-\u2473\u2474-\u2487\u2776-\u277f]
    )[\s\u3000]*""",
    re.X,
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_HEAD = re.compile(
    r"""
    (?P<head>key\s*results?|objectives?|initiatives?|actions?|goals?|krs?|o|e
      |关键结果|关键成果|關鍵結果|關鍵成果|目标|目標
      |关键动作|關鍵動作|关键举措|關鍵舉措|关键行动|關鍵行動
      |执行项|執行項|执行|執行|行动|行動|举措|舉措)
    (?P<num>[ \t]*\#?[ \t]*(?:[0-9]+(?:\.[0-9]+)*|[一二三四五六七八九十]{1,3}))?
    (?P<label>\s*[(（][^()（）]{0,24}[)）])?
    (?P<rest>.*)
    """,
    re.I | re.X | re.S,
)
_O_HEADS = {"o", "objective", "objectives", "goal", "goals", "目标", "目標"}
_KR_HEADS = {"kr", "krs", "keyresult", "keyresults", "关键结果", "关键成果", "關鍵結果", "關鍵成果"}
_LABELS = {"O": "the objective (O)", "KR": "the key result (KR)", "E": "the E-item"}


def _strip(text: str) -> str:
    return text.strip().strip(_INVISIBLE).strip()


def _decode(text: str | bytes) -> str:
    """The text as str, refusing what is not text (line 0)."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise OkrTextError(0, "not text (not valid UTF-8)") from None
    elif not isinstance(text, str):
        raise OkrTextError(0, "not text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise OkrTextError(0, "not text (invalid characters)") from None
    if "\x00" in text:
        raise OkrTextError(0, "not text (contains NUL characters)")
    control = _CONTROL.search(text)
    if control:
        line = len(_LINE_BREAK.findall(text, 0, control.start())) + 1
        raise OkrTextError(line, f"a control character (U+{ord(control.group()):04X}) is not text")
    return text.removeprefix("\ufeff").replace("\v", " ").replace("\f", " ")


@dataclass
class _Line:
    number: int
    text: str  # the line as written, trimmed (shown when skipped)
    indent: int = 0  # columns of leading white space (a tab is 4)
    listed: bool = False  # bulleted or enumerated
    head: str | None = None  # O / KR / E
    title: str = ""  # after the head (or the whole line without its bullet)
    short: bool = False  # a head whose empty title is refused: O, KR1, E2 (not "Key Results")

    @property
    def blank(self) -> bool:
        return not self.text


def _indent(raw: str) -> int:
    width = 0
    for ch in raw:
        if ch == "\t":
            width += 4
        elif ch == "\u3000":
            width += 2
        elif ch.isspace() or ch in _INVISIBLE:
            width += 1
        else:
            break
    return width


def _read_line(number: int, raw: str) -> _Line:
    if len(raw) > MAX_LINE:
        raise OkrTextError(number, f"too long (over {MAX_LINE:,} characters)")
    text = _strip(raw)
    if not _WORDLIKE.search(text):
        return _Line(number, "")
    line = _Line(number, text, _indent(raw))
    m = _MARKDOWN_HEADING.match(text)
    body = text[m.end() :] if m else text
    m = _BULLET.match(body)
    if m:
        line.listed, body = True, body[m.end() :]
    body = _strip(body.replace("**", "").replace("__", ""))
    head = _head(body)
    m = _ENUM.match(body) if head is None else None
    if m:  # 1. / (1) / 一、 before the text (a head first: "E) Plan" is an E-item)
        line.listed, body = True, _strip(body[m.end() :])
        head = _head(body)
    if head is None:
        line.title = body
    else:
        line.head, line.title, line.short = head
    if not line.title and line.head is None:
        return _Line(number, "")
    return line


def _head(body: str) -> tuple[str, str, bool] | None:
    """(O / KR / E, title, short) when the line starts with a head; None otherwise."""
    m = _HEAD.match(body)
    if not m:
        return None
    word = re.sub(r"\s+", "", m["head"].lower())
    numbered = bool(m["num"] or m["label"])
    spelled = word.isascii() and len(word) > 3  # objective, key results, initiative ...
    rest = m["rest"]
    title: str | None = None
    if re.match(r"\s*[:：]", rest):
        title = re.sub(r"^\s*[:：]", "", rest)
    elif re.match(r"[ \t]*[.．、)）]", rest) and not re.match(r"[ \t]*[.．]\d", rest):
        sep = re.match(r"[ \t]*[.．、)）]", rest)
        after = rest[sep.end() :]
        # "KR1. x", "KR1.Ship", "E、x"; a bare head's dot needs a space: "e.g." is prose
        if numbered or not after or after[0].isspace() or not after[0].isascii():
            title = after
    elif re.match(r"\s+[-–—](?=\s)", rest):
        title = re.sub(r"^\s+[-–—]", "", rest)
    elif not rest.strip():
        title = ""
    elif rest[0].isspace():
        if numbered or not spelled:
            title = rest
    elif not rest[0].isascii() and (m["label"] or (m["num"] and m["num"].strip()[-1].isdigit())):
        title = rest  # KR1完成 / O1(目标1)打造
    if title is None:
        return None
    if word in _O_HEADS:
        kind = "O"
    elif word in _KR_HEADS:
        kind = "KR"
    else:
        kind = "E"
    short = numbered or not (spelled or len(word) > 2 and not word.isascii())
    return kind, _strip(title), short


# -- reading the lines ---------------------------------------------------------------------------


def parse_okr_text(
    text: str | bytes, *, start: str, end: str, week: str | None = None
) -> ParseResult:
    """Objectives (with KRs and E-items, fresh ids) read from pasted OKR text.

    ``start``/``end`` (YYYY-MM-DD) are each objective's period; ``week`` (an ISO
    week or None) is stored as each item's ``added``. Bad arguments raise
    :class:`store.model.InvalidData`; text that cannot be placed raises
    :class:`OkrTextError` (see the module docstring).
    """
    check_date(start, "start")
    check_date(end, "end")
    if end < start:
        raise InvalidData("end", "the period ends before it starts")
    if week is not None:
        check_week(week, "week")
    lines = [_read_line(n, raw) for n, raw in enumerate(_LINE_BREAK.split(_decode(text)), 1)]
    return _Builder(start, end, week, lines).run()


class _Builder:
    """Places the lines: objectives, their KRs and E-items, and the prose it skips."""

    def __init__(self, start: str, end: str, week: str | None, lines: list[_Line]):
        self.start, self.end, self.week = start, end, week
        self.lines = lines
        self.objectives: list[tuple[int, Objective]] = []
        self.notes: list[KRNote] = []
        self.skipped: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        # The scope: what the lines after a head (up to the next head) belong to.
        self.scope: str | None = None  # O | KR | E | KR-list | E-list | closed
        self.scope_lists = False  # the scope uses list items (plain lines are prose)
        self.scope_items = 0  # KRs / E-items placed in the scope
        self.plain_open = True  # no blank line after the scope's first item yet
        self.list_indent: int | None = None  # indent of the scope's last listed KR
        self.head_indent: int | None = None  # indent of the scope's head when it is listed
        self.pending: _Line | None = None  # a head waiting for its title (O:, KR1:)

    # -- ids and objects --------------------------------------------------------------------

    def _id(self, prefix: str) -> str:
        ident = new_id(prefix)
        while ident in self.ids:
            ident = new_id(prefix)
        self.ids.add(ident)
        return ident

    @property
    def objective(self) -> Objective | None:
        return self.objectives[-1][1] if self.objectives else None

    def add_objective(self, number: int, title: str) -> None:
        self.objectives.append((number, Objective(self._id("o"), title, self.start, self.end)))

    def add_kr(self, number: int, title: str) -> None:
        objective = self.objective
        if objective is None:
            raise OkrTextError(
                number, "a key result (KR) before any objective (add an O: line above it)"
            )
        try:
            m = infer_measure(title)
        except ValueError as e:
            raise OkrTextError(number, str(e)) from None
        if not m.title:
            raise OkrTextError(number, "the key result (KR) has no title besides its measure")
        kr = KeyResult(
            self._id("kr"), m.title, m.kind, m.start, m.target, m.unit, relative=m.relative
        )
        try:
            KeyResult.from_dict(kr.to_dict())
        except InvalidData as e:
            raise OkrTextError(number, e.reason) from None
        objective.key_results.append(kr)
        self.notes.append(
            KRNote(
                objective.title,
                m.title,
                m.kind,
                m.start,
                m.target,
                m.unit,
                m.source,
                number,
                m.read_from,
                m.relative,
                kr.id,
            )
        )

    def add_item(self, number: int, title: str) -> None:
        objective = self.objective
        if objective is None or not objective.key_results:
            raise OkrTextError(
                number, "an E-item before any key result (KR) (add a KR: line above it)"
            )
        objective.key_results[-1].items.append(Item(self._id("e"), title, True, self.week))

    # -- the lines --------------------------------------------------------------------------

    def run(self) -> ParseResult:
        for index, line in enumerate(self.lines):
            if line.blank:
                if self.scope_items:
                    self.plain_open = False
            elif line.head is not None:
                self.close_pending()
                self.on_head(index, line)
            elif self.pending is not None and self.pending.head == "O":
                self.pending = None
                self.add_objective(line.number, line.title)
                self.open_scope("O", index)
            else:
                self.on_body(index, line)
        self.close_pending()
        return self.result()

    def open_scope(self, scope: str, index: int) -> None:
        """Start the scope of the line at ``index`` (a head, or an objective's title): are
        its plain lines prose? They are where a list is used, and under an objective
        whose KRs are written with heads or as a list."""
        self.scope, self.scope_items, self.plain_open, self.list_indent = scope, 0, True, None
        head = self.lines[index]
        self.head_indent = head.indent if head.listed else None
        self.scope_lists = False
        for line in self.lines[index + 1 :]:
            if line.head is not None and (scope != "O" or line.head == "O"):
                break
            if line.listed or line.head is not None:
                self.scope_lists = True
                break

    def close_pending(self) -> None:
        """A head whose title never came: refused (O:, KR1:) or skipped (Key Results:)."""
        pending, self.pending = self.pending, None
        if pending is None:
            return
        if pending.head == "O" or (pending.short and not self.scope_items):
            raise OkrTextError(pending.number, f"{_LABELS[pending.head]} has no title")

    def on_head(self, index: int, line: _Line) -> None:
        kind, title = line.head, line.title
        if kind == "O":
            if title:
                self.add_objective(line.number, title)
                self.open_scope("O", index)
            else:
                self.pending = line
                self.scope = None
            return
        if title:
            if kind == "KR":
                self.add_kr(line.number, title)
            else:
                self.add_item(line.number, title)
            self.open_scope(kind, index)
            return
        if self.objective is None:  # a heading in the prose before the OKR
            self.skipped.append((line.number, line.text))
            self.scope = "closed"
            return
        self.open_scope(f"{kind}-list", index)
        self.pending = line

    def on_body(self, index: int, line: _Line) -> None:
        if self.objective is None or self.scope in (None, "closed"):
            self.skipped.append((line.number, line.text))
            return
        pending = self.pending
        if pending is not None and pending.short and not line.listed and not self.scope_items:
            # "KR1:" then its title on the next line
            self.pending = None
            self.place(line, pending.head)
            self.open_scope(pending.head, index)
            return
        if not line.listed and line.title.endswith((":", "：")):
            self.skipped.append((line.number, line.text))  # a heading of something else
            self.scope = "closed"
            return
        if not line.listed and (
            self.scope_lists or not self.plain_open or self.scope in ("KR", "E")
        ):
            self.skipped.append((line.number, line.text))  # prose, or a KR's description
            return
        sibling = (  # "- KR2: b" then "- c": c is a KR like b, not its E-item
            self.scope == "KR" and self.head_indent is not None and line.indent <= self.head_indent
        )
        if (self.scope in ("E", "E-list", "KR") and not sibling) or (
            self.list_indent is not None
            and line.indent > self.list_indent
            and self.objective.key_results
        ):
            self.place(line, "E")
        else:
            self.place(line, "KR")
            self.list_indent = line.indent

    def place(self, line: _Line, kind: str) -> None:
        if kind == "KR":
            self.add_kr(line.number, line.title)
        else:
            self.add_item(line.number, line.title)
        self.scope_items += 1

    def result(self) -> ParseResult:
        if not self.objectives:
            raise OkrTextError(
                0, "no objective (expected a line starting with O:, Objective: or 目标：)"
            )
        warnings = []
        for number, objective in self.objectives:
            try:
                Objective.from_dict(objective.to_dict())
            except InvalidData as e:
                raise OkrTextError(number, str(e)) from None
            if not objective.key_results:
                warnings.append(f"line {number}: objective {objective.title!r} has no key result")
        return ParseResult([o for _, o in self.objectives], self.notes, warnings, self.skipped)
