"""Checking the curated data against the text of its sources.

Beyond the schema (which :func:`comparison.dataset.load_dataset` checks), this
module proves that

* every source text is present and has the SHA-256 recorded in ``sources.csv``;
* every quote occurs in its source text: verbatim, or else after NFKC,
  Traditional to Simplified and removing all whitespace (one text came from a
  PDF), which is done only for the quotes and texts that need it;
* every value is a number the quote states (2.4万, ６０％, 两, 全覆盖 = 100 …);
* every deadline lies within its document's period, and the implied deadline
  and its basis follow from the period;
* every target id belongs to its source;
* every target agrees with its measure (one unit; a per-unit scope only in a
  measure of that level), every measure is one quantity (a denominator for
  shares only), every national reference has its measure's unit, and a row
  that restates another restates a counted row of the same document.

Every failure is a :class:`~comparison.errors.Finding` naming file, line and
column.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from comparison.dataset import Dataset, load_dataset
from comparison.errors import DataError, Finding, UnsafePathError, display_path
from comparison.numerals import normalise_many, quote_states_value
from comparison.paths import SOURCES_ENV, confined, default_data_dir, default_sources_dir, read_regular_bytes, regular_file_problem, sources_required
from comparison.script import match_key

#: Deadlines may fall this many years after a plan's last year (targets "by 2025" in a 2021–2023 plan are unusual but possible).
DEADLINE_SLACK_YEARS = 2
#: Without a stated end year, a deadline may fall this many years after the first year.
OPEN_PERIOD_YEARS = 10


@dataclass
class Report:
    """What ``validate`` found.

    ``problems`` holds errors and notes (normalisations that lost nothing);
    ``skipped`` says which checks could not run and why; ``counts`` says how
    many rows each check covered; ``data_dir`` is the folder that was checked;
    ``dataset`` is the :class:`Dataset` that was checked (``None`` when the
    tables could not be read), ready for :mod:`comparison.align` without
    reading the files again.
    """

    problems: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    data_dir: Path | None = None
    dataset: Dataset | None = field(default=None, repr=False)

    @property
    def errors(self) -> list[Finding]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def notes(self) -> list[Finding]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def _label(ds: Dataset, name: str) -> str:
    return display_path(ds.data_dir / f"{name}.csv")


# --------------------------------------------------------------------------- checks without the texts
def check_values(ds: Dataset) -> list[Finding]:
    """Each target's value must be a number its quote states.

    A value that the verbatim quote writes in plain digits, as a number of its
    own, passes at once; the other quotes are normalised (one OpenCC call for
    all of them) and read in full by :func:`comparison.numerals.quote_states_value`.
    """
    t = ds.targets
    label = _label(ds, "targets")
    present = (t["value"].notna() & t["quote"].notna()).to_numpy()
    rows = zip(t.index[present], t["value"][present].tolist(), t["unit_id"][present].astype(str).tolist(), t["quote"][present].tolist())
    slow = [(line, value, unit, str(quote)) for line, value, unit, quote in rows if not _states_in_digits(str(quote), value)]
    problems = []
    for (line, value, unit, quote), norm_quote in zip(slow, normalise_many([quote for *_, quote in slow])):
        if not (_states_in_digits(norm_quote, value) or quote_states_value(norm_quote, value, unit, normalised=True)):
            hint = ""
            if unit == "percent" and 0 < value <= 1:
                hint = " (percentages are written as in the text: 60 for 60%; a spreadsheet may have turned 60% into 0.6)"
            problems.append(Finding(label, int(line), "value", f"{_fmt(value)} is not stated in the quote «{_short(quote)}»{hint}"))
    return problems


#: Words (Simplified and Traditional) that bound a figure from below (≥, >) and from above (≤, <), as
#: docs/curation.md reads them; a sign written in the quote counts too.
_FROM_BELOW = re.compile(r"以上|不低[于於]|不少[于於]|至少|超[过過]|高[于於]|多[于於]|大[于於]|年[满滿]|[≥>＞]")
_FROM_ABOVE = re.compile(r"以下|不超[过過]|不高[于於]|不多[于於]|最高|封顶|封頂|上限|不足|不[满滿]|少[于於]|低[于於]|小[于於]|[以年月日天周週]\s*[内內]|前\s*[0-9０-９一二三四五六七八九十]|[≤<＜]")


def check_operators(ds: Dataset) -> list[Finding]:
    """Each target's operator must be one its quote states.

    A bound (≥, >, ≤, <) needs a word for it in the quote (以上, 不低于, 至少 …;
    以下, 不超过, 以内, 不足 …, or the sign itself), and a quote that bounds its
    figure only the other way contradicts it. ``=`` is not checked: a figure
    stated without "at least" may stand beside 以上 that qualifies something
    else (三星级以上 50 家).
    """
    t = ds.targets
    label = _label(ds, "targets")
    problems = []
    for line, op, quote in zip(t.index, t["operator"].astype(str).tolist(), t["quote"].tolist()):
        if op not in ("≥", ">", "≤", "<") or not isinstance(quote, str):
            continue
        below, above = bool(_FROM_BELOW.search(quote)), bool(_FROM_ABOVE.search(quote))
        wanted, other = (below, above) if op in ("≥", ">") else (above, below)
        if not wanted:
            words = "以上, 不低于, 不少于, 至少" if op in ("≥", ">") else "以下, 不超过, 最高, 以内, 不足"
            why = "and it bounds the figure the other way" if other else "and it has no word for it"
            problems.append(Finding(label, int(line), "operator", f"'{op}' is not what the quote «{_short(quote)}» states ({words} …), {why}"))
    return problems


def _states_in_digits(quote: str, value: float) -> bool:
    """Whether ``quote`` writes ``value`` in plain ASCII digits as a number of its own: a quick sufficient test.

    True only where :func:`comparison.numerals.quote_states_value` is true of
    the normalised quote as well, so it may be given the verbatim quote: the
    digits are not part of a longer number (no digit of any script, numeral
    character such as 万, 萬 or 五, decimal point or comma next to them, also
    across the one space a PDF leaves). The neighbours are judged as NFKC
    makes them (﹒ is a decimal point, ㎡ ends in a 2). Everything else takes
    the full reading.
    """
    digits = _fmt(value)
    if not digits.replace(".", "", 1).isdecimal():
        return False
    start = quote.find(digits)
    while start >= 0:
        end = start + len(digits)
        before = _nfkc_edge(quote[start - 1 : start], last=True) if start else ""
        after = _nfkc_edge(quote[end : end + 1], last=False)
        if not (_joins(before) or (before.isspace() and start > 1 and _joins(_nfkc_edge(quote[start - 2], last=True)))) and not (
            _joins(after) or (after.isspace() and _joins(_nfkc_edge(quote[end + 1 : end + 2], last=False)))
        ):
            return True
        start = quote.find(digits, start + 1)
    return False


def _nfkc_edge(ch: str, *, last: bool) -> str:
    """The character next to a number once ``ch`` is NFKC-normalised: the last one it becomes before the number, the first after."""
    if ch.isascii():
        return ch
    norm = unicodedata.normalize("NFKC", ch)
    return norm[-1:] if last else norm[:1]


def _joins(ch: str) -> bool:
    """Whether ``ch`` could continue a number: a digit or numeral of any script (6, ６, 五, 万, 萬), a decimal point or a comma."""
    return ch != "" and (ch.isnumeric() or ch in ".,，．")


def check_deadlines(ds: Dataset) -> list[Finding]:
    """Each deadline must lie within its document's period (with a little slack)."""
    periods = ds.sources.set_index(ds.sources["source_id"].astype(str))
    label = _label(ds, "targets")
    t = ds.targets
    src = t["source_id"].astype("string")
    start = src.map(periods["period_start_year"]).astype("Int64")
    end = src.map(periods["period_end_year"]).astype("Int64")
    latest = (end + DEADLINE_SLACK_YEARS).fillna(start + OPEN_PERIOD_YEARS)
    year = t["deadline_stated"]
    outside = ((year < start) | (year > latest)).fillna(False).to_numpy(dtype=bool)
    problems = []
    for line, y, sid, first, last, due in zip(t.index[outside], year[outside], src[outside], start[outside], end[outside], latest[outside]):
        span = f"{first}–{last}" if not pd.isna(last) else f"from {first}"
        problems.append(Finding(label, int(line), "deadline_stated", f"{y} is outside the period of {sid} ({span}); expected {first}–{due}"))
    # The implied deadline is the period's end, given only to a target whose sentence states no year.
    basis = t["deadline_basis"].astype("string")
    implied = t["deadline_implied"].astype("Int64")
    has_stated = t["deadline_stated"].notna()
    expected_basis = pd.Series("none", index=t.index, dtype="string")
    expected_basis[(t["kind"] == "target") & end.notna().to_numpy()] = "plan_end"
    expected_basis[has_stated] = "stated"
    expected_implied = end.where(expected_basis == "plan_end")
    wrong_basis = (basis.notna() & (basis != expected_basis)).fillna(False).to_numpy(dtype=bool)  # only these rows are looked at one by one
    for line, b, e, sid in zip(t.index[wrong_basis], basis[wrong_basis].tolist(), expected_basis[wrong_basis].tolist(), src[wrong_basis].tolist()):
        if pd.notna(b) and b != e:
            why = {"stated": "the row states a year", "plan_end": f"it is a target without a stated year and {sid} has an end year", "none": "no year is stated and none is implied (a standard or parameter, or a document without an end year)"}[e]
            problems.append(Finding(label, int(line), "deadline_basis", f"'{b}' should be '{e}': {why}"))
    wrong_implied = ((implied.isna() != expected_implied.isna()) | (implied != expected_implied).fillna(False)).to_numpy(dtype=bool)
    for line, got, want, sid in zip(t.index[wrong_implied], implied[wrong_implied], expected_implied[wrong_implied], src[wrong_implied].tolist()):
        if not (pd.isna(got) and pd.isna(want)) and (pd.isna(got) or pd.isna(want) or int(got) != int(want)):
            want_text = f"{int(want)} (the last year of {sid})" if pd.notna(want) else "empty (only a target without a stated year gets the end of its plan period)"
            problems.append(Finding(label, int(line), "deadline_implied", f"{'empty' if pd.isna(got) else int(got)} should be {want_text}"))
    return problems


