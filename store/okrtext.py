"""Read an OKR written as plain O / KR / E lines into model objects.

The text is the one a team lead already has (see ``store/examples/``)::

    O: Build a successful customer-expansion team
    KR1: Win 50 new customers in October
    E: October special plan one

Lines
    Every non-blank line starts with a head, then a title. Heads (English ones
    in any case): ``O``, ``O1``, ``Objective``, ``目标``; ``KR``, ``KR1``,
    ``KR 2``, ``Key Result 3``, ``关键结果1``; ``E``, ``E1``, ``Initiative``,
    ``执行``, ``行动``, ``举措``. After the head (and its optional number) comes
    ``:`` or ``：``, or ``.`` ``、`` ``)`` (``KR1.``, ``1、``), or a space
    (``KR1 Finalise``); after a number a CJK title may follow directly
    (``KR1完成``). A leading bullet (``-`` ``*`` ``•`` ``·`` ``+``) and any
    indentation are ignored: the heads alone give the structure. Blank lines,
    CRLF / CR line ends and a UTF-8 BOM are fine; several objectives may follow
    each other.

Refusals (:class:`OkrTextError`, ``str(e) == "line N: reason"``)
    a KR before any O, an E before any KR of the current O, a line that is not
    O/KR/E, a head with an empty title, a line over 10,000 characters, a KR
    whose start and target are equal or whose measure cannot be stored. Line 0
    means the text as a whole: no objective at all (empty text), bytes that
    are not UTF-8, or text with control characters (NUL, ESC, other C0/C1
    controls except tab, CR, LF, VT, FF; ESC and C1 could drive the terminal
    the titles are later shown on).

Decisions
    - An O without any KR is *accepted* (the editor can add KRs later) and
      reported in :attr:`ParseResult.warnings`. A KR without E-items is fine.
    - Inference is a first guess that ``okr import`` prints for review
      (:class:`KRNote`); it never invents a target: "XX" / "xx" / "若干" give
      an unknown target (``None``), which the app asks for later.
    - Multipliers are applied and dropped from the unit: 10w / 10万 -> 100000,
      1.5万 -> 15000, 50万元 -> 500000 with unit 元 (not 50 with unit 万元).
    - Numbers that are dates are ignored: followed by 月/日/号/年/季度, after 第,
      next to an English month name, glued to a letter (Q1, H2, v2, FY2026),
      ordinals (1st), parts of 2026-10-01 / 10/15 / 10:30, and bare years
      19xx/20xx after in/by/since/... or with no unit word after them.
    - The first remaining number (or XX) is the target, start 0; a range
      "from A to B", "从 A (降/提升…)到/至 B", "由 A 减少到 B" or "A -> B" gives
      start A and target B (decreasing when A > B).
    - Units: ``%`` for percents (kind ``percent``); for English the words after
      the number up to a stop word (on, in, for, by, from, to, per, the, ...),
      punctuation or a number, at most 3 words ("new customers", "weekly active
      teams"); for Chinese a counter character right after the number (家 个 位
      人 单 天 元 ...) or else the next 1-4 CJK characters up to a particle such
      as 的 (粉丝). Units longer than 40 characters are shortened or dropped.
    - An explicit measure in brackets overrides inference and is removed from
      the title: ``[0 -> 50 customers]``, ``[0→50 家]``, ``[14 -> 5 days]``,
      ``[-> 50]``, ``[50 customers]`` (start 0), ``[? customers]``,
      ``[0 -> ? 家]`` (unknown target), ``[milestone]`` / ``[里程碑]``,
      ``[60% -> 85%]``; ``【】`` and ``［］`` too. The last bracket that reads as
      a measure counts; other brackets (``[beta]``) stay in the title.
    - No number at all: a milestone (0 -> 1), source ``default``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from store.model import (
    InvalidData,
    Item,
    KeyResult,
    Objective,
    check_date,
    check_week,
    new_id,
)

MAX_LINE = 10_000  # characters in one line
MAX_UNIT = 40  # the model's bound on KeyResult.unit
MAX_VALUE = Decimal(10) ** 15  # the model's bound on numbers


class OkrTextError(ValueError):
    """Text that cannot be read as an OKR; ``line`` 0 means the text as a whole."""

    def __init__(self, line: int, reason: str):
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}" if line else reason)


@dataclass
class Measure:
    """How a KR is measured, as read from its title (see :func:`infer_measure`)."""

    kind: str  # number | percent | milestone
    start: float | int
    target: float | int | None  # None: unknown yet (XX)
    unit: str
    source: str  # explicit | inferred | default
    title: str  # the title without an explicit [..] measure


@dataclass
class KRNote:
    """What was inferred for one KR, for ``okr import`` to print."""

    objective_title: str
    kr_title: str
    kind: str
    start: float
    target: float | None
    unit: str
    source: str  # explicit | inferred | default
    line: int = 0  # the KR's line in the text


@dataclass
class ParseResult:
    objectives: list[Objective]
    notes: list[KRNote]  # one per KR, in order
    warnings: list[str] = field(default_factory=list)  # e.g. an O without KRs

    @property
    def unknown_targets(self) -> list[KRNote]:
        return [n for n in self.notes if n.target is None]


# -- text and lines ------------------------------------------------------------------------------

# C0 controls but tab, LF, VT, FF, CR; DEL; C1 controls (ESC and CSI could drive a terminal).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Line ends: CRLF, CR, LF, and the Unicode line / paragraph separators.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Invisible characters trimmed with the whitespace around a line or title.
_INVISIBLE = "\ufeff\u200b"
# A list bullet before the head: "- KR1: ..", "• E: ..".
_BULLET = re.compile(r"[-*•·+]\s*")
# A head, its optional number and separator, then the title.
_HEAD = re.compile(
    r"""
    (?P<head>key\s*results?|objectives?|initiatives?|kr|o|e|关键结果|目标|执行|行动|举措)
    (?:\s*(?P<num>[0-9０-９]+))?          # O1, KR 2, Key Result 3, 关键结果1
    (?:
        \s*[:：.．、)）]                  # KR1: / KR1： / 1. / 1、 / 1)
      | \s+[-–—](?=\s)                  # KR1 - title
      | \s                              # KR1 title
      | $                               # a bare head: refused later for its empty title
      | (?<=[0-9０-９])(?=[^\x00-\x7f])  # KR1完成…: the number ends the head
    )
    (?P<title>.*)
    """,
    re.I | re.X | re.S,
)
_OBJECTIVE_HEADS = ("o", "objective", "objectives", "目标")
_KR_HEADS = ("kr", "关键结果")  # and key result(s), matched by prefix


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


def _head_kind(head: str) -> str:
    head = re.sub(r"\s+", " ", head.lower())
    if head in _OBJECTIVE_HEADS:
        return "O"
    if head in _KR_HEADS or head.startswith("key"):
        return "KR"
    return "E"


_LABELS = {"O": "the objective (O)", "KR": "the key result (KR)", "E": "the E-item"}


def _read_line(number: int, raw: str) -> tuple[str, str] | None:
    """(kind O/KR/E, title) of one line, None for a blank one."""
    if len(raw) > MAX_LINE:
        raise OkrTextError(number, f"too long (over {MAX_LINE:,} characters)")
    line = _strip(raw)
    if _BULLET.match(line):
        line = _strip(_BULLET.sub("", line, count=1))
    if not line:
        return None
    m = _HEAD.match(line)
    if not m:
        shown = line if len(line) <= 30 else line[:30] + "…"
        raise OkrTextError(
            number, f"expected O:, KR: or E: at the start of the line, found {shown!r}"
        )
    kind, title = _head_kind(m["head"]), _strip(m["title"])
    if not title:
        raise OkrTextError(number, f"{_LABELS[kind]} has no title")
    return kind, title


# -- numbers -------------------------------------------------------------------------------------

# Full-width digits and percent sign read as ASCII (1:1, so positions stay the same).
_NORMALISE = str.maketrans("０１２３４５６７８９％", "0123456789%")
# A number with an optional multiplier and percent: 2,500 / 1.5万 / 100k / 10w+ / 60%.
_NUMBER = re.compile(
    r"""
    (?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?   # 2,500 / 1,000,000.5
          | [0-9]+(?:\.[0-9]+)?)                    # 100 / 1.5
    (?P<mult>
        \s?(?:thousand|million|billion)\b           # 1.5 million
      | (?:bn|[kmw])(?![a-z])                       # 100k, 10w, 5M (glued to the number)
      | [十百千万亿]+(?![克米瓦])                     # 10万, 5百万, 3亿 (not 千克, 千米)
    )?
    (?P<plus>\+)?                                   # 10w+
    (?P<pct>\s?(?:%|percent\b|per\s?cent\b|pct\b))?
    """,
    re.I | re.X,
)
_MULTIPLIERS = {"k": 10**3, "m": 10**6, "w": 10**4, "bn": 10**9}
_MULTIPLIERS |= {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_CJK_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# A target written as unknown: XX (not inside a word), 若干.
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:[Xx]{2,}|若干)(?![A-Za-z])")

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Just before a number that is not a quantity: Q1, v2, #3 (a letter), 第3, 1.2.3, 10/15.
_NOISE_BEFORE = re.compile(r"(?:[A-Za-z_#]|第\s?|[0-9][.,:/-]|\b" + _MONTHS + r"\.?\s*)$", re.I)
# Just after one: 2026-10, 10/15, 10:30, 1st, 3pm, 15 October.
_NOISE_AFTER = re.compile(
    r"[.,:/-][0-9]|(?:st|nd|rd|th|am|pm)\b|\s*(?:of\s+)?" + _MONTHS + r"\b", re.I
)
# A date word after a plain number: 10月, 15日, 3号, 2026年, 3季度.
_DATE_AFTER = re.compile(r"\s?(?:月|日|号|年|季度)")
# Words before a year: in 2026, by 2027.
_YEAR_BEFORE = re.compile(
    r"\b(?:in|by|since|until|till|before|after|during|of|through|end)\s*$", re.I
)


@dataclass
class _Token:
    start: int
    end: int
    value: Decimal
    percent: bool
    bare: bool  # digits only: no comma, decimals, multiplier or percent


def _value(m: re.Match) -> Decimal:
    value = Decimal(m["num"].replace(",", ""))
    mult = (m["mult"] or "").strip().lower()
    if mult in _MULTIPLIERS:
        value *= _MULTIPLIERS[mult]
    else:
        for ch in mult:
            value *= _CJK_MULTIPLIERS[ch]
    return value


def _token(m: re.Match) -> _Token:
    return _Token(
        start=m.start(),
        end=m.end(),
        value=_value(m),
        percent=bool(m["pct"]),
        bare=not (m["mult"] or m["pct"] or m["plus"]) and m["num"].isdigit(),
    )


def _number(value: Decimal) -> int | float:
    """A value the model stores: an int when whole, a float otherwise."""
    if abs(value) > MAX_VALUE:
        raise ValueError("number too large")
    return int(value) if value == value.to_integral_value() else float(value)


def _is_noise(s: str, t: _Token) -> bool:
    """Whether the number is part of a date, a name or a version rather than a quantity."""
    before, after = s[max(0, t.start - 12) : t.start], s[t.end : t.end + 12]
    if _NOISE_BEFORE.search(before) or _NOISE_AFTER.match(after):
        return True
    return t.bare and bool(_DATE_AFTER.match(after))


def _is_year(s: str, t: _Token, unit: str) -> bool:
    """A bare 19xx/20xx after "in"/"by"/… or with no unit after it."""
    if not (t.bare and 1900 <= t.value <= 2099 and t.end - t.start == 4):
        return False
    return not unit or bool(_YEAR_BEFORE.search(s[max(0, t.start - 12) : t.start]))


# -- units ---------------------------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per\s?cent\b|pct\b)", re.I)
# Two-character Chinese units, then single counters (measure words).
_CJK_UNIT = re.compile(
    r"\s?(?:(?P<two>小时|分钟|公里|千米|千克|公斤|人次|平米)"
    r"|(?P<one>[家个位名人次单天元块篇条本场份款件台套项户笔倍周张辆所间门只首部节课期批轮例届分秒页字斤吨米克箱盒瓶包]))"
)
# Otherwise 1-4 CJK characters, cut at the first particle.
_CJK_RUN = re.compile(rf"\s?([{_CJK}]{{1,4}})")
_CJK_PARTICLES = set("的地得和与及并在以或上中内里了等达到至于每")
# An English word right after the number (glued: 100ms) or after spaces.
_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")
# Words that end an English unit: "followers on X", "customers in October".
_STOP_TEXT = """
    on in for by from to per at with of within before after during and or across via
    through over under into onto than this next each every a an the until till vs versus
    while since as among between our their its my your his her we they it is are was were
    be will that which who whose so up down more less
