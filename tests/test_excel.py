"""The Excel workbook: side-by-side comparison, statuses, round trip, determinism, formula safety, the export command."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from comparison import align, load_dataset
from comparison.excel import STATUS_FILLS, column_width, display_width, read_targets_sheet, sheet_titles, write_workbook
from comparison.script import LANGS
from comparison.words import SHEETS
from conftest import DATA, ROOT, run_cli
from hostile import edit_cells

#: Sheet key → position in the workbook.
SHEET = {key: i for i, key in enumerate(SHEETS)}
#: Rows above the body of the comparison and coverage sheets: title, legend, header.
MATRIX_HEADER_ROW = 3


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory, dataset) -> dict[str, Path]:
    """One workbook per language, written once for the module."""
    out = tmp_path_factory.mktemp("workbooks")
    return {lang: write_workbook(dataset, out / f"comparison_{lang}.xlsx", lang=lang) for lang in LANGS}


def _sheet(path, key: str):
    return openpyxl.load_workbook(path).worksheets[SHEET[key]]


def _grid(ws) -> dict[str, dict[str, object]]:
    """Body cells of a grid sheet (section headings left out): row name → column header → cell."""
    header = [c.value for c in ws[MATRIX_HEADER_ROW]]
    rows = ws.iter_rows(min_row=MATRIX_HEADER_ROW + 1)
    return {row[0].value: dict(zip(header[1:], row[1:])) for row in rows if any(c.value is not None for c in row[1:])}


def _section_rows(ws) -> list[str]:
    """The first cells of the grid's section headings (rows with nothing else)."""
    rows = ws.iter_rows(min_row=MATRIX_HEADER_ROW + 1)
    return [row[0].value for row in rows if row[0].value and all(c.value is None for c in row[1:])]


def _targets_csv() -> pd.DataFrame:
    """data/targets.csv typed by hand, independently of the package's reader."""
    raw = pd.read_csv(DATA / "targets.csv", dtype=object, keep_default_na=False)
    expected = raw.replace("", pd.NA)
    expected["value"] = pd.to_numeric(raw["value"]).astype("float64")
    for year in ("deadline_stated", "deadline_implied"):
        expected[year] = pd.to_numeric(raw[year]).astype("Int64")
    expected["is_aspirational"] = raw["is_aspirational"].map({"true": True, "false": False}).astype(bool)
    return expected


# --------------------------------------------------------------------------- the comparison sheet
@pytest.mark.parametrize("lang", LANGS)
def test_every_measure_is_a_row_with_each_places_targets(dataset, workbooks, lang):
    cells = _grid(_sheet(workbooks[lang], "comparison"))
    expected = align.comparison_table(dataset, lang)
    places = list(align.jurisdiction_names(dataset, lang)[dataset.jurisdiction_order])
    assert set(cells) == set(expected.index)
    for measure, row in expected.iterrows():
        assert [cells[measure][p].value for p in places] == [row[p] or None for p in places]
        assert cells[measure]["measure_id"].value == row["measure_id"] and cells[measure]["topic_id"].value == row["topic_id"]


def test_shared_measures_come_first_grouped_by_topic(dataset, workbooks):
    ws = _sheet(workbooks["en"], "comparison")
    table = align.comparison_table(dataset, "en")
    body = [r[0].value for r in ws.iter_rows(min_row=MATRIX_HEADER_ROW + 1)]
    sections = _section_rows(ws)
    assert sections[0] == "Measures that two or more places set targets for"
    shared = list(table.index[table["n_places"] >= 2])
    assert shared and body.index(shared[-1]) < body.index(sections[-1]) if (table["n_places"] < 2).any() else True
    topics = [s.removeprefix("Topic: ") for s in sections if s.startswith("Topic: ")]
    assert set(topics) == set(table["topic"])


