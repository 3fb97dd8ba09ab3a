"""Worksheet rows rendered as SpreadsheetML text, for sheets with hundreds of thousands of cells.

openpyxl makes a Python cell object and several XML elements for every cell
it writes, which costs about 15 µs a cell: a third of a million targets,
22 columns each, took more than a minute. Here each row's ``<row>`` element
is rendered as text from plain Python values and a style id, and the rows
are written straight into the ``<sheetData>`` element of the sheet file that
an openpyxl write-only worksheet produces. Everything else in the workbook
(named styles, column widths, frozen panes, filters, print set-up, defined
names) is still written by openpyxl.

The cells are those openpyxl writes, with one difference in numbers:

* text is an inline string (``t="inlineStr"``), so no text can become a
  formula, whatever its first character; leading or trailing spaces are kept
  (``xml:space="preserve"``) and a carriage return is written as ``&#13;``
  so that XML parsers keep it;
* ``bool`` is a boolean cell; other numbers (Python's or numpy's) are number
  cells written with ``repr``, the shortest text that reads back as the same
  float (openpyxl writes 16 significant digits, which can change the last
  one; a whole float such as ``60.0`` reads back as the float it is);
* dates and times are Excel serial numbers (their style gives the format);
* ``None``, ``pd.NA`` and ``""`` are no cell; :func:`cell_xml` given a style
  writes an empty cell with it instead, so that borders and fills show.

Text longer than Excel's cell limit, characters that XML cannot carry,
numbers Excel cannot hold (NaN and infinities) and values of any other type
raise :class:`CellError` rather than being cut, dropped or written into a
broken file.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.xml.functions import Element
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: The most characters an Excel cell holds.
MAX_CELL_CHARS = 32_767
#: Rows joined and written together.
BATCH_ROWS = 2_000
#: Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The element that marks where the rows go in the sheet file openpyxl writes, and its serialised forms.
_ROWS_MARK = "comparison-sheetxml-rows"
_ROWS_MARK_WRITTEN = re.compile(rb"<comparison-sheetxml-rows ?/>")


class CellError(ValueError):
    """A value that no Excel cell can hold as it is."""


class StreamedSheet(WriteOnlyWorksheet):
    """A write-only worksheet whose rows arrive as rendered ``<row>`` elements (see :func:`row_xml`).

    Rows go to a temporary file as they come; :meth:`close` (which openpyxl
    calls when it saves the workbook) lets openpyxl write the sheet around an
    empty ``<sheetData>`` and puts the rows in it.
    """

    def __init__(self, parent: Workbook, title: str):
        super().__init__(parent, title)
        self._pending: list[str] = []
        self._rows_file = tempfile.TemporaryFile()

    def append_xml(self, row: str) -> None:
        """Add one rendered ``<row>`` element after the rows already added."""
        self._pending.append(row)
        if len(self._pending) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        text = "".join(batch)
        if _NOT_XML.search(text):
            raise CellError(f"sheet '{self.title}': {_first_bad_row(batch)}")
        try:
            self._rows_file.write(text.encode("utf-8"))
        except UnicodeEncodeError as exc:
            raise CellError(f"sheet '{self.title}': {exc.object[exc.start]!r} is half of a character pair and cannot be written") from None

    def append(self, row) -> None:
        raise TypeError("a StreamedSheet takes rendered rows: use append_xml(row_xml(...))")

    def _write_rows(self):
        """openpyxl's row stream: here it only marks the place of the rows inside ``<sheetData>``."""
        xf = self._writer.xf.send(True)
        with xf.element("sheetData"):
            xf.write(Element(_ROWS_MARK))
            try:
                while True:
                    yield
            except GeneratorExit:
                pass
        self._writer.xf.send(None)

    def close(self) -> None:
        try:
            self._flush()
            super().append([])  # starts openpyxl's row stream, which writes the mark
            super().close()
            _splice(self._writer.out, self._rows_file)
        finally:
            self._rows_file.close()


def add_sheet(wb: Workbook, title: str) -> StreamedSheet:
    """A new :class:`StreamedSheet` at the end of the write-only workbook ``wb``."""
    if not wb.write_only:
        raise ValueError("StreamedSheet needs a write-only workbook: Workbook(write_only=True)")
    sheet = StreamedSheet(wb, title)
    wb._sheets.append(sheet)  # what Workbook.create_sheet does with the sheets it makes
    return sheet


