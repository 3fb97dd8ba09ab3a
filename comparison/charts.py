"""Charts that compare the cities' targets, in Simplified Chinese, Traditional Chinese or English.

Every plot function is shaped like seaborn's: the :class:`~comparison.dataset.Dataset`
first, everything else keyword-only, an ``ax`` to draw on (a new figure is made
when it is omitted), and the Axes returned; none calls ``plt.show()``. Every
figure carries a title, axis labels and a source line naming the documents and
the data version. A city has the same colour in every chart
(:func:`city_palette`, colour-blind-safe).

Typical use::

    import comparison as cmp
    from comparison import charts
    ds = cmp.load_dataset()
    ax = charts.plot_coverage(ds, lang="en")
    charts.save_figure(ax.figure, "build/coverage_en")
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from comparison.align import (
    DIFFERS_MARK,
    NO_SCOPE,
    coverage_long,
    domain_names,
    jurisdiction_names,
    measure_names,
    per_1000_table,
    resolve_measures,
    shared_measures,
    topic_names,
    unit_symbols,
)
from comparison.chartkit import (  # source_line and city_palette are part of this module's interface
    _axes,
    _despine,
    _finish,
    _non_parameter_targets,
    _note_below,
    _prepare,
    _text,
    _use_chart_fonts,
    _wrap,
    city_palette,
    source_line,  # noqa: F401
)
from comparison.dataset import Dataset
from comparison.deprecation import warn_renamed
from comparison.docstrings import shared_docs as _shared_docs
from comparison.figures import PNG_DPI, SVG_HASHSALT, save_figure  # noqa: F401  (part of this module's interface)
from comparison.labels import PER_1000_HOW, STATUS, check_lang, column_label, format_number, format_target, vocab
from comparison.palette import OKABE_ITO, STATUS_COLOURS, STATUS_TEXT_COLOURS  # noqa: F401  (OKABE_ITO: part of the interface)
from comparison.words import CHART

#: Where the national reference is labelled in :func:`plot_measure_targets`: a strip above the first city.
NATIONAL_LABEL_ROW = -1.3

#: Every text of the charts (the chart table of :mod:`comparison.words`).
TEXT = CHART



# --------------------------------------------------------------------------- (a) coverage
@_shared_docs
def plot_coverage(ds: Dataset, *, lang: str = "zh-Hans", ax: Axes | None = None, **kwargs) -> Axes:
    """Heatmap of topic × city: quantified target, qualitative commitment only, or not mentioned.

    Rows are the codebook's topics grouped by domain (named on the right),
    columns the cities. A quantified cell shows how many targets and standards
    the city set for the topic's measures; policy parameters do not count (see
    :func:`comparison.align.coverage_long`).

    Parameters
    ----------
    {ds}
    {lang}
    {ax}
    kwargs
        Passed to :func:`seaborn.heatmap`, which draws the cells.

    {returns}
    """
    _prepare(ds, lang)
    ax = _axes(ax, (9, 11))
    _use_chart_fonts(ax)  # seaborn draws the figure to check its tick labels
    cov = coverage_long(ds)
    wide = cov.pivot(index="topic_id", columns="jurisdiction_id", values="status")
    counts = cov.pivot(index="topic_id", columns="jurisdiction_id", values="n_targets")
    codes = wide.apply(lambda col: col.map({s: i for i, s in enumerate(STATUS_COLOURS)})).astype(float)
    labels = np.where(wide == "quantified", counts.astype(str), "")
    sns.heatmap(
        codes, ax=ax, cbar=False, annot=labels, fmt="",
        annot_kws={"color": STATUS_TEXT_COLOURS["quantified"], "fontsize": 8},
        xticklabels=list(jurisdiction_names(ds, lang)[wide.columns.astype(str)]),
        yticklabels=list(topic_names(ds, lang)[wide.index.astype(str)]),
        **{"cmap": ListedColormap(list(STATUS_COLOURS.values())), "vmin": -0.5, "vmax": len(STATUS_COLOURS) - 0.5,
           "linewidths": 1.5, "linecolor": "white", **kwargs},
    )
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", labelrotation=0, labelsize=8.5, length=0)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    _mark_domains(ax, ds, lang, list(wide.index.astype(str)))
    legend = ax.legend(
        handles=[Patch(facecolor=c, edgecolor="0.6", label=_status_label(s, lang)) for s, c in STATUS_COLOURS.items()],
        loc="upper left", bbox_to_anchor=(0, -0.01), ncols=3, frameon=False, fontsize=8.5,
        handlelength=1.2, columnspacing=1.2,
    )
    return _finish(
        ax, ds, lang, title=_text("coverage_title", lang), xlabel=column_label("jurisdiction", lang),
        ylabel=column_label("topic", lang), below=legend,
    )


def _status_label(status: str, lang: str) -> str:
    return _text("quantified_count", lang) if status == "quantified" else vocab(STATUS, status, lang)


def _mark_domains(ax: Axes, ds: Dataset, lang: str, topic_ids: list[str]) -> None:
    """Separate the heatmap's rows by domain and name each domain beside its rows."""
    domain_of = dict(zip(ds.topics["topic_id"].astype(str), ds.topics["domain_id"].astype(str)))
    rows = pd.Series([domain_of[i] for i in topic_ids])
    names = domain_names(ds, lang)
    for domain, positions in rows.groupby(rows, sort=False).groups.items():
        top, bottom = min(positions), max(positions) + 1
        if top > 0:
            ax.axhline(top, color="0.25", linewidth=1.2)
        ax.plot([1.03, 1.03], [top + 0.15, bottom - 0.15], transform=ax.get_yaxis_transform(), clip_on=False, color="0.55", linewidth=1)
        ax.annotate(
            _wrap(names[domain], lang, 22), xy=(1.05, (top + bottom) / 2), xycoords=("axes fraction", "data"),
            va="center", ha="left", fontsize=8, color="0.3", annotation_clip=False,
        )


