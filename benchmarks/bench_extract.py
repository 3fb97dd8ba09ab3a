"""Benchmark of the candidate-target extractor against the curated targets.

Runs ``comparison.extract.extract_candidates`` over every document of
``data/sources.csv`` (texts from $COMPARISON_SOURCES, default ../shared/seeds
beside the project) and prints, per document and overall: curated targets,
candidates, matches, recall, precision and throughput.

A candidate matches a curated target when their quotes overlap in the source
text (positions in the whitespace-free, NFKC and Traditional→Simplified form
of the text, :func:`comparison.script.match_key`) and their values agree.
Recall is the share of curated targets matched by some candidate; precision
the share of candidates that match some curated target. Throughput is
characters of text per second of extraction, file reading excluded, over
enough repetitions to take at least ``--seconds`` per document; it is given
per wall-clock second and per second of the process's CPU time (the latter
is not changed by other load on a shared machine).

Usage: python benchmarks/bench_extract.py [--seconds S] [--details]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from comparison.extract import extract_candidates, load_codebook  # noqa: E402
from comparison.policy_text import read_policy_text  # noqa: E402
from comparison.script import match_key  # noqa: E402


def corpus_dir() -> Path:
    """$COMPARISON_SOURCES, else ../shared/seeds relative to the project root."""
    value = os.environ.get("COMPARISON_SOURCES", "").strip()
    return Path(value) if value else ROOT.parent / "shared" / "seeds"


def spans(quote: str, text_key: str) -> list[tuple[int, int]]:
    """Every place where ``quote`` occurs in the match key of its text."""
    key = match_key(quote)
    found = []
    start = text_key.find(key) if key else -1
    while start >= 0:
        found.append((start, start + len(key)))
        start = text_key.find(key, start + 1)
    return found


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match(curated: pd.DataFrame, candidates: pd.DataFrame, text: str) -> tuple[set[int], set[int], list[tuple[int, int]]]:
    """Matched curated rows, matched candidate rows and the matching pairs (by position in each frame)."""
    text_key = match_key(text)
    cur_spans = [spans(q, text_key) for q in curated["quote"].astype(str)]
    cand_spans = [spans(q, text_key) for q in candidates["quote"].astype(str)]
    pairs = [
        (i, j)
        for i, (cv, cs) in enumerate(zip(curated["value"].astype(float), cur_spans))
        for j, (kv, ks) in enumerate(zip(candidates["value"].astype(float), cand_spans))
        if math.isclose(cv, kv, rel_tol=1e-9, abs_tol=1e-9) and overlap(cs, ks)
    ]
    return {i for i, _ in pairs}, {j for _, j in pairs}, pairs


def same_indicator(curated: pd.DataFrame, candidates: pd.DataFrame, pairs: list[tuple[int, int]]) -> int:
    """How many matching pairs suggest the curated topic (both empty counts as the same)."""
    def indicator(frame: pd.DataFrame, row: int) -> str:
        value = frame.at[row, "topic_id"]
        return "" if pd.isna(value) else str(value)

    return sum(indicator(curated, i) == indicator(candidates, j) for i, j in pairs)


def timing(text: str, source_id: str, codebook, seconds: float) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one ``extract_candidates`` call on ``text``, averaged over repeated runs."""
    runs, wall, cpu = 0, 0.0, 0.0
    while wall < seconds or runs < 3:
        start, start_cpu = time.perf_counter(), time.process_time()
        extract_candidates(text, source_id=source_id, codebook=codebook)
        wall += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        runs += 1
    return wall / runs, cpu / runs


