"""Rows rendered as SpreadsheetML (comparison.sheetxml), read back with openpyxl and pandas."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile

import numpy as np

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, NamedStyle

from comparison import sheetxml
from comparison.sheetxml import CellError, cell_xml, column_xml, row_xml

#: Values of every kind the workbook writes, with what they must read back as.
VALUES = [
    "养老机构护理型床位占比达到60%以上",
    "養老機構護理型床位佔比",
    "=SUM(A1:A2)",
    "+86 10",
    "-5",
    "@risk",
    "  leading and trailing  ",
    "line one\r\nline two\nthree\rfour",
    "a & b < c > d \"quoted\" 'single'",
    "emoji 👵🏻 and 𠀀",
    "\t",
    True,
    False,
    0,
    -17,
    2**53 - 1,
    0.1 + 0.2,
    1e300,
    -2.5e-12,
    60.0,
]


def _write(path, rows, *, style: str | None = None, heights=None) -> None:
    wb = Workbook(write_only=True)
    wb.add_named_style(NamedStyle("probe", font=Font(bold=True)))
    ws = sheetxml.add_sheet(wb, "probe")
    ws.freeze_panes = "B2"
    sid = None
    if style is not None:
        from openpyxl.cell import WriteOnlyCell

        template = WriteOnlyCell(ws)
        template.style = style
        sid = template.style_id
    for n, row in enumerate(rows, start=1):
        cells = (cell_xml(f"{chr(64 + col)}{n}", value, sid) for col, value in enumerate(row, start=1))
        ws.append_xml(row_xml(n, cells, (heights or {}).get(n)))
    wb.save(path)


def test_values_read_back_exactly_and_text_never_becomes_a_formula(tmp_path):
    path = tmp_path / "values.xlsx"
    _write(path, [[v] for v in VALUES])
    ws = load_workbook(path)["probe"]
    cells = [ws.cell(row=n, column=1) for n in range(1, len(VALUES) + 1)]
    assert [c.value for c in cells] == VALUES
    assert [type(c.value) for c in cells] == [type(v) for v in VALUES]
    assert all(c.data_type == "s" for c, v in zip(cells, VALUES) if isinstance(v, str))
    assert not [c.coordinate for c in ws.iter_rows() for c in c if c.data_type == "f"]
    assert ws.freeze_panes == "B2"  # openpyxl still writes everything around the rows


def test_pandas_reads_the_same_cells(tmp_path):
    path = tmp_path / "frame.xlsx"
    rows = [["text", "number", "flag"], ["=1+1", 0.1 + 0.2, True], ["六十", 60.0, False]]
    _write(path, rows)
    frame = pd.read_excel(path, sheet_name="probe")
    assert frame.columns.tolist() == rows[0]
    assert frame.to_numpy().tolist() == [rows[1], rows[2]]


def test_missing_values_empty_text_styles_and_heights(tmp_path):
    path = tmp_path / "styled.xlsx"
    _write(path, [["a", None, "", "b"], [None]], style="probe", heights={1: 48.5})
    ws = load_workbook(path)["probe"]
    assert [c.value for c in ws[1]] == ["a", None, None, "b"]
    assert {c.style for c in ws[1]} == {"probe"}  # styled empty cells keep their style
    assert ws.row_dimensions[1].height == 48.5
    assert ws.row_dimensions[2].height is None


def test_dates_are_serial_numbers_that_read_back_as_dates(tmp_path):
    path = tmp_path / "dates.xlsx"
    when = dt.datetime(2021, 4, 6, 12, 30)
    _write(path, [[pd.Timestamp("2021-04-06")], [when]])
    ws = load_workbook(path)["probe"]
    raw = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="A1" t="n"><v>44292' in raw
    # without a date format openpyxl shows the serial number: the value is the date's, unchanged
    assert ws["A1"].value == 44292 and ws["A2"].value == pytest.approx(44292.5208333)


def test_column_xml_skips_missing_cells_and_takes_one_style_per_value():
    cells = column_xml(2, 5, ["x", None, "", 3.5], [1, 2, 3, 4])
    assert cells[1] == cells[2] == ""
    assert cells[0] == '<c r="B5" s="1" t="inlineStr"><is><t>x</t></is></c>'
    assert cells[3] == '<c r="B8" s="4" t="n"><v>3.5</v></c>'


def test_an_empty_sheet_is_a_valid_sheet(tmp_path):
    path = tmp_path / "empty.xlsx"
    wb = Workbook(write_only=True)
    sheetxml.add_sheet(wb, "empty")
    wb.save(path)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<sheetData></sheetData>" in xml and "<row" not in xml and "comparison-sheetxml-rows" not in xml
    assert load_workbook(path)["empty"].calculate_dimension() == "A1:A1"


def test_numpy_and_pandas_scalars_are_the_cells_of_their_python_values(tmp_path):
    path = tmp_path / "numpy.xlsx"
    _write(path, [[np.float64(1.5), np.int64(7), np.bool_(True), pd.NA, np.float32(0.25)]])
    ws = load_workbook(path)["probe"]
    assert [c.value for c in ws[1]][:3] == [1.5, 7, True] and ws["E1"].value == 0.25
    assert ws["D1"].value is None


def test_rows_must_come_rendered():
    ws = sheetxml.add_sheet(Workbook(write_only=True), "x")
    with pytest.raises(TypeError, match="append_xml"):
        ws.append(["would be lost"])


def test_excel_counts_characters_beyond_the_basic_plane_twice():
    assert sheetxml.excel_length("养老") == 2
    assert sheetxml.excel_length("𠀀") == 2
    with pytest.raises(CellError, match="32,768 characters"):
        cell_xml("A1", "𠀀" * 16_384)


def test_the_rows_reach_the_sheet_without_lxml_too(tmp_path):
    # openpyxl falls back to its ElementTree writer where lxml is missing or OPENPYXL_LXML=False.
    script = (
        "import sys, openpyxl; assert not openpyxl.LXML\n"
        "from openpyxl import Workbook\n"
        "from comparison.sheetxml import add_sheet, cell_xml, row_xml\n"
        "wb = Workbook(write_only=True); ws = add_sheet(wb, 'et')\n"
        "ws.append_xml(row_xml(1, [cell_xml('A1', '=1+1'), cell_xml('B1', 2.5)]))\n"
        "wb.save(sys.argv[1])\n"
    )
    path = tmp_path / "et.xlsx"
    done = subprocess.run([sys.executable, "-c", script, str(path)], env={**os.environ, "OPENPYXL_LXML": "False"}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ws = load_workbook(path)["et"]
    assert (ws["A1"].value, ws["A1"].data_type, ws["B1"].value) == ("=1+1", "s", 2.5)


@pytest.mark.parametrize(
    "value, message",
    [
        ("长" * (sheetxml.MAX_CELL_CHARS + 1), "32,768 characters; an Excel cell holds at most 32,767"),
        (float("nan"), "not a number an Excel cell can hold"),
        (float("inf"), "not a number an Excel cell can hold"),
        (dt.datetime(2021, 1, 1, tzinfo=dt.timezone.utc), "time zone"),
        (object(), "a value of type object cannot be written"),
        (np.float64("nan"), "not a number an Excel cell can hold"),
    ],
)
def test_values_no_cell_can_hold_are_refused(value, message):
    with pytest.raises(CellError, match=message):
        cell_xml("A1", value)


@pytest.mark.parametrize("char", ["\x01", "\x0b", "\ufffe"])
def test_characters_xml_cannot_carry_are_refused_with_their_row(tmp_path, char):
    wb = Workbook(write_only=True)
    ws = sheetxml.add_sheet(wb, "bad")
    ws.append_xml(row_xml(1, [cell_xml("A1", "fine")]))
    ws.append_xml(row_xml(2, [cell_xml("A2", f"not{char}fine")]))
    with pytest.raises(CellError, match=f"sheet 'bad': row 2 holds the character U\\+{ord(char):04X}"):
        wb.save(tmp_path / "bad.xlsx")


def test_a_normal_workbook_is_refused():
    with pytest.raises(ValueError, match="write-only"):
        sheetxml.add_sheet(Workbook(), "x")


XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]))),
    max_size=200,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(XML_TEXT, min_size=1, max_size=8))
def test_any_text_xml_can_carry_reads_back_unchanged(tmp_path, texts):
    path = tmp_path / "any.xlsx"
    _write(path, [texts])
    ws = load_workbook(path)["probe"]
    assert [ws.cell(row=1, column=col).value or "" for col in range(1, len(texts) + 1)] == texts
