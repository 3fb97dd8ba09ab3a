"""Hostile input: validate is the gate.

Whatever ``validate`` accepts, ``export`` and ``build`` accept; whatever they
cannot use, ``validate`` refuses with the same message. Each case breaks a
copy of the data in one way and runs ``validate`` and ``export`` on it:
both must exit 1 naming the same file, line and column.
"""

from __future__ import annotations

import pytest

from hostile import edit_cells, make_workspace, refused, set_descriptor, set_top_level, succeeded

T, S, P, J, D = "data/targets.csv", "data/sources.csv", "data/population.csv", "data/jurisdictions.csv", "data/datapackage.yaml"


def zero_population(ws):
    line = edit_cells(ws.data / "population.csv", "jurisdiction_id", "ningbo", older_population="0")
    return f"{P}, line {line}, column 'older_population'", "is 0"


def created_not_a_date(ws):
    line = set_top_level(ws, "created", '"last Tuesday"')
    return f"{D}, line {line}", "'created'"


def created_impossible_date(ws):
    line = set_top_level(ws, "created", '"2026-13-45"')
    return f"{D}, line {line}", "not a date"


def created_out_of_range(ws):
    line = set_top_level(ws, "created", "0001-01-01")
    return f"{D}, line {line}", "not a date"


def control_character_in_version(ws):
    line = set_top_level(ws, "version", '"0.1.0\\a"')
    return f"{D}, line {line}", "U+0007"


def noncharacter_in_title(ws):
    set_descriptor(ws, "title: Quantified", 'title: "\\uFFFF"\nx-old-title: Quantified')
    return D, "U+FFFF"


def noncharacter_in_a_cell(ws):
    line = edit_cells(ws.data / "targets.csv", "target_id", "rushan-2025-t02", notes="before\uffffafter")
    return f"{T}, line {line}, column 'notes'", "U+FFFF"


def control_character_in_a_cell(ws):
    line = edit_cells(ws.data / "targets.csv", "target_id", "rushan-2025-t02", notes="bell\x07")
    return f"{T}, line {line}, column 'notes'", "U+0007"


def cell_over_excel_limit_in_utf16_units(ws):
    # 16,384 characters beyond U+FFFF: within maxLength as Python counts (code points), 32,768 UTF-16 units as Excel counts.
    line = edit_cells(ws.data / "targets.csv", "target_id", "rushan-2025-t02", notes="\U00020000" * 16_384)
    return f"{T}, line {line}, column 'notes'", "32,768 characters long"


def declared_unique_column_repeated(ws):
    with open(ws.data / "sources.csv", encoding="utf-8") as fh:
        import csv

        rows = list(csv.DictReader(fh))
    line = edit_cells(ws.data / "sources.csv", "source_id", rows[1]["source_id"], text_file=rows[0]["text_file"])
    return f"{S}, line {line}, column 'text_file'", "appears more than once"


def declared_pattern_matches_the_whole_cell(ws):
    set_descriptor(ws, 'pattern: "^[0-9a-f]{64}$"', 'pattern: "[0-9a-f]{64}"')
    with open(ws.data / "sources.csv", encoding="utf-8") as fh:
        import csv

        first = next(csv.DictReader(fh))
    line = edit_cells(ws.data / "sources.csv", "source_id", first["source_id"], text_sha256=first["text_sha256"] + "zz")
    return f"{S}, line {line}, column 'text_sha256'", "does not have the expected form"


def declared_max_length_shorter_than_excel(ws):
    set_descriptor(ws, "description: Ambiguities, source defects and how the value was read., constraints: {maxLength: 32767}", "constraints: {maxLength: 40}")
    line = edit_cells(ws.data / "targets.csv", "target_id", "rushan-2025-t02", notes="长" * 41)
    return f"{T}, line {line}, column 'notes'", "is 41 characters long; the field allows at most 40"


def reversed_document_period(ws):
    line = edit_cells(ws.data / "sources.csv", "source_id", "ningbo-2021", period_start_year="2023", period_end_year="2021")
    return f"{S}, line {line}, column 'period_end_year'", "the period is reversed"


def zero_width_space_in_an_id(ws):
    line = edit_cells(ws.data / "population.csv", "jurisdiction_id", "ningbo", jurisdiction_id="ningbo\u200b")
    return f"{P}, line {line}, column 'jurisdiction_id'", "'ningbo\\u200b'"


CASES = [
    zero_population,
    created_not_a_date,
    created_impossible_date,
    created_out_of_range,
    control_character_in_version,
    noncharacter_in_title,
    noncharacter_in_a_cell,
    control_character_in_a_cell,
    cell_over_excel_limit_in_utf16_units,
    declared_unique_column_repeated,
    declared_pattern_matches_the_whole_cell,
    declared_max_length_shorter_than_excel,
    reversed_document_period,
    zero_width_space_in_an_id,
]


@pytest.mark.parametrize("command", ["validate", "export"])
@pytest.mark.parametrize("case", CASES, ids=lambda f: f.__name__.replace("_", "-"))
def test_validate_and_export_refuse_alike(tmp_path, case, command):
    ws = make_workspace(tmp_path)
    where, what = case(ws)
    args = ["validate"] if command == "validate" else ["export", "-o", "out.xlsx"]
    err = refused(ws.run(*args))
    lines = [line.strip() for line in err.splitlines()]
    assert any(line.startswith(f"{where}") and what in line for line in lines), (where, what, err)
    assert not (ws.root / "out.xlsx").exists()


def test_build_refuses_what_validate_refuses(tmp_path):
    ws = make_workspace(tmp_path)
    where, what = zero_population(ws)
    err = refused(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"))
    assert where in err and what in err


def test_what_validate_accepts_export_and_build_accept(tmp_path):
    """Unusual but valid data: characters beyond U+FFFF, a zero-width space in a note, a name with $…$, a long quote."""
    ws = make_workspace(tmp_path)
    edit_cells(ws.data / "targets.csv", "target_id", "rushan-2025-t02", notes="𠀀 note with a zero\u200bwidth space; " + "长" * 30_000)
    # As mathematics these names would not even parse (matplotlib would stop with an error).
    edit_cells(ws.data / "jurisdictions.csv", "jurisdiction_id", "ningbo", name_en="Ningbo $\\nosuchmacro{$", name_zh="宁波市$\\frac{1}$")
    assert "OK:" in succeeded(ws.run("validate"))
    succeeded(ws.run("export", "-o", "out.xlsx", "--lang", "en"))
    succeeded(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"))
    succeeded(ws.run("build", "--out", "out-zh", "--no-notebooks", "--lang", "zh-Hans"))
