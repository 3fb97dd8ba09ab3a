"""Aligning differently worded targets across jurisdictions.

The codebook has two levels. A *topic* (``topics.csv``) is a theme of policy,
such as meal services; it carries the coverage map (quantified, qualitative
only, not mentioned). A *measure* (``measures.csv``) is one quantity of a
topic, with one unit, denominator, population, level and period; only
targets of one measure are put side by side.

All functions take a :class:`~comparison.dataset.Dataset` and return tidy
DataFrames whose text is in one output language (``lang``: ``"zh-Hans"``,
``"zh-Hant"`` or ``"en"``). Column names stay the same in every language (see
:data:`comparison.labels.COLUMNS` for their labels); ids always stand beside
the translated labels; quotes always stay verbatim in the source's own script,
with a Simplified rendering beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import islice

import numpy as np
import pandas as pd

from comparison.dataset import Dataset
from comparison.deprecation import renamed_keyword, warn_renamed
from comparison.labels import (
    ATTRIBUTE,
    DEADLINE_BASIS,
    KIND,
    STATUS,
    check_lang,
    format_target,
    pick,
    vocab,
)
from comparison.script import to_script, to_simplified
from comparison.selection import (  # noqa: F401 (SelectionError and resolve_indicators: re-exported)
    SelectionError,
    resolve_cities,
    resolve_domains,
    resolve_indicators,
    resolve_measures,
    resolve_topics,
)

#: The population basis on which per-1000-older-people figures are compared.
COMPARABLE_POPULATION_BASIS = "census2020_resident"

#: Order of coverage statuses, strongest first.
STATUS_ORDER = ("quantified", "qualitative", "not_mentioned")

#: The mark after a target in a comparison cell whose row compares targets that differ in a stated respect.
DIFFERS_MARK = "△"

#: How a target that names no scope or population group is described where it differs from one that does.
NO_SCOPE = ("全地区，未限定范围或人群", "whole jurisdiction, no group named")

#: What may differ between targets of one measure, each shown with :data:`DIFFERS_MARK` and named in ``differences``.
RESPECTS = {
    "scope": ("适用范围或人群不同", "scope or population group differs"),
    "aspirational": ("以“力争/争取”表述", "hedged with 力争/争取"),
}


# --------------------------------------------------------------------------- names
def _names(frame: pd.DataFrame, id_col: str, lang: str, zh: str = "name_zh", en: str = "name_en") -> pd.Series:
    ids = frame[id_col].astype(str)
    return pd.Series([pick(z, e, lang) for z, e in zip(frame[zh], frame[en])], index=ids.values)


def jurisdiction_names(ds: Dataset, lang: str) -> pd.Series:
    """Jurisdiction id → name in ``lang``, in display order."""
    return _names(ds.jurisdictions.sort_values("order"), "jurisdiction_id", lang)


def topic_names(ds: Dataset, lang: str) -> pd.Series:
    """Topic id → name in ``lang``, in codebook order."""
    return _names(ds.topics, "topic_id", lang).reindex(ds.topic_order)


def measure_names(ds: Dataset, lang: str) -> pd.Series:
    """Measure id → name in ``lang``, in codebook order."""
    return _names(ds.measures, "measure_id", lang).reindex(ds.measure_order)


def indicator_names(ds: Dataset, lang: str) -> pd.Series:
    """Former name of :func:`topic_names`; deprecated, removed in 0.3.0."""
    warn_renamed("indicator_names()", "topic_names()")
    return topic_names(ds, lang)


def domain_names(ds: Dataset, lang: str) -> pd.Series:
    return _names(ds.domains.sort_values("order"), "domain_id", lang)


def unit_symbols(ds: Dataset, lang: str) -> pd.Series:
    return _names(ds.units, "unit_id", lang, "symbol_zh", "symbol_en")


def measure_topics(ds: Dataset) -> pd.Series:
    """Measure id → topic id."""
    return pd.Series(ds.measures["topic_id"].astype(str).values, index=ds.measures["measure_id"].astype(str).values)


# --------------------------------------------------------------------------- the long table
def targets_long(ds: Dataset, lang: str = "zh-Hans", *, taiwan: bool = False) -> pd.DataFrame:
    """One row per target, joined to its source, jurisdiction, measure, topic, domain and unit.

    Ids stand beside their labels in ``lang``:

    * ``target_id``, ``source_id``, ``jurisdiction_id`` / ``jurisdiction``,
      ``document`` (title), ``clause``, ``kind`` (label);
    * ``topic_id`` / ``topic``, ``measure_id`` / ``measure`` (the codebook's
      measure; both empty when the target has none), ``domain_id`` / ``domain``;
    * ``description``: what the target measures, in the curator's words;
    * ``operator``, ``value``, ``unit_id``, ``unit`` (symbol);
    * ``deadline_stated`` (the year the sentence states), ``deadline_implied``
      (the end of the document's period, for a target whose sentence states
      none), ``deadline_basis`` (``stated``, ``plan_end`` or ``none``) and
      ``deadline_year`` (whichever of the two applies);
    * ``scope``, ``attribute``, ``is_aspirational``, ``restates`` (the target
      this row restates, else empty);
    * ``target``: the whole target as one short text (``≥60%（2025年）``; a year
      implied by the plan's period is written ``（规划期末2023年）`` /
      ``(plan ends 2023)``);
    * ``quote`` (verbatim, in the source's own script), ``quote_zh_hans`` (its
      Simplified rendering) and ``notes``.

    Rows follow the display order of jurisdictions, then the documents' own order.
    """
    check_lang(lang)
    t = ds.targets.reset_index(drop=True)
    src = ds.sources.set_index(ds.sources["source_id"].astype(str))
    mea = ds.measures.set_index(ds.measures["measure_id"].astype(str))
    top = ds.topics.set_index(ds.topics["topic_id"].astype(str))
    sid = t["source_id"].astype(str)
    mid = t["measure_id"].astype("string")
    tid = mid.map(mea["topic_id"].astype(str)).astype("string")
    jid = sid.map(src["jurisdiction_id"].astype(str))

    def text(zh: pd.Series, en: pd.Series) -> pd.Series:
        chosen = en if lang == "en" else zh.map(cache(lambda v: to_script(v, lang, taiwan=taiwan) if isinstance(v, str) else v))
        return chosen.fillna("").astype(str)

    units = unit_symbols(ds, lang)
    domain_id = tid.map(top["domain_id"].astype(str))
    stated = t["deadline_stated"].astype("Int64")
    implied = t["deadline_implied"].astype("Int64")
    out = pd.DataFrame(
        {
            "target_id": t["target_id"].astype(str),
            "source_id": t["source_id"],
            "jurisdiction_id": pd.Categorical(jid, categories=ds.jurisdiction_order, ordered=True),
            "jurisdiction": jid.map(jurisdiction_names(ds, lang)),
            "document": text(sid.map(src["title_zh"]), sid.map(src["title_en"])),
            "clause": t["clause"].astype(str),
            "kind": t["kind"].map(cache(lambda k: vocab(KIND, k, lang))),
            "topic_id": pd.Categorical(tid, categories=ds.topic_order, ordered=True),
            "topic": tid.map(topic_names(ds, lang)).fillna(""),
            "measure_id": pd.Categorical(mid, categories=ds.measure_order, ordered=True),
            "measure": mid.map(measure_names(ds, lang)).fillna(""),
            "domain_id": pd.Categorical(domain_id, categories=ds.domain_order, ordered=True),
            "domain": domain_id.map(domain_names(ds, lang)).fillna(""),
            "description": text(t["measure_zh"], t["measure_en"]),
            "operator": t["operator"],
            "value": t["value"],
            "unit_id": t["unit_id"].astype(str),
            "unit": t["unit_id"].astype(str).map(units),
            "deadline_stated": stated,
            "deadline_implied": implied,
            "deadline_basis": t["deadline_basis"].astype(str),
            "deadline_year": stated.fillna(implied),
            "scope": text(t["scope_zh"], t["scope_en"]),
            "attribute": t["attribute"].map(cache(lambda a: vocab(ATTRIBUTE, a, lang) if isinstance(a, str) else "")),
            "is_aspirational": t["is_aspirational"].astype(bool),
            "restates": t["restates"].fillna("").astype(str),
            "quote": t["quote"].astype(str),
            "quote_zh_hans": _simplified_many(t["quote"].astype(str).tolist()),
            "notes": t["notes"].fillna("").astype(str),
        }
    )
    word_in_script = cache(lambda word: pick(word, "", lang, taiwan=taiwan))
    out["target"] = [
        _target_text(operator, value, _measure_symbol(unit_id, unit, word, lang, word_in_script), year, implied_year, scope, aspirational, lang)
        for operator, value, unit_id, unit, word, year, implied_year, scope, aspirational in zip(
            out["operator"].tolist(),
            out["value"].tolist(),
            out["unit_id"].tolist(),
            out["unit"].tolist(),
            t["measure_word"].tolist(),
            out["deadline_stated"].tolist(),
            out["deadline_implied"].tolist(),
            out["scope"].tolist(),
            out["is_aspirational"].tolist(),
        )
    ]
    codes = out["jurisdiction_id"].cat.codes.to_numpy()
    order = np.argsort(np.where(codes < 0, len(ds.jurisdiction_order), codes), kind="stable")  # unknown ones last
    if (np.diff(order) > 0).all():  # already in display order: no copy
        return out
    return out.take(order).reset_index(drop=True)


def _target_text(operator, value, symbol, stated, implied, scope, aspirational, lang: str) -> str:
    """:func:`comparison.labels.format_target`, with a deadline implied by the plan's period said to be one."""
    text = format_target(operator=operator, value=value, unit_symbol=symbol, deadline_year=stated, scope=scope, is_aspirational=aspirational, lang=lang)
    if _missing(stated) and not _missing(implied):
        text += pick(f"（规划期末{int(implied)}年）", f" (plan ends {int(implied)})", lang)
    return text


