"""The data sheets of the workbook, one record per row, and :data:`SHEET_BUILDERS`, every sheet's builder in workbook order.

A builder ``build(wb, ctx)`` appends its sheet to the write-only workbook
``wb``; builders are keyed as :data:`comparison.words.SHEETS`. The cover is in
:mod:`comparison.excel.cover`, the comparison and coverage grids in
:mod:`comparison.excel.grids`.
"""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName

from comparison import align
from comparison.excel import layout
from comparison.excel.cells import Column, Sheet, tidy_sheet
from comparison.excel.context import Context
from comparison.excel.cover import cover_sheet
from comparison.excel.grids import comparison_sheet, coverage_sheet
from comparison.excel.scope import selected_commitments, selected_targets, source_jurisdictions
from comparison.excel.styles import NOTE
from comparison.labels import SCRIPT, vocab
from comparison.script import to_simplified
from comparison.site import passage_url
from comparison.words import SHEETS

#: Workbook-level name of the range that holds the curated columns of the targets sheet
#: (field-name row and data rows); :func:`comparison.excel.read_targets_sheet` finds the sheet through it.
TARGETS_RANGE_NAME = "targets_csv"

#: Kinds of the columns of the data sheets (see :data:`comparison.excel.styles.KINDS`); any other column is ``text``.
KIND_OF = {
    "target_id": "code", "source_id": "code", "clause": "code", "kind": "code", "measure_id": "code", "topic_id": "code",
    "jurisdiction_id": "code", "commitment_id": "code", "operator": "code", "value": "number", "unit_id": "code",
    "measure_word": "code", "deadline_stated": "year", "deadline_implied": "year", "deadline_year": "year",
    "deadline_basis": "code", "attribute": "code", "is_aspirational": "flag", "restates": "code", "quote": "long",
    "quote_zh_hans": "long", "notes": "long", "definition": "long", "reason": "long", "population_source": "long",
    "older_population": "integer", "per_1000_older_people": "ratio", "population_basis": "code", "how": "code",
    "population_source_quality": "code", "level": "code", "period": "code", "unit": "code", "issue_date": "date",
    "document_number": "code", "script": "code", "text_file": "code", "text_sha256": "code",
}

#: Columns added to the targets sheet for reading, from :func:`comparison.align.targets_long`.
TARGET_EXTRAS = ("jurisdiction", "topic", "measure", "target", "quote_zh_hans")

#: The most targets the by-topic sheet lists: at the size of a national corpus (130,000 targets) the listing
#: took 10 of the export's 50 s (benchmarks/bench_export.py) and repeats the targets sheet.
BROWSE_MAX_ROWS = 20_000
#: The most targets the print view lays out (about 250 pages).
PRINT_VIEW_MAX_ROWS = 5_000
#: Columns of the print view of the targets, with their kinds.
PRINT_COLUMNS = {
    "target_id": "code", "jurisdiction": "brief", "topic": "brief", "measure": "brief", "target": "brief",
    "clause": "tag", "quote": "long",
}


def _kinds(columns) -> dict[str, str]:
    return {name: KIND_OF.get(name, "text") for name in columns}


def _tidy(
    wb: Workbook, ctx: Context, key: str, frame: pd.DataFrame, kinds: dict[str, str], extras: dict[str, str] | None = None, *, wide: bool = False
) -> Sheet:
    columns = [Column(n, ctx.label(n), k) for n, k in kinds.items()]
    columns += [Column(n, ctx.label(n), k, extra=True) for n, k in (extras or {}).items()]
    sheet = Sheet(wb, ctx.sheet_title(key))
    return tidy_sheet(sheet, frame, columns, lang=ctx.lang, footer=ctx.footer, table=key, wide=wide)


