"""Scale benchmark: validate, load + align and export on synthetic corpora of growing size.

For each size (jurisdictions × targets per source) it writes a synthetic
corpus with :func:`synthetic.make_corpus` (kept under ``--out`` and reused on
the next run), then times three steps, each in a fresh Python process as a
user would run them:

* ``validate`` — ``python -m comparison validate --data D --sources S`` (every
  check, quotes against the source texts);
* ``align`` — ``load_dataset(D, cache=False)``, then ``targets_long``,
  ``comparison_table`` and ``coverage_long``;
* ``validate+align`` — the user flow in one process: ``validate(D, S)``, then
  ``targets_long``, ``comparison_table`` (given that long table) and
  ``coverage_long`` on the Dataset the report carries, so nothing is read twice;
* ``export`` — ``python -m comparison export --data D -o X.xlsx`` (with an
  empty cache folder, so the data are checked, not taken from the cache),
  only up to :data:`EXPORT_MAX_TARGETS` targets: the workbook is for corpora
  up to the size of a national one (about 130,000 targets); no reader opens
  a sheet of 300,000 rows.

It prints the wall time and peak memory (``ru_maxrss`` of the child) of each
step, the time per target, and that time relative to the smallest size:
linear growth keeps the ratio near 1. The goal is validate + align at
300,000 targets within 10 s and 2 GB, as a user runs them (one process that
validates, then aligns what it validated); the last lines say whether it is
met. Nothing is asserted: timings depend on the
machine (and on what else runs on it).

Usage: python benchmarks/bench_scale.py [--sizes 300x100,1300x100,3000x100] [--out DIR] [--steps validate,align,validate+align,export]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_corpus  # noqa: E402

DEFAULT_SIZES = "300x100,1300x100,3000x100"
#: The largest corpus the export step is timed on (a national corpus).
EXPORT_MAX_TARGETS = 130_000
STEPS = ("validate", "align", "validate+align", "export")
GOAL_SECONDS = 10.0
GOAL_BYTES = 2 * 1024**3

#: The user flow "validate, then align what was validated" in one process: the checked Dataset is reused.
VALIDATE_ALIGN_SCRIPT = """
import sys
from comparison.align import comparison_table, coverage_long, targets_long
from comparison.validate import validate

report = validate(sys.argv[1], sys.argv[2])
assert report.ok, report.errors[:5]
ds = report.dataset
long = targets_long(ds)
comparison_table(ds, long=long)
coverage_long(ds)
"""

ALIGN_SCRIPT = """
import sys
from comparison.align import comparison_table, coverage_long, targets_long
from comparison.dataset import load_dataset

ds = load_dataset(sys.argv[1], cache=False)
targets_long(ds)
comparison_table(ds)
coverage_long(ds)
"""


@dataclass(frozen=True)
class Size:
    jurisdictions: int
    targets_per_source: int

    @property
    def targets(self) -> int:
        return self.jurisdictions * self.targets_per_source

    def __str__(self) -> str:
        return f"{self.jurisdictions}x{self.targets_per_source}"


@dataclass(frozen=True)
class Timing:
    seconds: float
    peak_bytes: int
    cpu: float = 0.0  # user + system seconds of the child: less disturbed than wall time by other load on the machine


def parse_sizes(text: str) -> list[Size]:
    sizes = []
    for part in text.split(","):
        j, _, t = part.strip().partition("x")
        sizes.append(Size(int(j), int(t)))
    return sizes


def corpus(out: Path, size: Size) -> tuple[Path, Path]:
    """The synthetic corpus of ``size`` under ``out``, written on first use."""
    folder = out / str(size)
    done = folder / ".complete"
    if not done.exists():
        make_corpus(folder, size.jurisdictions, size.targets_per_source, seed=0)
        done.touch()
    return folder / "data", folder / "sources"


def run_child(args: list[str], env: dict[str, str]) -> Timing:
    """Run ``python ARGS`` in a fresh process: its wall time and peak resident memory (``ru_maxrss``)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, which also gives its rusage
        if child.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"python {' '.join(args)} failed with exit code {child.returncode}:\n{err.read().decode(errors='replace')}")
    return Timing(seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime)  # Linux reports kilobytes