def test_known_target_reads_the_same_in_each_language(workbooks):
    expected = {"zh-Hans": "60%（2023年）", "zh-Hant": "60%（2023年）", "en": "60% (by 2023)"}
    city = {"zh-Hans": "宁波市", "zh-Hant": "寧波市", "en": "Ningbo"}
    measure = {"zh-Hans": "养老机构护理型床位占比", "zh-Hant": "養老機構護理型床位佔比", "en": "Nursing-type bed share of institutional beds"}
    for lang in LANGS:
        assert _grid(_sheet(workbooks[lang], "comparison"))[measure[lang]][city[lang]].value == expected[lang]


def test_a_target_that_differs_is_marked_and_the_difference_said(workbooks):
    rows = _grid(_sheet(workbooks["en"], "comparison"))
    marked = {name: row for name, row in rows.items() if any("△" in str(c.value or "") for c in row.values())}
    assert marked and all(row["What differs"].value for row in marked.values())


def test_statuses_and_other_measures_look_different_from_targets(workbooks):
    cells = [c for row in _grid(_sheet(workbooks["en"], "comparison")).values() for h, c in row.items() if c.value and h not in ("Unit", "What differs", "topic_id", "measure_id")]
    kinds = {"qualitative only": "qualitative", "not mentioned": "not_mentioned", "other measures of the topic": "other"}
    fills = {kinds.get(c.value, "target"): set() for c in cells}
    italic = {kind: set() for kind in fills}
    for c in cells:
        kind = kinds.get(c.value, "target")
        fills[kind].add(c.fill.fgColor.rgb[-6:] if c.fill.fill_type else None)
        italic[kind].add(bool(c.font.i))
    assert fills["qualitative"] == {STATUS_FILLS["qualitative"]}
    assert fills["not_mentioned"] == {STATUS_FILLS["not_mentioned"]}
    assert fills["target"] == {None} and fills["other"] == {None}
    assert italic == {"qualitative": {True}, "not_mentioned": {True}, "target": {False}, "other": {True}}


def test_cells_carry_the_named_styles(workbooks):
    comparison = _grid(_sheet(workbooks["en"], "comparison"))["Nursing-type bed share of institutional beds"]
    assert (comparison["Rushan"].style, comparison["Ningbo"].style, comparison["Wuhan"].style) == ("ec qualitative", "ec cell", "ec not mentioned")
    targets = _sheet(workbooks["en"], "targets")
    assert (targets["A1"].style, targets["A2"].style, targets["A3"].style) == ("ec header", "ec field name", "ec code")


def test_coverage_cells_are_colour_coded_by_status(workbooks):
    fill_of = {"quantified": STATUS_FILLS["quantified"], "qualitative only": STATUS_FILLS["qualitative"], "not mentioned": STATUS_FILLS["not_mentioned"]}
    cells = [c for row in _grid(_sheet(workbooks["en"], "coverage")).values() for c in row.values()]
    assert cells and all(c.fill.fgColor.rgb[-6:] == fill_of[c.value] for c in cells)


def test_coverage_has_one_row_per_topic(dataset, workbooks):
    assert len(_grid(_sheet(workbooks["en"], "coverage"))) == len(dataset.topic_order)


def test_national_reference_follows_the_places(dataset, workbooks):
    header = [c.value for c in _sheet(workbooks["en"], "comparison")[MATRIX_HEADER_ROW]]
    places = list(align.jurisdiction_names(dataset, "en")[dataset.jurisdiction_order])
    assert header[2 : 2 + len(places) + 1] == [*places, "National reference"]
    assert _grid(_sheet(workbooks["en"], "comparison"))["Nursing-type bed share of institutional beds"]["National reference"].value == "55% (by 2025)"


def test_by_topic_sheet_lists_every_target_under_its_topic(dataset, workbooks):
    frame = pd.read_excel(workbooks["en"], sheet_name="By topic", header=1)
    assert set(frame["target_id"]) == set(dataset.targets["target_id"])
    assert list(frame.columns[:4]) == ["topic_id", "topic", "measure_id", "measure"]


# --------------------------------------------------------------------------- the targets sheet
@pytest.mark.parametrize("lang", LANGS)
def test_targets_sheet_reads_back_equal_to_targets_csv(workbooks, lang):
    pd.testing.assert_frame_equal(read_targets_sheet(workbooks[lang]), _targets_csv())