# --------------------------------------------------------------------------- the data sheets
def targets_sheet(wb: Workbook, ctx: Context) -> None:
    """Every target exactly as in ``targets.csv``, then display columns, and the named range of the curated part."""
    curated = ctx.ds.targets.reset_index(drop=True)
    long = ctx.long.set_index("target_id")
    display = long.loc[curated["target_id"].astype(str), list(TARGET_EXTRAS)].reset_index(drop=True)
    extras = _kinds(TARGET_EXTRAS)
    if ctx.passages is not None:
        base, editions = ctx.passages
        edition = editions.get(ctx.lang, next(iter(editions.values())))
        display["passage"] = [
            f"{base}{edition}/{passage_url(s, t)}" for s, t in zip(curated["source_id"].astype(str), curated["target_id"].astype(str))
        ]
        extras["passage"] = "link"
    frame = pd.concat([curated, display], axis=1)
    sheet = _tidy(wb, ctx, "targets", frame, _kinds(curated.columns), extras, wide=True)  # to read on paper: the print view
    ref = f"A2:{get_column_letter(len(curated.columns))}{len(curated) + 2}"
    wb.defined_names.add(DefinedName(TARGETS_RANGE_NAME, attr_text=f"{quote_sheetname(sheet.ws.title)}!{absolute_coordinate(ref)}"))


def topics_sheet(wb: Workbook, ctx: Context) -> None:
    """Every target of the selection under its topic and measure, for browsing.

    More than :data:`BROWSE_MAX_ROWS` targets are not listed again (the
    targets sheet holds them all, with a filter on every column): the sheet
    says how to choose fewer instead.
    """
    sel = ctx.selection
    if len(selected_targets(ctx.ds, sel)) > BROWSE_MAX_ROWS:
        _note_sheet(wb, ctx, "topics", ctx.word("too_many_to_browse", n=len(selected_targets(ctx.ds, sel)), limit=BROWSE_MAX_ROWS))
        return
    table = align.topic_listing(ctx.ds, ctx.lang, topics=sel.topics, cities=sel.cities, domain=sel.domain, long=ctx.long)
    _tidy(wb, ctx, "topics", table, _kinds(table.columns))


def _note_sheet(wb: Workbook, ctx: Context, key: str, text: str) -> None:
    """A sheet holding only ``text`` (why it lists nothing)."""
    sheet = Sheet(wb, ctx.sheet_title(key))
    layout.set_widths(sheet.ws, [120])
    sheet.append([(text, NOTE)])


def print_view_sheet(wb: Workbook, ctx: Context) -> None:
    """The selected targets with the columns a reader needs, laid out to print on landscape A4 pages.

    More than :data:`PRINT_VIEW_MAX_ROWS` targets (hundreds of pages) are not
    laid out: the sheet says how to choose fewer instead.
    """
    chosen = selected_targets(ctx.ds, ctx.selection)["target_id"].astype(str)
    if len(chosen) > PRINT_VIEW_MAX_ROWS:
        _note_sheet(wb, ctx, "print_view", ctx.word("too_many_to_print", n=len(chosen), limit=PRINT_VIEW_MAX_ROWS))
        return
    frame = ctx.long.set_index("target_id").loc[chosen].reset_index()[list(PRINT_COLUMNS)]
    _tidy(wb, ctx, "print_view", frame, PRINT_COLUMNS)


def commitments_sheet(wb: Workbook, ctx: Context) -> None:
    """Qualitative commitments with their verbatim quotes."""
    c = selected_commitments(ctx.ds, ctx.selection)
    frame = pd.DataFrame(
        {
            "commitment_id": c["commitment_id"].astype(str),
            "jurisdiction": c["source_id"].astype(str).map(source_jurisdictions(ctx.ds)).map(ctx.jurisdiction_names),
            "topic": c["topic_id"].astype(str).map(ctx.topic_names),
            "clause": c["clause"],
            "quote": c["quote"],
            "quote_zh_hans": c["quote"].astype(str).map(to_simplified),
            "notes": c["notes"],
        }
    )
    _tidy(wb, ctx, "commitments", frame, _kinds(frame.columns))