def step_args(step: str, data: Path, sources: Path, scratch: Path) -> list[str]:
    if step == "validate":
        return ["-m", "comparison", "validate", "--data", str(data), "--sources", str(sources)]
    if step == "align":
        return ["-c", ALIGN_SCRIPT, str(data)]
    if step == "validate+align":
        return ["-c", VALIDATE_ALIGN_SCRIPT, str(data), str(sources)]
    return ["-m", "comparison", "export", "--data", str(data), "-o", str(scratch / "comparison.xlsx")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"jurisdictions x targets per source, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "scale", help="folder for the corpora (reused)")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"steps to time (default {','.join(STEPS)})")
    args = parser.parse_args(argv)
    sizes = parse_sizes(args.sizes)
    steps = [s.strip() for s in args.steps.split(",")]
    if unknown := set(steps) - set(STEPS):
        parser.error(f"unknown step(s) {', '.join(sorted(unknown))}: choose from {', '.join(STEPS)}")

    results: dict[tuple[Size, str], Timing] = {}
    print(f"{'size':>10} {'targets':>9} {'step':>14} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'µs/target':>10}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        env = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache"), "PYTHONPATH": str(ROOT)}
        for size in sizes:
            data, sources = corpus(args.out, size)
            for step in steps:
                if step == "export" and size.targets > EXPORT_MAX_TARGETS:
                    print(f"{str(size):>10} {size.targets:>9,} {step:>14}   (not timed: above {EXPORT_MAX_TARGETS:,} targets)", flush=True)
                    continue
                timing = run_child(step_args(step, data, sources, scratch), env)
                results[size, step] = timing
                print(
                    f"{str(size):>10} {size.targets:>9,} {step:>14} {timing.seconds:>8.2f} {timing.cpu:>8.2f} {timing.peak_bytes / 2**20:>8.0f} "
                    f"{timing.seconds / size.targets * 1e6:>10.1f}",
                    flush=True,
                )

    smallest = sizes[0]
    print("\ntime per target relative to the smallest size (linear growth ⇒ about 1; start-up time makes small sizes dearer):")
    for step in steps:
        timed = [size for size in sizes if (size, step) in results]
        base = results[smallest, step].seconds / smallest.targets
        ratios = "  ".join(f"{size}: {results[size, step].seconds / size.targets / base:.2f}" for size in timed)
        print(f"  {step:>14}  {ratios}")
    if len(sizes) > 1:
        print("marginal µs per added target between consecutive sizes (start-up excluded; linear growth ⇒ about equal):")
        for step in steps:
            timed = [size for size in sizes if (size, step) in results]
            marginal = [
                (results[b, step].seconds - results[a, step].seconds) / (b.targets - a.targets) * 1e6 for a, b in zip(timed, timed[1:])
            ]
            print(f"  {step:>14}  " + "  ".join(f"{a}→{b}: {m:.1f}" for (a, b), m in zip(zip(timed, timed[1:]), marginal)))

    largest = sizes[-1]
    goal = f"{GOAL_SECONDS:.0f} s and {GOAL_BYTES / 2**30:.0f} GB"
    if "validate+align" in steps:
        both = results[largest, "validate+align"]
        print(
            f"\ngoal: validate + align at {largest.targets:,} targets within {goal}, as a user runs it "
            f"(validate, then align the validated data, in one process):\n"
            f"  {both.seconds:.1f} s (CPU {both.cpu:.1f} s) -> {'met' if both.seconds < GOAL_SECONDS else 'NOT met'}; "
            f"peak memory {both.peak_bytes / 2**20:.0f} MB -> {'met' if both.peak_bytes < GOAL_BYTES else 'NOT met'}"
        )
    if {"validate", "align"} <= set(steps):
        timings = [results[largest, "validate"], results[largest, "align"]]
        print(
            f"for comparison, each step as a process of its own (each reads and checks the data): "
            f"validate {timings[0].seconds:.1f} s, align {timings[1].seconds:.1f} s, "
            f"{sum(t.seconds for t in timings):.1f} s in all"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
