"""Safe cells and the two shapes of sheet the workbook is made of, written through openpyxl's write-only mode.

Every sheet is a :class:`Sheet`, which appends rows of ``(value, named style)``
pairs. Values are checked first (:func:`cell_value`): text that openpyxl would
store as a formula or an error code (a leading ``=``, ``#N/A``) is written as
text, and values no Excel cell can hold raise :class:`CellError` rather than
being cut (openpyxl cuts text at 32,767 characters), dropped or written into
a broken file.

:func:`tidy_sheet` writes one record per row under a label row and a row of
field names, defined as an Excel table; :func:`matrix_sheet` writes a
rows × cities grid with a title and a legend.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from comparison.excel import layout
from comparison.excel.styles import FIELD, HEADER, HEADER_EXTRA, INTEGER, KINDS, LABEL, NUMBER, ROW_HEADER, TEXT, TITLE
from comparison.labels import format_number

#: The most characters an Excel cell holds (UTF-16 code units).
MAX_CELL_CHARS = 32_767
#: Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF)
#: and lone halves of a surrogate pair.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Rows of a tidy sheet beyond which its data cells are written without named styles (no wrapping, no row
#: heights). A named style costs openpyxl about 9 µs a cell: the 130,000-target export of
#: benchmarks/bench_export.py took 77 s of CPU with every cell styled, 33 s with plain cells in its large
#: sheets. Sheets of the size users print or read (the five-city workbook) are styled throughout.
STYLED_ROWS = 20_000


class CellError(ValueError):
    """A value that no Excel cell can hold as it is."""


def excel_length(text: str) -> int:
    """The length of ``text`` as Excel counts it (UTF-16 code units: a character beyond U+FFFF counts 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _check_text(text: str, ref: Callable[[], str]) -> None:
    if len(text) > MAX_CELL_CHARS // 2 and (size := excel_length(text)) > MAX_CELL_CHARS:
        raise CellError(f"cell {ref()} has {size:,} characters; an Excel cell holds at most {MAX_CELL_CHARS:,}")
    if m := _NOT_XML.search(text):
        raise CellError(f"cell {ref()} holds the character U+{ord(m.group()):04X}, which an Excel file cannot store")


def cell_value(value: object, ref: Callable[[], str]) -> object:
    """``value`` as a Python value openpyxl writes faithfully (``None`` for missing); ``ref()`` names the cell in errors."""
    if value is None or value is pd.NA or (type(value) is str and not value):
        return None
    if isinstance(value, str):
        _check_text(value, ref)
        return value
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        if getattr(value, "tzinfo", None) is not None:
            raise CellError(f"cell {ref()}: Excel cannot store the time zone of {value}")
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return None
        if not math.isfinite(number):
            raise CellError(f"cell {ref()}: {number} is not a number an Excel cell can hold")
        return number
    raise CellError(f"cell {ref()}: a value of type {type(value).__name__} cannot be written to a cell")


def _needs_text_type(value: object) -> bool:
    """Whether openpyxl would store this text as a formula or an error code."""
    return type(value) is str and (value.startswith("=") or value in ERROR_CODES)


class Sheet:
    """A write-only worksheet that appends rows of checked, styled cells with their heights."""

    def __init__(self, wb: Workbook, title: str, *, tab_color: str | None = None):
        self.ws = wb.create_sheet(title)
        self.ws.sheet_properties.tabColor = tab_color
        self.rows = 0

    def _cell(self, value, style: str | None, column: int, link: str | None = None) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=cell_value(value, lambda: f"{get_column_letter(column)}{self.rows + 1}"))
        if type(cell.value) is str:
            cell.data_type = "s"  # never a formula or an error code, whatever the first character
        if style is not None:
            cell.style = style
        if link:
            cell.hyperlink = link
        return cell

    def _height(self, height: float | None) -> None:
        if height is not None:
            self.ws.row_dimensions[self.rows + 1].height = height

    def append(self, cells: Iterable[tuple], height: float | None = None) -> None:
        """Append one row of ``(value, named style)`` or ``(value, named style, hyperlink)`` cells from column A;
        ``height`` in points (``None``: default)."""
        with self.naming_sheet():
            row = [self._cell(cell[0], cell[1], col, cell[2] if len(cell) > 2 else None) for col, cell in enumerate(cells, start=1)]
        self._height(height)
        self.ws.append(row)
        self.rows += 1

    def append_plain(self, values: Sequence, height: float | None = None) -> None:
        """Append one row of unstyled values (for large sheets): checked, and text stays text."""
        with self.naming_sheet():
            row = []
            for col, value in enumerate(values, start=1):
                value = cell_value(value, lambda col=col: f"{get_column_letter(col)}{self.rows + 1}")
                if _needs_text_type(value):
                    cell = WriteOnlyCell(self.ws, value=value)
                    cell.data_type = "s"
                    value = cell
                row.append(value)
        self._height(height)
        self.ws.append(row)
        self.rows += 1

    @contextmanager
    def naming_sheet(self):
        """Let a :class:`CellError` say which sheet the cell is in."""
        try:
            yield
        except CellError as exc:
            raise CellError(f"sheet '{self.ws.title}', {exc}") from None

    def add_table(self, name: str, header: Sequence[str], first_row: int, last_row: int) -> None:
        """Define the Excel table ``name`` over the columns of ``header`` from ``first_row`` (its header) to ``last_row``."""
        ref = f"A{first_row}:{get_column_letter(len(header))}{max(last_row, first_row + 1)}"
        table = Table(
            displayName=name,
            ref=ref,
            tableColumns=[TableColumn(id=i, name=str(h)) for i, h in enumerate(header, start=1)],
            autoFilter=AutoFilter(ref=ref),
            tableStyleInfo=TableStyleInfo(name="TableStyleLight1", showRowStripes=False),
        )
        with warnings.catch_warnings():  # openpyxl warns that write-only tables need their columns given: they are
            warnings.filterwarnings("ignore", "In write-only mode you must add table columns manually")
            self.ws.add_table(table)