"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())


def _unit_after(s: str, pos: int, *, counters_only: bool = False) -> str:
    """The unit written right after position ``pos`` (a number or XX), or ""."""
    rest = s[pos : pos + 200]
    if _PERCENT_AFTER.match(rest):
        return "%"
    m = _CJK_UNIT.match(rest)
    if m:
        return m["two"] or m["one"]
    m = _CJK_RUN.match(rest)
    if m:
        if counters_only:
            return ""
        run = m[1]
        cut = next((i for i, ch in enumerate(run) if ch in _CJK_PARTICLES), len(run))
        return run[:cut]
    return _english_unit(rest)


def _english_unit(rest: str) -> str:
    words: list[str] = []
    pos = 0
    while len(words) < 3:
        m = _WORD.match(rest, pos)
        if not m or (words and not rest[pos : m.start(1)]) or m[1].lower() in _STOP_WORDS:
            break
        words.append(m[1].rstrip("'’-"))
        pos = m.end()
    while words and len(" ".join(words)) > MAX_UNIT:
        words.pop()
    return " ".join(words)


# -- the measure ---------------------------------------------------------------------------------

_BRACKETS = re.compile(r"\[([^\[\]]*)\]|【([^【】]*)】|［([^［］]*)］")
_ARROW = re.compile(r"\s*(?:-+>|=+>|→|⟶|➔|➜|－+＞|－+>)\s*")
_UNKNOWN = re.compile(r"(?:[?？]+|[Xx]{2,}(?![A-Za-z]))\s*")
_MILESTONE_WORDS = {"milestone", "里程碑"}
# A range: "from" / 从 / 由 before the first number ...
_RANGE_FROM = re.compile(r"(?:\bfrom|[从由])\s*$", re.I)
# ... "to" / 到 / 至 between the two, or an arrow between them.
_RANGE_TO = re.compile(r"\bto\b|[到至]", re.I)
_EQUAL = "start and target are equal (write the measure in brackets, e.g. [10 -> 0 bugs])"


