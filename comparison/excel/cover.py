"""The cover sheet: what the workbook holds, how to read it, how to cite it."""

from __future__ import annotations

import pandas as pd
import yaml
from openpyxl import Workbook

from comparison import align
from comparison.excel import layout
from comparison.excel.cells import Sheet
from comparison.excel.context import Context
from comparison.excel.scope import selected_commitments, selected_targets
from comparison.excel.styles import DARK, LABEL, NOTE, SECTION, STATUS_STYLES, TEXT, TITLE
from comparison.labels import LANG_NAMES, STATUS, vocab
from comparison.words import SHEET_DESCRIPTIONS, SHEETS, STATUS_MEANINGS, SYMBOLS


def cover_sheet(wb: Workbook, ctx: Context) -> None:
    """Title, scope, measures and topics, what each sheet holds, how to read the cells, quotes, reading with software, how to cite."""
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
        [(w("topics"), LABEL), (_listing(ctx, ctx.topic_names, sel.topic_ids, not sel.filters_topics), TEXT)],
        [(w("counts_label"), LABEL), (counts, TEXT)],
        [],
        [(w("measures_vs_topics"), SECTION)],
        [(ctx.label("measure"), LABEL), (w("measure_text"), TEXT)],
        [(w("topic_word"), LABEL), (w("topic_text"), TEXT)],
        [],
        [(w("sheets"), SECTION)],
        *([(ctx.sheet_title(key), LABEL), (ctx.t(*SHEET_DESCRIPTIONS[key]), TEXT)] for key in SHEETS if key != "cover"),
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