@dataclass
class Figures:
    """Counts for one document or for all of them."""

    chars: int = 0
    curated: int = 0
    candidates: int = 0
    matched: int = 0
    candidates_matched: int = 0
    pairs: int = 0
    same_indicator: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def add(self, other: Figures) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        def share(part: float, whole: float) -> float:
            return part / whole if whole else float("nan")

        return (
            f"{name:<16}{self.chars:>7}{self.curated:>9}{self.candidates:>7}{self.matched:>9}"
            f"{share(self.matched, self.curated):>8.1%}{share(self.candidates_matched, self.candidates):>11.1%}"
            f"{share(self.same_indicator, self.pairs):>11.1%}{share(self.chars, self.seconds):>12,.0f}"
            f"{share(self.chars, self.cpu_seconds):>12,.0f}"
        )


HEADER = (
    f"{'source':<16}{'chars':>7}{'curated':>9}{'cands':>7}{'matched':>9}{'recall':>8}{'precision':>11}{'indicator':>11}"
    f"{'chars/s':>12}{'cpu chars/s':>12}"
)


def evaluate(source_id: str, text: str, curated: pd.DataFrame, codebook, seconds: float) -> tuple[Figures, list[str]]:
    """The figures of one document, and lines naming its missed targets and unmatched candidates."""
    candidates = extract_candidates(text, source_id=source_id, codebook=codebook)
    curated_hit, candidates_hit, pairs = match(curated, candidates, text)
    wall, cpu = timing(text, source_id, codebook, seconds)
    figures = Figures(
        chars=len(text),
        curated=len(curated),
        candidates=len(candidates),
        matched=len(curated_hit),
        candidates_matched=len(candidates_hit),
        pairs=len(pairs),
        same_indicator=same_indicator(curated, candidates, pairs),
        seconds=wall,
        cpu_seconds=cpu,
    )
    details = [
        f"  missed   {curated.at[i, 'target_id']}: {curated.at[i, 'value']:g} «{curated.at[i, 'quote']}»"
        for i in range(len(curated)) if i not in curated_hit
    ] + [
        f"  no match {candidates.at[j, 'target_id']}: {candidates.at[j, 'value']:g} «{candidates.at[j, 'quote']}» ({candidates.at[j, 'reason']})"
        for j in range(len(candidates)) if j not in candidates_hit
    ]
    return figures, details


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time spent timing each document (default: 1)")
    parser.add_argument("--details", action="store_true", help="list the curated targets missed and the candidates that match none")
    args = parser.parse_args()

    corpus = corpus_dir()
    if not corpus.is_dir():
        print(f"no corpus at {corpus}; set COMPARISON_SOURCES", file=sys.stderr)
        return 1
    sources = pd.read_csv(ROOT / "data" / "sources.csv", dtype=str)
    targets = pd.read_csv(ROOT / "data" / "targets.csv", dtype={"quote": str})
    # The extractor suggests a topic: compare it with the topic of each curated target's measure.
    measures = pd.read_csv(ROOT / "data" / "measures.csv", dtype=str)
    targets["topic_id"] = targets["measure_id"].map(dict(zip(measures["measure_id"], measures["topic_id"])))
    codebook = load_codebook()

    print(HEADER)
    print("-" * len(HEADER))
    overall, details = Figures(), []
    for _, src in sources.iterrows():
        text = read_policy_text(corpus / src["text_file"])
        curated = targets[targets["source_id"] == src["source_id"]].reset_index(drop=True)
        figures, lines = evaluate(src["source_id"], text, curated, codebook, args.seconds)
        print(figures.row(src["source_id"]))
        overall.add(figures)
        details += lines
    print("-" * len(HEADER))
    print(overall.row("overall"))
    print("\nrecall = curated targets matched / curated; precision = candidates matching a curated target / candidates;")
    print("indicator = matching pairs whose suggested indicator is the curated one (both empty counts as the same).")
    print("chars/s = characters per wall-clock second of extraction (file reading excluded); cpu chars/s = per second")
    print("of this process's CPU time, which other load on the machine does not change.")
    print("goals: recall >= 95%, precision >= 85%, throughput >= 1,000,000 chars/s")
    if args.details and details:
        print("\n" + "\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
