"""Scoring candidates against facts a reader labelled by hand.

A *fact* is a row of a labelled table with at least a verbatim ``quote``
holding the number, its ``value`` and its ``kind`` (``target``, ``standard``
or ``parameter``); the curated ``targets.csv`` is such a table, and so are the
labels of the test regulations.

A candidate *matches* a fact when their values are equal and their quotes
overlap in the text: both are looked up in the whitespace-free, NFKC and
Traditional→Simplified form of the text (:func:`comparison.script.match_key`),
and some place of the one overlaps some place of the other.

*Recall* is the share of targets and standards matched by some candidate
(parameters are counted apart, as ``parameter_recall``); *precision* the
share of all candidates that match some fact, of whatever kind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

#: The kinds of fact that recall counts; parameters are reported apart.
RECALLED_KINDS = ("target", "standard")


def places(quote: str, text_key: str) -> list[tuple[int, int]]:
    """Every place where ``quote`` occurs in ``text_key`` (the match key of a text), in match-key positions."""
    from comparison.script import match_key

    key = match_key(quote)
    found = []
    start = text_key.find(key) if key else -1
    while start >= 0:
        found.append((start, start + len(key)))
        start = text_key.find(key, start + 1)
    return found


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


@dataclass
class Score:
    """How the candidates of one text, or of several added up, compare with its facts."""

    facts: int = 0  # targets and standards
    facts_found: int = 0
    parameters: int = 0
    parameters_found: int = 0
    candidates: int = 0
    candidates_matched: int = 0
    missed: list[str] = field(default_factory=list)  # the facts (targets and standards) no candidate matches
    unmatched: list[str] = field(default_factory=list)  # the candidates that match no fact

    @property
    def recall(self) -> float:
        """Targets and standards matched / targets and standards (1 when there are none)."""
        return self.facts_found / self.facts if self.facts else 1.0

    @property
    def parameter_recall(self) -> float:
        """Parameters matched / parameters (1 when there are none)."""
        return self.parameters_found / self.parameters if self.parameters else 1.0

    @property
    def precision(self) -> float:
        """Candidates matching a fact / candidates (1 when there are none)."""
        return self.candidates_matched / self.candidates if self.candidates else 1.0

    def add(self, other: Score) -> None:
        """Add the counts and lists of ``other`` to these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def matching_pairs(facts, candidates, text: str) -> list[tuple[int, int]]:
    """The pairs (fact row, candidate row), by position in each frame, that match (see the module docstring)."""
    from comparison.script import match_key

    text_key = match_key(text)
    fact_places = [places(q, text_key) for q in facts["quote"].astype(str)]
    candidate_places = [places(q, text_key) for q in candidates["quote"].astype(str)]
    return [
        (i, j)
        for i, (fv, fp) in enumerate(zip(facts["value"].astype(float), fact_places))
        for j, (cv, cp) in enumerate(zip(candidates["value"].astype(float), candidate_places))
        if math.isclose(fv, cv, rel_tol=1e-9, abs_tol=1e-9) and _overlap(fp, cp)
    ]


def score(facts, candidates, text: str) -> Score:
    """The :class:`Score` of ``candidates`` (a frame from :func:`comparison.extract.extract_candidates`) against
    ``facts`` (a frame with ``quote``, ``value`` and ``kind``) in ``text``."""
    pairs = matching_pairs(facts, candidates, text)
    facts_hit, candidates_hit = {i for i, _ in pairs}, {j for _, j in pairs}
    kinds = facts["kind"].astype(str).tolist()
    recalled = [i for i, kind in enumerate(kinds) if kind in RECALLED_KINDS]
    parameters = [i for i, kind in enumerate(kinds) if kind not in RECALLED_KINDS]
    quotes, values = facts["quote"].astype(str).tolist(), facts["value"].astype(float).tolist()
    return Score(
        facts=len(recalled),
        facts_found=sum(i in facts_hit for i in recalled),
        parameters=len(parameters),
        parameters_found=sum(i in facts_hit for i in parameters),
        candidates=len(candidates),
        candidates_matched=len(candidates_hit),
        missed=[f"{values[i]:g} «{quotes[i]}»" for i in recalled if i not in facts_hit],
        unmatched=[
            f"{row.value:g} {row.kind} «{row.quote}» ({row.reason})"
            for j, row in enumerate(candidates.itertuples(index=False))
            if j not in candidates_hit
        ],
    )
