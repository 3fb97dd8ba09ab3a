"""Reading the numbers of one document: which are candidates, what quantity each states, and its context."""

from __future__ import annotations

import re
from dataclasses import replace

from comparison.extract.classify import (
    classify,
    mark_threshold,
    operator_word,
    post_operator,
    quantity_allowed,
)
from comparison.extract.context import Context
from comparison.extract.coverage import coverage, one_in_every, slogans
from comparison.extract.measure import (
    content_chars,
    measure_from,
    noun_after,
    split_enumeration,
)
from comparison.extract.model import Candidate, Quantity
from comparison.extract.patterns import (
    CHANGE_TO,
    CONDITION_END,
    DIGIT,
    FROM,
    OPERATORS,
    PRE_OPERATOR,
    QUANTITY_NAMES,
    RANGE_DASH,
    RATE_AFTER,
    SIGNS,
    STRICT_COMPARISON,
    THRESHOLD_AFTER,
    THRESHOLD_WORDS,
    UNIT,
    UNIT_IDS,
    after_marker,
    is_cn_numeral,
    last_match,
)
from comparison.extract.tables import Tables
from comparison.numerals import PERCENT_PER


class Reader:
    """Finds the candidates of one :class:`~comparison.policy_text.PolicyText`."""

    def __init__(self, doc, body_start: int = 0):
        self.doc = doc
        self.text = doc.text
        self.ctx = Context(doc, body_start)
        self.tables = Tables(self.ctx)

    def candidates(self) -> list[Candidate]:
        """All candidates, in reading order."""
        from comparison.numerals import find_numbers

        numeric = self._numeric(find_numbers(self.text, normalised=True))
        found = numeric + coverage(self.ctx, numeric) + slogans(self.ctx)
        found.sort(key=lambda c: (c.quote_start, c.pos))
        for c in found:
            c.clause = c.clause or self.doc.clause_label(c.pos)
        return [part for c in found for part in split_enumeration(c)]

    def _numeric(self, numbers) -> list[Candidate]:
        """The candidates stated by ``numbers`` (from :func:`comparison.numerals.find_numbers`)."""
        found: list[Candidate] = []
        previous = None
        for n in numbers:
            c = self._from_number(n, previous.end if previous else 0)
            if c is not None and previous is not None and self._is_range(previous, n):
                found += self._range(c, previous, found[-1] if found and found[-1].pos == previous.start else None)
            elif c is not None:
                found.append(c)
            previous = n
        for c in found:
            one_in_every(c)
        return found

    def _is_range(self, lower, upper) -> bool:
        """Whether two numbers form a range: 60%—70%, 2至3名, or with the unit after both, 100元至300元."""
        t = self.text
        if RANGE_DASH.fullmatch(t, lower.end, upper.start):
            return True
        gap = t[lower.end : upper.start]
        unit = gap[:-1]
        return 0 < len(unit) <= 3 and RANGE_DASH.fullmatch(gap[-1]) is not None and t.startswith(unit, upper.end)

    def _range(self, upper: Candidate, lower_number, lower: Candidate | None) -> list[Candidate]:
        """A range 60%—70%, 3至5家: at least the lower figure and at most the upper one."""
        if lower is None:
            reasons = [f"{lower_number.text}: lower end of a range", *upper.reasons[1:]]
            lower = replace(upper, pos=lower_number.start, value=lower_number.value, reasons=reasons)
            added = [lower, upper]
        else:
            lower.reasons.append("lower end of a range")
            added = [upper]
        upper.operator, upper.has_cue = "≤", True
        upper.reasons.append("upper end of a range")
        lower.operator, lower.has_cue = "≥", True
        upper.measure = lower.measure
        return added

    def _from_number(self, n, previous_end: int) -> Candidate | None:
        """The candidate stated by number ``n`` (a :class:`~comparison.numerals.NumberMatch`), or ``None``."""
        if not self._may_be_target(n):
            return None
        q = self._quantity(n)
        if q is None:
            return None
        in_penalty = bool(self.ctx.excluded(n.start))  # only a condition of a penalty's sentence gets here
        if in_penalty and q.unit_id == "yuan":
            return None
        t = self.text
        c_start, c_end = self.ctx.clause_around(n.start, q.end)
        window = t[max(c_start, previous_end) : n.start]
        post = post_operator(t, q)
        # the numeral's first character is kept so that 满(?=五) sees what follows it (每满五年)
        cue = None if post or q.more else last_match(PRE_OPERATOR, window + t[n.start : n.start + 1])
        if not quantity_allowed(self.ctx, n, q, cue, post, t[c_start : n.start]):
            return None
        if FROM.search(t, max(c_start, n.start - 14), n.start) and CHANGE_TO.match(t, q.end, c_end):
            return None  # 由2020年的42.5%提高到55%: where the change starts
        if q.key == "age" and RATE_AFTER.match(t, post.end() if post else q.end, c_end):
            return None  # 65岁及以上老年人健康管理率: the age only says whose rate it is
        value = n.value if q.scale == 1 else round(n.value * q.scale, 9)  # 0.3, not 0.30000000000000004
        c = Candidate(n.start, after_marker(t, c_start, n.start), c_end, value, q.unit_id, "number", measure_word=q.measure_word)
        stated = f"{QUANTITY_NAMES.get(q.key, 'count')} {t[n.start : q.end]}"
        if q.key in PERCENT_PER:
            c.reasons.append(f"{n.text}: {c.value:g} percent")
        elif q.scale != 1:
            c.scale = q.scale
            c.notes = f"the table gives {n.text} in units of {q.scale:g} ({q.measure_word}, from the indicator's name)"
            c.reasons.append(f"×{q.scale:g} from the unit in the indicator's name")
        op_end = q.end
        if post:
            word = operator_word(post)
            c.operator, c.has_cue, op_end = OPERATORS.get(word, "="), True, post.end()
            c.reasons.append(f"{stated} with {word}")
        elif q.more:
            c.operator, c.has_cue = ">", True
            c.reasons.append(f"{stated} (more than)")
        elif cue:
            c.operator, c.has_cue = OPERATORS.get(cue.group(), "="), True
            c.reasons.append(f"{stated} after {cue.group()}")
        else:
            c.reasons.append(stated)
        self._place(c, n.start, op_end)
        if q.year is not None:
            c.deadline = q.year
        classify(self.ctx, c, q, window, op_end)
        # 100张床位以上的养老机构, 1000平方米以下的建筑, 床位数在一百张以上的: a condition on what follows
        conditional = t.startswith("在", n.start - 1) and t.startswith("的", post.end()) if post else False
        joined = None
        if in_penalty:
            c.kind = "parameter"
            c.reasons.append("condition of a penalty (…的，), not the penalty")
        elif cue and STRICT_COMPARISON.fullmatch(cue.group()) and self.ctx.is_condition(n.start, q.end):
            c.kind = "parameter"  # 床位数不足40张且收住人数少于10人的敬老院: a condition on what the sentence then says
            c.reasons.append(f"threshold ({cue.group()} … 的 states a condition)")
        elif post and post.group("op") in THRESHOLD_WORDS and (
            post.group("noun") or c.unit_id == "m2" or conditional or (joined := THRESHOLD_AFTER.match(t, post.end()))
        ):
            # 3家及以上，且…的: one of the conditions the sentence joins
            mark_threshold(t, c, post, conditional or bool(joined and "且" in joined.group()))
        elif cue and CONDITION_END.match(t, op_end) and c.kind != "parameter":
            c.kind = "parameter"  # 床位不足五十张的，…: a condition on what the sentence then asks
            c.reasons.append(f"threshold ({cue.group()} … 的 states a condition)")
        return c

    def _may_be_target(self, n) -> bool:
        """False for years, dates, document and article numbers, per-unit bases, numbers in quotation marks."""
        t = self.text
        before = t[n.start - 1] if n.start else ""
        after = t[n.end] if n.end < len(t) else ""
        if self.tables.value_cell(n.start) is not None:
            before, after = before.strip("[【"), after.strip("]】")  # 【15】: a table's five-year total
        if (before and before in "第每〔[【") or (after and after in "月号时分秒〕]】"):
            return False
        if after == "日" and (before == "月" or n.kind != "plain"):
            return False  # a date (5月1日, 三月一日); 六十日前 is a time limit
        if n.kind == "plain" and ((before and before in "-:") or (after and after in "-:./")):
            return False  # dates, times, phone numbers, list markers
        if 1900 <= n.value <= 2100 and (after == "年" or re.match(r"[~\-—–至到]\d", t[n.end : n.end + 2])):
            return False
        if n.text in ("万", "亿") and before == "(":
            return False  # the unit of a table's column: 养老床位总量(万张)
        why = self.ctx.excluded(n.start)
        if (why and not (why.startswith("penalty") and self.ctx.penalty_condition(n.start))) or self.ctx.achieved(n):
            return False
        return not self.ctx.in_quotation_marks(n.start)

    def _quantity(self, n) -> Quantity | None:
        """The quantity a number states; ``None`` for a bare number (no unit, no comparison sign)."""
        t = self.text
        if (cell := self.tables.value_cell(n.start)) is not None and (row := self.tables.row(cell)) is not None:
            return self.tables.cell_quantity(n, row)
        if n.kind == "percent":
            return Quantity("percent", "percent", "", n.end)
        if n.kind in PERCENT_PER:  # 千分之二 is 0.2 percent, 万分之五 0.05: units.csv has no per-mille unit
            return Quantity(n.kind, "percent", "", n.end, scale=PERCENT_PER[n.kind])
        more = t.startswith(("余", "多"), n.end)
        m = UNIT.match(t, n.end + more)
        if m:
            key = m.lastgroup
            return Quantity(key, UNIT_IDS.get(key, ""), "" if key == "points" else m.group(), m.end(), more)
        if n.start and t[n.start - 1] in SIGNS and not is_cn_numeral(n.text):
            return Quantity("table", "", "", n.end)
        return None

    def _place(self, c: Candidate, value_start: int, value_end: int) -> None:
        """Quote span, measure, deadline, table context, aspiration and scope of a numeric candidate."""
        t, ctx = self.text, self.ctx
        s_start = ctx.sentence_start(c.pos)
        table_line = None
        if content_chars(t[c.quote_start : value_start] + t[value_end : c.quote_end]) < 2:
            table_line = ctx.widen(c, s_start)
        c.measure = self._measure_of(c, value_start, value_end)
        c.deadline = ctx.deadline(c, s_start)
        if table_line is not None:
            self.tables.table_context(c, table_line)
        ctx.aspiration(c, s_start)
        c.scope = ctx.scope(c, c.pos)
        if c.scope:
            c.reasons.append(f"scope {c.scope}")

    def _measure_of(self, c: Candidate, value_start: int, value_end: int) -> str:
        """What the value measures: the words of its segment (between 、) before and after it, else of its quote."""
        t = self.text
        seg_start, _ = self.doc.segment_span(value_start)
        before = t[max(seg_start, c.quote_start) : value_start]
        if content_chars(before) < 2:
            before = t[c.quote_start : value_start]
        next_value = DIGIT.search(t, value_end, c.quote_end)
        return measure_from(before, noun_after(t[value_end : next_value.start() if next_value else c.quote_end]), c.unit_id)