def _missing(value) -> bool:
    """``pd.isna`` of one scalar from ``Series.tolist()``, without its cost (it runs once per target)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


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
    topics: Iterable[str] | None = None,
    measures: Iterable[str] | None = None,
    domains: Iterable[str] | None = None,
    deadline_years: Iterable[int] | None = None,
    kinds: Iterable[str] | None = None,
    indicators: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Rows of ``long`` (from :func:`targets_long`) for the given cities, topics, measures, domains, deadlines and kinds.

    Cities, topics, measures and domains may be given by id or by name in any
    output language; an unknown one raises :class:`SelectionError` naming the
    valid ids and the closest match. ``deadline_years`` match the deadline
    that applies (stated, or implied by the plan's period). ``indicators``,
    the former name of ``topics``, is deprecated and removed in 0.3.0.
    """
    topics = renamed_keyword("filter_targets", "topics", topics, "indicators", indicators)
    mask = pd.Series(True, index=long.index)
    if (ids := resolve_cities(ds, cities)) is not None:
        mask &= long["jurisdiction_id"].astype(str).isin(ids)
    if (ids := resolve_topics(ds, topics)) is not None:
        mask &= long["topic_id"].astype("string").isin(ids).fillna(False)
    if (ids := resolve_measures(ds, measures)) is not None:
        mask &= long["measure_id"].astype("string").isin(ids).fillna(False)
    if (ids := resolve_domains(ds, domains)) is not None:
        mask &= long["domain_id"].astype("string").isin(ids).fillna(False)
    if deadline_years is not None:
        years = {int(y) for y in deadline_years}
        mask &= long["deadline_year"].isin(years).fillna(False)
    if kinds is not None:
        kind_of = dict(zip(ds.targets["target_id"].astype(str), ds.targets["kind"]))
        mask &= long["target_id"].map(kind_of).isin(set(kinds))
    return long[mask].reset_index(drop=True)


