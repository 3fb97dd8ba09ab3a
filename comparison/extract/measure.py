"""What a number measures: the words around it, cleaned of cue words, deadlines and connectives."""

from __future__ import annotations

from dataclasses import replace

from comparison.extract.model import Candidate
from comparison.extract.patterns import (
    CONTENT_NOISE,
    DEADLINE,
    FACILITY_NOUN,
    ITEM_MIN,
    MEASURE_AFTER,
    MEASURE_LEAD,
    MEASURE_MAX,
    MEASURE_NOISE,
    MEASURE_TAIL,
    NAME,
    NAMES,
    NOT_FACILITY,
    NOUN_AFTER_UNITS,
    PRE_OPERATOR,
    RATE_NOUN,
    SCOPE,
    last_match,
)


def content_chars(text: str) -> int:
    """How many characters of ``text`` name something (not numbers, cue words, deadlines or punctuation)."""
    return len(CONTENT_NOISE.sub("", text))


def clean_measure(text: str) -> str:
    """``text`` without deadlines, punctuation, leading verbs and connectives, trailing cue words."""
    text = MEASURE_NOISE.sub("", DEADLINE.sub("", text))
    previous = None
    while previous != text:
        previous = text
        text = MEASURE_TAIL.sub("", MEASURE_LEAD.sub("", text)).strip("、")
    return text


def measure_from(before: str, after: str, unit_id: str) -> str:
    """A short description of what a number measures, from the words before and after it in its quote."""
    pre = clean_measure(PRE_OPERATOR.sub("", SCOPE.sub("", before)))
    post = clean_measure(MEASURE_AFTER.sub("", after))
    if unit_id in ("percent", "") and not RATE_NOUN.search(pre) and len(post) >= 2:
        measure = post
    elif unit_id in NOUN_AFTER_UNITS and len(post) >= 2:
        last = post.rsplit("的", 1)[-1]
        measure = last if len(last) >= 2 else post
    else:
        measure = pre or post or clean_measure(before)
    return measure[:MEASURE_MAX]


def noun_after(text: str) -> str:
    """The words after a value that may name what it counts: none after 、 or a comma, else up to the
    first 、 (配备1名人员、培育…) unless a 的 closes the list (1所以失能、半失能…为主的机构)."""
    if text.startswith(("、", ",")):
        return ""
    parts = text.split("、")
    return parts[-1] if len(parts) > 1 and "的" in parts[-1] else parts[0]


def counts_facilities(counted: str) -> bool:
    """Whether a count counts facilities: the last noun of ``counted`` that names either a facility (机构, 中心 …)
    or another thing (社区, 企业 …) is a facility (社区嵌入式养老服务机构, not 老年友好型社区)."""
    facility, other = last_match(FACILITY_NOUN, counted), last_match(NOT_FACILITY, counted)
    if facility is None:
        return False
    return other is None or other.end() < facility.end()


def split_enumeration(c: Candidate) -> list[Candidate]:
    """One candidate per item when one rate is stated for several things.

    Named things (“A”“B”覆盖率达到100%, 《A》《B》达标率) split for any
    percentage; a list A、B、C全覆盖 splits when every item is at least
    :data:`ITEM_MIN` characters long (独居、空巢、留守老年人 does not).
    """
    if c.unit_id != "percent":
        return [c]
    if group := NAMES.search(c.measure):
        head, tail, items = c.measure[: group.start()], c.measure[group.end() :], NAME.findall(group.group())
    elif c.cue and c.cue in c.measure:
        head, tail = "", c.measure[c.measure.index(c.cue) :]
        items = c.measure[: c.measure.index(c.cue)].split("、")
        if len(items) < 2 or min(map(len, items)) < ITEM_MIN:
            return [c]
    else:
        return [c]
    return [
        replace(c, measure=f"{head}{item}{tail}"[:MEASURE_MAX], reasons=[*c.reasons, f"one of several items: {item}"])
        for item in items
    ]
