"""The sheets of the workbook, one builder each: ``build(wb, ctx)`` appends its sheet to the write-only workbook ``wb``.

:data:`SHEET_BUILDERS` lists them in workbook order, keyed as
:data:`comparison.words.SHEETS`.
"""

from __future__ import annotations

import pandas as pd
import yaml
from openpyxl import Workbook
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName

from comparison import align
from comparison.excel import layout
from comparison.excel.cells import Column, Sheet, fit_lines, matrix_sheet, tidy_sheet
from comparison.excel.context import Context
from comparison.excel.scope import selected_commitments, selected_targets, source_jurisdictions
from comparison.excel.styles import CELL, DARK, LABEL, NOTE, SECTION, STATUS_STYLES, TEXT, TITLE
from comparison.labels import LANG_NAMES, SCRIPT, STATUS, vocab
from comparison.script import to_simplified
from comparison.words import SHEET_DESCRIPTIONS, SHEETS, STATUS_MEANINGS, SYMBOLS

#: Workbook-level name of the range that holds the curated columns of the targets sheet
#: (field-name row and data rows); :func:`comparison.excel.read_targets_sheet` finds the sheet through it.
TARGETS_RANGE_NAME = "targets_csv"

#: Kinds of the curated columns of ``targets.csv``; any other column is ``text``.
TARGET_KINDS = {
    "target_id": "code", "source_id": "code", "clause": "code", "kind": "code", "indicator_id": "code",
    "measure_zh": "text", "measure_en": "text", "operator": "code", "value": "number", "unit_id": "code",
    "measure_word": "code", "deadline_year": "year", "scope_zh": "text", "scope_en": "text", "attribute": "code",
    "is_aspirational": "flag", "quote": "long", "notes": "long",
}

#: Columns added to the targets sheet for reading, from :func:`comparison.align.targets_long`.
TARGET_EXTRAS = {"jurisdiction": "text", "indicator": "text", "target": "text", "quote_zh_hans": "long"}

#: The most targets the print view lays out (about 250 pages).
PRINT_VIEW_MAX_ROWS = 5_000
#: Columns of the print view of the targets, with their kinds.
PRINT_COLUMNS = {
    "target_id": "code", "jurisdiction": "brief", "indicator": "brief", "measure": "brief", "target": "brief",
    "clause": "tag", "quote": "long",
}


def _tidy(
    wb: Workbook, ctx: Context, key: str, frame: pd.DataFrame, kinds: dict[str, str], extras: dict[str, str] | None = None, *, wide: bool = False
) -> Sheet:
    columns = [Column(n, ctx.label(n), k) for n, k in kinds.items()]
    columns += [Column(n, ctx.label(n), k, extra=True) for n, k in (extras or {}).items()]
    sheet = Sheet(wb, ctx.sheet_title(key))
    return tidy_sheet(sheet, frame, columns, lang=ctx.lang, footer=ctx.footer, table=key, wide=wide)


# --------------------------------------------------------------------------- cover
def cover_sheet(wb: Workbook, ctx: Context) -> None:
    """Title, scope, what each sheet holds, how to read the symbols, quotes, reading with software, how to cite."""
    ds, sel, w = ctx.ds, ctx.selection, ctx.word
    sheet = Sheet(wb, ctx.sheet_title("cover"), tab_color=DARK)
    widths = layout.set_widths(sheet.ws, [24, 90])
    layout.print_setup(sheet.ws, title_rows="1:1", footer=ctx.footer, landscape=False, grid=False)
    created = ctx.created
    counts = w("counts", targets=len(ds.targets), commitments=len(ds.commitments), sources=len(ds.sources))
    if sel.narrowed:
        counts += w("counts_selected", targets=len(selected_targets(ds, sel)), commitments=len(selected_commitments(ds, sel)))
    rows: list[list[tuple[object, str | None]]] = [
        [(w("title"), TITLE)],
        [(w("subtitle"), NOTE)],
        [],
        [(w("data_version"), LABEL), (ds.version, TEXT)],
        [(w("data_date"), LABEL), (created.date().isoformat() if created else w("not_stated"), TEXT)],
        [(w("language"), LABEL), (LANG_NAMES[ctx.lang], TEXT)],
        [(w("cities"), LABEL), (_listing(ctx, ctx.jurisdiction_names, sel.city_ids, sel.cities is None), TEXT)],
        [(w("indicators"), LABEL), (_listing(ctx, ctx.indicator_names, sel.indicator_ids, not sel.filters_indicators), TEXT)],
        [(w("counts_label"), LABEL), (counts, TEXT)],
        [],
        [(w("sheets"), SECTION)],
        *([(ctx.sheet_title(key), LABEL), (ctx.t(*desc), TEXT)] for key, desc in _descriptions()),
        [],
        [(w("symbols"), SECTION)],
        *([(ctx.t(*symbol), LABEL), (ctx.t(*meaning), TEXT)] for symbol, meaning in SYMBOLS),
        *([(vocab(STATUS, s, ctx.lang, taiwan=ctx.taiwan), STATUS_STYLES[s]), (ctx.t(*STATUS_MEANINGS[s]), TEXT)] for s in align.STATUS_ORDER),
        [],
        [(w("quotes"), SECTION)],
        [(w("quote"), LABEL), (w("quotes_text"), TEXT)],
        [(w("reading"), LABEL), (w("reading_text"), TEXT)],
        [],
        [(w("cite"), SECTION)],
        [(w("cite_data"), LABEL), (_citation(ctx), TEXT)],
        [(w("cite_documents"), LABEL), (w("cite_documents_text"), TEXT)],
    ]
    labels = [row[0][0] if len(row) > 1 else None for row in rows]
    texts = [row[1][0] if len(row) > 1 else None for row in rows]
    for row, height in zip(rows, layout.row_heights([labels, texts], widths, len(rows))):
        sheet.append(row, height)