def _counted(ds: Dataset) -> pd.DataFrame:
    """Targets and standards (not parameters) that restate no other row: the ones counted and compared."""
    t = ds.targets
    return t[(t["kind"] != "parameter") & t["restates"].isna()]


# --------------------------------------------------------------------------- coverage
def coverage_long(ds: Dataset) -> pd.DataFrame:
    """Topic × jurisdiction: how each jurisdiction's documents cover each topic.

    Columns: ``topic_id``, ``jurisdiction_id``, ``status`` (ordered
    categorical: ``quantified`` when the documents set at least one target or
    standard of one of the topic's measures, ``qualitative`` when they only
    commit to the topic in words, ``not_mentioned`` otherwise),
    ``n_targets``, ``n_measures`` (how many of the topic's measures those
    targets fall in) and ``n_commitments``. Policy parameters and rows that
    restate another row do not count.
    """
    src_j = dict(zip(ds.sources["source_id"].astype(str), ds.sources["jurisdiction_id"].astype(str)))
    t = _counted(ds).dropna(subset=["measure_id"])
    topic = t["measure_id"].astype(str).map(measure_topics(ds))
    place = t["source_id"].astype(str).map(src_j)
    n_t = t.groupby([topic, place]).size()
    n_m = t.groupby([topic, place])["measure_id"].nunique()
    c = ds.commitments
    n_c = c.groupby([c["topic_id"].astype(str), c["source_id"].astype(str).map(src_j)]).size()
    grid = pd.MultiIndex.from_product([ds.topic_order, ds.jurisdiction_order], names=["topic_id", "jurisdiction_id"])
    out = pd.DataFrame(index=grid)
    out["n_targets"] = n_t.reindex(grid, fill_value=0).astype(int).values
    out["n_measures"] = n_m.reindex(grid, fill_value=0).astype(int).values
    out["n_commitments"] = n_c.reindex(grid, fill_value=0).astype(int).values
    status = pd.Series("not_mentioned", index=grid)
    status[out["n_commitments"].values > 0] = "qualitative"
    status[out["n_targets"].values > 0] = "quantified"
    out["status"] = pd.Categorical(status.values, categories=list(STATUS_ORDER), ordered=True)
    out = out.reset_index()
    out["topic_id"] = pd.Categorical(out["topic_id"], categories=ds.topic_order, ordered=True)
    out["jurisdiction_id"] = pd.Categorical(out["jurisdiction_id"], categories=ds.jurisdiction_order, ordered=True)
    return out[["topic_id", "jurisdiction_id", "status", "n_targets", "n_measures", "n_commitments"]]


