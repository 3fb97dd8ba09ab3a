"""Proposing candidate targets from the text of a policy document.

``python -m comparison extract POLICY.txt`` reads a policy text (see
:mod:`comparison.policy_text`), finds every number that states a goal, a norm
or a policy setting, and writes one candidate row per number in the columns of
``data/targets.csv``, followed by ``confidence`` (0–1) and ``reason`` (the cue
words that made it a candidate). A curator checks every row before it joins
the data; the extractor only saves the reading.

The rules are written for the genre, not for particular documents:

* Numbers are read in Arabic, full-width or Chinese numerals (二十, 零点一,
  一万二千, 百分之五十, 两; :mod:`comparison.numerals`). A number is a candidate
  when it carries a unit (%, 百分之…, 张, 名, 个, 家, 平方米, 亩, 公顷, 周岁, 元, 次,
  and spans of time: 日, 个月, 工作日, 小时 …); 千分之N and 万分之N are N/10 and
  N/100 percent, except beds or staff per 1000 older people or follows a comparison sign (a cell
  of a flattened table). The header a text repository puts before a document
  (a Markdown title, dates, ``<!-- INFO END -->``) is skipped. Years, dates, document numbers (〔2021〕21号), article numbers
  (第十四条), per-unit bases (每千名, 每百户), numbers inside quotation marks
  (“十四五”) and numbers without a unit (phone numbers, census figures) are not;
  nor is the figure a change starts from (由2020年的42.5%提高到55%).
* A flattened table is read row by row (rows numbered 1, 2, 3 …): a cell's
  unit may come from the indicator's name (养老床位总量(万张): 45 is 450000
  beds), its deadline from its column's header; columns of a year before the
  document was issued, or headed 现状/基期, hold baselines and yield nothing.
* Sentences about fines and violations (罚款, 没收, 违反本条例 …) and sentences
  or sections that describe the present (普查, 截至, 同比, 预计, the old
  population and its share, 发展基础, 规划背景, 法律责任 …) yield nothing; nor
  does what is already done (已建成, 现有 …) unless a deadline follows it, a
  norm (应当, 按照) applies to it or it names built areas and housing
  (已建成生活区, 已建成小区…), or it is a condition (现有床位不足40张的). In a
  penalty's sentence, a condition (…期限不足五年的，由…责令…) is a parameter.
* Coverage in words (全覆盖, 所有…均, 全部纳入, 覆盖全体, 保障人人享有, 应补尽补,
  愿改尽改, 能X尽X, 数据全量…推送; 各区…成立, …均设立, 全面设置, 全部…完成/到位,
  所有… when the sentence has a deadline) is 100 percent, unless the sentence
  only allows it (可以, 鼓励); 应X尽X without a deadline is a standard. So is one
  of something in every unit (每个/各/所有 X（至少）有1个 Y, 每个村民小组组建1个…):
  100 percent of X, with X as the scope and the count kept in the measure and
  notes; and a principle 一X一Y (“一镇街一中心”) is a standard of 100 percent of
  X. More than one per unit (每个区县至少2家) stays a count per unit, and so does
  a range (每个社区1至2名).
* The operator comes from 以上/以下/以内 after the number (内 and 前 after a
  span of time: 三个月内 ≤, 六十日前 ≥) or from the nearest cue before it
  (不低于, 至少, 年满, 提前 ≥; 不超过, 不得超过, 最高, 少于或等于 ≤; 不足, 少于,
  不满 <); a range (2至3名, 60%—70%, 100元至300元) gives two candidates, at
  least the lower and at most the upper figure; the deadline from 到2025年, 2025年底前,
  2021~2023年, 到二〇二五年, “十四五”期间 in the same sentence (or before a
  semicolon), from a list of years paired by 分别, or from a table's header.
* The kind: ages, amounts, durations, time limits, thresholds and conditions
  (床位数在100张以上的, 床位不足五十张的，…, 50张及以上床位的, 少于10人的, 每满五年的)
  and the bases of subsidies (a count in a sentence that grants money, without
  a deadline; 每增设1张) are parameters; per-household areas, frequencies
  (每年一次; once every N periods, 每两天一次, is the interval N), time per
  period (每年不少于二十日), floors on money (不少于2万元/年), shares set aside
  (30%以上用于…), 原则上, and 应当, a regulation's article or a scope 每个X
  without a deadline make a standard; the rest targets.
* Topics are suggested by the keywords of ``data/topic_keywords.csv``.

The package: :mod:`~comparison.extract.patterns` (units, operators, deadlines,
cue words), :mod:`~comparison.extract.reader` (which numbers are candidates
and what quantity each states), :mod:`~comparison.extract.tables` (flattened
tables), :mod:`~comparison.extract.context` (where targets may stand, quote
span, deadline, 力争, scope), :mod:`~comparison.extract.classify` (operator,
unit and kind), :mod:`~comparison.extract.coverage` (coverage in words,
one in every unit, slogans), :mod:`~comparison.extract.measure` (what a number measures),
:mod:`~comparison.extract.topics` (suggested topics),
:mod:`~comparison.extract.output` (rows and CSV),
:mod:`~comparison.extract.codebook` (what is read from ``data/``),
:mod:`~comparison.extract.scoring` (scores against labelled facts) and
:mod:`~comparison.extract.command` (the command line).
"""