def _descriptions():
    return [(key, SHEET_DESCRIPTIONS[key]) for key in SHEETS if key != "cover"]


def _listing(ctx: Context, names: pd.Series, ids: list[str], everything: bool, limit: int = 40) -> str:
    """'All (5): A, B, …' or the selected names; only the count when there are more than ``limit``."""
    shown = ctx.word("list_sep").join(names[i] for i in ids) if len(ids) <= limit else ""
    if everything:
        head = ctx.word("all", n=len(ids))
        return f"{head}{ctx.word('colon')}{shown}" if shown else head
    return shown or ctx.word("selected", n=len(ids))


def _citation(ctx: Context) -> str:
    """The data citation from ``CITATION.cff`` beside the data folder, else from the data package."""
    cff = ctx.ds.data_dir.parent / "CITATION.cff"
    if cff.exists():
        meta = yaml.load(cff.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        authors = "; ".join(a.get("name") or f"{a.get('given-names', '')} {a.get('family-names', '')}".strip() for a in meta.get("authors", []))
        parts = [f"{authors} ({str(meta.get('date-released', ''))[:4]})", meta.get("title"), f"Version {meta.get('version', ctx.ds.version)}", meta.get("license")]
    else:
        desc = ctx.descriptor
        licences = ", ".join(lic.get("name", "") for lic in desc.get("licenses", []))
        parts = [f"{desc.get('title') or desc.get('name', '')} ({str(desc.get('created', ''))[:4]})", f"Version {ctx.ds.version}", licences]
    return ". ".join(str(p) for p in parts if p) + "."


# --------------------------------------------------------------------------- the two grids
def _status_labels(ctx: Context) -> dict[str, str]:
    """Cell text of each coverage status → the status."""
    return {vocab(STATUS, s, ctx.lang): s for s in align.STATUS_ORDER}


def comparison_sheet(wb: Workbook, ctx: Context) -> None:
    """Indicators × cities; qualitative-only and not-mentioned cells get their fill and italics."""
    sel = ctx.selection
    table = align.comparison_table(
        ctx.ds, ctx.lang, indicators=sel.indicators, cities=sel.cities, domain=sel.domain, taiwan=ctx.taiwan, long=ctx.long, coverage=ctx.coverage
    )
    statuses = _status_labels(ctx)
    words = {s: label for label, s in statuses.items()}

    def style_of(text: str) -> str:
        status = statuses.get(text)
        return STATUS_STYLES[status] if status in ("qualitative", "not_mentioned") else CELL

    legend = [
        (ctx.word("legend_quantified", word=words["quantified"]), CELL),
        (words["qualitative"], STATUS_STYLES["qualitative"]),
        (words["not_mentioned"], STATUS_STYLES["not_mentioned"]),
    ]
    targets_sheet_name = ctx.sheet_title("targets")
    sheet = Sheet(wb, ctx.sheet_title("comparison"), tab_color=DARK)
    matrix_sheet(
        sheet, ctx.word("comparison_title"), table, style_of, legend, legend_label=ctx.word("legend"), footer=ctx.footer,
        fit=lambda text: fit_lines(text, lambda n: ctx.word("left_out", n=n, sheet=targets_sheet_name)),
    )


def coverage_sheet(wb: Workbook, ctx: Context) -> None:
    """Indicators × cities, each cell its coverage status in words and colour."""
    sel = ctx.selection
    table = align.coverage_matrix(ctx.ds, ctx.lang, indicators=sel.indicators, cities=sel.cities, domain=sel.domain, coverage=ctx.coverage)
    statuses = _status_labels(ctx)
    legend = [(label, STATUS_STYLES[s]) for label, s in statuses.items()]
    sheet = Sheet(wb, ctx.sheet_title("coverage"))
    matrix_sheet(
        sheet, ctx.word("coverage_title"), table, lambda text: STATUS_STYLES[statuses[text]], legend,
        legend_label=ctx.word("legend"), footer=ctx.footer,
    )


# --------------------------------------------------------------------------- the data sheets
def targets_sheet(wb: Workbook, ctx: Context) -> None:
    """Every target exactly as in ``targets.csv``, then display columns, and the named range of the curated part."""
    curated = ctx.ds.targets.reset_index(drop=True)
    long = ctx.long.set_index("target_id")
    display = long.loc[curated["target_id"].astype(str), list(TARGET_EXTRAS)].reset_index(drop=True)
    frame = pd.concat([curated, display], axis=1)
    kinds = {name: TARGET_KINDS.get(name, "text") for name in curated.columns}
    sheet = _tidy(wb, ctx, "targets", frame, kinds, TARGET_EXTRAS, wide=True)  # for reading on paper: the print view
    ref = f"A2:{get_column_letter(len(curated.columns))}{len(curated) + 2}"
    wb.defined_names.add(DefinedName(TARGETS_RANGE_NAME, attr_text=f"{quote_sheetname(sheet.ws.title)}!{absolute_coordinate(ref)}"))


def print_view_sheet(wb: Workbook, ctx: Context) -> None:
    """The selected targets with the columns a reader needs, laid out to print on landscape A4 pages.

    More than :data:`PRINT_VIEW_MAX_ROWS` targets (hundreds of pages) are not
    laid out: the sheet says how to choose fewer instead.
    """
    chosen = selected_targets(ctx.ds, ctx.selection)["target_id"].astype(str)
    if len(chosen) > PRINT_VIEW_MAX_ROWS:
        sheet = Sheet(wb, ctx.sheet_title("print_view"))
        layout.set_widths(sheet.ws, [120])
        sheet.append([(ctx.word("too_many_to_print", n=len(chosen), limit=PRINT_VIEW_MAX_ROWS), NOTE)])
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
            "indicator": c["indicator_id"].astype(str).map(ctx.indicator_names),
            "clause": c["clause"],
            "quote": c["quote"],
            "quote_zh_hans": c["quote"].astype(str).map(to_simplified),
            "notes": c["notes"],
        }
    )
    kinds = {"commitment_id": "code", "jurisdiction": "text", "indicator": "text", "clause": "code", "quote": "long", "quote_zh_hans": "long", "notes": "long"}
    _tidy(wb, ctx, "commitments", frame, kinds)


