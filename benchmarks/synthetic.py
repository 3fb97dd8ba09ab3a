"""A synthetic corpus of any size, for scale benchmarks of validate, align and export.

:func:`make_corpus` writes a complete data package (the real codebook, units,
domains and keywords copied from ``data/``; generated jurisdictions, sources,
targets, commitments, population figures and national references) and one
source text per source that contains every quote of that source, so that::

    python -m comparison validate --data DATA --sources SOURCES

passes on it. Half of the sources are in Traditional script (their quotes are
converted with OpenCC, as real Traditional texts are), half in Simplified.
Columns are generated with NumPy in one pass, so 3,000 jurisdictions × 100
targets (300,000 targets) take seconds.

Usage from the command line::

    python benchmarks/synthetic.py OUT_DIR --jurisdictions 3000 --targets 100
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

#: Files taken unchanged from the project's data package.
COPIED = ("datapackage.yaml", "topics.csv", "measures.csv", "units.csv", "domains.csv", "topic_keywords.csv")

#: Characters from which jurisdiction names are spelled (three per name).
_NAME_CHARS = "安宁平和阳明华新兴东南西北江河山海湖林清泉春秋长乐永丰福德泰源金玉云龙凤鸣远定昌盛嘉兰桂"
_PROVINCES = (("山东省", "Shandong"), ("浙江省", "Zhejiang"), ("湖北省", "Hubei"), ("广东省", "Guangdong"), ("四川省", "Sichuan"))
_ADMIN_LEVELS = ("prefecture_city", "county_level_city", "county", "district")
_SCOPES = (("农村", "rural areas"), ("城区", "urban districts"), ("城镇社区", "urban communities"))
_COUNT_UNITS = ("beds", "people", "person_times", "facilities", "items")
#: Policy parameters (not goals): unit, range of values, Chinese wording before the value.
_PARAMETERS = (("years", 1, 6, "有效期"), ("yuan", 100, 100_000, "补贴标准"), ("age_years", 60, 81, "年龄"))
_PLAN_YEARS = 4


def make_corpus(out_dir: Path | str, n_jurisdictions: int, n_targets_per_source: int, seed: int = 0) -> tuple[Path, Path]:
    """Write a valid synthetic data package and its source texts under ``out_dir``.

    One source per jurisdiction, ``n_targets_per_source`` targets in each
    (at most 9,999, the limit of the target-id pattern), about one
    qualitative commitment per ten targets. The same arguments always give
    the same files. Returns ``(data_dir, sources_dir)``.
    """
    if not 1 <= n_targets_per_source <= 9999:
        raise ValueError("n_targets_per_source must be between 1 and 9999 (target ids have at most four digits)")
    if n_jurisdictions < 1:
        raise ValueError("n_jurisdictions must be at least 1")
    out = Path(out_dir)
    data_dir, sources_dir = out / "data", out / "sources"
    data_dir.mkdir(parents=True, exist_ok=True)
    sources_dir.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(DATA / name, data_dir / name)

    rng = np.random.default_rng(seed)
    measures = pd.read_csv(DATA / "measures.csv", dtype=str, keep_default_na=False)
    measures = measures[measures["level"] == "jurisdiction"].reset_index(drop=True)  # scopes here never name each unit of a level
    topics = pd.read_csv(DATA / "topics.csv", dtype=str, keep_default_na=False)
    units = pd.read_csv(DATA / "units.csv", dtype=str, keep_default_na=False).set_index("unit_id")

    jurisdictions = _jurisdictions(n_jurisdictions, rng)
    sources = _sources(jurisdictions)
    targets = _targets(sources, measures, units, n_targets_per_source, rng)
    commitments = _commitments(sources, topics, max(1, n_targets_per_source // 10), rng)
    _to_traditional_where_needed(sources, targets, commitments)
    sources["text_sha256"] = _write_texts(sources, targets, commitments, sources_dir)

    _write_csv(jurisdictions, data_dir / "jurisdictions.csv")
    _write_csv(sources, data_dir / "sources.csv")
    _write_csv(targets, data_dir / "targets.csv")
    _write_csv(commitments, data_dir / "commitments.csv")
    _write_csv(_population(jurisdictions, rng), data_dir / "population.csv")
    _write_csv(_national_targets(measures, units, rng), data_dir / "national_targets.csv")
    return data_dir, sources_dir


# --------------------------------------------------------------------------- tables
def _jurisdictions(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """``n`` jurisdictions with distinct three-character Chinese names."""
    idx = np.arange(n)
    base = len(_NAME_CHARS)
    chars = np.array(list(_NAME_CHARS))
    spelled = chars[(idx // base**2) % base] + chars[(idx // base) % base] + chars[idx % base]
    province = rng.integers(0, len(_PROVINCES), n)
    level = np.array(_ADMIN_LEVELS)[rng.integers(0, len(_ADMIN_LEVELS), n)]
    suffix = np.where(level == "county", "县", np.where(level == "district", "区", "市"))
    width = len(str(n))
    return pd.DataFrame(
        {
            "jurisdiction_id": [f"city{i:0{width}d}" for i in idx + 1],
            "order": idx + 1,
            "name_zh": [f"{s}{x}" for s, x in zip(spelled, suffix)],
            "name_en": [f"Synthetic city {i}" for i in idx + 1],
            "province_zh": [_PROVINCES[p][0] for p in province],
            "province_en": [_PROVINCES[p][1] for p in province],
            "admin_level": level,
        }
    )


def _sources(jurisdictions: pd.DataFrame) -> pd.DataFrame:
    """One plan per jurisdiction; even-numbered ones are in Traditional script."""
    n = len(jurisdictions)
    start = 2021 + np.arange(n) % 3
    sid = [f"{j}-{y}" for j, y in zip(jurisdictions["jurisdiction_id"], start)]
    return pd.DataFrame(
        {
            "source_id": sid,
            "jurisdiction_id": jurisdictions["jurisdiction_id"],
            "title_zh": [f"{name}养老服务发展规划（{y}—{y + _PLAN_YEARS}年）" for name, y in zip(jurisdictions["name_zh"], start)],
            "title_en": [f"Elderly-care development plan of {name} ({y}–{y + _PLAN_YEARS})" for name, y in zip(jurisdictions["name_en"], start)],
            "document_number": [f"合政发〔{y}〕{i % 90 + 1}号" for i, y in enumerate(start)],
            "issuer_zh": [f"{name}人民政府" for name in jurisdictions["name_zh"]],
            "issuer_en": [f"People's Government of {name}" for name in jurisdictions["name_en"]],
            "issue_date": [f"{y}-03-15" for y in start],
            "in_force_date": "",
            "period_start_year": start,
            "period_end_year": start + _PLAN_YEARS,
            "script": np.where(np.arange(n) % 2 == 0, "zh-Hant", "zh-Hans"),
            "text_file": [f"{i:05d}_{s}.txt" for i, s in enumerate(sid)],
            "text_sha256": "",
            "notes": "Synthetic document for benchmarks.",
        }
    )


def _targets(sources: pd.DataFrame, measures: pd.DataFrame, units: pd.DataFrame, per_source: int, rng: np.random.Generator) -> pd.DataFrame:
    """``per_source`` targets, standards and parameters per source, each with a quote stating its value."""
    n_src = len(sources)
    n = n_src * per_source
    src = np.repeat(np.arange(n_src), per_source)
    number = np.tile(np.arange(1, per_source + 1), n_src)
    kind = rng.choice(np.array(["target", "standard", "parameter"]), n, p=[0.8, 0.12, 0.08])
    is_param = kind == "parameter"
    ind_pos, has_ind = _measures_of(is_param, len(measures), rng)
    unit, param = _units_of(is_param, has_ind, measures["unit_id"].to_numpy()[ind_pos], rng)

    value = np.array([f"{v:g}" for v in _values(unit, is_param, param, rng).tolist()], dtype=object)
    operator = np.where(is_param, rng.choice(np.array(["=", "≤"]), n), rng.choice(np.array(["=", "≥"]), n))
    has_deadline = ~is_param & (rng.random(n) < 0.8)
    deadline = sources["period_start_year"].to_numpy()[src] + rng.integers(0, _PLAN_YEARS + 3, n)
    scope_pos = rng.integers(0, len(_SCOPES) * 6, n)  # one in six has a scope
    has_scope = (scope_pos < len(_SCOPES)) & ~is_param
    scope_pos = np.minimum(scope_pos, len(_SCOPES) - 1)
    aspirational = ~is_param & (rng.random(n) < 0.15)

    symbol_zh = units["symbol_zh"].reindex(unit).to_numpy()
    param_zh = np.array([p[3] for p in _PARAMETERS])[param]
    measure_zh = np.where(is_param, np.char.add("养老服务", param_zh.astype(str)), np.where(has_ind, measures["name_zh"].to_numpy()[ind_pos], "示范项目"))
    measure_en = np.where(
        is_param, np.char.add("Elderly-care parameter: ", unit.astype(str)), np.where(has_ind, measures["name_en"].to_numpy()[ind_pos], "Demonstration projects")
    )
    scope_zh = np.where(has_scope, np.array([s[0] for s in _SCOPES])[scope_pos], "")
    quote = _quotes(
        deadline=np.where(has_deadline, deadline, 0),
        aspirational=aspirational,
        scope=scope_zh,
        measure=measure_zh,
        value=value,
        unit=np.where(unit == "percent", "%", symbol_zh),
        qualifier=np.select([operator == "≥", operator == "≤"], ["以上", "以下"], ""),
    )
    sid = sources["source_id"].to_numpy()[src]
    width = max(2, len(str(per_source)))
    implied = ~has_deadline & (kind == "target")  # the end of the plan period applies
    return pd.DataFrame(
        {
            "target_id": [f"{s}-t{k:0{width}d}" for s, k in zip(sid.tolist(), number.tolist())],
            "source_id": sid,
            "clause": [f"第{k}条" for k in number.tolist()],
            "kind": kind,
            "measure_id": np.where(has_ind, measures["measure_id"].to_numpy()[ind_pos], ""),
            "measure_zh": measure_zh,
            "measure_en": measure_en,
            "operator": operator,
            "value": value,
            "unit_id": unit,
            "measure_word": np.where(np.isin(unit, _COUNT_UNITS), symbol_zh, ""),
            "deadline_stated": np.where(has_deadline, deadline.astype(str), ""),
            "deadline_implied": np.where(implied, sources["period_end_year"].to_numpy()[src].astype(str), ""),
            "deadline_basis": np.select([has_deadline, implied], ["stated", "plan_end"], "none"),
            "scope_zh": scope_zh,
            "scope_en": np.where(has_scope, np.array([s[1] for s in _SCOPES])[scope_pos], ""),
            "attribute": np.where(is_param, "", rng.choice(np.array(["", "", "", "binding", "indicative"]), n)),
            "is_aspirational": np.where(aspirational, "true", "false"),
            "restates": "",
            "quote": quote,
            "notes": np.where(rng.random(n) < 0.3, "Synthetic target.", ""),
        }
    )


def _measures_of(is_param: np.ndarray, n_measures: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A codebook position per row and whether the row has a measure (parameters and a few others have none)."""
    pos = rng.integers(0, n_measures + 3, len(is_param))  # the last three mean "no measure"
    return np.minimum(pos, n_measures - 1), (pos < n_measures) & ~is_param