from __future__ import annotations

import re
from pathlib import Path

from comparison.extract.codebook import (
    default_source_id,
    layout,
    load_codebook,
    source_id_pattern,
    suggestion_column,
    target_columns,
)
from comparison.extract.command import add_parser, run
from comparison.extract.output import candidates_to_csv
from comparison.extract.patterns import EXTRA_COLUMNS, REPOSITORY_HEADER_END

__all__ = [
    "EXTRA_COLUMNS",
    "add_parser",
    "body_start",
    "candidates_to_csv",
    "default_source_id",
    "extract_candidates",
    "load_codebook",
    "run",
    "source_id_pattern",
    "suggestion_column",
    "target_columns",
]


def extract_candidates(text: str, *, source_id: str, codebook=None, data_dir: Path | str | None = None):
    """Candidate targets of the policy ``text``: a DataFrame in the columns of :func:`target_columns`.

    ``codebook`` is a frame as returned by :func:`load_codebook` (loaded from
    ``data_dir`` when not given). Every quote is copied verbatim from
    ``text`` and states its value (:func:`comparison.numerals.quote_states_value`).
    Raises :class:`~comparison.errors.InputError` for a malformed ``source_id``.
    """
    from comparison.errors import InputError
    from comparison.extract.output import checked_quote, frame_of, row_of
    from comparison.extract.reader import Reader
    from comparison.extract.topics import suggest_topics
    from comparison.numerals import normalise_many
    from comparison.policy_text import PolicyText

    id_pattern, column, columns = layout(data_dir)
    if not re.fullmatch(id_pattern, source_id):
        raise InputError(f"source id '{source_id}' does not have the form {{jurisdiction}}-{{year}}, e.g. hangzhou-2024")
    if codebook is None:
        codebook = load_codebook(data_dir)
    doc = PolicyText(text)
    found = Reader(doc, body_start(doc.text)).candidates()
    suggest_topics(found, codebook, doc)
    quotes = [doc.quote(c.quote_start, c.quote_end) for c in found]
    rows = []
    for c, quote, norm in zip(found, quotes, normalise_many(quotes)):
        quote = checked_quote(doc, c, quote, norm)
        if quote is not None:
            rows.append(row_of(c, quote, column))
    return frame_of(rows, source_id, columns)


def body_start(text: str) -> int:
    """Where the policy starts in ``text``: after the header a text repository puts before it (a Markdown title,
    dates of adoption, then an ``<!-- INFO END -->`` marker), else at 0."""
    m = REPOSITORY_HEADER_END.search(text, 0, 3000)
    return m.end() if m else 0
