"""validate: passes on the real data and fails, clearly, on each kind of broken data."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparison.validate import validate
from hostile import edit_cells


# --------------------------------------------------------------------------- helpers
def errors_of(data_dir: Path, sources_dir: Path | None = None, **kw) -> list:
    report = validate(data_dir, sources_dir, **kw)
    return report.errors


def only_error(data_dir: Path, sources_dir: Path | None = None):
    errors = errors_of(data_dir, sources_dir, require_sources=False)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


T = "ningbo-2021-t05"  # 建设家庭养老床位1500张以上


# --------------------------------------------------------------------------- the real data
def test_real_data_passes_every_check(sources_dir):
    report = validate(None, sources_dir)
    assert report.ok, "\n".join(map(str, report.errors))
    assert report.counts["quotes checked"] == report.counts["targets"] + report.counts["commitments"]
    assert not report.skipped


def test_without_sources_quote_checks_are_skipped_and_said(data_copy, monkeypatch):
    monkeypatch.setenv("COMPARISON_SOURCES", "")  # empty: no corpus, even where one sits beside the project
    report = validate(data_copy, None, require_sources=False)
    assert report.ok
    assert any("skipped" in s for s in report.skipped)


def test_a_corpus_folder_named_by_the_environment_must_exist(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("COMPARISON_SOURCES", str(tmp_path / "nowhere"))
    report = validate(data_copy, None, require_sources=False)
    assert not report.ok
    assert "does not exist (it is named by $COMPARISON_SOURCES)" in str(report.errors[0])


def test_under_ci_a_missing_corpus_is_an_error(data_copy, tmp_path):
    report = validate(data_copy, tmp_path / "nowhere", require_sources=True)
    assert not report.ok
    assert "does not exist" in str(report.errors[0])


# --------------------------------------------------------------------------- one broken copy per kind of error
@pytest.mark.parametrize(
    ("changes", "column", "fragment"),
    [
        pytest.param({"value": "60%"}, "value", "'60%' is not a number", id="percent-sign"),
        pytest.param({"value": "1600"}, "value", "1600 is not stated in the quote", id="value-not-in-quote"),
        pytest.param({"unit_id": "bed"}, "unit_id", "did you mean 'beds'", id="unknown-unit"),
        pytest.param({"measure_id": "family_care_bed"}, "measure_id", "did you mean 'family_care_beds'", id="unknown-measure"),
        pytest.param({"operator": ">="}, "operator", "not one of the allowed values", id="operator-spelling"),
        pytest.param({"operator": "≤"}, "operator", "bounds the figure the other way", id="operator-against-quote"),
        pytest.param({"operator": "<"}, "operator", "bounds the figure the other way", id="operator-less-against-quote"),
        pytest.param({"kind": "goal"}, "kind", "not one of the allowed values", id="unknown-kind"),
        pytest.param({"deadline_stated": "2030"}, "deadline_stated", "outside the period", id="deadline-outside-period"),
        pytest.param({"deadline_stated": "2025.5"}, "deadline_stated", "not a whole number", id="deadline-not-integer"),
        pytest.param({"deadline_basis": "plan_end"}, "deadline_basis", "'plan_end' should be 'stated'", id="deadline-basis-wrong"),
        pytest.param({"deadline_basis": "later"}, "deadline_basis", "not one of the allowed values", id="deadline-basis-spelling"),
        pytest.param({"deadline_implied": "2023"}, "deadline_implied", "2023 should be empty", id="implied-beside-stated"),
        pytest.param({"unit_id": "facilities"}, "unit_id", "differs from the unit of measure 'family_care_beds'", id="unit-differs-from-measure"),
        pytest.param({"scope_zh": "每个区县(市)"}, "measure_id", "is at level 'jurisdiction'", id="per-unit-scope-in-city-wide-measure"),
        pytest.param({"restates": "wuhan-2024-t01"}, "restates", "a row restates a row of its own document", id="restates-other-document"),
        pytest.param({"restates": "ningbo-2021-t99"}, "restates", "not a known target_id", id="restates-unknown-row"),
        pytest.param({"is_aspirational": "yes"}, "is_aspirational", "not true or false", id="boolean-spelling"),
        pytest.param({"quote": ""}, "quote", "empty but required", id="empty-quote"),
        pytest.param({"target_id": "wuhan-2024-t99"}, "target_id", "does not belong to source", id="id-of-other-source"),
        pytest.param({"target_id": "Ningbo t5"}, "target_id", "expected form", id="id-pattern"),
        pytest.param({"value": "-3"}, "value", "out of range", id="negative-value"),
    ],
)
def test_broken_target_cell_is_named(data_copy, changes, column, fragment):
    line = edit_cells(data_copy / "targets.csv", "target_id", T, **changes)
    err = only_error(data_copy)
    assert (err.file.endswith("targets.csv"), err.line, err.column) == (True, line, column)
    assert fragment in err.message


def test_a_bound_the_quote_does_not_state_is_named(data_copy):
    line = edit_cells(data_copy / "targets.csv", "target_id", "rushan-2025-t04", operator="≤")  # 建成服務站點4個: no bound
    err = only_error(data_copy)
    assert (err.line, err.column) == (line, "operator")
    assert "has no word for it" in err.message


def test_implied_deadline_must_be_the_end_of_the_plan(data_copy):
    line = edit_cells(data_copy / "targets.csv", "target_id", "ningbo-2021-t13", deadline_implied="2024")
    err = only_error(data_copy)
    assert (err.line, err.column) == (line, "deadline_implied")
    assert "2024 should be 2023 (the last year of ningbo-2021)" in err.message


def test_restating_a_restatement_is_refused(data_copy):
    line = edit_cells(data_copy / "targets.csv", "target_id", "changle-2023-t04", restates="changle-2023-t11")
    err = only_error(data_copy)
    assert (err.line, err.column) == (line, "restates") and "itself restates another row" in err.message


def test_a_measure_with_a_denominator_must_be_a_share(data_copy):
    line = edit_cells(data_copy / "measures.csv", "measure_id", "family_care_beds", denominator_zh="养老机构床位总数")
    err = only_error(data_copy)
    assert err.file.endswith("measures.csv") and (err.line, err.column) == (line, "denominator_zh")
    assert "not a share (beds) but names a denominator" in err.message


def test_a_share_without_a_denominator_is_named(data_copy):
    line = edit_cells(data_copy / "measures.csv", "measure_id", "nursing_bed_share", denominator_zh="")
    err = only_error(data_copy)
    assert (err.line, err.column) == (line, "denominator_zh") and "names no denominator" in err.message


def test_a_national_reference_in_another_unit_is_named(data_copy):
    line = edit_cells(data_copy / "national_targets.csv", "reference_id", "national-2021-nursing-beds", unit_id="beds")
    err = only_error(data_copy)
    assert err.file.endswith("national_targets.csv") and (err.line, err.column) == (line, "unit_id")
    assert "differs from the unit of measure 'nursing_bed_share'" in err.message


def test_coverage_principle_one_in_each_states_one_hundred_percent(data_copy, sources_dir):
    # “一镇街一中心” states one centre in each township: a coverage of 100%, and no other figure.
    line = edit_cells(data_copy / "targets.csv", "target_id", "chongqing-2022-t03", value="90")
    err = only_error(data_copy, sources_dir)
    assert (err.line, err.column) == (line, "value")


def test_quote_not_in_source_is_named(data_copy, sources_dir):
    line = edit_cells(data_copy / "targets.csv", "target_id", T, quote="建设家庭养老床位1500张以上并全部验收")
    err = only_error(data_copy, sources_dir)
    assert (err.line, err.column) == (line, "quote")
    assert "does not occur in the text of ningbo-2021" in err.message
    assert "differs at" in err.message


def test_traditional_quote_matches_after_conversion_and_pdf_spaces_are_ignored(data_copy, sources_dir):
    # A Simplified copy of a Traditional quote still occurs in its source; so does a quote without the PDF's spaces.
    edit_cells(data_copy / "targets.csv", "target_id", "wuhan-2024-t12", quote="65岁及以上老年人健康管理率达到65%")
    assert errors_of(data_copy, sources_dir) == []


def test_duplicate_target_id_names_both_lines(data_copy):
    path = data_copy / "targets.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[1])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = errors_of(data_copy, require_sources=False)
    dup = [e for e in errors if "duplicate" in e.message]
    assert dup and dup[0].line == len(lines) and "first on line 2" in dup[0].message


def test_changed_source_text_fails_the_hash(data_copy, sources_dir, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sources_dir.glob("*.txt"):
        (corpus / f.name).write_bytes(f.read_bytes())
    (corpus / "001_3a780e08cb5105fb.txt").write_bytes((sources_dir / "001_3a780e08cb5105fb.txt").read_bytes() + b"\n")
    err = only_error(data_copy, corpus)
    assert err.column == "text_sha256" and "has changed" in err.message


def test_missing_source_text_is_named(data_copy, sources_dir):
    line = edit_cells(data_copy / "sources.csv", "source_id", "wuhan-2024", text_file="no_such_file.txt")
    errors = errors_of(data_copy, sources_dir)
    assert any(e.line == line and e.column == "text_file" and "not found" in e.message for e in errors)


def test_missing_column_is_named_with_suggestion(data_copy):
    path = data_copy / "targets.csv"
    text = path.read_text(encoding="utf-8").replace("deadline_stated", "deadline_state", 1)
    path.write_text(text, encoding="utf-8")
    messages = [str(e) for e in errors_of(data_copy, require_sources=False)]
    assert any("'deadline_state'" in m and "unknown column" in m and "did you mean 'deadline_stated'" in m for m in messages)
    assert any("'deadline_stated'" in m and "required column is missing" in m for m in messages)


def test_gbk_file_gets_a_saving_hint(data_copy):
    path = data_copy / "commitments.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    err = only_error(data_copy)
    assert err.file.endswith("commitments.csv")
    assert "not UTF-8" in err.message and "GBK" in err.message and "CSV UTF-8" in err.message


def test_bom_crlf_blank_lines_and_spaces_are_accepted_and_reported(data_copy):
    path = data_copy / "targets.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "")
    lines[2] = lines[2].replace("rushan-2025-t02,", "rushan-2025-t02 ,", 1)
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    report = validate(data_copy, None, require_sources=False)
    assert report.ok, [str(e) for e in report.errors]
    notes = " | ".join(p.message for p in report.notes)
    for fragment in ("byte-order mark", "CRLF", "blank line", "spaces around"):
        assert fragment in notes


def test_empty_file_is_an_error(data_copy):
    (data_copy / "commitments.csv").write_bytes(b"")
    err = only_error(data_copy)
    assert "empty" in err.message


# --------------------------------------------------------------------------- the command line
def test_cli_validate_passes_on_real_data(cli, sources_dir):
    result = cli("validate", "--sources", str(sources_dir))
    assert result.returncode == 0, result.stderr
    assert "OK:" in result.stdout and "quotes checked" in result.stdout


def test_cli_validate_reports_file_line_column(cli, data_copy):
    line = edit_cells(data_copy / "targets.csv", "target_id", T, value="six")
    result = cli("validate", "--data", str(data_copy), env={"COMPARISON_SOURCES": "", "COMPARISON_REQUIRE_SOURCES": ""})
    assert result.returncode == 1
    assert f"targets.csv, line {line}, column 'value': 'six' is not a number" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_validate_says_when_quotes_were_not_checked(cli):
    result = cli("validate", env={"COMPARISON_SOURCES": "", "COMPARISON_REQUIRE_SOURCES": ""})
    assert result.returncode == 0
    assert "quote and SHA-256 checks skipped" in result.stdout


def test_cli_validate_wrong_data_folder(cli, tmp_path):
    result = cli("validate", "--data", str(tmp_path))
    assert result.returncode == 1
    assert "no datapackage.yaml here" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_validate_named_sources_folder_must_exist(cli, tmp_path):
    result = cli("validate", "--sources", str(tmp_path / "typo"), env={"COMPARISON_REQUIRE_SOURCES": ""})
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_pattern_is_named_at_its_own_resources_line(data_copy):
    path = data_copy / "datapackage.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "{name: measure_id," in text and "unique: true" in text)
    lines[line - 1] = lines[line - 1].replace('pattern: "^[a-z][a-z0-9_]*$"', 'pattern: "^[a-z(["')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = only_error(data_copy)
    assert (err.line, "field 'measure_id'" in err.message, "not a valid regular expression" in err.message) == (line, True, True)
