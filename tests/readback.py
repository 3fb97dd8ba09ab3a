"""Reading a written workbook back, for tests that compare two of them.

A workbook's bytes differ between two writes of the same data: each zip
entry carries the time it was written. Its content is what must be the same.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook


def workbook_cells(path: Path) -> dict[str, list[tuple]]:
    """Sheet title → every row of the sheet as a tuple of cell values, in order."""
    book = load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}
    finally:
        book.close()