def check_ids(ds: Dataset) -> list[Finding]:
    """Target and commitment ids must start with their own source id."""
    problems = []
    for name, id_col, tag in (("targets", "target_id", "t"), ("commitments", "commitment_id", "q")):
        frame = ds.table(name)
        label = _label(ds, name)
        present = (frame[id_col].notna() & frame["source_id"].notna()).to_numpy()
        ids, sids = frame[id_col][present].astype(str).tolist(), frame["source_id"][present].astype(str).tolist()
        for line, ident, sid in zip(frame.index[present], ids, sids):
            if not ident.startswith(f"{sid}-{tag}"):
                problems.append(Finding(label, int(line), id_col, f"'{ident}' does not belong to source '{sid}' (expected {sid}-{tag}NN)"))
    return problems


#: A scope that names each unit of a level (每个区县, 各中心城区 …) and the level a measure of such targets must have.
_PER_UNIT_SCOPE = re.compile(r"^(?:每个|每一|各)")
_SCOPE_LEVELS = (("村民小组", "per_community"), ("社区", "per_community"), ("村", "per_community"), ("乡镇", "per_township"),
                 ("街道", "per_township"), ("镇", "per_township"), ("区县", "per_district"), ("区", "per_district"), ("县", "per_county"))


def scope_level(scope_zh) -> str | None:
    """The level a per-unit scope implies (每个区县(市) → ``per_district``); ``None`` for any other scope."""
    if not isinstance(scope_zh, str) or not _PER_UNIT_SCOPE.match(scope_zh):
        return None
    rest = _PER_UNIT_SCOPE.sub("", scope_zh)
    for word, level in _SCOPE_LEVELS:
        if word in rest:
            return level
    return "per_unit"


