"""Suggesting a topic of the codebook for each candidate from the keywords around it."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from comparison.extract.model import Candidate
from comparison.extract.patterns import MIN_TOPIC_SCORE, SENTENCE_LOOKBACK


@lru_cache(maxsize=8)
def _keyword_table(rows: tuple[tuple, ...]) -> tuple[re.Pattern, dict[str, tuple[str, int, str]]]:
    """A pattern matching every keyword (longest first) and, per keyword, its topic, weight and English name."""
    entries = {str(keyword): (str(topic), int(weight), str(name)) for topic, keyword, weight, name in rows}
    first = "".join(sorted({re.escape(k[0]) for k in entries if k}))  # what every keyword starts with: a fast scan
    alternatives = "|".join(re.escape(k) for k in sorted(entries, key=len, reverse=True))
    return re.compile(f"(?=[{first}])(?:{alternatives})" if first else alternatives), entries


def _hits(pattern: re.Pattern, text: str, spans: list[tuple[int, int]], longest: int) -> list[tuple[int, str]]:
    """The keywords of ``pattern`` that start inside one of ``spans`` (the text before and in each quote), with their
    positions, in reading order: only these parts of the text are scanned."""
    hits: list[tuple[int, str]] = []
    end = -1
    for start, stop in sorted(spans):
        start = max(start, end)
        if start >= stop:
            continue
        hits += ((m.start(), m.group()) for m in pattern.finditer(text, start, min(len(text), stop + longest - 1)) if m.start() < stop)
        end = max(end, stop)
    return hits


def suggest_topics(found: list[Candidate], codebook, doc) -> None:
    """Fill ``suggested_id`` and ``measure_en`` from the keywords of ``codebook`` (see :data:`MIN_TOPIC_SCORE`).

    ``codebook`` is a frame as returned by :func:`~comparison.extract.codebook.load_codebook`: the entry a keyword
    suggests in its first column, then ``keyword``, ``weight`` and ``name_en``.
    """
    if len(codebook) == 0:
        return
    columns = (codebook[name].tolist() for name in (codebook.columns[0], "keyword", "weight", "name_en"))
    pattern, entries = _keyword_table(tuple(zip(*columns)))
    looked_at = [(max(doc.sentence_span(c.pos)[0], c.quote_start - SENTENCE_LOOKBACK), c) for c in found]
    hits = _hits(pattern, doc.text, [(start, c.quote_end) for start, c in looked_at], max(map(len, entries), default=0))
    starts = [start for start, _ in hits]
    for s_start, c in looked_at:
        in_quote = hits[bisect_left(starts, c.quote_start) : bisect_left(starts, c.quote_end)]
        before = hits[bisect_left(starts, s_start) : bisect_left(starts, c.quote_start)]
        scores: dict[str, int] = {}
        first_word: dict[str, str] = {}
        for words, factor in (([m.group() for m in pattern.finditer(c.measure)], 3), ([w for _, w in in_quote], 2), ([w for _, w in before], 1)):
            for word in words:
                topic, weight, _ = entries[word]
                scores[topic] = scores.get(topic, 0) + weight * factor
                first_word.setdefault(topic, word)
        if scores:
            best = max(scores, key=scores.get)
            if scores[best] >= MIN_TOPIC_SCORE:
                c.suggested_id = best
                c.measure_en = entries[first_word[best]][2]
                c.reasons.append(f"keyword {first_word[best]}")