def per_1000_sheet(wb: Workbook, ctx: Context) -> None:
    """Absolute-count targets per 1000 older people, with the population figure used or the reason there is none."""
    table = align.per_1000_table(ctx.ds, ctx.lang, long=ctx.long_standard)
    sel = ctx.selection
    keep = table["jurisdiction_id"].astype(str).isin(sel.city_ids) & table["indicator_id"].astype(str).isin(sel.indicator_ids)
    kinds = {
        "target_id": "code", "jurisdiction": "text", "indicator": "text", "measure": "text", "target": "text", "value": "number",
        "unit": "code", "older_population": "integer", "population_basis": "code", "per_1000_older_people": "ratio",
        "reason": "long", "population_source": "long",
    }
    _tidy(wb, ctx, "per_1000", table[keep], kinds)


def codebook_sheet(wb: Workbook, ctx: Context) -> None:
    """Every indicator with domain, unit, definition and comparability notes, in codebook order."""
    ds = ctx.ds
    ind = ds.indicators.set_index(ds.indicators["indicator_id"].astype(str)).loc[ds.indicator_order]
    units = dict(zip(ds.units["unit_id"].astype(str), (ctx.t(z, e) for z, e in zip(ds.units["name_zh"], ds.units["name_en"]))))
    frame = pd.DataFrame(
        {
            "indicator_id": ind.index,
            "domain": ind["domain_id"].astype(str).map(align.domain_names(ds, ctx.lang)).values,
            "indicator": ind.index.map(ctx.indicator_names),
            "unit": [units[u] if isinstance(u, str) else ctx.word("varies") for u in ind["unit_id"]],
            "definition": ctx.each(ind["definition_zh"], ind["definition_en"]),
            "comparability": ctx.each(ind["comparability_zh"], ind["comparability_en"]),
        }
    )
    kinds = {"indicator_id": "code", "domain": "text", "indicator": "text", "unit": "text", "definition": "long", "comparability": "long"}
    _tidy(wb, ctx, "codebook", frame, kinds)


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
    kinds = {
        "source_id": "code", "jurisdiction": "text", "title": "text", "document_number": "code", "issuer": "text", "issue_date": "date",
        "period": "code", "script": "code", "text_file": "code", "text_sha256": "code", "notes": "long",
    }
    _tidy(wb, ctx, "sources", frame, kinds)


#: The sheet builders in workbook order, keyed as :data:`comparison.words.SHEETS`.
SHEET_BUILDERS = {
    "cover": cover_sheet,
    "comparison": comparison_sheet,
    "coverage": coverage_sheet,
    "targets": targets_sheet,
    "commitments": commitments_sheet,
    "per_1000": per_1000_sheet,
    "codebook": codebook_sheet,
    "sources": sources_sheet,
    "print_view": print_view_sheet,
}
assert list(SHEET_BUILDERS) == list(SHEETS), "every sheet named in comparison.words.SHEETS has a builder, in the same order"