def coverage_matrix(
    ds: Dataset,
    lang: str = "zh-Hans",
    *,
    topics=None,
    cities=None,
    domain=None,
    coverage: pd.DataFrame | None = None,
    indicators=None,
) -> pd.DataFrame:
    """Wide coverage: one row per topic, one column per jurisdiction, cells are status labels in ``lang``.

    The index is the topic name; use :func:`coverage_long` for ids and counts
    (``coverage`` may pass it when already at hand). ``indicators``, the
    former name of ``topics``, is deprecated and removed in 0.3.0.
    """
    topics = renamed_keyword("coverage_matrix", "topics", topics, "indicators", indicators)
    check_lang(lang)
    cov = _select(ds, coverage_long(ds) if coverage is None else coverage, topics=resolve_topics(ds, topics), cities=cities, domain=domain)
    cov = cov.assign(label=cov["status"].astype(str).map(lambda s: vocab(STATUS, s, lang)))
    wide = cov.pivot(index="topic_id", columns="jurisdiction_id", values="label")
    wide = wide.loc[[i for i in ds.topic_order if i in wide.index], [j for j in ds.jurisdiction_order if j in wide.columns]]
    wide.index = wide.index.astype(str).map(topic_names(ds, lang))
    wide.columns = wide.columns.astype(str).map(jurisdiction_names(ds, lang))
    wide.index.name = _label("topic", lang)
    wide.columns.name = _label("jurisdiction", lang)
    return wide


def _label(column: str, lang: str) -> str:
    from comparison.labels import column_label

    return column_label(column, lang)


def _domain_topics(ds: Dataset, domain) -> list[str]:
    domains = resolve_domains(ds, [domain] if isinstance(domain, str) else domain)
    return ds.topics.loc[ds.topics["domain_id"].astype(str).isin(domains), "topic_id"].astype(str).tolist()


def _select(ds: Dataset, frame: pd.DataFrame, *, topics: list[str] | None = None, cities=None, domain=None) -> pd.DataFrame:
    """Rows of a frame with ``topic_id`` and ``jurisdiction_id`` columns, filtered (``topics`` are resolved ids)."""
    mask = pd.Series(True, index=frame.index)
    if (ids := resolve_cities(ds, cities)) is not None:
        mask &= frame["jurisdiction_id"].astype(str).isin(ids)
    if topics is not None:
        mask &= frame["topic_id"].astype(str).isin(topics)
    if domain is not None:
        mask &= frame["topic_id"].astype(str).isin(_domain_topics(ds, domain))
    return frame[mask]