# --------------------------------------------------------------------------- (b) one measure
@_shared_docs
def plot_measure_targets(
    ds: Dataset, *, measure: str = "nursing_bed_share", lang: str = "zh-Hans", ax: Axes | None = None, **kwargs
) -> Axes:
    """One measure across the cities, with deadlines and the national reference.

    Only targets of that one measure are drawn, so every bar is the same
    quantity in the same unit (see :func:`comparison.align.shared_measures`
    for the measures that two or more cities share). Each target is one
    horizontal bar in its city's colour, labelled with its operator and value
    (``≥60%`` means at least 60%, ``60%`` exactly 60%) and its deadline (a
    year implied by the plan's period is said to be one); a target for part of
    a city names that part (its scope) under the city. Where the targets
    differ in scope, population group or hedging (力争), the bars carry
    :data:`~comparison.align.DIFFERS_MARK` and a note under the chart says what
    differs. A city with several targets has several bars. Cities without a
    target of the measure are labelled hatched gaps (qualitative only, not
    mentioned, or targets of other measures of the topic), never zero bars.
    National reference targets of the measure are dashed lines. Rows that
    restate another row and policy parameters are left out.

    Parameters
    ----------
    {ds}
    measure : str
        The measure: its id (``nursing_bed_share``) or its name in any of
        the three languages. It must have at least one target.
    {lang}
    {ax}
    kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`, which draws each target.

    {returns}
    """
    _prepare(ds, lang)
    (measure,) = resolve_measures(ds, [measure])
    targets = _measure_targets(ds, measure, lang)
    mea = ds.measures.set_index(ds.measures["measure_id"].astype(str)).loc[measure]
    topic = str(mea["topic_id"])
    unit_id = str(mea["unit_id"])
    symbol = unit_symbols(ds, lang)[unit_id]
    cov = coverage_long(ds)
    cov = cov[cov["topic_id"].astype(str) == topic]
    status = pd.Series(cov["status"].astype(str).values, index=cov["jurisdiction_id"].astype(str).values)
    palette, names = city_palette(ds), jurisdiction_names(ds, lang)
    rows = _measure_rows(ds, targets)
    differs = targets["scope"].nunique() > 1 or targets["is_aspirational"].nunique() > 1
    ax = _axes(ax, (9, 2.2 + 0.5 * len(rows)))
    top = max(targets["value"].max(), *(_national_values(ds, measure)), 0)
    span = 100.0 if unit_id == "percent" else float(top) or 1.0
    for y, (jid, target) in enumerate(rows):
        if target is None:
            _draw_gap(ax, y, _text(f"gap_{status.get(jid, 'not_mentioned')}", lang), span)
            continue
        ax.barh(y, target.value, **{"height": 0.62, "color": palette[jid], "label": names[jid], **kwargs})
        label = _bar_label(target, symbol, lang) + (DIFFERS_MARK if differs and _differs(target, targets) else "")
        ax.annotate(label, xy=(target.value, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    has_national = _draw_national(ax, ds, measure, symbol, lang)
    ax.set_yticks(range(len(rows)), [_row_label(names[jid], target, lang) for jid, target in rows], fontsize=9)
    ax.set_ylim(len(rows) - 0.5, NATIONAL_LABEL_ROW if has_national else -0.6)
    ax.set_xlim(0, span * 1.35)
    if unit_id == "percent":
        ax.set_xticks(range(0, 101, 20))
    ax.spines["bottom"].set_bounds(0, span)
    ax.tick_params(axis="y", length=0)
    _despine(ax, "top", "right")
    below = None
    if differs:
        what = _differences_text(targets, names, lang)
        below = _note_below(ax, _wrap(_text("differs_note", lang, what=what), lang, 110), fontsize=8.5, color="0.15")
    title = "measure_national_title" if has_national else "measure_title"
    unit_name = "%" if unit_id == "percent" else symbol
    return _finish(
        ax, ds, lang, title=_wrap(_text(title, lang, measure=measure_names(ds, lang)[measure]), lang, 80),
        xlabel=_text("value_axis", lang, unit=unit_name), ylabel=column_label("jurisdiction", lang),
        extra_sources=("national_source",) if has_national else (), below=below,
    )


def plot_indicator_targets(ds: Dataset, *, indicator: str = "nursing_bed_share", lang: str = "zh-Hans", ax: Axes | None = None, **kwargs) -> Axes:
    """Former name of :func:`plot_measure_targets` (each former indicator id is now also the id of one of its measures);
    deprecated, removed in 0.3.0."""
    warn_renamed("plot_indicator_targets(indicator=...)", "plot_measure_targets(measure=...)")
    return plot_measure_targets(ds, measure=indicator, lang=lang, ax=ax, **kwargs)


def _measure_targets(ds: Dataset, measure: str, lang: str) -> pd.DataFrame:
    """The counted targets and standards of ``measure``; raises if there are none."""
    long = _non_parameter_targets(ds, lang)
    long = long[long["restates"] == ""]
    rows = long[long["measure_id"].astype("string") == measure]
    if rows.empty:
        usable = ", ".join(shared_measures(ds))
        raise ValueError(f"measure '{measure}' has no target; measures that two or more cities share: {usable}")
    return rows


def _national_values(ds: Dataset, measure: str) -> list[float]:
    nat = ds.national_targets
    return [float(v) for v in nat.loc[nat["measure_id"].astype(str) == measure, "value"]]


def _differs(target, targets: pd.DataFrame) -> bool:
    """Whether ``target`` takes part in a difference of scope or hedging among ``targets``."""
    return targets["scope"].nunique() > 1 or (targets["is_aspirational"].nunique() > 1 and bool(target.is_aspirational))


def _differences_text(targets: pd.DataFrame, names: pd.Series, lang: str) -> str:
    whole = vocab({"none": NO_SCOPE}, "none", lang)
    sep = "; " if lang == "en" else "；"
    parts = []
    for t in targets.itertuples(index=False):
        scope = t.scope or whole
        aim = (" (aim)" if lang == "en" else "（力争）") if t.is_aspirational else ""
        parts.append(f"{names[str(t.jurisdiction_id)]} – {scope}{aim}" if lang == "en" else f"{names[str(t.jurisdiction_id)]}：{scope}{aim}")
    return sep.join(parts)


def _measure_rows(ds: Dataset, targets: pd.DataFrame) -> list[tuple[str, object]]:
    """(jurisdiction id, target row or ``None`` for a gap), one per chart row, cities in display order."""
    rows: list[tuple[str, object]] = []
    for jid in ds.jurisdiction_order:
        own = list(targets[targets["jurisdiction_id"] == jid].itertuples(index=False))
        rows += [(jid, t) for t in own] or [(jid, None)]
    return rows


def _row_label(city: str, target, lang: str) -> str:
    """A row's tick label: the city, and the part of it a scoped target covers."""
    return f"{city}\n{_wrap(target.scope, lang, 30)}" if target is not None and target.scope else city


def _bar_label(target, symbol: str, lang: str) -> str:
    """The label beside a target's bar: operator, value, deadline (or the lack of one), aim marker."""
    text = format_target(
        operator=target.operator, value=target.value, unit_symbol=symbol, deadline_year=target.deadline_stated,
        is_aspirational=target.is_aspirational, lang=lang,
    )
    if pd.notna(target.deadline_stated):
        return text
    if pd.notna(target.deadline_implied):
        return text + (f" (plan ends {int(target.deadline_implied)})" if lang == "en" else f"（规划期末{int(target.deadline_implied)}年）")
    return text + _text("no_deadline", lang)


def _draw_gap(ax: Axes, y: float, label: str, span: float = 100) -> None:
    """A labelled hatched row for a city that has no figure: not a zero bar."""
    ax.add_patch(Rectangle((0, y - 0.31), span, 0.62, fill=False, hatch="///", edgecolor="0.82", linewidth=0))
    ax.text(
        span * 0.015, y, label, ha="left", va="center", fontsize=9, color="0.25",
        bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "0.75"},
    )


def _draw_national(ax: Axes, ds: Dataset, measure: str, symbol: str, lang: str) -> bool:
    """Dashed lines, labelled at the top, for the national reference targets of ``measure``; whether any."""
    nat = ds.national_targets[ds.national_targets["measure_id"].astype(str) == measure]
    for ref in nat.itertuples(index=False):
        target = format_target(operator=ref.operator, value=ref.value, unit_symbol=symbol, deadline_year=ref.deadline_year, lang=lang)
        label = _text("national", lang, target=target)
        ax.axvline(ref.value, color="0.15", linestyle="--", linewidth=1.3, label=label)
        ax.annotate(label, xy=(ref.value, NATIONAL_LABEL_ROW), xytext=(4, -4), textcoords="offset points", ha="left", va="top", fontsize=9)
    return not nat.empty


# --------------------------------------------------------------------------- (c) deadlines
@_shared_docs
def plot_deadlines(ds: Dataset, *, lang: str = "zh-Hans", ax: Axes | None = None, **kwargs) -> Axes:
    """Timeline of each city's target deadlines against its document's period.

    One row per document. The band is the document's period (from
    ``period_start_year`` to ``period_end_year`` in ``sources.csv``); a period
    with no stated end is drawn dashed and runs off to the right. Each filled
    circle is a year the text states, with the number of targets and
    standards due that year; a hollow circle is the end of the plan period,
    for targets whose sentence states no year (``deadline_basis`` plan_end).
    The row label says how many have no deadline at all. Rows restating
    another row are not counted.

    Parameters
    ----------
    {ds}
    {lang}
    {ax}
    kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter`, which draws the deadline circles.

    {returns}
    """
    _prepare(ds, lang)
    ax = _axes(ax, (9, 4.8))
    targets = _non_parameter_targets(ds, lang)
    sources = ds.sources.set_index(ds.sources["source_id"].astype(str)).loc[ds.source_order]
    targets = targets[targets["restates"] == ""]
    years = pd.concat([sources["period_start_year"], sources["period_end_year"], targets["deadline_year"]]).dropna()
    first, last = int(years.min()), int(years.max())
    palette, names = city_palette(ds), jurisdiction_names(ds, lang)
    row_labels = []
    for y, (source_id, src) in enumerate(sources.iterrows()):
        jid = str(src["jurisdiction_id"])
        _draw_period(ax, y, src["period_start_year"], src["period_end_year"], last + 1, palette[jid], names[jid])
        rows = targets[targets["source_id"].astype(str) == source_id]
        due = rows["deadline_stated"].dropna().astype(int).value_counts().sort_index()
        ax.scatter(due.index, [y] * len(due), **{"s": 300, "color": palette[jid], "edgecolors": "white", "zorder": 3, **kwargs})
        for year, n in due.items():
            ax.text(year, y, str(n), ha="center", va="center", color="white", fontsize=8, zorder=4)
        implied = rows["deadline_implied"].dropna().astype(int).value_counts().sort_index()
        # A year the sentence does not state, only the end of the plan period: a hollow circle just below the row.
        ax.scatter(implied.index, [y + 0.28] * len(implied), **{"s": 190, "facecolors": "white", "edgecolors": palette[jid], "linewidths": 1.5, "zorder": 3})
        for year, n in implied.items():
            ax.text(year, y + 0.28, str(n), ha="center", va="center", color=palette[jid], fontsize=7, zorder=4)
        undated = int(rows["deadline_year"].isna().sum())
        row_labels.append(f"{names[jid]}\n{_text('undated', lang, n=undated)}" if undated else names[jid])
    ax.set_yticks(range(len(sources)), row_labels, fontsize=9)
    ax.set_ylim(len(sources) - 0.5, -0.5)
    ax.set_xticks(range(first, last + 1))
    ax.set_xlim(first - 0.8, last + 1)
    ax.grid(axis="x", color="0.9", linewidth=0.8)
    ax.set_axisbelow(True)
    _despine(ax, "top", "right", "left")
    ax.tick_params(axis="y", length=0)
    ax.legend(handles=_deadline_legend(lang), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8.5)
    return _finish(
        ax, ds, lang, title=_text("deadlines_title", lang), xlabel=_text("year_axis", lang),
        ylabel=column_label("jurisdiction", lang),
    )


def _draw_period(ax: Axes, y: int, start, end, right_edge: float, colour: str, label: str) -> None:
    """The band of a document's period; dashed and open to ``right_edge`` when it has no end year."""
    open_ended = pd.isna(end)
    stop = right_edge if open_ended else int(end) + 0.5
    ax.barh(
        y, stop - (int(start) - 0.5), left=int(start) - 0.5, height=0.6, color=colour, alpha=0.22 if open_ended else 0.35,
        edgecolor=colour, linewidth=1.2, linestyle="--" if open_ended else "-", label=label,
    )
    if open_ended:
        ax.annotate("", xy=(right_edge, y), xytext=(right_edge - 0.45, y), arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.5})