def per_1000_sheet(wb: Workbook, ctx: Context) -> None:
    """Targets per 1000 older people (computed or stated), with the population figure used or the reason there is none."""
    table = align.per_1000_table(ctx.ds, ctx.lang, long=ctx.long_standard)
    sel = ctx.selection
    keep = table["jurisdiction_id"].astype(str).isin(sel.city_ids) & table["topic_id"].astype(str).isin(sel.topic_ids)
    shown = [
        "target_id", "jurisdiction", "topic", "measure", "target", "value", "unit", "how", "older_population", "population_basis",
        "population_source_quality", "per_1000_older_people", "reason", "population_source",
    ]
    _tidy(wb, ctx, "per_1000", table.loc[keep, [c for c in shown if c in table.columns]], _kinds(c for c in shown if c in table.columns))


def codebook_sheet(wb: Workbook, ctx: Context) -> None:
    """Every measure with its topic, domain, unit, what is counted, denominator, population, level, period and definition."""
    ds = ctx.ds
    mea = ds.measures.set_index(ds.measures["measure_id"].astype(str)).loc[ds.measure_order]
    topics = ds.topics.set_index(ds.topics["topic_id"].astype(str))
    units = dict(zip(ds.units["unit_id"].astype(str), (ctx.t(z, e) for z, e in zip(ds.units["name_zh"], ds.units["name_en"]))))
    frame = pd.DataFrame(
        {
            "measure_id": mea.index,
            "domain": mea["topic_id"].astype(str).map(topics["domain_id"].astype(str)).map(align.domain_names(ds, ctx.lang)).values,
            "topic": mea["topic_id"].astype(str).map(ctx.topic_names).values,
            "measure": mea.index.map(ctx.measure_names),
            "unit": [units.get(str(u), u) for u in mea["unit_id"]],
            "counted": ctx.each(mea["counted_zh"], mea["counted_en"]),
            "denominator": ctx.each(mea["denominator_zh"], mea["denominator_en"]),
            "population": ctx.each(mea["population_zh"], mea["population_en"]),
            "level": mea["level"].values,
            "period": mea["period"].values,
            "definition": ctx.each(mea["definition_zh"], mea["definition_en"]),
            "notes": mea["notes"].values,
        }
    )
    _tidy(wb, ctx, "codebook", frame, _kinds(frame.columns))


def sources_sheet(wb: Workbook, ctx: Context) -> None:
    """Every policy document, in the display order of their cities."""
    ds = ctx.ds
    src = ds.sources.set_index(ds.sources["source_id"].astype(str)).loc[ds.source_order]
    frame = pd.DataFrame(
        {
            "source_id": src.index,
            "jurisdiction": src["jurisdiction_id"].astype(str).map(ctx.jurisdiction_names).values,
            "title": ctx.each(src["title_zh"], src["title_en"]),
            "document_number": src["document_number"].values,
            "issuer": ctx.each(src["issuer_zh"], src["issuer_en"]),
            "issue_date": src["issue_date"].values,
            "period": [f"{s}–{e}" if pd.notna(e) else f"{s}–" for s, e in zip(src["period_start_year"], src["period_end_year"])],
            "script": [vocab(SCRIPT, s, ctx.lang, taiwan=ctx.taiwan) for s in src["script"]],
            "text_file": src["text_file"].values,
            "text_sha256": src["text_sha256"].values,
            "notes": src["notes"].values,
        }
    )
    _tidy(wb, ctx, "sources", frame, _kinds(frame.columns))


#: The sheet builders in workbook order, keyed as :data:`comparison.words.SHEETS`.
SHEET_BUILDERS = {
    "cover": cover_sheet,
    "comparison": comparison_sheet,
    "topics": topics_sheet,
    "coverage": coverage_sheet,
    "targets": targets_sheet,
    "commitments": commitments_sheet,
    "per_1000": per_1000_sheet,
    "codebook": codebook_sheet,
    "sources": sources_sheet,
    "print_view": print_view_sheet,
}
assert list(SHEET_BUILDERS) == list(SHEETS), "every sheet named in comparison.words.SHEETS has a builder, in the same order"
