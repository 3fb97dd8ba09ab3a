"""The constraints of a Table Schema, checked on a typed table a column at a time.

``datapackage.yaml`` may give a field these constraints (Frictionless Table
Schema); :mod:`comparison.descriptor` checks that each is well formed and
fits its field's type:

* ``required``: the cell may not be empty;
* ``enum``: the value is one of a list;
* ``pattern``: the whole text matches a regular expression (string fields);
* ``minimum`` / ``maximum``: bounds of a number (number and integer fields);
* ``minLength`` / ``maxLength``: bounds of a text's length in characters
  (string fields).

``unique`` and primary keys are checked by :func:`comparison.tables.check_unique`
and :func:`comparison.tables.check_keys`, which name the line of the first copy.

Each check is one pandas or NumPy operation over the column, or one regular
expression per cell for a pattern; at 300,000 targets the whole table takes a
few tenths of a second (``benchmarks/bench_scale.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
import pandas as pd

from comparison.descriptor import EXCEL_CELL_LIMIT

#: The constraints in the order they are checked; a cell is reported for the first one it breaks.
KINDS = ("required", "enum", "pattern", "range", "length")


def broken(typed: pd.DataFrame, schema: dict) -> Iterator[tuple[int, str, str]]:
    """``(line, column, kind)`` for each cell of ``typed`` that breaks a constraint of its field.

    ``typed`` is a table typed as :func:`comparison.tables.parse_types` types
    it, indexed by line; ``kind`` is one of :data:`KINDS`, the first the cell
    breaks. An empty cell breaks only ``required``.
    """
    for field in schema["fields"]:
        name = field["name"]
        column = typed[name]
        reported = np.zeros(len(column), dtype=bool)
        for kind, bad in _failing(column, field):
            new = bad & ~reported
            reported |= bad
            for line in column.index[new]:
                yield int(line), name, kind


def _failing(column: pd.Series, field: dict) -> Iterator[tuple[str, np.ndarray]]:
    """Each constraint of ``field`` with the cells of ``column`` that break it, as a boolean array."""
    c = field.get("constraints") or {}
    present = column.notna().to_numpy(dtype=bool)
    if c.get("required"):
        yield "required", ~present
    if "enum" in c:
        yield "enum", present & ~column.isin(c["enum"]).to_numpy(dtype=bool)
    if "pattern" in c:
        rx = re.compile(str(c["pattern"]))
        yield "pattern", _where_present(present, [rx.fullmatch(str(v)) is None for v in column[present].tolist()])
    lo, hi = c.get("minimum"), c.get("maximum")
    if lo is not None or hi is not None:
        values = column[present]  # compared as pandas compares them: an integer column exactly, not through float64
        outside = np.zeros(len(values), dtype=bool)
        if lo is not None:
            outside |= (values < lo).to_numpy(dtype=bool)
        if hi is not None:
            outside |= (values > hi).to_numpy(dtype=bool)
        yield "range", _where_present(present, outside)
    shortest, longest = c.get("minLength"), c.get("maxLength")
    if shortest is not None or longest is not None:
        lengths = np.fromiter(map(len, column[present].astype(str).tolist()), dtype=np.int64, count=int(present.sum()))
        outside = (lengths < (shortest or 0)) | (lengths > (np.inf if longest is None else longest))
        yield "length", _where_present(present, outside)


def _where_present(present: np.ndarray, flags) -> np.ndarray:
    """``flags``, given for the present cells only, spread over the whole column (``False`` where a cell is empty)."""
    out = np.zeros(len(present), dtype=bool)
    out[present] = flags
    return out


def describe(kind: str, cell, field: dict) -> str:
    """A sentence saying how ``cell`` (the text as written in the file) breaks the constraint ``kind`` of ``field``.

    Raises :class:`ValueError` for a ``kind`` that is not one of :data:`KINDS`.
    """
    shown = "" if cell is None or cell is pd.NA or (isinstance(cell, float) and pd.isna(cell)) else f"'{cell}' "
    c = field.get("constraints") or {}
    if kind == "required":
        return "is empty but required"
    if kind == "enum":
        return f"{shown}is not one of the allowed values: {', '.join(map(str, c.get('enum', [])))}"
    if kind == "pattern":
        return f"{shown}does not have the expected form (pattern {c.get('pattern')})"
    if kind == "range":
        lo, hi = c.get("minimum"), c.get("maximum")
        bounds = f"at most {hi}" if lo is None else f"at least {lo}" if hi is None else f"between {lo} and {hi}"
        return f"{shown}is out of range: must be {bounds}"
    if kind != "length":
        raise ValueError(f"unknown constraint kind {kind!r} (known: {', '.join(KINDS)})")
    longest, shortest = c.get("maxLength"), c.get("minLength")
    length = len(str(cell))
    if longest is not None and length > longest:
        if longest == EXCEL_CELL_LIMIT:
            return f"is {length:,} characters long; an Excel cell holds at most {longest:,}: shorten it"
        return f"is {length:,} characters long; the field allows at most {longest:,}"
    return f"{shown}is shorter than {shortest or 0:,} characters"