def _deadline_legend(lang: str) -> list[Artist]:
    grey = "0.45"
    return [
        Patch(facecolor=grey, alpha=0.35, edgecolor=grey, label=_text("period", lang)),
        Patch(facecolor=grey, alpha=0.22, edgecolor=grey, linestyle="--", label=_text("open_period", lang)),
        Line2D([], [], marker="o", linestyle="", markersize=12, color=grey, label=_text("due", lang)),
        Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor="white", markeredgecolor=grey, label=_text("implied_deadline", lang)),
    ]


# --------------------------------------------------------------------------- (d) per 1000 older people
@_shared_docs
def plot_per_1000(ds: Dataset, *, lang: str = "zh-Hans", ax: Axes | None = None, **kwargs) -> Axes:
    """Absolute-count targets per 1000 older people, for the figures that can be compared.

    Only targets for a whole city whose older population is known on the
    comparable basis (the 2020 census, resident population) are drawn, from
    :func:`comparison.align.per_1000_table`; nothing is estimated. Under the
    chart, every other city is listed with the reason it has no comparable
    figure.

    Parameters
    ----------
    {ds}
    {lang}
    {ax}
    kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`, which draws the figures.

    {returns}
    """
    _prepare(ds, lang)
    table = per_1000_table(ds, lang)
    shown = table.dropna(subset=["per_1000_older_people"]).reset_index(drop=True)
    ax = _axes(ax, (11, 2.6 + 0.7 * len(shown)))  # wide: the target labels take much of it
    palette = city_palette(ds)
    bars = ax.barh(
        shown.index, shown["per_1000_older_people"],
        **{"color": [palette[str(j)] for j in shown["jurisdiction_id"]], "height": 0.6, **kwargs},
    )
    ax.bar_label(bars, labels=[_per_1000_value(r, lang) for r in shown.itertuples(index=False)], padding=4, fontsize=9)
    ax.set_yticks(
        shown.index,
        [
            _text("per_1000_target", lang, city=r.jurisdiction, measure=r.measure, target=r.target)
            + (_text("per_1000_stated", lang) if r.how == vocab(PER_1000_HOW, "stated", lang) else "")
            for r in shown.itertuples(index=False)
        ],
        fontsize=9,
    )
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(0, max(shown["per_1000_older_people"].max() * 1.25, 1) if len(shown) else 1)
    _despine(ax, "top", "right")
    missing = _note_below(ax, _missing_text(ds, table, lang), fontsize=8.5, color="0.15", linespacing=1.4)
    return _finish(
        ax, ds, lang, title=_text("per_1000_title", lang), xlabel=_text("per_1000_axis", lang),
        ylabel=column_label("target", lang), extra_sources=("population_source",), below=missing,
    )


