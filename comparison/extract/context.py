"""The context of a number in its sentence: whether the sentence may hold a target at all (fines, the present,
what is already done, quotation marks), the quote's span, the deadline, 力争 and the scope."""

from __future__ import annotations

import re
from bisect import bisect_left

from comparison.extract.model import Candidate
from comparison.extract.patterns import (
    ACHIEVED,
    AREA_SCOPE,
    ASPIRATION,
    CONDITION_AFTER,
    DEADLINE,
    DESCRIPTIVE,
    DESCRIPTIVE_SECTION,
    LOOKAHEAD,
    LOOKBACK,
    NORM_WORDS,
    NUMBER_RUN,
    PENALTY,
    RESTATED_NORM,
    SCOPE,
    SCOPE_LEAD,
    SENTENCE_LOOKBACK,
    SENTENCE_OPENER,
    STRICT_COMPARISON,
    VALUE_CELL,
    YEAR,
    YEAR_LIST,
    YEAR_NOT_DUE,
    after_marker,
    last_match,
)


class Context:
    """What the sentences of one :class:`~comparison.policy_text.PolicyText` say around its numbers."""

    def __init__(self, doc, body_start: int = 0):
        self.doc = doc
        self.text = doc.text
        self.body_start = body_start  # where the policy starts: what comes before is a repository's header
        self._why_excluded: dict[int, str] = {}
        self.deadlines = [m for m in DEADLINE.finditer(self.text) if m.start() >= body_start]
        self._deadline_starts = [m.start() for m in self.deadlines]
        self._opening_marks = [m.start() for m in re.finditer("“", self.text)]
        self._closing_marks = [m.start() for m in re.finditer("”", self.text)]
        self._straight_marks = [m.start() for m in re.finditer('"', self.text)]

    # -- where targets may stand ---------------------------------------------------
    def excluded(self, pos: int) -> str:
        """Why the sentence holding ``pos`` yields no candidates (a header, fines, the present); empty when it may."""
        if pos < self.body_start:
            return "the repository's header, before the policy"
        start, end = self.doc.sentence_span(pos)
        if start not in self._why_excluded:
            sentence = self.text[start:end]
            why = ""
            if m := PENALTY.search(sentence):
                why = f"penalty ({m.group()})"
            elif m := DESCRIPTIVE.search(sentence):
                why = f"describes the present ({m.group()})"
            elif m := DESCRIPTIVE_SECTION.search(self.doc.section_heading(pos)):
                why = f"section on {m.group()}"
            self._why_excluded[start] = why
        return self._why_excluded[start]

    def achieved(self, n) -> bool:
        """Whether the sentence says, before number ``n``, that something is already done (全市已建成养老机构286家).

        Not when a deadline comes between (在已建成12处敬老院的基础上，到2026年底，完成6处…): a new goal
        starts there. 现有 (currently) describes counts, not rates.
        """
        s_start = self.sentence_start(n.start)
        if not ACHIEVED.search(self.text, s_start, n.start):
            return False
        done = last_match(ACHIEVED, self.text[s_start : n.start])
        if done is None or (done.group() == "现有" and n.kind != "plain"):
            return False
        between = self.text[s_start + done.end() : n.start]
        if NORM_WORDS.search(between):
            return False  # 已建成住宅区应当按照每百户…: a norm for what was built
        if self.is_condition(n.start, n.end):
            return False  # 现有床位数不足40张的敬老院: a condition on what the sentence then says
        return self.first_deadline(s_start + done.end(), n.start, s_start) is None

    def is_condition(self, start: int, end: int) -> bool:
        """Whether the number at ``start``–``end`` follows a strict comparison (不足, 少于, 超过 …) in its clause
        and a 的 closes its phrase (床位数不足40张且收住人数少于10人的敬老院): a condition, not a count."""
        c_start = self.doc.clause_span(start)[0]
        return bool(STRICT_COMPARISON.search(self.text, max(c_start, start - 12), start) and CONDITION_AFTER.match(self.text, end))

    def penalty_condition(self, pos: int) -> bool:
        """Whether ``pos`` stands in a condition of a penalty's sentence (…期限不足五年的，由…责令改正): a clause
        ending in 的 before the penalty, stating no norm (违反, 未按…标准) and comparing (不足, 超过 …)."""
        s_start, _ = self.doc.sentence_span(pos)
        c_start, c_end = self.doc.clause_span(pos)
        sentence_head = self.text[s_start:c_end]
        if not self.text[c_start:c_end].rstrip(",;:").endswith("的") or RESTATED_NORM.search(sentence_head):
            return False
        penalty = PENALTY.search(self.text, c_end, self.doc.sentence_span(pos)[1])
        return penalty is not None and not PENALTY.search(sentence_head) and bool(STRICT_COMPARISON.search(self.text, c_start, pos))

    def in_quotation_marks(self, pos: int) -> bool:
        """Whether ``pos`` stands between quotation marks opened in its sentence."""
        start = self.doc.sentence_span(pos)[0]

        def count(marks: list[int]) -> int:
            return bisect_left(marks, pos) - bisect_left(marks, start)

        return count(self._opening_marks) > count(self._closing_marks) or count(self._straight_marks) % 2 == 1

    # -- spans -------------------------------------------------------------------------
    def clause_around(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding ``start``–``end``, cut to :data:`LOOKBACK` before and :data:`LOOKAHEAD` after it."""
        c_start, c_end = self.doc.clause_span(start)
        return max(c_start, start - LOOKBACK), min(c_end, end + LOOKAHEAD)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts, at most :data:`SENTENCE_LOOKBACK` before it."""
        return max(self.doc.sentence_span(pos)[0], pos - SENTENCE_LOOKBACK)

    def widen(self, c: Candidate, s_start: int) -> int | None:
        """Take in the previous clause, or the previous line (a table cell), when the quote names no measure.

        Returns the start of the line taken in, if it was a line.
        """
        if c.quote_start > s_start:
            c.quote_start = max(self.doc.clause_span(c.quote_start - 2)[0], c.pos - LOOKBACK)
            return None
        line_start, _ = self.doc.line_span(c.quote_start)
        previous = self.doc.previous_line(line_start) if line_start == c.quote_start else None
        while previous is not None and VALUE_CELL.fullmatch(self.text, *previous):
            previous = self.doc.previous_line(previous[0])  # a row's earlier value cells (a baseline column)
        if previous is None:
            return None
        c.quote_start = previous[0]
        c.reasons.append(f"table cell after {self.text[previous[0] : previous[1]][:20]}")
        return previous[0]

    # -- deadlines ---------------------------------------------------------------------
    def deadline(self, c: Candidate, s_start: int) -> int | None:
        """The last deadline before the value in its sentence, else the first after it in its clause; for the k-th
        value after 分别, the k-th of a list of years before it."""
        if (year := self._respective_year(c, s_start)) is not None:
            return year
        chosen = None
        k = bisect_left(self._deadline_starts, s_start)
        while k < len(self.deadlines) and self.deadlines[k].start() < c.quote_end:
            m = self.deadlines[k]
            k += 1
            if not is_deadline(m, self.text, s_start):
                continue
            if m.start() < c.pos:
                chosen = m
            elif chosen is None:
                chosen = m
                break
        if chosen is None:
            chosen = self._deadline_before_semicolon(s_start)
        if chosen is None:
            return None
        c.reasons.append(f"deadline {chosen.group()}")
        return deadline_year(chosen)

    def _deadline_before_semicolon(self, s_start: int):
        """The last explicit deadline (到2026年, 2025年底前) of the parts a semicolon joins before ``s_start``."""
        p_start = max(self.doc.period_span(s_start)[0], s_start - SENTENCE_LOOKBACK)
        chosen = None
        for k in range(bisect_left(self._deadline_starts, p_start), bisect_left(self._deadline_starts, s_start)):
            m = self.deadlines[k]
            if m.group("pre") not in (None, "截至", "截止") or m.group("suf") or m.group("y2") or m.group("plan"):
                chosen = m
        return chosen

    def _respective_year(self, c: Candidate, s_start: int) -> int | None:
        """The year of ``c`` when years and values are paired by 分别 (2023年、2024年分别建成15个、20个)."""
        if c.found_by != "number" or self.text.find("分别", s_start, c.pos) < 0:
            return None
        if (m := last_match(YEAR_LIST, self.text[s_start : c.pos])) is None:
            return None
        years = re.findall(YEAR, m.group("years"))
        index = len(NUMBER_RUN.findall(self.text, s_start + m.end(), c.pos))
        if index >= len(years):
            return None
        c.reasons.append(f"deadline {years[index]}年 (分别)")
        return year_value(years[index])

    def first_deadline(self, start: int, end: int, s_start: int):
        """The first deadline (see :func:`is_deadline`) that starts between ``start`` and ``end``, if any."""
        k = bisect_left(self._deadline_starts, start)
        while k < len(self.deadlines) and self.deadlines[k].start() < end:
            if is_deadline(self.deadlines[k], self.text, s_start):
                return self.deadlines[k]
            k += 1
        return None

    # -- hedging and scope -------------------------------------------------------------
    def aspiration(self, c: Candidate, s_start: int) -> None:
        """Mark ``c`` as hedged when 力争 or 争取 comes before it in its sentence."""
        if m := ASPIRATION.search(self.text, s_start, c.pos):
            c.aspirational = True
            c.reasons.append(f"aspirational {m.group()}")

    def scope(self, c: Candidate, end: int) -> str:
        """The part of the jurisdiction the candidate applies to (每个区县, 农村), from its quote up to ``end``."""
        t = self.text
        if m := last_match(SCOPE, t[c.quote_start : min(end, c.quote_end)]):
            return f"每个{m.group('unit')}{m.group('paren') or ''}"
        seg_start, _ = self.doc.segment_span(c.pos)
        segment = SCOPE_LEAD.sub("", DEADLINE.sub("", t[max(seg_start, c.quote_start) : c.pos + 4]))
        m = AREA_SCOPE.match(segment)
        return m.group() if m else ""


def is_deadline(m, text: str, s_start: int) -> bool:
    """Whether a year expression sets a deadline: 到2025年, 2025年底前, 2021~2023年, or a year opening a sentence
    (2021年，…; not 2021年起, 2021年以来)."""
    if m.group("plan"):
        return True
    pre, suffix = m.group("pre"), m.group("suf")
    if pre in ("截至", "截止"):
        return False
    if pre or suffix or m.group("y2"):
        return True
    opener = text[after_marker(text, s_start, m.start()) : m.start()]
    return not m.group("md") and not text.startswith(YEAR_NOT_DUE, m.end()) and bool(SENTENCE_OPENER.fullmatch(opener))


def year_value(year: str) -> int:
    """2025 from ``2025`` or ``二〇二五``."""
    from comparison.numerals import parse_chinese_numeral

    return int(year) if year.isdigit() else int(parse_chinese_numeral(year))


def deadline_year(m) -> int:
    """The year a match of :data:`DEADLINE` is due: the end of a range (2021~2023年), of a plan's period
    (“十四五”期间: 2025)."""
    if m.group("plan"):
        # the 十一五 plan ended in 2010, and each plan lasts five years
        return 2005 + 5 * ("一二三四五六七八九".index(m.group("plan_no")) + 1)
    return year_value(m.group("y2") or m.group("y1"))


