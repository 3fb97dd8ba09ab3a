"""The comparison as a formatted Excel workbook, for readers who do not write code.

:func:`write_workbook` writes one workbook in one output language
(``zh-Hans``, ``zh-Hant`` or ``en``). Its sheets, named in that language
(:data:`comparison.words.SHEETS`):

============ ===============================================================
cover        title, what each sheet holds, data version and date, how to
             read the symbols, how to read the data with software, how to cite
comparison   measures × cities, one measure (one quantity) per row grouped
             by topic, shared measures first; a cell holds only targets of
             its measure, △ marks a stated difference (scope, population
             group, hedging) that a "what differs" column names; the
             national reference target beside
topics       every target under its topic, for browsing
coverage     topics × cities: quantified, qualitative only or not
             mentioned, colour-coded, with a legend
targets      one row per target: exactly the columns of ``targets.csv``
             under a label row and a row of the field names, then
             columns added for reading
commitments  qualitative commitments with their quotes
per_1000     absolute-count targets per 1000 older people, with reasons
codebook     measures (unit, what is counted, denominator, population,
             level, period) under their topics
sources      the policy documents
print_view   the targets with the columns a reader needs, for printing
============ ===============================================================

A selection of cities, topics or a domain narrows the comparison, by-topic,
coverage, commitments, per-1000 and print sheets; the targets, codebook and sources
sheets always hold the whole data set, so every workbook is a complete,
citable copy of the data and :func:`read_targets_sheet` reads its targets
sheet back into a DataFrame equal to ``targets.csv``. Every data sheet has
its field names in row 2, defined as an Excel table, so
``pandas.read_excel(path, sheet_name=..., header=1)`` reads it.

Every cell is written through openpyxl's public API in write-only mode; text
is always a text cell, never a formula. No cell holds the current time and the
workbook's created/modified properties are the data package's ``created``
date, so the same data always give the same cells.

Modules: :mod:`~comparison.excel.workbook` (writing and reading back),
:mod:`~comparison.excel.sheets` (one builder per sheet),
:mod:`~comparison.excel.cells` (safe cells, tidy and grid sheets),
:mod:`~comparison.excel.layout` (widths, heights, printing),
:mod:`~comparison.excel.styles` (named styles), :mod:`~comparison.excel.scope`
(what a selection covers), :mod:`~comparison.excel.context` (what the builders share).
"""

from comparison.excel.cells import MAX_CELL_CHARS, CellError, excel_length
from comparison.excel.layout import column_width, display_width
from comparison.excel.scope import selected_commitments, selected_targets
from comparison.excel.sheets import TARGETS_RANGE_NAME
from comparison.excel.styles import STATUS_FILLS
from comparison.excel.workbook import read_targets_sheet, sheet_titles, write_workbook
from comparison.selection import Selection, select

__all__ = [
    "MAX_CELL_CHARS", "STATUS_FILLS", "TARGETS_RANGE_NAME", "CellError", "Selection", "column_width", "display_width",
    "excel_length", "read_targets_sheet", "select", "selected_commitments", "selected_targets", "sheet_titles", "write_workbook",
]
