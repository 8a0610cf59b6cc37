"""How a KR is measured, read from its words: the measure rules of :mod:`store.okrtext`.

:func:`infer_measure` turns one KR title into a :class:`Measure` (kind, start, target,
unit, relative change, and the words it was read from). The rules, in the order they
apply, are written in :mod:`store.okrtext`'s docstring ("Measures: read right or asked,
never guessed") and in the README's import section; this module is their code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

MAX_UNIT = 40  # the model's bound on KeyResult.unit
MAX_VALUE = Decimal(10) ** 15  # the model's bound on numbers
CLAUSE_REACH = 120  # characters a number's words are looked for before it
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _strip(text: str) -> str:
    return text.strip().strip(_INVISIBLE).strip()


@dataclass
class Measure:
    """How a KR is measured, as read from its title (see :func:`infer_measure`)."""

    kind: str  # number | percent | milestone | stay_below | stay_above
    start: float | int | None  # None: unknown, asked at the first check-in (or a threshold)
    target: float | int | None  # None: unknown yet (XX), or following from a relative change
    unit: str
    source: str  # explicit | inferred | default
    title: str  # the title without an explicit [..] measure
    read_from: str = ""  # the words of the title the numbers came from
    relative: float | None = None  # "by 25%" is 0.25 / -0.25; "double" is 1.0


# -- numbers -------------------------------------------------------------------------------------

# Full-width ASCII read as ASCII, one character for one (positions stay the same).
_NORMALISE = str.maketrans(
    {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
    | {0x3000: 0x20, 0xFFE5: ord("¥"), 0x301C: ord("~"), 0x2212: ord("-")}
)
_CURRENCY_BEFORE = {
    "$": "$",
    "us$": "$",
    "usd": "$",
    "¥": "¥",
    "rmb": "¥",
    "cny": "¥",
    "€": "€",
    "eur": "€",
    "£": "£",
    "gbp": "£",
    "人民币": "元",
    "人民幣": "元",
}
_CURRENCY_AFTER = {
    "元": "元",
    "块": "元",
    "塊": "元",
    "人民币": "元",
    "人民幣": "元",
    "美元": "美元",
    "欧元": "欧元",
    "歐元": "歐元",
    "dollar": "$",
    "dollars": "$",
    "usd": "$",
    "rmb": "¥",
    "cny": "¥",
    "eur": "€",
    "euro": "€",
    "euros": "€",
}
_NUMBER = re.compile(
    r"""
    (?<![0-9])
    (?P<cur>US\$|\$|¥|€|£|(?:RMB|USD|CNY|EUR|GBP)[ ]?|人民币[ ]?|人民幣[ ]?)?
    (?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
    (?P<mult>[ ]?(?:thousand|million|billion)\b
      | (?:bn|mm|[kmbw])(?![a-z])
      | [ ]?[十百千万亿萬億]+(?![克米瓦]|分之)
    )?
    (?P<tail>(?<=[万萬亿億])[1-9](?![0-9.,]))?
    (?P<plus>\+)?
    (?P<pct>[ ]?(?:%|percent\b|per[ ]?cent\b|pct\b))?
    (?P<plus2>\+)?
    (?P<cur2>[ ]?(?:元|块|塊|人民币|人民幣|美元|欧元|歐元)
      | [ ](?:dollars?|usd|rmb|cny|eur|euros?)\b)?
    """,
    re.I | re.X,
)
_MULTIPLIERS = {"k": 10**3, "m": 10**6, "mm": 10**6, "b": 10**9, "bn": 10**9, "w": 10**4}
_MULTIPLIERS |= {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_CJK_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_CJK_MULTIPLIERS |= {"萬": 10**4, "億": 10**8}
# Chinese numerals: a run read by cn2an.
_CN_NUMERAL = re.compile(
    r"(?P<pct>百分之)?(?P<num>(?:(?!百分之)[零〇一二两兩三四五六七八九十百千万萬亿億])+)"
)
_CN_PLACES = set("十百千万萬亿億")
# A target written as unknown: XX (not inside a word), 若干.
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:[Xx]{2,}|若干)(?![A-Za-z])")

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Just before a number that is not a quantity: Q1, v2, #3 (a letter), 第3, 1.2.3, 10/15.
_NOISE_BEFORE = re.compile(
    r"(?:[A-Za-z_#]|第\s?|周|星期|[0-9][.,:/-]|\b" + _MONTHS + r"\.?\s*)$", re.I
)
# Just after one: 2026-10, 10/15, 10:30, 1st, 3pm, 15 October.
_NOISE_AFTER = re.compile(
    r"[.,:/-][0-9]|(?:st|nd|rd|th|am|pm)\b|\s*(?:of\s+)?" + _MONTHS + r"\b",
    re.I,
)
# A date word after a plain number: 10月, 15日, 3号, 2026年, 3季度.
_DATE_AFTER = re.compile(r"\s?(?:月|日|号|號|年|季度|季|财年|財年)")
# Words before a year: in 2026, by 2027.
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|by|since|until|till|before|after|during|of|through|end|fy|[qh][1-4])"
    r"|\b" + _MONTHS + r"\.?)\s*$",
    re.I,
)
# Deadlines and time bounds: within 30 days, in the first 2 weeks, 三个月内, 前30天.
_TIME_WORDS = r"(?:days?|weeks?|months?|quarters?|years?|hours?|hrs?)"
_CN_TIME = r"(?:个月|個月|天|日|周|週|星期|个星期|年|小时|小時|季度|工作日)"
_CN_NUM_RUN = r"(?:[0-9]+(?:\.[0-9]+)?|[零一二两兩三四五六七八九十百]+)"
_DEADLINE = re.compile(
    rf"\b(?:within|in)\s+(?:the\s+)?(?:first\s+|next\s+|last\s+)?[0-9]+\s*{_TIME_WORDS}\b"
    rf"|\b(?:by|on)\s+(?:day|week|month)\s+[0-9]+\b"
    rf"|{_CN_NUM_RUN}\s*{_CN_TIME}\s*(?<![以之])内"
    rf"|前\s*{_CN_NUM_RUN}\s*{_CN_TIME}",
    re.I,
)
# Qualifiers: 满分10分, out of 5, on a scale of 1-10.
_QUALIFIER = re.compile(
    r"满分\s*[0-9一二三四五六七八九十百.]+\s*分?|滿分\s*[0-9一二三四五六七八九十百.]+\s*分?"
    r"|\bout\s+of\s+[0-9]+\b|\bon\s+a\s+(?:[0-9]+[- ]point\s+)?scale(?:\s+of\s+[0-9]+\s*(?:-|to)\s*[0-9]+)?",
    re.I,
)
# A range: 3-5家, 10~15%, 3–5 new customers (not a date: 2026-10-15, 10-15 alone).
_DASH_RANGE = re.compile(
    r"(?<![0-9.,:/-])(?P<a>[0-9]+(?:\.[0-9]+)?)\s?(?P<pa>%)?\s?[-~–—]\s?"
    r"(?P<b>[0-9]+(?:\.[0-9]+)?(?P<pb>\s?%)?)(?![0-9.:/-])"
)
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@dataclass
class _Token:
    start: int
    end: int  # the end of the number with its multiplier, percent and currency
    value: Decimal | None  # None: a placeholder (XX)
    percent: bool = False
    currency: str = ""  # the unit the currency gives
    plus: bool = False  # 50+
    bare: bool = False  # digits only: no comma, decimals, multiplier, percent or currency
    number_start: int = 0  # where the digits start (after a currency sign)
    after: int = 0  # where the unit may start: the end, or after a score's "/5"


def _value(m: re.Match) -> Decimal:
    value = Decimal(m["num"].replace(",", ""))
    mult = (m["mult"] or "").strip().lower()
    if mult in _MULTIPLIERS:
        value *= _MULTIPLIERS[mult]
    else:
        for ch in mult:
            value *= _CJK_MULTIPLIERS[ch]
        if m["tail"]:  # 1万5 = 15000, 2亿5 = 250000000
            value += int(m["tail"]) * _CJK_MULTIPLIERS[mult[-1]] // 10
    return value


def _arabic_token(m: re.Match) -> _Token:
    cur = (m["cur"] or "").strip().lower()
    cur2 = (m["cur2"] or "").strip().lower()
    currency = _CURRENCY_BEFORE.get(cur) or _CURRENCY_AFTER.get(cur2, "")
    return _Token(
        start=m.start(),
        end=m.end(),
        value=_value(m),
        percent=bool(m["pct"]),
        currency=currency,
        plus=bool(m["plus"] or m["plus2"]),
        bare=not (m["mult"] or m["pct"] or m["plus"] or cur or cur2) and m["num"].isdigit(),
        number_start=m.start("num"),
    )


def _number(value: Decimal) -> int | float:
    """A value the model stores: an int when whole, a float otherwise."""
    if abs(value) > MAX_VALUE:
        raise ValueError("number too large")
    return int(value) if value == value.to_integral_value() else float(value)


def _is_noise(s: str, t: _Token) -> bool:
    """Whether the number is part of a date, a name or a version rather than a quantity."""
    before = s[max(0, t.number_start - 12) : t.number_start]
    after = s[t.end : t.end + 12]
    if t.number_start == t.start and _NOISE_BEFORE.search(before):
        return True
    if not t.percent and not t.currency and _NOISE_AFTER.match(after):
        return True
    return t.bare and bool(_DATE_AFTER.match(after))


def _is_year(s: str, t: _Token, unit: str) -> bool:
    """A bare 19xx/20xx after "in"/"by"/… or with no unit after it."""
    if not (t.bare and t.value is not None and 1900 <= t.value <= 2099 and t.end - t.start == 4):
        return False
    return not unit or bool(_YEAR_BEFORE.search(s[max(0, t.start - 12) : t.start]))


# Chinese counters (measure words) after a number; the time ones make a Chinese numeral a
# duration ("三个月", "两周"), not a quantity unless a verb moves it.
_COUNTERS = "家个個位名人次单單天元块塊篇条條本场場份款件台套项項户戶笔筆倍周张張辆輛所间間门門只隻首部节節课課期批轮輪例届屆分秒页頁字斤吨噸米克箱盒瓶包座栋棟亩畝支封把颗顆棵"


def _chinese_tokens(s: str) -> list[_Token]:
    """Chinese numerals that are quantities: 十万, 两百家, 三千名, 一万五, 三家, 百分之三十."""
    from store.numbers import read_chinese  # cn2an: only when the line has such characters

    out = []
    for m in _CN_NUMERAL.finditer(s):
        run = m["num"]
        if run[0] not in "零〇一二两兩三四五六七八九十" and not m["pct"]:
            continue  # 千万 (by all means), 百万 alone
        after = s[m.end() : m.end() + 3]
        before = s[max(0, m.start() - 1) : m.start()]
        if before in ("第", "周", "週") or run == "一一":
            continue
        if run == "十" and after.startswith("分") and not after.startswith(("分钟", "分鐘")):
            continue  # 十分: very
        if _DATE_AFTER.match(after):
            continue
        places = any(ch in _CN_PLACES for ch in run)
        if not m["pct"] and not places:
            # a single digit is a quantity only before a counter (三家, 两个版本), never 一
            if len(run) != 1 or run in "一零〇" or not after or after[0] not in _COUNTERS:
                continue
            if after.startswith(("个月", "個月")):
                continue
        value = read_chinese(run)
        if value is None:
            continue
        end = m.end()
        percent = bool(m["pct"])
        if not percent and s[end : end + 1] == "%":
            percent, end = True, end + 1
        out.append(_Token(m.start(), end, value, percent=percent, number_start=m.start("num")))
    return out


# -- units ---------------------------------------------------------------------------------------

_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per\s?cent\b|pct\b)", re.I)
# Two-character Chinese units, then single counters (measure words).
_CJK_UNIT = re.compile(
    r"\s?(?:(?P<two>小时|小時|分钟|分鐘|公里|千米|千克|公斤|人次|平米|个月|個月|工作日)"
    rf"|(?P<one>[{_COUNTERS}]))"
)
# Otherwise 1-4 CJK characters, cut at the first particle.
_CJK_RUN = re.compile(rf"\s?([{_CJK}]{{1,4}})")
_CJK_PARTICLES = set("的地得和与與及并並在以或上中内內里裡了等达達到至于於每之为為将將让讓从從由")
# An English word right after the number (glued: 100ms) or after spaces.
_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")
# Words that end an English unit: "followers on X", "customers in October".
_STOP_TEXT = """
    on in for by from to per at with of within before after during and or across via
    through over under into onto than this next each every a an the until till vs versus
    while since as among between our their its my your his her we they it is are was were
    be will that which who whose so up down more less below above max min
"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())


def _unit_after(s: str, pos: int, *, counters_only: bool = False) -> tuple[str, int]:
    """The unit written right after position ``pos`` (a number or XX) and where it ends."""
    rest = s[pos : pos + 200]
    m = _PERCENT_AFTER.match(rest)
    if m:
        return "%", pos + m.end()
    m = _CJK_UNIT.match(rest)
    if m:
        return m["two"] or m["one"], pos + m.end()
    m = _CJK_RUN.match(rest)
    if m:
        if counters_only:
            return "", pos
        run = m[1]
        cut = next((i for i, ch in enumerate(run) if ch in _CJK_PARTICLES), len(run))
        return run[:cut], pos + m.start(1) + cut
    words: list[str] = []
    end = at = 0
    while len(words) < 3:
        m = _WORD.match(rest, at)
        if not m or (words and not rest[at : m.start(1)]) or m[1].lower() in _STOP_WORDS:
            break
        words.append(m[1].rstrip("'’-"))
        at = end = m.end()
    while words and len(" ".join(words)) > MAX_UNIT:
        words.pop()
    return " ".join(words), pos + end if words else pos


# -- words that say how a number is meant ----------------------------------------------------------

_UP_EN = r"increas\w*|grow\w*|rais\w*|boost\w*|lift\w*|expand\w*|accelerat\w*|up"
_DOWN_EN = (
    r"reduc\w*|decreas\w*|cut\w*|lower\w*|drop\w*|declin\w*|shrink\w*|shorten\w*|slash\w*|down"
)
_OPEN_EN = r"improv\w*|optimi[sz]\w*|chang\w*"
_UP_ZH = "提升|提高|增长|增長|成长|成長|增加|上升|扩大|擴大|拉升|增"
_DOWN_ZH = "降低|下降|减少|減少|缩短|縮短|压缩|壓縮|缩减|縮減|下滑|降|减|減"
_OPEN_ZH = "优化|優化|改善|改进|改進"
# Verbs that move a number toward its target (a level, not a count; never a threshold).
_MOVING = re.compile(
    rf"\b(?:{_UP_EN}|{_DOWN_EN}|{_OPEN_EN}|reach\w*|hit|hitting|achiev\w*|attain\w*|bring\w*"
    rf"|get\s+to|climb\w*)\b|{_UP_ZH}|{_DOWN_ZH}|{_OPEN_ZH}|达到|達到|达成|達成|突破|增至|降至",
    re.I,
)
# Words right before a number that make it a level (its start is asked).
_LEVEL_WORDS = (
    r"(?:\b(?:to|reach\w*|hit|achiev\w*|attain\w*|at(?!\s+(?:least|most))|of|total(?:\s+of)?"
    r"|is|be|score)\b|达到|達到|达成|達成|达|達|到|至|为|為|突破|累计|累積|总|總|保持在?|维持在?|維持在?|控制在)"
)
_LEVEL = re.compile(_LEVEL_WORDS, re.I)
_LEVEL_BEFORE = re.compile(_LEVEL_WORDS + r"[\s\w$¥€£]{0,3}$", re.I)
# Verbs that count what is added in the period: their object starts at 0.
_COUNTING = re.compile(
    r"\b(?:win|won|gain\w*|acquir\w*|sign(?:s|ed|ing)?|onboard\w*|clos\w*|land\w*|add\w*|hir\w*"
    r"|recruit\w*|get|gets|got|generat\w*|book\w*|sell|sold|ship\w*|launch\w*|releas\w*"
    r"|publish\w*|writ\w*|wrote|post\w*|run|runs|ran|host\w*|conduct\w*|complet\w*|deliver\w*"
    r"|finish\w*|train\w*|interview\w*|attract\w*|earn\w*|collect\w*|creat\w*|build\w*|built"
    r"|open\w*|secur(?:e|es|ed|ing)|send|sent|produc(?:e|es|ed|ing)|organi[sz]\w*|visit\w*|enrol\w*|register\w*"
    r"|convert\w*|migrat\w*|resolv\w*|fix\w*|make|made|obtain\w*|do)\b"
    r"|新增|新开|新開|新签|新簽|开设|開設|开拓|開拓|开发|開發|拓展|签约|簽約|签下|簽下|签订|簽訂"
    r"|获得|獲得|获取|獲取|收获|收穫|赢得|贏得|拉新|招募|招聘|引进|引進|发布|發布|發佈|上线|上線"
    r"|推出|举办|舉辦|开展|開展|组织|組織|完成|交付|撰写|撰寫|发表|發表|培训|培訓|邀请|邀請"
    r"|吸引|涨粉|漲粉|成交|卖出|賣出|录制|錄製|拍摄|拍攝|走访|走訪|拜访|拜訪|开|開|签|簽|招|做",
    re.I,
)
# "new" after the number (and its counter): 50 new customers, XX家新客户.
_NEW_AFTER = re.compile(r"\s?(?:[" + _COUNTERS + r"]\s?)?(?:new\b|新)", re.I)
# Qualifying words right before a number: 在3个城市, for 3 months, per 1000 users.
_QUALIFYING_BEFORE = re.compile(
    r"(?:\b(?:for|across|among|per|each|every|in|with|from)\s*|[在为為对對每])$", re.I
)
_BELOW_BEFORE = re.compile(
    r"(?:\b(?:below|under|less\s+than|fewer\s+than|lower\s+than|at\s+most|no\s+more\s+than"
    r"|not\s+more\s+than|no\s+higher\s+than|not\s+(?:to\s+)?exceed\w*|max(?:imum)?(?:\s+of)?)"
    r"|<=|≤|<|(?<!不)(?:低于|低於|少于|少於|小于|小於)|不超过|不超過|不高于|不高於|不多于|不多於"
    r"|最多|至多)\s*$",
    re.I,
)
_ABOVE_BEFORE = re.compile(
    r"(?:\b(?:above|over|more\s+than|greater\s+than|higher\s+than|at\s+least|no\s+less\s+than"
    r"|not\s+less\s+than|no\s+fewer\s+than|min(?:imum)?(?:\s+of)?)"
    r"|>=|≥|(?<![-=])>|(?<!不)(?:高于|高於|大于|大於|多于|多於|超过|超過)|不低于|不低於|不少于|不少於"
    r"|至少|最少|最低)\s*$",
    re.I,
)
_BELOW_AFTER = re.compile(
    r"\s*(?:以内|以內|以下|之内|之內|之下|或以下|\bor\s+(?:less|fewer|lower|below)\b|\bmax\b)",
    re.I,
)
_ABOVE_AFTER = re.compile(
    r"\s*(?:以上|及以上|之上|或以上|\bor\s+(?:more|higher|above|better|greater)\b)", re.I
)
# Words that hold a level, right before it (shown in the words a threshold was read from).
_HOLD_BEFORE = re.compile(
    r"(?:\b(?:keep|stay|maintain|remain|hold|sustain|ensure)\w*(?:\s+(?:at|it\s+at))?"
    r"|控制在|保持在|维持在|維持在|稳定在|穩定在|保持|维持|維持)\s*$",
    re.I,
)
# Words that make a relative change about a rate: its unit is %.
_RATE = re.compile(r"\b(?:rate|ratio|percentage|share|margin)\b|率|占比|佔比|比例|比率", re.I)

# -- relative changes --
_PCT = r"(?P<n>[0-9]+(?:\.[0-9]+)?)\s?(?:%|percent\b|per\s?cent\b|pct\b)"
_RELATIVE = [
    # increase X by 25% / reduce X by 25% / improve X by 20% (direction open)
    (
        re.compile(
            rf"\b(?P<verb>{_UP_EN}|{_DOWN_EN}|{_OPEN_EN})\b[^.;:!?0-9]{{0,60}}?\bby\s+{_PCT}",
            re.I,
        ),
        "verb",
    ),
    # a 25% reduction in X / 20% more signups / 30% growth
    (
        re.compile(
            rf"{_PCT}\s+(?P<verb>increase|growth|rise|uplift|more|higher|reduction|decrease"
            r"|decline|drop|cut|fewer|less|lower|improvement)\b",
            re.I,
        ),
        "verb",
    ),
    # 环比提升30% / 增长20% / 減少 30% / 优化20%
    (re.compile(rf"(?P<verb>{_UP_ZH}|{_DOWN_ZH}|{_OPEN_ZH})了?\s*(?:超过|超過)?\s*{_PCT}"), "verb"),
    # by 25% with nothing saying which way
    (re.compile(rf"\bby\s+{_PCT}", re.I), "open"),
]
_ABSOLUTE_CHANGE = re.compile(
    r"\bby\s+[0-9]+(?:\.[0-9]+)?\s*(?:percentage\s+points?|pp|points?|pts|bps|basis\s+points)\b"
    rf"|(?:{_UP_ZH}|{_DOWN_ZH}|{_OPEN_ZH})了?\s*[0-9一二三四五六七八九十]+(?:\.[0-9]+)?\s*个?百分点"
    r"|\bby\s+(?:(?:US\$|\$|¥|€|£)\s?[0-9][0-9,.]*(?:k|m|bn|million|thousand)?"
    r"|[0-9][0-9,.]*\s?(?:k|m|bn|million|thousand)\b"
    r"|[0-9]+(?:\.[0-9]+)?\s*(?:days?|weeks?|hours?|minutes?|mins?|seconds?|ms)\b)"
    rf"|(?:增长|增長|提升|提高|增加)了?\s*[0-9一二三四五六七八九十]+\s*倍",
    re.I,
)
_MULTIPLES = [
    (
        re.compile(
            r"\b(?:doubl\w*|twice)\b|翻倍|翻一番|翻了一番|(?:增长|增長|成长|成長|提升|提高|增加)一倍",
            re.I,
        ),
        1.0,
    ),
    (re.compile(r"\b(?:tripl\w*|threefold)\b", re.I), 2.0),
    (re.compile(r"\b(?:quadrupl\w*|fourfold)\b|翻两番|翻兩番|翻了两番|翻了兩番", re.I), 3.0),
    (
        re.compile(
            r"\b(?:halv\w*|cut\s+in\s+half|by\s+half)\b|减半|減半|(?:减少|減少|降低|下降)一半", re.I
        ),
        -0.5,
    ),
]
_TIMES = re.compile(
    r"(?<![A-Za-z0-9_.,])(?P<n>[0-9]+(?:\.[0-9]+)?)[x×](?![A-Za-z0-9_])"
    r"|(?:提升|提高|增长|增長|增加|达到|達到)(?:到|至)(?:原来的|原來的|去年的|上季度的|上月的)?"
    r"\s*(?P<m>[0-9]+|[两兩三四五六七八九十])\s*倍"
    r"|(?:达到|達到|是)(?:原来的|原來的|去年的|上季度的|上月的)\s*(?P<k>[0-9]+|[两兩三四五六七八九十])\s*倍",
    re.I,
)


# -- the measure ---------------------------------------------------------------------------------

_BRACKETS = re.compile(r"\[([^\[\]]*)\]|【([^【】]*)】|［([^［］]*)］")
_ARROW = re.compile(r"\s*(?:-+>|=+>|→|⟶|➔|➜|－+＞|－+>)\s*")
_UNKNOWN = re.compile(r"(?:[?？]+|[Xx]{2,}(?![A-Za-z]))\s*")
_MILESTONE_WORDS = {"milestone", "里程碑"}
_FROM = re.compile(r"(?:\bfrom|[从從由])\s*(?:US\$|\$|¥|€|£)?\s*$", re.I)
_TO = re.compile(r"\bto\b|[到至]|→|->", re.I)
_RANGE_SEP = re.compile(r"\s*(?:[-~–—]|\bto\b|到|至)\s*$", re.I)
_CLAUSE = re.compile(r"[;；。!?！？]|,(?![0-9]{3})|，")
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
    return _Reader(title).measure()


class _Reader:
    """Reads one KR title: its quantities, then the rules of the module docstring."""

    def __init__(self, title: str):
        self.title = title
        self.s = title.translate(_NORMALISE)
        self.masked = [False] * len(self.s)
        for pattern in (_DEADLINE, _QUALIFIER):
            for m in pattern.finditer(self.s):
                self.mask(m.start(), m.end())
        self.tokens = self.read_tokens(masked_parens=True)
        if not self.tokens:  # nothing outside parentheses: read what is inside them
            self.tokens = self.read_tokens(masked_parens=False)

    def mask(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.masked[i] = True

    def read_tokens(self, *, masked_parens: bool) -> list[_Token]:
        s = self.s
        hidden = list(self.masked)
        if masked_parens:
            for m in _PARENS.finditer(s):
                for i in range(m.start(), m.end()):
                    hidden[i] = True
        found: list[_Token] = []
        self.ranges: list[tuple[_Token, _Token]] = []
        for m in _DASH_RANGE.finditer(s):
            if hidden[m.start()]:
                continue
            a = _Token(m.start("a"), m.end("a"), Decimal(m["a"]), number_start=m.start("a"))
            b = _Token(
                m.start("b"), m.end("b"), Decimal(m["b"].rstrip(" %")), number_start=m.start("b")
            )
            a.percent = b.percent = bool(m["pa"] or m["pb"])
            unit, _ = _unit_after(s, b.end)
            if a.value < b.value and (unit or b.percent) and not _DATE_AFTER.match(s, b.end):
                self.ranges.append((a, b))
                for i in range(m.start(), m.end()):
                    hidden[i] = True
        claimed = -1  # numbers before this position were read already (a score's "/5")
        for m in _NUMBER.finditer(s):
            t = _arabic_token(m)
            if hidden[t.number_start] or t.start < claimed:
                continue
            score = re.match(r"\s*/\s*(5|10|100)(?![0-9/.])", s[t.end :])
            if score and t.value is not None and t.value <= int(score[1]):
                claimed = t.after = t.end + score.end()
                found.append(t)  # 4.8/5: a score out of 5 (the 5 is no quantity)
            elif not _is_noise(s, t):
                found.append(t)
        if re.search(r"[零〇一二两兩三四五六七八九十百千万萬亿億]", s):
            taken = [(t.start, t.end) for t in found]
            for t in _chinese_tokens(s):
                if hidden[t.start] or any(a <= t.start < b for a, b in taken):
                    continue
                found.append(t)
        for m in _PLACEHOLDER.finditer(s):
            if not hidden[m.start()]:
                found.append(_Token(m.start(), m.end(), None, number_start=m.start()))
        found.sort(key=lambda t: t.start)
        return found

    # -- pieces ------------------------------------------------------------------------------

    def unit(self, t: _Token, *, counters_only: bool = False) -> tuple[str, int]:
        if t.percent:
            return "%", t.end
        if t.currency:
            return t.currency, t.end
        return _unit_after(self.s, max(t.end, t.after), counters_only=counters_only)

    def words(self, start: int, end: int) -> str:
        return _strip(self.title[start:end])

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts (looking back at most CLAUSE_REACH
        characters: a line of thousands of numbers is read in linear time)."""
        window = max(0, pos - CLAUSE_REACH)
        starts = [m.end() for m in _CLAUSE.finditer(self.s, window, pos)]
        return starts[-1] if starts else window

    def before(self, t: _Token, limit: int = 24) -> str:
        start = max(self.clause_start(t.start), t.start - limit)
        return self.s[start : t.start]

    def measure_of(
        self,
        start: Decimal | None,
        target: Decimal | None,
        unit: str,
        percent: bool,
        read: tuple[int, int],
        *,
        kind: str | None = None,
        relative: float | None = None,
    ) -> Measure:
        if kind is None:
            kind = "percent" if percent or unit == "%" else "number"
        if percent:
            unit = "%"
        if len(unit) > MAX_UNIT:
            unit = ""
        if target is not None and start is not None and target == start:
            raise ValueError(_EQUAL)
        return Measure(
            kind,
            None if start is None else _number(start),
            None if target is None else _number(target),
            unit,
            "inferred",
            self.title,
            self.words(*read),
            relative,
        )

    # -- the rules ---------------------------------------------------------------------------

    def measure(self) -> Measure:
        for rule in (self.pair, self.relative, self.range, self.single):
            m = rule()
            if m is not None:
                return m
        return Measure("milestone", 0, 1, "", "default", self.title)

    def pair(self) -> Measure | None:
        """from A to B, 从 A 到 B, A -> B, A 提升至 B, increase X A to B."""
        s, tokens = self.s, [t for t in self.tokens if t.value is not None]
        for a, b in zip(tokens, tokens[1:], strict=False):
            between = s[a.end : b.start]
            if len(between) > 30 or re.search(r"[0-9]", between):
                continue
            before = s[max(0, a.start - 8) : a.start]
            from_word = _FROM.search(before)
            moving_before = _MOVING.search(s[self.clause_start(a.start) : a.start])
            to_between = _TO.search(between)
            if not (
                _ARROW.search(between)
                or (from_word and to_between)
                or (to_between and (_MOVING.search(between) or moving_before))
            ):
                continue
            if _RANGE_SEP.fullmatch(between.rstrip()) and not (from_word or moving_before):
                continue  # 3 to 5: a range
            unit, unit_end = self.unit(b)
            if not unit:
                unit, _ = self.unit(a, counters_only=True)
            start = a.start - len(from_word[0]) if from_word else a.start
            percent = a.percent or b.percent
            read = (start, max(unit_end, b.end))
            return self.measure_of(a.value, b.value, unit, percent, read)
        return None

    def relative(self) -> Measure | None:
        """by 25%, 环比提升30%, double, halve; or a change whose direction is left open."""
        s = self.s
        for pattern, how in _RELATIVE:
            for m in pattern.finditer(s):
                if self.masked[m.start("n")]:
                    continue
                change = Decimal(m["n"]) / 100
                verb = (m.groupdict().get("verb") or "").lower()
                sign = self._direction(verb) if how == "verb" else None
                if sign is None:
                    return self.open_change(m.start(), m.end())
                if sign < 0 and change > 1:
                    raise ValueError(f"a reduction by more than 100% ({m[0].strip()})")
                return self.relative_of(sign * change, m.start(), m.end())
        m = _ABSOLUTE_CHANGE.search(s)
        if m:
            return self.open_change(m.start(), m.end())
        for pattern, change in _MULTIPLES:
            m = pattern.search(s)
            if m:
                return self.relative_of(Decimal(str(change)), m.start(), m.end())
        m = _TIMES.search(s)
        if m:
            n = Decimal(str(_times(m["n"] or m["m"] or m["k"])))
            if n > 1:
                return self.relative_of(n - 1, m.start(), m.end())
        return None

    @staticmethod
    def _direction(verb: str) -> int | None:
        if re.fullmatch(rf"{_UP_EN}|{_UP_ZH}|increase|growth|rise|uplift|more|higher", verb, re.I):
            return 1
        if re.fullmatch(
            rf"{_DOWN_EN}|{_DOWN_ZH}|reduction|decrease|decline|drop|cut|fewer|less|lower",
            verb,
            re.I,
        ):
            return -1
        return None

    def _rate_kind(self) -> tuple[str, str]:
        return ("percent", "%") if _RATE.search(self.s) else ("number", "")

    def relative_of(self, change: Decimal, start: int, end: int) -> Measure:
        kind, unit = self._rate_kind()
        return Measure(
            kind, None, None, unit, "inferred", self.title, self.words(start, end), float(change)
        )

    def open_change(self, start: int, end: int) -> Measure:
        """A change the words leave open (direction, base): start and target are asked."""
        kind, unit = self._rate_kind()
        return Measure(kind, None, None, unit, "inferred", self.title, self.words(start, end))

    def range(self) -> Measure | None:
        """3-5家, 3~5, hire 3 to 5 engineers: the target is asked."""
        s, tokens = self.s, [t for t in self.tokens if t.value is not None]
        pairs = list(self.ranges)
        for a, b in zip(tokens, tokens[1:], strict=False):
            if _RANGE_SEP.fullmatch(s[a.end : b.start]) and a.value < b.value:
                pairs.append((a, b))
        for a, b in sorted(pairs, key=lambda p: p[0].start):
            unit, unit_end = self.unit(b)
            start = Decimal(0) if self.counts(a) else None
            percent = a.percent or b.percent
            return self.measure_of(start, None, unit, percent, (a.start, max(unit_end, b.end)))
        return None

    def counts(self, t: _Token) -> bool:
        """Whether the number counts what is added in the period (its start is 0)."""
        if t.percent:
            return False
        before = self.s[self.clause_start(t.start) : t.start]
        if _LEVEL_BEFORE.search(before):
            return False
        verbs = list(_COUNTING.finditer(before))
        if verbs:
            gap = before[verbs[-1].end() :]
            gap = re.sub(
                r"\b(?:at\s+least|over|more\s+than|another|an?\s+additional|additional|a\s+total\s+of"
                r"|back|up|out|a|an|the)\b|超过|超過|至少|不少于|不少於|近|约|約|[0-9]+\s*[月日号號]",
                " ",
                gap,
                flags=re.I,
            )
            english = re.findall(r"[A-Za-z]+", gap)
            cjk = re.findall(rf"[{_CJK}]", gap)
            if len(english) <= 1 and len(cjk) <= 4:
                return True
        unit, unit_end = self.unit(t)
        return bool(_NEW_AFTER.match(self.s, t.end)) or bool(
            re.match(r"\s*(?:new\b|新)", self.s[unit_end : unit_end + 5], re.I)
            and unit
            and not unit.lower().startswith("new")
        )

    def bound(self, t: _Token) -> tuple[str, int, int] | None:
        """(stay_below / stay_above, start, end of the words) when a bound holds the number."""
        s = self.s
        before = s[self.clause_start(t.start) : t.start]
        offset = t.start - len(before)
        unit, unit_end = self.unit(t)
        for kind, pattern in (("stay_below", _BELOW_BEFORE), ("stay_above", _ABOVE_BEFORE)):
            m = pattern.search(before)
            if m:
                return kind, offset + m.start(), unit_end
        if t.plus:
            hold = _HOLD_BEFORE.search(before)
            return "stay_above", offset + hold.start() if hold else t.start, unit_end
        hold = _HOLD_BEFORE.search(before)
        start = offset + hold.start() if hold else t.start
        for pos in (t.end, unit_end):
            for kind, pattern in (("stay_below", _BELOW_AFTER), ("stay_above", _ABOVE_AFTER)):
                m = pattern.match(s, pos)
                if m:
                    return kind, start, m.end()
        return None

    def chosen(self) -> _Token | None:
        """The quantity that is the target when several are written."""
        tokens = self.tokens
        if len(tokens) <= 1:
            return tokens[0] if tokens else None
        for t in tokens:
            before = self.before(t, 16)
            if _LEVEL_BEFORE.search(before) or self.counts(t) and _COUNTING.search(before):
                return t
        for t in tokens:
            if not _QUALIFYING_BEFORE.search(self.s[max(0, t.start - 8) : t.start]):
                return t
        return tokens[0]

    def single(self) -> Measure | None:
        """One quantity (or XX): the target; a bound without a moving verb: a level to hold."""
        self.tokens = [  # a year (in 2026, Q3 2026) is never a target
            o for o in self.tokens if not (o.bare and _is_year(self.s, o, self.unit(o)[0]))
        ]
        t = self.chosen()
        if t is None:
            return None
        clause = self.s[self.clause_start(t.start) : t.start]
        counting = self.counts(t)
        bound = None if counting or _MOVING.search(clause) else self.bound(t)
        unit, unit_end = self.unit(t)
        if bound is not None:
            kind, start, end = bound
            return self.measure_of(None, t.value, unit, t.percent, (start, end), kind=kind)
        window = max(self.clause_start(t.start), t.start - 24)
        patterns = (_COUNTING, _LEVEL, _MOVING) if counting else (_LEVEL, _MOVING)
        spans = [m.span() for p in patterns for m in p.finditer(self.s, window, t.start)]
        read_start = _nearest(spans, t.start)
        start = Decimal(0) if counting else None
        return self.measure_of(start, t.value, unit, t.percent, (read_start, max(unit_end, t.end)))


def _nearest(spans: list[tuple[int, int]], default: int) -> int:
    """The start of the word nearest before ``default`` (the whole word: 新增, not 增)."""
    if not spans:
        return default
    end = max(e for _, e in spans)
    return min(s for s, e in spans if e >= end - 1 or s <= end <= e)


def _times(text: str) -> float:
    if text.replace(".", "", 1).isdigit():
        return float(text)
    return {
        "两": 2,
        "兩": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
        "十": 10,
    }[text]


# -- explicit measures ---------------------------------------------------------------------------


def _explicit(title: str) -> Measure | None:
    """The last [..] / 【..】 / ［..］ that reads as a measure, removed from the title."""
    for m in reversed(list(_BRACKETS.finditer(title))):
        inner = next(g for g in m.groups() if g is not None)
        rest = _join(title[: m.start()], title[m.end() :])
        measure = _read_bracket(_strip(inner.translate(_NORMALISE)), rest)
        if measure is not None:
            measure.read_from = _strip(m[0])
            return measure
    return None


def _join(left: str, right: str) -> str:
    left, right = _strip(left), _strip(right)
    return f"{left} {right}" if left and right else left or right


_BRACKET_BELOW = re.compile(
    r"(?:<=|≤|<|below|under|stay\s+below|at\s+most|保持低于|低于|不超过)\s*", re.I
)
_BRACKET_ABOVE = re.compile(
    r"(?:>=|≥|>|above|over|stay\s+above|at\s+least|保持高于|高于|不低于)\s*", re.I
)
_BRACKET_RELATIVE = re.compile(
    r"([+-])\s*([0-9]+(?:\.[0-9]+)?)\s*%|[x×]\s*([0-9]+(?:\.[0-9]+)?)", re.I
)


def _read_bracket(content: str, title: str) -> Measure | None:
    if content.lower() in _MILESTONE_WORDS:
        return Measure("milestone", 0, 1, "", "explicit", title)
    m = _BRACKET_RELATIVE.fullmatch(content)
    if m:
        sign = -1 if m[1] == "-" else 1
        change = Decimal(m[3]) - 1 if m[3] else sign * Decimal(m[2]) / 100
        if change == 0 or change < -1:
            raise ValueError(f"a relative change above -100% and not 0, not {content}")
        unit = "%" if _RATE.search(title) else ""
        kind = "percent" if unit else "number"
        return Measure(kind, None, None, unit, "explicit", title, relative=float(change))
    for kind, pattern in (("stay_below", _BRACKET_BELOW), ("stay_above", _BRACKET_ABOVE)):
        m = pattern.match(content)
        if m and m.end() < len(content):
            side = _side(content[m.end() :])
            if side is None or side[0] is None:
                return None
            value, percent, unit = side
            unit = "%" if percent else unit
            if len(unit) > MAX_UNIT:
                raise ValueError(f"unit longer than {MAX_UNIT} characters")
            return Measure(kind, None, _number(value), unit, "explicit", title)
    parts = _ARROW.split(content, maxsplit=1)
    if len(parts) == 2:
        left = _side(parts[0]) if parts[0] else (Decimal(0), False, "")
        right = _side(parts[1])
        if left is None or right is None:
            return None
    else:
        left, right = (Decimal(0), False, ""), _side(content)
        if right is None:
            return None
    (start, start_pct, start_unit), (target, target_pct, target_unit) = left, right
    unit = target_unit or start_unit
    if start_pct or target_pct or unit == "%":
        kind, unit = "percent", "%"
    else:
        kind = "number"
    if len(unit) > MAX_UNIT:
        raise ValueError(f"unit longer than {MAX_UNIT} characters")
    if target is not None and target == start:
        raise ValueError(_EQUAL)
    return Measure(
        kind,
        None if start is None else _number(start),
        None if target is None else _number(target),
        unit,
        "explicit",
        title,
    )


def _side(text: str) -> tuple[Decimal | None, bool, str] | None:
    """(value, percent, unit) of one side of a bracket: "0", "50 家", "85%", "? customers"."""
    text = _strip(text)
    m = _UNKNOWN.match(text)
    if m:
        unit = _strip(text[m.end() :])
        return None, unit == "%", "" if unit == "%" else unit
    sign = -1 if text.startswith("-") else 1
    body = text[1:].lstrip() if sign < 0 else text
    m = _NUMBER.match(body)
    if not m:
        return None
    t = _arabic_token(m)
    unit = t.currency or _strip(body[m.end() :])
    return sign * _value(m), t.percent, unit
