"""Broken and unusual input, run through the command line as a user would.

Every broken input ends with exit code 1, one line per problem in the form
``FILE, line N, column 'COL': WHAT`` (``FILE: WHAT`` when the problem is the
whole file) and no traceback. Unusual but unambiguous input — what Excel
leaves behind: a byte-order mark, CRLF line ends, spaces, blank rows,
columns in another order, full-width digits — is accepted with a note that
says what was normalised, and loads as exactly the same data.

Each case breaks a copy of ``data/`` (and, for the quote checks, of the
source texts) in one way and names where the problem must be reported. The
CLI runs in the folder that holds the copy, so files show as ``data/….csv``.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook

from conftest import DATA, run_cli
from hostile import edit_cells

T, C, S, P, N = "data/targets.csv", "data/commitments.csv", "data/sources.csv", "data/population.csv", "data/national_targets.csv"
NO_SOURCES = {"COMPARISON_SOURCES": "", "COMPARISON_REQUIRE_SOURCES": ""}
#: One reported problem or note: file, optional line, optional column, what.
SHAPE = re.compile(r"(?P<file>[^,:]+)(?:, line (?P<line>\d+))?(?:, column '(?P<column>[^']+)')?: (?P<what>.+)")


# --------------------------------------------------------------------------- what must be reported
@dataclass(frozen=True)
class Expect:
    """A problem the tools must report: where (file as shown, line, column) and a fragment of what."""

    file: str
    line: int | None
    column: str | None
    what: str

    @property
    def where(self) -> str:
        return self.file + (f", line {self.line}" if self.line is not None else "") + (f", column '{self.column}'" if self.column else "")

    def found_in(self, reported: list[str]) -> bool:
        return any(r.startswith(f"{self.where}: ") and self.what in r for r in reported)


def reported_lines(stream: str) -> list[str]:
    """The problem or note lines of a command's output (indented by two spaces)."""
    return [line[2:] for line in stream.splitlines() if line.startswith("  ")]


def assert_rejected(done, *expected: Expect) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    reported = reported_lines(done.stderr)
    assert all(SHAPE.fullmatch(r) for r in reported), reported
    assert len(reported) == len(expected), reported
    for e in expected:
        assert e.found_in(reported), (e.where, e.what, reported)


# --------------------------------------------------------------------------- editing the copy
def read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def line_of(path: Path, key: str) -> int:
    """The line number of the row whose first cell is ``key``."""
    return next(i for i, line in enumerate(lines_of(path), start=1) if line.startswith(f"{key},"))


def first_non_ascii_line(path: Path) -> int:
    return next(i for i, line in enumerate(lines_of(path), start=1) if not line.isascii())


def text_file_of(data: Path, source_id: str) -> str:
    """The file name of ``source_id``'s text, from ``sources.csv``."""
    rows = read_rows(data / "sources.csv")
    head = rows[0]
    return next(r[head.index("text_file")] for r in rows[1:] if r[0] == source_id)


def edit_descriptor(data: Path, change) -> None:
    path = data / "datapackage.yaml"
    descriptor = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --------------------------------------------------------------------------- broken files and cells (every tool that loads the data)
def gbk_file(data):
    path = data / "targets.csv"
    line = first_non_ascii_line(path)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    return [Expect(T, line, None, "not UTF-8; it looks like GBK/GB18030")]


def big5_file(data):
    path = data / "jurisdictions.csv"
    line = first_non_ascii_line(path)
    path.write_bytes(path.read_text(encoding="utf-8").encode("big5", errors="replace"))
    return [Expect("data/jurisdictions.csv", line, None, "not UTF-8; it looks like Big5")]


