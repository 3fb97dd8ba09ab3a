"""Installation: pyproject.toml is the single list of dependencies, and the wheel carries the data and runs anywhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ENV = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ;]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _env_specs() -> tuple[dict[str, str], list[str]]:
    conda, pip = {}, []
    for dep in ENV["dependencies"]:
        if isinstance(dep, dict):
            pip.extend(dep.get("pip", []))
        else:
            conda[_name(dep)] = dep.replace(" ", "")
    return conda, pip


def test_environment_names_every_runtime_dependency_with_the_same_bound():
    conda, pip = _env_specs()
    pip_specs = {_name(s): s.replace(" ", "") for s in pip if not s.startswith("-")}
    for spec in PYPROJECT["project"]["dependencies"]:
        name = _name(spec)
        found = conda.get(name) or pip_specs.get(name)
        assert found, f"{name} is in pyproject.toml but not in environment.yml"
        assert found == spec.replace(" ", ""), f"{name}: environment.yml says {found}, pyproject.toml says {spec}"


def test_environment_has_nothing_pyproject_lacks():
    conda, pip = _env_specs()
    declared = {_name(s) for s in PYPROJECT["project"]["dependencies"]}
    extra = set(conda) - declared - {"python", "pip"}
    extra |= {_name(s) for s in pip if not s.startswith("-")} - declared
    assert not extra, f"environment.yml names packages pyproject.toml does not: {sorted(extra)}"


def test_environment_installs_the_project_itself_with_test_tools():
    _, pip = _env_specs()
    assert "-e .[test]" in pip


def test_environment_python_matches_requires_python():
    conda, _ = _env_specs()
    minimum = PYPROJECT["project"]["requires-python"].removeprefix(">=")
    assert conda["python"] == f"python={minimum}"


# --------------------------------------------------------------------------- the wheel
@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from the checkout (``pip wheel . --no-deps``)."""
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(out), "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (path,) = out.glob("*.whl")
    return path


def bundled(wheel: Path, folder: str) -> dict[str, bytes]:
    """The files the wheel carries in ``comparison/_bundled/<folder>/``, by name."""
    prefix = f"comparison/_bundled/{folder}/"
    with zipfile.ZipFile(wheel) as archive:
        return {name.removeprefix(prefix): archive.read(name) for name in archive.namelist() if name.startswith(prefix)}


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["data", "notebooks"])
def test_wheel_bundles_the_data_and_notebooks_unchanged(wheel, folder):
    assert bundled(wheel, folder) == {p.name: p.read_bytes() for p in (ROOT / folder).iterdir() if p.is_file()}


@pytest.mark.slow
def test_wheel_bundles_the_datapackage_and_every_table(wheel):
    names = set(bundled(wheel, "data"))
    descriptor = yaml.safe_load((ROOT / "data" / "datapackage.yaml").read_text(encoding="utf-8"))
    assert {"datapackage.yaml"} | {res["path"] for res in descriptor["resources"]} <= names


@pytest.mark.slow
def test_installed_wheel_validates_its_bundled_data_from_anywhere(wheel, tmp_path):
    target, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel), "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "COMPARISON_SOURCES": "", "COMPARISON_REQUIRE_SOURCES": ""}
    done = subprocess.run([sys.executable, "-m", "comparison", "validate"], cwd=elsewhere, env=env, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert f"Data: {target / 'comparison' / '_bundled' / 'data'}\n" in done.stdout
    assert "OK:" in done.stdout


# --------------------------------------------------------------------------- a fresh environment
POLICY = "到2025年，全市养老机构护理型床位占比达到55%以上，每千名老年人拥有养老床位40张。\n"


@pytest.mark.slow
def test_pip_install_without_extras_gives_a_working_command_line(wheel, tmp_path):
    """``pip install`` of the wheel, with its declared dependencies only, into a fresh virtual environment;
    then validate, export and extract from an empty folder with an empty cache folder."""
    venv = tmp_path / "venv"
    done = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True).stdout.lower()
    for extra in ("frictionless", "pytest", "hypothesis", "playwright", "jupyterlab"):
        assert f"\n{extra}==" not in f"\n{listed}", f"{extra} (an extra) was installed"

    empty, cache, home = tmp_path / "empty", tmp_path / "cache", tmp_path / "home"
    for folder in (empty, cache, home):
        folder.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CACHE_HOME": str(cache),
        "MPLCONFIGDIR": str(cache / "matplotlib"),
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
    }

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(python), "-m", "comparison", *args], cwd=empty, env=env, capture_output=True, text=True, encoding="utf-8")

    done = run("validate")
    assert done.returncode == 0, done.stderr
    assert "OK:" in done.stdout and "Traceback" not in done.stderr
    done = run("export", "-o", "comparison.xlsx", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert (empty / "comparison.xlsx").stat().st_size > 0
    (empty / "policy.txt").write_text(POLICY, encoding="utf-8")
    done = run("extract", "policy.txt", "--source-id", "sample-2024", "-o", "candidates.csv")
    assert done.returncode == 0, done.stderr
    assert "55" in (empty / "candidates.csv").read_text(encoding="utf-8")
    # The console script works too.
    script = venv / ("Scripts" if os.name == "nt" else "bin") / "elderly-care-targets"
    done = subprocess.run([str(script), "--version"], cwd=empty, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("elderly-care-targets ")
    done = subprocess.run([str(script), "export", "-o", "x.xlsx", "--cities", "北京"], cwd=empty, env=env, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode != 0 and done.stderr.startswith("elderly-care-targets export: unknown city"), done.stderr  # messages name the command typed


def test_make_lab_takes_a_port_and_no_browser_and_allows_root():
    """``make -n lab`` shows the JupyterLab command: PORT= and BROWSER=no reach it, and root gets --allow-root."""
    make = subprocess.run(["make", "-n", "-W", "pyproject.toml", "--no-print-directory", "lab", "PORT=9876", "BROWSER=no", "VENV=.venv-none"], cwd=ROOT, capture_output=True, text=True)
    if make.returncode != 0 and "No such file" in make.stderr:
        pytest.skip("make is not installed")
    command = [line for line in make.stdout.splitlines() if "jupyter lab" in line]
    assert command, make.stdout
    assert "--port=9876" in command[-1] and "--no-browser" in command[-1]
    assert ("--allow-root" in command[-1]) == (os.geteuid() == 0)
    default = subprocess.run(["make", "-n", "-W", "pyproject.toml", "lab", "VENV=.venv-none"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "--no-browser" not in default


def test_makefile_and_paths_find_the_corpus_by_the_same_rule(tmp_path, monkeypatch):
    """Without $COMPARISON_SOURCES both look for ../shared/seeds beside the project root."""
    from comparison import paths

    assert paths.BESIDE_PROJECT.as_posix() == "../shared/seeds"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "ifeq ($(origin COMPARISON_SOURCES),undefined)" in makefile and "$(wildcard ../shared/seeds/.)" in makefile and "export COMPARISON_SOURCES := $(abspath ../shared/seeds)" in makefile
    monkeypatch.setenv(paths.SOURCES_ENV, str(tmp_path))
    assert paths.default_sources_dir() == tmp_path
    monkeypatch.delenv(paths.SOURCES_ENV)
    beside = (ROOT / ".." / "shared" / "seeds").resolve()
    assert paths.default_sources_dir() == (beside if beside.is_dir() else None)
    monkeypatch.setenv(paths.SOURCES_ENV, "")
    assert paths.default_sources_dir() is None  # set but empty: no corpus
