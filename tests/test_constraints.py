"""The Table Schema constraints, checked column by column on small typed tables.

Each kind is tested on a table where exactly the expected cells break it, so
that disabling any one check makes a test here fail.
"""

from __future__ import annotations

import pandas as pd
import pytest

from comparison.constraints import KINDS, broken, describe


def _typed(**columns) -> pd.DataFrame:
    """A typed table indexed by line, as the reader indexes it (the header is line 1)."""
    frame = pd.DataFrame(columns)
    frame.index = range(2, 2 + len(frame))
    return frame


def _schema(name: str, type_: str, **constraints) -> dict:
    return {"fields": [{"name": name, "type": type_, "constraints": constraints}]}


def test_required_reports_only_empty_cells():
    typed = _typed(a=pd.array(["x", None, "y", None], dtype="string"))
    assert list(broken(typed, _schema("a", "string", required=True))) == [(3, "a", "required"), (5, "a", "required")]


def test_enum_ignores_empty_cells():
    typed = _typed(a=pd.array(["≥", "=>", None, "≤"], dtype="string"))
    assert list(broken(typed, _schema("a", "string", enum=["≥", "≤"]))) == [(3, "a", "enum")]


def test_pattern_must_match_the_whole_cell():
    typed = _typed(a=pd.array(["ab12", "ab12zz", None, "1ab2"], dtype="string"))
    assert list(broken(typed, _schema("a", "string", pattern="[a-z]+[0-9]+"))) == [(3, "a", "pattern"), (5, "a", "pattern")]


@pytest.mark.parametrize(
    ("bounds", "bad"),
    [({"minimum": 0}, [3]), ({"maximum": 100}, [5]), ({"minimum": 0, "maximum": 100}, [3, 5])],
)
def test_range_on_numbers(bounds, bad):
    typed = _typed(v=pd.array([0.0, -0.5, None, 100.5, 100.0], dtype="Float64"))
    assert [line for line, _, kind in broken(typed, _schema("v", "number", **bounds)) if kind == "range"] == bad


def test_range_on_integers():
    typed = _typed(y=pd.array([1999, 2000, None, 2101], dtype="Int64"))
    assert list(broken(typed, _schema("y", "integer", minimum=2000, maximum=2100))) == [(2, "y", "range"), (5, "y", "range")]


@pytest.mark.parametrize(("bounds", "bad"), [({"maxLength": 3}, [4]), ({"minLength": 2}, [2]), ({"minLength": 2, "maxLength": 3}, [2, 4])])
def test_length_counts_characters(bounds, bad):
    typed = _typed(s=pd.array(["长", "长寿", "长寿乡村", None], dtype="string"))
    assert [line for line, _, _ in broken(typed, _schema("s", "string", **bounds))] == bad


def test_a_cell_is_reported_once_for_the_first_constraint_it_breaks():
    typed = _typed(a=pd.array(["zz", "q"], dtype="string"))
    schema = _schema("a", "string", enum=["x"], pattern="[a-y]+", maxLength=1)
    assert list(broken(typed, schema)) == [(2, "a", "enum"), (3, "a", "enum")]
    assert KINDS.index("enum") < KINDS.index("pattern") < KINDS.index("length")


def test_no_constraints_no_findings():
    typed = _typed(a=pd.array([None, "x"], dtype="string"))
    assert list(broken(typed, {"fields": [{"name": "a", "type": "string"}]})) == []


@pytest.mark.parametrize(
    ("kind", "cell", "constraints", "expected"),
    [
        ("required", None, {"required": True}, "is empty but required"),
        ("enum", "=>", {"enum": ["≥", "≤"]}, "'=>' is not one of the allowed values: ≥, ≤"),
        ("pattern", "ab", {"pattern": "^[0-9]+$"}, "'ab' does not have the expected form (pattern ^[0-9]+$)"),
        ("range", "-1", {"minimum": 0}, "'-1' is out of range: must be at least 0"),
        ("range", "101", {"maximum": 100}, "'101' is out of range: must be at most 100"),
        ("range", "101", {"minimum": 0, "maximum": 100}, "'101' is out of range: must be between 0 and 100"),
        ("length", "长寿乡村", {"maxLength": 3}, "is 4 characters long; the field allows at most 3"),
        ("length", "x" * 32_768, {"maxLength": 32_767}, "is 32,768 characters long; an Excel cell holds at most 32,767: shorten it"),
        ("length", "长", {"minLength": 2}, "'长' is shorter than 2 characters"),
    ],
)
def test_describe(kind, cell, constraints, expected):
    assert describe(kind, cell, {"name": "f", "constraints": constraints}) == expected


def test_range_compares_integers_exactly():
    big = 2**53
    typed = _typed(n=pd.array([big, big + 1, None], dtype="Int64"))
    assert list(broken(typed, _schema("n", "integer", maximum=big))) == [(3, "n", "range")]


def test_an_empty_cell_breaks_only_required_whatever_its_type():
    typed = _typed(d=pd.Series([pd.NaT], dtype="datetime64[ns]"), n=pd.array([None], dtype="Float64"), s=pd.array([None], dtype="string"))
    schema = {
        "fields": [
            {"name": "d", "type": "date", "constraints": {"enum": ["2025-01-01"]}},
            {"name": "n", "type": "number", "constraints": {"minimum": 0, "maximum": 1}},
            {"name": "s", "type": "string", "constraints": {"required": True, "pattern": "x", "minLength": 1}},
        ]
    }
    assert list(broken(typed, schema)) == [(2, "s", "required")]


def test_describe_length_of_a_value_that_is_not_text():
    assert describe("length", 12, {"constraints": {"maxLength": 1}}) == "is 2 characters long; the field allows at most 1"


def test_describe_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="unknown constraint kind 'unique'"):
        describe("unique", "x", {"constraints": {}})


def test_a_repeated_unique_value_is_shown_as_written():
    from comparison.tables import check_unique

    written = _typed(n=["100", "7", "1e2"])
    typed = _typed(n=pd.array([100.0, 7.0, 100.0], dtype="Float64"))
    schema = {"fields": [{"name": "n", "type": "number", "constraints": {"unique": True}}]}
    (finding,) = check_unique(typed, schema, "t.csv", written)
    assert (finding.line, finding.column) == (4, "n")
    assert finding.message.startswith("'1e2' appears more than once (first on line 2)")
    (unwritten,) = check_unique(typed, schema, "t.csv")
    assert unwritten.message.startswith("'100.0' appears")
