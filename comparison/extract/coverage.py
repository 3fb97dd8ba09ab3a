"""Coverage stated in words and provision slogans.

Coverage in words (全覆盖, 所有…, 应补尽补, 全量; 各区…成立, …均设立, 全面设置
when the sentence has a deadline) is a target of 100 percent. So is one of
something in every unit (每个/各/所有 X（至少）有1个 Y: 100 percent of X), and a
slogan 一X一Y (一镇街一中心) is a standard of 100 percent of X (docs/curation.md,
*Coverage*). More than one per unit (每个区县至少2家) stays a count per unit.
"""

from __future__ import annotations

from comparison.extract.measure import clean_measure, content_chars
from comparison.extract.model import Candidate
from comparison.extract.patterns import (
    COVERAGE_STRONG,
    COVERAGE_WEAK,
    FACILITY_NOUN,
    MEASURE_MAX,
    OBLIGED_COVERAGE,
    PERMISSION,
    SLOGAN,
    after_marker,
)


def coverage(ctx, numeric: list[Candidate]) -> list[Candidate]:
    """Coverage stated in words (全覆盖, 所有…, 应补尽补 …): 100 percent, one per quote, except in a segment that
    already states a number."""
    taken = {ctx.doc.segment_span(c.pos) for c in numeric if c.kind != "parameter"}
    quotes: set[tuple[int, int]] = set()
    found = []
    for pattern, strong in ((COVERAGE_STRONG, True), (COVERAGE_WEAK, False)):
        for m in pattern.finditer(ctx.text):
            c = _coverage_at(ctx, m, strong, taken, quotes)
            if c is not None:
                quotes.add((c.quote_start, c.quote_end))
                found.append(c)
    return found


def _coverage_at(ctx, m, strong: bool, taken: set, quotes: set) -> Candidate | None:
    """The coverage candidate of cue ``m``; weak cues (各区…, …均…, 全面…) need a deadline."""
    pos, text = m.start(), ctx.text
    if ctx.doc.segment_span(pos) in taken or ctx.excluded(pos):
        return None
    c_start, c_end = ctx.clause_around(pos, m.end())
    c_start = after_marker(text, c_start, pos)
    c = Candidate(pos, c_start, c_end, 100.0, "percent", "coverage", cue=m.group(), reasons=[f"coverage {m.group()}"])
    s_start = ctx.sentence_start(pos)
    if content_chars(text[c_start:c_end].replace(m.group(), "")) < 4:
        ctx.widen(c, s_start)
    if (c.quote_start, c.quote_end) in quotes:
        return None
    c.deadline = ctx.deadline(c, s_start)
    if not strong and c.deadline is None:
        return None
    if PERMISSION.search(text, s_start, pos) and c.deadline is None:
        return None  # 有条件的地方可以逐步覆盖全体老年人: allowed, not promised
    c.measure = clean_measure(text[c.quote_start : c.quote_end])[:MEASURE_MAX]
    if c.deadline is None and OBLIGED_COVERAGE.match(m.group()):
        c.kind = "standard"  # 应保尽保 without a deadline: a norm for every eligible case
        c.reasons.append("a norm without a deadline")
    ctx.aspiration(c, s_start)
    c.scope = ctx.scope(c, m.end() + 8)
    return c


def slogans(ctx) -> list[Candidate]:
    """Provision slogans 一X一Y (一镇街一中心): a standard of 100 percent of X having a Y."""
    found = []
    for m in SLOGAN.finditer(ctx.text):
        if not FACILITY_NOUN.search(m.group("what")) or ctx.excluded(m.start()):
            continue
        per, what = m.group("per"), m.group("what")
        c_start, c_end = ctx.clause_around(m.start(), m.end())
        c = Candidate(m.start(), c_start, c_end, 100.0, "percent", "slogan", kind="standard")
        c.measure = f"有{what}的{per}占比（{m.group()}）"[:MEASURE_MAX]
        c.scope = per
        c.notes = f"{m.group()}: one {what} in every {per}, recorded as 100% of {per}"
        c.reasons.append(f"slogan {m.group()}: one {what} in every {per}, 100 percent of {per}")
        found.append(c)
    return found


#: Counts that a promise of one in every unit may state (每个村至少配备1名…, 各区至少有1家…).
ONE_EACH_UNITS = ("facilities", "items", "people")


def one_in_every(c: Candidate) -> None:
    """Make a count of one in every unit (每个/各/所有 X（至少）有1个 Y, scope 每个X) a coverage share: 100 percent of
    X, with X as the scope and the count kept in the measure and notes. Other counts are left as they are."""
    if not (
        c.found_by == "number"
        and c.value == 1
        and c.unit_id in ONE_EACH_UNITS
        and c.operator in ("=", "≥")
        and c.kind != "parameter"
        and c.scope.startswith("每个")
        and not any(r.endswith("end of a range") for r in c.reasons)  # 每个社区配备1至2名: a range of counts
    ):
        return
    unit = c.scope[len("每个") :]
    least = "至少" if c.operator == "≥" else ""
    one = f"{least}1{c.measure_word}"
    c.measure = f"{least}有1{c.measure_word}{c.measure}的{unit}占比"[:MEASURE_MAX]
    c.notes = "; ".join(filter(None, (c.notes, f"{one} in every {unit} (每个{unit}{one}): recorded as 100% of {unit}")))
    c.reasons.append(f"one in every {unit}: coverage, 100 percent of {unit}")
    c.value, c.unit_id, c.measure_word, c.operator, c.scope = 100.0, "percent", "", "=", unit