def _per_1000_value(row, lang: str) -> str:
    """The figure with two decimals, or two significant digits below 0.01 (so that no target reads as 0.00)."""
    value = row.per_1000_older_people
    number = f"{value:.2f}" if value >= 0.01 or value == 0 else f"{value:.2g}"
    return f"{number} {row.unit}" if lang == "en" else f"{number}{row.unit}"


def _missing_text(ds: Dataset, table: pd.DataFrame, lang: str) -> str:
    """One line per city without a comparable figure: how many targets it has and why."""
    names = jurisdiction_names(ds, lang)
    lines = [_text("missing_header", lang)]
    for jid in ds.jurisdiction_order:
        rows = table[table["jurisdiction_id"].astype(str) == jid]
        if rows["per_1000_older_people"].notna().any():
            continue
        if rows.empty:
            lines.append(_text("missing_line_no_targets", lang, city=names[jid], reason=_text("no_absolute_target", lang)))
        else:
            reason = "; ".join(dict.fromkeys(rows["reason"]))
            lines.append(_text("missing_line", lang, city=names[jid], n=format_number(len(rows), lang), reason=reason))
    return "\n".join(_wrap(line, lang, 100, indent="  ") for line in lines)  # a reason can be long: kept inside the figure


# --------------------------------------------------------------------------- (e) domain profile
@_shared_docs
def plot_domain_profile(ds: Dataset, *, lang: str = "zh-Hans", ax: Axes | None = None, **kwargs) -> Axes:
    """How many targets each city set in each policy domain.

    Domains are listed in their fixed order; targets without a canonical
    measure (so without a domain) form a last group. One bar per city in
    each domain, in the city's colour; policy parameters are not counted.

    Parameters
    ----------
    {ds}
    {lang}
    {ax}
    kwargs
        Passed to :func:`seaborn.barplot`, which draws the grouped bars.

    {returns}
    """
    _prepare(ds, lang)
    ax = _axes(ax, (9, 8))
    counts = _domain_counts(ds, lang)
    palette, names = city_palette(ds), jurisdiction_names(ds, lang)
    cities = [names[j] for j in counts.columns]
    tidy = counts.set_axis(cities, axis=1).rename_axis(index="domain", columns="city").stack().rename("n").reset_index()
    sns.barplot(
        tidy, x="n", y="domain", hue="city", order=list(counts.index), hue_order=cities, orient="h", ax=ax, legend=False,
        **{"palette": dict(zip(cities, (palette[j] for j in counts.columns))), "saturation": 1, "width": 0.84, "gap": 0.1, **kwargs},
    )
    for bars, city in zip(ax.containers, cities):  # one container per city, in hue order
        bars.set_label(city)
        ax.bar_label(bars, labels=[str(int(p.get_width())) for p in bars], padding=2, fontsize=7.5, color="0.25")  # a 0 is written, so that no slot looks like missing data
    ax.tick_params(axis="y", labelsize=9)
    ax.set_xlim(0, counts.to_numpy().max() * 1.12)
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.grid(axis="x", color="0.9", linewidth=0.8)
    ax.set_axisbelow(True)
    _despine(ax, "top", "right")
    ax.legend(title=column_label("jurisdiction", lang), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
    return _finish(
        ax, ds, lang, title=_text("domains_title", lang), xlabel=_text("domains_axis", lang), ylabel=column_label("domain", lang),
    )


def _domain_counts(ds: Dataset, lang: str) -> pd.DataFrame:
    """Domain name (plus a last row of targets of no codebook measure) × jurisdiction id → number of targets.

    Targets are counted by their ``domain_id`` (ids, not translated names);
    the names label the rows afterwards.
    """
    targets = _non_parameter_targets(ds, lang)
    names = domain_names(ds, lang)
    no_domain = ""  # the row of targets of no codebook measure (so of no topic and no domain)
    domain = targets["domain_id"].astype(object).where(targets["measure_id"].notna(), no_domain)
    counts = pd.crosstab(domain, targets["jurisdiction_id"].astype(str))
    counts = counts.reindex(index=[*names.index, no_domain], columns=ds.jurisdiction_order, fill_value=0)
    return counts.set_axis([*names, _text("no_measure", lang)], axis=0)


#: The charts of the report: file stem → plot function.
CHARTS: dict[str, Callable[..., Axes]] = {
    "coverage": plot_coverage,
    "deadlines": plot_deadlines,
    "per_1000": plot_per_1000,
    "domain_profile": plot_domain_profile,
}


def charts_of(ds: Dataset) -> dict[str, Callable[..., Axes]]:
    """Every chart of ``ds`` by file name: :data:`CHARTS`, then ``measure_<id>`` for each measure two or more places share."""
    shared = {f"measure_{m}": functools.partial(plot_measure_targets, measure=m) for m in shared_measures(ds)}
    return {**CHARTS, **shared}


def render_all(ds: Dataset, out_dir: str | Path, *, lang: str, progress: Callable[[str], None] | None = None) -> list[Path]:
    """Draw every chart of :func:`charts_of` in ``lang`` and save it as ``<out_dir>/<name>_<lang>.png`` and ``.svg``.

    Prints nothing; ``progress``, when given, is called with each chart's
    name before it is drawn. Each figure is closed once saved. Returns the
    paths written.
    """
    check_lang(lang)
    written: list[Path] = []
    for name, plot in charts_of(ds).items():
        if progress is not None:
            progress(name)
        with mpl.rc_context({"text.parse_math": False}):  # names are drawn literally, never as mathematics
            fig = plot(ds, lang=lang).figure
            written += save_figure(fig, Path(out_dir) / f"{name}_{lang}")
        plt.close(fig)
    return written
