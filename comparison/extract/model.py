"""The records the extractor passes between its steps: a candidate, a stated quantity, a table row."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    """A proposed target; positions index the analysis text of a :class:`~comparison.policy_text.PolicyText`.

    ``found_by`` says how it was found: ``"number"`` (a number in the text),
    ``"coverage"`` (words of full coverage) or ``"slogan"`` (一X一Y). A number's
    candidate may itself state coverage (每个村至少1名: 100 percent of villages).
    """

    pos: int
    quote_start: int
    quote_end: int
    value: float
    unit_id: str
    found_by: str
    measure: str = ""
    measure_word: str = ""
    operator: str = "="
    kind: str = "target"
    clause: str = ""
    deadline: int | None = None
    scope: str = ""
    attribute: str = ""
    aspirational: bool = False
    has_cue: bool = False
    cue: str = ""
    suggested_id: str = ""
    measure_en: str = ""
    scale: float = 1.0  # the value is the stated number times this (a table's 万张)
    notes: str = ""
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Quantity:
    """How a number is stated: the kind of quantity (a group of :data:`~comparison.extract.patterns.UNIT`), its unit, measure word and end."""

    key: str
    unit_id: str
    measure_word: str
    end: int
    more: bool = False  # 10余个, 100多家: more than the number
    scale: float = 1.0  # 10000 for a table cell whose indicator is counted in 万 (养老床位总量(万张))
    year: int | None = None  # the year of a table cell's column


@dataclass(frozen=True)
class Row:
    """A row of a flattened table: the line of its measure (indicator name) and where a value cell stands in it."""

    measure: tuple[int, int]
    index: int  # position of the value cell among the row's value cells
    count: int  # how many value cells the row has
    first: int  # where the table's first row (its number 1) starts: its header is above

