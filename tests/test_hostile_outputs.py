"""Hostile input: outputs that would overwrite an input, or that cannot be written as named.

``extract -o`` never overwrites its policy text (also through a link) or a
file of the data folder; ``export -o`` never writes into the data folder; a
name that is too long once the temporary suffix is added is refused before
any work; ``build --out`` refuses a folder where it writes a file, a file
where it makes a folder, and any symbolic link it would write through or
delete. Every case checks that no input changed.
"""

from __future__ import annotations

import os

import pytest

from hostile import SMALL_TEXT, make_workspace, refused, succeeded


@pytest.fixture
def ws(tmp_path):
    ws = make_workspace(tmp_path)
    (ws.root / "policy.txt").write_text(SMALL_TEXT, encoding="utf-8")
    return ws


def _unchanged(ws, before) -> None:
    assert ws.snapshot() == before
    assert (ws.root / "policy.txt").read_text(encoding="utf-8") == SMALL_TEXT


def test_extract_output_naming_its_own_input_is_refused(ws):
    before = ws.snapshot()
    refused(ws.run("extract", "policy.txt", "--source-id", "x-2024", "-o", "policy.txt"), "policy.txt", "input", "never overwritten")
    _unchanged(ws, before)


def test_extract_output_naming_its_input_another_way_is_refused(ws):
    (ws.root / "sub").mkdir()
    before = ws.snapshot()
    refused(ws.run("extract", "policy.txt", "--source-id", "x-2024", "-o", "./sub/../policy.txt"), "never overwritten")
    _unchanged(ws, before)


def test_extract_output_that_is_a_link_to_its_input_is_refused(ws):
    os.symlink("policy.txt", ws.root / "out.csv")
    before = ws.snapshot()
    refused(ws.run("extract", "policy.txt", "--source-id", "x-2024", "-o", "out.csv"), "never overwritten")
    _unchanged(ws, before)


def test_extract_output_into_the_data_folder_is_refused(ws):
    before = ws.snapshot()
    refused(ws.run("extract", "policy.txt", "--source-id", "x-2024", "-o", "data/targets.csv"), "data folder", "never written")
    _unchanged(ws, before)


def test_extract_output_with_a_name_too_long_is_refused(ws):
    name = "x" * 240 + ".csv"
    refused(ws.run("extract", "policy.txt", "--source-id", "x-2024", "-o", name), "too long")


def test_extract_output_into_a_missing_folder_is_refused(ws):
    refused(ws.run("extract", "policy.txt", "--source-id", "x-2024", "-o", "missing/out.csv"), "does not exist")


def test_extract_output_replaces_a_link_instead_of_writing_through_it(ws):
    target = ws.outside / "victim.csv"
    target.write_text("keep me\n", encoding="utf-8")
    os.symlink(target, ws.root / "out.csv")
    done = ws.run("extract", "policy.txt", "--source-id", "x-2024", "-o", "out.csv")
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert not (ws.root / "out.csv").is_symlink()


def test_export_output_into_the_data_folder_is_refused(ws):
    before = ws.snapshot()
    refused(ws.run("export", "-o", "data/comparison.xlsx"), "data folder")
    _unchanged(ws, before)


def test_export_output_with_a_name_too_long_is_refused(ws):
    refused(ws.run("export", "-o", "y" * 250 + ".xlsx"), "too long")


def test_export_output_that_is_a_folder_is_refused(ws):
    (ws.root / "book.xlsx").mkdir()
    refused(ws.run("export", "-o", "book.xlsx"), "is a folder")


def test_build_out_where_a_workbook_is_a_folder_is_refused(ws):
    (ws.root / "out" / "comparison_en.xlsx").mkdir(parents=True)
    refused(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"), "comparison_en.xlsx", "is a folder")


def test_build_out_where_the_figures_folder_is_a_link_is_refused_and_not_emptied(ws):
    victim = ws.outside / "figs"
    victim.mkdir()
    (victim / "keep.png").write_bytes(b"keep")
    (ws.root / "out" / "figures").mkdir(parents=True)
    os.symlink(victim, ws.root / "out" / "figures" / "en")
    refused(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"), "symbolic link")
    assert (victim / "keep.png").read_bytes() == b"keep"


def test_build_out_where_a_table_is_a_link_is_refused_and_its_target_kept(ws):
    victim = ws.outside / "victim.csv"
    victim.write_text("keep\n", encoding="utf-8")
    (ws.root / "out" / "tables").mkdir(parents=True)
    os.symlink(victim, ws.root / "out" / "tables" / "comparison_en.csv")
    refused(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"), "symbolic link")
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_build_out_where_a_workbook_is_a_link_is_refused(ws):
    victim = ws.outside / "victim.xlsx"
    victim.write_bytes(b"keep")
    (ws.root / "out").mkdir()
    os.symlink(victim, ws.root / "out" / "comparison_en.xlsx")
    refused(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"), "symbolic link")
    assert victim.read_bytes() == b"keep"


def test_build_out_where_the_tables_folder_is_a_file_is_refused(ws):
    (ws.root / "out").mkdir()
    (ws.root / "out" / "tables").write_text("x", encoding="utf-8")
    refused(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"), "is a file where the build makes a folder")


def test_build_out_that_is_a_file_is_refused(ws):
    (ws.root / "out").write_text("x", encoding="utf-8")
    refused(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en"), "out")
    assert (ws.root / "out").read_text(encoding="utf-8") == "x"


def test_build_out_inside_the_data_folder_is_refused(ws):
    before = ws.snapshot()
    refused(ws.run("build", "--out", "data/out", "--no-notebooks", "--lang", "en"), "data folder")
    assert not (ws.data / "out").exists()
    _unchanged(ws, before)


def test_build_out_naming_a_file_is_refused(ws):
    (ws.root / "afile").write_text("keep me", encoding="utf-8")
    refused(ws.run("build", "--out", "afile", "--no-notebooks", "--lang", "en"), "afile is a file")
    assert (ws.root / "afile").read_text(encoding="utf-8") == "keep me"


def test_build_takes_several_languages_after_one_option(ws):
    succeeded(ws.run("build", "--out", "out", "--no-notebooks", "--lang", "en", "zh-Hans"))
    assert {p.name for p in (ws.root / "out").glob("comparison_*.xlsx")} == {"comparison_en.xlsx", "comparison_zh-Hans.xlsx"}