# --------------------------------------------------------------------------- measures shared by places
def measure_places(ds: Dataset) -> pd.DataFrame:
    """Measure × jurisdiction pairs with at least one counted target (targets and standards that restate nothing).

    Columns: ``measure_id``, ``topic_id``, ``jurisdiction_id``, ``n_targets``; in codebook, then display order.
    """
    src_j = dict(zip(ds.sources["source_id"].astype(str), ds.sources["jurisdiction_id"].astype(str)))
    t = _counted(ds).dropna(subset=["measure_id"])
    pairs = pd.DataFrame({"measure_id": t["measure_id"].astype(str).values, "jurisdiction_id": t["source_id"].astype(str).map(src_j).values})
    out = pairs.groupby(["measure_id", "jurisdiction_id"]).size().rename("n_targets").reset_index()
    out["topic_id"] = out["measure_id"].map(measure_topics(ds))
    out["measure_id"] = pd.Categorical(out["measure_id"], categories=ds.measure_order, ordered=True)
    out["jurisdiction_id"] = pd.Categorical(out["jurisdiction_id"], categories=ds.jurisdiction_order, ordered=True)
    out = out.sort_values(["measure_id", "jurisdiction_id"]).reset_index(drop=True)
    return out[["measure_id", "topic_id", "jurisdiction_id", "n_targets"]]


def shared_measures(ds: Dataset) -> list[str]:
    """Ids of the measures that two or more jurisdictions set a target or standard for, in codebook order."""
    places = measure_places(ds).groupby("measure_id", observed=True)["jurisdiction_id"].nunique()
    return [m for m in ds.measure_order if places.get(m, 0) >= 2]


