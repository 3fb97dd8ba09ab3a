"""Shared fixtures: the project's data, the corpus, a CLI runner, broken copies of the data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def _sources_dir() -> Path | None:
    value = os.environ.get("COMPARISON_SOURCES")
    if value:
        return Path(value)
    beside = ROOT.parent / "shared" / "seeds"
    return beside if beside.is_dir() else None


SOURCES = _sources_dir()


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The folder of source texts. Skips without it, except under CI where it must exist."""
    if SOURCES is None or not SOURCES.is_dir():
        if os.environ.get("CI") or os.environ.get("COMPARISON_REQUIRE_SOURCES"):
            pytest.fail("the corpus of source texts is missing (set COMPARISON_SOURCES)")
        pytest.skip("no corpus of source texts (set COMPARISON_SOURCES)")
    return SOURCES


@pytest.fixture(scope="session")
def dataset():
    from comparison import load_dataset

    return load_dataset(DATA)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ to break on purpose."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m comparison ARGS`` as a user would; returns the completed process (text output)."""
    full_env = {**os.environ, **(env or {})}
    full_env.setdefault("PYTHONIOENCODING", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "comparison", *args],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=input.decode() if input else None,
        timeout=600,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


# --------------------------------------------------------------------------- the static site
@pytest.fixture(scope="session")
def report(tmp_path_factory):
    """The whole report, built once for the session (executes every notebook in each site edition)."""
    from comparison.build import build_report

    out = tmp_path_factory.mktemp("report")
    lines: list[str] = []
    result = build_report(out, sources_dir=SOURCES if SOURCES and SOURCES.is_dir() else None, printer=lines.append)
    return result, lines


@pytest.fixture(scope="session")
def quick_site(tmp_path_factory, sources_dir, dataset):
    """The site's explorer, annotated sources and indexes in both editions, without notebooks, workbooks or figures (seconds)."""
    from comparison.site import EDITIONS
    from comparison.site.make import build_site
    from comparison.site.sources import read_texts

    out = tmp_path_factory.mktemp("quick-site")
    site = build_site(
        dataset, out / "site", editions=EDITIONS, notebooks=[], texts=read_texts(dataset, sources_dir), report_dir=out,
        workbooks=[], tables=[], figures=[], execute=None, step=lambda message: None,
    )
    return out / "site", site