@dataclass(frozen=True)
class Column:
    """A column of a tidy sheet: its field name (a column of the frame), header label, kind, and whether it was added for reading."""

    name: str
    label: str
    kind: str
    extra: bool = False

    @property
    def wraps(self) -> bool:
        return KINDS[self.kind][0] == TEXT


def plain(series: pd.Series) -> list:
    """The values of a column as Python objects, ``None`` where missing."""
    return series.astype(object).where(series.notna(), None).tolist()


def _shown(values: list, kind: str, lang: str) -> list[str]:
    """Values as they will show, for measuring column widths."""
    present = {v for v in values if v is not None}
    if kind == "number":
        return [format_number(v, lang) for v in present]
    if kind == "date":
        return ["0000-00-00"] if present else []
    return [str(v) for v in present]


def _style_of(kind: str, value) -> str:
    if kind == "number" and value is not None and float(value).is_integer():
        return INTEGER
    return NUMBER if kind == "number" else KINDS[kind][0]


def tidy_sheet(
    sheet: Sheet, frame: pd.DataFrame, columns: Sequence[Column], *, lang: str, footer: str, table: str, wide: bool = False
) -> Sheet:
    """Write one record per row: a label row, a row of field names, then the data; the field-name row heads the Excel table ``table``.

    Header rows and the first column are frozen, both header rows repeat on
    every printed page, and long text wraps in rows as tall as it needs. The
    sheet prints one page wide; a ``wide`` one three pages across, its
    first column (the id) repeated on each. A sheet of more than
    :data:`STYLED_ROWS` rows has plain data cells.
    """
    values = [plain(frame[c.name]) for c in columns]
    widths = layout.set_widths(sheet.ws, [
        layout.column_width(_shown(vals, c.kind, lang), cap=KINDS[c.kind][1], floor=max(min(layout.display_width(c.label), 24), len(c.name)))
        for c, vals in zip(columns, values)
    ])
    sheet.ws.freeze_panes = "B3"
    layout.print_setup(sheet.ws, title_rows="1:2", footer=footer, pages_wide=3 if wide else 1, title_cols="A:A" if wide else None)
    (label_height,) = layout.row_heights([[c.label] for c in columns], widths, 1)
    sheet.append([(c.label, HEADER_EXTRA if c.extra else HEADER) for c in columns], label_height)
    sheet.append([(c.name, FIELD) for c in columns])
    styled = len(frame) <= STYLED_ROWS
    if styled:
        wrapped = [i for i, c in enumerate(columns) if c.wraps]
        heights = layout.row_heights([values[i] for i in wrapped], [widths[i] for i in wrapped], len(frame))
        kinds = [c.kind for c in columns]
        for row, height in zip(zip(*values), heights):
            sheet.append([(v, _style_of(k, v), v if k == "link" and isinstance(v, str) else None) for v, k in zip(row, kinds)], height)
    else:
        for row in zip(*values):
            sheet.append_plain(row)
    sheet.add_table(table, [c.name for c in columns], 2, len(frame) + 2)
    return sheet