# --------------------------------------------------------------------------- side by side
def comparison_table(
    ds: Dataset,
    lang: str = "zh-Hans",
    *,
    measures=None,
    topics=None,
    cities=None,
    domain=None,
    shared_only: bool = False,
    national: bool = True,
    taiwan: bool = False,
    long: pd.DataFrame | None = None,
    coverage: pd.DataFrame | None = None,
    indicators=None,
) -> pd.DataFrame:
    """Measures × jurisdictions: each cell holds only the jurisdiction's targets of that measure.

    One row per measure that at least one selected jurisdiction (or the
    national reference) has a target for; measures that two or more of the
    selected jurisdictions share come first, then the rest, each group in
    codebook order (grouped by topic). The index is the measure's name in
    ``lang``. Columns:

    * ``topic_id``, ``topic``, ``measure_id``, ``unit`` (the measure's unit),
      ``n_places`` (how many selected jurisdictions have a target of it);
    * one column per jurisdiction (named in ``lang``): its targets of the
      measure, one line each (``≥60%（2025年）``; a scope is put in front, a
      deadline implied by the plan's period is said to be one); rows that
      restate another and policy parameters are left out. A jurisdiction
      with no target of the measure shows its coverage of the topic:
      ``本主题其他量`` / ``other measures of the topic`` when it has targets
      of other measures of the topic, else ``仅定性承诺`` / ``qualitative
      only`` or ``未提及`` / ``not mentioned``;
    * ``differences``: where the row's targets differ in a stated respect
      (scope or population group, hedging with 力争/争取), what differs and
      for whom; each such target carries :data:`DIFFERS_MARK` in its cell;
    * the national reference of the measure, where one exists (with
      ``national=True``; the last column, labelled ``全国参考`` /
      ``National reference``).

    ``measures``, ``topics``, ``cities`` and ``domain`` narrow the table;
    ``shared_only`` keeps only shared measures. ``long`` may pass
    ``targets_long(ds, lang, taiwan=taiwan)`` and ``coverage`` may pass
    ``coverage_long(ds)`` when already at hand. ``indicators``, the former
    name of ``topics``, is deprecated and removed in 0.3.0.
    """
    topics = renamed_keyword("comparison_table", "topics", topics, "indicators", indicators)
    check_lang(lang)
    if long is None:
        long = targets_long(ds, lang, taiwan=taiwan)
    city_ids = resolve_cities(ds, cities) or ds.jurisdiction_order
    city_ids = [c for c in ds.jurisdiction_order if c in set(city_ids)]
    counted = set(_counted(ds)["target_id"].astype(str).tolist())  # a list iterates faster than a pandas array
    rows = long[long["target_id"].isin(counted) & long["measure_id"].notna() & long["jurisdiction_id"].astype(str).isin(city_ids)]
    rows = rows[["target_id", "jurisdiction_id", "jurisdiction", "measure_id", "target", "scope", "is_aspirational"]]
    rows = rows.assign(jurisdiction_id=rows["jurisdiction_id"].astype(str), measure_id=rows["measure_id"].astype(str))  # plain strings iterate fast
    keep = _selected_measures(ds, measures=measures, topics=resolve_topics(ds, topics), domain=domain)
    rows = rows[rows["measure_id"].astype(str).isin(keep)]
    ref = national_reference(ds, lang) if national else pd.Series(dtype=object)
    n_places = rows.groupby(rows["measure_id"].astype(str))["jurisdiction_id"].nunique()
    wanted = [m for m in ds.measure_order if m in keep and (n_places.get(m, 0) > 0 or (national and m in ref.index))]
    if shared_only:
        wanted = [m for m in wanted if n_places.get(m, 0) >= 2]
    wanted.sort(key=lambda m: n_places.get(m, 0) < 2)  # stable: shared first, codebook order within each group
    cov = coverage_long(ds) if coverage is None else coverage
    status = {
        (t, j): (s, int(n))
        for t, j, s, n in zip(
            cov["topic_id"].astype(str).tolist(), cov["jurisdiction_id"].astype(str).tolist(), cov["status"].astype(str).tolist(), cov["n_targets"].tolist()
        )
    }
    topic_of = measure_topics(ds).to_dict()
    names = jurisdiction_names(ds, lang).to_dict()
    mea = ds.measures.set_index(ds.measures["measure_id"].astype(str))
    units = _names(ds.units, "unit_id", lang)
    by_measure = {m: g for m, g in rows.groupby(rows["measure_id"].astype(str), sort=False)}
    other = pick("本主题其他量", "other measures of the topic", lang)
    topics = topic_names(ds, lang).to_dict()
    status_label = {s: vocab(STATUS, s, lang) for s in STATUS_ORDER}
    records = []
    for m in wanted:
        group = by_measure.get(m, rows.iloc[0:0])
        marks, differences = _differences(group, names, lang)
        record = {
            "topic_id": topic_of[m],
            "topic": topics[topic_of[m]],
            "measure_id": m,
            "unit": units[str(mea.loc[m, "unit_id"])],
            "n_places": int(n_places.get(m, 0)),
        }
        lines: dict[str, list[str]] = {}
        for tid, place, target in zip(group["target_id"].tolist(), group["jurisdiction_id"].tolist(), group["target"].tolist()):
            lines.setdefault(place, []).append(f"{target}{DIFFERS_MARK if tid in marks else ''}")
        for j in city_ids:
            if j in lines:
                record[names[j]] = "\n".join(lines[j])
            else:
                state, n = status.get((topic_of[m], j), ("not_mentioned", 0))
                record[names[j]] = other if state == "quantified" and n > 0 else status_label[state]
        record["differences"] = differences
        if national:
            record[_label("national_reference", lang)] = ref.get(m, "")
        records.append(record)
    columns = ["topic_id", "topic", "measure_id", "unit", "n_places", *(names[j] for j in city_ids), "differences"]
    columns += [_label("national_reference", lang)] if national else []
    table = pd.DataFrame.from_records(records, columns=columns)
    table.index = pd.Index(measure_names(ds, lang).reindex(wanted).tolist(), name=_label("measure", lang))
    return table


def _selected_measures(ds: Dataset, *, measures=None, topics: list[str] | None = None, domain=None) -> set[str]:
    keep = set(ds.measure_order)
    if (ids := resolve_measures(ds, measures)) is not None:
        keep &= set(ids)
    topic_of = measure_topics(ds)
    if topics is not None:
        keep &= {m for m in keep if topic_of[m] in set(topics)}
    if domain is not None:
        in_domain = set(_domain_topics(ds, domain))
        keep &= {m for m in keep if topic_of[m] in in_domain}
    return keep


