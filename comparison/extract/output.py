"""The candidates as output: checked quotes, one row per candidate in the columns of ``targets.csv``, and CSV."""

from __future__ import annotations

from comparison.extract.model import Candidate
from comparison.extract.patterns import CJK_GAP


def checked_quote(doc, c: Candidate, quote: str, norm: str) -> str | None:
    """``quote`` (``norm``: its normalised form) when it states the value of ``c``, else ``None``.

    A quote may leave out the spaces a PDF put inside words. The cells of a
    table are joined with one space, which :mod:`comparison.numerals` reads as
    a space inside a number (48 60 as 4860): then it is enough that one of the
    cells states the value, and a note says so.
    """
    from comparison.numerals import quote_states_value

    stated = c.value / c.scale  # a table cell in 万张 states 45 for 450000
    if quote_states_value(norm, stated, c.unit_id, normalised=True):
        return quote
    gapless = CJK_GAP.sub("", norm)
    if quote_states_value(gapless, stated, c.unit_id, normalised=True):
        c.reasons.append("quote leaves out the spaces inside words")
        return CJK_GAP.sub("", quote)
    cells = doc.text[c.quote_start : c.quote_end].split("\n")
    if len(cells) > 1 and any(quote_states_value(cell, stated, c.unit_id, normalised=True) for cell in cells):
        c.notes = "; ".join(filter(None, (c.notes, "the quote joins table cells with a space: a number checker may read two cells as one number")))
        return quote
    return None


def frame_of(rows: list[dict], source_id: str, columns: list[str]):
    """The rows as a DataFrame numbered ``{source_id}-t01`` … in reading order.

    Numbers are ``float64``, ``deadline_stated`` is ``Int64``, ``is_aspirational``
    is ``bool``, the other columns are text.
    """
    import numpy as np
    import pandas as pd

    data = {col: [row.get(col, "") for row in rows] for col in columns}
    data["target_id"] = [f"{source_id}-t{i:02d}" for i in range(1, len(rows) + 1)]
    data["source_id"] = [source_id] * len(rows)
    typed = {
        "value": np.array(data["value"], dtype="float64"),
        "deadline_stated": pd.array(data["deadline_stated"], dtype="Int64"),
        "is_aspirational": np.array(data["is_aspirational"], dtype=bool),
        "confidence": np.array(data["confidence"], dtype="float64"),
    }
    return pd.DataFrame({col: typed.get(col, np.array(data[col], dtype=object)) for col in columns}, copy=False)


def candidates_to_csv(frame) -> str:
    """The candidates as CSV text: plain numbers (24000, not 24000.0), ``true``/``false``, empty missing cells."""
    out = frame.copy()
    out["value"] = out["value"].map(_plain_number)
    out["is_aspirational"] = out["is_aspirational"].map(lambda v: "true" if v else "false")
    out["confidence"] = out["confidence"].map(lambda v: f"{v:.2f}")
    return out.to_csv(index=False, lineterminator="\n")


def _plain_number(value: float) -> str:
    """24000.0 as ``24000``, 0.2 as ``0.2``."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def row_of(c: Candidate, quote: str, suggestion_column: str = "topic_id") -> dict:
    """The output row of candidate ``c`` (ids are filled in afterwards); its suggested codebook entry goes into
    ``suggestion_column``."""
    return {
        "clause": c.clause,
        "kind": c.kind,
        suggestion_column: c.suggested_id,
        "measure_zh": c.measure,
        "measure_en": c.measure_en,
        "operator": c.operator,
        "value": c.value,
        "unit_id": c.unit_id,
        "measure_word": c.measure_word,
        "deadline_stated": c.deadline,
        # The curator sets plan_end (and deadline_implied) where the document's period implies a year.
        "deadline_basis": "stated" if c.deadline is not None else "none",
        "scope_zh": c.scope,
        "scope_en": "",
        "attribute": c.attribute,
        "is_aspirational": c.aspirational,
        "quote": quote,
        "notes": c.notes,
        "confidence": _confidence(c),
        "reason": "; ".join(c.reasons),
    }


def _confidence(c: Candidate) -> float:
    """How likely a curator keeps the candidate, from the evidence found for it."""
    score = {"number": 0.55, "coverage": 0.5, "slogan": 0.35}[c.found_by]
    score += 0.15 * c.has_cue + 0.15 * (c.deadline is not None) + 0.1 * bool(c.suggested_id)
    if not c.unit_id:
        score -= 0.2
    return round(min(max(score, 0.05), 0.95), 2)

