"""Checking the curated data against the text of its sources.

Beyond the schema (which :func:`comparison.dataset.load_dataset` checks), this
module proves that

* every source text is present and has the SHA-256 recorded in ``sources.csv``;
* every quote occurs in its source text (after NFKC, Traditional to Simplified
  and removing all whitespace, since one text came from a PDF);
* every value is a number the quote states (2.4万, ６０％, 两, 全覆盖 = 100 …);
* every deadline lies within its document's period;
* every target id belongs to its source and every unit agrees with the codebook.

Every failure is a :class:`~comparison.errors.Problem` naming file, line and
column.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from comparison.dataset import Dataset, load_dataset
from comparison.errors import DataError, Problem, display_path
from comparison.numbers import normalise_many, quote_states_value
from comparison.paths import default_sources_dir, sources_required
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
    many rows each check covered.
    """

    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def _label(ds: Dataset, name: str) -> str:
    return display_path(ds.data_dir / f"{name}.csv")


# --------------------------------------------------------------------------- checks without the texts
def check_values(ds: Dataset) -> list[Problem]:
    """Each target's value must be a number its quote states."""
    t = ds.targets
    label = _label(ds, "targets")
    norm = normalise_many(t["quote"].fillna("").astype(str).tolist())
    problems = []
    for (line, row), quote in zip(t.iterrows(), norm):
        if pd.isna(row["value"]) or pd.isna(row["quote"]):
            continue
        if not quote_states_value(quote, row["value"], str(row["unit_id"]), normalised=True):
            value = _fmt(row["value"])
            hint = ""
            if row["unit_id"] == "percent" and 0 < row["value"] <= 1:
                hint = " (percentages are written as in the text: 60 for 60%; a spreadsheet may have turned 60% into 0.6)"
            problems.append(Problem(label, int(line), "value", f"{value} is not stated in the quote «{_short(row['quote'])}»{hint}"))
    return problems


def check_deadlines(ds: Dataset) -> list[Problem]:
    """Each deadline must lie within its document's period (with a little slack)."""
    periods = ds.sources.set_index(ds.sources["source_id"].astype(str))[["period_start_year", "period_end_year"]]
    label = _label(ds, "targets")
    problems = []
    for line, row in ds.targets.iterrows():
        year = row["deadline_year"]
        src = str(row["source_id"])
        if pd.isna(year) or src not in periods.index:
            continue
        start, end = periods.loc[src, "period_start_year"], periods.loc[src, "period_end_year"]
        latest = (end + DEADLINE_SLACK_YEARS) if not pd.isna(end) else start + OPEN_PERIOD_YEARS
        if year < start or year > latest:
            span = f"{start}–{end}" if not pd.isna(end) else f"from {start}"
            problems.append(
                Problem(label, int(line), "deadline_year", f"{year} is outside the period of {src} ({span}); expected {start}–{latest}")
            )
    return problems


def check_ids(ds: Dataset) -> list[Problem]:
    """Target and commitment ids must start with their own source id."""
    problems = []
    for name, id_col, tag in (("targets", "target_id", "t"), ("commitments", "commitment_id", "q")):
        frame = ds.table(name)
        label = _label(ds, name)
        for line, row in frame.iterrows():
            if pd.isna(row[id_col]) or pd.isna(row["source_id"]):
                continue
            if not str(row[id_col]).startswith(f"{row['source_id']}-{tag}"):
                problems.append(
                    Problem(label, int(line), id_col, f"'{row[id_col]}' does not belong to source '{row['source_id']}' (expected {row['source_id']}-{tag}NN)")
                )
    return problems


def check_units(ds: Dataset) -> list[Problem]:
    """A target of an indicator with a fixed unit must use that unit."""
    units = ds.indicators.set_index(ds.indicators["indicator_id"].astype(str))["unit_id"].dropna()
    label = _label(ds, "targets")
    problems = []
    for line, row in ds.targets.iterrows():
        ind = row["indicator_id"]
        if pd.isna(ind) or str(ind) not in units.index or row["kind"] == "parameter":
            continue
        expected = units[str(ind)]
        if str(row["unit_id"]) != expected:
            problems.append(
                Problem(label, int(line), "unit_id", f"'{row['unit_id']}' differs from the unit of indicator '{ind}' in indicators.csv ('{expected}')")
            )
    return problems


# --------------------------------------------------------------------------- checks against the texts
def read_source_texts(ds: Dataset, sources_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """The texts of all sources, keyed by source id, after checking their SHA-256."""
    label = _label(ds, "sources")
    texts: dict[str, str] = {}
    problems = []
    for line, row in ds.sources.iterrows():
        path = sources_dir / str(row["text_file"])
        if not path.exists():
            problems.append(Problem(label, int(line), "text_file", f"source text '{row['text_file']}' not found in {display_path(sources_dir)}"))
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != row["text_sha256"]:
            problems.append(
                Problem(label, int(line), "text_sha256", f"the text of {row['source_id']} has changed: its SHA-256 is {digest}, not the recorded {row['text_sha256']}")
            )
        try:
            texts[str(row["source_id"])] = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(Problem(label, int(line), "text_file", f"source text '{row['text_file']}' is not UTF-8"))
    return texts, problems


def check_quotes(ds: Dataset, texts: dict[str, str], name: str) -> list[Problem]:
    """Each quote of table ``name`` must occur in its source text (whitespace and script ignored)."""
    frame = ds.table(name)
    label = _label(ds, name)
    keys = {sid: match_key(text) for sid, text in texts.items()}
    norm = _match_keys(frame["quote"].fillna("").astype(str).tolist())
    problems = []
    for (line, row), key in zip(frame.iterrows(), norm):
        sid = str(row["source_id"])
        if sid not in keys or not key:
            continue
        if key not in keys[sid]:
            problems.append(Problem(label, int(line), "quote", _not_found_message(key, keys[sid], str(row["quote"]), sid)))
    return problems


def _match_keys(quotes: list[str]) -> list[str]:
    """:func:`comparison.script.match_key` for many quotes with one conversion."""
    return ["".join(q.split()) for q in normalise_many(quotes)]


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
    (default: ``$COMPARISON_REQUIRE_SOURCES``) makes that an error.
    """
    report = Report()
    try:
        ds = load_dataset(data_dir, cache=False)
    except DataError as exc:
        report.problems.extend(exc.problems)
        return report
    report.problems.extend(ds.notes)
    report.counts = {"sources": len(ds.sources), "targets": len(ds.targets), "commitments": len(ds.commitments), "indicators": len(ds.indicators)}
    report.problems += check_ids(ds) + check_values(ds) + check_deadlines(ds) + check_units(ds)

    sources_dir = Path(sources_dir) if sources_dir is not None else default_sources_dir()
    require = sources_required() if require_sources is None else require_sources
    if sources_dir is None or not sources_dir.is_dir():
        why = (
            "no source-text folder given (use --sources DIR or set COMPARISON_SOURCES)"
            if sources_dir is None
            else f"source-text folder {display_path(sources_dir)} does not exist"
        )
        if require:
            report.problems.append(Problem(display_path(ds.data_dir / "sources.csv"), None, None, f"cannot check quotes: {why}"))
        else:
            report.skipped.append(f"quote and SHA-256 checks skipped: {why}")
        return report
    texts, problems = read_source_texts(ds, sources_dir)
    report.problems += problems
    report.problems += check_quotes(ds, texts, "targets") + check_quotes(ds, texts, "commitments")
    report.counts["quotes checked"] = int(ds.targets["source_id"].astype(str).isin(texts).sum() + ds.commitments["source_id"].astype(str).isin(texts).sum())
    return report
