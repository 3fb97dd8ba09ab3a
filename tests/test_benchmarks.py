"""The benchmarks run and print their figures (at a tiny size: timings are never asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_bench_read_measures_both_readings():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_read.py"), "--size", "20x10", "--repeat", "1"],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    figures = re.findall(r"^\s+(plain file|one blank line|the same without).*?(\d+\.\d\d) s", done.stdout, flags=re.M)
    assert [name for name, _ in figures] == ["plain file", "one blank line", "the same without"], done.stdout
    assert "targets.csv of 200 targets" in done.stdout
