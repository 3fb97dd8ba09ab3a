"""Benchmark of ``python -m comparison export``: real data against bare imports, and a synthetic corpus at scale.

Prints, without asserting:

1. the real-data export as a whole process (median of several runs after a
   warm-up, so the dataset cache holds the checked data) against a process
   that only imports pandas, openpyxl and opencc, and their ratio
   (target: at most 1.3×), in wall time and in CPU time (which other load
   on the machine disturbs less); and, as a floor, a process that imports
   the same and writes as many styled cells over as many sheets through
   openpyxl's public API, reading no data;
2. the export of a synthetic corpus the size of a national corpus
   (1,300 jurisdictions × 100 targets = 130,000 targets by default; see
   ``synthetic.py``): wall time and the child's peak memory (``ru_maxrss``),
   for the first run (which checks the data) and a warm one (targets: under
   60 s and under 2 GB).

Child processes use a temporary cache folder (``XDG_CACHE_HOME``), so the
user's cache is left alone. The package is byte-compiled first, as
installing it from a wheel does (``make setup`` does the same). Run ``python benchmarks/bench_export.py --help``.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from synthetic import make_corpus

ROOT = Path(__file__).resolve().parents[1]
IMPORTS_ONLY = "import pandas, openpyxl, opencc"


@dataclass(frozen=True)
class Run:
    """One child process: wall time and CPU time (user + system) in seconds, peak resident memory in bytes."""

    wall: float
    cpu: float
    peak: int


def run_child(args: list[str], env: dict[str, str]) -> Run:
    """Run ``python ARGS`` from the project root and measure it (its own rusage, not that of other children)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"python {' '.join(args)} failed ({proc.returncode}):\n{errors.read().decode('utf-8', 'replace')}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)  # Linux reports kilobytes


def medians(args: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall and CPU time of ``runs`` runs after one warm-up run."""
    run_child(args, env)
    measured = [run_child(args, env) for _ in range(runs)]
    return statistics.median(r.wall for r in measured), statistics.median(r.cpu for r in measured)


#: A process that imports what the export imports, then writes ``cells`` text cells, each with a named style, over
#: ``sheets`` sheets through openpyxl's public write-only API, and saves them: no data is read, nothing is computed.
#: It measures what openpyxl alone costs for a workbook of the real export's size.
OPENPYXL_ONLY = """
import sys
import pandas, openpyxl, opencc
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle

cells, sheets, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
wb = Workbook(write_only=True)
wb.add_named_style(NamedStyle("text", font=Font(name="Microsoft YaHei", size=10), alignment=Alignment(wrap_text=True, vertical="top")))
per_sheet, width = -(-cells // sheets), 20
for s in range(sheets):
    ws = wb.create_sheet(f"sheet{s}")
    for start in range(0, per_sheet, width):
        row = []
        for c in range(start, min(start + width, per_sheet)):
            cell = WriteOnlyCell(ws, value=f"文本 {s} {c}")
            cell.style = "text"
            row.append(cell)
        ws.append(row)
wb.save(path)
"""


def workbook_size(path: Path) -> tuple[int, int]:
    """How many cells and sheets the workbook at ``path`` has (cells as written in its sheets' XML)."""
    with zipfile.ZipFile(path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        return sum(archive.read(name).count(b"<c ") for name in sheets), len(sheets)


def bench_real(env: dict[str, str], out: Path, runs: int) -> None:
    export = medians(["-m", "comparison", "export", "-o", str(out / "real.xlsx")], env, runs)
    imports = medians(["-c", IMPORTS_ONLY], env, runs)
    cells, sheets = workbook_size(out / "real.xlsx")
    floor = medians(["-c", OPENPYXL_ONLY, str(cells), str(sheets), str(out / "floor.xlsx")], env, runs)
    print(f"Real data, median of {runs} runs after a warm-up (wall / CPU):")
    rows = (
        ("export process", export),
        ("process importing pandas, openpyxl, opencc", imports),
        (f"same imports + {cells:,} styled cells, {sheets} sheets", floor),
    )
    for label, (wall, cpu) in rows:
        print(f"  {label + ':':44s} {wall:5.2f} s / {cpu:5.2f} s  ({wall / imports[0]:4.2f}x / {cpu / imports[1]:4.2f}x of imports)")
    print(f"  {'ratio export / imports:':44s} {export[0] / imports[0]:5.2f}x  / {export[1] / imports[1]:5.2f}x  (target <= 1.3x)")
    print("  The third line is openpyxl alone writing a workbook of the export's size (no data read, nothing computed):")
    print("  no export of this workbook through openpyxl can be faster than it.")


def bench_synthetic(env: dict[str, str], out: Path, n_jurisdictions: int, n_targets: int) -> None:
    start = time.perf_counter()
    data_dir, _ = make_corpus(out / "corpus", n_jurisdictions, n_targets)
    made = time.perf_counter() - start
    print(f"Synthetic corpus {n_jurisdictions:,} × {n_targets:,} = {n_jurisdictions * n_targets:,} targets (generated in {made:.1f} s):")
    args = ["-m", "comparison", "export", "--data", str(data_dir), "-o", str(out / "synthetic.xlsx")]
    for label in ("first run (checks the data)", "warm run (checked data cached)"):
        run = run_child(args, env)
        print(f"  export, {label + ':':32s} {run.wall:6.1f} s (CPU {run.cpu:6.1f} s), peak memory {run.peak / 2**30:4.2f} GB  (targets < 60 s, < 2 GB)")
    size = (out / "synthetic.xlsx").stat().st_size
    print(f"  workbook size {size / 2**20:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of the real-data export (default: 7)")
    parser.add_argument("--jurisdictions", type=int, default=1300, help="synthetic jurisdictions (default: 1300)")
    parser.add_argument("--targets", type=int, default=100, help="synthetic targets per source (default: 100)")
    parser.add_argument("--skip-synthetic", action="store_true", help="only the real-data comparison")
    args = parser.parse_args(argv)
    # Byte-compile the package first, as installing a wheel does: where PYTHONDONTWRITEBYTECODE is set,
    # every run would otherwise compile the package's modules again.
    compileall.compile_dir(ROOT / "comparison", quiet=1)
    with tempfile.TemporaryDirectory(prefix="bench_export.") as tmp:
        out = Path(tmp)
        env = {**os.environ, "XDG_CACHE_HOME": str(out / "cache"), "PYTHONIOENCODING": "utf-8"}
        bench_real(env, out, args.runs)
        if not args.skip_synthetic:
            bench_synthetic(env, out, args.jurisdictions, args.targets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
