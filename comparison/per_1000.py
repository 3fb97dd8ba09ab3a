"""Targets per 1000 older people: absolute counts set against one older-population basis, never mixed.

:func:`per_1000_table` is re-exported by :mod:`comparison.align`, beside the
other tables.
"""

from __future__ import annotations

import pandas as pd

from comparison.align import COMPARABLE_POPULATION_BASIS, targets_long
from comparison.dataset import Dataset
from comparison.labels import PER_1000_HOW, POPULATION_BASIS, SOURCE_QUALITY, check_lang, pick, vocab


def per_1000_table(
    ds: Dataset, lang: str = "zh-Hans", *, basis: str = COMPARABLE_POPULATION_BASIS, long: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Targets per 1000 older people, on one population basis only.

    Two kinds of row, told apart by ``how``:

    * ``computed``: a target of a measure counted as an absolute number
      (beds, people, facilities …) for the whole jurisdiction;
      ``per_1000_older_people`` is ``value / older_population * 1000``;
    * ``stated``: a target the document itself states per 1000 older people;
      ``per_1000_older_people`` is its value, and the jurisdiction's
      older population is shown beside it for context.

    ``older_population`` is the jurisdiction's cited figure on ``basis`` (the
    2020 census, resident population aged 60 and over, by default), with
    ``population_basis``, ``population_source`` and
    ``population_source_quality`` (primary or secondary). Where there is none,
    ``per_1000_older_people`` of a computed row is empty and ``reason`` says
    why (no figure, or a figure on another basis, which is never used).
    Figures are never estimated. Rows restating another row, targets with a
    scope, targets of no measure and measures at another level (per district …)
    are left out. ``long`` may pass ``targets_long(ds, lang)`` when at hand.
    Other columns: ``target_id``, ``jurisdiction_id``, ``jurisdiction``,
    ``topic_id``, ``topic``, ``measure_id``, ``measure``, ``description``,
    ``target``, ``value``, ``unit``.
    """
    check_lang(lang)
    if long is None:
        long = targets_long(ds, lang)
    units = ds.units.set_index(ds.units["unit_id"].astype(str))
    absolute = set(units.index[units["is_absolute_count"].astype(bool)])
    stated_units = {u for u in units.index if u.endswith("_per_1000_older_people")}
    mea = ds.measures.set_index(ds.measures["measure_id"].astype(str))
    whole = set(mea.index[mea["level"].astype(str) == "jurisdiction"])
    t = ds.targets.set_index(ds.targets["target_id"].astype(str))
    kinds, scoped, restating = t["kind"], t["scope_zh"].notna(), t["restates"].notna()
    tid = long["target_id"]
    sel = long[
        long["unit_id"].isin(absolute | stated_units)
        & long["measure_id"].astype("string").isin(whole).fillna(False)
        & tid.map(kinds).eq("target")
        & ~tid.map(scoped).astype(bool)
        & ~tid.map(restating).astype(bool)
    ].copy()
    pop = ds.population.assign(jurisdiction_id=ds.population["jurisdiction_id"].astype(str))
    comparable = pop[pop["basis"] == basis].set_index("jurisdiction_id")
    other = pop[pop["basis"] != basis].groupby("jurisdiction_id").first()
    j = sel["jurisdiction_id"].astype(str).tolist()
    has = [jid in comparable.index for jid in j]
    stated = sel["unit_id"].isin(stated_units).tolist()
    sel["older_population"] = pd.array([int(comparable.loc[jid, "older_population"]) if h else pd.NA for jid, h in zip(j, has)], dtype="Int64")
    sel["population_basis"] = [basis if h else (other.loc[jid, "basis"] if jid in other.index else "") for jid, h in zip(j, has)]
    sel["population_source"] = [comparable.loc[jid, "source"] if h else "" for jid, h in zip(j, has)]
    sel["population_source_quality"] = [vocab(SOURCE_QUALITY, comparable.loc[jid, "source_quality"], lang) if h else "" for jid, h in zip(j, has)]
    sel["per_1000_older_people"] = [
        float(v) if st else (float(v) / float(comparable.loc[jid, "older_population"]) * 1000 if h else float("nan"))
        for jid, h, st, v in zip(j, has, stated, sel["value"].tolist())
    ]
    sel["how"] = [vocab(PER_1000_HOW, "stated" if st else "computed", lang) for st in stated]
    sel["reason"] = [
        "" if h or st else _no_figure_reason(jid in other.index, other.loc[jid, "basis"] if jid in other.index else None, basis, lang)
        for jid, h, st in zip(j, has, stated)
    ]
    cols = [
        "target_id", "jurisdiction_id", "jurisdiction", "topic_id", "topic", "measure_id", "measure", "description", "target", "value", "unit",
        "older_population", "population_basis", "population_source", "population_source_quality", "per_1000_older_people", "how", "reason",
    ]
    return sel[cols].reset_index(drop=True)


def _no_figure_reason(has_other: bool, other_basis: str | None, basis: str, lang: str) -> str:
    if has_other:
        other, wanted = vocab(POPULATION_BASIS, other_basis, lang), vocab(POPULATION_BASIS, basis, lang)
        return pick(
            f"无可比人口数据：已引用的老年人口为“{other}”，与“{wanted}”口径不同",
            f"no comparable figure: the cited older population is on another basis ({other}, not {wanted})",
            lang,
        )
    return pick("无可比人口数据：未找到有来源的老年人口数", "no comparable figure: no sourced older-population figure was found", lang)
