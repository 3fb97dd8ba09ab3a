"""The comparison as a formatted Excel workbook, for readers who do not write code.

:func:`write_workbook` writes one workbook in one output language
(``zh-Hans``, ``zh-Hant`` or ``en``). Its sheets, named in that language:

============ ===============================================================
cover        title, what each sheet holds, data version and date, how to
             read the symbols, how to cite
comparison   indicators × cities, each cell the city's targets, and the
             national reference target
coverage     indicators × cities: quantified, qualitative only or not
             mentioned, colour-coded, with a legend
targets      one row per target: exactly the columns of ``targets.csv``
             under a label row and a row of the raw column names, then
             columns added for reading
commitments  qualitative commitments with their quotes
per_1000     absolute-count targets per 1000 older people, with reasons
codebook     indicators with definitions and comparability notes
sources      the policy documents
============ ===============================================================

A selection of cities, indicators or a domain narrows the comparison,
coverage, commitments and per-1000 sheets; the targets, codebook and sources
sheets always hold the whole data set, so every workbook is a complete,
citable copy of the data and :func:`read_targets_sheet` reads its targets
sheet back into a DataFrame equal to ``targets.csv``.

Every text cell is written as an inline string (:mod:`comparison.sheetxml`
renders the rows), so no text from the data can become a live formula. No
cell holds the current time and the workbook's created/modified properties
are the data package's ``created`` date, so the same data always give the
same cells.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

import pandas as pd
import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname, range_boundaries
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from comparison import align, sheetxml
from comparison.selection import Selection, select
from comparison.dataset import Dataset
from comparison.labels import COLUMNS, LANG_NAMES, SCRIPT, STATUS, check_lang, format_number, pick, vocab
from comparison.paths import default_data_dir
from comparison.script import to_simplified
from comparison.tables import read_descriptor, resource_schema

#: Workbook-level name of the range that holds the curated columns of the targets sheet
#: (raw-name row and data rows); :func:`read_targets_sheet` finds the sheet through it.
TARGETS_RANGE_NAME = "targets_csv"

#: Sheets in workbook order: key → (Simplified name, English name).
SHEETS: dict[str, tuple[str, str]] = {
    "cover": ("说明", "About"),
    "comparison": ("目标对比", "Comparison"),
    "coverage": ("覆盖情况", "Coverage"),
    "targets": ("全部目标", "All targets"),
    "commitments": ("定性承诺", "Commitments"),
    "per_1000": ("每千名老年人", "Per 1000 older people"),
    "codebook": ("指标定义", "Codebook"),
    "sources": ("政策文件", "Sources"),
}

#: What each sheet holds, for the cover: key → (Simplified, English).
SHEET_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "comparison": (
        "各地（列）对每项指标（行）的量化目标，末列为全国参考目标。单元格写明关系、数值、单位、完成年份；"
        "同一指标有多项目标时分行列出，每行以所测内容开头。“仅定性承诺”和“未提及”以底色和斜体区分。",
        "Each city's targets (columns) for each indicator (rows); the last column is the national reference target. "
        "A cell gives operator, value, unit and deadline; several targets take a line each, led by what each measures. 'Qualitative only' and "
        "'not mentioned' have their own fill and are in italics.",
    ),
    "coverage": (
        "每项指标在各地文件中的覆盖情况：量化目标、仅定性承诺或未提及，按颜色区分（见图例）。",
        "How each city's documents cover each indicator: quantified, qualitative only or not mentioned, colour-coded (see the legend).",
    ),
    "targets": (
        "全部数据，不受筛选影响。每项目标一行。深色表头的各列与数据文件 data/targets.csv 完全相同：第1行为列名，第2行为数据文件中的字段名（供软件读取）。"
        "浅色表头的各列为便于阅读而添加：地区、指标名称、目标摘要、引文的简体转写。",
        "The whole data set, whatever the selection. One row per target. The columns under the dark header are exactly the data file data/targets.csv: row 1 names them, "
        "row 2 gives each column's name in the file (for software). The columns under the light header are added for reading: "
        "jurisdiction, indicator name, the target in short, the quote in Simplified characters.",
    ),
    "commitments": (
        "文件仅以文字承诺、未给出数值的指标，附原文引文。",
        "Indicators a document commits to in words only, without a number, with the quote.",
    ),
    "per_1000": (
        "以绝对数表述的目标（床位、人数、机构数等）折算为每千名老年人。仅在有同一口径（2020年第七次全国人口普查常住人口）"
        "且注明来源的老年人口数时计算；否则“说明”列给出原因。不作任何估算。",
        "Targets stated as absolute counts (beds, people, facilities …) per 1000 older people, computed only where a sourced "
        "older-population figure on one basis (2020 census, resident population) exists; otherwise the Reason column says why. "
        "Nothing is estimated.",
    ),
    "codebook": (
        "全部指标的定义和可比性说明。比较不同地区之前，请先阅读可比性说明。",
        "Definition and comparability notes of every indicator. Read the comparability notes before comparing cities.",
    ),
    "sources": (
        "全部政策文件：标题、文号、发布机关、日期、规划期、原文字体、文本文件及其 SHA-256、已知缺陷。",
        "All policy documents: title, number, issuer, dates, period, script, text file and its SHA-256, known defects.",
    ),
}

#: How to read the cells: ((symbol in Simplified, in English), (meaning in Simplified, in English)).
SYMBOLS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("≥", "≥"), ("不低于（原文“以上”“不低于”“不少于”“至少”）", "at least (以上, 不低于, 不少于, 至少 in the text)")),
    (("≤", "≤"), ("不高于（原文“以下”“不超过”“最高”）", "at most (以下, 不超过, 最高 in the text)")),
    (("> <", "> <"), ("大于、小于", "more than, less than")),
    (
        ("=", "="),
        ("文件所述数值，未写“以上”等限定；目标对比表中省略“=”，只写数值", "the figure as stated, without 'at least'; the comparison omits the sign and shows the bare figure"),
    ),
    (("（力争）", "(aim)"), ("文件以“力争”或“争取”表述的目标", "a goal the text hedges with 力争 or 争取")),
    (("（2025年）", "(by 2025)"), ("完成年份", "the year by which it is due")),
    (("农村：", "rural areas:"), ("适用范围：目标只适用于该部分", "scope: the target applies to that part only")),
)

#: What the three coverage statuses mean: status → (Simplified, English).
STATUS_MEANINGS = {
    "quantified": ("文件为该指标设定了至少一项数值目标或标准", "the documents set at least one numeric target or standard for the indicator"),
    "qualitative": ("文件仅以文字承诺，未给出数值", "the documents commit to it in words only, without a number"),
    "not_mentioned": ("文件既无数值目标，也无文字承诺", "the documents give neither a number nor a commitment in words"),
}


#: Fills of the coverage statuses: light tints of the Okabe–Ito sky blue and orange
#: (distinguishable with the common colour-vision deficiencies) and a neutral grey.
STATUS_FILLS = {"quantified": "AAD9F4", "qualitative": "F2CF7F", "not_mentioned": "E7E6E6"}

_DARK = "1F4E79"
_LIGHT_HEADER = "5B8DC9"
_FIELD_FILL = "DDEBF7"
_ROW_HEADER_FILL = "F2F2F2"
_MUTED = "595959"
_THIN = Side(style="thin", color="BFBFBF")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_CENTER_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")

# Named styles (they appear in Excel's cell-style gallery under these names).
TITLE, HEADER, HEADER_EXTRA, FIELD, ROW_HEADER = "ec title", "ec header", "ec header extra", "ec field name", "ec row header"
TEXT, CODE, NUMBER, INTEGER, YEAR, RATIO, DATE = "ec text", "ec code", "ec number", "ec integer", "ec year", "ec ratio", "ec date"
CELL, LABEL, SECTION, NOTE = "ec cell", "ec label", "ec section", "ec note"
STATUS_STYLES = {"quantified": "ec quantified", "qualitative": "ec qualitative", "not_mentioned": "ec not mentioned"}

#: Column kinds of the tidy sheets: kind → (named style, maximum width in characters).
KINDS: dict[str, tuple[str, int]] = {
    "code": (CODE, 30),
    "text": (TEXT, 40),
    "long": (TEXT, 60),
    "number": (NUMBER, 16),
    "integer": (INTEGER, 16),
    "year": (YEAR, 8),
    "ratio": (RATIO, 14),
    "flag": (CODE, 10),
    "date": (DATE, 12),
}

#: Kinds of the curated columns of ``targets.csv``; any other column is ``text``.
TARGET_KINDS = {
    "target_id": "code", "source_id": "code", "clause": "code", "kind": "code", "indicator_id": "code",
    "measure_zh": "text", "measure_en": "text", "operator": "code", "value": "number", "unit_id": "code",
    "measure_word": "code", "deadline_year": "year", "scope_zh": "text", "scope_en": "text", "attribute": "code",
    "is_aspirational": "flag", "quote": "long", "notes": "long",
}

#: Columns added to the targets sheet for reading, from :func:`comparison.align.targets_long`.
TARGET_EXTRAS = {"jurisdiction": "text", "indicator": "text", "target": "text", "quote_zh_hans": "long"}


# --------------------------------------------------------------------------- selection
def selected_targets(ds: Dataset, selection: Selection) -> pd.DataFrame:
    """The rows of ``targets.csv`` in the selection, in the file's order, with its columns.

    Targets without a canonical indicator are kept unless indicators or a domain were chosen.
    """
    mask = ds.targets["source_id"].astype(str).map(_source_jurisdictions(ds)).isin(selection.city_ids)
    if selection.filters_indicators:
        mask &= ds.targets["indicator_id"].astype(object).isin(selection.indicator_ids)
    return ds.targets[mask]


def selected_commitments(ds: Dataset, selection: Selection) -> pd.DataFrame:
    """The rows of ``commitments.csv`` in the selection, in the file's order."""
    mask = ds.commitments["source_id"].astype(str).map(_source_jurisdictions(ds)).isin(selection.city_ids)
    return ds.commitments[mask & ds.commitments["indicator_id"].astype(str).isin(selection.indicator_ids)]


