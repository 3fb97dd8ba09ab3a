"""Worksheet rows rendered as SpreadsheetML text, for sheets with hundreds of thousands of cells.

openpyxl makes a Python cell object and several XML elements for every cell
it writes, which costs about 15 µs a cell: a third of a million targets,
22 columns each, took more than a minute. Here each row's ``<row>`` element
is rendered as text from plain Python values and a style id, and the rows
are written straight into the ``<sheetData>`` element of the sheet file that
an openpyxl write-only worksheet produces. Everything else in the workbook
(named styles, column widths, frozen panes, filters, print set-up, defined
names) is still written by openpyxl.

The cells are those openpyxl would write:

* text is an inline string (``t="inlineStr"``), so no text can become a
  formula, whatever its first character; leading or trailing spaces are kept
  (``xml:space="preserve"``) and a carriage return is written as ``&#13;``
  so that XML parsers keep it;
* ``bool`` is a boolean cell, other numbers a number cell written with
  ``repr`` (the shortest text that reads back as the same float);
* dates and times are Excel serial numbers (their style gives the format);
* ``None`` and ``""`` are no cell, or an empty cell when it has a style (so
  borders and fills show).

Text longer than Excel's cell limit, characters that XML cannot carry and
numbers Excel cannot hold (NaN and infinities) raise :class:`CellError`
rather than being cut, dropped or written into a broken file.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence

from lxml import etree
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: The most characters an Excel cell holds.
MAX_CELL_CHARS = 32_767
#: Rows joined and written together.
BATCH_ROWS = 2_000
#: Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Where the rows go in the sheet file openpyxl writes.
_ROWS_MARK = "comparison.sheetxml rows"


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

    def _write_rows(self):
        """openpyxl's row stream: here it only marks the place of the rows inside ``<sheetData>``."""
        xf = self._writer.xf.send(True)
        with xf.element("sheetData"):
            xf.write(etree.Comment(_ROWS_MARK))
            try:
                while True:
                    yield
            except GeneratorExit:
                pass
        self._writer.xf.send(None)

    def close(self) -> None:
        try:
            self._flush()
            self.append([])  # starts openpyxl's row stream, which writes the mark
            super().close()
            _splice(self._writer.out, f"<!--{_ROWS_MARK}-->".encode(), self._rows_file)
        finally:
            self._rows_file.close()


def add_sheet(wb: Workbook, title: str) -> StreamedSheet:
    """A new :class:`StreamedSheet` at the end of the write-only workbook ``wb``."""
    if not wb.write_only:
        raise ValueError("StreamedSheet needs a write-only workbook: Workbook(write_only=True)")
    sheet = StreamedSheet(wb, title)
    wb._sheets.append(sheet)  # what Workbook.create_sheet does with the sheets it makes
    return sheet


def _splice(path: str, mark: bytes, rows) -> None:
    """Replace ``mark`` in the file at ``path`` with the contents of the open file ``rows``."""
    with open(path, "rb") as fh:
        head, found, tail = fh.read().partition(mark)
    if not found:
        raise RuntimeError(f"the sheet file {path} has no place marked for its rows")
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
    if len(text) > MAX_CELL_CHARS:
        raise CellError(f"cell {ref} has {len(text):,} characters; an Excel cell holds at most {MAX_CELL_CHARS:,}")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _number(value: float) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(f"{value} is not a number an Excel cell can hold")
    return repr(value) if isinstance(value, float) else str(int(value))


def cell_xml(ref: str, value: object, style_id: int | None = None) -> str:
    """One ``<c>`` element at ``ref`` (such as ``"B7"``) holding ``value``; ``""`` for ``None`` without a style."""
    s = _style(style_id)
    if value is None:
        return f'<c r="{ref}"{s}/>' if s else ""
    if isinstance(value, str):
        return _text(ref, s, value)
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        if getattr(value, "tzinfo", None) is not None:
            raise CellError(f"cell {ref}: Excel cannot store the time zone of {value}")
        return f'<c r="{ref}"{s} t="n"><v>{to_excel(value)!r}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{s} t="n"><v>{_number(value)}</v></c>'
    return _text(ref, s, str(value))


def column_xml(column: int, first_row: int, values: Sequence, style_ids: int | None | Sequence[int | None]) -> list[str]:
    """The ``<c>`` elements of one column (1-based) from ``first_row`` down, one per value; ``""`` (no cell) for ``None`` or ``""``.

    ``style_ids`` is one style id for every cell or one per value. Text, the
    common case, is rendered here; anything else goes through :func:`cell_xml`.
    """
    letter = get_column_letter(column)
    uniform = style_ids is None or isinstance(style_ids, int)
    ids = [style_ids] * len(values) if uniform else style_ids
    attrs = {sid: _style(sid) for sid in ([style_ids] if uniform else set(ids))}
    out = []
    for row, value, sid in zip(range(first_row, first_row + len(values)), values, ids):
        if value is None or value == "":
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