def test_targets_sheet_has_a_label_row_above_the_raw_column_names(workbooks):
    ws = _sheet(workbooks["zh-Hans"], "targets")
    names = list(pd.read_csv(DATA / "targets.csv", nrows=0).columns)
    assert [c.value for c in ws[2]][: len(names)] == names
    assert [c.value for c in ws[1]][:3] == ["目标编号", "文件编号", "条款"]


def test_tidy_sheets_freeze_headers_filter_and_print_on_landscape_pages(workbooks):
    ws = _sheet(workbooks["en"], "commitments")
    assert ws.freeze_panes == "B3"
    (table,) = ws.tables.values()
    assert table.ref.startswith("A2:") and table.autoFilter.ref == table.ref
    assert ws.print_title_rows == "$1:$2"
    assert (ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == ("landscape", 1, 0)


def test_all_targets_print_three_pages_across_with_the_id_column_on_every_page(workbooks):
    ws = _sheet(workbooks["en"], "targets")
    assert ws.print_title_rows == "$1:$2" and ws.print_title_cols == "$A:$A"
    assert ws.page_setup.fitToWidth == 3 and ws.sheet_properties.pageSetUpPr.fitToPage


#: The data sheets (one record per row) by position, and the frame each must read back equal to.
DATA_SHEETS = {SHEET[key]: key for key in ("targets", "topics", "commitments", "per_1000", "codebook", "sources", "print_view")}


@pytest.mark.parametrize("lang", LANGS)
def test_every_data_sheet_reads_back_with_pandas_and_is_one_excel_table(workbooks, lang):
    book = openpyxl.load_workbook(workbooks[lang])
    for index in DATA_SHEETS:
        ws = book.worksheets[index]
        frame = pd.read_excel(workbooks[lang], sheet_name=ws.title, header=1)
        (table,) = ws.tables.values()
        first, last = table.ref.split(":")
        assert first == "A2" and int(re.sub(r"[A-Z]+", "", last)) == len(frame) + 2
        assert [c.name for c in table.tableColumns] == list(frame.columns) == [c.value for c in ws[2]]
        assert not frame.columns.str.startswith("Unnamed").any()


def test_targets_read_with_pandas_equal_targets_csv(workbooks):
    frame = pd.read_excel(workbooks["en"], sheet_name="All targets", header=1, dtype=object)
    expected = _targets_csv()
    got = frame[list(expected.columns)].astype(object).where(frame.notna(), pd.NA)
    for column in expected.columns:
        assert [None if pd.isna(v) else v for v in got[column]] == [None if pd.isna(v) else v for v in expected[column]], column


def test_print_view_fits_a_landscape_page_width_with_repeated_headers(dataset, workbooks):
    ws = _sheet(workbooks["zh-Hans"], "print_view")
    assert ws.title == "目标打印版"
    assert ws.print_title_rows == "$1:$2" and ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert [c.value for c in ws[2]] == ["target_id", "jurisdiction", "topic", "measure", "target", "clause", "quote"]
    assert ws.max_row == len(dataset.targets) + 2
    widths = [ws.column_dimensions[letter].width for letter in "ABCDEFG"]
    assert sum(widths) <= 200  # about 1.4× the width of a landscape A4 page at 100 %: readable once fitted


def test_column_widths_count_chinese_characters_twice():
    assert display_width("养老ab") == 6
    assert display_width("第一行\nab") == 6
    assert column_width(["养老服务", "ab"], cap=40) == 8
    assert column_width(["养" * 100], cap=40) == 40


def test_per_1000_rows_without_a_figure_give_a_reason(workbooks):
    ws = _sheet(workbooks["en"], "per_1000")
    names = [c.value for c in ws[2]]
    rows = [dict(zip(names, values)) for values in ws.iter_rows(min_row=3, values_only=True)]
    assert rows and all(r["reason"] for r in rows if r["per_1000_older_people"] is None)
    assert any(r["per_1000_older_people"] is not None for r in rows)


# --------------------------------------------------------------------------- the whole workbook
def test_sheet_names_are_in_the_chosen_language(workbooks):
    for lang in LANGS:
        assert openpyxl.load_workbook(workbooks[lang]).sheetnames == sheet_titles(lang)
    assert sheet_titles("zh-Hant")[0] == "說明"


def test_writing_twice_gives_identical_cells(dataset, tmp_path):
    paths = [write_workbook(dataset, tmp_path / f"run{i}.xlsx", lang="en") for i in (1, 2)]
    books = [openpyxl.load_workbook(p) for p in paths]
    for a, b in zip(*(book.worksheets for book in books)):
        assert list(a.iter_rows(values_only=True)) == list(b.iter_rows(values_only=True))
    assert books[0].properties.created == books[1].properties.created == books[0].properties.modified


def test_formula_like_text_stays_text(data_copy, tmp_path):
    targets = pd.read_csv(data_copy / "targets.csv", dtype=str, keep_default_na=False)
    injected = {"quote": "=HYPERLINK(\"http://example.com\",\"x\")", "notes": "+1+1", "measure_zh": "-2+3", "clause": "@SUM(A1)"}
    for column, text in injected.items():
        targets.loc[0, column] = text
    targets.to_csv(data_copy / "targets.csv", index=False, lineterminator="\n")
    path = write_workbook(load_dataset(data_copy, cache=False), tmp_path / "safe.xlsx")
    book = openpyxl.load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    found = {c.value: c.data_type for c in cells if c.value in injected.values()}
    assert found == {text: "s" for text in injected.values()}


def test_selection_narrows_the_comparison_but_the_data_sheets_stay_whole(dataset, tmp_path):
    path = write_workbook(dataset, tmp_path / "narrow.xlsx", lang="en", cities=["宁波市"], domain="workforce")
    comparison = _sheet(path, "comparison")
    assert [c.value for c in comparison[MATRIX_HEADER_ROW] if c.value][:4] == ["Measure", "Unit", "Ningbo", "National reference"]
    workforce_topics = set(dataset.topics.loc[dataset.topics["domain_id"] == "workforce", "topic_id"])
    assert {row["topic_id"].value for row in _grid(comparison).values()} <= workforce_topics
    assert set(_grid(_sheet(path, "coverage"))) == set(align.topic_names(dataset, "en")[sorted(workforce_topics)])
    assert len(read_targets_sheet(path)) == len(dataset.targets)


# --------------------------------------------------------------------------- the export command
def test_export_writes_a_workbook(cli, tmp_path):
    out = tmp_path / "en.xlsx"
    result = cli("export", "--lang", "en", "--cities", "宁波市", "Wuhan", "--topics", "nursing_bed_share", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and f"{len(SHEETS)} sheets" in result.stdout
    cells = _grid(_sheet(out, "comparison"))
    assert cells["Nursing-type bed share of institutional beds"]["Ningbo"].value == "60% (by 2023)"


def test_export_unknown_city_suggests_the_closest(cli, tmp_path):
    result = cli("export", "--cities", "Ningbao", "-o", str(tmp_path / "x.xlsx"))
    assert result.returncode == 1
    assert "did you mean 'ningbo'" in result.stderr and "rushan" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_export_into_a_missing_folder_says_so(cli, tmp_path):
    result = cli("export", "-o", str(tmp_path / "missing" / "out.xlsx"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_export_onto_a_folder_says_so(cli, tmp_path):
    folder = tmp_path / "book.xlsx"
    folder.mkdir()
    result = cli("export", "-o", str(folder))
    assert result.returncode == 1
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr


def test_export_refuses_topics_with_domain(cli, tmp_path):
    result = cli("export", "--topics", "meal_service", "--domain", "workforce", "-o", str(tmp_path / "x.xlsx"))
    assert result.returncode == 2
    assert "not allowed with" in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_workbook_to_pdf(workbooks, tmp_path):
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbooks["zh-Hans"])],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "comparison_zh-Hans.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


# --------------------------------------------------------------------------- the synthetic corpus of the benchmarks
def test_synthetic_corpus_passes_validation(cli, tmp_path):
    made = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), str(tmp_path), "--jurisdictions", "4", "--targets", "12"],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    result = cli("validate", "--data", str(tmp_path / "data"), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 0, result.stderr
    assert "48 targets" in result.stdout and "no problems found" in result.stdout


def test_taiwan_phrasing_needs_traditional_output(cli, tmp_path):
    result = cli("export", "--taiwan", "-o", str(tmp_path / "x.xlsx"))
    assert result.returncode == 1
    assert "--lang zh-Hant" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_a_comparison_cell_beyond_excel_limit_keeps_whole_lines_and_says_how_many_are_left_out(dataset, tmp_path):
    # 1,500 more copies of one Ningbo meal-service target make a comparison cell of about 60,000 characters.
    t = dataset.targets
    meal = set(dataset.measures.loc[dataset.measures["topic_id"] == "meal_service", "measure_id"])
    row = t[t["measure_id"].isin(meal) & (t["source_id"] == "ningbo-2021") & (t["kind"] != "parameter") & t["restates"].isna()].head(1)
    measure = row["measure_id"].iloc[0]
    copies = pd.concat([row] * 1500, ignore_index=True)
    copies["target_id"] = [f"ningbo-2021-t9{i:04d}" for i in range(len(copies))]
    big = dataclasses.replace(dataset, targets=pd.concat([t, copies]))
    path = write_workbook(big, tmp_path / "big.xlsx", lang="en", topics=["meal_service"])
    wb = openpyxl.load_workbook(path, read_only=True)
    (cell,) = [c for r in wb["Comparison"].iter_rows(values_only=True) for c in r if isinstance(c, str) and "Excel cell holds" in c]
    assert len(cell) <= 32_767
    *shown, last = cell.split("\n")
    left = int(re.fullmatch(r"… (\d+) more, beyond what an Excel cell holds: all are in the All targets sheet", last).group(1))
    bt = big.targets
    in_cell = bt[(bt["source_id"] == "ningbo-2021") & (bt["measure_id"] == measure) & (bt["kind"] != "parameter") & bt["restates"].isna()]
    assert len(shown) + left == len(in_cell) > 1500
    assert all(line.rstrip("△").endswith(")") for line in shown)  # whole lines only
    assert sum(1 for _ in wb["All targets"].iter_rows(min_row=3)) == len(big.targets)  # every target is still in the workbook


def test_a_cell_excel_cannot_hold_is_a_clear_message_naming_file_line_and_column(data_copy, tmp_path):
    # Within the schema's 32,767 characters, but a character beyond U+FFFF counts twice in Excel: the data check refuses it.
    line = edit_cells(data_copy / "targets.csv", "target_id", "rushan-2025-t02", notes="𠀀" * 16_400)
    done = run_cli("export", "--data", str(data_copy), "-o", str(tmp_path / "x.xlsx"), env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"targets.csv, line {line}, column 'notes'" in done.stderr and "32,800 characters" in done.stderr
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".~*"))  # nothing half-written is left


def test_browse_and_print_sheets_say_how_to_choose_fewer_when_the_selection_is_too_large(dataset, tmp_path, monkeypatch):
    from comparison.excel import sheets

    monkeypatch.setattr(sheets, "BROWSE_MAX_ROWS", 10)
    monkeypatch.setattr(sheets, "PRINT_VIEW_MAX_ROWS", 10)
    path = write_workbook(dataset, tmp_path / "big.xlsx", lang="en")
    for key in ("topics", "print_view"):
        ws = _sheet(path, key)
        assert ws.max_row == 1 and f"{len(dataset.targets)} targets" in ws["A1"].value and "--cities" in ws["A1"].value
    narrow = write_workbook(dataset, tmp_path / "narrow.xlsx", lang="en", topics=["nursing_bed_share"])
    assert _sheet(narrow, "print_view").max_row > 2
