"""Hostile input: a stale or corrupt dataset cache.

The cache is keyed on everything loading reads (the descriptor, every
resource it names, sub-folders included, the package version), so an edited
table is never served stale, and a cache file that cannot be read is a miss.
"""

from __future__ import annotations

import os
import pickle

import pytest

from hostile import edit_cells, make_workspace, refused, set_descriptor, set_top_level, succeeded


@pytest.fixture
def ws(tmp_path):
    return make_workspace(tmp_path)


def _cache_files(ws):
    return sorted((ws.cache / "elderly-care-targets").glob("*.pickle"))


def _fill_cache(ws):
    succeeded(ws.run("export", "-o", "first.xlsx"))
    files = _cache_files(ws)
    assert files, "export did not fill the cache"
    return files


def test_the_cache_is_in_the_platform_cache_folder(ws):
    _fill_cache(ws)
    assert (ws.cache / "elderly-care-targets").is_dir()


def test_edited_table_in_a_sub_folder_is_not_served_stale(ws):
    (ws.data / "tables").mkdir()
    (ws.data / "population.csv").rename(ws.data / "tables" / "population.csv")
    set_descriptor(ws, "path: population.csv", "path: tables/population.csv")
    _fill_cache(ws)
    line = edit_cells(ws.data / "tables" / "population.csv", "jurisdiction_id", "ningbo", older_population="many")
    refused(ws.run("export", "-o", "second.xlsx"), f"data/tables/population.csv, line {line}, column 'older_population'", "'many' is not a whole number")


def test_edited_table_is_not_served_stale(ws):
    _fill_cache(ws)
    line = edit_cells(ws.data / "jurisdictions.csv", "jurisdiction_id", "ningbo", order="x")
    refused(ws.run("export", "-o", "second.xlsx"), f"data/jurisdictions.csv, line {line}, column 'order'")


def test_edited_descriptor_is_not_served_stale(ws):
    _fill_cache(ws)
    set_top_level(ws, "version", "9.9.9")
    out = succeeded(ws.run("export", "-o", "second.xlsx"))
    assert "data version 9.9.9" in out


def test_truncated_cache_file_is_a_miss(ws):
    for path in _fill_cache(ws):
        path.write_bytes(path.read_bytes()[:100])
    succeeded(ws.run("export", "-o", "second.xlsx"))


def test_garbage_cache_file_is_a_miss(ws):
    for path in _fill_cache(ws):
        path.write_bytes(os.urandom(4096))
    succeeded(ws.run("export", "-o", "second.xlsx"))


def test_cache_file_holding_something_else_is_a_miss(ws):
    for path in _fill_cache(ws):
        path.write_bytes(pickle.dumps({"not": "a dataset"}))
    succeeded(ws.run("export", "-o", "second.xlsx"))


def test_cache_file_that_is_a_folder_is_a_miss(ws):
    for path in _fill_cache(ws):
        path.unlink()
        path.mkdir()
    succeeded(ws.run("export", "-o", "second.xlsx"))


def test_cache_folder_that_is_a_file_is_no_obstacle(ws):
    ws.cache.rmdir()
    ws.cache.write_text("not a folder", encoding="utf-8")
    succeeded(ws.run("export", "-o", "first.xlsx"))


def test_unreadable_cache_file_is_a_miss(ws):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    for path in _fill_cache(ws):
        path.chmod(0)
    succeeded(ws.run("export", "-o", "second.xlsx"))


def test_cache_file_that_is_a_named_pipe_is_a_miss_without_waiting(ws):
    for path in _fill_cache(ws):
        path.unlink()
        os.mkfifo(path)
    succeeded(ws.run("export", "-o", "second.xlsx", timeout=60))
