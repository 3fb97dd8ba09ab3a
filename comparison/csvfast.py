"""Reading the body of a plain CSV file with pandas' C parser, when that gives exactly what the careful reading gives.

:func:`comparison.tables.read_raw` reads a file row by row with :mod:`csv`,
so that it can name the line of every odd row: a blank line, spaces around
a cell, a row with too many or too few cells, a cell over several lines. At
300,000 targets that reading takes about 3 s (``benchmarks/bench_scale.py``);
pandas' C parser reads the same file in about 1 s, but it pads short rows,
keeps spaces and does not say which line a row came from.

:func:`plain_cells` therefore uses the C parser only for a body in which
none of those things can happen, and proves it on the parsed cells:

* every row is one line (as many rows as lines), so the line of row *i* is
  the header's line + 1 + *i*;
* no line is blank or made only of commas and quotes;
* every row has exactly as many cells as the header: the commas that are not
  inside a cell are exactly (cells per row − 1) per row (a row with too many
  cells is an error of the parser itself);
* no cell starts or ends with white space (as :meth:`str.strip` sees it);
* no cell is longer than half an Excel cell, and no character is one Excel
  cannot store (the callers' checks on such cells need the careful reading);
* the body does not start with a byte-order mark (U+FEFF), which the parser
  would drop from the first cell.

Anything else returns ``None`` and the file is read row by row, as before.
``tests/test_csvfast.py`` checks on generated files that both readings agree
whenever this one answers.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from pandas.errors import ParserError


def plain_cells(body: str, width: int, longest: int) -> np.ndarray | None:
    """The cells of ``body`` (the text after the header line, line ends ``\\n``) as a rows × ``width`` object array, or ``None``.

    Empty cells are ``pd.NA``, as in the careful reading. ``None`` means
    the body is not plain in one of the ways the module docstring lists (or
    has a cell of more than ``longest`` characters), and must be read row by
    row.
    """
    core = body[:-1] if body.endswith("\n") else body
    if not core or core.startswith("\ufeff"):
        return None  # nothing to read, or a byte-order mark the parser would drop from the first cell
    try:
        frame = pd.read_csv(
            io.BytesIO(body.encode("utf-8")),
            header=None,
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (ParserError, ValueError, UnicodeDecodeError):
        return None
    if frame.shape[1] != width or len(frame) != core.count("\n") + 1:
        return None
    commas_in_cells = 0
    for column in frame.columns:
        cells = frame[column].tolist()
        try:
            joined = "\x00".join(cells)
        except TypeError:  # not text: the parser filled something in
            return None
        if list(map(str.strip, cells)) != cells or max(map(len, cells)) > longest:
            return None
        commas_in_cells += joined.count(",")
    if core.count(",") - commas_in_cells != len(frame) * (width - 1):
        return None  # a short row, padded by the parser
    values = frame.to_numpy(dtype=object, copy=True)  # a frame of one block may give a read-only view
    empty = values == ""
    if empty.all(axis=1).any():
        return None  # a blank line, or one of commas and quotes only
    values[empty] = pd.NA
    return values