def infer_measure(kr_title: str) -> Measure:
    """The measure of a KR read from its title; ValueError with a reason if unusable.

    An explicit ``[start -> target unit]`` wins (and leaves the title); else the
    title's words are read (see the module docstring); else a milestone.
    """
    title = _strip(kr_title)
    explicit = _explicit(title)
    if explicit is not None:
        return explicit
    s = title.translate(_NORMALISE)
    tokens = [t for t in map(_token, _NUMBER.finditer(s)) if not _is_noise(s, t)]
    measure = _range(s, tokens, title) or _single(s, tokens, title)
    if measure is None:
        return Measure("milestone", 0, 1, "", "default", title)
    return measure


def _measure(
    start: Decimal, target: Decimal | None, unit: str, percent: bool, source: str, title: str
) -> Measure:
    if percent or unit == "%":
        kind, unit = "percent", "%"
    else:
        kind = "number"
    if len(unit) > MAX_UNIT:
        raise ValueError(f"unit longer than {MAX_UNIT} characters")
    if target is not None and target == start:
        raise ValueError(_EQUAL)
    return Measure(
        kind, _number(start), None if target is None else _number(target), unit, source, title
    )


def _range(s: str, tokens: list[_Token], title: str) -> Measure | None:
    """From A to B (从 A 到 B, A -> B) between two neighbouring numbers."""
    for a, b in zip(tokens, tokens[1:], strict=False):
        between = s[a.end : b.start]
        if len(between) > 40 or re.search(r"[0-9]", between):
            continue
        from_to = _RANGE_FROM.search(s[max(0, a.start - 8) : a.start]) and _RANGE_TO.search(between)
        if from_to or _ARROW.search(between):
            unit = _unit_after(s, b.end) or _unit_after(s, a.end, counters_only=True)
            return _measure(a.value, b.value, unit, a.percent or b.percent, "inferred", title)
    return None


