"""Two builds of the outputs from the same data are identical.

The two builds run as separate ``python -m comparison build --no-notebooks``
processes (side by side, to save time), each with its own hash seed, so that
no output may depend on the iteration order of a set or dict of strings, and
each with its own empty cache. Tables (CSV) and figures (PNG and SVG) must be
identical byte for byte; workbooks cell for cell on every sheet (their zip
entries carry the time of writing, so their bytes differ).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from readback import workbook_cells

from comparison.build import write_tables
from comparison.dataset import load_dataset
from comparison.script import LANGS
from comparison.words import SHEETS
from conftest import DATA, ROOT

pytestmark = pytest.mark.slow  # builds the whole report twice


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("builds")
    running = []
    for name, seed in (("first", "1"), ("second", "2")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(root / f"cache-{name}")}
        command = [sys.executable, "-m", "comparison", "build", "--no-notebooks", "--out", str(root / name)]
        running.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    for process in running:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err.decode(errors="replace")
    return root / "first", root / "second"


def files(folder: Path, pattern: str) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob(pattern))}


def test_builds_write_the_same_files(builds):
    first, second = builds
    assert sorted(p.relative_to(first) for p in first.rglob("*")) == sorted(p.relative_to(second) for p in second.rglob("*"))


def test_tables_are_identical(builds):
    first, second = builds
    tables = files(first, "*.csv")
    assert len(tables) == 4 * len(LANGS)
    assert tables == files(second, "*.csv")


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_figures_are_identical(builds, suffix):
    first, second = builds
    figures = files(first / "figures", f"*.{suffix}")
    assert figures
    assert figures == files(second / "figures", f"*.{suffix}")


@pytest.mark.parametrize("lang", LANGS)
def test_workbooks_hold_identical_cells_on_every_sheet(builds, lang):
    first, second = builds
    cells = workbook_cells(first / f"comparison_{lang}.xlsx")
    assert len(cells) == len(SHEETS) and all(cells.values())
    assert cells == workbook_cells(second / f"comparison_{lang}.xlsx")


def test_data_read_back_from_the_cache_gives_identical_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    checked, cached = load_dataset(DATA), load_dataset(DATA)  # the second comes from the cache the first wrote
    assert list((tmp_path / "cache").rglob("*.pickle"))
    for lang in LANGS:
        for a, b in zip(write_tables(checked, tmp_path / "checked", lang), write_tables(cached, tmp_path / "cached", lang)):
            assert a.read_bytes() == b.read_bytes(), a.name
