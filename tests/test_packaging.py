"""Installation metadata: pyproject.toml is the single list of dependencies."""

from __future__ import annotations

import re
import tomllib

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