def _scope_level_problem(scope: str | None, level: str, measure: str = "") -> str:
    """Why a target with ``scope`` cannot belong to ``measure``, which is at ``level``; empty when it can."""
    implied = scope_level(scope)
    if implied is not None and implied != level and not (implied == "per_unit" and level.startswith("per_")):
        return f"the scope '{scope}' gives a figure {implied.replace('_', ' ')}, but measure '{measure}' is at level '{level}'"
    if implied is None and level in ("per_district", "per_county", "per_township", "per_community"):
        return f"measure '{measure}' is at level '{level}', but the scope does not name each unit (每个…/各…)"
    return ""


def check_measures(ds: Dataset) -> list[Finding]:
    """Targets agree with their measure, and each measure is one quantity.

    * a target or standard has its measure's unit (one unit per measure);
    * a target whose scope names each unit of a level (每个区县…) belongs to a
      measure of that level, and a measure of a per-unit level is never given a
      city-wide target without such a scope;
    * a measure has a denominator exactly when its unit is a share (percent);
    * a national reference has its measure's unit;
    * ``restates`` names a counted row (not itself a restatement) of the same document.
    """
    problems: list[Finding] = []
    mea = ds.measures.set_index(ds.measures["measure_id"].astype(str))
    label = _label(ds, "targets")
    t = ds.targets
    mid = t["measure_id"].astype("string")
    expected = mid.map(mea["unit_id"].astype(str))
    unit = t["unit_id"].astype(str)
    wrong = (expected.notna() & (t["kind"] != "parameter") & (unit != expected)).fillna(False).to_numpy(dtype=bool)
    problems += [
        Finding(label, int(line), "unit_id", f"'{u}' differs from the unit of measure '{m}' in measures.csv ('{e}'): a measure has one unit")
        for line, u, m, e in zip(t.index[wrong], unit[wrong], mid[wrong], expected[wrong])
    ]
    level = mid.map(mea["level"].astype(str))
    known = (mid.notna() & level.notna()).to_numpy(dtype=bool)  # rows without a measure or level are not looked at
    scope_zh = t["scope_zh"][known]
    scopes = scope_zh.astype(object).where(scope_zh.notna(), None).tolist()
    pairs = list(zip(scopes, level[known].astype(str).tolist()))
    wrong_level = {pair: bool(_scope_level_problem(*pair)) for pair in set(pairs)}  # few distinct scopes and levels: each pair is judged once
    problems += [
        Finding(label, int(line), "measure_id", _scope_level_problem(*pair, m))
        for line, m, pair in zip(t.index[known], mid[known].tolist(), pairs)
        if wrong_level[pair]
    ]
    mlabel = _label(ds, "measures")
    for line, m, u, den in zip(ds.measures.index, ds.measures["measure_id"].astype(str), ds.measures["unit_id"].astype(str), ds.measures["denominator_zh"]):
        if u == "percent" and pd.isna(den):
            problems.append(Finding(mlabel, int(line), "denominator_zh", f"measure '{m}' is a share (percent) but names no denominator"))
        if u != "percent" and pd.notna(den):
            problems.append(Finding(mlabel, int(line), "denominator_zh", f"measure '{m}' is not a share ({u}) but names a denominator"))
    nat = ds.national_targets
    nlabel = _label(ds, "national_targets")
    for line, m, u in zip(nat.index, nat["measure_id"].astype(str), nat["unit_id"].astype(str)):
        if m in mea.index and u != str(mea.loc[m, "unit_id"]):
            problems.append(Finding(nlabel, int(line), "unit_id", f"'{u}' differs from the unit of measure '{m}' in measures.csv ('{mea.loc[m, 'unit_id']}')"))
    source_of = dict(zip(t["target_id"].astype(str), t["source_id"].astype(str)))
    restates = t[t["restates"].notna()]
    restating = set(restates["target_id"].astype(str))
    for line, tid, sid, other in zip(restates.index, restates["target_id"].astype(str), restates["source_id"].astype(str), restates["restates"].astype(str)):
        if other == tid:
            problems.append(Finding(label, int(line), "restates", f"'{tid}' cannot restate itself"))
        elif other in source_of and source_of[other] != sid:
            problems.append(Finding(label, int(line), "restates", f"'{other}' is in {source_of[other]}, not in {sid}: a row restates a row of its own document"))
        elif other in restating:
            problems.append(Finding(label, int(line), "restates", f"'{other}' itself restates another row: name the row it restates"))
    return problems