def _single(s: str, tokens: list[_Token], title: str) -> Measure | None:
    """The first number (or XX) in the title as the target, start 0."""
    found: list[tuple[int, Decimal | None, bool, str]] = []
    for t in tokens:
        unit = _unit_after(s, t.end)
        if not _is_year(s, t, unit):
            found.append((t.start, t.value, t.percent, unit))
            break
    m = _PLACEHOLDER.search(s)
    if m:
        found.append((m.start(), None, False, _unit_after(s, m.end())))
    if not found:
        return None
    _, value, percent, unit = min(found, key=lambda f: f[0])
    return _measure(Decimal(0), value, unit, percent, "inferred", title)


def _explicit(title: str) -> Measure | None:
    """The last [..] / 【..】 / ［..］ that reads as a measure, removed from the title."""
    for m in reversed(list(_BRACKETS.finditer(title))):
        inner = next(g for g in m.groups() if g is not None)
        rest = _join(title[: m.start()], title[m.end() :])
        measure = _read_bracket(_strip(inner.translate(_NORMALISE)), rest)
        if measure is not None:
            return measure
    return None


def _join(left: str, right: str) -> str:
    left, right = _strip(left), _strip(right)
    return f"{left} {right}" if left and right else left or right


def _read_bracket(content: str, title: str) -> Measure | None:
    if content.lower() in _MILESTONE_WORDS:
        return Measure("milestone", 0, 1, "", "explicit", title)
    parts = _ARROW.split(content, maxsplit=1)
    if len(parts) == 2:
        left = _side(parts[0]) if parts[0] else (Decimal(0), False, "")
        right = _side(parts[1])
        if left is None or left[0] is None or right is None:
            return None
    else:
        left, right = (Decimal(0), False, ""), _side(content)
        if right is None:
            return None
    (start, start_pct, start_unit), (target, target_pct, target_unit) = left, right
    unit = target_unit or start_unit
    return _measure(start, target, unit, start_pct or target_pct, "explicit", title)


