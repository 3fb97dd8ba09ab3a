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