def grid_sheet(
    sheet: Sheet,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[tuple[object, str | None]]],
    legend: list[tuple[str, str]],
    *,
    legend_label: str,
    footer: str,
    caps: Sequence[int] | None = None,
    printed: int | None = None,
) -> Sheet:
    """Write a grid for reading: a title row, a legend row, a header row, then ``rows`` of ``(value, named style)`` cells.

    A row of one cell is a heading: its text runs over the empty cells beside
    it, and it counts neither for the column widths nor for row heights. Column widths follow the contents, at
    most ``caps`` (default 30 for the first column, 28 for the others).
    Every cell has a border, so grid lines are not printed; only the first
    ``printed`` columns are printed (default: all).
    """
    n = len(header)
    caps = list(caps or [30, *([28] * (n - 1))])
    body = [row for row in rows if len(row) > 1]
    columns = [["" if row[i][0] is None else str(row[i][0]) for row in body] for i in range(n)]
    widths = layout.set_widths(sheet.ws, [
        layout.column_width(col, cap=cap, floor=min(max(10 if i else 0, layout.display_width(h)), cap))
        for i, (col, h, cap) in enumerate(zip(columns, header, caps))
    ])
    sheet.ws.freeze_panes = "B4"
    sheet.ws.auto_filter.ref = f"A3:{get_column_letter(n)}{len(rows) + 3}"
    layout.print_setup(sheet.ws, title_rows="1:3", footer=footer, grid=False)
    legend_texts = [legend_label, *(text for text, _ in legend)]
    sheet.append([(title, TITLE)])
    (legend_height,) = layout.row_heights([[t] for t in legend_texts], widths, 1)
    sheet.append([(legend_label, LABEL), *legend], legend_height)
    (header_height,) = layout.row_heights([[h] for h in header], widths, 1)
    sheet.append([(h, HEADER) for h in header], header_height)
    if printed is not None:
        sheet.ws.print_area = f"A1:{get_column_letter(printed)}{len(rows) + 3}"
    cells = [[None if len(row) == 1 else row[i][0] for row in rows] for i in range(n)]  # a heading keeps one line
    heights = layout.row_heights(cells, widths, len(rows))
    for row, height in zip(rows, heights):
        sheet.append(row, height)
    return sheet


def matrix_sheet(
    sheet: Sheet,
    title: str,
    table: pd.DataFrame,
    style_of: Callable[[str], str],
    legend: list[tuple[str, str]],
    *,
    legend_label: str,
    footer: str,
    fit: Callable[[str], str] = lambda text: text,
) -> Sheet:
    """Write a rows × cities grid (:func:`grid_sheet`): the index of ``table`` names the rows, its columns the cities.

    ``style_of(text)`` gives the named style of a body cell, and ``fit``
    shortens a cell that Excel could not hold.
    """
    header = [str(table.index.name), *map(str, table.columns)]
    body = [[fit("" if v is None or v is pd.NA else str(v)) for v in table[c]] for c in table.columns]
    rows = [[(str(name), ROW_HEADER), *((col[i] or None, style_of(col[i])) for col in body)] for i, name in enumerate(table.index)]
    return grid_sheet(sheet, title, header, rows, legend, legend_label=legend_label, footer=footer)


def fit_lines(text: str, closing: Callable[[int], str]) -> str:
    """``text`` within Excel's cell limit: as many whole lines as fit, then ``closing(number left out)``."""
    if len(text) <= MAX_CELL_CHARS // 2 or excel_length(text) <= MAX_CELL_CHARS:
        return text
    lines = text.split("\n")
    room = MAX_CELL_CHARS - 200  # for the closing line
    kept, size = [], 0
    for line in lines:
        size += excel_length(line) + 1
        if size > room:
            break
        kept.append(line)
    kept.append(closing(len(lines) - len(kept)))
    return "\n".join(kept)