def _units_of(is_param: np.ndarray, has_ind: np.ndarray, measure_unit: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The unit of each row, its measure's where it has one, and the parameter kind of each row."""
    n = len(is_param)
    free = np.array(("percent",) + _COUNT_UNITS)[rng.integers(0, len(_COUNT_UNITS) + 1, n)]
    param = rng.integers(0, len(_PARAMETERS), n)
    unit = np.where(has_ind & (measure_unit != ""), measure_unit, free)
    return np.where(is_param, np.array([p[0] for p in _PARAMETERS])[param], unit), param


def _quotes(*, deadline, aspirational, scope, measure, value, unit, qualifier) -> list[str]:
    """Quotes such as 到2025年，力争农村养老机构护理型床位占比达到60%以上 (deadline 0: none)."""
    return [
        f"{f'到{y}年，' if y else ''}{'力争' if a else ''}{s}{m}达到{v}{u}{q}"
        for y, a, s, m, v, u, q in zip(
            deadline.tolist(), aspirational.tolist(), scope.tolist(), measure.tolist(), value.tolist(), unit.tolist(), qualifier.tolist()
        )
    ]


def _values(unit: np.ndarray, is_param: np.ndarray, param: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A plausible value per row: percentages up to 100 (some with a half), counts up to 50,000, parameters in range."""
    n = len(unit)
    percent = rng.integers(10, 101, n) - np.where(rng.random(n) < 0.1, 0.5, 0.0)
    count = rng.integers(1, 50_001, n).astype(float)
    lo = np.array([p[1] for p in _PARAMETERS])[param]
    hi = np.array([p[2] for p in _PARAMETERS])[param]
    parameter = np.floor(lo + rng.random(n) * (hi - lo))
    return np.where(is_param, parameter, np.where(unit == "percent", percent, count))


def _commitments(sources: pd.DataFrame, topics: pd.DataFrame, per_source: int, rng: np.random.Generator) -> pd.DataFrame:
    """``per_source`` qualitative commitments per source (at most one per topic)."""
    per_source = min(per_source, len(topics))
    n_src = len(sources)
    # A random set of distinct topics per source: the first columns of a random permutation.
    picks = np.argsort(rng.random((n_src, len(topics))), axis=1)[:, :per_source].ravel()
    src = np.repeat(np.arange(n_src), per_source)
    number = np.tile(np.arange(1, per_source + 1), n_src)
    sid = sources["source_id"].to_numpy()[src]
    name_zh = topics["name_zh"].to_numpy()[picks]
    width = max(2, len(str(per_source)))
    return pd.DataFrame(
        {
            "commitment_id": [f"{s}-q{k:0{width}d}" for s, k in zip(sid.tolist(), number.tolist())],
            "source_id": sid,
            "topic_id": topics["topic_id"].to_numpy()[picks],
            "clause": [f"第{k}条" for k in number.tolist()],
            "quote": [f"积极推进{name}工作" for name in name_zh.tolist()],
            "notes": "",
        }
    )


def _population(jurisdictions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Census figures for about 60 % of jurisdictions, a non-comparable basis for 20 %, none for the rest."""
    n = len(jurisdictions)
    draw = rng.random(n)
    basis = np.where(draw < 0.6, "census2020_resident", np.where(draw < 0.8, "yearend2021_unstated", ""))
    keep = basis != ""
    older = rng.integers(20_000, 5_000_000, n)
    return pd.DataFrame(
        {
            "jurisdiction_id": jurisdictions["jurisdiction_id"],
            "older_population": older,
            "older_share_pct": np.round(rng.uniform(10, 30, n), 2),
            "age_threshold": 60,
            "basis": basis,
            "reference_date": np.where(basis == "census2020_resident", "2020-11-01", "2021-12-31"),
            "source": "Synthetic figure.",
            "source_url": "",
            "source_quality": "secondary",
            "notes": "",
        }
    )[keep]


def _national_targets(measures: pd.DataFrame, units: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """A national reference for every measure."""
    fixed = measures.reset_index(drop=True)
    value = rng.integers(50, 101, len(fixed))
    symbol = np.where(fixed["unit_id"] == "percent", "%", units["symbol_zh"].reindex(fixed["unit_id"]).to_numpy())
    return pd.DataFrame(
        {
            "reference_id": "national-" + fixed["measure_id"],
            "measure_id": fixed["measure_id"],
            "jurisdiction_zh": "全国",
            "jurisdiction_en": "China (national)",
            "document_zh": "合成国家规划",
            "document_number": "",
            "operator": "=",
            "value": value,
            "unit_id": fixed["unit_id"],
            "deadline_year": 2025,
            "quote": [f"到2025年，{name}达到{v}{s}" for name, v, s in zip(fixed["name_zh"], value, symbol)],
            "source": "Synthetic reference.",
            "source_url": "",
            "source_quality": "secondary",
            "notes": "",
        }
    )


# --------------------------------------------------------------------------- texts
def _to_traditional_where_needed(sources: pd.DataFrame, targets: pd.DataFrame, commitments: pd.DataFrame) -> None:
    """Quotes of Traditional-script sources in Traditional characters (in place), one OpenCC call per table."""
    from comparison.script import to_traditional

    hant = set(sources.loc[sources["script"] == "zh-Hant", "source_id"])
    for table in (targets, commitments):
        mask = table["source_id"].isin(hant).to_numpy()
        if mask.any():
            converted = to_traditional("\n".join(table.loc[mask, "quote"])).split("\n")
            table.loc[mask, "quote"] = converted


def _write_texts(sources: pd.DataFrame, targets: pd.DataFrame, commitments: pd.DataFrame, sources_dir: Path) -> list[str]:
    """Write one text per source holding all its quotes; return their SHA-256 digests in source order."""
    quotes = pd.concat([targets[["source_id", "quote"]], commitments[["source_id", "quote"]]])
    by_source = quotes.groupby("source_id", sort=False)["quote"].agg("。\n".join)
    digests = []
    for sid, title, file in zip(sources["source_id"], sources["title_zh"], sources["text_file"]):
        body = f"{title}\n\n{by_source.get(sid, '')}。\n\n本文件为基准测试合成的文本。\n".encode()
        (sources_dir / file).write_bytes(body)
        digests.append(hashlib.sha256(body).hexdigest())
    return digests


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus (data package and source texts) for benchmarks.")
    parser.add_argument("out", type=Path, help="folder to write data/ and sources/ into")
    parser.add_argument("--jurisdictions", type=int, default=3000)
    parser.add_argument("--targets", type=int, default=100, help="targets per source")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data_dir, sources_dir = make_corpus(args.out, args.jurisdictions, args.targets, seed=args.seed)
    print(f"wrote {data_dir} and {sources_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