def _splice(path: str, rows) -> None:
    """Replace the mark in the sheet file at ``path`` with the contents of the open file ``rows``."""
    with open(path, "rb") as fh:
        content = fh.read()
    found = _ROWS_MARK_WRITTEN.search(content)
    if found is None:
        raise RuntimeError(f"the sheet file {path} has no place marked for its rows")
    head, tail = content[: found.start()], content[found.end() :]
    if head.startswith(b"<?xml") and b"utf-8" not in head.split(b"?>", 1)[0].lower():
        raise RuntimeError(f"the sheet file {path} declares an encoding other than UTF-8, the encoding of the rows")
    rows.seek(0)
    with open(path, "wb") as fh:
        fh.write(head)
        shutil.copyfileobj(rows, fh, 1 << 20)
        fh.write(tail)


def _first_bad_row(batch: list[str]) -> str:
    for row in batch:
        if m := _NOT_XML.search(row):
            number = re.match(r'<row r="(\d+)"', row).group(1)
            return f"row {number} holds the character U+{ord(m.group()):04X}, which an Excel file cannot store"
    return "a row holds a character that an Excel file cannot store"  # pragma: no cover - the batch had one


# --------------------------------------------------------------------------- rendering
def escape(text: str) -> str:
    """``text`` as XML character data that parses back to exactly ``text``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _style(style_id: int | None) -> str:
    return "" if style_id is None else f' s="{style_id}"'


def _text(ref: str, s: str, text: str) -> str:
    if not text:
        return f'<c r="{ref}"{s}/>' if s else ""
    if len(text) > MAX_CELL_CHARS // 2 and (size := excel_length(text)) > MAX_CELL_CHARS:
        raise CellError(f"cell {ref} has {size:,} characters; an Excel cell holds at most {MAX_CELL_CHARS:,}")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def excel_length(text: str) -> int:
    """The length of ``text`` as Excel counts it (UTF-16 code units: a character beyond U+FFFF counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (type(value) is str and not value)


def cell_xml(ref: str, value: object, style_id: int | None = None) -> str:
    """One ``<c>`` element at ``ref`` (such as ``"B7"``) holding ``value``.

    A missing value (``None``, ``pd.NA``, ``""``) gives an empty cell with
    the style, or ``""`` (no cell) without one.
    """
    s = _style(style_id)
    if _missing(value):
        return f'<c r="{ref}"{s}/>' if s else ""
    if isinstance(value, str):
        return _text(ref, s, value)
    if isinstance(value, (bool, np.bool_)):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        if getattr(value, "tzinfo", None) is not None:
            raise CellError(f"cell {ref}: Excel cannot store the time zone of {value}")
        return f'<c r="{ref}"{s} t="n"><v>{float(to_excel(value))!r}</v></c>'
    if isinstance(value, numbers.Integral):
        return f'<c r="{ref}"{s} t="n"><v>{int(value)}</v></c>'
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            raise CellError(f"cell {ref}: {number} is not a number an Excel cell can hold")
        return f'<c r="{ref}"{s} t="n"><v>{number!r}</v></c>'
    raise CellError(f"cell {ref}: a value of type {type(value).__name__} cannot be written to a cell")


def column_xml(column: int, first_row: int, values: Sequence, style_ids: int | None | Sequence[int | None]) -> list[str]:
    """The ``<c>`` elements of one column (1-based) from ``first_row`` down, one per value; ``""`` (no cell) for a missing value.

    ``style_ids`` is one style id for every cell or one per value. Text, the
    common case, is rendered here; anything else goes through :func:`cell_xml`.
    """
    letter = get_column_letter(column)
    uniform = style_ids is None or isinstance(style_ids, int)
    ids = [style_ids] * len(values) if uniform else style_ids
    attrs = {sid: _style(sid) for sid in ([style_ids] if uniform else set(ids))}
    out = []
    for row, value, sid in zip(range(first_row, first_row + len(values)), values, ids, strict=True):
        if _missing(value):
            out.append("")
        elif type(value) is str:
            out.append(_text(f"{letter}{row}", attrs[sid], value))
        else:
            out.append(cell_xml(f"{letter}{row}", value, sid))
    return out


def row_xml(number: int, cells: Iterable[str], height: float | None = None) -> str:
    """A ``<row>`` element from rendered cells; ``height`` in points (``None``: the default height)."""
    attrs = f' ht="{height!r}" customHeight="1"' if height is not None else ""
    return f'<row r="{number}"{attrs}>{"".join(cells)}</row>'