def utf16_file(data):
    path = data / "commitments.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    return [Expect(C, None, None, "the file is UTF-16 (Excel's 'Unicode Text'), not UTF-8")]


def empty_sheet_saved_by_excel(data):
    (data / "population.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    return [Expect(P, None, None, "the file is empty")]


def header_only(data):
    write_lines(data / "population.csv", lines_of(data / "population.csv")[:1])
    return [Expect(P, None, None, "the file has a header but no data rows")]


def binary_file(data):
    (data / "sources.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return [Expect(S, None, None, "this is not a text file (it contains NUL bytes)")]


def nul_byte_at_the_end(data):
    path = data / "targets.csv"
    path.write_bytes(path.read_bytes() + b"\x00")
    return [Expect(T, None, None, "this is not a text file (it contains NUL bytes)")]


def folder_instead_of_file(data):
    (data / "national_targets.csv").unlink()
    (data / "national_targets.csv").mkdir()
    return [Expect(N, None, None, "this is a folder, not a CSV file")]


def missing_file(data):
    (data / "units.csv").unlink()
    return [Expect("data/units.csv", None, None, "file not found")]


def missing_column(data):
    rows = read_rows(data / "targets.csv")
    write_rows(data / "targets.csv", [row[:-1] for row in rows])
    return [Expect(T, 1, "notes", "required column is missing")]


def renamed_column(data):
    lines = lines_of(data / "targets.csv")
    lines[0] = lines[0].replace(",unit_id,", ",unit,")
    write_lines(data / "targets.csv", lines)
    return [
        Expect(T, 1, "unit", "unknown column (column 10); did you mean 'unit_id'?"),
        Expect(T, 1, "unit_id", "required column is missing; did you mean 'unit'?"),
    ]


def extra_column(data):
    rows = read_rows(data / "commitments.csv")
    write_rows(data / "commitments.csv", [row + (["comment"] if i == 0 else [""]) for i, row in enumerate(rows)])
    return [Expect(C, 1, "comment", "unknown column (column 7)")]


def column_twice(data):
    lines = lines_of(data / "targets.csv")
    lines[0] = lines[0].replace(",measure_en,", ",measure_zh,")
    write_lines(data / "targets.csv", lines)
    return [Expect(T, 1, "measure_zh", "column appears twice in the header"), Expect(T, 1, "measure_en", "required column is missing")]


def value_in_column_without_name(data):
    rows = read_rows(data / "commitments.csv")
    rows = [row + [""] for row in rows]
    rows[3][-1] = "checked"
    write_rows(data / "commitments.csv", rows)
    return [Expect(C, 4, None, "column 7 has no name in the header but holds a value")]


def too_many_cells(data):
    lines = lines_of(data / "targets.csv")
    lines[5] += ",extra"
    write_lines(data / "targets.csv", lines)
    return [Expect(T, 6, None, "row has 22 cells but the header has 21 columns")]


def too_few_cells(data):
    rows = read_rows(data / "commitments.csv")
    rows[2] = rows[2][:-1]
    write_rows(data / "commitments.csv", rows)
    return [Expect(C, 3, None, "row has 5 cells but the header has 6 columns")]


def unterminated_quote(data):
    lines = lines_of(data / "commitments.csv")
    line = next(i for i, text in enumerate(lines) if text.endswith('"') and i > 1)
    lines[line] = lines[line][:-1]
    write_lines(data / "commitments.csv", lines)
    return [Expect(C, line + 1, None, f"the row runs over lines {line + 1}–")]


def control_character(data):
    line = edit_cells(data / "targets.csv", "target_id", "rushan-2025-t02", notes="City-wide\x0btotal")
    return [Expect(T, line, "notes", "contains the control character U+000B, which Excel cannot store")]


def cell_longer_than_excel_holds(data):
    line = edit_cells(data / "targets.csv", "target_id", "rushan-2025-t02", notes="长" * 32_768)
    return [Expect(T, line, "notes", "is 32,768 characters long; an Excel cell holds at most 32,767")]


def percent_sign_in_number(data):
    line = edit_cells(data / "population.csv", "jurisdiction_id", "ningbo", older_share_pct="18.3%")
    return [Expect(P, line, "older_share_pct", "'18.3%' is not a number")]


def thousands_separators(data):
    line = edit_cells(data / "population.csv", "jurisdiction_id", "wuhan", older_population="1,788,500")
    return [Expect(P, line, "older_population", "'1,788,500' is not a whole number")]


def number_too_large(data):
    line = edit_cells(data / "national_targets.csv", "reference_id", "national-2021-nursing-beds", value="1e400")
    return [Expect(N, line, "value", "'1e400' is not a finite number")]


def whole_number_too_large(data):
    line = edit_cells(data / "targets.csv", "target_id", "rushan-2025-t02", deadline_stated="99999999999999999999")
    return [Expect(T, line, "deadline_stated", "is too large for a whole number")]


def date_as_excel_shows_it(data):
    line = edit_cells(data / "sources.csv", "source_id", "ningbo-2021", issue_date="2021/4/6")
    return [Expect(S, line, "issue_date", "'2021/4/6' is not a date in the form YYYY-MM-DD")]


def unknown_unit(data):
    line = edit_cells(data / "national_targets.csv", "reference_id", "national-2021-nursing-beds", unit_id="percentage")
    return [Expect(N, line, "unit_id", "'percentage' is not a known unit_id in units.csv; did you mean 'percent'?")]


def unknown_operator(data):
    line = edit_cells(data / "national_targets.csv", "reference_id", "national-2021-nursing-beds", operator="≧")
    return [Expect(N, line, "operator", "'≧' is not one of the allowed values")]


def unknown_topic(data):
    line = edit_cells(data / "commitments.csv", "commitment_id", "ningbo-2021-q01", topic_id="home_retrofits")
    return [Expect(C, line, "topic_id", "'home_retrofits' is not a known topic_id in topics.csv; did you mean 'home_retrofit'?")]


def unknown_source(data):
    line = edit_cells(data / "commitments.csv", "commitment_id", "ningbo-2021-q01", source_id="ningbo-2012")
    return [Expect(C, line, "source_id", "'ningbo-2012' is not a known source_id in sources.csv; did you mean 'ningbo-2021'?")]


def duplicate_row(data):
    lines = lines_of(data / "targets.csv")
    lines.insert(4, lines[3])
    write_lines(data / "targets.csv", lines)
    return [Expect(T, 5, "target_id", "duplicate target_id 'rushan-2025-t03' (first on line 4; the whole row is a copy of that line")]


def duplicate_id(data):
    line = edit_cells(data / "targets.csv", "target_id", "rushan-2025-t03", target_id="rushan-2025-t02")
    return [Expect(T, line, "target_id", f"duplicate target_id 'rushan-2025-t02' (first on line {line - 1})")]


def descriptor_missing(data):
    (data / "datapackage.yaml").unlink()
    return [Expect("data", None, None, "no datapackage.yaml here: is this the data folder?")]


def descriptor_not_yaml(data):
    path = data / "datapackage.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines.index("version: 0.2.0")
    lines[line] = "\tversion: 0.2.0"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [Expect("data/datapackage.yaml", line + 1, None, "is not valid YAML: found character '\\t' that cannot start any token")]


def descriptor_not_a_package(data):
    (data / "datapackage.yaml").write_text("- targets.csv\n- sources.csv\n", encoding="utf-8")
    return [Expect("data/datapackage.yaml", None, None, "does not describe a data package")]


def descriptor_without_targets(data):
    edit_descriptor(data, lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != "targets"]))
    return [Expect("data/datapackage.yaml", None, None, "describes no resource 'targets'")]


LOADING = [
    pytest.param(gbk_file, id="gbk-encoding"),
    pytest.param(big5_file, id="big5-encoding"),
    pytest.param(utf16_file, id="utf16-encoding"),
    pytest.param(empty_sheet_saved_by_excel, id="bom-only-file"),
    pytest.param(header_only, id="header-only"),
    pytest.param(binary_file, id="binary-file"),
    pytest.param(nul_byte_at_the_end, id="nul-byte-at-the-end"),
    pytest.param(folder_instead_of_file, id="folder-instead-of-file"),
    pytest.param(missing_file, id="missing-file"),
    pytest.param(missing_column, id="missing-column"),
    pytest.param(renamed_column, id="renamed-column"),
    pytest.param(extra_column, id="extra-column"),
    pytest.param(column_twice, id="column-twice"),
    pytest.param(value_in_column_without_name, id="value-in-nameless-column"),
    pytest.param(too_many_cells, id="too-many-cells"),
    pytest.param(too_few_cells, id="too-few-cells"),
    pytest.param(unterminated_quote, id="unterminated-quote"),
    pytest.param(control_character, id="control-character"),
    pytest.param(cell_longer_than_excel_holds, id="cell-too-long-for-excel"),
    pytest.param(percent_sign_in_number, id="percent-sign-in-number"),
    pytest.param(thousands_separators, id="thousands-separators"),
    pytest.param(number_too_large, id="number-too-large"),
    pytest.param(whole_number_too_large, id="whole-number-too-large"),
    pytest.param(date_as_excel_shows_it, id="excel-date"),
    pytest.param(unknown_unit, id="unknown-unit"),
    pytest.param(unknown_operator, id="unknown-operator"),
    pytest.param(unknown_topic, id="unknown-topic"),
    pytest.param(unknown_source, id="unknown-source"),
    pytest.param(duplicate_row, id="duplicate-row"),
    pytest.param(duplicate_id, id="duplicate-id"),
    pytest.param(descriptor_missing, id="no-datapackage-yaml"),
    pytest.param(descriptor_not_yaml, id="datapackage-not-yaml"),
    pytest.param(descriptor_not_a_package, id="datapackage-not-a-package"),
    pytest.param(descriptor_without_targets, id="datapackage-without-targets"),
]

#: A sample of LOADING, one per kind of failure, also run through ``export``.
EXPORTED = ("gbk-encoding", "bom-only-file", "folder-instead-of-file", "renamed-column", "unterminated-quote",
            "control-character", "unknown-source", "duplicate-row", "datapackage-not-yaml")


# --------------------------------------------------------------------------- problems only validate finds (values, deadlines, units)
def spreadsheet_turned_percent_into_fraction(data):
    line = edit_cells(data / "targets.csv", "target_id", "rushan-2025-t03", value="0.6")
    return [Expect(T, line, "value", "0.6 is not stated in the quote «2026年底前,60%以上養老機構開展居家上門服務» (percentages are written as in the text")]


def value_not_in_traditional_quote(data):
    line = edit_cells(data / "targets.csv", "target_id", "wuhan-2024-t02", value="95")
    return [Expect(T, line, "value", "95 is not stated in the quote")]


def deadline_after_open_period(data):
    line = edit_cells(data / "targets.csv", "target_id", "rushan-2025-t02", deadline_stated="2036")
    return [Expect(T, line, "deadline_stated", "2036 is outside the period of rushan-2025 (from 2025); expected 2025–2035")]


def unit_differs_from_measure(data):
    line = edit_cells(data / "targets.csv", "target_id", "ningbo-2021-t17", unit_id="beds")
    return [Expect(T, line, "unit_id", "'beds' differs from the unit of measure 'nursing_bed_share' in measures.csv ('percent'): a measure has one unit")]


CHECKS = [
    pytest.param(spreadsheet_turned_percent_into_fraction, id="percent-as-fraction"),
    pytest.param(value_not_in_traditional_quote, id="value-not-in-quote"),
    pytest.param(deadline_after_open_period, id="deadline-outside-open-period"),
    pytest.param(unit_differs_from_measure, id="unit-differs-from-measure"),
]


# --------------------------------------------------------------------------- problems with the source texts
def quote_not_in_source(data, sources):
    line = edit_cells(data / "commitments.csv", "commitment_id", "rushan-2025-q02", quote="重點發展護理型床位并給予獎補")
    return [Expect(C, line, "quote", "does not occur in the text of rushan-2025")]


def source_text_missing(data, sources):
    name = text_file_of(data, "changle-2023")
    (sources / name).unlink()
    return [Expect(S, line_of(data / "sources.csv", "changle-2023"), "text_file", f"source text '{name}' not found in sources")]


def source_text_changed(data, sources):
    name = text_file_of(data, "wuhan-2024")
    text = (sources / name).read_text(encoding="utf-8")
    (sources / name).write_text(text.replace("養老", "养老", 1), encoding="utf-8")
    return [Expect(S, line_of(data / "sources.csv", "wuhan-2024"), "text_sha256", "the text of wuhan-2024 has changed")]


def source_text_saved_as_gbk(data, sources):
    name = text_file_of(data, "ningbo-2021")
    (sources / name).write_bytes((sources / name).read_text(encoding="utf-8").encode("gb18030"))
    line = line_of(data / "sources.csv", "ningbo-2021")
    return [Expect(S, line, "text_sha256", "has changed"), Expect(S, line, "text_file", f"source text '{name}' is not UTF-8")]


def source_text_is_a_folder(data, sources):
    name = text_file_of(data, "chongqing-2022")
    (sources / name).unlink()
    (sources / name).mkdir()
    return [Expect(S, line_of(data / "sources.csv", "chongqing-2022"), "text_file", f"source text '{name}' is a folder")]


TEXTS = [
    pytest.param(quote_not_in_source, id="quote-not-in-source"),
    pytest.param(source_text_missing, id="source-text-missing"),
    pytest.param(source_text_changed, id="source-text-changed"),
    pytest.param(source_text_saved_as_gbk, id="source-text-gbk"),
    pytest.param(source_text_is_a_folder, id="source-text-is-a-folder"),
]


# --------------------------------------------------------------------------- fixtures and runs
@pytest.fixture
def workspace(data_copy) -> Path:
    """The folder that holds the copy ``data/``; the CLI runs there."""
    return data_copy.parent


@pytest.fixture
def corpus(workspace, sources_dir) -> Path:
    """A writable copy of the source texts, as ``sources/`` beside ``data/``."""
    dest = workspace / "sources"
    dest.mkdir()
    for text in sources_dir.glob("*.txt"):
        shutil.copyfile(text, dest / text.name)
    return dest


def validate(workspace: Path, *options: str, env: dict | None = None):
    return run_cli("validate", "--data", "data", *options, cwd=workspace, env={**NO_SOURCES, **(env or {})})


def export(workspace: Path):
    return run_cli("export", "--data", "data", "-o", "out.xlsx", cwd=workspace, env={"XDG_CACHE_HOME": str(workspace / "cache")})


# --------------------------------------------------------------------------- validate and export reject broken data
@pytest.mark.parametrize("breaks", LOADING + CHECKS)
def test_validate_names_file_line_and_column(workspace, breaks):
    expected = breaks(workspace / "data")
    assert_rejected(validate(workspace), *expected)


@pytest.mark.parametrize("breaks", TEXTS)
def test_validate_names_the_source_text_problem(workspace, corpus, breaks):
    expected = breaks(workspace / "data", corpus)
    assert_rejected(validate(workspace, "--sources", "sources"), *expected)


@pytest.mark.parametrize("breaks", [p for p in LOADING if p.id in EXPORTED])
def test_export_refuses_broken_data_with_the_same_message(workspace, breaks):
    expected = breaks(workspace / "data")
    done = export(workspace)
    assert_rejected(done, *expected)
    assert "Run 'python -m comparison validate'" in done.stderr
    assert not (workspace / "out.xlsx").exists()


def test_validate_under_ci_rejects_a_file_given_as_the_source_folder(workspace):
    done = validate(workspace, "--sources", "data/targets.csv", env={"COMPARISON_REQUIRE_SOURCES": "1"})
    assert_rejected(done, Expect(S, None, None, "cannot check quotes: data/targets.csv is a file, not the folder of source texts"))


def test_validate_from_the_folder_above_points_to_the_data(workspace):
    done = run_cli("validate", "--data", ".", cwd=workspace, env=NO_SOURCES)
    assert_rejected(done, Expect(".", None, None, "no datapackage.yaml here: is this the data folder? (there is one in data)"))


# --------------------------------------------------------------------------- unusual but unambiguous input is accepted, with a note
def with_bom(data):
    path = data / "targets.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return Expect(T, None, None, "note: normalised: removed the UTF-8 byte-order mark (BOM)")


def with_crlf(data):
    path = data / "commitments.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return Expect(C, None, None, "note: normalised: Windows line endings (CRLF) read as plain line ends")


def with_trailing_spaces(data):
    rows = read_rows(data / "sources.csv")
    write_rows(data / "sources.csv", [rows[0]] + [[cell + " " if cell else cell for cell in row] for row in rows[1:]])
    filled = sum(1 for row in rows[1:] for cell in row if cell)
    lines = [line for line, row in enumerate(rows[1:], start=2) if any(row)][:10]
    more = " …" if len(rows) - 1 > 10 else ""
    return Expect(S, None, None, f"note: normalised: removed spaces around {filled} cell(s) (line {', '.join(map(str, lines))}{more})")


def with_columns_reordered(data):
    rows = read_rows(data / "targets.csv")
    write_rows(data / "targets.csv", [row[::-1] for row in rows])
    return Expect(T, 1, None, "note: normalised: columns are in a different order than in datapackage.yaml")


def with_blank_rows(data):
    lines = lines_of(data / "targets.csv")
    width = len(lines[0].split(","))
    lines.insert(3, "," * (width - 1))
    lines.append("")
    write_lines(data / "targets.csv", lines)
    return Expect(T, None, None, f"note: normalised: skipped 2 blank line(s) (line 4, {len(lines)})")


def with_blank_lines_above_the_header(data):
    path = data / "topics.csv"
    path.write_text("\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return Expect("data/topics.csv", None, None, "note: normalised: skipped 2 blank line(s) (line 1, 2)")


def with_full_width_digits(data):
    line = edit_cells(data / "targets.csv", "target_id", "rushan-2025-t03", value="６０")
    return Expect(T, None, "value", f"note: normalised: read full-width characters as ASCII ('６０' → '60') in 1 cell(s) (line {line})")


def with_empty_nameless_column(data):
    path = data / "jurisdictions.csv"
    write_lines(path, [line + "," for line in lines_of(path)])
    return Expect("data/jurisdictions.csv", None, None, "note: normalised: ignored column 8, which has neither a name nor a value")


NORMALISED = [
    pytest.param(with_bom, id="bom"),
    pytest.param(with_crlf, id="crlf"),
    pytest.param(with_trailing_spaces, id="trailing-spaces"),
    pytest.param(with_columns_reordered, id="columns-reordered"),
    pytest.param(with_blank_rows, id="blank-rows"),
    pytest.param(with_blank_lines_above_the_header, id="blank-lines-above-header"),
    pytest.param(with_full_width_digits, id="full-width-digits"),
    pytest.param(with_empty_nameless_column, id="empty-nameless-column"),
]


@pytest.mark.parametrize("normalises", NORMALISED)
def test_validate_accepts_and_says_what_it_normalised(workspace, normalises):
    note = normalises(workspace / "data")
    done = validate(workspace)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "Accepted with these normalisations:" in done.stdout and "OK:" in done.stdout
    reported = reported_lines(done.stdout)
    assert all(SHAPE.fullmatch(r) for r in reported), reported
    assert reported == [f"{note.where}: {note.what}"]


@pytest.mark.parametrize("normalises", NORMALISED)
def test_normalised_input_loads_as_the_same_data(data_copy, normalises):
    from comparison.dataset import TABLES, load_dataset

    normalises(data_copy)
    got, clean = load_dataset(data_copy, cache=False), load_dataset(DATA, cache=False)
    for name in TABLES:
        pd.testing.assert_frame_equal(got.table(name).reset_index(drop=True), clean.table(name).reset_index(drop=True), check_exact=True)


def test_line_break_inside_a_cell_reads_the_same_from_crlf_and_lf_files(data_copy):
    from comparison.dataset import load_dataset

    path = data_copy / "targets.csv"
    edit_cells(path, "target_id", "rushan-2025-t02", notes="first line\nsecond line")
    lf = load_dataset(data_copy, cache=False).targets
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    crlf = load_dataset(data_copy, cache=False).targets
    pd.testing.assert_frame_equal(crlf, lf, check_exact=True)


def test_export_accepts_what_excel_saved(workspace):
    for normalises in (with_full_width_digits, with_blank_rows, with_trailing_spaces, with_crlf, with_bom):
        normalises(workspace / "data")
    done = export(workspace)
    assert done.returncode == 0, done.stderr
    assert (workspace / "out.xlsx").is_file()


# --------------------------------------------------------------------------- text that looks like a formula stays text
FORMULAS = {"rushan-2025-t01": "=SUM(A1:A3)", "rushan-2025-t02": "+86 0631 1234", "rushan-2025-t03": "-5 beds?", "rushan-2025-t04": "@home care"}


def test_formula_like_text_is_accepted_and_stays_text_in_the_workbook(workspace):
    for target_id, text in FORMULAS.items():
        edit_cells(workspace / "data" / "targets.csv", "target_id", target_id, notes=text)
    assert validate(workspace).returncode == 0
    assert export(workspace).returncode == 0
    cells = {c.value: c for sheet in load_workbook(workspace / "out.xlsx").worksheets for row in sheet.iter_rows() for c in row}
    for text in FORMULAS.values():
        assert cells[text].data_type == "s", text


# --------------------------------------------------------------------------- extract on a text that is not a policy text
def policy_file_with_only_a_bom(path: Path) -> str:
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n")
    return "is empty: expected the text of a policy document"


def policy_file_that_is_a_workbook(path: Path) -> str:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
    return "is not a text file (it contains NUL bytes)"


def policy_file_in_windows_western_encoding(path: Path) -> str:
    path.write_bytes("Café policy: 60 % of homes by 2025 — naïve".encode("cp1252"))
    return "is neither UTF-8 (invalid bytes at offset 3), GB18030/GBK nor Big5"


def policy_notice_without_targets(path: Path) -> str:
    path.write_text(
        "宁波市人民政府办公厅关于印发有关文件的通知\n甬政办发〔2021〕21号\n各区县（市）人民政府：\n"
        "现将有关文件印发给你们，请认真贯彻执行。\n联系电话：0574-87187777\n2021年4月6日\n",
        encoding="utf-8",
    )
    return "found no candidate targets in"


@pytest.mark.parametrize(
    "writes",
    [
        pytest.param(policy_file_with_only_a_bom, id="only-a-bom"),
        pytest.param(policy_file_that_is_a_workbook, id="binary-workbook"),
        pytest.param(policy_file_in_windows_western_encoding, id="wrong-encoding"),
        pytest.param(policy_notice_without_targets, id="no-targets"),
    ],
)
def test_extract_rejects_a_text_it_cannot_use_in_one_line(workspace, writes):
    what = writes(workspace / "policy-2024.txt")
    done = run_cli("extract", "policy-2024.txt", "-o", "candidates.csv", cwd=workspace)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("python -m comparison extract: ") and "policy-2024.txt" in done.stderr and what in done.stderr
    assert not (workspace / "candidates.csv").exists()
