"""Benchmark of the candidate-target extractor: recall and precision per genre, and throughput.

Two genres are scored:

* ``seeds``: every document of ``data/sources.csv`` (texts from
  $COMPARISON_SOURCES, default ``../shared/seeds`` beside the project) against
  the curated ``data/targets.csv``;
* ``regulations``: the labelled provincial and municipal regulations (texts
  from $COMPARISON_CORPUS_DEV, default ``../shared/corpus-dev``) against
  ``tests/data/corpus_dev_labels/labels.csv``, in two groups: the texts the
  rules were developed on, and those held out while developing
  (``texts.csv`` says which).

Scoring (:mod:`comparison.extract.scoring`):

* a candidate *matches* a labelled fact when their values are equal and their
  quotes overlap in the text, both looked up in its whitespace-free, NFKC and
  Traditional→Simplified form (:func:`comparison.script.match_key`);
* *recall* = targets and standards matched by some candidate / targets and
  standards; parameters (ages, amounts, time limits …) are reported apart as
  *param recall*;
* *precision* = candidates that match some fact (of any kind) / all proposed
  candidates;
* *topic* (seeds only) = matching pairs whose suggested topic is the topic of
  the curated target's measure (both empty counts as the same);
* *kind* = matching pairs whose kind (target, standard, parameter) is the
  labelled one.

Throughput is characters of text per second of extraction, file reading
excluded, over enough repetitions to take at least ``--seconds`` per document;
it is given per wall-clock second and per second of the process's CPU time
(the latter is not changed by other load on a shared machine).

Usage: python benchmarks/bench_extract.py [--seconds S] [--details]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from comparison.extract import (  # noqa: E402
    default_source_id,
    extract_candidates,
    load_codebook,
    source_id_pattern,
)
from comparison.extract.codebook import suggestion_column  # noqa: E402
from comparison.extract.scoring import Score, matching_pairs, score  # noqa: E402
from comparison.policy_text import read_policy_text  # noqa: E402

LABELS = ROOT / "tests" / "data" / "corpus_dev_labels" / "labels.csv"
#: The labelled texts (also those without any fact), their SHA-256 and whether they were held out while developing.
TEXTS = LABELS.with_name("texts.csv")


def folder(variable: str, beside: str) -> Path:
    """$``variable``, else ``../shared/<beside>`` relative to the project root."""
    value = os.environ.get(variable, "").strip()
    return Path(value) if value else ROOT.parent / "shared" / beside


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
    """The score and timing of one document or of several."""

    score: Score = field(default_factory=Score)
    chars: int = 0
    pairs: int = 0
    same_topic: int = 0
    all_pairs: int = 0
    same_kind: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def add(self, other: Figures) -> None:
        self.score.add(other.score)
        for name in ("chars", "pairs", "same_topic", "all_pairs", "same_kind", "seconds", "cpu_seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        def share(part: float, whole: float) -> str:
            return f"{part / whole:.1%}" if whole else "–"

        s = self.score
        return (
            f"{name:<44}{self.chars:>7}{s.facts:>6}{s.facts_found:>6}{share(s.facts_found, s.facts):>8}"
            f"{s.parameters:>7}{share(s.parameters_found, s.parameters):>8}{s.candidates:>7}"
            f"{share(s.candidates_matched, s.candidates):>10}{share(self.same_topic, self.pairs):>10}{share(self.same_kind, self.all_pairs):>7}"
            f"{self.chars / self.seconds if self.seconds else 0:>12,.0f}{self.chars / self.cpu_seconds if self.cpu_seconds else 0:>12,.0f}"
        )


HEADER = (
    f"{'document':<44}{'chars':>7}{'facts':>6}{'found':>6}{'recall':>8}{'params':>7}{'p.recall':>8}{'cands':>7}"
    f"{'precision':>10}{'topic':>10}{'kind':>7}{'chars/s':>12}{'cpu chars/s':>12}"
)


def evaluate(name: str, source_id: str, text: str, facts: pd.DataFrame, codebook, seconds: float) -> tuple[Figures, list[str]]:
    """The figures of one document, and lines naming its missed facts and unmatched candidates."""
    candidates = extract_candidates(text, source_id=source_id, codebook=codebook)
    s = score(facts, candidates, text)
    pairs = matching_pairs(facts, candidates, text)
    column = suggestion_column()  # topic_id: the codebook entry a candidate suggests
    compared = column in facts and column in candidates

    def entry(frame: pd.DataFrame, row: int) -> str:
        value = frame[column].iloc[row]
        return "" if pd.isna(value) else str(value)

    same = sum(entry(facts, i) == entry(candidates, j) for i, j in pairs) if compared else 0
    kinds = sum(str(facts["kind"].iloc[i]) == str(candidates["kind"].iloc[j]) for i, j in pairs)
    wall, cpu = timing(text, source_id, codebook, seconds)
    figures = Figures(s, len(text), len(pairs) if compared else 0, same, len(pairs), kinds, wall, cpu)
    details = [f"  {name}: missed   {m}" for m in s.missed] + [f"  {name}: no match {u}" for u in s.unmatched]
    for i, j in pairs:
        labelled, proposed = str(facts["kind"].iloc[i]), str(candidates["kind"].iloc[j])
        if labelled != proposed:
            details.append(f"  {name}: kind     {labelled} labelled, {proposed} proposed «{facts['quote'].iloc[i]}»")
        if compared and entry(facts, i) != entry(candidates, j):
            details.append(f"  {name}: topic    {entry(facts, i) or '–'} labelled, {entry(candidates, j) or '–'} proposed «{facts['quote'].iloc[i]}»")
    return figures, details


def genres(seeds: Path, dev: Path):
    """Each genre's name and its documents: (name, source id, text, facts)."""
    if seeds.is_dir():
        sources = pd.read_csv(ROOT / "data" / "sources.csv", dtype=str)
        targets = pd.read_csv(ROOT / "data" / "targets.csv", dtype={"quote": str})
        # The extractor suggests a topic: compare it with the topic of each curated target's measure.
        measures = pd.read_csv(ROOT / "data" / "measures.csv", dtype=str)
        targets["topic_id"] = targets["measure_id"].map(dict(zip(measures["measure_id"], measures["topic_id"])))
        docs = [
            (src["source_id"], src["source_id"], read_policy_text(seeds / src["text_file"]), targets[targets["source_id"] == src["source_id"]].reset_index(drop=True))
            for _, src in sources.iterrows()
        ]
        yield "seeds", docs
    else:
        print(f"(seeds skipped: no folder {seeds}; set COMPARISON_SOURCES)")
    if dev.is_dir():
        texts = pd.read_csv(TEXTS, dtype=str)
        labels = pd.read_csv(LABELS, dtype={"quote": str, "file": str}, keep_default_na=False)
        pattern = source_id_pattern()
        for genre, held_out in (("regulations", "false"), ("regulations, held out", "true")):
            docs = []
            for file in texts.loc[texts["held_out"] == held_out, "file"]:
                text = read_policy_text(dev / file)
                facts = labels[labels["file"] == file].reset_index(drop=True)
                docs.append((Path(file).stem, default_source_id(file, text, pattern), text, facts))
            yield genre, docs
    else:
        print(f"(regulations skipped: no folder {dev}; set COMPARISON_CORPUS_DEV)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time spent timing each document (default: 1)")
    parser.add_argument(
        "--details", action="store_true", help="list the facts missed, the candidates that match none, and matches that differ in kind or topic"
    )
    args = parser.parse_args()

    seeds, dev = folder("COMPARISON_SOURCES", "seeds"), folder("COMPARISON_CORPUS_DEV", "corpus-dev")
    codebook = load_codebook()
    overall, details = Figures(), []
    print(HEADER)
    for genre, docs in genres(seeds, dev):
        print("-" * len(HEADER))
        total = Figures()
        for name, source_id, text, facts in docs:
            figures, lines = evaluate(name, source_id, text, facts, codebook, args.seconds)
            print(figures.row(name))
            total.add(figures)
            details += lines
        print(total.row(f"{genre} ({len(docs)} documents)"))
        overall.add(total)
    print("-" * len(HEADER))
    print(overall.row("all texts"))
    print(
        "\nfacts = labelled targets and standards; recall = facts matched / facts; params = labelled parameters,\n"
        "p.recall = parameters matched / params; precision = candidates matching any labelled row / candidates;\n"
        "topic = matching pairs whose suggested topic is the topic of the curated target's measure (seeds only);\n"
        "kind = matching pairs whose kind (target, standard, parameter) is the labelled one.\n"
        "chars/s = characters per wall-clock second of extraction (file reading excluded); cpu chars/s = per second\n"
        "of this process's CPU time, which other load on the machine does not change.\n"
        "goals: seeds recall >= 99% and precision 100%; regulations recall >= 95% and precision >= 90%;\n"
        "throughput >= 1,000,000 chars/s"
    )
    if args.details and details:
        print("\n" + "\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