# --------------------------------------------------------------------------- checks against the texts
def read_source_texts(ds: Dataset, sources_dir: Path) -> tuple[dict[str, str], list[Finding]]:
    """The texts of all sources, keyed by source id, after checking their SHA-256.

    Each ``text_file`` must name a regular file inside ``sources_dir``: a path
    with ``..``, an absolute path or a symbolic link that leads out of the
    folder is refused, and nothing outside the folder is read.
    """
    label = _label(ds, "sources")
    texts: dict[str, str] = {}
    problems = []
    src = ds.sources
    for line, sid, name, recorded in zip(src.index, src["source_id"].astype(str).tolist(), src["text_file"].astype(str).tolist(), src["text_sha256"].tolist()):
        try:
            path = confined(sources_dir, name)
        except UnsafePathError as exc:
            problems.append(Finding(label, int(line), "text_file", f"source text {exc}: only files inside {display_path(sources_dir)} are read"))
            continue
        if why := regular_file_problem(path):
            where = "is a folder, not a text file," if why.startswith("is a folder") else why if why != "not found" else "not found"
            problems.append(Finding(label, int(line), "text_file", f"source text '{name}' {where} in {display_path(sources_dir)}"))
            continue
        try:
            raw = read_regular_bytes(path)
        except UnsafePathError as exc:
            problems.append(Finding(label, int(line), "text_file", f"cannot read source text: {exc}"))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if digest != recorded:
            problems.append(
                Finding(label, int(line), "text_sha256", f"the text of {sid} has changed: its SHA-256 is {digest}, not the recorded {recorded}")
            )
        try:
            texts[sid] = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(Finding(label, int(line), "text_file", f"source text '{name}' is not UTF-8"))
    return texts, problems


