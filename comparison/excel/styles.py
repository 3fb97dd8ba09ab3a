"""The workbook's named styles (they appear in Excel's cell-style gallery under these names) and column kinds."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from comparison.palette import STATUS_COLOURS, STATUS_TEXT_COLOURS, rgb

#: Fills of the coverage statuses (``RRGGBB``): the colours of the charts (:mod:`comparison.palette`).
STATUS_FILLS = {status: rgb(colour) for status, colour in STATUS_COLOURS.items()}

DARK = "1F4E79"
LIGHT_HEADER = "5B8DC9"
FIELD_FILL = "DDEBF7"
ROW_HEADER_FILL = "F2F2F2"
MUTED = "595959"
_THIN = Side(style="thin", color="BFBFBF")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_CENTER_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")

TITLE, HEADER, HEADER_EXTRA, FIELD, ROW_HEADER = "ec title", "ec header", "ec header extra", "ec field name", "ec row header"
TEXT, CODE, NUMBER, INTEGER, YEAR, RATIO, DATE = "ec text", "ec code", "ec number", "ec integer", "ec year", "ec ratio", "ec date"
CELL, LABEL, SECTION, NOTE = "ec cell", "ec label", "ec section", "ec note"
STATUS_STYLES = {"quantified": "ec quantified", "qualitative": "ec qualitative", "not_mentioned": "ec not mentioned"}
#: A place with targets of other measures of the topic, not of this one; a topic heading; an id in a grid.
OTHER, TOPIC, CODE_CELL = "ec other measures", "ec topic", "ec code cell"

#: Column kinds of the tidy sheets: kind → (named style, maximum width in characters).
KINDS: dict[str, tuple[str, int]] = {
    "code": (CODE, 30),
    "text": (TEXT, 40),
    "long": (TEXT, 60),
    "brief": (TEXT, 22),  # text in a sheet laid out for printing
    "tag": (CODE, 14),
    "number": (NUMBER, 16),
    "integer": (INTEGER, 16),
    "year": (YEAR, 8),
    "ratio": (RATIO, 14),
    "flag": (CODE, 10),
    "date": (DATE, 12),
    "link": (CODE, 34),  # an address, written as a hyperlink too
}


def _fill(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _status_style(status: str) -> NamedStyle:
    italic = status != "quantified"
    font = Font(italic=italic, color=rgb(STATUS_TEXT_COLOURS[status]))
    return NamedStyle(STATUS_STYLES[status], font=font, fill=_fill(STATUS_FILLS[status]), border=_GRID, alignment=_TOP_WRAP)


def named_styles(lang: str) -> list[NamedStyle]:
    """The workbook's named styles; integers show thousands separators in English only, as in the tables."""
    integer = "#,##0" if lang == "en" else "0"
    header = {"font": Font(bold=True, color="FFFFFF"), "border": _GRID, "alignment": _CENTER_WRAP}
    return [
        NamedStyle(TITLE, font=Font(bold=True, size=14, color=DARK)),
        NamedStyle(SECTION, font=Font(bold=True, size=12, color=DARK), alignment=_TOP),
        NamedStyle(NOTE, font=Font(italic=True, color=MUTED)),
        NamedStyle(LABEL, font=Font(bold=True), alignment=_TOP_WRAP),
        NamedStyle(HEADER, fill=_fill(DARK), **header),
        NamedStyle(HEADER_EXTRA, fill=_fill(LIGHT_HEADER), **header),
        NamedStyle(FIELD, font=Font(name="Consolas", size=9, color=DARK), fill=_fill(FIELD_FILL), border=_GRID),
        NamedStyle(ROW_HEADER, font=Font(bold=True), fill=_fill(ROW_HEADER_FILL), border=_GRID, alignment=_TOP_WRAP),
        NamedStyle(CELL, border=_GRID, alignment=_TOP_WRAP),
        NamedStyle(TEXT, alignment=_TOP_WRAP),
        NamedStyle(CODE, alignment=_TOP),
        NamedStyle(NUMBER, alignment=_TOP, number_format="General"),
        NamedStyle(INTEGER, alignment=_TOP, number_format=integer),
        NamedStyle(YEAR, alignment=_TOP, number_format="0"),
        NamedStyle(RATIO, alignment=_TOP, number_format="0.000"),
        NamedStyle(DATE, alignment=_TOP, number_format="yyyy-mm-dd"),
        *(_status_style(status) for status in STATUS_STYLES),
        NamedStyle(OTHER, font=Font(italic=True), border=_GRID, alignment=_TOP_WRAP),
        NamedStyle(TOPIC, font=Font(bold=True, color=DARK), alignment=Alignment(vertical="bottom")),
        NamedStyle(CODE_CELL, font=Font(color=MUTED, size=9), border=_GRID, alignment=_TOP),
    ]
