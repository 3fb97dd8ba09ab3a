"""Is the dataset cache worth keeping? Load times with and without it.

For the project's data and for synthetic corpora (:mod:`synthetic`), prints the
median of several ``load_dataset`` calls in this process: checked
(``cache=False``), and from a warm cache (the key is computed, which reads
every file, and the pickle is loaded). The cache lives in a temporary folder
(``XDG_CACHE_HOME``), so the user's is not touched. Nothing is asserted.

Usage: python benchmarks/bench_cache.py [--sizes 30x10,300x100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import DATA, make_corpus  # noqa: E402


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30x10,300x100", help="synthetic corpora, jurisdictions x targets per source")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        from comparison.dataset import load_dataset

        corpora = [("project data", DATA)]
        for size in filter(None, args.sizes.split(",")):
            j, t = map(int, size.split("x"))
            data_dir, _ = make_corpus(Path(tmp) / size, j, t)
            corpora.append((f"synthetic {size}", data_dir))
        print(f"{'data':<22}{'targets':>9}{'checked s':>11}{'cached s':>10}{'speed-up':>10}")
        for name, data_dir in corpora:
            ds = load_dataset(data_dir)  # fills the cache
            checked = _median_seconds(lambda folder=data_dir: load_dataset(folder, cache=False), args.repeat)
            cached = _median_seconds(lambda folder=data_dir: load_dataset(folder), args.repeat)
            print(f"{name:<22}{len(ds.targets):>9}{checked:>11.3f}{cached:>10.3f}{checked / cached:>9.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
