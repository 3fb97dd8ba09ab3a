"""Aligning differently worded targets across jurisdictions.

All functions take a :class:`~comparison.dataset.Dataset` and return tidy
DataFrames whose text is in one output language (``lang``: ``"zh-Hans"``,
``"zh-Hant"`` or ``"en"``). Column names stay the same in every language (see
:data:`comparison.labels.COLUMNS` for their labels); quotes always stay
verbatim in the source's own script, with a Simplified rendering beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import islice

import numpy as np
import pandas as pd

from comparison.dataset import Dataset
from comparison.labels import ATTRIBUTE, KIND, POPULATION_BASIS, STATUS, check_lang, format_target, pick, vocab
from comparison.script import to_script, to_simplified
from comparison.selection import SelectionError, resolve_cities, resolve_domains, resolve_indicators  # noqa: F401 (SelectionError: re-exported)
from comparison.tables import gc_paused

#: The population basis on which per-1000-older-people figures are compared.
COMPARABLE_POPULATION_BASIS = "census2020_resident"

#: Order of coverage statuses, strongest first.
STATUS_ORDER = ("quantified", "qualitative", "not_mentioned")


# --------------------------------------------------------------------------- names
def _names(frame: pd.DataFrame, id_col: str, lang: str, zh: str = "name_zh", en: str = "name_en") -> pd.Series:
    ids = frame[id_col].astype(str)
    return pd.Series([pick(z, e, lang) for z, e in zip(frame[zh], frame[en])], index=ids.values)


def jurisdiction_names(ds: Dataset, lang: str) -> pd.Series:
    """Jurisdiction id → name in ``lang``, in display order."""
    return _names(ds.jurisdictions.sort_values("order"), "jurisdiction_id", lang)


def indicator_names(ds: Dataset, lang: str) -> pd.Series:
    """Indicator id → name in ``lang``, in codebook order."""
    names = _names(ds.indicators, "indicator_id", lang)
    return names.reindex(ds.indicator_order)


def domain_names(ds: Dataset, lang: str) -> pd.Series:
    return _names(ds.domains.sort_values("order"), "domain_id", lang)


def unit_symbols(ds: Dataset, lang: str) -> pd.Series:
    return _names(ds.units, "unit_id", lang, "symbol_zh", "symbol_en")


# --------------------------------------------------------------------------- the long table
@gc_paused()
def targets_long(ds: Dataset, lang: str = "zh-Hans", *, taiwan: bool = False) -> pd.DataFrame:
    """One row per target, joined to its source, jurisdiction, indicator, domain and unit.

    Columns: ``target_id``, ``source_id``, ``jurisdiction_id``, ``jurisdiction``
    (name in ``lang``), ``document`` (title), ``clause``, ``kind`` (label),
    ``indicator_id``, ``indicator`` (name; empty when the target has no
    canonical indicator), ``domain_id``, ``domain``, ``measure`` (what is
    measured), ``operator``, ``value``, ``unit_id``, ``unit`` (symbol),
    ``deadline_year``, ``scope``, ``attribute``, ``is_aspirational``,
    ``target`` (the whole target as one short text, e.g. ``≥60%（2025年）``),
    ``quote`` (verbatim, in the source's own script), ``quote_zh_hans`` (its
    Simplified rendering) and ``notes``. Rows follow the display order of
    jurisdictions, then the documents' own order.
    """
    check_lang(lang)
    t = ds.targets.reset_index(drop=True)
    src = ds.sources.set_index(ds.sources["source_id"].astype(str))
    ind = ds.indicators.set_index(ds.indicators["indicator_id"].astype(str))
    sid = t["source_id"].astype(str)
    iid = t["indicator_id"].astype("string")
    jid = sid.map(src["jurisdiction_id"].astype(str))

    def text(zh: pd.Series, en: pd.Series) -> pd.Series:
        chosen = en if lang == "en" else zh.map(cache(lambda v: to_script(v, lang, taiwan=taiwan) if isinstance(v, str) else v))
        return chosen.fillna("").astype(str)

    units = unit_symbols(ds, lang)
    domain_id = iid.map(ind["domain_id"].astype(str))
    out = pd.DataFrame(
        {
            "target_id": t["target_id"].astype(str),
            "source_id": t["source_id"],
            "jurisdiction_id": pd.Categorical(jid, categories=ds.jurisdiction_order, ordered=True),
            "jurisdiction": jid.map(jurisdiction_names(ds, lang)),
            "document": text(sid.map(src["title_zh"]), sid.map(src["title_en"])),
            "clause": t["clause"].astype(str),
            "kind": t["kind"].map(cache(lambda k: vocab(KIND, k, lang))),
            "indicator_id": t["indicator_id"],
            "indicator": iid.map(indicator_names(ds, lang)).fillna(""),
            "domain_id": pd.Categorical(domain_id, categories=ds.domain_order, ordered=True),
            "domain": domain_id.map(domain_names(ds, lang)).fillna(""),
            "measure": text(t["measure_zh"], t["measure_en"]),
            "operator": t["operator"],
            "value": t["value"],
            "unit_id": t["unit_id"].astype(str),
            "unit": t["unit_id"].astype(str).map(units),
            "deadline_year": t["deadline_year"],
            "scope": text(t["scope_zh"], t["scope_en"]),
            "attribute": t["attribute"].map(cache(lambda a: vocab(ATTRIBUTE, a, lang) if isinstance(a, str) else "")),
            "is_aspirational": t["is_aspirational"].astype(bool),
            "quote": t["quote"].astype(str),
            "quote_zh_hans": _simplified_many(t["quote"].astype(str).tolist()),
            "notes": t["notes"].fillna("").astype(str),
        }
    )
    word_in_script = cache(lambda word: pick(word, "", lang, taiwan=taiwan))
    out["target"] = [
        format_target(
            operator=operator,
            value=value,
            unit_symbol=_measure_symbol(unit_id, unit, word, lang, word_in_script),
            deadline_year=year,
            scope=scope,
            is_aspirational=aspirational,
            lang=lang,
        )
        for operator, value, unit_id, unit, word, year, scope, aspirational in zip(
            out["operator"].tolist(),
            out["value"].tolist(),
            out["unit_id"].tolist(),
            out["unit"].tolist(),
            t["measure_word"].tolist(),
            out["deadline_year"].tolist(),
            out["scope"].tolist(),
            out["is_aspirational"].tolist(),
        )
    ]
    codes = out["jurisdiction_id"].cat.codes.to_numpy()
    order = np.argsort(np.where(codes < 0, len(ds.jurisdiction_order), codes), kind="stable")  # unknown ones last
    if (np.diff(order) > 0).all():  # already in display order: no copy
        return out
    return out.take(order).reset_index(drop=True)


def _simplified_many(texts: list[str]) -> list[str]:
    """:func:`comparison.script.to_simplified` of every text, in one OpenCC call instead of one per text.

    OpenCC keeps each line break, so the converted whole splits back into
    the texts, however many line breaks each holds.
    """
    pieces = iter(to_simplified("\n".join(texts)).split("\n"))
    return ["\n".join(islice(pieces, text.count("\n") + 1)) for text in texts]


def _measure_symbol(unit_id: str, unit: str, measure_word, lang: str, word_in_script) -> str:
    """The symbol after a value: the text's own measure word (in ``lang``'s script) in Chinese where it has one."""
    if lang != "en" and isinstance(measure_word, str) and measure_word and unit_id not in ("percent",) and "per" not in unit_id:
        return word_in_script(measure_word)
    return unit


def filter_targets(
    ds: Dataset,
    long: pd.DataFrame,
    *,
    cities: Iterable[str] | None = None,
    indicators: Iterable[str] | None = None,
    domains: Iterable[str] | None = None,
    deadline_years: Iterable[int] | None = None,
    kinds: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Rows of ``long`` (from :func:`targets_long`) for the given cities, indicators, domains, deadlines and kinds.

    Cities, indicators and domains may be given by id or by name in any output
    language; an unknown one raises :class:`SelectionError` naming the valid
    ids and the closest match.
    """
    mask = pd.Series(True, index=long.index)
    if (ids := resolve_cities(ds, cities)) is not None:
        mask &= long["jurisdiction_id"].astype(str).isin(ids)
    if (ids := resolve_indicators(ds, indicators)) is not None:
        mask &= long["indicator_id"].astype("string").isin(ids).fillna(False)
    if (ids := resolve_domains(ds, domains)) is not None:
        mask &= long["domain_id"].astype("string").isin(ids).fillna(False)
    if deadline_years is not None:
        years = {int(y) for y in deadline_years}
        mask &= long["deadline_year"].isin(years).fillna(False)
    if kinds is not None:
        kind_of = dict(zip(ds.targets["target_id"].astype(str), ds.targets["kind"]))
        mask &= long["target_id"].map(kind_of).isin(set(kinds))
    return long[mask].reset_index(drop=True)


