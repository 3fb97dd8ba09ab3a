"""Column widths, row heights and print set-up of the workbook's sheets.

Excel has no auto-fit that runs when a file is opened, and neither
LibreOffice nor every version of Excel fits rows to wrapped text, so widths
and heights are computed here, counting East Asian wide characters as 2.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

#: Points per wrapped line of 11-point text: Chinese fonts need more than Latin ones.
LINE_HEIGHT_WIDE, LINE_HEIGHT_NARROW = 16.0, 14.5
#: The tallest row Excel allows, in points.
MAX_ROW_HEIGHT = 409.0
#: Share of a column-width unit that an average narrow character takes in running text (Latin letters are
#: narrower than the digit '0' that defines the unit); wide characters take 2.
NARROW_TEXT_WIDTH = 0.9
#: Characters of each wrapped line lost where text breaks only between words (spaces): on average half a word.
WORD_WRAP_SLACK = 4.0


@cache
def _is_wide(ch: str) -> bool:
    """Whether ``ch`` is East Asian wide or full-width (cached: text is measured a character at a time)."""
    return unicodedata.east_asian_width(ch) in "WF"


def display_width(text: str) -> int:
    """Character columns ``text`` takes: East Asian wide and full-width characters count 2; the widest line counts."""
    return max(len(line) + sum(map(_is_wide, line)) for line in str(text).split("\n"))


def column_width(texts: Iterable[str], *, cap: int, floor: int = 0) -> int:
    """The width (in characters) of a column holding ``texts``: the widest, at least ``floor``, at most ``cap``.

    Texts are measured longest first and measuring stops as soon as no
    shorter text can be wider (a character counts at most 2).
    """
    best = floor
    for text in sorted(set(texts), key=len, reverse=True):
        if best >= cap or 2 * len(text) <= best:
            break
        best = max(best, display_width(text))
    return min(best, cap)


def text_height(text: str, width: float) -> float:
    """Points that ``text`` needs when wrapped in a column ``width`` characters wide."""
    height = 0.0
    for line in text.split("\n"):
        wide = sum(map(_is_wide, line))
        usable = width - WORD_WRAP_SLACK if " " in line else width
        lines = max(1, math.ceil((2 * wide + NARROW_TEXT_WIDTH * (len(line) - wide)) / max(1.0, usable)))
        height += lines * (LINE_HEIGHT_WIDE if wide else LINE_HEIGHT_NARROW)
    return height


def row_heights(columns: Sequence[Sequence], widths: Sequence[float], n_rows: int) -> list[float | None]:
    """Height in points of each row whose wrapped cells need more than one line (``None``: the default height).

    ``columns`` holds the values of each wrapped column (``None`` for an
    empty cell) and ``widths`` their widths.
    """
    tallest = [0.0] * n_rows
    for values, width in zip(columns, widths):
        known: dict[str, float] = {}
        for i, value in enumerate(values):
            if value is None:
                continue
            text = str(value)
            if text not in known:
                known[text] = text_height(text, width)
            tallest[i] = max(tallest[i], known[text])
    return [None if h <= LINE_HEIGHT_WIDE else min(h + 2, MAX_ROW_HEIGHT) for h in tallest]


def set_widths(ws, widths: Sequence[float]) -> list[float]:
    """Set column widths (content width plus a margin) before any row is written; returns the widths set."""
    padded = [w + 2 for w in widths]
    for i, width in enumerate(padded, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    return padded


def print_setup(
    ws,
    *,
    title_rows: str,
    footer: str,
    landscape: bool = True,
    grid: bool = True,
    pages_wide: int = 1,
    title_cols: str | None = None,
) -> None:
    """A4 with repeated header rows (and columns), sheet name and page numbers; grid lines where cells have no borders.

    The sheet is scaled to ``pages_wide`` pages across (as many down as it
    needs), with ``title_cols`` repeated on each page.
    """
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    ws.print_options.gridLines = grid
    ws.oddHeader.left.text = "&A"
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.right.text = footer