def _side(text: str) -> tuple[Decimal | None, bool, str] | None:
    """(value, percent, unit) of one side of a bracket: "0", "50 家", "85%", "? customers"."""
    text = _strip(text)
    m = _UNKNOWN.match(text)
    if m:
        return None, False, _strip(text[m.end() :])
    sign = -1 if text.startswith("-") else 1
    body = text[1:].lstrip() if sign < 0 else text
    m = _NUMBER.match(body)
    if not m:
        return None
    unit = _strip(body[m.end() :])
    return sign * _value(m), bool(m["pct"]), unit


# -- the parser ----------------------------------------------------------------------------------


def parse_okr_text(
    text: str | bytes, *, start: str, end: str, week: str | None = None
) -> ParseResult:
    """Objectives (with KRs and E-items, fresh ids) read from O/KR/E text.

    ``start``/``end`` (YYYY-MM-DD) are each objective's period; ``week`` (an ISO
    week or None) is stored as each item's ``added``. Bad arguments raise
    :class:`store.model.InvalidData`; bad text raises :class:`OkrTextError`.
    """
    check_date(start, "start")
    check_date(end, "end")
    if end < start:
        raise InvalidData("end", "the period ends before it starts")
    if week is not None:
        check_week(week, "week")
    builder = _Builder(start, end, week)
    for number, raw in enumerate(_LINE_BREAK.split(_decode(text)), 1):
        read = _read_line(number, raw)
        if read is not None:
            builder.add(number, *read)
    return builder.result()


class _Builder:
    """Collects objectives line by line, checking the order of heads."""

    def __init__(self, start: str, end: str, week: str | None):
        self.start, self.end, self.week = start, end, week
        self.objectives: list[tuple[int, Objective]] = []
        self.notes: list[KRNote] = []
        self.ids: set[str] = set()

    def _id(self, prefix: str) -> str:
        ident = new_id(prefix)
        while ident in self.ids:
            ident = new_id(prefix)
        self.ids.add(ident)
        return ident

    def add(self, number: int, kind: str, title: str) -> None:
        if kind == "O":
            objective = Objective(self._id("o"), title, self.start, self.end)
            self.objectives.append((number, objective))
        elif kind == "KR":
            self._add_kr(number, title)
        else:
            krs = self.objectives[-1][1].key_results if self.objectives else []
            if not krs:
                raise OkrTextError(number, "an E-item before any key result (KR)")
            krs[-1].items.append(Item(self._id("e"), title, True, self.week))

    def _add_kr(self, number: int, title: str) -> None:
        if not self.objectives:
            raise OkrTextError(number, "a key result (KR) before any objective (O)")
        objective = self.objectives[-1][1]
        try:
            m = infer_measure(title)
        except ValueError as e:
            raise OkrTextError(number, str(e)) from None
        if not m.title:
            raise OkrTextError(number, "the key result (KR) has no title besides its measure")
        kr = KeyResult(self._id("kr"), m.title, m.kind, m.start, m.target, m.unit)
        try:
            KeyResult.from_dict(kr.to_dict())
        except InvalidData as e:
            raise OkrTextError(number, e.reason) from None
        objective.key_results.append(kr)
        self.notes.append(
            KRNote(objective.title, m.title, m.kind, m.start, m.target, m.unit, m.source, number)
        )

    def result(self) -> ParseResult:
        if not self.objectives:
            raise OkrTextError(0, "no objective (expected a line starting with O:)")
        warnings = []
        for number, objective in self.objectives:
            try:
                Objective.from_dict(objective.to_dict())
            except InvalidData as e:
                raise OkrTextError(number, str(e)) from None
            if not objective.key_results:
                warnings.append(f"line {number}: objective {objective.title!r} has no key result")
        return ParseResult([o for _, o in self.objectives], self.notes, warnings)
