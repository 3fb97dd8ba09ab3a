"""The two sheets for reading side by side: the comparison (measures × places, grouped by topic) and coverage (topics × places)."""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook

from comparison import align
from comparison.excel.cells import Sheet, fit_lines, grid_sheet, matrix_sheet
from comparison.excel.context import Context
from comparison.excel.styles import CELL, CODE_CELL, DARK, OTHER, ROW_HEADER, SECTION, STATUS_STYLES, TOPIC
from comparison.labels import STATUS, pick, vocab
from comparison.words import WORKBOOK

#: Columns of :func:`comparison.align.comparison_table` other than the places', in the order the sheet shows them.
_ID_COLUMNS = ("topic_id", "measure_id")


def _status_labels(ctx: Context) -> dict[str, str]:
    """Cell text of each coverage status → the status."""
    return {vocab(STATUS, s, ctx.lang): s for s in align.STATUS_ORDER}


def _cell_styles(ctx: Context) -> dict[str, str]:
    """Cell text that is not a target (a status, or 'other measures of the topic') → its named style."""
    styles = {label: STATUS_STYLES[s] for label, s in _status_labels(ctx).items() if s != "quantified"}
    styles[pick(*WORKBOOK["other_measures"], ctx.lang)] = OTHER  # as comparison_table writes it
    return styles


def comparison_sheet(wb: Workbook, ctx: Context) -> None:
    """One row per measure, grouped by topic, shared measures first; the places' targets, the national reference and what differs."""
    sel = ctx.selection
    table = align.comparison_table(
        ctx.ds, ctx.lang, topics=sel.topics, cities=sel.cities, domain=sel.domain, taiwan=ctx.taiwan, long=ctx.long, coverage=ctx.coverage
    )
    places = [ctx.jurisdiction_names[j] for j in sel.city_ids]
    national = ctx.label("national_reference")
    header = [ctx.label("measure"), ctx.label("unit"), *places, national, ctx.label("differences"), *_ID_COLUMNS]
    styles = _cell_styles(ctx)
    targets_sheet_name = ctx.sheet_title("targets")

    def cell(text) -> tuple[object, str]:
        text = "" if text is None or text is pd.NA else fit_lines(str(text), lambda n: ctx.word("left_out", n=n, sheet=targets_sheet_name))
        return (text or None, styles.get(text, CELL))

    rows: list[list[tuple[object, str | None]]] = []
    for shared, block in ((True, table[table["n_places"] >= 2]), (False, table[table["n_places"] < 2])):
        if block.empty:
            continue
        rows.append([(ctx.word("shared_measures" if shared else "single_measures"), SECTION)])
        topic = None
        for measure, r in block.iterrows():
            if r["topic"] != topic:
                topic = r["topic"]
                rows.append([(f"{ctx.word('topic_word')}{ctx.word('colon')}{topic}", TOPIC)])
            rows.append([
                (str(measure), ROW_HEADER), (r["unit"], CELL), *(cell(r[p]) for p in places), cell(r[national]),
                (r["differences"] or None, CELL), *((r[c], CODE_CELL) for c in _ID_COLUMNS),
            ])
    words = {s: label for label, s in _status_labels(ctx).items()}
    legend = [
        (ctx.word("legend_quantified", word=words["quantified"]), CELL),
        (pick(*WORKBOOK["other_measures"], ctx.lang), OTHER),
        (words["qualitative"], STATUS_STYLES["qualitative"]),
        (words["not_mentioned"], STATUS_STYLES["not_mentioned"]),
    ]
    caps = [30, 12, *([28] * len(places)), 24, 40, 24, 24]
    sheet = Sheet(wb, ctx.sheet_title("comparison"), tab_color=DARK)
    grid_sheet(
        sheet, ctx.word("comparison_title"), header, rows, legend, legend_label=ctx.word("legend"), footer=ctx.footer, caps=caps,
        printed=len(header) - len(_ID_COLUMNS),  # the ids are for software, not for the printed page
    )


def coverage_sheet(wb: Workbook, ctx: Context) -> None:
    """Topics × places, each cell its coverage status in words and colour."""
    sel = ctx.selection
    table = align.coverage_matrix(ctx.ds, ctx.lang, topics=sel.topics, cities=sel.cities, domain=sel.domain, coverage=ctx.coverage)
    statuses = _status_labels(ctx)
    legend = [(label, STATUS_STYLES[s]) for label, s in statuses.items()]
    sheet = Sheet(wb, ctx.sheet_title("coverage"))
    matrix_sheet(
        sheet, ctx.word("coverage_topics_title"), table, lambda text: STATUS_STYLES[statuses[text]], legend,
        legend_label=ctx.word("legend"), footer=ctx.footer,
    )
