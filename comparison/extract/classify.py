"""What a found quantity is: its operator, its unit refined by the words around it, and its kind.

The kind: ages, amounts, durations, time limits and thresholds (床位数在100张以上的) are
parameters; per-household areas, frequencies, 原则上, and 应当 or a
regulation's article without a deadline make a standard; the rest targets.
"""

from __future__ import annotations

import re
from collections import deque

from comparison.extract.measure import counts_facilities
from comparison.extract.model import Candidate, Quantity
from comparison.extract.patterns import (
    ALLOCATION,
    ALLOCATION_BEFORE,
    BED_WORDS,
    CJK,
    COUNT_UNITS,
    DURATION_CUE,
    FUNDING_FLOOR,
    GOAL_AFTER,
    MEASURE_MAX,
    OLDER_PEOPLE,
    OPERATORS,
    PARAMETER_WORDS,
    PEOPLE_WORDS,
    PER_100_HOUSEHOLDS,
    PER_1000_OLDER,
    PER_BASE,
    PER_INCREMENT,
    PER_PERIOD,
    PER_PERSON,
    PER_UNIT,
    PER_YEAR,
    PERIOD,
    POST_OPERATOR,
    SUBSIDY,
    TIME_KEYS,
    is_cn_numeral,
)
from comparison.numerals import parse_chinese_numeral


def post_operator(text: str, q: Quantity):
    """以上/以下/以内 right after the quantity; 内 only after a span of time (5年内, 三个月内), 前 only after one
    shorter than a year (六十日前)."""
    m = POST_OPERATOR.match(text, q.end)
    if m and m.group("within") and q.key not in TIME_KEYS:
        return None
    if m and m.group("before") and (q.key not in TIME_KEYS or q.key == "years"):
        return None
    return m


def operator_word(post) -> str:
    """The word of a match of :func:`post_operator`: 以上, 内, 前 …"""
    return post.group("op") or post.group("within") or post.group("before")


def quantity_allowed(ctx, n, q: Quantity, cue, post, clause_head: str) -> bool:
    """Durations need a cue (有效期, …年内, 不超过3年), frequencies a period (每年…次), distances a bound
    (不超过1公里), a lone 一 a per-unit context (每个村…一名) or a lower bound (至少一处, 一处以上)."""
    bound = OPERATORS.get(operator_word(post)) if post else None
    if cue is not None and clause_head.endswith(cue.group()):
        bound = bound or OPERATORS.get(cue.group())
    if q.key == "years":
        clause = ctx.text[ctx.doc.clause_span(n.start)[0] : ctx.doc.clause_span(n.start)[1]]
        return n.value < 100 and (bool(DURATION_CUE.search(clause)) or (bound is not None and not GOAL_AFTER.match(ctx.text, q.end)))
    if q.key == "times" and not PER_PERIOD.search(clause_head):
        return False
    if q.key in TIME_KEYS:  # a time limit (三个月内, 六十日前, 提前三十日, 不超过十五个工作日) or time per period
        return bound is not None or bool(PER_PERIOD.search(clause_head))
    if q.key == "distance":
        return bound is not None
    if is_cn_numeral(n.text) and n.value == 1:
        return bool(PER_UNIT.search(clause_head)) or bound == "≥" or (cue is not None and OPERATORS.get(cue.group()) == "≥")
    return True


def mark_threshold(text: str, c: Candidate, post, conditional: bool = False) -> None:
    """A count or area with 以上/以下 that qualifies a noun (100张床位以上的养老机构) is a threshold: a parameter;
    so is a condition (床位数在一百张以上的，应当…), even in a norm."""
    following = text[post.end() : post.end() + 3]
    if conditional or (c.kind != "standard" and not following.startswith(("的标准", "标准")) and re.match(f"的|[{CJK}]", following)):
        c.kind = "parameter"
        c.reasons.append(f"threshold ({post.group('op')} qualifies what follows)")


def classify(ctx, c: Candidate, q: Quantity, window: str, op_end: int) -> None:
    """Refine the unit (ratios, per-household areas, facilities or items) and decide the kind."""
    text = ctx.text
    head = text[c.quote_start : c.pos]
    if q.key in ("table", "permille") or q.unit_id in ("beds", "people"):
        _per_1000(text, c, q)
    if q.key == "permille" and c.unit_id != "percent" and q.scale != 1:
        c.value = round(c.value / q.scale, 9)  # 千分之二 of older people: 2 per 1000, not 0.2 percent
        c.reasons = [r for r in c.reasons if not r.startswith("千分之")]
    if q.unit_id == "m2" and PER_100_HOUSEHOLDS.search(head):
        c.unit_id = "m2_per_100_households"
    elif q.unit_id == "m2" and PER_PERSON.search(head):
        c.unit_id = "m2_per_person"
    if q.key == "count":
        c.unit_id = "facilities" if counts_facilities(c.measure or text[c.quote_start : c.quote_end]) else "items"
    if c.unit_id in COUNT_UNITS and (base := PER_BASE.search(head)):
        c.unit_id, c.measure_word = "", ""
        c.reasons.append(f"ratio {base.group()}: units.csv has no unit for it")
    if q.key == "times" and not PER_YEAR.search(head):
        c.unit_id = ""
        if not _interval(ctx, c, q):
            c.reasons.append("frequency not per year: units.csv has no unit for it")
    if q.key == "land":
        c.reasons.append(f"land area in {c.measure_word}: units.csv has no unit for it")
    if q.key == "points":
        c.reasons.append("percentage points: units.csv has no unit for them")
    if q.key == "distance":
        c.reasons.append("distance: units.csv has no unit for it")
    if q.key in TIME_KEYS and not c.unit_id:
        c.reasons.append(f"span of time in {q.key}: units.csv has no unit for it")
    if q.key == "permille" and not c.unit_id:
        c.reasons.append("per mille: units.csv has no unit for it")
    if c.kind != "parameter":
        c.kind = _kind(ctx, c, q, window, op_end)