def _source_jurisdictions(ds: Dataset) -> dict[str, str]:
    return dict(zip(ds.sources["source_id"].astype(str), ds.sources["jurisdiction_id"].astype(str)))


def sheet_titles(lang: str, *, taiwan: bool = False) -> list[str]:
    """The names of the workbook's sheets in ``lang``, in order."""
    return [pick(zh, en, lang, taiwan=taiwan) for zh, en in SHEETS.values()]


# --------------------------------------------------------------------------- widths and heights
#: Points per wrapped line of 11-point text: Chinese fonts need more than Latin ones.
LINE_HEIGHT_WIDE, LINE_HEIGHT_NARROW = 16.0, 14.5
#: The tallest row Excel allows, in points.
MAX_ROW_HEIGHT = 409.0
#: Share of a column-width unit that an average narrow character takes in running text (Latin letters are
#: narrower than the digit '0' that defines the unit); wide characters take 2.
NARROW_TEXT_WIDTH = 0.9
#: Characters of each wrapped line lost where text breaks only between words (spaces): on average half a word.
WORD_WRAP_SLACK = 4.0


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def display_width(text: str) -> int:
    """Character columns ``text`` takes: East Asian wide and full-width characters count 2; the widest line counts."""
    return max(sum(2 if _is_wide(ch) else 1 for ch in line) for line in str(text).split("\n"))


