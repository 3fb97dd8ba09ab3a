"""Benchmark of the whole report: ``python -m comparison build`` as a user runs it.

Prints, without asserting, the wall-clock time of a complete build (three
workbooks, every figure in three languages, the tables, every notebook
executed in each site edition and rendered into the static site) in a fresh
process, for a cold dataset cache and a warm one; then the time of executing
each notebook in each edition (zh-Hans, en) one after another, which is what
the notebook tests cost. Goal: the whole report in under a minute and a half
on the project's machine (two cores).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_once(out: Path, cache: Path) -> tuple[float, list[str]]:
    """Run one complete build into ``out``; returns its wall time and output lines."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONIOENCODING": "utf-8"}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "comparison", "build", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds, proc.stdout.splitlines()


def time_notebooks() -> list[tuple[str, str, float]]:
    """Execute every notebook in every site edition, one at a time; returns (notebook, edition, seconds)."""
    import nbformat

    sys.path.insert(0, str(ROOT))
    from comparison.build import execute_notebook, notebook_paths
    from comparison.site import EDITIONS
    from comparison.site.notebooks import edition

    times = []
    for path in notebook_paths(ROOT / "notebooks"):
        nb = nbformat.read(path, as_version=4)
        for lang in EDITIONS:
            start = time.perf_counter()
            execute_notebook(edition(nb, lang), path.parent)
            times.append((path.stem, lang, time.perf_counter() - start))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=2, help="warm builds after the cold one (default 2)")
    parser.add_argument("--notebooks-only", action="store_true", help="only time the notebooks in each edition")
    args = parser.parse_args()
    if not args.notebooks_only:
        whole_report(args.runs)
    times = time_notebooks()
    print(f"Notebooks executed one at a time, {len(times)} runs (every notebook in each edition):")
    for stem, lang, seconds in times:
        print(f"  {stem:32s} {lang:8s} {seconds:5.1f} s")
    print(f"  total {sum(t for *_, t in times):.1f} s (the build runs two at a time)")


def whole_report(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cold, lines = build_once(tmp / "cold", tmp / "cache")
        warm = [build_once(tmp / f"warm{i}", tmp / "cache")[0] for i in range(runs)]
    print(f"Whole report (python -m comparison build), {len(lines) - 1} steps:")
    print(f"  cold dataset cache: {cold:6.1f} s")
    for i, seconds in enumerate(warm, 1):
        print(f"  warm run {i}:         {seconds:6.1f} s")
    best = min([cold, *warm])
    print(f"goal: under 90 s -> {'met' if max([cold, *warm]) < 90 else 'NOT met'} (fastest {best:.1f} s, slowest {max([cold, *warm]):.1f} s)")
    print(f"last line of the build: {lines[-1]}")


if __name__ == "__main__":
    main()
