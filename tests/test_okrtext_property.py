"""The reader never produces a start or a target that the line does not say.

Lines are generated from pieces whose numbers are known: quantities written the ways
people write them (2,500 / 10k / 10w / 1.5万 / 十万 / $50k / 40% / 百分之三十), dates,
quarters, versions, deadlines, parentheses and "满分10分" around them, verbs and bound
words in English and Chinese. Whatever the reader makes of a line, every start and
target it gives is one of the numbers written in it, or None (asked); a start of 0 needs
a counting word ("win", "新增", "new", ...) or a written 0; a relative change is a
written percent or a written multiple.
"""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.okrtext import infer_measure

# (text, values it says)
Piece = tuple[str, frozenset]


def _said(*values) -> frozenset:
    return frozenset(Decimal(str(v)) for v in values)


@st.composite
def quantity(draw) -> Piece:
    """A number as people write it, with the value(s) it says."""
    n = draw(st.integers(min_value=1, max_value=999))
    style = draw(st.sampled_from(["plain", "comma", "k", "w", "wan", "cn", "dollar", "pct",
                                  "decimal", "cnpct", "yuan"]))  # fmt: skip
    if style == "plain":
        return str(n), _said(n)
    if style == "comma":
        return f"{n},{n % 1000:03d}", _said(n * 1000 + n % 1000)
    if style == "k":
        return f"{n}k", _said(n * 1000)
    if style == "w":
        return f"{n}w", _said(n * 10_000)
    if style == "wan":
        return f"{n}万", _said(n * 10_000)
    if style == "cn":
        return cn2an.an2cn(n * 100), _said(n * 100)
    if style == "dollar":
        return f"${n}k", _said(n * 1000)
    if style == "pct":
        return f"{n}%", _said(n)
    if style == "cnpct":
        return f"百分之{cn2an.an2cn(n)}", _said(n)
    if style == "yuan":
        return f"{n}万元", _said(n * 10_000)
    return f"{n}.5", _said(Decimal(n) + Decimal("0.5"))


NOISE: list[Piece] = [
    ("in Q3", _said(3)),
    ("by 2026-10-15", _said(2026, 10, 15)),
    ("（员工规模1000人以上）", _said(1000)),
    ("(about 300 people)", _said(300)),
    ("10月", _said(10)),
    ("v2", _said(2)),
    ("满分10分", _said(10)),
    ("within 30 days", _said(30)),
    ("三个月内", _said(3)),
    ("phases 1,2,3", _said(1, 2, 3)),
    ("4.8/5", _said(Decimal("4.8"), 5)),
    ("FY2027", _said(2027)),
    ("第3季度", _said(3)),
    ("on 15 October", _said(15)),
]
WORDS = [
    "Win", "Reach", "Reduce", "Increase", "Keep", "Hire", "Achieve", "from", "to", "by",
    "below", "at least", "new customers", "users", "churn", "完成", "新增", "达到", "提升至",
    "降低", "控制在", "以内", "以上", "不低于", "从", "到", "家", "名", "粉丝", "收获", "->",
    "double", "翻倍", "halve", "3x", "XX", "new",
]  # fmt: skip
COUNTING = (
    "Win",
    "Hire",
    "完成",
    "新增",
    "收获",
    "new",
    "新",
    "Reach",
    "Achieve",
)  # words that may make a start 0 (the reader's list is longer; these are all generated)
CN_NUMERALS = "零一二两三四五六七八九十百千万亿"
MULTIPLES = {Decimal(1), Decimal(2), Decimal(3), Decimal("-0.5")}

piece = st.one_of(
    quantity(),
    st.sampled_from(NOISE),
    st.sampled_from(WORDS).map(lambda w: (w, _said(3) if w == "3x" else frozenset())),
    st.text(alphabet="xyzqj ", min_size=1, max_size=5).map(lambda w: (w, frozenset())),
)


def _join(texts: list[str], sep: str) -> str:
    """Pieces glued (as Chinese is written) or spaced; never two ASCII words glued into
    one ("1k" + "in" would say 1 "kin"), nor a digit after 万 ("1万" + "5" is 15000)."""
    out = ""
    for text in texts:
        glued = out and (
            (out[-1].isascii() and out[-1].isalnum() and text[0].isascii())
            or (out[-1] in "万亿" and text[0].isdigit())  # 1万5 is 15000
            or (out[-1] in CN_NUMERALS and text[0] in CN_NUMERALS)  # 一千 + 三: 1300
        )
        out += (" " if glued or sep else "") + text if out else text
    return out


line = st.lists(piece, min_size=1, max_size=7).flatmap(
    lambda pieces: st.sampled_from([" ", ""]).map(
        lambda sep: (
            _join([p[0] for p in pieces], sep),
            frozenset().union(*(p[1] for p in pieces)),
        )
    )
)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(line)
def test_never_a_number_the_line_does_not_say(generated):
    text, said = generated
    try:
        m = infer_measure(text)
    except ValueError as e:  # equal start and target, a reduction over 100%: a reason
        assert str(e)
        return
    if m.kind == "milestone":
        assert (m.start, m.target, m.relative) == (0, 1, None)
        return
    for value in (m.start, m.target):
        if value is None:
            continue
        v = Decimal(str(value))
        if v == 0 and value is m.start and v not in said:
            assert any(w in text for w in COUNTING), (text, m)
        else:
            assert v in said, (text, m)
    if m.relative is not None:
        r = Decimal(str(m.relative))
        assert r * 100 in said or -r * 100 in said or r in MULTIPLES or r + 1 in said, (text, m)
        assert m.start is None and m.target is None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(quantity(), st.sampled_from(["Reach", "达到", "Keep below", "控制在", "Achieve", ""]))
def test_a_level_never_starts_at_zero(q, lead):
    """Without a counting word the start is never 0: it is asked."""
    text, said = q
    m = infer_measure(f"{lead} {text} 用户" if lead else f"{text} users")
    assert m.start is None or m.start in said