def column_width(texts: Iterable[str], *, cap: int, floor: int = 0) -> int:
    """The width (in characters) of a column holding ``texts``: the widest, at least ``floor``, at most ``cap``.

    Texts are measured longest first and measuring stops as soon as no
    shorter text can be wider (a character counts at most 2), so a column of
    300,000 cells costs little more than sorting it.
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
        wide = sum(1 for ch in line if _is_wide(ch))
        usable = width - WORD_WRAP_SLACK if " " in line else width
        lines = max(1, math.ceil((2 * wide + NARROW_TEXT_WIDTH * (len(line) - wide)) / max(1.0, usable)))
        height += lines * (LINE_HEIGHT_WIDE if wide else LINE_HEIGHT_NARROW)
    return height


def row_heights(columns: Sequence[Sequence], widths: Sequence[float], n_rows: int) -> list[float | None]:
    """Height in points of each row whose wrapped cells need more than one line (``None``: the default height).

    ``columns`` holds the values of each wrapped column (``None`` for an
    empty cell) and ``widths`` their widths. Heights are set explicitly
    because neither LibreOffice nor every version of Excel fits rows to
    wrapped text when opening a file.
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


# --------------------------------------------------------------------------- styles
def _fill(rgb: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


def _named_styles(lang: str) -> list[NamedStyle]:
    """The workbook's named styles; integers show thousands separators in English only, as in the tables."""
    integer = "#,##0" if lang == "en" else "0"
    header = {"font": Font(bold=True, color="FFFFFF"), "border": _GRID, "alignment": _CENTER_WRAP}
    status = {"border": _GRID, "alignment": _TOP_WRAP}
    return [
        NamedStyle(TITLE, font=Font(bold=True, size=14, color=_DARK)),
        NamedStyle(SECTION, font=Font(bold=True, size=12, color=_DARK), alignment=_TOP),
        NamedStyle(NOTE, font=Font(italic=True, color=_MUTED)),
        NamedStyle(LABEL, font=Font(bold=True), alignment=_TOP_WRAP),
        NamedStyle(HEADER, fill=_fill(_DARK), **header),
        NamedStyle(HEADER_EXTRA, fill=_fill(_LIGHT_HEADER), **header),
        NamedStyle(FIELD, font=Font(name="Consolas", size=9, color=_DARK), fill=_fill(_FIELD_FILL), border=_GRID),
        NamedStyle(ROW_HEADER, font=Font(bold=True), fill=_fill(_ROW_HEADER_FILL), border=_GRID, alignment=_TOP_WRAP),
        NamedStyle(CELL, border=_GRID, alignment=_TOP_WRAP),
        NamedStyle(TEXT, alignment=_TOP_WRAP),
        NamedStyle(CODE, alignment=_TOP),
        NamedStyle(NUMBER, alignment=_TOP, number_format="General"),
        NamedStyle(INTEGER, alignment=_TOP, number_format=integer),
        NamedStyle(YEAR, alignment=_TOP, number_format="0"),
        NamedStyle(RATIO, alignment=_TOP, number_format="0.000"),
        NamedStyle(DATE, alignment=_TOP, number_format="yyyy-mm-dd"),
        NamedStyle(STATUS_STYLES["quantified"], fill=_fill(STATUS_FILLS["quantified"]), **status),
        NamedStyle(STATUS_STYLES["qualitative"], font=Font(italic=True), fill=_fill(STATUS_FILLS["qualitative"]), **status),
        NamedStyle(STATUS_STYLES["not_mentioned"], font=Font(italic=True, color=_MUTED), fill=_fill(STATUS_FILLS["not_mentioned"]), **status),
    ]


# --------------------------------------------------------------------------- cells and sheets
class _Sheet:
    """A worksheet that appends rows of safe, styled cells with their heights.

    A cell is a ``(value, named style)`` pair (see :meth:`cell`); rows are
    rendered by :mod:`comparison.sheetxml`, where every text value becomes a
    string cell, never a formula, whatever its first character. Each named
    style is resolved to the workbook's style id once, on a template cell.
    """

    def __init__(self, wb: Workbook, title: str, *, tab_color: str | None = None):
        self.ws = sheetxml.add_sheet(wb, title)
        self.ws.sheet_properties.tabColor = tab_color
        self.rows = 0
        self._ids: dict[str, int] = {}

    @staticmethod
    def cell(value, style: str | None = None) -> tuple[object, str | None]:
        return value, style

    def style_id(self, style: str | None) -> int | None:
        """The workbook's id of the named ``style`` (``None``: no style)."""
        if style is None:
            return None
        if style not in self._ids:
            template = WriteOnlyCell(self.ws)
            template.style = style
            self._ids[style] = template.style_id
        return self._ids[style]

    def append(self, cells: Iterable[tuple[object, str | None]], height: float | None = None) -> None:
        """Append one row of cells from column A; ``height`` in points (``None``: the default height)."""
        self.rows += 1
        with self.naming_sheet():
            rendered = [
                sheetxml.cell_xml(f"{get_column_letter(col)}{self.rows}", value, self.style_id(style))
                for col, (value, style) in enumerate(cells, start=1)
            ]
        self.ws.append_xml(sheetxml.row_xml(self.rows, rendered, height))

    def append_all(self, rows: Iterable[Iterable[tuple[object, str | None]]], heights: Iterable[float | None]) -> None:
        """Append rows, each with its height."""
        for cells, height in zip(rows, heights, strict=True):
            self.append(cells, height)

    def append_rendered(self, rows: Iterable[Sequence[str]], heights: Iterable[float | None]) -> None:
        """Append rows of cells already rendered for the next row numbers (see :func:`comparison.sheetxml.column_xml`)."""
        for cells, height in zip(rows, heights, strict=True):
            self.rows += 1
            self.ws.append_xml(sheetxml.row_xml(self.rows, cells, height))

    @contextmanager
    def naming_sheet(self):
        """Let a :class:`comparison.sheetxml.CellError` say which sheet the cell is in."""
        try:
            yield
        except sheetxml.CellError as exc:
            raise sheetxml.CellError(f"sheet '{self.ws.title}', {exc}") from None

    def set_widths(self, widths: Sequence[float]) -> list[float]:
        """Set column widths (content width plus a margin) before any row; returns the widths set."""
        padded = [w + 2 for w in widths]
        for i, width in enumerate(padded, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        return padded

    def print_setup(self, *, title_rows: str, footer: str, landscape: bool = True, grid: bool = True) -> None:
        """A4, fit to one page wide, repeated header rows, sheet name and page numbers; grid lines where cells have no borders."""
        ws = self.ws
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_title_rows = title_rows
        ws.print_options.gridLines = grid
        ws.oddHeader.left.text = "&A"
        ws.oddFooter.center.text = "&P / &N"
        ws.oddFooter.right.text = footer


def _plain(series: pd.Series) -> list:
    """The values of a column as Python objects, ``None`` where missing."""
    return series.astype(object).where(series.notna(), None).tolist()


@dataclass(frozen=True)
class _Column:
    """A column of a tidy sheet: its raw name (a column of the frame), header label, kind, and whether it was added for reading."""

    name: str
    label: str
    kind: str
    extra: bool = False

    @property
    def wraps(self) -> bool:
        return KINDS[self.kind][0] == TEXT


#: Rows of a tidy sheet rendered together.
_BLOCK_ROWS = 5_000


def _column_cells(sheet: _Sheet, column: int, first_row: int, values: list, kind: str) -> list[str]:
    """The rendered cells of one column of a tidy sheet (a missing value stays an empty cell)."""
    if kind == "number":
        integer, number = sheet.style_id(INTEGER), sheet.style_id(NUMBER)
        ids = [None if v is None else integer if float(v).is_integer() else number for v in values]
        return sheetxml.column_xml(column, first_row, values, ids)
    return sheetxml.column_xml(column, first_row, values, sheet.style_id(KINDS[kind][0]))


def _shown(values: list, kind: str, lang: str) -> list[str]:
    """Values as they will show, for measuring column widths."""
    present = {v for v in values if v is not None}
    if kind == "number":
        return [format_number(v, lang) for v in present]
    if kind == "date":
        return ["0000-00-00"] if present else []
    return [str(v) for v in present]


def _tidy_sheet(wb: Workbook, ctx: _Context, key: str, frame: pd.DataFrame, columns: Sequence[_Column]) -> _Sheet:
    """A sheet with one row per record: a label row, a row of raw column names, then the data.

    Header rows and the first column are frozen, the raw-name row carries an
    autofilter, both header rows repeat on every printed page, and long text
    wraps in rows as tall as it needs.
    """
    sheet = _Sheet(wb, ctx.sheet_title(key))
    values = [_plain(frame[c.name]) for c in columns]
    widths = sheet.set_widths([
        column_width(_shown(vals, c.kind, ctx.lang), cap=KINDS[c.kind][1], floor=max(min(display_width(c.label), 24), len(c.name)))
        for c, vals in zip(columns, values)
    ])
    sheet.ws.freeze_panes = "B3"
    sheet.ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{len(frame) + 2}"
    sheet.print_setup(title_rows="1:2", footer=ctx.footer)
    (label_height,) = row_heights([[c.label] for c in columns], widths, 1)
    sheet.append([sheet.cell(c.label, HEADER_EXTRA if c.extra else HEADER) for c in columns], label_height)
    sheet.append([sheet.cell(c.name, FIELD) for c in columns])
    wrapped = [i for i, c in enumerate(columns) if c.wraps]
    heights = row_heights([values[i] for i in wrapped], [widths[i] for i in wrapped], len(frame))
    for start in range(0, len(frame), _BLOCK_ROWS):  # rendered a block at a time, so memory stays flat
        stop, first = start + _BLOCK_ROWS, sheet.rows + 1
        with sheet.naming_sheet():
            cells = [_column_cells(sheet, col, first, vals[start:stop], c.kind) for col, (c, vals) in enumerate(zip(columns, values), start=1)]
        sheet.append_rendered(zip(*cells), heights[start:stop])
    return sheet


def _matrix_sheet(
    wb: Workbook,
    ctx: _Context,
    key: str,
    title: str,
    table: pd.DataFrame,
    style_of: Callable[[str], str],
    legend: list[tuple[str, str]],
    *,
    tab_color: str | None = None,
) -> _Sheet:
    """An indicators × cities sheet: a title row, a legend row, a header row, then one row per indicator.

    ``style_of(text)`` gives the named style of a body cell; the first column
    holds the indicator names. Every cell has a border, so grid lines are not printed.
    """
    sheet = _Sheet(wb, ctx.sheet_title(key), tab_color=tab_color)
    header = [str(table.index.name), *map(str, table.columns)]
    names = [str(i) for i in table.index]
    body = [[_fit("" if v is None else str(v), ctx) for v in table[c]] for c in table.columns]
    widths = sheet.set_widths([
        column_width(names, cap=30, floor=display_width(header[0])),
        *(column_width(col, cap=28, floor=min(max(10, display_width(h)), 28)) for col, h in zip(body, header[1:])),
    ])
    sheet.ws.freeze_panes = "B4"
    sheet.ws.auto_filter.ref = f"A3:{get_column_letter(len(header))}{len(table) + 3}"
    sheet.print_setup(title_rows="1:3", footer=ctx.footer, grid=False)
    legend_texts = [ctx.t("图例", "Legend"), *(text for text, _ in legend)]
    sheet.append([sheet.cell(title, TITLE)])
    (legend_height,) = row_heights([[t] for t in legend_texts], widths, 1)
    sheet.append([sheet.cell(legend_texts[0], LABEL), *(sheet.cell(text, style) for text, style in legend)], legend_height)
    (header_height,) = row_heights([[h] for h in header], widths, 1)
    sheet.append([sheet.cell(h, HEADER) for h in header], header_height)
    rows = ([sheet.cell(name, ROW_HEADER), *(sheet.cell(col[i] or None, style_of(col[i])) for col in body)] for i, name in enumerate(names))
    sheet.append_all(rows, row_heights([names, *body], widths, len(names)))
    return sheet


def _fit(text: str, ctx: _Context) -> str:
    """A matrix cell within Excel's cell limit: as many whole lines as fit, then a line saying how many were left out.

    Only a cell joining thousands of targets comes near the limit; every
    target is in the targets sheet whatever the cell shows.
    """
    if len(text) <= sheetxml.MAX_CELL_CHARS // 2 or sheetxml.excel_length(text) <= sheetxml.MAX_CELL_CHARS:
        return text
    lines = text.split("\n")
    room = sheetxml.MAX_CELL_CHARS - 200  # for the closing line
    kept, size = [], 0
    for line in lines:
        size += sheetxml.excel_length(line) + 1
        if size > room:
            break
        kept.append(line)
    left = len(lines) - len(kept)
    sheet = ctx.sheet_title("targets")
    kept.append(ctx.t(f"……另有 {left} 项未能列入本单元格（Excel 单元格字数上限），全部见“{sheet}”表", f"… {left} more, beyond what an Excel cell holds: all are in the {sheet} sheet"))
    return "\n".join(kept)


# --------------------------------------------------------------------------- context
@dataclass(frozen=True)
class _Context:
    """What every sheet builder needs: the data, the language and the selection."""

    ds: Dataset
    lang: str
    taiwan: bool
    selection: Selection
    descriptor: dict

    def t(self, zh: str, en: str) -> str:
        """Interface text in the output language."""
        return pick(zh, en, self.lang, taiwan=self.taiwan)

    def each(self, zh: Iterable, en: Iterable) -> list[str | None]:
        """Data text given in Simplified and English, in the output language; whichever exists when one is missing."""
        out = []
        for z, e in zip(zh, en):
            z, e = (z if isinstance(z, str) else None), (e if isinstance(e, str) else None)
            out.append((e or z) if self.lang == "en" else (self.t(z, "") if z else e))
        return out

    def sheet_title(self, key: str) -> str:
        return self.t(*SHEETS[key])

    def label(self, column: str) -> str:
        zh, en = COLUMNS.get(column, (column, column))
        return self.t(zh, en)

    @cached_property
    def created(self) -> dt.datetime | None:
        """The data package's ``created`` time (naive UTC), if it states one."""
        value = self.descriptor.get("created")
        if value is None:
            return None
        stamp = pd.Timestamp(value)
        return (stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp).to_pydatetime()

    @property
    def footer(self) -> str:
        return f"{self.descriptor.get('name', '')} {self.ds.version}".strip()

    @cached_property
    def long(self) -> pd.DataFrame:
        """:func:`comparison.align.targets_long` in the workbook's language and phrasing, made once for every sheet."""
        return align.targets_long(self.ds, self.lang, taiwan=self.taiwan)

    @cached_property
    def coverage(self) -> pd.DataFrame:
        """:func:`comparison.align.coverage_long`, made once for the comparison and coverage sheets."""
        return align.coverage_long(self.ds)

    @cached_property
    def long_standard(self) -> pd.DataFrame:
        """The same without Taiwan phrasing (as the per-1000 table uses it)."""
        return align.targets_long(self.ds, self.lang) if self.taiwan else self.long

    @cached_property
    def jurisdiction_names(self) -> pd.Series:
        return align.jurisdiction_names(self.ds, self.lang)

    @cached_property
    def indicator_names(self) -> pd.Series:
        return align.indicator_names(self.ds, self.lang)


# --------------------------------------------------------------------------- the sheets
def _cover_sheet(wb: Workbook, ctx: _Context) -> None:
    """Title, scope, what each sheet holds, how to read the symbols, quotes, how to cite."""
    ds, sel = ctx.ds, ctx.selection
    sheet = _Sheet(wb, ctx.sheet_title("cover"), tab_color=_DARK)
    widths = sheet.set_widths([24, 90])
    sheet.print_setup(title_rows="1:1", footer=ctx.footer, landscape=False, grid=False)
    created = ctx.created
    counts = ctx.t(
        f"量化目标 {len(ds.targets)} 项；定性承诺 {len(ds.commitments)} 项；政策文件 {len(ds.sources)} 份",
        f"{len(ds.targets)} targets; {len(ds.commitments)} qualitative commitments; {len(ds.sources)} documents",
    )
    if sel.cities is not None or sel.filters_indicators:
        n_targets, n_commitments = len(selected_targets(ds, sel)), len(selected_commitments(ds, sel))
        counts += ctx.t(
            f"。所选范围内：量化目标 {n_targets} 项，定性承诺 {n_commitments} 项。“目标对比”“覆盖情况”“定性承诺”“每千名老年人”四表按所选范围列出，其余各表包含全部数据。",
            f". In the selection: {n_targets} targets, {n_commitments} qualitative commitments. The Comparison, Coverage, "
            "Commitments and Per 1000 sheets show the selection; the other sheets hold the whole data set.",
        )
    rows: list[list[tuple[object, str | None]]] = [
        [(ctx.t("养老服务政策量化目标比较", "Quantified targets of local elderly-care (养老服务) policies"), TITLE)],
        [(ctx.t("各地养老服务政策文件中的量化目标、标准与政策参数；每一项都附原文引文、条款和出处。",
                "Every quantified target, standard and policy parameter of each local document, each with its verbatim quote, clause and source."), NOTE)],
        [],
        [(ctx.t("数据版本", "Data version"), LABEL), (ds.version, TEXT)],
        [(ctx.t("数据日期", "Data date"), LABEL), (created.date().isoformat() if created else ctx.t("未注明", "not stated"), TEXT)],
        [(ctx.t("语言", "Language"), LABEL), (LANG_NAMES[ctx.lang], TEXT)],
        [(ctx.t("地区", "Cities"), LABEL), (_listing(ctx, ctx.jurisdiction_names, sel.city_ids, sel.cities is None), TEXT)],
        [(ctx.t("指标", "Indicators"), LABEL), (_listing(ctx, ctx.indicator_names, sel.indicator_ids, not sel.filters_indicators), TEXT)],
        [(ctx.t("数量", "Counts"), LABEL), (counts, TEXT)],
        [],
        [(ctx.t("工作表", "Sheets"), SECTION)],
        *([(ctx.sheet_title(key), LABEL), (ctx.t(*SHEET_DESCRIPTIONS[key]), TEXT)] for key in SHEETS if key != "cover"),
        [],
        [(ctx.t("符号说明", "How to read the cells"), SECTION)],
        *([(ctx.t(*symbol), LABEL), (ctx.t(*meaning), TEXT)] for symbol, meaning in SYMBOLS),
        *([(vocab(STATUS, s, ctx.lang), STATUS_STYLES[s]), (ctx.t(*STATUS_MEANINGS[s]), TEXT)] for s in align.STATUS_ORDER),
        [],
        [(ctx.t("引文", "Quotes"), SECTION)],
        [(ctx.t("原文引文", "Quote"), LABEL), (ctx.t(
            "引文均为原文，保持文件本身的字体（简体或繁体），未作改动。“原文引文（简体）”列是便于检索的简体转写，不是原文。"
            "备注和文件说明为英文。",
            "Quotes are verbatim, in the document's own script (Simplified or Traditional), unchanged. The column "
            "'Quote (Simplified)' is a Simplified rendering for searching, not the original."), TEXT)],
        [],
        [(ctx.t("引用方式", "How to cite"), SECTION)],
        [(ctx.t("数据", "The data"), LABEL), (_citation(ctx), TEXT)],
        [(ctx.t("政策文件", "The documents"), LABEL), (ctx.t("引用政策文件本身时，请使用“政策文件”表中的标题和文号。",
                                                           "Cite the policy documents themselves by the title and number in the Sources sheet."), TEXT)],
    ]
    labels = [row[0][0] if len(row) > 1 else None for row in rows]
    texts = [row[1][0] if len(row) > 1 else None for row in rows]
    heights = row_heights([labels, texts], widths, len(rows))
    sheet.append_all(([sheet.cell(value, style) for value, style in row] for row in rows), heights)


def _listing(ctx: _Context, names: pd.Series, ids: list[str], everything: bool, limit: int = 40) -> str:
    """'All (5): A, B, …' or the selected names; only the count when there are more than ``limit``."""
    shown = ctx.t("、", ", ").join(names[i] for i in ids) if len(ids) <= limit else ""
    if everything:
        head = ctx.t(f"全部（{len(ids)}）", f"all ({len(ids)})")
        return f"{head}{ctx.t('：', ': ')}{shown}" if shown else head
    return shown or ctx.t(f"已选 {len(ids)} 项", f"{len(ids)} selected")


def _citation(ctx: _Context) -> str:
    """The data citation from ``CITATION.cff`` beside the data folder, else from the data package."""
    cff = ctx.ds.data_dir.parent / "CITATION.cff"
    if cff.exists():
        meta = yaml.load(cff.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        authors = "; ".join(a.get("name") or f"{a.get('given-names', '')} {a.get('family-names', '')}".strip() for a in meta.get("authors", []))
        parts = [f"{authors} ({str(meta.get('date-released', ''))[:4]})", meta.get("title"), f"Version {meta.get('version', ctx.ds.version)}", meta.get("license")]
    else:
        desc = ctx.descriptor
        licences = ", ".join(lic.get("name", "") for lic in desc.get("licenses", []))
        parts = [f"{desc.get('title') or desc.get('name', '')} ({str(desc.get('created', ''))[:4]})", f"Version {ctx.ds.version}", licences]
    return ". ".join(str(p) for p in parts if p) + "."


def _status_labels(lang: str) -> dict[str, str]:
    """Cell text of each coverage status → the status."""
    return {vocab(STATUS, s, lang): s for s in align.STATUS_ORDER}


def _comparison_sheet(wb: Workbook, ctx: _Context) -> None:
    """Indicators × cities; qualitative-only and not-mentioned cells get their fill and italics."""
    sel = ctx.selection
    table = align.comparison_table(ctx.ds, ctx.lang, indicators=sel.indicators, cities=sel.cities, domain=sel.domain, taiwan=ctx.taiwan, long=ctx.long, coverage=ctx.coverage)
    statuses = _status_labels(ctx.lang)
    words = {s: l for l, s in statuses.items()}

    def style_of(text: str) -> str:
        status = statuses.get(text)
        return STATUS_STYLES[status] if status in ("qualitative", "not_mentioned") else CELL

    legend = [
        (ctx.t(f"{words['quantified']}：列出目标，如 ≥60%（2025年）", f"{words['quantified']}: the targets, e.g. ≥60% (by 2025)"), CELL),
        (words["qualitative"], STATUS_STYLES["qualitative"]),
        (words["not_mentioned"], STATUS_STYLES["not_mentioned"]),
    ]
    title = ctx.t("各地养老服务政策量化目标对比", "Quantified elderly-care targets, side by side")
    _matrix_sheet(wb, ctx, "comparison", title, table, style_of, legend, tab_color=_DARK)


def _coverage_sheet(wb: Workbook, ctx: _Context) -> None:
    """Indicators × cities, each cell its coverage status in words and colour."""
    sel = ctx.selection
    table = align.coverage_matrix(ctx.ds, ctx.lang, indicators=sel.indicators, cities=sel.cities, domain=sel.domain, coverage=ctx.coverage)
    statuses = _status_labels(ctx.lang)
    legend = [(label, STATUS_STYLES[s]) for label, s in statuses.items()]
    title = ctx.t("各地文件对各项指标的覆盖情况", "How each city's documents cover each indicator")
    _matrix_sheet(wb, ctx, "coverage", title, table, lambda text: STATUS_STYLES[statuses[text]], legend)


def _targets_sheet(wb: Workbook, ctx: _Context) -> None:
    """Every target exactly as in ``targets.csv``, then display columns, and the named range of the curated part."""
    curated = ctx.ds.targets.reset_index(drop=True)
    long = ctx.long.set_index("target_id")
    display = long.loc[curated["target_id"].astype(str), list(TARGET_EXTRAS)].reset_index(drop=True)
    frame = pd.concat([curated, display], axis=1)
    columns = [_Column(name, ctx.label(name), TARGET_KINDS.get(name, "text")) for name in curated.columns]
    columns += [_Column(name, ctx.label(name), kind, extra=True) for name, kind in TARGET_EXTRAS.items()]
    sheet = _tidy_sheet(wb, ctx, "targets", frame, columns)
    ref = f"A2:{get_column_letter(len(curated.columns))}{len(curated) + 2}"
    wb.defined_names.add(DefinedName(TARGETS_RANGE_NAME, attr_text=f"{quote_sheetname(sheet.ws.title)}!{absolute_coordinate(ref)}"))


def _commitments_sheet(wb: Workbook, ctx: _Context) -> None:
    """Qualitative commitments with their verbatim quotes."""
    c = selected_commitments(ctx.ds, ctx.selection)
    jurisdiction = c["source_id"].astype(str).map(_source_jurisdictions(ctx.ds)).map(ctx.jurisdiction_names)
    frame = pd.DataFrame(
        {
            "commitment_id": c["commitment_id"].astype(str),
            "jurisdiction": jurisdiction,
            "indicator": c["indicator_id"].astype(str).map(ctx.indicator_names),
            "clause": c["clause"],
            "quote": c["quote"],
            "quote_zh_hans": c["quote"].astype(str).map(to_simplified),
            "notes": c["notes"],
        }
    )
    kinds = {"commitment_id": "code", "jurisdiction": "text", "indicator": "text", "clause": "code", "quote": "long", "quote_zh_hans": "long", "notes": "long"}
    _tidy_sheet(wb, ctx, "commitments", frame, [_Column(n, ctx.label(n), k) for n, k in kinds.items()])


def _per_1000_sheet(wb: Workbook, ctx: _Context) -> None:
    """Absolute-count targets per 1000 older people, with the population figure used or the reason there is none."""
    table = align.per_1000_table(ctx.ds, ctx.lang, long=ctx.long_standard)
    keep = table["jurisdiction_id"].astype(str).isin(ctx.selection.city_ids) & table["indicator_id"].astype(str).isin(
        ctx.selection.indicator_ids
    )
    kinds = {
        "target_id": "code", "jurisdiction": "text", "indicator": "text", "measure": "text", "target": "text", "value": "number",
        "unit": "code", "older_population": "integer", "population_basis": "code", "per_1000_older_people": "ratio",
        "reason": "long", "population_source": "long",
    }
    _tidy_sheet(wb, ctx, "per_1000", table[keep], [_Column(n, ctx.label(n), k) for n, k in kinds.items()])


def _codebook_sheet(wb: Workbook, ctx: _Context) -> None:
    """Every indicator with domain, unit, definition and comparability notes, in codebook order."""
    ds, t = ctx.ds, ctx.t
    ind = ds.indicators.set_index(ds.indicators["indicator_id"].astype(str)).loc[ds.indicator_order]
    units = dict(zip(ds.units["unit_id"].astype(str), (t(z, e) for z, e in zip(ds.units["name_zh"], ds.units["name_en"]))))
    frame = pd.DataFrame(
        {
            "indicator_id": ind.index,
            "domain": ind["domain_id"].astype(str).map(align.domain_names(ds, ctx.lang)).values,
            "indicator": ind.index.map(ctx.indicator_names),
            "unit": [units[u] if isinstance(u, str) else t("各文件不一", "varies between documents") for u in ind["unit_id"]],
            "definition": ctx.each(ind["definition_zh"], ind["definition_en"]),
            "comparability": ctx.each(ind["comparability_zh"], ind["comparability_en"]),
        }
    )
    kinds = {"indicator_id": "code", "domain": "text", "indicator": "text", "unit": "text", "definition": "long", "comparability": "long"}
    _tidy_sheet(wb, ctx, "codebook", frame, [_Column(n, ctx.label(n), k) for n, k in kinds.items()])


def _sources_sheet(wb: Workbook, ctx: _Context) -> None:
    """Every policy document, in the display order of their cities."""
    ds = ctx.ds
    src = ds.sources.set_index(ds.sources["source_id"].astype(str)).loc[ds.source_order]
    frame = pd.DataFrame(
        {
            "source_id": src.index,
            "jurisdiction": src["jurisdiction_id"].astype(str).map(ctx.jurisdiction_names).values,
            "title": ctx.each(src["title_zh"], src["title_en"]),
            "document_number": src["document_number"].values,
            "issuer": ctx.each(src["issuer_zh"], src["issuer_en"]),
            "issue_date": src["issue_date"].values,
            "period": [f"{s}–{e}" if pd.notna(e) else f"{s}–" for s, e in zip(src["period_start_year"], src["period_end_year"])],
            "script": [vocab(SCRIPT, s, ctx.lang) for s in src["script"]],
            "text_file": src["text_file"].values,
            "text_sha256": src["text_sha256"].values,
            "notes": src["notes"].values,
        }
    )
    kinds = {
        "source_id": "code", "jurisdiction": "text", "title": "text", "document_number": "code", "issuer": "text", "issue_date": "date",
        "period": "code", "script": "code", "text_file": "code", "text_sha256": "code", "notes": "long",
    }
    _tidy_sheet(wb, ctx, "sources", frame, [_Column(n, ctx.label(n), k) for n, k in kinds.items()])


SHEET_BUILDERS = (
    _cover_sheet,
    _comparison_sheet,
    _coverage_sheet,
    _targets_sheet,
    _commitments_sheet,
    _per_1000_sheet,
    _codebook_sheet,
    _sources_sheet,
)


# --------------------------------------------------------------------------- writing and reading
def write_workbook(
    ds: Dataset,
    path: Path | str,
    *,
    lang: str = "zh-Hans",
    cities=None,
    indicators=None,
    domain=None,
    taiwan: bool = False,
) -> Path:
    """Write the comparison workbook of ``ds`` to ``path`` (``.xlsx``) in ``lang``; returns the path.

    ``cities``, ``indicators`` and ``domain`` (ids or names in any language)
    narrow the comparison, coverage, commitments and per-1000 sheets; the
    targets, codebook and sources sheets always hold the whole data set. An
    unknown name raises :class:`comparison.align.SelectionError`. ``taiwan=True`` uses Taiwan
    phrasing in Traditional Chinese. The file is written next to ``path``
    under a temporary name and renamed when complete, so a failure leaves no
    half-written workbook; an unwritable folder raises :class:`OSError`
    before any work is done.
    """
    check_lang(lang)
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    descriptor = ds.meta or read_descriptor(ds.data_dir)  # a cached dataset carries the package-level entries
    ctx = _Context(ds, lang, taiwan, select(ds, cities=cities, indicators=indicators, domain=domain), descriptor)
    tmp = path.with_name(f".~{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            wb = _build(ctx)
            with ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True) as archive:
                # ExcelWriter rather than Workbook.save, which stamps 'modified' with the current time.
                ExcelWriter(wb, archive).save()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _build(ctx: _Context) -> Workbook:
    """The whole workbook, in write-only mode (rows stream to disk, so large corpora fit in memory)."""
    wb = Workbook(write_only=True)
    for style in _named_styles(ctx.lang):
        wb.add_named_style(style)
    props = wb.properties
    props.title = ctx.t("养老服务政策量化目标比较", "Quantified targets of local elderly-care policies")
    props.creator = "elderly-care-targets"
    props.version = ctx.ds.version
    props.language = ctx.lang
    if ctx.created is not None:
        props.created = props.modified = ctx.created
    for build in SHEET_BUILDERS:
        build(wb, ctx)
    return wb


def read_targets_sheet(path: Path | str) -> pd.DataFrame:
    """The curated columns of a workbook's targets sheet, typed as ``targets.csv`` is (see ``datapackage.yaml``).

    Strings are Python ``str`` with ``pd.NA`` for an empty cell, ``value`` is
    ``float64``, ``deadline_year`` ``Int64`` and ``is_aspirational`` ``bool``;
    rows keep the file's order. Raises :class:`ValueError` for a workbook
    that :func:`write_workbook` did not write.
    """
    wb = load_workbook(path, read_only=True)
    try:
        if TARGETS_RANGE_NAME not in wb.defined_names:
            raise ValueError(f"{path} has no range named '{TARGETS_RANGE_NAME}': was it written by comparison.excel.write_workbook?")
        ((title, ref),) = list(wb.defined_names[TARGETS_RANGE_NAME].destinations)
        min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
        rows = wb[title].iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col, values_only=True)
        names = [str(n) for n in next(rows)]
        frame = pd.DataFrame.from_records(list(rows), columns=names)
    finally:
        wb.close()
    return _typed(frame, resource_schema(read_descriptor(default_data_dir()), "targets"))


def _typed(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """Columns typed as the Table Schema says, the way :mod:`comparison.tables` types them."""
    out = {}
    for f in schema["fields"]:
        col = frame[f["name"]]
        required = f.get("constraints", {}).get("required", False)
        if f["type"] == "number":
            out[f["name"]] = pd.to_numeric(col).astype("float64")
        elif f["type"] == "integer":
            out[f["name"]] = col.astype("int64") if required else pd.array(col.tolist(), dtype="Int64")
        elif f["type"] == "boolean":
            out[f["name"]] = col.astype(bool if required else "boolean")
        else:
            out[f["name"]] = col.astype(object).where(col.notna(), pd.NA)
    return pd.DataFrame(out)