def check_quotes(ds: Dataset, texts: dict[str, str], name: str) -> list[Finding]:
    """Each quote of table ``name`` must occur in its source text, verbatim or with whitespace and script ignored.

    ``texts`` holds each source's text by source id. A quote found verbatim
    passes at once; the others are compared in the form of
    :func:`comparison.script.match_key`, which is made only for the texts
    that have such quotes.
    """
    frame = ds.table(name)
    label = _label(ds, name)
    rows = zip(frame.index, frame["source_id"].astype(str).tolist(), frame["quote"].tolist())
    pending = [(line, sid, quote) for line, sid, quote in rows if isinstance(quote, str) and sid in texts and quote not in texts[sid]]
    keys: dict[str, str] = {}
    problems = []
    for (line, sid, quote), norm_quote in zip(pending, normalise_many([quote for *_, quote in pending])):
        key = "".join(norm_quote.split())
        if not key:
            continue
        if sid not in keys:
            keys[sid] = match_key(texts[sid])
        if key not in keys[sid]:
            problems.append(Finding(label, int(line), "quote", _not_found_message(key, keys[sid], quote, sid)))
    return problems


def _not_found_message(key: str, text_key: str, quote: str, sid: str) -> str:
    # Say how far the quote matches, to point at the first character that differs.
    lo, hi = 0, len(key)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if key[:mid] in text_key:
            lo = mid
        else:
            hi = mid - 1
    where = f"; the first {lo} characters match, then it differs at «{key[lo:lo + 8]}»" if lo else ""
    return f"quote «{_short(quote)}» does not occur in the text of {sid}{where}"


def _short(text: str, width: int = 40) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --------------------------------------------------------------------------- the whole check
def validate(
    data_dir: Path | str | None = None,
    sources_dir: Path | str | None = None,
    *,
    require_sources: bool | None = None,
) -> Report:
    """Run every check on the data in ``data_dir`` against the texts in ``sources_dir``.

    ``sources_dir`` defaults to ``$COMPARISON_SOURCES``. Without it the quote and
    hash checks are skipped (and said to be skipped) unless ``require_sources``
    (default: ``$COMPARISON_REQUIRE_SOURCES``) makes that an error. A folder
    named explicitly or by ``$COMPARISON_SOURCES`` that does not exist is always an error.
    """
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    report = Report(data_dir=data_dir)
    try:
        ds = load_dataset(data_dir, cache=False)
    except DataError as exc:
        report.problems.extend(exc.problems)
        return report
    report.dataset = ds
    report.problems.extend(ds.notes)
    report.counts = {
        "sources": len(ds.sources), "targets": len(ds.targets), "restatements": int(ds.targets["restates"].notna().sum()),
        "commitments": len(ds.commitments), "topics": len(ds.topics), "measures": len(ds.measures),
    }
    report.problems += check_ids(ds) + check_values(ds) + check_operators(ds) + check_deadlines(ds) + check_measures(ds)

    # A folder the user names (with --sources or $COMPARISON_SOURCES) must exist; only an absent default may be skipped.
    explicit = sources_dir is not None
    sources_dir = Path(sources_dir) if explicit else default_sources_dir()
    named = explicit or bool(os.environ.get(SOURCES_ENV, "").strip())
    require = sources_required() if require_sources is None else require_sources
    require = require or (named and sources_dir is not None and not Path(sources_dir).is_dir())
    if sources_dir is None or not sources_dir.is_dir():
        if sources_dir is None:
            why = "no source-text folder given (use --sources DIR or set COMPARISON_SOURCES)"
        elif sources_dir.exists():
            why = f"{display_path(sources_dir)} is a file, not the folder of source texts"
        else:
            why = f"source-text folder {display_path(sources_dir)} does not exist"
            if not explicit:
                why += f" (it is named by ${SOURCES_ENV})"
        if require:
            report.problems.append(Finding(display_path(ds.data_dir / "sources.csv"), None, None, f"cannot check quotes: {why}"))
        else:
            report.skipped.append(f"quote and SHA-256 checks skipped: {why}")
        return report
    texts, problems = read_source_texts(ds, sources_dir)
    report.problems += problems
    report.problems += check_quotes(ds, texts, "targets") + check_quotes(ds, texts, "commitments")
    report.counts["quotes checked"] = int(ds.targets["source_id"].astype(str).isin(texts).sum() + ds.commitments["source_id"].astype(str).isin(texts).sum())
    return report