# --------------------------------------------------------------------------- coverage
def coverage_long(ds: Dataset) -> pd.DataFrame:
    """Indicator × jurisdiction: how each document covers each canonical indicator.

    Columns: ``indicator_id``, ``jurisdiction_id``, ``status`` (ordered
    categorical: ``quantified`` when the jurisdiction's documents set at least
    one target or standard for the indicator, ``qualitative`` when they only
    commit to it in words, ``not_mentioned`` otherwise), ``n_targets`` and
    ``n_commitments``. Policy parameters do not count as targets.
    """
    src_j = dict(zip(ds.sources["source_id"].astype(str), ds.sources["jurisdiction_id"].astype(str)))
    t = ds.targets[ds.targets["kind"] != "parameter"].dropna(subset=["indicator_id"])
    n_t = t.groupby([t["indicator_id"].astype(str), t["source_id"].astype(str).map(src_j)]).size()
    c = ds.commitments
    n_c = c.groupby([c["indicator_id"].astype(str), c["source_id"].astype(str).map(src_j)]).size()
    grid = pd.MultiIndex.from_product([ds.indicator_order, ds.jurisdiction_order], names=["indicator_id", "jurisdiction_id"])
    out = pd.DataFrame(index=grid)
    out["n_targets"] = n_t.reindex(grid, fill_value=0).astype(int).values
    out["n_commitments"] = n_c.reindex(grid, fill_value=0).astype(int).values
    status = pd.Series("not_mentioned", index=grid)
    status[out["n_commitments"].values > 0] = "qualitative"
    status[out["n_targets"].values > 0] = "quantified"
    out["status"] = pd.Categorical(status.values, categories=list(STATUS_ORDER), ordered=True)
    out = out.reset_index()
    out["indicator_id"] = pd.Categorical(out["indicator_id"], categories=ds.indicator_order, ordered=True)
    out["jurisdiction_id"] = pd.Categorical(out["jurisdiction_id"], categories=ds.jurisdiction_order, ordered=True)
    return out[["indicator_id", "jurisdiction_id", "status", "n_targets", "n_commitments"]]