def _interval(ctx, c: Candidate, q: Quantity) -> bool:
    """Once every N days, months or years (每两天…进行一次, 每三个月一次, 每季度一次): the interval N, with the period
    as its measure word and no unit, a standard (docs/curation.md); 至少一次 makes the interval at most N. Not
    每半年 (no numeral to quote) nor 每年 (times per year)."""
    if c.value != 1:
        return False
    clause_start = ctx.doc.clause_span(c.pos)[0]
    found = deque(PERIOD.finditer(ctx.text, max(clause_start, c.pos - 40), c.pos), maxlen=1)  # the last one
    period = found.pop() if found else None
    if period is None or period.group("n") == "半":
        return False
    written = period.group("n")
    if written is None:
        value = 1.0
    else:
        value = float(written) if written.isdigit() else parse_chinese_numeral(written)
        if value is None:
            return False
    unit = period.group("unit")
    # at least once every two weeks is an interval of at most two weeks
    c.operator = {"≥": "≤", "≤": "≥", ">": "<", "<": ">"}.get(c.operator, c.operator)
    c.value, c.measure_word = value, ("个月" if unit == "月" and "个" in period.group() else unit)
    c.kind = "standard"
    c.reasons.append(f"once {period.group()}: the interval, {value:g} {c.measure_word}; units.csv has no unit for it")
    return True


def _per_1000(text: str, c: Candidate, q: Quantity) -> None:
    """Beds or people per 1000 older people (每千名老年人…张, 千分之二 of older people)."""
    quote_text = text[c.quote_start : c.quote_end]
    if not (PER_1000_OLDER.search(quote_text) or (q.key == "permille" and OLDER_PEOPLE.search(quote_text))):
        return
    if q.unit_id == "beds" or (q.unit_id != "people" and BED_WORDS.search(c.measure)):
        c.unit_id = "beds_per_1000_older_people"
    elif q.unit_id == "people" or PEOPLE_WORDS.search(c.measure):
        c.unit_id = "people_per_1000_older_people"
    else:
        return
    c.measure_word = ""
    if "千名" not in c.measure:
        c.measure = f"每千名老年人{c.measure}"[:MEASURE_MAX]
    c.reasons.append("per 1000 older people")


def _kind(ctx, c: Candidate, q: Quantity, window: str, op_end: int) -> str:
    """``parameter`` for ages, amounts, durations, caps and loan terms; ``standard`` for norms; else ``target``."""
    text = ctx.text
    if q.unit_id == "yuan" and window.endswith(FUNDING_FLOOR) and not re.search("最高|最多", window):
        c.reasons.append("a floor on money for every case")
        return "standard"  # 每所运行经费不少于2万元/年
    if q.unit_id in ("age_years", "yuan", "years") or re.search("最高|最多", window):
        return "parameter"
    if why := _basis(ctx, c, window):
        c.reasons.append(why)
        return "parameter"
    if m := PARAMETER_WORDS.search(text, c.quote_start, c.quote_end):
        c.reasons.append(f"policy setting ({m.group()})")
        return "parameter"
    if c.unit_id in ("m2_per_100_households", "m2_per_person") or q.key == "times":
        return "standard"
    if q.key in TIME_KEYS:  # 每年不少于二十日: a norm of time per period; else a time limit, a policy setting
        return "standard" if PER_PERIOD.search(text, ctx.sentence_start(c.pos), c.pos) else "parameter"
    if text.startswith(("的标准", "标准"), op_end) or "应当" in text[c.quote_start : c.pos]:
        return "standard"
    head = text[ctx.sentence_start(c.pos) : c.pos]
    if "原则上" in head or (c.deadline is None and ("应当" in head or _in_article(ctx.doc, c.pos))):
        return "standard"  # 原则上 (as a rule); 应当 or a regulation's article, without a deadline
    if c.deadline is None and c.scope.startswith("每个"):
        c.reasons.append(f"a norm for {c.scope} without a deadline")
        return "standard"  # 每个街道规划建设1处
    if c.deadline is None and c.unit_id == "percent" and (ALLOCATION.match(text, op_end) or ALLOCATION_BEFORE.search(window)):
        c.reasons.append("a share set aside without a deadline")
        return "standard"  # 40%以上用于养老服务, 保留不低于20%的床位
    return "target"


def _basis(ctx, c: Candidate, window: str) -> str:
    """Why a count is the basis of a subsidy, not a goal: an increment it is paid per (每增设1张床位), or a count
    in a sentence that grants money, without a deadline (床位设置30张，给予补助80万元); else empty."""
    if c.unit_id not in COUNT_UNITS:
        return ""
    if PER_INCREMENT.search(window):
        return "an increment a subsidy is paid per"
    if c.deadline is None:
        s_start, s_end = ctx.doc.sentence_span(c.pos)
        if (m := SUBSIDY.search(ctx.text, s_start, s_end)) and "元" in ctx.text[s_start:s_end]:
            return f"basis of a subsidy ({m.group()})"
    return ""


def _in_article(doc, pos: int) -> bool:
    """Whether ``pos`` stands in an article (第十四条) of a regulation."""
    return doc.clause_label(pos).startswith("第")
