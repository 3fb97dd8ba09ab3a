"""Reading one large CSV table: the quick reading, the row-by-row reading, and the collector pause.

``comparison.tables.read_table`` reads a plain file with pandas' C parser
(:mod:`comparison.csvfast`) and any other file row by row, with the cyclic
garbage collector paused (:func:`comparison.tables.gc_paused`). This prints,
for the targets table of a synthetic corpus (:mod:`synthetic`), the median
time of ``read_table`` (reading, typing and checking the one table):

1. the plain file, read quickly;
2. the same rows with one blank line added at the end, which sends the
   file down the row-by-row path (the blank line is reported as a note);
3. the same as 2 with the pause switched off.

Line 3 against line 2 is the pause's gain; it is kept only because this
benchmark shows one. Nothing is asserted.

Usage: python benchmarks/bench_read.py [--size 3000x100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_corpus  # noqa: E402


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        gc.collect()  # the cycles made while paused are collected on the clock
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextlib.contextmanager
def _no_pause():
    yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="3000x100", help="synthetic corpus, jurisdictions x targets per source (default: 300,000 targets)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from comparison import tables

    j, t = map(int, args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        plain, _ = make_corpus(Path(tmp) / "plain", j, t)
        quirky = Path(tmp) / "quirky"
        shutil.copytree(plain, quirky)
        with open(quirky / "targets.csv", "a", encoding="utf-8", newline="") as fh:
            fh.write("\n")

        def read(folder: Path, row_by_row: bool) -> None:
            frame, problems = tables.read_table(folder, "targets")
            if frame is None or any(p.severity == "error" for p in problems):
                raise SystemExit(f"the synthetic targets table did not read cleanly: {problems[:3]}")
            if any("blank" in p.message for p in problems) != row_by_row:  # only the row-by-row reading notes the blank line
                raise SystemExit(f"the {'quirky' if row_by_row else 'plain'} file was not read as this benchmark expects: {problems[:3]}")

        quick = _median_seconds(lambda: read(plain, False), args.repeat)
        careful = _median_seconds(lambda: read(quirky, True), args.repeat)
        paused = tables.gc_paused
        tables.gc_paused = _no_pause
        try:
            unpaused = _median_seconds(lambda: read(quirky, True), args.repeat)
        finally:
            tables.gc_paused = paused
    print(f"targets.csv of {j * t:,} targets, median of {args.repeat} reads (read, typed and checked):")
    print(f"  plain file, quick reading:                   {quick:6.2f} s")
    print(f"  one blank line added, row by row, paused:    {careful:6.2f} s")
    print(f"  the same without the collector pause:        {unpaused:6.2f} s  (pause gains {unpaused - careful:+.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