def coverage_matrix(
    ds: Dataset, lang: str = "zh-Hans", *, indicators=None, cities=None, domain=None, coverage: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Wide coverage: one row per indicator, one column per jurisdiction, cells are status labels in ``lang``.

    The index is the indicator name; use :func:`coverage_long` for ids and counts
    (``coverage`` may pass it when already at hand).
    """
    check_lang(lang)
    cov = _select(ds, coverage_long(ds) if coverage is None else coverage, indicators=indicators, cities=cities, domain=domain)
    cov = cov.assign(label=cov["status"].astype(str).map(lambda s: vocab(STATUS, s, lang)))
    wide = cov.pivot(index="indicator_id", columns="jurisdiction_id", values="label")
    wide = wide.loc[[i for i in ds.indicator_order if i in wide.index], [j for j in ds.jurisdiction_order if j in wide.columns]]
    wide.index = wide.index.astype(str).map(indicator_names(ds, lang))
    wide.columns = wide.columns.astype(str).map(jurisdiction_names(ds, lang))
    wide.index.name = _label("indicator", lang)
    wide.columns.name = _label("jurisdiction", lang)
    return wide


def _label(column: str, lang: str) -> str:
    from comparison.labels import column_label

    return column_label(column, lang)


def _select(ds: Dataset, frame: pd.DataFrame, *, indicators=None, cities=None, domain=None) -> pd.DataFrame:
    """Rows of a frame with ``indicator_id`` and ``jurisdiction_id`` columns, filtered."""
    mask = pd.Series(True, index=frame.index)
    if (ids := resolve_cities(ds, cities)) is not None:
        mask &= frame["jurisdiction_id"].astype(str).isin(ids)
    if (ids := resolve_indicators(ds, indicators)) is not None:
        mask &= frame["indicator_id"].astype(str).isin(ids)
    if domain is not None:
        domains = resolve_domains(ds, [domain] if isinstance(domain, str) else domain)
        ind_domain = dict(zip(ds.indicators["indicator_id"].astype(str), ds.indicators["domain_id"].astype(str)))
        mask &= frame["indicator_id"].astype(str).map(ind_domain).isin(domains)
    return frame[mask]


# --------------------------------------------------------------------------- side by side
@gc_paused()
def comparison_table(
    ds: Dataset,
    lang: str = "zh-Hans",
    *,
    indicators=None,
    cities=None,
    domain=None,
    national: bool = True,
    taiwan: bool = False,
    long: pd.DataFrame | None = None,
    coverage: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Indicators × jurisdictions, each cell the jurisdiction's targets for the indicator.

    A cell gives the target or standard (``≥60%（2025年）``; several take a
    line each, led by what each measures: ``标准化老年食堂数量：≥200个（2023年）``), or says ``仅定性承诺`` / ``qualitative only`` when
    the documents only commit in words, or ``未提及`` / ``not mentioned``. With
    ``national=True`` a last column shows the cited national reference target
    where one exists. The index holds indicator names. ``long`` may pass
    ``targets_long(ds, lang, taiwan=taiwan)`` and ``coverage`` may pass
    ``coverage_long(ds)`` when already at hand.
    """
    check_lang(lang)
    if long is None:
        long = targets_long(ds, lang, taiwan=taiwan)
    long = long[["kind", "indicator_id", "jurisdiction_id", "measure", "target"]]
    long = long[(long["kind"] != vocab(KIND, "parameter", lang)) & long["indicator_id"].notna()]
    cov = _select(ds, coverage_long(ds) if coverage is None else coverage, indicators=indicators, cities=cities, domain=domain)
    cells: dict[tuple[str, str], list[tuple[str, str]]] = {}
    keys = zip(long["indicator_id"].astype(str).tolist(), long["jurisdiction_id"].astype(str).tolist())
    for key, measure, target in zip(keys, long["measure"].tolist(), long["target"].tolist()):
        cells.setdefault(key, []).append((measure, target))
    status_label = cache(lambda status: vocab(STATUS, status, lang))
    text = [
        _cell_text(cells.get((i, j), []), lang) if status == "quantified" else status_label(status)
        for i, j, status in zip(
            cov["indicator_id"].astype(str).tolist(), cov["jurisdiction_id"].astype(str).tolist(), cov["status"].astype(str).tolist()
        )
    ]
    cov = cov.assign(cell=text)
    wide = cov.pivot(index="indicator_id", columns="jurisdiction_id", values="cell")
    wide = wide.loc[[i for i in ds.indicator_order if i in wide.index], [j for j in ds.jurisdiction_order if j in wide.columns]]
    if national:
        ref = national_reference(ds, lang)
        wide[_label("national_reference", lang)] = [ref.get(i, "") for i in wide.index.astype(str)]
    wide.index = wide.index.astype(str).map(indicator_names(ds, lang))
    names = jurisdiction_names(ds, lang)
    wide.columns = [names.get(c, c) for c in wide.columns]
    wide.index.name = _label("indicator", lang)
    return wide


def _cell_text(targets: list[tuple[str, str]], lang: str) -> str:
    """A comparison cell: the target alone, or one line per target led by what it measures when there are several."""
    if len(targets) == 1:
        return targets[0][1]
    sep = ": " if lang == "en" else "："
    return "\n".join(f"{measure}{sep}{target}" if measure else target for measure, target in targets)


def national_reference(ds: Dataset, lang: str) -> pd.Series:
    """Indicator id → the cited national target as cell text (e.g. ``55%（2025年）`` / ``55% (by 2025)``)."""
    units = unit_symbols(ds, lang)
    nat = ds.national_targets
    text = {
        str(r.indicator_id): format_target(
            operator=r.operator, value=r.value, unit_symbol=units[str(r.unit_id)], deadline_year=r.deadline_year, lang=lang
        )
        for r in nat.itertuples(index=False)
    }
    return pd.Series(text, dtype=object)


# --------------------------------------------------------------------------- per 1000 older people
def per_1000_table(
    ds: Dataset, lang: str = "zh-Hans", *, basis: str = COMPARABLE_POPULATION_BASIS, long: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Absolute-count targets (beds, people, facilities …) per 1000 older people.

    One row per jurisdiction-wide target of a canonical indicator whose unit
    is an absolute count.
    ``per_1000_older_people`` is ``value / older_population * 1000`` where the
    jurisdiction has a cited older-population figure of ``basis`` (the 2020
    census, resident population, by default); otherwise it is empty and
    ``reason`` says why — the figure is missing, or its basis differs and so
    is not comparable. Figures are never estimated. Targets with a scope
    (每个区县, 农村 …) are left out because their base is not the whole
    population. ``long`` may pass ``targets_long(ds, lang)`` when already at hand.
    """
    check_lang(lang)
    if long is None:
        long = targets_long(ds, lang)
    absolute = set(ds.units.loc[ds.units["is_absolute_count"].astype(bool), "unit_id"].astype(str))
    kinds = dict(zip(ds.targets["target_id"].astype(str), ds.targets["kind"]))
    scoped = dict(zip(ds.targets["target_id"].astype(str), ds.targets["scope_zh"].notna()))
    sel = long[
        long["unit_id"].isin(absolute)
        & long["indicator_id"].notna()
        & long["target_id"].map(kinds).eq("target")
        & ~long["target_id"].map(scoped)
    ].copy()
    pop = ds.population.assign(jurisdiction_id=ds.population["jurisdiction_id"].astype(str))
    comparable = pop[pop["basis"] == basis].set_index("jurisdiction_id")
    other = pop[pop["basis"] != basis].groupby("jurisdiction_id").first()
    # One lookup per jurisdiction, then mapped onto the rows.
    j = sel["jurisdiction_id"].astype(str).tolist()
    wanted = set(j)
    figure = {
        jid: (int(n), src)
        for jid, n, src in zip(comparable.index, comparable["older_population"].tolist(), comparable["source"].tolist())
        if jid in wanted
    }
    fallback = {
        jid: (
            other.loc[jid, "basis"] if jid in other.index else "",
            other.loc[jid, "source"] if jid in other.index else "",
            _no_figure_reason(jid in other.index, other.loc[jid, "basis"] if jid in other.index else None, basis, lang),
        )
        for jid in wanted - set(figure)
    }
    values = [figure[jid][0] if jid in figure else pd.NA for jid in j]
    bases = [basis if jid in figure else fallback[jid][0] for jid in j]
    sources = [figure[jid][1] if jid in figure else fallback[jid][1] for jid in j]
    per = [float(v) / float(figure[jid][0]) * 1000 if jid in figure else float("nan") for jid, v in zip(j, sel["value"].tolist())]
    reasons = ["" if jid in figure else fallback[jid][2] for jid in j]
    sel["older_population"] = pd.array(values, dtype="Int64")
    sel["population_basis"] = bases
    sel["population_source"] = sources
    sel["per_1000_older_people"] = per
    sel["reason"] = reasons
    cols = [
        "target_id", "jurisdiction_id", "jurisdiction", "indicator_id", "indicator", "measure", "target", "value", "unit",
        "older_population", "population_basis", "population_source", "per_1000_older_people", "reason",
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