def _differences(group: pd.DataFrame, names: dict[str, str], lang: str) -> tuple[set[str], str]:
    """The targets of one measure that differ in a stated respect, and a note saying what differs and for whom."""
    marks: set[str] = set()
    notes = []
    sep = "; " if lang == "en" else "；"
    whole = pick(*NO_SCOPE, lang)
    if group["scope"].nunique() > 1:
        marks |= set(group["target_id"].tolist())
        who = sep.join(
            f"{names[j]} ({s or whole})" if lang == "en" else f"{names[j]}（{s or whole}）"
            for j, s in zip(group["jurisdiction_id"].astype(str).tolist(), group["scope"].tolist())
        )
        notes.append(f"{pick(*RESPECTS['scope'], lang)}: {who}" if lang == "en" else f"{pick(*RESPECTS['scope'], lang)}：{who}")
    if group["is_aspirational"].nunique() > 1:
        hedged = group[group["is_aspirational"]]
        marks |= set(hedged["target_id"].tolist())
        who = sep.join(dict.fromkeys(names[j] for j in hedged["jurisdiction_id"].astype(str).tolist()))
        notes.append(f"{pick(*RESPECTS['aspirational'], lang)}: {who}" if lang == "en" else f"{pick(*RESPECTS['aspirational'], lang)}：{who}")
    return marks, "\n".join(notes)


def national_reference(ds: Dataset, lang: str) -> pd.Series:
    """Measure id → the cited national targets of the measure as cell text (``55%（2025年）`` / ``55% (by 2025)``)."""
    units = unit_symbols(ds, lang)
    text: dict[str, list[str]] = {}
    for r in ds.national_targets.itertuples(index=False):
        text.setdefault(str(r.measure_id), []).append(
            format_target(operator=r.operator, value=r.value, unit_symbol=units[str(r.unit_id)], deadline_year=r.deadline_year, lang=lang)
        )
    return pd.Series({m: "\n".join(v) for m, v in text.items()}, dtype=object)


# --------------------------------------------------------------------------- browsing by topic
def topic_listing(ds: Dataset, lang: str = "zh-Hans", *, topics=None, cities=None, domain=None, long: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every target under its topic, for browsing: one row per target, grouped by topic, then measure, then jurisdiction.

    Columns: ``topic_id``, ``topic``, ``measure_id``, ``measure``,
    ``jurisdiction_id``, ``jurisdiction``, ``target_id``, ``kind``,
    ``description``, ``target``, ``restates`` and ``notes``. Targets of no
    measure (and so of no topic) come last. Policy parameters are listed too.
    """
    check_lang(lang)
    if long is None:
        long = targets_long(ds, lang)
    frame = long.assign(_t=long["topic_id"].cat.codes.replace(-1, len(ds.topic_order)), _m=long["measure_id"].cat.codes.replace(-1, len(ds.measure_order)))
    frame = frame.assign(_j=frame["jurisdiction_id"].cat.codes)
    if (ids := resolve_cities(ds, cities)) is not None:
        frame = frame[frame["jurisdiction_id"].astype(str).isin(ids)]
    if (ids := resolve_topics(ds, topics)) is not None:
        frame = frame[frame["topic_id"].astype("string").isin(ids).fillna(False)]
    if domain is not None:
        frame = frame[frame["topic_id"].astype("string").isin(_domain_topics(ds, domain)).fillna(False)]
    frame = frame.sort_values(["_t", "_m", "_j"], kind="stable")
    cols = ["topic_id", "topic", "measure_id", "measure", "jurisdiction_id", "jurisdiction", "target_id", "kind", "description", "target", "restates", "notes"]
    return frame[cols].reset_index(drop=True)


def deadline_basis_label(basis: str, lang: str) -> str:
    """The label of a ``deadline_basis`` value (stated / plan_end / none) in ``lang``."""
    return vocab(DEADLINE_BASIS, basis, lang)


# The per-1000 view has a module of its own; it is one of the tables of this module's API.
from comparison.per_1000 import per_1000_table  # noqa: E402,F401
