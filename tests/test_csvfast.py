"""The quick reading of a plain CSV body (:mod:`comparison.csvfast`) gives exactly what the row-by-row reading gives.

Every example is read twice by :func:`comparison.tables._parse_csv`: once as
it is, once with the quick reading switched off. The frames (cells, missing
values, line numbers) and the findings must be the same. The examples are
files with every oddity the row-by-row reading names (short and long rows,
blank lines, spaces around cells, cells over several lines, stray quotes),
fixed ones and generated ones, plus a check that a plain file really is read
the quick way.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparison import csvfast, tables

FIXED = settings(derandomize=True, database=None, deadline=None, max_examples=400, suppress_health_check=[HealthCheck.too_slow])
SCHEMA = {"fields": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}
HEADER = "a,b,c\n"


def both_readings(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    quick = tables._parse_csv(text, SCHEMA, "t.csv", [])
    with monkeypatch.context() as m:
        m.setattr(tables, "plain_cells", lambda *args: None)
        careful = tables._parse_csv(text, SCHEMA, "t.csv", [])
    return quick, careful


def assert_same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (frame, findings), (frame0, findings0) = both_readings(text, monkeypatch)
    assert [str(f) for f in findings] == [str(f) for f in findings0], text
    if frame0 is None:
        assert frame is None
        return
    pd.testing.assert_frame_equal(frame, frame0)
    assert frame.index.tolist() == frame0.index.tolist()


ODD_BODIES = [
    "1,2,3\n",
    "1,2,3",
    "1,2,3\n4,5\n",  # short row
    "1,2,3\n4,5,6,7\n",  # long row
    "1,2,3\n\n4,5,6\n",  # blank line
    "1,2,3\n,,\n",  # a line of commas
    '1,2,3\n"","",""\n',  # a line of empty quotes
    "1, 2,3\n",  # space before a cell
    "1,2 ,3\n",  # space after a cell
    "1,2,3\u3000\n",  # ideographic space
    '1,"a\nb",3\n',  # a cell over two lines
    '1,"a, b",3\n',  # a comma inside a cell
    '1,"a ""q"" b",3\n',  # doubled quotes
    '1,a"b,3\n',  # a stray quote
    '1,"ab"c,3\n',  # text after a closing quote
    '1,"a,3\n',  # a quote never closed
    "1,,3\n,2,\n",  # empty cells
    "1,2,3\n\n",  # a blank last line
    "NA,null,None\n",  # words pandas would read as missing
    "007,1e3,true\n",  # text that looks like numbers
    "1,2,3\n4,5,6,\n",  # a trailing comma
    '"1",2,3\n',
    "一,二,三\n四,五,六\n",
    "\ufeffx,y,z\n",  # a byte-order mark at the start of line 2 (two files joined) stays in the cell
    "\ufeff,y,z\n",
    "x,\ufeffy,z\n",
]


@pytest.mark.parametrize("body", ODD_BODIES)
def test_odd_bodies_read_the_same(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same(HEADER + body, monkeypatch)


CELL = st.text(alphabet=st.sampled_from(list('a一 ,"\n\u3000\t，\ufeff')), max_size=6)


@FIXED
@given(st.lists(st.lists(CELL, min_size=1, max_size=4), min_size=1, max_size=5), st.booleans())
def test_generated_files_read_the_same(rows: list[list[str]], final_newline: bool) -> None:
    # Cells are joined raw (not quoted), so commas, quotes and line breaks in them make every kind of odd row.
    body = "\n".join(",".join(row) for row in rows) + ("\n" if final_newline else "")
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same(HEADER + body, monkeypatch)


@FIXED
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=5))
def test_generated_quoted_files_read_the_same(rows: list[list[str]]) -> None:
    # Cells quoted as a CSV writer quotes them: the file is well formed, its cells are anything.
    body = "".join(",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\n" for row in rows)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same(HEADER + body, monkeypatch)


def test_a_plain_file_is_read_the_quick_way() -> None:
    body = "".join(f'{i},"文本，{i}",x{i}\n' for i in range(50))
    cells = csvfast.plain_cells(body, 3, 100)
    assert cells is not None and cells.shape == (50, 3)
    frame, findings = tables._parse_csv(HEADER + body, SCHEMA, "t.csv", [])
    assert findings == [] and frame.index[0] == 2 and frame.index[-1] == 51


@pytest.mark.parametrize("body", [b for b in ODD_BODIES if b not in ("1,2,3\n", "1,2,3", '1,"a, b",3\n', '1,"a ""q"" b",3\n', "1,,3\n,2,\n",
                                                                   "NA,null,None\n", "007,1e3,true\n", '"1",2,3\n', "一,二,三\n四,五,六\n",
                                                                   '1,a"b,3\n', '1,"ab"c,3\n', "x,\ufeffy,z\n")])
def test_odd_bodies_are_left_to_the_careful_reading(body: str) -> None:
    assert csvfast.plain_cells(body, 3, 100) is None


def test_a_cell_longer_than_the_limit_is_left_to_the_careful_reading() -> None:
    assert csvfast.plain_cells("1,2,3\n", 3, 100) is not None
    assert csvfast.plain_cells("1," + "x" * 101 + ",3\n", 3, 100) is None


@FIXED
@given(st.lists(CELL, min_size=1, max_size=5), st.booleans())
def test_one_column_files_read_the_same(cells: list[str], final_newline: bool) -> None:
    schema = {"fields": [{"name": "a"}]}
    text = "a\n" + "\n".join(cells) + ("\n" if final_newline else "")
    with pytest.MonkeyPatch.context() as monkeypatch:
        quick = tables._parse_csv(text, schema, "t.csv", [])
        monkeypatch.setattr(tables, "plain_cells", lambda *args: None)
        careful = tables._parse_csv(text, schema, "t.csv", [])
    assert [str(f) for f in quick[1]] == [str(f) for f in careful[1]]
    if careful[0] is None:
        assert quick[0] is None
    else:
        pd.testing.assert_frame_equal(quick[0], careful[0])


def test_a_one_column_file_is_read_the_quick_way() -> None:
    cells = csvfast.plain_cells("x\ny\n", 1, 100)
    assert cells is not None and cells.tolist() == [["x"], ["y"]]
